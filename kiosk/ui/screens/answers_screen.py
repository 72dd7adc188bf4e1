"""You said, we did: the answers to a resident's ideas — the kitchen's to their meal ideas,
the coordinator's to their ideas for things to do and for the home — shown and read aloud,
oldest first, the next time they sign in. Each answer is marked as heard once they touch
"Thank you"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.enums import Meal, ProposalStatus, ProposalTopic
from kiosk.domain.ideas import DEFAULT_ANSWER_WORDS, Idea
from kiosk.domain.meals import MealSuggestion
from kiosk.domain.residents import Resident
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.picture_card import PictureCard
from kiosk.ui.widgets.words_label import WordsLabel

MEAL_WORDS = {
    Meal.BREAKFAST: N_("breakfast"),
    Meal.LUNCH: N_("lunch"),
    Meal.TEA: N_("tea"),
    Meal.SUPPER: N_("supper"),
}
# What the coordinator said, in words that fit each answer.
IDEA_ANSWER_WORDS = {
    ProposalStatus.AGREED: N_("Yes, we will do this."),
    ProposalStatus.DONE: N_("Done!"),
    ProposalStatus.NOT_NOW: N_("Not now, because: {reason}"),
    ProposalStatus.DECLINED: N_("No, because: {reason}"),
}
IDEA_PICTURES = {ProposalTopic.ACTIVITY: "activity", ProposalTopic.HOME: "home-idea"}


ANSWERS_AT_ONCE = 6  # answers on the screen at once; "Thank you" brings the next


class Answers(Protocol):
    def answers_to_hear(self, actor: Actor) -> Sequence[MealSuggestion]: ...
    def mark_heard(self, actor: Actor, proposal_ids: Sequence[int]) -> None: ...


class IdeaAnswers(Protocol):
    def answers_to_hear(self, actor: Actor) -> Sequence[Idea]: ...
    def mark_heard(self, actor: Actor, proposal_ids: Sequence[int]) -> None: ...


class AnswersScreen(Screen):
    name = "answers"
    finished = Signal()  # heard them all: the window goes on (Home, or what was asked for)

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        answers: Answers,
        idea_answers: IdeaAnswers,
        signed_in: Callable[[], Resident | None],
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._answers = answers
        self._idea_answers = idea_answers
        self._signed_in = signed_in
        self.shown: list[MealSuggestion | Idea] = []
        self.more_waiting = False  # more answers than are shown at once
        self.intro = WordsLabel()
        self.intro.setProperty("role", "heading")
        self.intro.setWordWrap(True)
        inner = QWidget()
        inner.setObjectName("content")
        self.cards = QVBoxLayout(inner)
        self.cards.setContentsMargins(0, 0, 0, 0)
        self.cards.setSpacing(theme.metrics.gap_px // 2)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(inner)
        self.thank_you_button = BigButton(
            "yes", "", pictures=pictures, theme=theme, horizontal=True
        )
        self.thank_you_button.tapped.connect(self._on_thank_you_button_tapped)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addWidget(self.intro)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.thank_you_button)
        self.retranslate()

    def title(self) -> str:
        return self.words.gettext("You said, we did")

    def has_news(self) -> bool:
        """Read the answers waiting for the resident signed in; True if there are any.

        A few at a time, oldest first: someone back after weeks away may have dozens, which
        is too much to take in at once (and slow to lay out). "Thank you" brings the next.
        """
        actor = self._actor()
        waiting: list[MealSuggestion | Idea] = []
        if actor is not None:
            waiting += self._answers.answers_to_hear(actor)
            waiting += self._idea_answers.answers_to_hear(actor)
        waiting.sort(key=_answered_when)  # one list, oldest first
        self.shown = waiting[:ANSWERS_AT_ONCE]
        self.more_waiting = len(waiting) > len(self.shown)
        return bool(self.shown)

    def refresh(self) -> None:
        if not self.shown:
            self.has_news()
        self._show_cards()

    def retranslate(self) -> None:
        self.thank_you_button.set_words(self.words.gettext("Thank you"))
        self._show_cards()

    def answer_words(self, idea: MealSuggestion | Idea) -> str:
        """What the kitchen (or the coordinator) said, in sentences the resident hears."""
        if isinstance(idea, Idea):
            return self._idea_answer_words(idea)
        gettext = self.words.gettext
        if idea.status in (ProposalStatus.AGREED, ProposalStatus.DONE):
            if idea.menu_date is not None and idea.menu_meal is not None:
                words = gettext("Yes! It is on the menu for {meal} on {day}.").format(
                    meal=gettext(MEAL_WORDS[idea.menu_meal]),
                    day=self.words.day_and_date(idea.menu_date),
                )
            else:
                words = gettext("Yes!")
        elif idea.status is ProposalStatus.NOT_NOW:
            words = gettext("Not now.")
        else:
            words = gettext("No, sorry.")
        if idea.response:
            words += " " + idea.response
        return words

    def _idea_answer_words(self, idea: Idea) -> str:
        gettext = self.words.gettext
        response = idea.response or ""
        if response in DEFAULT_ANSWER_WORDS.values():
            response = ""  # a plain yes or done: said by the words below, in their language
        lines = []
        if idea.status in (ProposalStatus.AGREED, ProposalStatus.DONE):
            lines.append(gettext(IDEA_ANSWER_WORDS[idea.status]))
            if response:
                lines.append(response)
        elif idea.status in IDEA_ANSWER_WORDS and response:
            lines.append(gettext(IDEA_ANSWER_WORDS[idea.status]).format(reason=response))
        elif idea.status is ProposalStatus.NOT_NOW:
            lines.append(gettext("Not now."))
        elif idea.status is ProposalStatus.DECLINED:
            lines.append(gettext("No, sorry."))
        elif response:
            lines.append(response)
        if idea.planned_for is not None:
            lines.append(self._when_words(idea.planned_for))
        return " ".join(line.strip() for line in lines if line.strip())

    def _when_words(self, moment: datetime) -> str:
        """ "It is on Saturday 28 November at 14:00" (or "It was on …", once it has begun)."""
        gettext = self.words.gettext
        past = moment < datetime.now(moment.tzinfo)
        words = (
            gettext("It was on {day} at {time}.") if past else gettext("It is on {day} at {time}.")
        )
        return words.format(
            day=self.words.day_and_date(moment.date()), time=self.words.clock_time(moment)
        )

    def _show_cards(self) -> None:
        while self.cards.count():
            item = self.cards.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                discard(widget)
        gettext = self.words.gettext
        any_ideas = any(isinstance(shown, Idea) for shown in self.shown)
        self.intro.setText(
            gettext("We have answered your ideas.")
            if any_ideas
            else gettext("The kitchen has answered your ideas.")
        )
        for idea in self.shown:
            if isinstance(idea, Idea):
                said, answer = self._idea_card_words(idea)
                picture = idea.picture or IDEA_PICTURES.get(idea.topic, "idea")
            else:
                said = gettext("You asked for {dish}.").format(dish=idea.title)
                answer = gettext("The kitchen said: {answer}").format(
                    answer=self.answer_words(idea)
                )
                picture = idea.picture or "idea"
            card = PictureCard(
                picture,
                f"{said}\n{answer}",
                pictures=self.pictures,
                theme=self.theme,
            )
            self.cards.addWidget(card)
        if self.more_waiting:  # after the cards, where the next ones will be
            more = WordsLabel(gettext("There are more answers after these."))
            more.setWordWrap(True)
            more.setProperty("role", "heading")
            self.cards.addWidget(more)
        self.cards.addStretch(1)

    def _idea_card_words(self, idea: Idea) -> tuple[str, str]:
        gettext = self.words.gettext
        said = gettext("Your idea: {idea}").format(idea=idea.title)
        answer = self.answer_words(idea)
        if idea.responded_by:
            return said, gettext("{name} said: {answer}").format(
                name=idea.responded_by, answer=answer
            )
        return said, answer

    def _on_thank_you_button_tapped(self) -> None:
        actor = self._actor()
        if actor is not None and self.shown:
            meals = [shown.id for shown in self.shown if not isinstance(shown, Idea)]
            ideas = [shown.id for shown in self.shown if isinstance(shown, Idea)]
            if meals:
                self._answers.mark_heard(actor, meals)
            if ideas:
                self._idea_answers.mark_heard(actor, ideas)
            if self.more_waiting and self.has_news():  # the next few
                self._show_cards()
                self.scroll.verticalScrollBar().setValue(0)
                return
        self.shown = []
        self.finished.emit()

    def _actor(self) -> Actor | None:
        resident = self._signed_in()
        return Actor.resident(resident.id) if resident is not None else None


def _answered_when(answered: MealSuggestion | Idea) -> datetime:
    """When the answer was given (the order the resident hears them in)."""
    moment = answered.responded_at or answered.submitted_at
    return moment if moment is not None else datetime.min.replace(tzinfo=UTC)
