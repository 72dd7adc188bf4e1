"""Words longer than a line still wrap on screen, without a letter, its accents or an emoji
being split, and the words themselves are never changed (issue #10's fuzz found them cut
off)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.words_label import BREAK, LONGEST_RUN, WordsLabel, breakable

FAMILY = "👨\u200d👩\u200d👧\u200d👦"
Z_WITH_MARKS = "Z\u0336\u0301\u0302"


def test_ordinary_words_are_left_alone() -> None:
    for words in ("Fish pie", "", "Cawl a bara brith on Sundays", "ਦਾਲ ਚਾਵਲ", "W" * LONGEST_RUN):
        assert breakable(words) == words


def test_a_long_run_is_offered_a_break_every_few_letters() -> None:
    shown = breakable("x" * 100)
    assert shown.replace(BREAK, "") == "x" * 100
    assert all(len(piece) == LONGEST_RUN for piece in shown.split(BREAK)[:-1])
    spaced = breakable("short words " + "y" * 30)
    assert spaced.startswith("short words ") and spaced.count(BREAK) == 2


def test_no_letter_with_its_marks_and_no_emoji_is_split() -> None:
    for cluster in (
        FAMILY,
        Z_WITH_MARKS,
        "👍🏽",
        "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",
    ):
        shown = breakable(cluster * 40)
        pieces = shown.split(BREAK)
        assert len(pieces) > 1
        assert all(piece and piece == cluster * (len(piece) // len(cluster)) for piece in pieces)


def test_the_label_gives_back_the_words_exactly_and_wraps_them(qtbot: QtBot) -> None:
    words = "<b>" + "W" * 300 + "</b> & more"
    label = WordsLabel(words)
    qtbot.addWidget(label)
    label.setWordWrap(True)
    assert label.text() == words  # what is read aloud and compared: unchanged
    assert QLabel.text(label) != words and QLabel.text(label).replace(BREAK, "") == words
    assert label.textFormat() == Qt.TextFormat.PlainText
    label.resize(300, 2000)
    label.show()
    needed = label.fontMetrics().boundingRect(
        QRect(0, 0, 300, 100_000), int(Qt.TextFlag.TextWordWrap), QLabel.text(label)
    )
    assert needed.width() <= 300
    unbroken = label.fontMetrics().boundingRect(
        QRect(0, 0, 300, 100_000), int(Qt.TextFlag.TextWordWrap), words
    )
    assert unbroken.width() > 300  # without the break points it would run out of its box
    label.setText("Fish pie")
    assert label.text() == "Fish pie" and QLabel.text(label) == "Fish pie"
