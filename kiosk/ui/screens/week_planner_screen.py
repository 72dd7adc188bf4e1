"""Week planner (the activities coordinator): a week of days, each with its activities.

Each day shows its activities as cards (picture, time, title, place, who leads it, where
it came from, and "Cancelled: …" when it is off), and an Add button. Add opens the form
(:mod:`kiosk.ui.slot_editor`): an activity from the catalogue, a closed vote's winner or a
residents' idea, then when, where and who leads it. Touching an activity opens what can be
done with it (:mod:`kiosk.ui.slot_actions`): move, repeat weekly, cancel, who came.
Residents see every change on "This week" at once: it reads the same slots. Printing is
asked for with :attr:`WeekPlannerScreen.print_requested`; the window does the printing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, tzinfo
from enum import StrEnum
from typing import Protocol, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.enums import ProposalStatus, ProposalTopic, SlotSource
from kiosk.domain.errors import KioskError
from kiosk.domain.ideas import Idea
from kiosk.domain.polls import Poll, PollResults
from kiosk.domain.residents import Resident
from kiosk.domain.schedule import Activity, NewActivity, NewSlot, Slot, clean_cancel_reason
from kiosk.domain.week import days_of_week, monday_of
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.planner_day import PlannerDay
from kiosk.ui.slot_actions import SlotActions
from kiosk.ui.slot_card import SlotCard
from kiosk.ui.slot_editor import PollWinner, SlotEditor
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen
from kiosk.ui.theme import Theme
from kiosk.ui.week_pager import WeekPager
from kiosk.ui.widgets.big_button import BigButton

T = TypeVar("T")
PLANNABLE_IDEAS = frozenset({ProposalStatus.OPEN, ProposalStatus.AGREED})


class View(StrEnum):
    WEEK = "week"
    ADD = "add"
    SLOT = "slot"


class WeekPlanning(Protocol):
    """What this screen needs from the schedule service."""

    def activities(self, viewer: Actor) -> Sequence[Activity]: ...
    def add_activity(self, actor: Actor, new: NewActivity) -> Activity: ...
    def week(self, viewer: Actor, monday: date) -> Sequence[Slot]: ...
    def add_slot(self, actor: Actor, new: NewSlot) -> Slot: ...
    def repeat_weekly(self, actor: Actor, slot_id: int, weeks: int) -> Sequence[Slot]: ...
    def move_slot(
        self, actor: Actor, slot_id: int, starts_at: datetime, ends_at: datetime
    ) -> Slot: ...
    def cancel_slot(self, actor: Actor, slot_id: int, reason: str) -> Slot: ...
    def record_attendance(
        self, actor: Actor, slot_id: int, resident_ids: Iterable[int]
    ) -> Slot: ...


class PollWinners(Protocol):
    """What this screen needs from the polls service: closed votes and what won."""

    def all_polls(self, actor: Actor) -> Sequence[Poll]: ...
    def results(self, viewer: Actor, poll_id: int) -> PollResults: ...


class ActivityIdeas(Protocol):
    """What this screen needs from the ideas service: residents' ideas to plan from."""

    def inbox(self, actor: Actor) -> Sequence[Idea]: ...


class ResidentList(Protocol):
    """Residents, for saying who came."""

    def list_active(self) -> Sequence[Resident]: ...
    def photo(self, resident_id: int) -> bytes | None: ...


