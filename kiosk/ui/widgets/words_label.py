"""A label for words people typed: shown exactly, as plain text, and wrapped even where a
"word" is longer than the line.

Qt wraps a label's text only where the Unicode line-breaking rules allow, so an unbroken
run (80 W's, a pasted web address, 1,000 letters held down on the keyboard) runs out of
its box and is cut off. This label shows such a run with an invisible break opportunity
(ZERO WIDTH SPACE) after every few letters, never inside a letter with its accents or an
emoji sequence. :meth:`text` still returns the words exactly as given: what is read aloud,
compared or saved is never changed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

BREAK = "\u200b"  # ZERO WIDTH SPACE: a place a line may end, invisible
LONGEST_RUN = 12  # letters (with their marks) shown before a break is offered
_JOINER = "\u200d"  # ZERO WIDTH JOINER: glues emoji into one picture


def _joins_previous(char: str, previous: str) -> bool:
    """True when ``char`` belongs to the same letter or picture as the one before it."""
    if previous == _JOINER or char == _JOINER:
        return True
    if unicodedata.category(char) in ("Mn", "Mc", "Me"):  # accents, combining marks
        return True
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F


def _breaks_line(char: str) -> bool:
    return char.isspace() or char in "-‐/" or unicodedata.category(char) == "Zs"


@cache
def _long_run(longest: int) -> re.Pattern[str]:
    """More than ``longest`` characters with no space or hyphen among them."""
    return re.compile(rf"[^\s\-‐/]{{{longest + 1},}}")


def breakable(text: str, longest: int = LONGEST_RUN) -> str:
    """``text`` with :data:`BREAK` after every ``longest`` letters that have no natural
    place to wrap between them; short text comes back unchanged."""
    if len(text) <= longest or not _long_run(longest).search(text):
        return text
    out: list[str] = []
    run = 0
    previous = ""
    for char in text:
        if previous and not _joins_previous(char, previous):
            if run >= longest:
                out.append(BREAK)
                run = 0
            run = 0 if _breaks_line(char) else run + 1
        elif not previous:
            run = 0 if _breaks_line(char) else 1
        out.append(char)
        previous = char
    return "".join(out)


class WordsLabel(QLabel):
    """Plain text that, when it wraps, wraps even within a very long word; ``text()`` gives
    it back exactly as set."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._words = text
        super().setText(breakable(text))

    def text(self) -> str:
        return self._words

    def clear(self) -> None:
        self._words = ""
        super().clear()
