"""Speech with the real espeak-ng engine: recordings, voices, the cache, a worker that fails."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.context import SpawnProcess
from pathlib import Path

import pytest

from kiosk.speech.cache import SpeechCache
from kiosk.speech.sentences import Sentence, split_sentences
from kiosk.speech.synthesizer import Synthesizer
from kiosk.speech.voices import Voice, voice_for
from tests.helpers.audio import rms, seconds

SILENCE = 0.01  # RMS below this is silence


@dataclass
class Heard:
    """A listener that remembers what the synthesizer told it."""

    recordings: list[tuple[Sentence, Path]] = field(default_factory=list)
    failure: str | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def sentence_ready(self, _utterance: int, sentence: Sentence, recording: Path) -> None:
        self.recordings.append((sentence, recording))

    def finished(self, _utterance: int) -> None:
        self.done.set()

    def failed(self, _utterance: int, reason: str) -> None:
        self.failure = reason
        self.done.set()


def say(synthesizer: Synthesizer, text: str, voice: Voice) -> Heard:
    heard = Heard()
    synthesizer.speak(text, voice, heard)
    assert heard.done.wait(30), "no answer from the synthesizer"
    return heard


@pytest.fixture(scope="module")
def synthesizer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synthesizer]:
    made = Synthesizer(SpeechCache(tmp_path_factory.mktemp("speech")))
    assert made.wait_until_started(30)
    yield made
    made.close()


@pytest.fixture
def fragile(tmp_path: Path) -> Iterator[Synthesizer]:
    """A synthesizer of its own, for tests that kill or freeze its worker."""
    made = Synthesizer(SpeechCache(tmp_path / "speech"), sentence_timeout=3)
    assert made.wait_until_started(30) and made.available
    yield made
    made.close()


ENGLISH = voice_for("en_GB", 135)


def test_a_sentence_becomes_a_real_recording(synthesizer: Synthesizer) -> None:
    heard = say(synthesizer, "Lunch today is fish pie with peas.", ENGLISH)
    assert heard.failure is None
    [(sentence, recording)] = heard.recordings
    assert (sentence.start, sentence.end) == (0, 34)
    assert seconds(recording) > 1.0
    assert rms(recording) > SILENCE


def test_more_words_take_longer_to_say(synthesizer: Synthesizer) -> None:
    short = say(synthesizer, "Good morning.", ENGLISH)
    long = say(
        synthesizer,
        "Good morning. Today there is singing in the lounge at half past ten. "
        "After lunch, the garden club meets by the greenhouse.",
        ENGLISH,
    )
    assert sum(seconds(p) for _, p in long.recordings) > 3 * sum(
        seconds(p) for _, p in short.recordings
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("cy", "Bore da. Mae cinio yn barod."),
        ("pl", "Dzień dobry. Obiad jest gotowy."),
        ("pa", "ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ। ਖਾਣਾ ਤਿਆਰ ਹੈ।"),
    ],
)
def test_each_language_speaks_in_its_own_voice(
    synthesizer: Synthesizer, language: str, words: str
) -> None:
    own = say(synthesizer, words, voice_for(language, 135))
    english = say(synthesizer, words, ENGLISH)
    assert own.failure is None and len(own.recordings) == 2
    for _, recording in own.recordings:
        assert rms(recording) > SILENCE
    assert own.recordings[0][1].read_bytes() != english.recordings[0][1].read_bytes()


def test_an_unknown_voice_is_refused_not_quietly_swapped(synthesizer: Synthesizer) -> None:
    heard = say(synthesizer, "Hello.", Voice("zzz/no-such-voice", 135))
    assert heard.failure is not None and "not installed" in heard.failure
    assert say(synthesizer, "Hello again.", ENGLISH).failure is None


def test_sentences_arrive_in_order_and_cover_the_text(synthesizer: Synthesizer) -> None:
    text = "Hello Mr. Patel. Tea is at four!\nWould you like cake? ਹਾਂ ਜੀ।"
    heard = say(synthesizer, text, ENGLISH)
    assert [s for s, _ in heard.recordings] == split_sentences(text)
    covered = "".join(text[s.start : s.end] for s, _ in heard.recordings)
    assert covered.replace(" ", "") == "".join(text.split())


def test_saying_it_again_comes_from_the_cache(fragile: Synthesizer) -> None:
    first = say(fragile, "Read it again, please.", ENGLISH)
    os.kill(fragile.worker_pid or 0, signal.SIGKILL)  # no engine now: only the cache can answer
    again = say(fragile, "Read it again, please.", ENGLISH)
    assert again.failure is None
    assert [p for _, p in again.recordings] == [p for _, p in first.recordings]


def test_a_killed_engine_is_replaced_and_the_next_request_speaks(fragile: Synthesizer) -> None:
    old = fragile.worker_pid
    os.kill(old or 0, signal.SIGKILL)
    lost = say(fragile, "This one may be lost.", ENGLISH)
    assert lost.failure is not None
    after = say(fragile, "And this one is heard.", ENGLISH)
    assert after.failure is None and rms(after.recordings[0][1]) > SILENCE
    assert fragile.restarts == 1 and fragile.worker_pid != old


def test_a_hung_engine_is_replaced_and_the_next_request_speaks(fragile: Synthesizer) -> None:
    frozen = fragile.worker_pid
    os.kill(frozen or 0, signal.SIGSTOP)  # a runAndWait that never returns looks like this
    try:
        stuck = say(fragile, "Are you there?", ENGLISH)
        assert stuck.failure == "the speech engine stopped answering"
        after = say(fragile, "Yes, here I am.", ENGLISH)
        assert after.failure is None and fragile.worker_pid != frozen
    finally:
        if _alive(frozen):
            os.kill(frozen or 0, signal.SIGCONT)


def test_no_engine_means_no_speech_and_a_reason(tmp_path: Path) -> None:
    missing = Synthesizer(SpeechCache(tmp_path / "speech"), driver="no_such_engine")
    try:
        assert missing.wait_until_started(30)
        assert not missing.available
        assert "no_such_engine" in (missing.unavailable_reason or "")
        heard = say(missing, "Hello?", ENGLISH)
        assert heard.failure == missing.unavailable_reason
    finally:
        missing.close()


def test_a_process_the_system_will_not_start_means_no_speech_and_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(_process: object) -> None:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(SpawnProcess, "start", refused)  # as when the system is out of processes
    missing = Synthesizer(SpeechCache(tmp_path / "speech"))
    try:
        assert missing.wait_until_started(30)
        assert "could not start" in (missing.unavailable_reason or "")
        heard = say(missing, "Hello?", ENGLISH)  # the dispatcher is still there to answer
        assert heard.failure == missing.unavailable_reason
    finally:
        missing.close()


def test_the_cache_keeps_the_most_recently_used(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path, max_bytes=250)
    paths = []
    for index in range(4):
        path = cache.path_for(f"sentence {index}", ENGLISH)
        path.write_bytes(b"x" * 100)
        os.utime(path, (1000 + index, 1000 + index))
        paths.append(path)
    assert cache.get("sentence 0", ENGLISH) == paths[0]  # just used: now the newest
    assert cache.trim() == 2
    assert [p.exists() for p in paths] == [True, False, False, True]


def _alive(pid: int | None) -> bool:
    try:
        os.kill(pid or 0, 0)
    except OSError:
        return False
    return True
