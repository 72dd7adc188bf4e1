"""A screen shown as the kiosk window shows it, for screen tests that build one screen alone:
under a bar with Home, Back and the screen's title, in the theme's style sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton


class Host(QWidget):
    """The screen under a title bar with Home and Back, as the kiosk window shows it.
    ``theme`` and ``pictures`` default to the screen's own."""

    def __init__(
        self, screen: Screen, theme: Theme | None = None, pictures: PictureLibrary | None = None
    ) -> None:
        super().__init__()
        theme = theme or screen.theme
        pictures = pictures or screen.pictures
        self.setObjectName("screen")
        bar = QHBoxLayout()
        bar.setSpacing(theme.metrics.gap_px)
        for key, words in (("home", "Home"), ("back", "Back")):
            button = BigButton(
                key, words, pictures=pictures, theme=theme, horizontal=True, small=True
            )
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            bar.addWidget(button)
        title = QLabel(screen.title())
        title.setProperty("role", "title")
        title.setWordWrap(True)  # as the window's own title: a long one takes two lines
        bar.addWidget(title, 1)
        layout = QVBoxLayout(self)
        margin = max(12, theme.metrics.gap_px // 2)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addLayout(bar)
        layout.addWidget(screen, 1)
        self.setStyleSheet(theme.stylesheet())
