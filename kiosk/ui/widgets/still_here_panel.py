"""Are you still there? A calm question with one big answer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton


class StillHerePanel(QFrame):
    still_here = Signal()

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self.words = words
        self.setProperty("role", "card")
        self.message = QLabel()
        self.message.setProperty("role", "heading")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = BigButton("check", "", pictures=pictures, theme=theme, large=True)
        self.button.tapped.connect(self.still_here)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(
            theme.metrics.gap_px, theme.metrics.gap_px, theme.metrics.gap_px, theme.metrics.gap_px
        )
        layout.setSpacing(theme.metrics.gap_px)
        layout.addWidget(self.message)
        layout.addWidget(self.button)
        self.seconds = 0
        self.retranslate()

    def ask(self, seconds: int) -> str:
        """Show the question; returns its words (to be read aloud)."""
        self.seconds = seconds
        self.retranslate()
        self.show()
        return self.message.text()

    def retranslate(self) -> None:
        self.message.setText(
            self.words.ngettext(
                "Are you still there? In {seconds} second I will go back to the start.",
                "Are you still there? In {seconds} seconds I will go back to the start.",
                self.seconds,
            ).format(seconds=self.seconds)
        )
        self.button.set_words(self.words.gettext("I'm still here"))

    def apply_theme(self, theme: Theme) -> None:
        self.button.set_theme(theme)
