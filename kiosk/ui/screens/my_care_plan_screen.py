"""My care plan: the resident's own plan, a page at a time, in big plain words.

Reached only past the check the resident's setting asks for (the window sees to that,
and the services refuse anyone else regardless: the plan shown is always the plan of the
person the reader's actor is). Each page is one part of the plan: its picture, its
heading and its words, a sentence to a line so the sentence read aloud lights up alone.
Under each page: "Yes, that's right" (a dated confirmation) and "I want to talk about
this" (a request for staff). "Read it all" reads every page in turn, turning the pages
as it goes. What came of earlier requests to talk is shown first, once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, tzinfo
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.care_plan_records import TalkRequestView
from kiosk.domain.care_plans import CarePlanView, SectionText
from kiosk.domain.enums import CarePlanSection
from kiosk.domain.errors import KioskError
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.care_plan_book import CarePlanBook, Reading
from kiosk.ui.care_plan_outcomes import CarePlanOutcomes
from kiosk.ui.care_plan_page_view import CarePlanPageView
from kiosk.ui.care_plan_pages import (
    WHOLE_PLAN,
    PlanPage,
    confirmed_words,
    pages_to_show,
    review_words,
)
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.step_stack import StepStack

OUTCOMES, PLAN = 0, 1
SIGN_IN_FIRST = N_("Please touch your name first.")


class CarePlanReader(Protocol):
    def current(self, actor: Actor, resident_id: int) -> CarePlanView | None: ...


class PlanConversation(Protocol):
    """The resident's side of talking about their plan."""

    def confirm(self, actor: Actor, resident_id: int, section: CarePlanSection) -> datetime: ...
    def ask_to_talk(
        self,
        actor: Actor,
        resident_id: int,
        section: CarePlanSection | None,
        note: str | None = None,
    ) -> TalkRequestView: ...
    def outcomes_to_hear(self, actor: Actor, resident_id: int) -> Sequence[TalkRequestView]: ...
    def outcomes_heard(
        self, actor: Actor, resident_id: int, request_ids: Sequence[int]
    ) -> None: ...


