"""Recording whole sentences with pyttsx3's espeak-ng driver, which can lose them.

pyttsx3 2.99's espeak driver has two faults that cut what a resident hears:

* espeak-ng hands its sound over in buffers, and with the last one comes the message "that
  was everything". The driver writes the WAV file as soon as it reads that message and only
  then adds that buffer's samples, to a recording already saved. On a quiet machine the last
  buffer is usually empty; on a busy one it can carry the end of the sentence, or all of a
  short one, so the resident hears a sentence cut short or nothing (pyttsx3 issue #334).
* The first ``runAndWait`` after the engine starts returns as soon as espeak-ng has *begun*,
  because the queued "end the loop" runs before the loop does; the file is not there yet.
  An empty first run settles that.
* Starting a sentence while espeak-ng is busy (winding down the last one, or taking in a
  new voice or rate, which it does in its own thread) makes the driver cancel the new one.

:class:`SentenceRecorder` puts a callback in front of the driver's that takes the samples
first and passes the messages on with none, waits for the driver's own "finished" news
rather than trusting ``runAndWait``, starts each sentence only once espeak-ng is idle,
and makes a cut or empty recording once more before it gives up.
"""

from __future__ import annotations

import ctypes
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

ESPEAK_DRIVER = "pyttsx3.drivers.espeak"
BYTES_PER_SAMPLE = ctypes.sizeof(ctypes.c_short)
FINISH_TIMEOUT_S = 10.0  # the parent gives up (and replaces this process) a little later
IDLE_TIMEOUT_S = 2.0
TRIES = 2
MENDED = "_our_say_keeps_every_sample"


class VoiceNotInstalled(Exception):
    pass


class NoSound(Exception):
    pass


def keep_every_sample(engine: Any) -> bool:
    """Mend ``engine``'s espeak driver in place; False when it is some other driver."""
    driver = getattr(getattr(engine, "proxy", None), "_driver", None)
    needed = ("_onSynth", "_data_buffer", "_speaking")
    if type(driver).__module__ != ESPEAK_DRIVER or not all(hasattr(driver, n) for n in needed):
        return False
    if getattr(driver, MENDED, False):
        return True  # mending twice would keep every sample twice
    from pyttsx3.drivers import _espeak

    passes_messages_on: Callable[[Any, int, Any], int] = driver._onSynth

    def samples_first(wav: Any, count: int, events: Any) -> int:
        if count > 0 and driver._speaking:
            driver._data_buffer += ctypes.string_at(wav, count * BYTES_PER_SAMPLE)
        return passes_messages_on(wav, 0, events)

    driver._onSynth = samples_first
    setattr(driver, MENDED, True)
    _espeak.SetSynthCallback(samples_first)  # _espeak keeps the ctypes callback alive
    return True


def has_sound(path: Path) -> bool:
    """True when ``path`` is a WAV file holding at least one sample."""
    try:
        with wave.open(str(path), "rb") as recording:
            return recording.getnframes() > 0
    except (OSError, EOFError, wave.Error):
        return False


class SentenceRecorder:
    """One pyttsx3 engine, recording one sentence at a time into whole WAV files."""

    def __init__(self, engine: Any, voices: set[str]) -> None:
        self.engine = engine
        self.voices = voices
        self.mended = keep_every_sample(engine)
        self._busy: Callable[[], Any] = lambda: False
        if self.mended:
            from pyttsx3.drivers import _espeak

            self._busy = _espeak.IsPlaying
        self._finished = threading.Event()
        self._completed = False
        engine.connect("finished-utterance", self._on_finished)
        self.retries = 0  # recordings made a second time (none, once the faults are mended)
        # A new driver says it is busy, so the first sentence's commands would all wait and
        # then run together, ending the loop before it starts: an empty run settles that.
        # (Only then: on an idle driver an empty run would never end.)
        if engine.isBusy():
            engine.runAndWait()

    def _on_finished(self, name: object = None, completed: bool = True) -> None:
        self._completed = completed
        self._finished.set()

    def record(self, words: str, voice_id: str, rate: int, path: str) -> None:
        """Write ``words`` spoken in ``voice_id`` to ``path``, whole, or raise."""
        # pyttsx3 keeps the old voice, silently, when it does not know the new one, and only
        # applies a new one when it next runs: check the name first and the result after.
        if voice_id not in self.voices:
            raise VoiceNotInstalled(f"voice {voice_id!r} is not installed")
        partial = Path(path + ".part")
        should_sound = any(c.isalnum() for c in words)
        for attempt in range(TRIES):
            self.retries += attempt > 0
            partial.unlink(missing_ok=True)
            whole = self._run_once(words, voice_id, rate, partial)
            if whole and (has_sound(partial) or not should_sound):
                partial.replace(path)  # a file in the cache is always a whole recording
                return
        partial.unlink(missing_ok=True)
        raise NoSound(f"the recording of {len(words)} characters came out cut or empty")

    def _run_once(self, words: str, voice_id: str, rate: int, partial: Path) -> bool:
        """One go at recording; False when espeak-ng stopped part-way."""
        self._wait_until_idle()
        self._finished.clear()
        self.engine.setProperty("voice", voice_id)
        self.engine.setProperty("rate", rate)
        self.engine.save_to_file(words, str(partial))
        self._wait_until_idle()  # the new voice and rate are taken in first
        self.engine.runAndWait()
        if self.mended and not self._finished.wait(FINISH_TIMEOUT_S):
            raise TimeoutError("espeak-ng did not finish the sentence")
        if self.engine.getProperty("voice") != voice_id:
            partial.unlink(missing_ok=True)
            raise VoiceNotInstalled(f"the engine kept {self.engine.getProperty('voice')!r}")
        return self._completed or not self.mended

    def _wait_until_idle(self) -> None:
        deadline = time.monotonic() + IDLE_TIMEOUT_S
        while self._busy() and time.monotonic() < deadline:
            time.sleep(0.005)
