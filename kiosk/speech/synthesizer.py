"""Turning words into recorded sentences without ever making the screen wait.

:class:`Synthesizer` keeps one worker process (see ``worker.py``) and a dispatcher thread.
A request is cut into sentences; each is taken from the cache or recorded by the worker,
and handed to the listener as soon as it is ready, so playing can start with the first
sentence while the rest are still being recorded. A worker that hangs or dies is replaced;
the request it was on fails (the resident hears at worst "Sorry, I can't speak just now"),
and the next one speaks.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import queue
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from kiosk.speech import worker
from kiosk.speech.cache import SpeechCache
from kiosk.speech.sentences import Sentence, split_sentences
from kiosk.speech.voices import Voice

log = logging.getLogger(__name__)

START_TIMEOUT_S = 30.0
SENTENCE_TIMEOUT_S = 15.0


class SpeechListener(Protocol):
    """Called from the dispatcher thread: hand the news to your own thread."""

    def sentence_ready(self, utterance: int, sentence: Sentence, recording: Path) -> None: ...
    def finished(self, utterance: int) -> None: ...
    def failed(self, utterance: int, reason: str) -> None: ...


@dataclass
class _Utterance:
    number: int
    text: str
    voice: Voice
    listener: SpeechListener
    cancelled: threading.Event = field(default_factory=threading.Event)


class Synthesizer:
    def __init__(
        self,
        cache: SpeechCache,
        *,
        driver: str | None = None,
        start_timeout: float = START_TIMEOUT_S,
        sentence_timeout: float = SENTENCE_TIMEOUT_S,
    ) -> None:
        self.cache = cache
        self._driver = driver
        self._start_timeout = start_timeout
        self._sentence_timeout = sentence_timeout
        self._context = multiprocessing.get_context("spawn")  # never fork a Qt process
        self._pending: queue.Queue[_Utterance | None] = queue.Queue()
        self._numbers = itertools.count(1)
        self._current: _Utterance | None = None
        self._process: Any = None
        self._requests: Any = None
        self._results: Any = None
        self._ready = threading.Event()
        self.unavailable_reason: str | None = None
        self.restarts = 0
        self._thread = threading.Thread(target=self._run, name="speech-dispatcher", daemon=True)
        self._thread.start()

    # -- asked by the ui (any thread) ----------------------------------------------------

    def speak(self, text: str, voice: Voice, listener: SpeechListener) -> int:
        """Queue ``text``; returns its number for :meth:`cancel` and the listener's calls."""
        utterance = _Utterance(next(self._numbers), text, voice, listener)
        self._pending.put(utterance)
        return utterance.number

    def cancel(self, number: int | None = None) -> None:
        """Stop recording an utterance (or whatever is being recorded now)."""
        current = self._current
        if current is not None and (number is None or current.number == number):
            current.cancelled.set()

    def wait_until_started(self, timeout: float | None = None) -> bool:
        """True once the engine has started (or has been found missing)."""
        return self._ready.wait(timeout)

    @property
    def available(self) -> bool:
        return self.unavailable_reason is None

    @property
    def worker_pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def close(self) -> None:
        self.cancel()
        self._pending.put(None)
        self._thread.join(timeout=5)
        self._stop_worker()

    # -- the dispatcher thread -----------------------------------------------------------

    def _run(self) -> None:
        self._start_worker()
        self._ready.set()
        while (utterance := self._pending.get()) is not None:
            self._current = utterance
            try:
                self._record(utterance)
            except Exception:  # never let the thread die: the next request must still speak
                log.exception("Speech failed unexpectedly")
                utterance.listener.failed(utterance.number, "unexpected error")
            finally:
                self._current = None
        self._stop_worker()

    def _record(self, utterance: _Utterance) -> None:
        if not self.available:
            utterance.listener.failed(utterance.number, self.unavailable_reason or "")
            return
        for sentence in split_sentences(utterance.text):
            if utterance.cancelled.is_set():
                return
            words = sentence.of(utterance.text)
            recording = self.cache.get(words, utterance.voice)
            if recording is None:
                recording = self._ask_worker(utterance, words)
                if recording is None:
                    return
            utterance.listener.sentence_ready(utterance.number, sentence, recording)
        utterance.listener.finished(utterance.number)
        self.cache.trim()

    def _ask_worker(self, utterance: _Utterance, words: str) -> Path | None:
        path = self.cache.path_for(words, utterance.voice)
        voice = utterance.voice
        self._requests.put((utterance.number, words, voice.voice_id, voice.rate, str(path)))
        reply = self._await_reply(utterance.number)
        if reply[0] == "done":
            return Path(reply[2])
        reason = reply[2] if len(reply) > 2 else str(reply)
        log.warning("Speech engine trouble (%s); starting a new one", reason)
        utterance.listener.failed(utterance.number, reason)
        if "not installed" not in reason:
            self._restart_worker()
        return None

    def _await_reply(self, number: int) -> tuple[Any, ...]:
        """The worker's answer, or a failure if it died or took too long (a hang)."""
        deadline = time.monotonic() + self._sentence_timeout
        while time.monotonic() < deadline:
            try:
                return tuple(self._results.get(timeout=0.1))
            except queue.Empty:
                if self._process is None or not self._process.is_alive():
                    return ("failed", number, "the speech engine stopped")
        return ("failed", number, "the speech engine stopped answering")

    # -- the worker process --------------------------------------------------------------

    def _start_worker(self) -> None:
        self._requests = self._context.Queue()
        self._results = self._context.Queue()
        self._process = self._context.Process(
            target=worker.serve,
            args=(self._requests, self._results, self._driver),
            name="speech-worker",
            daemon=True,
        )
        try:
            self._process.start()
            message = self._results.get(timeout=self._start_timeout)
        except queue.Empty:
            message = ("unavailable", "the speech engine did not start in time")
        except (OSError, RuntimeError) as error:
            message = ("unavailable", f"the speech process could not start: {error}")
        if message[0] == "ready":
            self.unavailable_reason = None
            log.info("Speech engine ready (%d voices)", len(message[1]))
        else:
            self.unavailable_reason = str(message[1])
            log.warning("Speech is unavailable: %s", self.unavailable_reason)
            self._stop_worker()

    def _restart_worker(self) -> None:
        self._stop_worker()
        self.restarts += 1
        self._start_worker()

    def _stop_worker(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.is_alive():
            with contextlib.suppress(OSError, ValueError):
                self._requests.put(None)
            process.join(timeout=1)
        started = process.pid is not None  # start() itself may have failed
        if started and (process.is_alive() or process.exitcode is None):
            process.kill()
            process.join(timeout=5)
        for channel in (self._requests, self._results):
            if channel is not None:
                channel.cancel_join_thread()
                channel.close()
