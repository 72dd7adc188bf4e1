"""Home: who is here, and big picture buttons for each thing a resident can do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout

from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

if TYPE_CHECKING:
    from kiosk.domain.residents import Resident

# (screen name, picture, words): only screens that exist are offered; no dead buttons.
TASKS = (
    ("suggest-meal", "suggest-meal", N_("Suggest a meal")),
    ("this-week", "calendar", N_("This week")),
    ("my-care-plan", "care-plan", N_("My care plan")),
    ("language", "language", N_("Language")),
)
MESSAGE_SECONDS = 12


class HomeScreen(Screen):
    name = "home"
    task_chosen = Signal(str)  # the name of the screen to open
    who_chosen = Signal()
    staff_chosen = Signal()

    def __init__(
        self, *, words: Words, pictures: PictureLibrary, theme: Theme, home_name: str
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self.home_name = home_name
        self._resident: Resident | None = None

        self.greeting = QLabel()
        self.greeting.setTextFormat(Qt.TextFormat.PlainText)  # the resident's name, as typed
        self.greeting.setProperty("role", "heading")
        self.greeting.setWordWrap(True)
        self.who_button = BigButton("people", "", pictures=pictures, theme=theme, horizontal=True)
        self.who_button.tapped.connect(self.who_chosen)
        greeting_row = QHBoxLayout()
        greeting_row.setSpacing(theme.metrics.gap_px)
        greeting_row.addWidget(self.greeting, 3)
        greeting_row.addWidget(self.who_button, 2)

        self.message = QLabel()
        self.message.setProperty("role", "banner")
        self.message.setWordWrap(True)
        self.message.hide()
        self._message_timer = QTimer(self, singleShot=True, interval=MESSAGE_SECONDS * 1000)
        self._message_timer.timeout.connect(self.message.hide)

        self.task_buttons: dict[str, BigButton] = {}
        self._grid = grid = QGridLayout()
        self._arrange_tasks()

        # Discreet, bottom right: big enough to touch, quiet enough not to invite residents.
        self.staff_button = BigButton(None, "", pictures=pictures, theme=theme, small=True)
        self.staff_button.setProperty("role", "quiet")
        self.staff_button.refresh_words_tone()
        self.staff_button.tapped.connect(self.staff_chosen)
        staff_row = QHBoxLayout()
        staff_row.addStretch(1)
        staff_row.addWidget(self.staff_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addLayout(greeting_row)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addLayout(staff_row)
        self.retranslate()

    def title(self) -> str:
        return self.home_name

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._arrange_tasks()
        self.retranslate()

    def _arrange_tasks(self) -> None:
        """Big pictures above the words, in one row while they fit; at large text, the
        picture beside the words, two to a row, so every task still fits the screen."""
        for button in self.task_buttons.values():
            self._grid.removeWidget(button)
            discard(button)
        self.task_buttons = {}
        large_text = self.theme.metrics.scale >= 1.5
        columns = 2 if large_text else (len(TASKS) if len(TASKS) <= 4 else 3)
        self._grid.setSpacing(self.theme.metrics.gap_px)
        for index, (screen, picture, _) in enumerate(TASKS):
            button = BigButton(
                picture,
                "",
                pictures=self.pictures,
                theme=self.theme,
                large=not large_text,
                horizontal=large_text,
            )
            button.tapped.connect(lambda screen=screen: self.task_chosen.emit(screen))
            self.task_buttons[screen] = button
            self._grid.addWidget(button, index // columns, index % columns)

    def set_resident(self, resident: Resident | None) -> None:
        self._resident = resident
        self.retranslate()

    def show_message(self, text: str) -> None:
        """A calm message at the top of Home that goes away by itself."""
        self.message.setText(text)
        self.message.show()
        self._message_timer.start()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        if self._resident is None:
            self.greeting.setText(gettext("Hello! What would you like to do?"))
            self.who_button.set_words(gettext("Who are you?"))
        else:
            self.greeting.setText(
                gettext("Hello, {name}!").format(name=self._resident.preferred_name)
            )
            self.who_button.set_words(gettext("Not you?"))
        for screen, _, words in TASKS:
            self.task_buttons[screen].set_words(gettext(words))
        self.staff_button.set_words(gettext("Staff"))
