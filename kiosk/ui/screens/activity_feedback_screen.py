"""How residents said it went (the activities coordinator and managers): faces and words,
a week at a time or an activity at a time.

By week: each activity that has finished that week, in time order, with how many chose
each face (in numbers and words), what residents wrote and who wrote it, and how many
came when staff recorded it; then the week's total. By activity: choose one, and see each
time it happened, newest first, with the same numbers. The service checks who may see it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Protocol

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.schedule import (
    FACES_IN_ORDER,
    Activity,
    FeedbackReport,
    FeedbackSummary,
    FeedbackWords,
)
from kiosk.domain.week import monday_of
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

BY_WEEK, BY_ACTIVITY = "week", "activity"


class FeedbackReader(Protocol):
    """What this screen needs from the schedule service."""

    def activities(
        self, viewer: Actor, *, include_archived: bool = False
    ) -> Sequence[Activity]: ...

    def feedback_for_week(self, actor: Actor, monday: date) -> FeedbackReport: ...

    def feedback_for_activity(self, actor: Actor, activity_id: int) -> FeedbackReport: ...


class ActivityFeedbackScreen(StaffScreen):
    name = "activity-feedback"

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        schedule: FeedbackReader,
        today: Callable[[], date],
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._schedule = schedule
        self._today = today
        self.mode = BY_WEEK
        self.monday = monday_of(today())
        self.report: FeedbackReport | None = None
        self.activity: Activity | None = None  # the activity shown, in "by activity"
        self.activity_list: list[Activity] = []
        self.activity_buttons: dict[int, BigButton] = {}
        self.cards: list[QFrame] = []

        gap = theme.metrics.gap_px
        self.week_mode_button = self._big("calendar")
        self.activity_mode_button = self._big("activity")
        self.week_mode_button.tapped.connect(lambda: self._on_mode_tapped(BY_WEEK))
        self.activity_mode_button.tapped.connect(lambda: self._on_mode_tapped(BY_ACTIVITY))
        self._modes = QGridLayout()

        # By week: the week's name, the way to other weeks
        self.week_page = QWidget()
        self.week_label = QLabel()
        self.week_label.setProperty("role", "title")
        self.week_label.setWordWrap(True)
        self.previous_week_button = self._big()
        self.this_week_button = self._big("today")
        self.next_week_button = self._big()
        self.previous_week_button.tapped.connect(lambda: self._go_to_week(-7))
        self.this_week_button.tapped.connect(self._on_this_week_button_tapped)
        self.next_week_button.tapped.connect(lambda: self._go_to_week(+7))
        self._navigation = QGridLayout()
        layout = form.column(self.week_page, gap)
        layout.addWidget(self.week_label)
        layout.addLayout(self._navigation)

        # By activity: the list to choose from, or the one chosen
        self.activity_page = QWidget()
        self.choose_label = form.section_heading()
        self._activity_grid = QGridLayout()
        self.all_activities_button = self._big("back")
        self.all_activities_button.tapped.connect(self._on_all_activities_button_tapped)
        self.activity_label = form.plain_label()  # the activity's title, as typed
        self.activity_label.setProperty("role", "title")
        layout = form.column(self.activity_page, gap)
        layout.addWidget(self.choose_label)
        layout.addLayout(self._activity_grid)
        layout.addLayout(form.row_of([self.all_activities_button], gap))
        layout.addWidget(self.activity_label)

        # The report: words when there is nothing, else a card per time and the total
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self._cards_host = QWidget()
        self._cards = QVBoxLayout(self._cards_host)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self._cards.setSpacing(gap // 2)

        self.content.setSpacing(gap)
        self.content.addLayout(self._modes)
        self.content.addWidget(self.week_page)
        self.content.addWidget(self.activity_page)
        self.content.addWidget(self.empty_label)
        self.content.addWidget(self._cards_host)
        self.content.addStretch(1)
        self._arrange()
        self._show_mode()
        self.retranslate()

    # -- what the window uses ----------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("How was it? What residents said")

    def refresh(self) -> None:
        """Shown again: this week, fresh from the records."""
        super().refresh()
        self.mode = BY_WEEK
        self.monday = monday_of(self._today())
        self.activity = None
        self._load()

    def step_back(self) -> bool:
        """From one activity, Back goes to the list of activities."""
        if self.mode == BY_ACTIVITY and self.activity is not None:
            self._on_all_activities_button_tapped()
            return True
        return False

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.week_mode_button.set_words(gettext("By week"))
        self.activity_mode_button.set_words(gettext("By activity"))
        self.previous_week_button.set_words(gettext("‹ Week before"))
        self.this_week_button.set_words(gettext("This week"))
        self.next_week_button.set_words(gettext("Week after ›"))
        self.choose_label.setText(gettext("Choose an activity to see what residents said."))
        self.all_activities_button.set_words(gettext("All activities"))
        self._show()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._arrange()
        self._show()

    # -- building ----------------------------------------------------------------------------

    @property
    def _columns(self) -> int:
        return 2 if self.theme.metrics.scale >= 1.5 else 3

    def _arrange(self) -> None:
        gap = self.theme.metrics.gap_px
        form.grid_of(self._modes, [self.week_mode_button, self.activity_mode_button], 2, gap)
        form.grid_of(
            self._navigation,
            [self.previous_week_button, self.this_week_button, self.next_week_button],
            3,
            gap,
        )

    # -- loading -------------------------------------------------------------------------------

    def _load(self) -> None:
        """Fetch what the mode shows; a refusal is shown in words, with nothing else."""
        self.report = None
        if self.mode == BY_WEEK:
            monday = self.monday
            self.report = self.attempt(
                lambda: self._schedule.feedback_for_week(self.actor(), monday)
            )
        elif self.activity is None:
            found = self.attempt(
                lambda: self._schedule.activities(self.actor(), include_archived=True)
            )
            self.activity_list = list(found or [])
        else:
            activity_id = self.activity.id
            self.report = self.attempt(
                lambda: self._schedule.feedback_for_activity(self.actor(), activity_id)
            )
        self._show()
        self.scroll.verticalScrollBar().setValue(0)

    def _on_mode_tapped(self, mode: str) -> None:
        self.mode = mode
        self.activity = None
        self.show_problem("")
        self._load()

    def _go_to_week(self, days: int) -> None:
        self.monday += timedelta(days=days)
        self._load()

    def _on_this_week_button_tapped(self) -> None:
        self.monday = monday_of(self._today())
        self._load()

    def _on_activity_chosen(self, activity: Activity) -> None:
        self.activity = activity
        self._load()

    def _on_all_activities_button_tapped(self) -> None:
        self.activity = None
        self.show_problem("")
        self._load()

    # -- showing -------------------------------------------------------------------------------

    def _show(self) -> None:
        self._show_mode()
        gettext = self.words.gettext
        self.week_label.setText(
            gettext("The week of {day}").format(day=self.words.day_and_date(self.monday))
        )
        self.this_week_button.setEnabled(self.monday != monday_of(self._today()))
        self._fill_activities()
        if self.activity is not None:
            self.activity_label.setText(self.activity.title)
        self._fill_cards()

    def _show_mode(self) -> None:
        by_week = self.mode == BY_WEEK
        listing = not by_week and self.activity is None
        self.week_mode_button.set_chosen(by_week)
        self.activity_mode_button.set_chosen(not by_week)
        self.week_page.setVisible(by_week)
        self.activity_page.setVisible(not by_week)
        self.choose_label.setVisible(listing)
        self.all_activities_button.setVisible(not by_week and not listing)
        self.activity_label.setVisible(not by_week and not listing)

    def _fill_activities(self) -> None:
        for button in self.activity_buttons.values():
            self._activity_grid.removeWidget(button)
            discard(button)
        self.activity_buttons = {}
        if self.mode != BY_ACTIVITY or self.activity is not None:
            return
        gettext = self.words.gettext
        buttons = []
        for activity in self.activity_list:
            button = self._big(activity.picture or "activity")
            words = activity.title
            if activity.archived:
                words = gettext("{title} (no longer offered)").format(title=activity.title)
            button.set_words(words)
            button.tapped.connect(lambda activity=activity: self._on_activity_chosen(activity))
            self.activity_buttons[activity.id] = button
            buttons.append(button)
        form.grid_of(self._activity_grid, buttons, self._columns, self.theme.metrics.gap_px)

    def _fill_cards(self) -> None:
        for card in self.cards:
            self._cards.removeWidget(card)
            discard(card)
        self.cards = []
        report = self.report
        listing = self.mode == BY_ACTIVITY and self.activity is None
        gettext = self.words.gettext
        if report is None or listing:
            self.empty_label.hide()
            return
        if not report.slots:
            self.empty_label.setText(
                gettext("Nothing has finished this week yet, so there is nothing to show.")
                if self.mode == BY_WEEK
                else gettext("This activity has not happened yet, so there is nothing to show.")
            )
            self.empty_label.show()
            return
        self.empty_label.hide()
        total = (
            gettext("This week altogether")
            if self.mode == BY_WEEK
            else gettext("Every time altogether")
        )
        self._add_card(total, report.total, total=True)
        for summary in report.slots:
            self._add_card(self.slot_heading(summary), summary)

    def _add_card(self, heading: str, summary: FeedbackSummary, *, total: bool = False) -> None:
        gap = self.theme.metrics.gap_px
        card = form.card()
        card.setProperty("today", "true" if total else "false")  # the total stands out
        inside = form.inside(card, gap)
        inside.setSpacing(gap // 4)  # lines of one card close together, cards apart
        title = form.plain_label(heading)  # an activity's title, as typed
        title.setProperty("role", "heading")
        inside.addWidget(title)
        for line in self.summary_lines(summary, total=total):
            inside.addWidget(form.plain_label(line))
        if summary.words:
            said = form.plain_label(self.words.gettext("What residents wrote:"))
            said.setStyleSheet("font-weight: bold;")
            inside.addWidget(said)
            for words in summary.words:
                inside.addWidget(form.plain_label(self.words_line(words)))
        self._cards.addWidget(card)
        self.cards.append(card)

    def slot_heading(self, summary: FeedbackSummary) -> str:
        """ "Quiz: Thursday 19 November, 18:30" (by week) or "Thursday 19 November, 18:30"."""
        gettext = self.words.gettext
        when = ""
        if summary.starts_at is not None:
            when = gettext("{day}, {time}").format(
                day=self.words.day_and_date(summary.starts_at.date()),
                time=self.words.clock_time(summary.starts_at),
            )
        if self.mode == BY_ACTIVITY or not summary.title:
            return when
        return gettext("{activity}: {when}").format(activity=summary.title, when=when)

    def summary_lines(self, summary: FeedbackSummary, *, total: bool = False) -> list[str]:
        """How many chose each face, how many said anything, and how many came."""
        gettext, ngettext = self.words.gettext, self.words.ngettext
        faces = "   ".join(
            gettext("{face}: {count}").format(face=gettext(face.words), count=summary.count(face))
            for face in FACES_IN_ORDER
        )
        if summary.residents:
            said = ngettext(
                "{count} resident said how it went.",
                "{count} residents said how it went.",
                summary.residents,
            ).format(count=summary.residents)
        else:
            said = gettext("Nobody has said how it went yet.")
        if summary.attended is not None and total:
            came = ngettext(
                "{count} came in all, where staff recorded who came.",
                "{count} came in all, where staff recorded who came.",
                summary.attended,
            ).format(count=summary.attended)
        elif summary.attended is not None:
            came = ngettext(
                "{count} came (recorded by staff).",
                "{count} came (recorded by staff).",
                summary.attended,
            ).format(count=summary.attended)
        elif total:
            came = gettext("Who came was not recorded.")
        else:
            came = gettext("Who came was not recorded, so anyone could say.")
        return [faces, said, came]

    def words_line(self, said: FeedbackWords) -> str:
        """ "Mr Patel (Good): Our team won!" — a resident's own words, exactly."""
        return self.words.gettext("{name} ({face}): {words}").format(
            name=said.resident_name, face=self.words.gettext(said.face.words), words=said.words
        )
