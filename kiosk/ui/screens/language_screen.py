"""Language: each language named in its own words and script. Choosing changes it at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout

from kiosk.i18n import Words, language_choices
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

MAX_CHOICES = 6


class LanguageScreen(Screen):
    name = "language"
    language_chosen = Signal(str)

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self.prompt = QLabel()
        self.prompt.setProperty("role", "heading")
        self.prompt.setWordWrap(True)
        self.buttons: dict[str, BigButton] = {}
        grid = QGridLayout()
        grid.setSpacing(theme.metrics.gap_px)
        for index, choice in enumerate(language_choices(words.languages)[:MAX_CHOICES]):
            button = BigButton(None, choice.own_name, pictures=pictures, theme=theme)
            button.tapped.connect(lambda code=choice.code: self.language_chosen.emit(code))
            self.buttons[choice.code] = button
            grid.addWidget(button, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addWidget(self.prompt)
        layout.addLayout(grid, 1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def title(self) -> str:
        return self.words.gettext("Language")

    def retranslate(self) -> None:
        self.prompt.setText(self.words.gettext("Which language would you like?"))
        for code, button in self.buttons.items():
            button.set_chosen(code == self.words.language)
