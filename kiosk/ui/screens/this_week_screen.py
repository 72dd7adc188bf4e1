"""This week: one day at a time (today first), what's on and what's on the menu."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.enums import DietaryTag, Meal
from kiosk.domain.text import N_
from kiosk.domain.week import ActivityOnDay, DayPlan, DishOnMenu, monday_of
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.picture_card import PictureCard
from kiosk.ui.widgets.words_label import WordsLabel

MEAL_WORDS = {
    Meal.BREAKFAST: (N_("Breakfast"), "breakfast"),
    Meal.LUNCH: (N_("Lunch"), "lunch"),
    Meal.TEA: (N_("Tea"), "tea"),
    Meal.SUPPER: (N_("Supper"), "supper"),
}
DAYS_SHOWN = 14  # this week and next: the kitchen plans two weeks ahead
SIDE_BY_SIDE_MIN_WIDTH = 1500  # below this (or at large text) the menu goes under the activities


class WeekReader(Protocol):
    def day(self, day: date) -> DayPlan: ...


class ThisWeekScreen(Screen):
    name = "this-week"

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        week: WeekReader,
        today: Callable[[], date],
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._week = week
        self._today = today
        self.day = self._home_today = today()  # the home's date when last drawn
        self._plan: DayPlan | None = None
        self._drawn: tuple[object, ...] = ()  # what the cards on the screen were drawn from

        self.previous_button = BigButton(None, "", pictures=pictures, theme=theme)
        self.next_button = BigButton(None, "", pictures=pictures, theme=theme)
        self.previous_button.tapped.connect(lambda: self.show_day(self.day - timedelta(days=1)))
        self.next_button.tapped.connect(lambda: self.show_day(self.day + timedelta(days=1)))
        self.day_label = QLabel()
        self.day_label.setProperty("role", "title")
        self.day_label.setWordWrap(True)
        self.day_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The day along the top; the way to other days along the bottom, like every pager.
        navigation = QHBoxLayout()
        navigation.setSpacing(theme.metrics.gap_px)
        navigation.addWidget(self.previous_button, 1)
        navigation.addWidget(self.next_button, 1)

        self.content = QWidget()
        self.content.setObjectName("content")
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.content)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.content)
        QScroller.grabGesture(
            self.scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )

        layout = QVBoxLayout(self)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addWidget(self.day_label)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(navigation)

    def title(self) -> str:
        return self.words.gettext("This week")

    @property
    def first_day(self) -> date:
        """The first day shown: Monday of the week the screen was last drawn in."""
        return monday_of(self._home_today)

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=DAYS_SHOWN - 1)

    def refresh(self) -> None:
        self.show_day(self._today())

    def show_day(self, day: date) -> None:
        self._home_today = self._today()  # asked once: it reads the home's time zone
        self.day = max(self.first_day, min(self.last_day, day))
        self._plan = self._week.day(self.day)
        if self._drawn != self._drawing():
            self._rebuild()  # else the cards on the screen already say all of it

    def retranslate(self) -> None:
        if self._plan is not None:
            self._rebuild()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        if self._plan is not None:
            self._rebuild()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._choose_direction()

    # -- drawing -------------------------------------------------------------------------

    def _drawing(self) -> tuple[object, ...]:
        """Everything the cards are drawn from: when it has not changed, neither have they."""
        return (self._plan, self._home_today, self.words.language, self.theme)

    def _rebuild(self) -> None:
        self._drawn = self._drawing()
        gettext = self.words.gettext
        self.day_label.setText(self._day_words(self.day))
        previous, following = self.day - timedelta(days=1), self.day + timedelta(days=1)
        self.previous_button.set_words("‹ " + self._day_words(previous, short=True))
        self.next_button.set_words(self._day_words(following, short=True) + " ›")
        self.previous_button.setEnabled(self.day > self.first_day)
        self.next_button.setEnabled(self.day < self.last_day)
        self.content.setProperty("today", "true" if self.day == self._home_today else "false")

        while self._columns.count():
            item = self._columns.takeAt(0)
            old = item.widget()
            if old is not None:
                old.hide()
                old.setParent(None)  # gone now, not when the event loop next turns
                old.deleteLater()
        assert self._plan is not None
        activities = self._column(gettext("What's on"))
        if self._plan.activities:
            for activity in self._plan.activities:
                activities.layout().addWidget(self._activity_card(activity))
        else:
            activities.layout().addWidget(self._quiet(gettext("Nothing planned yet.")))
        activities.layout().addStretch(1)
        menu = self._column(gettext("On the menu"))
        any_dishes = False
        for meal, dishes in self._plan.meals:
            if not dishes:
                continue
            any_dishes = True
            menu.layout().addWidget(self._meal_heading(meal))
            for dish in dishes:
                menu.layout().addWidget(self._dish_card(dish))
        if not any_dishes:
            menu.layout().addWidget(self._quiet(gettext("The menu is not ready yet.")))
        menu.layout().addStretch(1)
        self._columns.addWidget(activities, 1)
        self._columns.addWidget(menu, 1)
        self._choose_direction()

    def _choose_direction(self) -> None:
        wide = self.width() >= SIDE_BY_SIDE_MIN_WIDTH and self.theme.metrics.text_scale <= 125
        self._columns.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        self._columns.setSpacing(self.theme.metrics.gap_px)

    def _day_words(self, day: date, *, short: bool = False) -> str:
        gettext = self.words.gettext
        today = self._home_today
        if day == today:
            return (
                gettext("Today")
                if short
                else gettext("Today, {day}").format(day=self.words.day_and_date(day))
            )
        if day == today + timedelta(days=1) and short:
            return gettext("Tomorrow")
        if day == today - timedelta(days=1) and short:
            return gettext("Yesterday")
        return self.words.day_name(day) if short else self.words.day_and_date(day)

    def _column(self, heading: str) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(max(8, self.theme.metrics.gap_px // 2))
        title = WordsLabel(heading)
        title.setProperty("role", "heading")
        title.setWordWrap(True)
        layout.addWidget(title)
        return column

    def _quiet(self, text: str) -> QLabel:
        label = WordsLabel(text)
        label.setWordWrap(True)
        label.setProperty("role", "quiet")
        return label

    def _activity_card(self, activity: ActivityOnDay) -> PictureCard:
        gettext = self.words.gettext
        lines = [
            gettext("{start} to {end}").format(
                start=self.words.clock_time(activity.starts_at),
                end=self.words.clock_time(activity.ends_at),
            )
        ]
        if activity.place:
            lines.append(activity.place)
        if activity.led_by:
            lines.append(gettext("With {person}").format(person=activity.led_by))
        if activity.from_residents:
            lines.append(gettext("You asked for this"))
        notice = None
        if activity.cancelled:
            notice = gettext("Cancelled")
            if activity.cancel_reason:
                notice = gettext("Cancelled: {reason}").format(reason=activity.cancel_reason)
        return PictureCard(
            activity.picture,
            activity.title,
            lines,
            pictures=self.pictures,
            theme=self.theme,
            notice=notice,
        )

    def _meal_heading(self, meal: Meal) -> QWidget:
        words, picture = MEAL_WORDS[meal]
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, self.theme.metrics.gap_px // 2, 0, 0)
        size = self.theme.metrics.small_picture_px
        icon = QLabel()
        icon.setPixmap(
            self.pictures.pixmap(picture, size, self.words.gettext(words), self.theme.palette)
        )
        icon.setFixedSize(size, size)
        label = QLabel(self.words.gettext(words))
        label.setProperty("role", "heading")
        label.setWordWrap(True)
        layout.addWidget(icon)
        layout.addWidget(label, 1)
        return row

    def _dish_card(self, dish: DishOnMenu) -> PictureCard:
        gettext = self.words.gettext
        marks = []
        if DietaryTag.VEGAN in dish.dietary:
            marks.append(gettext("Vegan"))
        elif DietaryTag.VEGETARIAN in dish.dietary:
            marks.append(gettext("Vegetarian"))
        if dish.soft:
            marks.append(gettext("Soft"))
        lines = [", ".join(marks)] if marks else []
        return PictureCard(
            dish.picture, dish.name, lines, pictures=self.pictures, theme=self.theme, small=True
        )
