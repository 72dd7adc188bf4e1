"""Tremor-tolerant buttons, and pictures that never break a screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import STANDARD, Metrics, Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.touch_button import TouchButton

ROOT = Path(__file__).resolve().parent.parent


def test_a_double_tap_counts_once(qtbot: QtBot) -> None:
    button = TouchButton("Yes")
    qtbot.addWidget(button)
    taps: list[bool] = []
    button.tapped.connect(lambda: taps.append(True))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(taps) == 1
    qtbot.wait(350)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(taps) == 2


def test_a_brush_shorter_than_the_hold_time_does_nothing(qtbot: QtBot) -> None:
    button = TouchButton("Yes", hold_ms=150)
    qtbot.addWidget(button)
    taps: list[bool] = []
    button.tapped.connect(lambda: taps.append(True))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert taps == []
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    assert taps == [True]


def test_it_acts_on_release_not_on_press(qtbot: QtBot) -> None:
    button = TouchButton("Yes")
    qtbot.addWidget(button)
    taps: list[bool] = []
    button.tapped.connect(lambda: taps.append(True))
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    assert taps == []
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    assert taps == [True]


def test_a_missing_picture_becomes_a_tile_with_the_words(qtbot: QtBot) -> None:
    library = PictureLibrary(ROOT / "assets" / "pictures")
    assert not library.has("no-such-picture")
    tile = library.pixmap("no-such-picture", 96, "Fish pie", STANDARD).toImage()
    assert tile.width() == 96
    assert _has_ink(tile)  # it drew something: an outline and the words
    button = BigButton(
        "no-such-picture", "Fish pie", pictures=library, theme=Theme(STANDARD, Metrics())
    )
    qtbot.addWidget(button)
    assert button.accessibleName() == "Fish pie"


def test_no_manifest_at_all_still_draws(tmp_path: Path) -> None:
    library = PictureLibrary(tmp_path)
    assert _has_ink(library.pixmap("fish", 64, "Fish", STANDARD).toImage())


def _has_ink(image: QImage) -> bool:
    return any(
        image.pixelColor(x, y).alpha() > 0 for x in range(image.width()) for y in range(0, 64, 4)
    )


def test_high_contrast_pictures_sit_on_a_light_tile(qtbot: QtBot) -> None:
    from kiosk.ui.theme import HIGH_CONTRAST

    library = PictureLibrary(ROOT / "assets" / "pictures")
    image = library.pixmap("music", 96, "Music", HIGH_CONTRAST).toImage()
    corner_inside = image.pixelColor(20, 6)  # inside the rounded tile, outside the drawing
    assert corner_inside.lightness() > 200


def test_a_big_button_wraps_long_words_and_marks_its_choice(qtbot: QtBot) -> None:
    library = PictureLibrary(ROOT / "assets" / "pictures")
    theme = Theme(STANDARD, Metrics())
    button = BigButton("tea", "A long name for a button " * 4, pictures=library, theme=theme)
    qtbot.addWidget(button)
    button.set_chosen(True)
    assert button.chosen
    assert button.accessibleName() == "A long name for a button " * 4
    assert button.findChildren(QLabel)[-1].wordWrap()
    button.set_chosen(False)
    assert not button.chosen


def test_a_picture_card_names_everything_it_shows(qtbot: QtBot) -> None:
    from kiosk.ui.widgets.picture_card import PictureCard

    library = PictureLibrary(ROOT / "assets" / "pictures")
    card = PictureCard(
        "church",
        "Church service",
        ["10:30 to 11:15", "Lounge"],
        pictures=library,
        theme=Theme(STANDARD, Metrics()),
        notice="Cancelled",
    )
    qtbot.addWidget(card)
    assert card.accessibleName() == "Church service, Cancelled, 10:30 to 11:15, Lounge"
    texts = [label.text() for label in card.findChildren(QLabel) if label.text()]
    assert texts == ["Church service", "Cancelled", "10:30 to 11:15", "Lounge"]


def test_an_emoji_a_resident_types_shows_as_itself_in_colour(qtbot: QtBot) -> None:
    """Not as an empty box: `make run` and `make test` install Debian's colour emoji font."""
    label = QLabel("🍕")
    label.setStyleSheet("QLabel { background: white; color: black; font-size: 48px; }")
    qtbot.addWidget(label)
    label.resize(120, 80)
    image = label.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    coloured = sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).hsvSaturation() > 100
    )
    assert coloured > 200  # a box in black and white has no coloured pixels at all
