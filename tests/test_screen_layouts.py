"""Every screen, at both sizes, in all four languages, at 100 % and 200 %: nothing clipped,
nothing overlapping, nothing outside the window, every target big enough and far enough apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import SCREEN_NAMES
from kiosk.ui.speech_player import SpeechPlayer
from tests.helpers.layout import layout_problems
from tests.helpers.scenes import SCENES
from tests.helpers.shell import kiosk_window, settle

SIZES = [(1280, 800), (1920, 1080)]
LANGUAGES = ["en_GB", "cy", "pl", "pa"]
SCALES = [100, 200]


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_screen_fits(qtbot: QtBot, demo_dir: Path, language: str, scale: int) -> None:
    problems: list[str] = []
    with kiosk_window(demo_dir, language=language, text_scale=scale) as (window, _):
        window.connect_speech(SpeechPlayer(None, parent=window))  # "Read this to me" shows
        assert window.read_button.isVisible()
        for width, height in SIZES:
            window.resize(width, height)
            for name in SCREEN_NAMES:
                window.go_home()
                if name != "home":
                    window.open_screen(name)
                settle()
                assert window.width() == width and window.height() == height
                problems += [
                    f"{name} {width}x{height}: {problem}"
                    for problem in layout_problems(window, window.theme.metrics)
                ]
            window.open_screen("who")
            window.who.next_button.click()  # the second page too
            settle()
            problems += [
                f"who page 2 {width}x{height}: {p}"
                for p in layout_problems(window, window.theme.metrics)
            ]
    assert problems == []


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sign_in_and_staff_scene_fits(
    qtbot: QtBot, demo_dir: Path, language: str, scale: int
) -> None:
    """The screens behind a PIN, reached as a person reaches them, in every state. The big
    screen is checked at large text only: at 100 % it has room to spare wherever 1280 x 800
    has (the small screen at 100 % and both at 200 % are where words run out of room)."""
    problems: list[str] = []
    sizes = SIZES if scale > 100 else SIZES[:1]
    with kiosk_window(demo_dir, language=language, text_scale=scale) as (window, services):
        window.connect_speech(SpeechPlayer(None, parent=window))
        for width, height in sizes:
            window.resize(width, height)
            for name, scene in SCENES.items():
                window.sign_out()
                window.words.switch(language)
                scene(window, services)
                settle()
                assert (window.width(), window.height()) == (width, height), name
                problems += [
                    f"{name} {width}x{height}: {problem}"
                    for problem in layout_problems(window, window.theme.metrics)
                ]
    assert problems == []


def test_the_checker_catches_clipped_words(qtbot: QtBot, demo_dir: Path) -> None:
    """The layout check itself must be able to fail."""
    with kiosk_window(demo_dir) as (window, _):
        window.home.greeting.setWordWrap(False)
        window.home.greeting.setText("A greeting far too long to fit on one line " * 4)
        settle()
        problems = layout_problems(window, window.theme.metrics)
        assert any("greeting" in p or "need" in p for p in problems)


def test_the_checker_catches_small_and_crowded_buttons(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        window.open_screen("language")
        button = window.language.buttons["cy"]
        button.setMinimumSize(0, 0)
        button.setFixedSize(30, 30)
        settle()
        problems = layout_problems(window, window.theme.metrics)
        assert any("under" in p for p in problems)
