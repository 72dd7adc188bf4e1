"""Care plans (carers and the manager): every resident's plan and where it stands against
its review, overdue first; one resident's plan; writing it with them; recording a review;
and looking back at versions, any two compared.

Steps: the list → one plan → writing it, a review, or the versions → two compared. Back
goes one step back. Nothing typed is lost: a form left by Home, or by nobody touching the
screen, is kept for that resident and offered again when their plan is next written (or
reviewed); Back or Cancel with changes asks "Leave without saving?" first. The service
checks every right; a refusal is shown in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, tzinfo
from typing import Protocol, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.domain.access import Actor
from kiosk.domain.care_plan_diff import PlanDiff
from kiosk.domain.care_plan_records import PlanStatus, ReviewRecord, VersionSummary
from kiosk.domain.care_plans import CarePlanView, PlanDraft, WhoTookPart
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.care_plan_editor import CarePlanEditor, section_field
from kiosk.ui.care_plan_editor_rows import GoalCard, RiskCard, RoutineCard
from kiosk.ui.care_plan_history import HistoryPage
from kiosk.ui.care_plan_history_diff import DiffView
from kiosk.ui.care_plan_pages import SECTION_HEADINGS
from kiosk.ui.care_plan_review import ReviewForm
from kiosk.ui.care_plan_staff_bars import FormBars
from kiosk.ui.care_plan_staff_fields import FieldProblems
from kiosk.ui.care_plan_staff_forms import Form, KeptForms
from kiosk.ui.care_plan_staff_list import PlanListPage
from kiosk.ui.care_plan_staff_page import PlanPage
from kiosk.ui.care_plan_staff_took_part import TOOK_PART
from kiosk.ui.care_plan_staff_typing import LongTextTyping
from kiosk.ui.care_plan_staff_words import PART_HEADINGS
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.day_picker import date_words

T = TypeVar("T")

LIST, PLAN, HISTORY, COMPARE = "list", "plan", "history", "compare"
WRITE, REVIEW = "write", "review"  # the two forms
BACK_FROM = {PLAN: LIST, HISTORY: PLAN, COMPARE: HISTORY}

# The fields the service names in its refusals, with the words staff see above each.
# A goal, routine or risk is named by its part of the plan (its card shows the words too).
FIELDS: dict[str, str] = {
    **{section_field(section): words for section, words in SECTION_HEADINGS.items()},
    **{field: PART_HEADINGS["goals"] for field, _, _ in GoalCard.FIELDS},
    **{field: PART_HEADINGS["routines"] for field, _, _ in RoutineCard.FIELDS},
    **{field: PART_HEADINGS["risks"] for field, _, _ in RiskCard.FIELDS},
    "supported_by": PART_HEADINGS["supported_by"],
    "people_present": N_("Who was there"),
    "what_changed": N_("What changed"),
    "reviewed_on": N_("The day of the review"),
    "next_review_on": N_("Next review together"),
    "items": N_("Goals, routines and risks"),
}


class CarePlanDesk(Protocol):
    """What this screen needs from the care-plan service."""

    def overview(self, actor: Actor, today: date) -> Sequence[PlanStatus]: ...
    def current(self, actor: Actor, resident_id: int) -> CarePlanView | None: ...
    def versions(self, actor: Actor, resident_id: int) -> Sequence[VersionSummary]: ...
    def reviews(self, actor: Actor, resident_id: int) -> Sequence[ReviewRecord]: ...
    def compare(self, actor: Actor, resident_id: int, older: int, newer: int) -> PlanDiff: ...
    def save(
        self, actor: Actor, resident_id: int, draft: PlanDraft, took_part: WhoTookPart
    ) -> CarePlanView: ...
    def record_review(
        self,
        actor: Actor,
        resident_id: int,
        reviewed_on: date,
        took_part: WhoTookPart,
        *,
        next_review_on: date | None,
    ) -> ReviewRecord: ...


class CarePlansScreen(StaffScreen):
    name = "care-plans"
    fields = FIELDS
    print_requested = Signal(int)  # a resident's id: print their large-print copy

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        care_plans: CarePlanDesk,
        staff_name: Callable[[], str],
        today: Callable[[], date],
        home_zone: Callable[[], tzinfo] = lambda: UTC,
    ) -> None:
        """``staff_name`` names whoever is signed in (they are there when a plan is written);
        ``today`` is the home's date; ``home_zone`` its time zone, for the days things
        were saved."""
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._care_plans = care_plans
        self._staff_name = staff_name
        self._today = today
        self.view = LIST
        self.status: PlanStatus | None = None  # the resident whose plan is open
        self.plan: CarePlanView | None = None
        self.forms = KeptForms(self._on_form_changed)
        self._saving = False
        kit = {"words": words, "pictures": pictures, "theme": theme}

        self.list_page = PlanListPage(words=words, theme=theme)
        self.list_page.resident_chosen.connect(self._open)
        self.plan_page = PlanPage(zone=home_zone, **kit)
        self.plan_page.write_button.tapped.connect(self._on_write_button_tapped)
        self.plan_page.review_button.tapped.connect(self._on_review_button_tapped)
        self.plan_page.history_button.tapped.connect(self._on_history_button_tapped)
        self.plan_page.print_button.tapped.connect(self._on_print_button_tapped)
        self.history_page = HistoryPage(zone=home_zone, **kit)
        self.history_page.compare_requested.connect(self._on_history_compare_requested)
        self.diff_view = DiffView(words=words, theme=theme)
        self._stack_pages(
            self.list_page, self.plan_page, self.history_page, self.diff_view, self.forms.host
        )

        self.bars = FormBars(self)
        self.bars.save_button.tapped.connect(self._on_save_button_tapped)
        self.bars.cancel_button.tapped.connect(self._leave_form)
        self.bars.stay_button.tapped.connect(self._on_stay_button_tapped)
        self.bars.leave_button.tapped.connect(self._on_leave_button_tapped)
        self.typing = LongTextTyping(self, self.bars.new_line_button)
        self.typing.changed.connect(self._show_bars)
        self.typing.keys_rising.connect(self._on_typing_keys_rising)
        self.keyboard.installEventFilter(self)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # see focusNextPrevChild
        self._show_view(LIST)
        self.retranslate()

    # -- what the window uses ----------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Care plans")

    def refresh(self) -> None:
        """The list, read afresh. Forms with changes stay kept for their residents."""
        super().refresh()
        self.forms.drop_unchanged()
        self._show_list()

    def keep_unfinished(self) -> None:
        """Nobody is touching the screen: forms with changes are kept, to be offered again
        when that resident's plan is next written or reviewed."""
        self.forms.drop_unchanged()

    def step_back(self) -> bool:
        if self.view in (WRITE, REVIEW):
            self._leave_form()
            return True
        if self.view == PLAN:
            self._show_list()
            return True
        if self.view in BACK_FROM:
            self.show_problem("")
            self._show_view(BACK_FROM[self.view])
            return True
        return False

    def retranslate(self) -> None:
        super().retranslate()
        for part in (self.list_page, self.plan_page, self.history_page, self.diff_view):
            part.retranslate()
        for each in self.forms.all():
            each.retranslate()
        self._show_bars()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.list_page.apply_theme(theme)
        self.plan_page.apply_theme(theme)
        for each in self.forms.all():
            each.apply_theme(theme)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.keyboard and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._show_bars()
        return super().eventFilter(watched, event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt's names
        """A button tapped, then hidden (a page going): Qt would pass the focus on to the
        next box on the screen, and the keys would rise by themselves. The screen keeps
        it instead. Tab on a real keyboard still moves on as usual."""
        focused = QApplication.focusWidget()
        if focused is not None and not focused.isVisible() and self.isAncestorOf(focused):
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().focusNextPrevChild(next)

    # -- the list ----------------------------------------------------------------------------

    def _show_list(self, notice: str = "") -> None:
        self.status = None
        self.plan = None
        statuses = self.attempt(lambda: self._care_plans.overview(self.actor(), self._today()))
        self.list_page.show_statuses(statuses, notice)
        self._show_view(LIST)

    # -- one plan ----------------------------------------------------------------------------

    def _open(self, resident_id: int, notice: str = "") -> None:
        """The resident's plan as it is now (where it stands read afresh too)."""
        found = self.attempt(lambda: self._read_plan(resident_id))
        if found is None:
            return
        self.status, self.plan = found
        self.plan_page.show_plan(self.status, self.plan, notice)
        self._show_view(PLAN)

    def _read_plan(self, resident_id: int) -> tuple[PlanStatus, CarePlanView | None]:
        actor = self.actor()
        plan = self._care_plans.current(actor, resident_id)
        statuses = self._care_plans.overview(actor, self._today())
        status = next((s for s in statuses if s.resident_id == resident_id), None)
        if status is None:  # moved out since the list was read
            raise NotFoundError(N_("We could not find that resident."))
        return status, plan

    def _on_print_button_tapped(self) -> None:
        if self.status is not None:
            self.print_requested.emit(self.status.resident_id)

    # -- versions ----------------------------------------------------------------------------

    def _on_history_button_tapped(self) -> None:
        status = self.status
        if status is None:
            return

        def read() -> tuple[Sequence[VersionSummary], Sequence[ReviewRecord]]:
            actor = self.actor()
            return (
                self._care_plans.versions(actor, status.resident_id),
                self._care_plans.reviews(actor, status.resident_id),
            )

        found = self.attempt(read)
        if found is None:
            return
        self.history_page.show_history(status.resident_name, *found)
        self._show_view(HISTORY)

    def _on_history_compare_requested(self, older: int, newer: int) -> None:
        status = self.status
        if status is None:
            return
        diff = self.attempt(
            lambda: self._care_plans.compare(self.actor(), status.resident_id, older, newer)
        )
        if diff is None:
            return
        self.diff_view.show_diff(diff)
        self._show_view(COMPARE)

    # -- the forms ---------------------------------------------------------------------------

    def _people(self, name: str) -> str:
        """Who is there to begin with: the person, then whoever is signed in."""
        return ", ".join(part for part in (name, self._staff_name()) if part)

    def _on_write_button_tapped(self) -> None:
        status = self.status
        if status is None:
            return
        editor = self.forms.editors.get(status.resident_id)
        if editor is None:
            editor = CarePlanEditor(
                words=self.words, pictures=self.pictures, theme=self.theme, today=self._today
            )
            editor.start(status.resident_name, self._people(status.resident_name), self.plan)
            self.forms.add(status.resident_id, editor)
        else:
            newest = self.plan.version_number if self.plan is not None else None
            editor.show_notice(self._kept_words(newer=editor.based_on != newest))
        self._show_form(WRITE, editor)

    def _on_review_button_tapped(self) -> None:
        status = self.status
        if status is None:
            return
        review = self.forms.reviews.get(status.resident_id)
        if review is None:
            review = ReviewForm(
                words=self.words, pictures=self.pictures, theme=self.theme, today=self._today
            )
            review.start(status.resident_name, self._people(status.resident_name))
            self.forms.add(status.resident_id, review)
        else:
            review.show_notice(self._kept_words(newer=False))
        self._show_form(REVIEW, review)

    def _kept_words(self, *, newer: bool) -> str:
        gettext = self.words.gettext
        kept = gettext(
            "These are the changes you had not saved yet. Save them, or Cancel to leave "
            "without saving."
        )
        if not newer:
            return kept
        return (
            kept
            + " "
            + gettext(
                "Someone has saved a newer version since: look at it first. Yours will be saved "
                "after it, as the newest."
            )
        )

    def _show_form(self, view: str, shown: Form) -> None:
        self.forms.show_only(shown)
        self._show_view(view)

    def _current_form(self) -> Form | None:
        if self.status is None:
            return None
        if self.view == WRITE:
            return self.forms.editors.get(self.status.resident_id)
        if self.view == REVIEW:
            return self.forms.reviews.get(self.status.resident_id)
        return None

    def _close_form(self) -> None:
        """The open form goes (what it held is not wanted); the plan comes back."""
        shown = self._current_form()
        if shown is not None and self.status is not None:
            self.forms.drop(self.status.resident_id, shown)
        self.keyboard.hide()
        self.show_problem("")
        self._show_view(PLAN)

    def _leave_form(self) -> None:
        shown = self._current_form()
        if shown is not None and shown.has_changes():
            self.keyboard.hide()
            self.bars.ask_to_leave(True)
            self._show_bars()
            return
        self._close_form()

    def _on_leave_button_tapped(self) -> None:
        self.bars.ask_to_leave(False)
        self._close_form()

    def _on_stay_button_tapped(self) -> None:
        self.bars.ask_to_leave(False)
        self._show_bars()

    def _on_form_changed(self) -> None:
        self.bars.ask_to_leave(False)
        self._show_bars()

    # -- saving ------------------------------------------------------------------------------

    def _on_save_button_tapped(self) -> None:
        if self._saving or self.status is None:
            return
        self._saving = True
        try:
            if self.view == WRITE:
                self._save_plan(self.status)
            elif self.view == REVIEW:
                self._save_review(self.status)
        finally:
            self._saving = False

    def _save_plan(self, status: PlanStatus) -> None:
        editor = self.forms.editors[status.resident_id]
        answers = self._answers(editor)
        if answers is None:
            return
        draft = editor.draft()
        saved = self._attempt_fields(
            editor.problems,
            lambda: self._care_plans.save(self.actor(), status.resident_id, draft, answers),
        )
        if saved is None:
            return
        self._close_form()
        self._open(
            status.resident_id,
            self.words.gettext("Saved as version {number}. The old versions are kept.").format(
                number=saved.version_number
            ),
        )

    def _save_review(self, status: PlanStatus) -> None:
        review = self.forms.reviews[status.resident_id]
        answers = self._answers(review)
        if answers is None:
            return
        recorded = self._attempt_fields(
            review.problems,
            lambda: self._care_plans.record_review(
                self.actor(),
                status.resident_id,
                review.held_on,
                answers,
                next_review_on=review.next_review_on,
            ),
        )
        if recorded is None:
            return
        gettext = self.words.gettext
        notice = gettext("The review is saved.")
        if recorded.next_review_on is not None:
            notice += " " + gettext("Next review: {date}.").format(
                date=date_words(self.words, recorded.next_review_on)
            )
        self._close_form()
        self._open(status.resident_id, notice)

    def _answers(self, shown: Form) -> WhoTookPart | None:
        """Who was there; None (and the question pointed out) while "did they take part?"
        has no answer."""
        shown.problems.clear()
        answers = shown.answers()
        if answers is None:
            words = shown.took_part.needs_answer_words()
            self.show_problem(words)
            self._point_at(shown.problems.show(TOOK_PART, words))
        return answers

    def _attempt_fields(self, problems: FieldProblems, action: Callable[[], T]) -> T | None:
        """Run ``action``; a refusal about a field is shown at the top and under the field,
        which is brought into sight. Nothing typed changes."""
        refused: list[ValidationError] = []

        def run() -> T:
            try:
                return action()
            except ValidationError as error:
                refused.append(error)
                raise

        problems.clear()
        result = self._attempt_form(run)
        if refused:
            error = refused[0]
            self._point_at(problems.show(error.field, error.text(self.words.gettext)))
        return result

    def _point_at(self, label: QLabel | None) -> None:
        """Bring words about a problem into sight, with the field above them."""
        if label is not None:
            self._scroll_to_top_of(label, self.scroll.viewport().height() // 2)

    # -- showing -----------------------------------------------------------------------------

    def _show_view(self, view: str) -> None:
        self.view = view
        pages = {
            LIST: self.list_page,
            PLAN: self.plan_page,
            HISTORY: self.history_page,
            COMPARE: self.diff_view,
            WRITE: self.forms.host,
            REVIEW: self.forms.host,
        }
        for page in set(pages.values()):
            page.setVisible(page is pages[view])
        self._show_bars()
        self.scroll.verticalScrollBar().setValue(0)

    def _on_typing_keys_rising(self) -> None:
        """Room for the keys: what steps aside while they are up goes before they rise,
        so the screen never asks for more height than it has, even for a moment."""
        self.bars.save_bar.hide()
        self.problem.hide()

    def _show_bars(self) -> None:
        gettext = self.words.gettext
        self.bars.retranslate(
            gettext("Save the review") if self.view == REVIEW else gettext("Save as a new version")
        )
        several_lines = self.typing.box is not None
        self.bars.show(
            form=self.view in (WRITE, REVIEW),
            typing=self.keyboard.isVisible(),
            several_lines=several_lines,
        )
        # While the keys are up for a box of several lines, a problem is shown under its
        # field only: the words at the top come back with "Done".
        self.problem.setVisible(bool(self.problem.text()) and not several_lines)
