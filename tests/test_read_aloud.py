"""Read this to me: on the real window, with the real engine, playing with no audio device."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from pytestqt.qtbot import QtBot

from kiosk.domain.enums import ProposalTopic
from kiosk.speech.cache import SpeechCache
from kiosk.speech.sentences import split_sentences
from kiosk.speech.synthesizer import Synthesizer
from kiosk.speech.voices import voice_for
from kiosk.ui.speech_player import SpeechPlayer
from tests.helpers.audio import rms, seconds
from tests.helpers.person import Person
from tests.helpers.shell import kiosk_window, settle

ROOT = Path(__file__).resolve().parent.parent


def test_the_sentence_being_read_is_highlighted_in_order(qtbot: QtBot, tmp_path: Path) -> None:
    synthesizer = Synthesizer(SpeechCache(tmp_path / "speech"))
    player = SpeechPlayer(synthesizer)
    text = "One. Two words. Three little words!"
    spans: list[tuple[int, int]] = []
    player.sentence_started.connect(lambda start, end: spans.append((start, end)))
    try:
        with qtbot.waitSignal(player.stopped, timeout=30_000):
            assert player.speak(text, voice_for("en_GB", 220))
        assert spans == [(s.start, s.end) for s in split_sentences(text)]
        assert player.current_span is None and not player.speaking
    finally:
        synthesizer.close()


def test_stop_mid_sentence_ends_playback_and_clears_the_highlight(
    qtbot: QtBot, demo_dir: Path
) -> None:
    with kiosk_window(demo_dir, speech=True) as (window, _):
        window.open_screen("this-week")
        settle()
        assert window.read_button.isVisible()
        assert window.speech is not None
        qtbot.mouseClick(window.read_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.highlighted is not None, timeout=30_000)
        assert window.highlighted is window.title_label  # the title is read first
        assert window.title_label.property("reading") == "true"
        assert window.read_button.words == "Stop"
        qtbot.wait(350)
        qtbot.mouseClick(window.read_button, Qt.MouseButton.LeftButton)
        assert not window.speech.speaking
        assert window.highlighted is None
        assert window.title_label.property("reading") == "false"
        assert not window.speech.playing
        assert window.read_button.words == "Read this to me"


def test_reading_moves_down_the_screen(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir, speech=True) as (window, _):
        window.open_screen("language")
        seen: list[object] = []
        assert window.speech is not None
        window.speech.sentence_started.connect(lambda *_: seen.append(window.highlighted))
        with qtbot.waitSignal(window.speech.stopped, timeout=60_000):
            window.read_screen()
        names = [getattr(w, "accessibleName", lambda: "")() or w.text() for w in seen]
        assert names[0] == "Language"
        assert names[1] == "Which language would you like?"
        assert names[2:] == ["English", "Cymraeg", "Polski", "ਪੰਜਾਬੀ"]


@pytest.mark.parametrize("task", ["suggest-meal", "suggest-idea"])
def test_a_typing_step_reads_the_question_and_the_controls_not_every_key(
    qtbot: QtBot, demo_dir: Path, task: str
) -> None:
    """Suggest a meal, and Share an idea: "Something else: type it". The keyboard's letters
    are not read one by one before the choices; each key still has its name (a screen
    reader, a long press)."""
    person = Person(qtbot)
    with kiosk_window(demo_dir) as (window, services):
        dot = next(r.id for r in services.residents.list_active() if r.preferred_name == "Dot")
        window.sign_in(dot)
        settle()
        if window.current.name == "answers":
            person.tap(window.current.thank_you_button)  # type: ignore[attr-defined]
        person.tap(window.home.task_buttons[task])
        screen: Any = window.current
        if task == "suggest-meal":
            person.tap(screen.meal_grid.buttons["lunch"])
            panel = screen.dish_typing
        else:
            person.tap(screen.topic_grid.buttons[ProposalTopic.HOME.value])
            panel = screen.idea_typing
        person.tap(screen.type_button)
        settle()
        keyboard = panel.keyboard
        keys = keyboard.visible_keys()
        assert keyboard.isVisible() and len(keys) >= 26
        assert all(key.isVisible() and key.accessibleName() for key in keys)
        read = window.current.reading_order()
        assert read[:2] == [window.current.title(), panel.prompt.text()]
        assert [words for words in read if len(words) == 1] == [], "a key read on its own"
        assert not {key.accessibleName() for key in keys} & set(read)
        assert "Done" in read  # how to finish is still heard
        read_widgets = [widget for widget, _ in window.current.reading_items()]
        assert not set(keys) & set(read_widgets)  # nor lit up, one by one, as they are read


def test_a_long_press_on_a_letter_key_can_say_its_letter(qtbot: QtBot, demo_dir: Path) -> None:
    """The keyboard makes its keys anew once it is shown (its size is known then): the new
    keys are wired to speak like every other button, not only the ones there at first."""
    person = Person(qtbot)
    with kiosk_window(demo_dir) as (window, services):
        window.connect_speech(SpeechPlayer(None, parent=window))
        dot = next(r.id for r in services.residents.list_active() if r.preferred_name == "Dot")
        window.sign_in(dot)
        settle()
        if window.current.name == "answers":
            person.tap(window.current.thank_you_button)  # type: ignore[attr-defined]
        person.tap(window.home.task_buttons["suggest-meal"])
        screen: Any = window.current
        person.tap(screen.meal_grid.buttons["lunch"])
        person.tap(screen.type_button)
        settle()
        keys = screen.dish_typing.keyboard.visible_keys()
        assert len(keys) >= 26
        assert all(key.property("speaks") for key in keys)


def test_the_screen_keeps_working_while_a_long_section_is_recorded(
    qtbot: QtBot, tmp_path: Path
) -> None:
    synthesizer = Synthesizer(SpeechCache(tmp_path / "speech"))
    assert synthesizer.wait_until_started(30)
    player = SpeechPlayer(synthesizer)
    section = " ".join(
        f"On day {n} I like my tea at eight, with the radio on and the curtains open."
        for n in range(1, 41)
    )
    ticks: list[float] = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    recorded: list[int] = []
    player._all_recorded.connect(recorded.append)
    try:
        timer.start()
        started = time.monotonic()
        player.speak(section, voice_for("en_GB", 135))
        qtbot.waitUntil(lambda: bool(recorded), timeout=60_000)
        finished = time.monotonic()
        during = [t for t in ticks if started <= t <= finished]
        # 40 sentences took a while to record; the GUI thread ticked all the way through.
        assert len(during) >= 10
        assert during[-1] - during[0] > 0.5 * (finished - started)
    finally:
        timer.stop()
        player.stop()
        synthesizer.close()


def test_with_no_engine_the_button_says_so_in_words(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        synthesizer = Synthesizer(SpeechCache(demo_dir / "speech"), driver="no_such_engine")
        try:
            assert synthesizer.wait_until_started(30)
            window.connect_speech(SpeechPlayer(synthesizer, parent=window))
            assert window.read_button.isVisible()
            qtbot.mouseClick(window.read_button, Qt.MouseButton.LeftButton)
            assert window.notice.isVisibleTo(window)
            assert window.notice.text() == "Sorry, I can't speak just now."
            assert window.current is window.home
        finally:
            synthesizer.close()


def test_a_long_press_reads_a_button_instead_of_pressing_it(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir, speech=True) as (window, _):
        button = window.home.task_buttons["this-week"]
        heard: list[tuple[int, int]] = []
        assert window.speech is not None
        window.speech.sentence_started.connect(lambda *span: heard.append(span))
        qtbot.mousePress(button, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        qtbot.wait(900)
        qtbot.mouseRelease(button, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        qtbot.waitUntil(lambda: bool(heard), timeout=30_000)
        assert window.current is window.home  # it was read, not pressed
        assert heard == [(0, len("This week"))]


def test_talking_buttons_read_first_and_act_on_the_second_tap(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir, speech=True) as (window, services):
        talker = next(r for r in services.residents.list_active() if r.talking_buttons)
        window.sign_in(talker.id)
        button = window.home.task_buttons["this-week"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.current is window.home
        assert window.speech is not None and window.speech.speaking
        qtbot.wait(350)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.current.name == "this-week"


def test_kiosk_say_writes_what_the_screens_would_say(tmp_path: Path) -> None:
    out = tmp_path / "said.wav"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "say",
            "Dzień dobry. Obiad jest gotowy.",
            "--locale",
            "pl",
            "--rate",
            "120",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "voice zlw/pl" in result.stdout
    assert seconds(out) > 1.5 and rms(out) > 0.01


def test_kiosk_say_refuses_nonsense_in_plain_words(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "say", "Hello", "--locale", "xx"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "No voice for 'xx'" in result.stdout
    assert "Traceback" not in result.stderr


def test_pause_holds_the_place_and_resume_carries_on(qtbot: QtBot, tmp_path: Path) -> None:
    synthesizer = Synthesizer(SpeechCache(tmp_path / "speech"))
    player = SpeechPlayer(synthesizer)
    try:
        player.speak(
            "A sentence long enough to pause in the middle of it.", voice_for("en_GB", 120)
        )
        qtbot.waitUntil(lambda: player.playing, timeout=30_000)
        player.pause()
        assert player.paused and player.speaking
        span = player.current_span
        qtbot.wait(300)
        assert player.paused and player.current_span == span
        with qtbot.waitSignal(player.stopped, timeout=30_000):
            player.resume()
            assert player.playing
    finally:
        synthesizer.close()


def test_the_log_says_why_there_is_no_speech(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    caplog.set_level(logging.WARNING, logger="kiosk.speech.synthesizer")
    missing = Synthesizer(SpeechCache(tmp_path / "speech"), driver="no_such_engine")
    try:
        assert missing.wait_until_started(30)
    finally:
        missing.close()
    assert any(
        "Speech is unavailable" in r.getMessage() and "no_such_engine" in r.getMessage()
        for r in caplog.records
    )


def test_stop_stays_instant_when_tapped_again_and_again(qtbot: QtBot, tmp_path: Path) -> None:
    """QMediaPlayer.stop() could deadlock under load; Stop now mutes and moves on."""
    synthesizer = Synthesizer(SpeechCache(tmp_path / "speech"))
    player = SpeechPlayer(synthesizer)
    try:
        for number in range(30):
            player.speak(f"Stop number {number % 3}. Another sentence.", voice_for("en_GB", 160))
            qtbot.waitUntil(lambda: player.playing, timeout=30_000)
            player.stop()
            assert not player.speaking and not player.playing
    finally:
        synthesizer.close()


def test_a_media_backend_that_never_finishes_does_not_strand_the_reader(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fake at the boundary: the backend accepts play() and then says nothing, ever."""
    from PySide6.QtMultimedia import QMediaPlayer

    import kiosk.ui.speech_player as speech_player

    monkeypatch.setattr(QMediaPlayer, "play", lambda self: None)
    monkeypatch.setattr(speech_player, "SENTENCE_GRACE_MS", 100)
    synthesizer = Synthesizer(SpeechCache(tmp_path / "speech"))
    player = SpeechPlayer(synthesizer)
    spans: list[tuple[int, int]] = []
    player.sentence_started.connect(lambda start, end: spans.append((start, end)))
    try:
        with qtbot.waitSignal(player.stopped, timeout=30_000):
            player.speak("One. Two.", voice_for("en_GB", 220))
        assert spans == [(0, 4), (5, 9)]
        assert not player.speaking
    finally:
        synthesizer.close()
