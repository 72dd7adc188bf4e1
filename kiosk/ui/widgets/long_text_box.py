"""A box for several lines of words (a care-plan section), kept exactly as typed.

It is plain text only: pasted formatting is dropped and ``<b>`` stays four letters, never
bold. Line breaks are kept. The box shows a few lines and scrolls inside beyond them, so
a very long section never pushes the form off the screen. Tab moves to the next field.

The on-screen keyboard types into a one-line box; a screen passes its keys on here with
:meth:`insert` and :meth:`backspace` (the same names as ``QLineEdit``'s).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget

from kiosk.ui.theme import Theme

PADDING_PX = 6 + 6  # the style sheet's padding above and below, and a little air


class LongTextBox(QPlainTextEdit):
    def __init__(self, *, theme: Theme, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.apply_theme(theme)

    def text(self) -> str:
        """Every word in the box, line breaks and all."""
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        self.setPlainText(text)

    def insert(self, text: str) -> None:
        """Type ``text`` at the cursor (from the on-screen keyboard)."""
        self.insertPlainText(text)
        self.ensureCursorVisible()

    def backspace(self) -> None:
        """Take away the letter before the cursor (or the words chosen)."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.removeSelectedText()
        else:
            cursor.deletePreviousChar()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def apply_theme(self, theme: Theme) -> None:
        """As tall as ``lines`` lines of body text at this theme's size."""
        line = round(theme.metrics.body_px * 1.35)
        border = theme.metrics.border_px
        self.setFixedHeight(self._lines * line + PADDING_PX + 2 * border)
