"""What the resident's suggestion screens (a meal; an idea for something to do or for the
home) share as a screen: the steps in the same order, the way back, typing the words with
"me too" offers under the box, saying why, hearing it back, Send (or "Me too") and the
thank-you, and what they had gathered kept as a draft if they are signed out part-way.

A screen says what is its own: its choices (the first two steps), its words, and how it
asks its service. It builds its first page and any pages of its own, then calls
:meth:`SuggestionScreen._lay_out_steps` and :meth:`retranslate`.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.errors import KioskError
from kiosk.domain.meals import REASON_MAX, SUGGESTION_TITLE_MAX
from kiosk.domain.residents import Resident
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.suggestion_steps import (
    SIMILAR_SHOWN,
    DraftOffer,
    ReadBack,
    SupportOffer,
    ThankYou,
    problem_label,
    prompt_label,
    show_support_offers,
    too_long,
    typing_problem,
    worth_offering,
)
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.choice_grid import ChoiceGrid
from kiosk.ui.widgets.step_stack import StepStack
from kiosk.ui.widgets.typing_panel import TypingPanel

# The steps every suggestion screen has, in the order a resident meets them: last time's
# draft, the first choice, the pictures to choose from (or type), typing, hearing it back
# and saying why. A screen adds any steps of its own after these, and its thank-you last.
DRAFT, START, CHOOSE, TYPE, CONFIRM, WHY = range(6)


class Gathered(Protocol):
    """What a suggestion screen gathers as the resident goes (a frozen dataclass)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def title(self) -> str: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def client_token(self) -> str | None: ...


class Sent(Protocol):
    """A suggestion already sent, as a resident may back it ("me too") or have a draft."""

    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def supported_by_viewer(self) -> bool: ...


NewT = TypeVar("NewT", bound=Gathered)
SentT = TypeVar("SentT", bound=Sent)


