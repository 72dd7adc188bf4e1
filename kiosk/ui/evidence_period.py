"""Which dates the evidence report covers: "Last month", "Last 3 months", "Last 12 months"
(each up to today, on the home's clock), or "Choose dates" with two big-button day
pickers (no calendar pop-ups) and "Show the report". A period chosen is said with
:attr:`PeriodChooser.period_chosen`; dates that cannot be a period (the end before the
start, over five years) are said in words with :attr:`PeriodChooser.refused`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.domain.errors import ValidationError
from kiosk.domain.evidence import DateRange
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.day_picker import DayPicker, add_months

MONTH, QUARTER, YEAR, DATES = "month", "quarter", "year", "dates"
QUICK: dict[str, tuple[str, int]] = {  # words, and how many months back from today
    MONTH: (N_("Last month"), 1),
    QUARTER: (N_("Last 3 months"), 3),
    YEAR: (N_("Last 12 months"), 12),
}
DEFAULT = QUARTER
FROM_SHORTCUTS = ((N_("A year ago"), -12, 0),)
TO_SHORTCUTS = ((N_("Today"), 0, 0),)


def months_back(today: date, months: int) -> DateRange:
    """The ``months`` up to and including today: 16 February to 15 May for three."""
    return DateRange(add_months(today, -months) + timedelta(days=1), today)


class PeriodChooser(QWidget):
    period_chosen = Signal(object)  # a DateRange
    refused = Signal(str)  # words: why those dates cannot be a period

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        today: Callable[[], date],
    ) -> None:
        super().__init__()
        self.words = words
        self.theme = theme
        self._today = today
        self.choice = DEFAULT
        kit = {"pictures": pictures, "theme": theme}
        self.buttons: dict[str, BigButton] = {}
        for key in (*QUICK, DATES):
            picture = "calendar" if key == DATES else None
            button = BigButton(picture, "", horizontal=True, small=True, **kit)
            button.tapped.connect(lambda key=key: self._on_choice_tapped(key))
            self.buttons[key] = button
        self._grid = QGridLayout()

        pickers = {"words": words, "today": today, "not_after_today": True, **kit}
        self.dates_card = form.card()
        self.from_label = field_label()
        self.from_picker = DayPicker(shortcuts=FROM_SHORTCUTS, **pickers)
        self.to_label = field_label()
        self.to_picker = DayPicker(shortcuts=TO_SHORTCUTS, **pickers)
        self.show_button = BigButton("check", "", horizontal=True, small=True, **kit)
        self.show_button.tapped.connect(self._on_show_button_tapped)
        gap = theme.metrics.gap_px
        inside = form.inside(self.dates_card, gap)
        inside.addWidget(self.from_label)
        inside.addWidget(self.from_picker)
        inside.addSpacing(gap // 3)
        inside.addWidget(self.to_label)
        inside.addWidget(self.to_picker)
        inside.addLayout(form.row_of([self.show_button], gap))
        self.dates_card.hide()

        self._column = form.column(self, gap)
        self._column.addLayout(self._grid)
        self._column.addWidget(self.dates_card)
        self.arrange(theme)
        self._mark()
        self.retranslate()

    # -- what the screen uses ------------------------------------------------------------------

    def chosen_period(self) -> DateRange:
        """The quick period chosen, up to today (for "Choose dates": the dates shown)."""
        if self.choice in QUICK:
            return months_back(self._today(), QUICK[self.choice][1])
        return DateRange(self.from_picker.day or self._today(), self.to_picker.day or self._today())

    def start_again(self) -> None:
        """The last three months, the dates closed."""
        self.choice = DEFAULT
        self._mark()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        for key, button in self.buttons.items():
            button.set_words(gettext(QUICK[key][0]) if key in QUICK else gettext("Choose dates"))
        self.from_label.setText(gettext("From"))
        self.to_label.setText(gettext("To"))
        self.show_button.set_words(gettext("Show the report"))
        self.from_picker.retranslate()
        self.to_picker.retranslate()

    def arrange(self, theme: Theme) -> None:
        self.theme = theme
        gap = theme.metrics.gap_px
        columns = 2 if theme.metrics.scale >= 1.5 else 4
        form.grid_of(self._grid, list(self.buttons.values()), columns, gap)
        self._column.setSpacing(gap)
        for picker in (self.from_picker, self.to_picker):
            picker.apply_theme(theme)

    # -- inside --------------------------------------------------------------------------------

    def _mark(self) -> None:
        for key, button in self.buttons.items():
            button.set_chosen(key == self.choice)
        self.dates_card.setVisible(self.choice == DATES)

    def _on_choice_tapped(self, key: str) -> None:
        if key == DATES:
            if self.choice != DATES:  # open on the period shown, to change from there
                shown = self.chosen_period()
                self.from_picker.set_day(shown.first)
                self.to_picker.set_day(shown.last)
            self.choice = DATES
            self._mark()
            return
        self.choice = key
        self._mark()
        self.period_chosen.emit(self.chosen_period())

    def _on_show_button_tapped(self) -> None:
        first, last = self.from_picker.day, self.to_picker.day
        if first is None or last is None:
            return  # neither picker is optional: they always hold a day
        try:
            period = DateRange.checked(first, last)
        except ValidationError as refused:
            self.refused.emit(refused.text(self.words.gettext))
            return
        self.from_picker.set_open(False)
        self.to_picker.set_open(False)
        self.period_chosen.emit(period)
