"""A week at a time, for the staff planners: "23 – 29 November 2026" over the week before,
this week and the week after. Choosing one says its Monday with :attr:`WeekPager.week_chosen`.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton


class WeekPager(QWidget):
    week_chosen = Signal(object)  # the Monday of the week chosen

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self.words = words
        self.theme = theme
        self.monday: date | None = None
        self.this_monday: date | None = None
        self.week_label = QLabel()
        self.week_label.setProperty("role", "title")
        self.week_label.setWordWrap(True)
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        kit = {"pictures": pictures, "theme": theme, "horizontal": True, "small": True}
        self.previous_week_button = BigButton(None, "", **kit)
        self.this_week_button = BigButton("today", "", **kit)
        self.next_week_button = BigButton(None, "", **kit)
        self.previous_week_button.tapped.connect(lambda: self._step(-7))
        self.this_week_button.tapped.connect(self._on_this_week_button_tapped)
        self.next_week_button.tapped.connect(lambda: self._step(+7))
        self._buttons = QGridLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.week_label)
        layout.addLayout(self._buttons)
        self.arrange(theme)
        self.retranslate()

    def arrange(self, theme: Theme) -> None:
        self.theme = theme
        gap = theme.metrics.gap_px
        self.layout().setSpacing(gap)
        buttons = [self.previous_week_button, self.this_week_button, self.next_week_button]
        form.grid_of(self._buttons, buttons, 3, gap)

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.previous_week_button.set_words(gettext("‹ Week before"))
        self.this_week_button.set_words(gettext("This week"))
        self.next_week_button.set_words(gettext("Week after ›"))
        if self.monday is not None:
            last = self.monday + timedelta(days=6)
            self.week_label.setText(date_range(self.monday, last, self.words.language))

    def show_week(self, monday: date, this_monday: date) -> None:
        """Show ``monday``'s week; "This week" is offered while another week is shown."""
        self.monday = monday
        self.this_monday = this_monday
        self.this_week_button.setEnabled(monday != this_monday)
        self.retranslate()

    def _step(self, days: int) -> None:
        if self.monday is not None:
            self.week_chosen.emit(self.monday + timedelta(days=days))

    def _on_this_week_button_tapped(self) -> None:
        if self.this_monday is not None:
            self.week_chosen.emit(self.this_monday)


def date_range(first: date, last: date, language: str) -> str:
    """ "23 – 29 November 2026", "30 November – 6 December 2026", across a year too."""
    from babel.dates import format_date

    def show(day: date, pattern: str) -> str:
        return format_date(day, pattern, locale=language)

    if (first.year, first.month) == (last.year, last.month):
        start = show(first, "d")
    elif first.year == last.year:
        start = show(first, "d MMMM")
    else:
        start = show(first, "d MMMM y")
    return f"{start} – {show(last, 'd MMMM y')}"
