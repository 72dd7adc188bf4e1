"""The speech worker: a process that owns one pyttsx3 engine for its whole life.

pyttsx3's engine is not thread-safe and ``runAndWait`` can hang, so it lives alone in its
own process; the parent can kill and replace it without the screen ever waiting.

Messages to the parent (on ``results``):
  ("ready", [voice ids])          the engine started
  ("unavailable", reason)         it could not start (espeak-ng missing, ...); the worker ends
  ("done", job, path)             a sentence was written, complete, to ``path``
  ("failed", job, reason)         that sentence could not be spoken
"""

from __future__ import annotations

import contextlib
import io
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any


class VoiceNotInstalled(Exception):
    pass


def serve(requests: Queue[Any], results: Queue[Any], driver: str | None) -> None:
    """Run until a ``None`` request arrives. Each request: (job, words, voice id, rate, path)."""
    quiet = io.StringIO()  # pyttsx3 prints "Audio saved to ..." for every file
    try:
        with contextlib.redirect_stdout(quiet):
            import pyttsx3

            engine = pyttsx3.init(driverName=driver)
            voices = sorted(voice.id for voice in engine.getProperty("voices"))
    except Exception as error:  # any failure to start means: no speech on this kiosk
        results.put(("unavailable", f"{type(error).__name__}: {error}"))
        return
    results.put(("ready", voices))
    while (request := requests.get()) is not None:
        job, words, voice_id, rate, path = request
        try:
            with contextlib.redirect_stdout(quiet):
                _speak_to_file(engine, set(voices), words, voice_id, rate, path)
            results.put(("done", job, path))
        except Exception as error:
            results.put(("failed", job, f"{type(error).__name__}: {error}"))
        quiet.seek(0)
        quiet.truncate()


def _speak_to_file(
    engine: Any, voices: set[str], words: str, voice_id: str, rate: int, path: str
) -> None:
    # pyttsx3 keeps the old voice, silently, when it does not know the new one, and only
    # applies a new one when it next runs: check the name first and the result after.
    if voice_id not in voices:
        raise VoiceNotInstalled(f"voice {voice_id!r} is not installed")
    engine.setProperty("voice", voice_id)
    engine.setProperty("rate", rate)
    partial = Path(path + ".part")
    engine.save_to_file(words, str(partial))
    engine.runAndWait()
    if engine.getProperty("voice") != voice_id:
        partial.unlink(missing_ok=True)
        raise VoiceNotInstalled(f"the engine kept {engine.getProperty('voice')!r}")
    partial.replace(path)  # a file in the cache is always a whole recording
