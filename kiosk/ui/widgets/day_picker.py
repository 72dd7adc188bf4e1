"""A day (no time), chosen with big buttons: no calendar pop-ups, no spin boxes.

For days weeks or months away, such as the next review of a care plan. It shows the day
in words with its year ("Friday 27 November 2026") beside a "Change" button. "Change"
opens the choices below it: the quick ones the form offers ("In 6 months", "Today"),
then steps a day, a week or a month either way, and "No date" when a day is optional.
With ``not_after_today`` the days after today cannot be chosen (a review already held).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

#: A quick choice: its words (marked with ``N_``), then months and days from today.
Shortcut = tuple[str, int, int]

STEPS: tuple[Shortcut, ...] = (
    (N_("A day earlier"), 0, -1),
    (N_("A day later"), 0, 1),
    (N_("A week earlier"), 0, -7),
    (N_("A week later"), 0, 7),
    (N_("A month earlier"), -1, 0),
    (N_("A month later"), 1, 0),
)


def date_words(words: Words, day: date) -> str:
    """ "Friday 27 November 2026", "Dydd Gwener 27 Tachwedd 2026": the year too, for days
    that may be months away."""
    from babel.dates import format_date

    return format_date(day, "EEEE d MMMM y", locale=words.language)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier); the 31st becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


class DayPicker(QWidget):
    """A day in words and a "Change" button; the choices open below it."""

    changed = Signal()  # a day (or "No date") was chosen

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        today: Callable[[], date],
        shortcuts: Sequence[Shortcut] = (),
        optional: bool = False,
        not_after_today: bool = False,
    ) -> None:
        super().__init__()
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self._today = today
        self.optional = optional
        self.not_after_today = not_after_today
        self._day: date | None = None if optional else today()
        kit = {"pictures": pictures, "theme": theme}

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-weight: bold;")
        self.change_button = BigButton("calendar", "", horizontal=True, small=True, **kit)
        self.change_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.change_button.tapped.connect(self._on_change_button_tapped)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.change_button)

        self.chooser = QWidget()
        self._shortcuts = list(shortcuts)
        self._choices: list[tuple[BigButton, Shortcut | None]] = []
        for shortcut in (*self._shortcuts, *STEPS):
            self._choices.append((self._choice_button(shortcut), shortcut))
        self.no_date_button: BigButton | None = None
        if optional:
            self.no_date_button = BigButton(None, "", small=True, **kit)
            self.no_date_button.tapped.connect(lambda: self.set_day(None, by_person=True))
            self._choices.append((self.no_date_button, None))
        self._grid = QGridLayout(self.chooser)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.chooser.hide()

        self._top = top
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.chooser)
        self._arrange()
        self.retranslate()

    # -- what the form uses ------------------------------------------------------------------

    @property
    def day(self) -> date | None:
        """The day chosen (None: no date)."""
        return self._day

    def set_day(self, day: date | None, *, by_person: bool = False) -> None:
        """Choose ``day`` (None only when a day is optional; a day after today is moved back
        to today when those are not allowed)."""
        if day is None and not self.optional:
            day = self._today()
        if day is not None and self.not_after_today:
            day = min(day, self._today())
        self._day = day
        self._mark()
        if by_person:
            self.changed.emit()

    def set_open(self, shown: bool) -> None:
        self.chooser.setVisible(shown)
        self._mark()

    def summary(self) -> str:
        if self._day is None:
            return self.words.gettext("No date yet")
        return date_words(self.words, self._day)

    def retranslate(self) -> None:
        gettext = self.words.gettext
        for button, shortcut in self._choices:
            button.set_words(gettext(shortcut[0]) if shortcut else gettext("No date"))
        self._mark()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        for button in self.findChildren(BigButton):
            button.set_theme(theme)
        self._arrange()

    # -- inside --------------------------------------------------------------------------------

    def _choice_button(self, shortcut: Shortcut) -> BigButton:
        button = BigButton(None, "", pictures=self.pictures, theme=self.theme)
        button.set_size(small=True)
        button.tapped.connect(lambda shortcut=shortcut: self._on_choice_tapped(shortcut))
        return button

    def _arrange(self) -> None:
        """The quick choices on their own rows, then the steps: earlier beside later."""
        gap = self.theme.metrics.gap_px
        self.layout().setSpacing(gap)
        self._top.setSpacing(gap)
        self._grid.setSpacing(gap)
        columns = 2 if self.theme.metrics.scale >= 1.5 else 4
        for button, _ in self._choices:
            self._grid.removeWidget(button)
        row = 0
        quick = [button for button, shortcut in self._choices if shortcut in self._shortcuts]
        for index, button in enumerate(quick):
            self._grid.addWidget(button, row + index // columns, index % columns)
        row += -(-len(quick) // columns)
        steps = [button for button, shortcut in self._choices if shortcut in STEPS]
        for index, button in enumerate(steps):  # earlier | later, a pair to a row
            self._grid.addWidget(button, row + index // 2, index % 2)
        row += -(-len(steps) // 2)
        if self.no_date_button is not None:
            self._grid.addWidget(self.no_date_button, row, 0)
        for column in range(4):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def _mark(self) -> None:
        gettext = self.words.gettext
        self.summary_label.setText(self.summary())
        opened = self.chooser.isVisibleTo(self)
        self.change_button.set_words(gettext("Done") if opened else gettext("Change"))
        today = self._today()
        for button, shortcut in self._choices:
            if shortcut is None:
                button.set_chosen(self._day is None)
                continue
            start = today if shortcut in self._shortcuts or self._day is None else self._day
            target = self._target(start, shortcut)
            allowed = not self.not_after_today or target <= today
            button.setEnabled(allowed)
            button.set_chosen(shortcut in self._shortcuts and target == self._day)

    @staticmethod
    def _target(start: date, shortcut: Shortcut) -> date:
        _, months, days = shortcut
        return add_months(start, months) + timedelta(days=days)

    def _on_change_button_tapped(self) -> None:
        self.set_open(not self.chooser.isVisibleTo(self))

    def _on_choice_tapped(self, shortcut: Shortcut) -> None:
        today = self._today()
        start = today if shortcut in self._shortcuts or self._day is None else self._day
        self.set_day(self._target(start, shortcut), by_person=True)
