"""pyttsx3's espeak driver, mended so a busy kiosk never speaks half a sentence."""

from __future__ import annotations

import ctypes
import subprocess
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import pyttsx3
from pyttsx3.drivers import _espeak

from kiosk.speech.voices import voice_for
from kiosk.speech.whole_recordings import SentenceRecorder, has_sound, keep_every_sample

SAMPLES = 2205  # a tenth of a second at espeak-ng's 22,050 Hz


@pytest.fixture(scope="module")
def engine() -> Iterator[Any]:
    made = pyttsx3.init()
    yield made


def frames(path: Path) -> int:
    with wave.open(str(path), "rb") as recording:
        return recording.getnframes()


def last_buffer(driver: Any, callback: Any, out: Path) -> None:
    """Hand ``callback`` what espeak-ng sends on a busy machine: sound and "finished" at once."""
    driver._speaking, driver._save_file, driver._data_buffer = True, str(out), b""
    sound = (ctypes.c_short * SAMPLES)(*([1200] * SAMPLES))
    events = (_espeak.EVENT * 2)()
    events[0].type = _espeak.EVENT_MSG_TERMINATED
    events[1].type = _espeak.EVENT_LIST_TERMINATED
    callback(sound, SAMPLES, events)


def test_sound_that_comes_with_the_last_message_is_kept(engine: Any, tmp_path: Path) -> None:
    driver = engine.proxy._driver
    if not getattr(driver, "_our_say_keeps_every_sample", False):
        last_buffer(driver, driver._onSynth, tmp_path / "as-shipped.wav")
        assert frames(tmp_path / "as-shipped.wav") == 0  # the fault this module mends
    assert keep_every_sample(engine)
    assert keep_every_sample(engine)  # a second mend must not keep samples twice
    last_buffer(driver, _espeak.SynthCallback, tmp_path / "mended.wav")
    assert frames(tmp_path / "mended.wav") == SAMPLES


def espeak_ng_frames(words: str, voice: str, rate: int, out: Path) -> int:
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(out), words], check=True)
    return frames(out)


def test_every_sentence_is_recorded_whole_from_the_first(engine: Any, tmp_path: Path) -> None:
    voices = {voice.id for voice in engine.getProperty("voices")}
    recorder = SentenceRecorder(engine, voices)
    sentences = [
        ("en_GB", "en-GB-x-rp", "Lunch today is fish pie with peas."),
        ("pl", "pl", "Dzień dobry."),
        ("cy", "cy", "Mae cinio yn barod."),
        ("en_GB", "en-GB-x-rp", "Tea."),
    ]
    for number, (language, cli_voice, words) in enumerate(sentences):
        voice = voice_for(language, 135)
        path = tmp_path / f"{number}.wav"
        recorder.record(words, voice.voice_id, voice.rate, str(path))
        expected = espeak_ng_frames(words, cli_voice, 135, tmp_path / f"{number}-cli.wav")
        # never cut short; a little longer is espeak-ng's closing pause for very short words
        assert 0.98 * expected <= frames(path) <= 1.15 * expected, words
        assert not Path(f"{path}.part").exists()
    assert recorder.retries == 0  # each came out whole the first time, the first one too


def test_a_header_alone_or_no_file_is_no_sound(tmp_path: Path) -> None:
    bare = tmp_path / "bare.wav"
    with wave.open(str(bare), "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(22050)
    (tmp_path / "zero.wav").write_bytes(b"")
    assert not has_sound(bare)
    assert not has_sound(tmp_path / "zero.wav")
    assert not has_sound(tmp_path / "missing.wav")
