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
from typing import Any

from kiosk.speech.whole_recordings import SentenceRecorder


def serve(requests: Queue[Any], results: Queue[Any], driver: str | None) -> None:
    """Run until a ``None`` request arrives. Each request: (job, words, voice id, rate, path)."""
    quiet = io.StringIO()  # pyttsx3 prints "Audio saved to ..." for every file
    try:
        with contextlib.redirect_stdout(quiet):
            import pyttsx3

            engine = pyttsx3.init(driverName=driver)
            voices = sorted(voice.id for voice in engine.getProperty("voices"))
            recorder = SentenceRecorder(engine, set(voices))
    except Exception as error:  # any failure to start means: no speech on this kiosk
        results.put(("unavailable", f"{type(error).__name__}: {error}"))
        return
    results.put(("ready", voices))
    while (request := requests.get()) is not None:
        job, words, voice_id, rate, path = request
        try:
            with contextlib.redirect_stdout(quiet):
                recorder.record(words, voice_id, rate, path)
            results.put(("done", job, path))
        except Exception as error:
            results.put(("failed", job, f"{type(error).__name__}: {error}"))
        quiet.seek(0)
        quiet.truncate()