class MyCarePlanScreen(Screen):
    name = "my-care-plan"
    say = Signal(str)  # words to read aloud now (the thanks)
    read_aloud = Signal()  # read the screen aloud now ("Read it all": the whole plan)
    stop_reading = Signal()  # a page turned by hand: the words being read no longer apply

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        care_plans: CarePlanReader,
        care_plan_talk: PlanConversation,
        reader: Callable[[], Actor | None],
        home_zone: Callable[[], tzinfo] | None = None,
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._care_plans = care_plans
        self._talk = care_plan_talk
        self._reader = reader
        self._home_zone = home_zone
        self._plan: CarePlanView | None = None
        self._problem: KioskError | None = KioskError(SIGN_IN_FIRST)
        self._confirmed: dict[CarePlanSection, datetime] = {}
        self._whole_plan = False  # True only while "Read it all" hands the window its words

        self.outcomes = CarePlanOutcomes(words=words, pictures=pictures, theme=theme)
        self.outcomes.thank_you_chosen.connect(self._on_outcomes_thank_you_chosen)
        self.book = CarePlanBook(words=words, pictures=pictures, theme=theme)
        self.book.turned_by_hand.connect(self.stop_reading)
        self.book.yes_button.tapped.connect(self._on_yes_button_tapped)
        self.book.talk_button.tapped.connect(self._on_talk_button_tapped)
        self.book.read_all_button.tapped.connect(self._on_read_all_button_tapped)
        self.next_button = self.book.next_button  # the way on, as other screens name it
        self.steps = StepStack()
        self.steps.addWidget(self.outcomes)
        self.steps.addWidget(self.book)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps)
        self.retranslate()

    def title(self) -> str:
        return self.words.gettext("My care plan")

    def title_can_give_way(self) -> bool:
        return True  # each page has its own heading, and needs the room at large text

    # -- what is shown -------------------------------------------------------------------

    @property
    def sections(self) -> tuple[SectionText, ...]:
        return self._plan.sections if self._plan is not None else ()

    @property
    def page(self) -> PlanPage:
        return self.book.page

    @property
    def view(self) -> CarePlanPageView:
        return self.book.view

    @property
    def heading(self) -> QLabel:
        return self.view.heading

    @property
    def body(self) -> QWidget:
        """The words of the page shown (``body.text()`` is all of them, as written)."""
        return self.view.body

    def refresh(self) -> None:
        """Read the newest plan afresh, as the resident signed in now (never kept after);
        what came of their requests to talk first, if there is news."""
        self._plan, self._problem, self._confirmed, self.book.index = None, None, {}, 0
        outcomes: Sequence[TalkRequestView] = ()
        actor = self._reader()
        if actor is None or actor.resident_id is None:
            self._problem = KioskError(SIGN_IN_FIRST)
        else:
            try:
                self._plan = self._care_plans.current(actor, actor.resident_id)
                outcomes = self._talk.outcomes_to_hear(actor, actor.resident_id)
            except KioskError as error:
                self._problem = error
        if self._plan is not None:
            self._confirmed = dict(self._plan.confirmed)
        self._show_pages()
        if self._problem is None and outcomes:
            self.outcomes.show_outcomes(outcomes, self.theme)
            self.steps.show_step(OUTCOMES, remember=False)
        else:
            self.outcomes.shown = ()
            self.steps.show_step(PLAN, remember=False)

    def forget_person(self) -> None:
        """Nothing of the last reader's plan is kept once they have gone."""
        if self._plan is None and self._problem is None and not self.outcomes.shown:
            return  # nobody's plan is on it: nothing to clear (every sign-in asks)
        self._plan, self._problem, self._confirmed, self.book.index = None, None, {}, 0
        self.outcomes.shown = ()
        self._show_pages()

    def retranslate(self) -> None:
        self.book.retranslate()
        self._show_pages()
        if self.outcomes.shown:
            self.outcomes.show_outcomes(self.outcomes.shown, self.theme)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._show_pages()
        if self.outcomes.shown:
            self.outcomes.show_outcomes(self.outcomes.shown, theme)

    def _show_pages(self) -> None:
        today, zone = self._today()
        problem = self._problem.text(self.words.gettext) if self._problem else None
        pages = pages_to_show(self._plan, problem, self.words, today)

        def confirmed(page: PlanPage) -> str:
            moment = self._confirmed.get(page.section) if page.section is not None else None
            if moment is None or not page.can_confirm:
                return ""
            local = moment.astimezone(zone) if zone is not None else moment
            return confirmed_words(self.words, local.date(), today)

        review = review_words(self.words, self._plan.next_review_on, today) if self._plan else ""
        self.book.show_pages(pages, theme=self.theme, review=review, confirmed=confirmed)

    def _today(self) -> tuple[date, tzinfo | None]:
        zone = self._home_zone() if self._home_zone is not None else None
        now = datetime.now(zone) if zone is not None else datetime.now().astimezone()
        return now.date(), now.tzinfo

    # -- reading aloud -------------------------------------------------------------------

    def reading_items(self) -> Reading:
        """The title, then the page's words, then its choices; or, for "Read it all",
        every page's words in turn and when the plan is next looked at."""
        items: Reading = [(None, self.title())]
        if self.steps.step == OUTCOMES:
            shown = [self.outcomes.intro, *self.outcomes.labels(), self.outcomes.problem]
            items += [(label, label.text()) for label in shown if not label.isHidden()]
            button = self.outcomes.thank_you_button
            return [*items, (button, button.accessibleName())]
        return items + self.book.reading_items(whole_plan=self._whole_plan)

    def _on_read_all_button_tapped(self) -> None:
        self._whole_plan = True  # the window asks for reading_items() while this is emitted
        try:
            self.read_aloud.emit()
        finally:
            self._whole_plan = False

    # -- "Yes, that's right" and "I want to talk about this" ------------------------------

    def _on_yes_button_tapped(self) -> None:
        actor, page = self._reader(), self.page
        if actor is None or actor.resident_id is None or page.section is None:
            return
        try:
            moment = self._talk.confirm(actor, actor.resident_id, page.section)
        except KioskError as error:
            self._tell(error.text(self.words.gettext), problem=True)
            return
        self._confirmed[page.section] = moment
        today, zone = self._today()
        local = moment.astimezone(zone) if zone is not None else moment
        self.view.set_confirmed(confirmed_words(self.words, local.date(), today))
        self._tell(self.words.gettext("Thank you. We have noted that this is right."))

    def _on_talk_button_tapped(self) -> None:
        actor, page = self._reader(), self.page
        if actor is None or actor.resident_id is None or not page.part:
            return
        # Goals, routines and risks have no section of their own: their name goes with it.
        note = page.part if page.section is None and page.part != WHOLE_PLAN else None
        try:
            self._talk.ask_to_talk(actor, actor.resident_id, page.section, note)
        except KioskError as error:
            self._tell(error.text(self.words.gettext), problem=True)
            return
        self._tell(
            self.words.gettext(
                "Thank you. A member of staff will come and talk with you about this."
            )
        )

    def _tell(self, words: str, *, problem: bool = False) -> None:
        """Shown under the page's words, and said at once."""
        self.book.tell(words, problem=problem)
        self.say.emit(words)

    # -- what came of earlier requests ---------------------------------------------------

    def _on_outcomes_thank_you_chosen(self) -> None:
        actor = self._reader()
        if actor is not None and actor.resident_id is not None and self.outcomes.shown:
            ids = [outcome.id for outcome in self.outcomes.shown]
            try:
                self._talk.outcomes_heard(actor, actor.resident_id, ids)
            except KioskError as error:
                self.outcomes.show_problem(error.text(self.words.gettext))
                return
        self.outcomes.shown = ()
        self.steps.show_step(PLAN, remember=False)
