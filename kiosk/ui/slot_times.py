"""Choosing when an activity happens, by touch: a day of the week, and a start and an end
that move by half an hour with big buttons. No typing, so no time can be mistyped.

:class:`Stepper` is a number with a button either side (times, or a count of weeks);
:class:`DayPicker` is the seven days of a week, with the weeks before and after;
:class:`SlotTimes` puts them together: moving the start takes the end along with it, so
the length stays the same. The end can still be set before the start; the schedule
service then says, in words, that it must end after it starts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.week import days_of_week, monday_of
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

HALF_HOUR = 30
DAY_MINUTES = 24 * 60
LAST_START = DAY_MINUTES - HALF_HOUR  # 23:30: a slot ends on the day it starts


class Stepper(QWidget):
    """``value`` between ``minimum`` and ``maximum``, ``step`` at a time, shown in words."""

    changed = Signal(int)

    def __init__(
        self,
        *,
        pictures: PictureLibrary,
        theme: Theme,
        minimum: int,
        maximum: int,
        step: int,
        value: int,
        show: Callable[[int], str],
    ) -> None:
        super().__init__()
        self.minimum, self.maximum, self.step = minimum, maximum, step
        self._show = show
        kit = {"pictures": pictures, "theme": theme, "small": True}
        self.less_button = BigButton(None, "", **kit)
        self.more_button = BigButton(None, "", **kit)
        self.less_button.tapped.connect(lambda: self.set_value(self.value - self.step, said=True))
        self.more_button.tapped.connect(lambda: self.set_value(self.value + self.step, said=True))
        self.value_label = QLabel()
        self.value_label.setProperty("role", "title")
        self.value_label.setWordWrap(True)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.metrics.gap_px)
        row.addWidget(self.less_button, 1)
        row.addWidget(self.value_label, 1)
        row.addWidget(self.more_button, 1)
        self.value = minimum
        self.set_value(value)

    def set_words(self, less: str, more: str) -> None:
        self.less_button.set_words(less)
        self.more_button.set_words(more)
        self.redraw()

    def set_value(self, value: int, *, said: bool = False) -> None:
        """Keep ``value`` (within the limits); ``said``: a person asked, so say it changed."""
        self.value = max(self.minimum, min(self.maximum, value))
        self.redraw()
        if said:
            self.changed.emit(self.value)

    def redraw(self) -> None:
        self.value_label.setText(self._show(self.value))
        self.less_button.setEnabled(self.value > self.minimum)
        self.more_button.setEnabled(self.value < self.maximum)


class DayPicker(QWidget):
    """The seven days of a week as buttons (the chosen one ticked), and other weeks."""

    day_chosen = Signal(object)  # a date

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self.day = date.today()
        self.monday = monday_of(self.day)
        self.day_buttons: dict[date, BigButton] = {}
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setStyleSheet("font-weight: bold;")
        kit = {"pictures": pictures, "theme": theme, "horizontal": True, "small": True}
        self.previous_week_button = BigButton(None, "", **kit)
        self.next_week_button = BigButton(None, "", **kit)
        self.previous_week_button.tapped.connect(lambda: self._turn(-7))
        self.next_week_button.tapped.connect(lambda: self._turn(+7))
        self._days = QGridLayout()
        self._weeks = QGridLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chosen_label)
        layout.addLayout(self._days)
        layout.addLayout(self._weeks)
        self.arrange(theme)

    def arrange(self, theme: Theme) -> None:
        self.theme = theme
        gap = theme.metrics.gap_px
        self.layout().setSpacing(gap)
        form.grid_of(self._weeks, [self.previous_week_button, self.next_week_button], 2, gap)
        self._fill_days()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.previous_week_button.set_words(gettext("‹ Week before"))
        self.next_week_button.set_words(gettext("Week after ›"))
        self._fill_days()

    def set_day(self, day: date) -> None:
        """Choose ``day`` and show its week."""
        self.day = day
        self.monday = monday_of(day)
        self._fill_days()

    def _turn(self, days: int) -> None:
        """Another week: the same day of the week in it is chosen."""
        self.set_day(self.day + timedelta(days=days))
        self.day_chosen.emit(self.day)

    def _on_day_tapped(self, day: date) -> None:
        self.day = day
        for each, button in self.day_buttons.items():
            _mark(button, each, chosen=each == day, words=self.words)
        self._say_day()
        self.day_chosen.emit(day)

    def _fill_days(self) -> None:
        from babel.dates import format_date

        for button in self.day_buttons.values():
            self._days.removeWidget(button)
            discard(button)
        self.day_buttons = {}
        columns = 4 if self.theme.metrics.scale >= 1.5 else 7
        for index, day in enumerate(days_of_week(self.monday)):
            words = format_date(day, "EEE d", locale=self.words.language)
            button = BigButton(None, words, pictures=self.pictures, theme=self.theme, small=True)
            _mark(button, day, chosen=day == self.day, words=self.words)
            button.tapped.connect(lambda day=day: self._on_day_tapped(day))
            self.day_buttons[day] = button
            self._days.addWidget(button, index // columns, index % columns)
        for column in range(7):
            self._days.setColumnStretch(column, 1 if column < columns else 0)
        self._days.setSpacing(self.theme.metrics.gap_px)
        self._say_day()

    def _say_day(self) -> None:
        self.chosen_label.setText(self.words.day_and_date(self.day))


class SlotTimes(QWidget):
    """A day, a start and an end: what a slot needs to know about when."""

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self.words = words
        self.day_label = field_label()
        self.days = DayPicker(words=words, pictures=pictures, theme=theme)
        self.start_label = field_label()
        self.end_label = field_label()
        kit = {"pictures": pictures, "theme": theme, "step": HALF_HOUR, "show": self._clock}
        self.start = Stepper(minimum=0, maximum=LAST_START, value=14 * 60, **kit)
        self.end = Stepper(minimum=HALF_HOUR, maximum=LAST_START, value=15 * 60, **kit)
        self.start.changed.connect(self._on_start_changed)
        self.end.changed.connect(lambda _value: self._say_length())
        self._start_was = self.start.value
        self.length_label = QLabel()
        self.length_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for part in (
            self.day_label,
            self.days,
            self.start_label,
            self.start,
            self.end_label,
            self.end,
            self.length_label,
        ):
            layout.addWidget(part)
        self.arrange(theme)

    def arrange(self, theme: Theme) -> None:
        self.layout().setSpacing(theme.metrics.gap_px // 2)
        self.days.arrange(theme)

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.day_label.setText(gettext("Day"))
        self.start_label.setText(gettext("Starts at"))
        self.end_label.setText(gettext("Ends at"))
        for stepper in (self.start, self.end):
            stepper.set_words(gettext("‹ Half an hour earlier"), gettext("Half an hour later ›"))
        self.days.retranslate()
        self._say_length()

    def set_when(self, day: date, start: time, end: time) -> None:
        self.days.set_day(day)
        self.start.set_value(_minutes(start))
        self.end.set_value(_minutes(end))
        self._start_was = self.start.value
        self._say_length()

    def when(self) -> tuple[date, time, time]:
        """The day chosen, and the start and end clock times on it."""
        return self.days.day, _clock_time(self.start.value), _clock_time(self.end.value)

    def _clock(self, minutes: int) -> str:
        return self.words.clock_time(datetime.combine(date(2000, 1, 3), _clock_time(minutes)))

    def _on_start_changed(self, start: int) -> None:
        """The end comes along, so the activity lasts as long as it did."""
        length = self.end.value - self._start_was
        self._start_was = start
        self.end.set_value(start + length)
        self._say_length()

    def _say_length(self) -> None:
        gettext, ngettext = self.words.gettext, self.words.ngettext
        minutes = self.end.value - self.start.value
        if minutes <= 0:
            words = gettext("It ends before it starts. Please change the times.")
        else:
            hours, rest = divmod(minutes, 60)
            hours_words = ngettext("{count} hour", "{count} hours", hours).format(count=hours)
            rest_words = ngettext("{count} minute", "{count} minutes", rest).format(count=rest)
            if not rest:
                length = hours_words
            elif not hours:
                length = rest_words
            else:
                length = gettext("{hours} and {minutes}").format(
                    hours=hours_words, minutes=rest_words
                )
            words = gettext("It lasts {length}.").format(length=length)
        self.length_label.setText(words)


def _mark(button: BigButton, day: date, *, chosen: bool, words: Words) -> None:
    """Ticked or not; heard as the whole day ("Tuesday 24 November"), not "Tue 24"."""
    button.set_chosen(chosen)
    button.setAccessibleName(words.day_and_date(day))


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _clock_time(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)
