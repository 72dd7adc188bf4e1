"""A day and a time, chosen with big buttons: no calendar pop-ups, no spin boxes.

It shows the moment in words ("Friday 27 November at 17:00", "17:00 today") beside a
"Change" button. "Change" opens the choices below it: "Now" (when offered), "Today",
"Tomorrow" and a button for each of the next days, then the part of the day (morning,
afternoon, evening) and its times in half-hour steps. Times are in the home's time zone:
the zone of the moments ``now`` gives, which should be a ``zoneinfo.ZoneInfo``, so a day
across a clock change still starts at the right hour.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

STEP = timedelta(minutes=30)
# The parts of a day, each with its first hour; each holds six hours of half-hour steps.
PARTS: tuple[tuple[int, str], ...] = (
    (6, N_("Morning")),
    (12, N_("Afternoon")),
    (18, N_("Evening")),
)
PART_HOURS = 6
NOW = None  # the day "key" of the "Now" button


def when_words(words: Words, moment: datetime, now: datetime) -> str:
    """A moment as people say it: "17:00 today", "09:30 tomorrow", "Friday 27 November at
    17:00" (in ``now``'s time zone, the home's)."""
    gettext = words.gettext
    local = moment.astimezone(now.tzinfo)
    clock = words.clock_time(local)
    if local.date() == now.date():
        return gettext("{time} today").format(time=clock)
    if local.date() == now.date() + timedelta(days=1):
        return gettext("{time} tomorrow").format(time=clock)
    return gettext("{day} at {time}").format(day=words.day_and_date(local.date()), time=clock)