class WeekPlannerScreen(StaffScreen):
    name = "week-planner"
    print_requested = Signal(object, str)  # (the Monday, "a4" or "a3") or (today, "today")

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        schedule: WeekPlanning,
        polls: PollWinners,
        ideas: ActivityIdeas,
        residents: ResidentList,
        today: Callable[[], date],
        home_zone: Callable[[], tzinfo],
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._schedule = schedule
        self._polls = polls
        self._ideas = ideas
        self._residents = residents
        self._today = today
        self._home_zone = home_zone
        self._now = now
        self.monday = monday_of(today())
        self.slots: list[Slot] | None = None
        self.view = View.WEEK
        self.chosen: Slot | None = None
        self.day_cards: dict[date, PlannerDay] = {}
        self.add_buttons: dict[date, BigButton] = {}
        self.slot_cards: dict[int, SlotCard] = {}
        self._busy = False

        self.week_page = QWidget()
        self.editor = SlotEditor(words=words, pictures=pictures, theme=theme)
        self.editor.add_idea_chosen.connect(self._on_editor_add_idea_chosen)
        self.editor.part_shown.connect(self._on_editor_part_shown)
        self.actions = SlotActions(words=words, pictures=pictures, theme=theme)
        self._connect_actions()
        self._build_week_page()
        self._build_save_bar()
        self._stack_pages(self.week_page, self.editor, self.actions)
        self._arrange()
        self._show_view(View.WEEK)
        self.retranslate()

    # -- building --------------------------------------------------------------------------

    def _build_week_page(self) -> None:
        gap = self.theme.metrics.gap_px
        # Words after a change ("Planned: …") stay in sight above the week.
        self.notice = form.notice_card(gap)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(outer.indexOf(self.scroll), self.notice)
        self.pager = WeekPager(words=self.words, pictures=self.pictures, theme=self.theme)
        self.pager.week_chosen.connect(self._go_to_week)
        self.print_a4_button = self._big("newspaper")
        self.print_a3_button = self._big("newspaper")
        self.print_today_button = self._big("today")
        self.print_a4_button.tapped.connect(lambda: self.print_requested.emit(self.monday, "a4"))
        self.print_a3_button.tapped.connect(lambda: self.print_requested.emit(self.monday, "a3"))
        self.print_today_button.tapped.connect(
            lambda: self.print_requested.emit(self._today(), "today")
        )
        self._prints = QGridLayout()
        self.empty_week_label = form.plain_label()
        self._days_host = QWidget()
        self._days = QVBoxLayout(self._days_host)
        self._days.setContentsMargins(0, 0, 0, 0)
        layout = form.column(self.week_page, gap)
        layout.addWidget(self.pager)
        layout.addLayout(self._prints)
        layout.addWidget(self.empty_week_label)
        layout.addWidget(self._days_host)

    def _build_save_bar(self) -> None:
        """Save and Cancel under the form, always in sight (they step aside for the keyboard)."""
        gap = self.theme.metrics.gap_px
        self.save_button = self._big("check", small=False)
        self.cancel_button = self._big("cross", small=False)
        self.save_button.tapped.connect(self._on_save_button_tapped)
        self.cancel_button.tapped.connect(self._on_cancel_button_tapped)
        self.save_bar = QWidget()
        row = QHBoxLayout(self.save_bar)
        row.setContentsMargins(0, gap // 2, 0, 0)
        row.setSpacing(gap)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(outer.indexOf(self.scroll) + 1, self.save_bar)
        self.keyboard.installEventFilter(self)

    def _connect_actions(self) -> None:
        actions = self.actions
        actions.move_chosen.connect(self._on_actions_move_chosen)
        actions.repeat_chosen.connect(self._on_actions_repeat_chosen)
        actions.cancel_chosen.connect(self._on_actions_cancel_chosen)
        actions.cancel_confirmed.connect(self._on_actions_cancel_confirmed)
        actions.attendance_wanted.connect(self._on_actions_attendance_wanted)
        actions.attendance_chosen.connect(self._on_actions_attendance_chosen)
        actions.done_chosen.connect(self._back_to_week)
        actions.panel_shown.connect(
            lambda panel: self._scroll_to_top_of(panel, self.theme.metrics.gap_px // 2)
        )
        actions.times.days.day_chosen.connect(lambda _day: self.show_problem(""))

    def _arrange(self) -> None:
        gap = self.theme.metrics.gap_px
        self.content.setSpacing(gap)
        self.week_page.layout().setSpacing(gap)
        self._days.setSpacing(gap)
        self.pager.arrange(self.theme)
        prints = [self.print_a4_button, self.print_a3_button, self.print_today_button]
        form.grid_of(self._prints, prints, 1 if self._large else 3, gap)
        self.editor.arrange(self.theme)
        self.actions.arrange(self.theme)

    @property
    def _large(self) -> bool:
        return self.theme.metrics.scale >= 1.5

    # -- what the window uses ----------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Week planner")

    def refresh(self) -> None:
        """Shown again: this week, fresh from the records."""
        super().refresh()
        self._say("")
        self.monday = monday_of(self._today())
        self._show_view(View.WEEK)
        self._load_week()

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.print_a4_button.set_words(gettext("Print this week (A4)"))
        self.print_a3_button.set_words(gettext("Print this week (A3 poster)"))
        self.print_today_button.set_words(gettext("Print today's poster"))
        self.empty_week_label.setText(
            gettext(
                "Nothing is planned for this week yet. Touch “Add” on a day to plan an "
                "activity: from the list, a vote's winner or a residents' idea."
            )
        )
        self.save_button.set_words(gettext("Save"))
        self.cancel_button.set_words(gettext("Cancel"))
        self.pager.retranslate()
        self.editor.retranslate()
        self.actions.retranslate()
        self._show_week()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._arrange()
        self._show_week()

    def step_back(self) -> bool:
        """Back: close what is open on this screen before leaving it."""
        if self.view is View.SLOT and self.actions.step_back():
            return True
        if self.view is not View.WEEK:
            self.show_problem("")
            self._back_to_week()
            return True
        return False

    def plan_from_poll(self, poll_id: int) -> None:
        """The form, with that closed vote's winner chosen (for "Plan it in the week")."""
        self._say("")
        if not self._open_editor(self._first_day(), SlotSource.POLL):
            return
        if not self.editor.choose_poll(poll_id):
            self.show_problem(
                self.words.gettext(
                    "That vote has no winner to plan yet: it may still be open, nobody may "
                    "have voted, or what won is not one of the activities."
                )
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.keyboard and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._show_save_bar()
        return super().eventFilter(watched, event)

    # -- the week --------------------------------------------------------------------------

    def _load_week(self) -> None:
        monday = self.monday
        slots = self.attempt(lambda: self._schedule.week(self.actor(), monday))
        self.slots = list(slots) if slots is not None else None
        self._show_week()

    def _show_week(self) -> None:
        self.pager.show_week(self.monday, monday_of(self._today()))
        self.empty_week_label.setVisible(self.slots == [])
        self._fill_days()

    def _fill_days(self) -> None:
        for card in self.day_cards.values():
            self._days.removeWidget(card)
            discard(card)
        self.day_cards, self.add_buttons, self.slot_cards = {}, {}, {}
        if self.slots is None:
            return
        for day in days_of_week(self.monday):
            card = PlannerDay(
                day,
                [slot for slot in self.slots if slot.starts_at.date() == day],
                today=self._today(),
                words=self.words,
                pictures=self.pictures,
                theme=self.theme,
            )
            card.add_chosen.connect(self._open_editor)
            card.slot_chosen.connect(self._open_slot)
            self._days.addWidget(card)
            self.day_cards[day] = card
            self.add_buttons[day] = card.add_button
            self.slot_cards.update(card.slot_cards)

    def _go_to_week(self, monday: date) -> None:
        self._say("")
        self.show_problem("")
        self.monday = monday_of(monday)
        self._load_week()
        self.scroll.verticalScrollBar().setValue(0)

    def _first_day(self) -> date:
        """Today when it is in the week shown, else that week's Monday."""
        today = self._today()
        return today if monday_of(today) == self.monday else self.monday

    def _say(self, text: str) -> None:
        """Plain words after a change ("Planned: …"); "" hides them."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _when_words(self, slot: Slot) -> str:
        """ "Tuesday 24 November, 14:00"."""
        return self.words.gettext("{day}, {time}").format(
            day=self.words.day_and_date(slot.starts_at.date()),
            time=self.words.clock_time(slot.starts_at),
        )

    def _back_to_week(self, notice: str = "", day: date | None = None) -> None:
        """The week again (the one holding ``day``, if given), read afresh."""
        self.chosen = None
        self._show_view(View.WEEK)
        if day is not None:
            self.monday = monday_of(day)
        self._load_week()
        self._say(notice)
        if day is not None:
            self._scroll_to_day(day)

    # -- adding ----------------------------------------------------------------------------

    def _open_editor(self, day: date, source: SlotSource = SlotSource.PLANNED) -> bool:
        """The form for ``day``, with the three lists read afresh."""
        self._say("")
        problems: list[str] = []
        activities = self._gather(lambda: self._schedule.activities(self.actor()), problems)
        if activities is None:
            self.show_problem(problems[0])
            return False
        winners = self._gather(self._poll_winners, problems) or []
        ideas = self._gather(self._plannable_ideas, problems) or []
        self.show_problem(problems[0] if problems else "")
        self.editor.start(day, activities=activities, winners=winners, ideas=ideas, source=source)
        self._show_view(View.ADD)
        self.scroll.verticalScrollBar().setValue(0)
        return True

    def _gather(self, action: Callable[[], Sequence[T]], problems: list[str]) -> list[T] | None:
        """Like :meth:`attempt`, but a refusal is kept in ``problems`` to show after."""
        try:
            return list(action())
        except KioskError as error:
            problems.append(error.text(self.words.gettext))
            return None

    def _poll_winners(self) -> list[PollWinner]:
        """Closed votes, newest first, whose winner is one of the activities."""
        actor = self.actor()
        now = self._now()
        winners = []
        for poll in self._polls.all_polls(actor):
            if not poll.is_closed(now):
                continue
            results = self._polls.results(actor, poll.id)
            won = results.winner
            if won is None or won.activity_id is None:
                continue
            winners.append(
                PollWinner(
                    poll.id, poll.question, won.label, won.picture, won.activity_id, results.tied
                )
            )
        return winners

    def _plannable_ideas(self) -> list[Idea]:
        return [
            idea
            for idea in self._ideas.inbox(self.actor())
            if idea.topic is ProposalTopic.ACTIVITY and idea.status in PLANNABLE_IDEAS
        ]

    def _on_editor_add_idea_chosen(self, idea: Idea) -> None:
        new = NewActivity(title=idea.title, picture=idea.picture)
        added = self.attempt(lambda: self._schedule.add_activity(self.actor(), new))
        if added is not None:
            self.editor.idea_added(idea.id, added)
            self._say(
                self.words.gettext("{title} is one of the activities now.").format(
                    title=added.title
                )
            )

    def _on_editor_part_shown(self, part: QWidget) -> None:
        """Scroll just enough to bring it into sight, once it has its place."""
        QTimer.singleShot(0, self, lambda: self.scroll.ensureWidgetVisible(part))

    def _on_save_button_tapped(self) -> None:
        if self._busy or self.view is not View.ADD:
            return
        self._busy = True
        try:
            slot = self.attempt(
                lambda: self._schedule.add_slot(
                    self.actor(), self.editor.new_slot(self._home_zone())
                )
            )
        finally:
            self._busy = False
        if slot is None:
            return  # everything chosen and typed stays, to put right and save again
        words = self.words.gettext("Planned: {title} on {when}.").format(
            title=slot.title, when=self._when_words(slot)
        )
        self._back_to_week(words, slot.starts_at.date())

    def _on_cancel_button_tapped(self) -> None:
        self.show_problem("")
        self._back_to_week()

    # -- one activity ----------------------------------------------------------------------

    def _open_slot(self, slot: Slot) -> None:
        self._say("")
        self.show_problem("")
        self.chosen = slot
        self.actions.show_slot(slot, started=slot.starts_at <= self._now())
        self._show_view(View.SLOT)
        self.scroll.verticalScrollBar().setValue(0)

    def _act(self, action: Callable[[Actor, Slot], T]) -> T | None:
        """Run a change to the chosen slot, once, its refusal shown in words."""
        slot = self.chosen
        if slot is None or self._busy:
            return None
        self._busy = True
        try:
            return self.attempt(lambda: action(self.actor(), slot))
        finally:
            self._busy = False

    def _on_actions_move_chosen(self) -> None:
        zone = self._home_zone()
        day, start, end = self.actions.times.when()
        starts = datetime.combine(day, start, tzinfo=zone)
        ends = datetime.combine(day, end, tzinfo=zone)
        moved = self._act(
            lambda actor, slot: self._schedule.move_slot(actor, slot.id, starts, ends)
        )
        if moved is not None:
            words = self.words.gettext("Moved: {title} to {when}.").format(
                title=moved.title, when=self._when_words(moved)
            )
            self._back_to_week(words, moved.starts_at.date())

    def _on_actions_repeat_chosen(self) -> None:
        weeks = self.actions.weeks.value
        made = self._act(lambda actor, slot: self._schedule.repeat_weekly(actor, slot.id, weeks))
        chosen = self.chosen
        if made is None or chosen is None:
            return
        count = len(made)
        if count:
            words = self.words.ngettext(
                "{title} is now also on {count} more week, at the same time.",
                "{title} is now also on {count} more weeks, at the same time.",
                count,
            ).format(title=chosen.title, count=count)
        else:
            words = self.words.gettext("Nothing new: {title} is already on those weeks.").format(
                title=chosen.title
            )
        self._back_to_week(words, chosen.starts_at.date())

    def _on_actions_cancel_chosen(self) -> None:
        reason = self.attempt(lambda: clean_cancel_reason(self.actions.reason_edit.text()))
        if reason is not None:
            self.actions.ask_to_confirm(reason)

    def _on_actions_cancel_confirmed(self) -> None:
        reason = self.actions.reason_edit.text()
        cancelled = self._act(
            lambda actor, slot: self._schedule.cancel_slot(actor, slot.id, reason)
        )
        if cancelled is not None:
            words = self.words.gettext(
                "Cancelled: {title} on {when}. Residents will see why on “This week”."
            ).format(title=cancelled.title, when=self._when_words(cancelled))
            self._back_to_week(words, cancelled.starts_at.date())

    def _on_actions_attendance_wanted(self) -> None:
        residents = self.attempt(self._residents.list_active)
        if residents is None:
            return
        photos = {
            resident.id: self._residents.photo(resident.id) if resident.has_photo else None
            for resident in residents
        }
        self.actions.show_attendance(residents, photos)

    def _on_actions_attendance_chosen(self) -> None:
        ticked = set(self.actions.attendance.ticked)
        saved = self._act(
            lambda actor, slot: self._schedule.record_attendance(actor, slot.id, ticked)
        )
        if saved is not None:
            count = len(saved.attended_by)
            words = self.words.ngettext(
                "Saved: {count} resident came to {title}.",
                "Saved: {count} residents came to {title}.",
                count,
            ).format(count=count, title=saved.title)
            self._back_to_week(words, saved.starts_at.date())

    # -- views -----------------------------------------------------------------------------

    def _show_view(self, view: View) -> None:
        self.view = view
        self._on_keyboard_done()
        self.week_page.setVisible(view is View.WEEK)
        self.editor.setVisible(view is View.ADD)
        self.actions.setVisible(view is View.SLOT)
        self._show_save_bar()

    def _show_save_bar(self) -> None:
        self.save_bar.setVisible(self.view is View.ADD and not self.keyboard.isVisible())

    def _scroll_to_day(self, day: date) -> None:
        """Back on the week: the day just changed at the top."""
        card = self.day_cards.get(day)
        if card is not None:
            self._scroll_to_top_of(card, self.theme.metrics.gap_px // 2)
