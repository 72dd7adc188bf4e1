"""You said, we did: the kitchen's answers to a resident's ideas, shown and read aloud the
next time they sign in. Each answer is marked as heard once they touch "Thank you"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.enums import Meal, ProposalStatus
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

MEAL_WORDS = {
    Meal.BREAKFAST: N_("breakfast"),
    Meal.LUNCH: N_("lunch"),
    Meal.TEA: N_("tea"),
    Meal.SUPPER: N_("supper"),
}


class Answers(Protocol):
    def answers_to_hear(self, actor: Actor) -> Sequence[MealSuggestion]: ...
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
        signed_in: Callable[[], Resident | None],
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._answers = answers
        self._signed_in = signed_in
        self.shown: list[MealSuggestion] = []
        self.intro = QLabel()
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
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
        """Read the answers waiting for the resident signed in; True if there are any."""
        actor = self._actor()
        self.shown = list(self._answers.answers_to_hear(actor)) if actor is not None else []
        return bool(self.shown)

    def refresh(self) -> None:
        if not self.shown:
            self.has_news()
        self._show_cards()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.intro.setText(gettext("The kitchen has answered your ideas."))
        self.thank_you_button.set_words(gettext("Thank you"))
        self._show_cards()

    def answer_words(self, idea: MealSuggestion) -> str:
        """What the kitchen said, in a sentence the resident hears."""
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

    def _show_cards(self) -> None:
        while self.cards.count():
            item = self.cards.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                discard(widget)
        gettext = self.words.gettext
        for idea in self.shown:
            said = gettext("You asked for {dish}.").format(dish=idea.title)
            answer = gettext("The kitchen said: {answer}").format(answer=self.answer_words(idea))
            card = PictureCard(
                idea.picture or "idea",
                f"{said}\n{answer}",
                pictures=self.pictures,
                theme=self.theme,
            )
            self.cards.addWidget(card)
        self.cards.addStretch(1)

    def _on_thank_you_button_tapped(self) -> None:
        actor = self._actor()
        if actor is not None and self.shown:
            self._answers.mark_heard(actor, [idea.id for idea in self.shown])
        self.shown = []
        self.finished.emit()

    def _actor(self) -> Actor | None:
        resident = self._signed_in()
        return Actor.resident(resident.id) if resident is not None else None