class WhenPicker(QWidget):
    """A moment in words and a "Change" button; the day and time buttons open below it.

    ``now`` gives the home's time now (timezone-aware). ``days_ahead`` days after today are
    offered as well as today. With ``offer_now``, "Now" comes first: :meth:`moment` is then
    the time when it is asked for (say, when the form is saved).
    """

    changed = Signal()  # a day, a time or "Now" was chosen

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        now: Callable[[], datetime],
        days_ahead: int = 14,
        offer_now: bool = False,
    ) -> None:
        super().__init__()
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self._now = now
        self.days_ahead = days_ahead
        self.offer_now = offer_now
        self._day: date | None = None if offer_now else now().date()  # None: "Now"
        self._time = time(17, 0)
        self.part = self._part_of(self._time)
        self.day_buttons: dict[date | None, BigButton] = {}
        self.time_buttons: dict[time, BigButton] = {}
        kit = {"pictures": pictures, "theme": theme}

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-weight: bold;")
        self.change_button = BigButton("calendar", "", horizontal=True, small=True, **kit)
        self.change_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.change_button.tapped.connect(self._on_change_button_tapped)
        top = QHBoxLayout()
        top.setSpacing(theme.metrics.gap_px)
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.change_button)

        self.chooser = QWidget()
        self.day_label = QLabel()
        self.day_label.setWordWrap(True)
        self._day_grid = QGridLayout()
        self.time_label = QLabel()
        self.time_label.setWordWrap(True)
        self.part_buttons = {hour: BigButton(None, "", small=True, **kit) for hour, _ in PARTS}
        for hour, button in self.part_buttons.items():
            button.tapped.connect(lambda hour=hour: self._on_part_tapped(hour))
        self._part_grid = QGridLayout()
        self._time_grid = QGridLayout()
        inside = QVBoxLayout(self.chooser)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.addWidget(self.day_label)
        inside.addLayout(self._day_grid)
        inside.addWidget(self.time_label)
        inside.addLayout(self._part_grid)
        inside.addLayout(self._time_grid)
        self.chooser.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.chooser)
        self._arrange()
        self.retranslate()

    # -- what the form uses ------------------------------------------------------------------

    @property
    def is_now(self) -> bool:
        return self.offer_now and self._day is None

    @property
    def day(self) -> date | None:
        """The day chosen (None with "Now")."""
        return self._day

    @property
    def time_of_day(self) -> time:
        return self._time

    def moment(self) -> datetime:
        """The moment chosen, in the home's time zone ("Now": the time now)."""
        now = self._now()
        if self._day is None:
            return now
        return datetime.combine(self._day, self._time, tzinfo=now.tzinfo)

    def set_now(self) -> None:
        """Choose "Now" (only when it is offered)."""
        if self.offer_now:
            self._day = None
            self._mark()

    def set_moment(self, moment: datetime) -> None:
        """Choose a day and a time (the time rounded down to the half hour)."""
        local = moment.astimezone(self._now().tzinfo)
        self._day = local.date()
        self._time = time(local.hour, 0 if local.minute < 30 else 30)
        self.part = self._part_of(self._time)
        self._fill_times()
        self._mark()

    def set_open(self, shown: bool) -> None:
        """Show or hide the day and time buttons (the days drawn again: today moves on)."""
        self.chooser.setVisible(shown)
        if shown:
            self._fill_days()
        self._mark()

    def summary(self) -> str:
        """The moment in words, as shown beside "Change"."""
        if self.is_now:
            return self.words.gettext("Now")
        return when_words(self.words, self.moment(), self._now())

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.day_label.setText(gettext("Day"))
        self.time_label.setText(gettext("Time"))
        for hour, words in PARTS:
            self.part_buttons[hour].set_words(gettext(words))
        self._show()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        for button in self.findChildren(BigButton):
            button.set_theme(theme)
        self._arrange()
        self._show()

    # -- drawing -------------------------------------------------------------------------------

    @property
    def _large(self) -> bool:
        return self.theme.metrics.scale >= 1.5

    def _arrange(self) -> None:
        gap = self.theme.metrics.gap_px
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setSpacing(gap // 2)
        inside = self.chooser.layout()
        assert isinstance(inside, QVBoxLayout)
        inside.setSpacing(gap)
        for grid in (self._day_grid, self._part_grid, self._time_grid):
            grid.setSpacing(gap)
        for index, button in enumerate(self.part_buttons.values()):
            self._part_grid.addWidget(button, 0, index)
            self._part_grid.setColumnStretch(index, 1)

    def _show(self) -> None:
        """Every button drawn again (the days start today), the choice marked."""
        self._fill_days()
        self._fill_times()
        self._mark()

    def _mark(self) -> None:
        """The choice in words beside "Change", and ticked among the buttons."""
        self.summary_label.setText(self.summary())
        self._show_change_words()
        for day, button in self.day_buttons.items():
            button.set_chosen(day == self._day)
        for hour, button in self.part_buttons.items():
            button.set_chosen(hour == self.part)
        for at, button in self.time_buttons.items():
            button.set_chosen(at == self._time)
        timed = not self.is_now
        for widget in (self.time_label, *self.part_buttons.values(), *self.time_buttons.values()):
            widget.setVisible(timed)

    def _show_change_words(self) -> None:
        gettext = self.words.gettext
        opened = self.chooser.isVisibleTo(self)
        self.change_button.set_words(gettext("Done") if opened else gettext("Change"))

    def _days(self, today: date) -> list[date | None]:
        days: list[date | None] = [NOW] if self.offer_now else []
        days.extend(today + timedelta(days=offset) for offset in range(self.days_ahead + 1))
        return days

    def _day_words(self, day: date | None, today: date) -> str:
        gettext = self.words.gettext
        if day is None:
            return gettext("Now")
        if day == today:
            return gettext("Today")
        if day == today + timedelta(days=1):
            return gettext("Tomorrow")
        return self.words.day_and_date(day)

    def _fill_days(self) -> None:
        for button in self.day_buttons.values():
            self._day_grid.removeWidget(button)
            discard(button)
        self.day_buttons = {}
        columns = 2 if self._large else 4
        today = self._now().date()
        for index, day in enumerate(self._days(today)):
            button = BigButton(
                None,
                self._day_words(day, today),
                pictures=self.pictures,
                theme=self.theme,
                small=True,
            )
            button.tapped.connect(lambda day=day: self._on_day_tapped(day))
            self.day_buttons[day] = button
            self._day_grid.addWidget(button, index // columns, index % columns)
        for column in range(4):
            self._day_grid.setColumnStretch(column, 1 if column < columns else 0)

    def _fill_times(self) -> None:
        for button in self.time_buttons.values():
            self._time_grid.removeWidget(button)
            discard(button)
        self.time_buttons = {}
        columns = 3 if self._large else 6
        start = datetime.combine(date(2000, 1, 1), time(self.part, 0))
        for index in range(PART_HOURS * 2):
            moment = start + index * STEP
            button = BigButton(
                None,
                self.words.clock_time(moment),
                pictures=self.pictures,
                theme=self.theme,
                small=True,
            )
            at = moment.time()
            button.tapped.connect(lambda at=at: self._on_time_tapped(at))
            self.time_buttons[at] = button
            self._time_grid.addWidget(button, index // columns, index % columns)
        for column in range(6):
            self._time_grid.setColumnStretch(column, 1 if column < columns else 0)

    @staticmethod
    def _part_of(at: time) -> int:
        first = PARTS[0][0]
        for hour, _ in reversed(PARTS):
            if at.hour >= hour:
                return hour
        return first

    # -- touches -------------------------------------------------------------------------------

    def _on_change_button_tapped(self) -> None:
        self.set_open(not self.chooser.isVisibleTo(self))

    def _on_day_tapped(self, day: date | None) -> None:
        self._day = day
        self._mark()
        self.changed.emit()

    def _on_part_tapped(self, hour: int) -> None:
        self.part = hour
        self._fill_times()
        self._mark()

    def _on_time_tapped(self, at: time) -> None:
        self._time = at
        self._mark()
        self.changed.emit()
