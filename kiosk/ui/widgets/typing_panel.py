"""A question, a big box to type the answer in, the on-screen keyboard, and room between
them for hints ("Fish pie is already suggested — add your support?")."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.on_screen_keyboard import OnScreenKeyboard
from kiosk.ui.widgets.words_label import WordsLabel


class TypingPanel(QWidget):
    text_changed = Signal(str)
    done = Signal()  # the keyboard's Done (or Enter on a real keyboard)

    def __init__(
        self, *, words: Words, pictures: PictureLibrary, theme: Theme, max_length: int
    ) -> None:
        super().__init__()
        self.prompt = WordsLabel()
        self.prompt.setProperty("role", "heading")
        self.prompt.setWordWrap(True)
        self.line_edit = QLineEdit()
        # One more than the limit, so a paste of anything longer is refused in words
        # (by the service) rather than cut without a word.
        self.line_edit.setMaxLength(max_length + 1)
        self.line_edit.textChanged.connect(self.text_changed)
        self.line_edit.returnPressed.connect(self.done)
        self.hints = QVBoxLayout()
        self.hints.setSpacing(theme.metrics.gap_px // 2)
        self.keyboard = OnScreenKeyboard(words=words, pictures=pictures, theme=theme)
        self.keyboard.attach(self.line_edit)
        self.keyboard.done.connect(self.done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addWidget(self.prompt)
        layout.addWidget(self.line_edit)
        layout.addLayout(self.hints)
        layout.addStretch(1)
        layout.addWidget(self.keyboard)

    def show_hints(self, shown: bool) -> None:
        """While there are hints the question makes room for them (it has been read, and
        the keyboard keeps its rows)."""
        self.prompt.setVisible(not shown)

    def text(self) -> str:
        return self.line_edit.text()

    def set_text(self, text: str) -> None:
        self.line_edit.setText(text)
        self.line_edit.setFocus()

    def retranslate(self) -> None:
        self.keyboard.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        self.hints.setSpacing(theme.metrics.gap_px // 2)
        self.keyboard.apply_theme(theme)
