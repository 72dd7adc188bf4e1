"""Speech: synthesis with pyttsx3 (espeak-ng) in a worker process, sentence by sentence,
cached on disk. No widgets here: the ui plays what this produces."""
