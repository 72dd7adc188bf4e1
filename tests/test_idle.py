"""Idle sign-out: warned (shown, and spoken when speech is on), extendable, then Home."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.services.settings import SettingsService
from kiosk.ui.speech_player import SpeechPlayer
from tests.helpers.layout import layout_problems
from tests.helpers.shell import kiosk_window, settle


def quick(window, timeout_s: int = 3, warning_s: int = 2) -> None:
    window.idle.warning_s = warning_s
    window.idle.set_timeout(timeout_s)


def test_a_warning_then_home_when_nobody_answers(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, services):
        resident = services.residents.list_active()[0]
        window.sign_in(resident.id)
        window.open_screen("this-week")
        quick(window, timeout_s=5, warning_s=3)
        qtbot.waitUntil(lambda: window.still_here.isVisible(), timeout=8000)
        first = window.still_here.message.text()
        assert "seconds I will go back to the start" in first
        qtbot.waitUntil(lambda: window.still_here.message.text() != first, timeout=3000)  # counts
        assert window.current.name == "this-week"
        qtbot.waitUntil(lambda: window.current is window.home, timeout=8000)
        assert window.resident is None
        assert not window.still_here.isVisible()


def test_im_still_here_keeps_the_resident_where_they_were(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, services):
        resident = services.residents.list_active()[0]
        window.sign_in(resident.id)
        window.open_screen("who")
        quick(window, timeout_s=6, warning_s=3)
        qtbot.waitUntil(lambda: window.still_here.isVisible(), timeout=8000)
        qtbot.mouseClick(window.still_here.button, Qt.MouseButton.LeftButton)
        assert not window.still_here.isVisible()
        qtbot.wait(3500)  # past the first deadline, well before the new one: it was extended
        assert window.current.name == "who" and window.resident is not None


def test_any_touch_keeps_the_kiosk_awake(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        window.watch_for_activity(QApplication.instance())
        window.open_screen("this-week")
        quick(window, timeout_s=5, warning_s=1)  # a warning would come 4 s after a touch
        for _ in range(5):
            qtbot.wait(1000)
            qtbot.mouseClick(window.this_week.day_label, Qt.MouseButton.LeftButton)
        assert not window.still_here.isVisible()
        assert window.current.name == "this-week"


def test_nobody_at_home_means_nothing_to_sign_out(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        quick(window, timeout_s=1, warning_s=1)
        qtbot.wait(1300)
        assert not window.idle.armed and not window.still_here.isVisible()


def test_staff_can_switch_it_off(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        window.open_screen("language")
        window.idle.warning_s = 1
        window.idle.set_timeout(0)
        qtbot.wait(1300)
        assert window.current.name == "language" and not window.still_here.isVisible()


def test_the_timeout_setting_is_read_safely(demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (_, services):
        settings: SettingsService = services.settings
        assert settings.idle_timeout_s() == 90  # the demo home's


def test_the_question_is_spoken_when_speech_is_on(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir, speech=True) as (window, services):
        window.sign_in(services.residents.list_active()[0].id)
        quick(window, timeout_s=4, warning_s=3)
        assert window.speech is not None
        with qtbot.waitSignal(window.speech.sentence_started, timeout=10_000):
            pass
        assert window.still_here.isVisible()


def test_the_question_fits_at_large_text_in_punjabi(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir, language="pa", text_scale=200) as (window, _):
        window.connect_speech(SpeechPlayer(None, parent=window))
        window.open_screen("this-week")
        window.idle.warn.emit(25)
        settle()
        assert not window.stack.isVisible()
        assert layout_problems(window, window.theme.metrics) == []
