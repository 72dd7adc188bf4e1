"""Home: who is here, and big picture buttons for each thing a resident can do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.words_label import WordsLabel

if TYPE_CHECKING:
    from kiosk.domain.residents import Resident

# (screen name, picture, words): only screens that exist are offered; no dead buttons.
# Six at most (DESIGN.md); the language is chosen beside "Who are you?".
TASKS = (
    ("suggest-meal", "suggest-meal", N_("Suggest a meal")),
    ("suggest-idea", "idea", N_("Share an idea")),
    ("vote", "vote", N_("Vote")),
    ("how-was-it", "feedback", N_("How was it?")),
    ("this-week", "calendar", N_("This week")),
    ("my-care-plan", "care-plan", N_("My care plan")),
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

        self.greeting = WordsLabel()
        self.greeting.setProperty("role", "heading")
        self.greeting.setWordWrap(True)
        self.who_button = BigButton("people", "", pictures=pictures, theme=theme, horizontal=True)
        self.who_button.tapped.connect(self.who_chosen)
        self.language_button = BigButton(
            "language", "", pictures=pictures, theme=theme, horizontal=True
        )
        self.language_button.tapped.connect(lambda: self.task_chosen.emit("language"))
        self._greeting_grid = greeting_grid = QGridLayout()
        self._greeting_top = QHBoxLayout()  # the greeting and Staff, at large text

        self.message = QLabel()
        self.message.setProperty("role", "banner")
        self.message.setWordWrap(True)
        self.message.hide()
        self._message_timer = QTimer(self, singleShot=True, interval=MESSAGE_SECONDS * 1000)
        self._message_timer.timeout.connect(self.message.hide)

        # Discreet: big enough to touch, quiet enough not to invite residents. Bottom
        # right; top right at large text, where the screen has no line to spare.
        self.staff_button = BigButton(None, "", pictures=pictures, theme=theme, small=True)
        self.staff_button.setProperty("role", "quiet")
        self.staff_button.refresh_words_tone()
        self.staff_button.tapped.connect(self.staff_chosen)
        self._staff_bar = QWidget()  # hidden at large text, when Staff is at the top
        self._staff_row = QHBoxLayout(self._staff_bar)
        self._staff_row.setContentsMargins(0, 0, 0, 0)
        self._staff_row.addStretch(1)

        self.task_buttons: dict[str, BigButton] = {}
        self._grid = grid = QGridLayout()
        self._arrange_tasks()

        layout = QVBoxLayout(self)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addLayout(greeting_grid)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(self._staff_bar)
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
        self._arrange_greeting(large_text)
        columns = 2 if large_text else 3
        self._grid.setSpacing(self.theme.metrics.gap_px)
        for index, (screen, picture, _) in enumerate(TASKS):
            button = BigButton(
                picture,
                "",
                pictures=self.pictures,
                theme=self.theme,
                large=not large_text,
                small=large_text,
                horizontal=large_text,
            )
            button.tapped.connect(lambda screen=screen: self.task_chosen.emit(screen))
            self.task_buttons[screen] = button
            self._grid.addWidget(button, index // columns, index % columns)

    def _arrange_greeting(self, large_text: bool) -> None:
        """The greeting beside "Who are you?" and "Language", Staff bottom right; at large
        text the greeting above them, with Staff beside it."""
        grid, top = self._greeting_grid, self._greeting_top
        grid.setSpacing(self.theme.metrics.gap_px)
        top.setSpacing(self.theme.metrics.gap_px)
        for widget in (self.greeting, self.who_button, self.language_button, self.staff_button):
            grid.removeWidget(widget)
            top.removeWidget(widget)
            self._staff_row.removeWidget(widget)
        grid.removeItem(top)
        for button in (self.who_button, self.language_button):
            button.set_size(small=large_text)
        # Large text is large enough: the greeting keeps to one line, beside Staff.
        self.greeting.setProperty("role", "strong" if large_text else "heading")
        self.greeting.style().unpolish(self.greeting)
        self.greeting.style().polish(self.greeting)
        if large_text:
            top.addWidget(self.greeting, 1)
            top.addWidget(self.staff_button, 0, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(top, 0, 0, 1, 2)
            grid.addWidget(self.who_button, 1, 0)
            grid.addWidget(self.language_button, 1, 1)
            stretches: tuple[int, ...] = (1, 1, 0)
        else:
            grid.addWidget(self.greeting, 0, 0)
            grid.addWidget(self.who_button, 0, 1)
            grid.addWidget(self.language_button, 0, 2)
            stretches = (3, 2, 2)
            self._staff_row.addWidget(self.staff_button)
        self._staff_bar.setVisible(not large_text)
        for column, stretch in enumerate(stretches):
            grid.setColumnStretch(column, stretch)

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
        self.language_button.set_words(gettext("Language"))
        self.staff_button.set_words(gettext("Staff"))