class SuggestionScreen(Screen, Generic[NewT, SentT]):
    """The steps of a resident's suggestion. A subclass sets the class attributes and fills
    in the methods that raise :class:`NotImplementedError`."""

    say = Signal(str)  # words to read aloud now (the read-back before Send, the thanks)
    home_chosen = Signal()

    #: The step of the thank-you, the last.
    thanks_step: ClassVar[int]
    #: The picture on "another" on the thank-you page, and its words (marked with ``N_``).
    another_picture: ClassVar[str]
    another_words: ClassVar[str]
    #: What to say when Done is touched with nothing typed (marked with ``N_``).
    nothing_typed_words: ClassVar[str]
    #: Rows of choices at most on the choosing page, as many as the height holds.
    choices_at_most: ClassVar[int]

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: Callable[[], Resident | None],
        read_back_extras: Sequence[tuple[BigButton, int]] = (),
    ) -> None:
        """``read_back_extras``: buttons (with their stretch) between "Say why" and Send."""
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._signed_in = signed_in
        self._new = self._fresh()
        self._supporting: SentT | None = None  # "me too" for this one
        self._draft_id: int | None = None
        self._similar: list[SentT] = []

        self.prompt = prompt_label()
        self.problem = problem_label()
        self.steps = StepStack()
        kit = {"pictures": pictures, "theme": theme}

        # Kept from last time
        self.draft_offer = DraftOffer(**kit)
        self.carry_on_button = self.draft_offer.carry_on_button
        self.start_again_button = self.draft_offer.start_again_button
        self.carry_on_button.tapped.connect(self._on_carry_on_button_tapped)
        self.start_again_button.tapped.connect(self._on_start_again_button_tapped)

        # The pictures to choose from, a row each (long words fit), or type it
        self.choice_page = QWidget()
        self.choice_grid = ChoiceGrid(words=words, columns=1, horizontal=True, **kit)
        self.choice_grid.fit_rows_to_height(self.choices_at_most)
        self.choice_grid.chosen.connect(self._on_choice_grid_chosen)
        self.type_button = BigButton("keyboard", "", horizontal=True, small=True, **kit)
        self.type_button.tapped.connect(self._on_type_button_tapped)
        self.choice_grid.put_in_pager(self.type_button)
        column = QVBoxLayout(self.choice_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.choice_grid, 1)

        # Typing it, and typing why
        self.title_typing = TypingPanel(words=words, max_length=SUGGESTION_TITLE_MAX, **kit)
        self.title_typing.text_changed.connect(self._on_title_typing_text_changed)
        self.title_typing.done.connect(self._on_title_typing_done)
        self.why_typing = TypingPanel(words=words, max_length=REASON_MAX, **kit)
        self.why_typing.done.connect(self._on_why_typing_done)

        # Hear it back, then Send (or "Me too")
        self.read_back = ReadBack(extras=read_back_extras, **kit)
        self.picture = self.read_back.picture
        self.summary = self.read_back.summary
        self.send_button = self.read_back.send_button
        self.send_button.tapped.connect(self._on_send_button_tapped)
        self.why_button = self.read_back.why_button
        self.why_button.tapped.connect(lambda: self._go(WHY))

        # Thank you
        self.thank_you = ThankYou(self.another_picture, **kit)
        self.thanks = self.thank_you.thanks
        self.thank_you.another_chosen.connect(self._on_thank_you_another_chosen)
        self.thank_you.home_chosen.connect(self.home_chosen)

    def _lay_out_steps(self, start_page: QWidget, *own_pages: QWidget) -> None:
        """Every step's page in order (``own_pages`` after "say why"), under the question
        and any problem."""
        for page in (
            self.draft_offer,
            start_page,
            self.choice_page,
            self.title_typing,
            self.read_back,
            self.why_typing,
            *own_pages,
            self.thank_you,
        ):
            self.steps.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.theme.metrics.gap_px // 2)  # words above the choices, not targets
        layout.addWidget(self.prompt)
        layout.addWidget(self.problem)
        layout.addWidget(self.steps, 1)

    # -- Screen ------------------------------------------------------------------------------

    @property
    def step(self) -> int:
        return self.steps.step

    @property
    def another_button(self) -> BigButton:
        return self.thank_you.another_button

    @property
    def home_button(self) -> BigButton:
        return self.thank_you.home_button

    def refresh(self) -> None:
        """Each visit starts afresh, or from the draft kept last time."""
        self._start_afresh()
        actor = self._actor()
        draft = self._draft(actor) if actor is not None else None
        if draft is not None:
            self._draft_id = draft.id
            self._new = self._gathered_in(draft)
            self._go(DRAFT, remember=False)
        else:
            self._go(START, remember=False)

    def step_back(self) -> bool:
        """Back goes to the step before, within the screen, until the first one."""
        before = self.steps.step_before() if self.step != self.thanks_step else None
        if before is None:
            return False
        self._go(before, remember=False)
        return True

    def title_can_give_way(self) -> bool:
        return self.step in (TYPE, WHY)  # the question above the box says what to do

    def keep_unfinished(self) -> None:
        actor = self._actor()
        if (
            actor is None
            or self.step in (DRAFT, START, self.thanks_step)
            or self._supporting is not None
        ):
            return
        # Something the service refuses (too long) cannot be kept; nothing else is lost.
        with contextlib.suppress(KioskError):
            self._keep_draft(actor, self._gathered())

    def retranslate(self) -> None:
        """The shared words; a subclass sets its own first, then calls this."""
        gettext = self.words.gettext
        self.choice_grid.retranslate()
        self.title_typing.retranslate()
        self.why_typing.retranslate()
        self.draft_offer.retranslate(gettext)
        self.read_back.retranslate(gettext)
        self.thank_you.retranslate(gettext, gettext(self.another_words))
        self.type_button.set_words(gettext("Something else: type it"))
        self.why_typing.prompt.setText(
            gettext("Why would you like it? You can say as much or as little as you like.")
        )
        self._show_step_words()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.choice_grid.apply_theme(theme)
        self.choice_grid.fit_rows_to_height(self.choices_at_most)
        self.title_typing.apply_theme(theme)
        self.why_typing.apply_theme(theme)
        self.draft_offer.apply_theme(theme)
        self.thank_you.apply_theme(theme)
        self._show_picture()

    # -- steps -----------------------------------------------------------------------------

    def _go(self, step: int, *, remember: bool = True) -> None:
        self._show_problem("")
        if step == CHOOSE:
            self._fill_choices()
        elif step == TYPE:
            self.title_typing.set_text(self._title_to_type())
        elif step == WHY:
            self.why_typing.set_text(self._new.reason or "")
        elif step == CONFIRM:
            if not self._new.client_token:
                self._new = replace(self._new, client_token=uuid.uuid4().hex)
            self.send_button.setEnabled(True)
        self.steps.show_step(step, remember=remember)
        self._show_step_words()
        self.title_room_changed.emit()
        if step == CONFIRM:
            self.say.emit(self.summary.text())

    def _start_afresh(self) -> None:
        self._new = self._fresh()
        self._supporting = None
        self._draft_id = None
        self._similar = []
        self.steps.forget()

    def _show_step_words(self) -> None:
        step = self.step
        prompt = self._prompt(step)
        self.prompt.setVisible(bool(prompt))
        self.prompt.setText(prompt)
        if step == CONFIRM:
            self.read_back.show_words(
                self._summary_words(),
                supporting=self._supporting is not None,
                gettext=self.words.gettext,
            )
            self._show_picture()

    # -- what the resident chooses -------------------------------------------------------------

    def _on_carry_on_button_tapped(self) -> None:
        self._go(CONFIRM if self._new.title else CHOOSE)

    def _on_start_again_button_tapped(self) -> None:
        actor = self._actor()
        if actor is not None:
            self._discard_draft(actor)
        self._start_afresh()
        self._go(START, remember=False)

    def _choose_support(self, sent: SentT) -> None:
        """ "Me too" for ``sent``: hear it back (unless they back it already)."""
        if sent.supported_by_viewer:
            self._show_problem(self._backed_already_words(sent))
            return
        self._supporting = sent
        self._go(CONFIRM)

    def _on_title_typing_text_changed(self, text: str) -> None:
        """Offer what others sent that is like what is being typed."""
        actor = self._actor()
        if actor is None or not worth_offering(text):
            self._similar = []
        else:
            self._similar = list(self._similar_to(text, actor))[:SIMILAR_SHOWN]
        offers = [
            SupportOffer(*self._support_offer(sent), lambda sent=sent: self._choose_support(sent))
            for sent in self._similar
        ]
        show_support_offers(self.title_typing, offers, pictures=self.pictures, theme=self.theme)

    def _on_title_typing_done(self) -> None:
        typed = self.title_typing.text()
        problem = typing_problem(
            typed,
            limit=SUGGESTION_TITLE_MAX,
            gettext=self.words.gettext,
            empty=self.words.gettext(self.nothing_typed_words),
        )
        if problem:
            self._show_problem(problem)
            return
        self._new = self._with_typed_title(self._new, typed.strip())
        self._go(CONFIRM)

    def _on_why_typing_done(self) -> None:
        typed = self.why_typing.text()
        if len(typed) > REASON_MAX:
            self._show_problem(too_long(self.words.gettext, REASON_MAX))
            return
        self._new = replace(self._new, reason=typed.strip() or None)
        self._go(CONFIRM, remember=False)

    def _on_send_button_tapped(self) -> None:
        actor = self._actor()
        if actor is None or not self.send_button.isEnabled():
            return
        self.send_button.setEnabled(False)  # one tap sends once
        try:
            if self._supporting is not None:
                thanks = self._add_support(actor, self._supporting)
            else:
                thanks = self._send_new(actor)
        except KioskError as error:
            self.send_button.setEnabled(True)
            self._show_problem(error.text(self.words.gettext))
            return
        self.thanks.setText(thanks)
        self.steps.forget()
        self._go(self.thanks_step, remember=False)
        self.say.emit(thanks)

    def _on_thank_you_another_chosen(self) -> None:
        self._start_afresh()
        self._go(START, remember=False)

    # -- helpers -------------------------------------------------------------------------------

    def _actor(self) -> Actor | None:
        resident = self._signed_in()
        return Actor.resident(resident.id) if resident is not None else None

    def _gathered(self) -> NewT:
        """What has been gathered so far, with the typing not yet confirmed."""
        new = self._new
        if self.step == TYPE and self.title_typing.text().strip():
            typed = self.title_typing.text().strip()[:SUGGESTION_TITLE_MAX]
            new = self._with_typed_title(new, typed)
        if self.step == WHY and self.why_typing.text().strip():
            new = replace(new, reason=self.why_typing.text().strip()[:REASON_MAX])
        return new

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # -- what each screen fills in ---------------------------------------------------------------

    def _fresh(self) -> NewT:
        """Nothing gathered yet."""
        raise NotImplementedError

    def _draft(self, actor: Actor) -> SentT | None:
        """The draft kept for ``actor`` last time, if any."""
        raise NotImplementedError

    def _gathered_in(self, draft: SentT) -> NewT:
        """What ``draft`` had gathered, to carry on with."""
        raise NotImplementedError

    def _keep_draft(self, actor: Actor, new: NewT) -> None:
        raise NotImplementedError

    def _discard_draft(self, actor: Actor) -> None:
        raise NotImplementedError

    def _prompt(self, step: int) -> str:
        """The question above ``step`` ("" for none)."""
        raise NotImplementedError

    def _summary_words(self) -> str:
        """What is heard back before Send."""
        raise NotImplementedError

    def _show_picture(self) -> None:
        """The picture beside the words heard back."""
        raise NotImplementedError

    def _fill_choices(self) -> None:
        """The pictures on the choosing page."""
        raise NotImplementedError

    def _on_choice_grid_chosen(self, key: str) -> None:
        raise NotImplementedError

    def _on_type_button_tapped(self) -> None:
        raise NotImplementedError

    def _title_to_type(self) -> str:
        """What the box holds when typing begins."""
        return self._new.title

    def _with_typed_title(self, new: NewT, typed: str) -> NewT:
        """``new`` with ``typed`` as its words."""
        return replace(new, title=typed)

    def _similar_to(self, typed: str, actor: Actor) -> Sequence[SentT]:
        """What others sent that is like ``typed``, most alike first."""
        raise NotImplementedError

    def _support_offer(self, sent: SentT) -> tuple[str | None, str]:
        """The picture and words offering "me too" for ``sent`` under the box."""
        raise NotImplementedError

    def _backed_already_words(self, sent: SentT) -> str:
        """What to say when the resident chooses what they back already."""
        raise NotImplementedError

    def _add_support(self, actor: Actor, sent: SentT) -> str:
        """ "Me too" for ``sent``; the thank-you words."""
        raise NotImplementedError

    def _send_new(self, actor: Actor) -> str:
        """Send what was gathered; the thank-you words."""
        raise NotImplementedError
