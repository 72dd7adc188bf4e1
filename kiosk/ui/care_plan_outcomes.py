"""What came of the resident's requests to talk about their plan, shown (and read aloud)
the next time they open it, before the plan itself: "You asked to talk about this.
Tomasz said: …". "Thank you" says they have heard it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.domain.care_plan_records import TalkRequestView
from kiosk.domain.care_plans import section_picture
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_pages import SECTION_HEADINGS, WHOLE_PLAN
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.picture_card import PictureCard


class CarePlanOutcomes(QWidget):
    thank_you_chosen = Signal()

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self._words = words
        self._pictures = pictures
        self._theme = theme
        self.shown: tuple[TalkRequestView, ...] = ()
        gap = theme.metrics.gap_px
        self.intro = form.plain_label()
        self.intro.setProperty("role", "heading")
        inner = QWidget()
        inner.setObjectName("content")
        self.cards = form.column(inner, gap // 2)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(inner)
        self.problem = form.notice_card(gap)
        self.problem.setProperty("role", "banner")
        self.thank_you_button = BigButton(
            "yes", "", pictures=pictures, theme=theme, horizontal=True
        )
        self.thank_you_button.tapped.connect(self.thank_you_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(gap // 2)
        layout.addWidget(self.intro)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.thank_you_button)

    def show_outcomes(self, outcomes: Sequence[TalkRequestView], theme: Theme) -> None:
        """Show these outcomes (in the current language and theme)."""
        self.shown = tuple(outcomes)
        self._theme = theme
        gettext = self._words.gettext
        self.intro.setText(gettext("You asked to talk about your plan. This is what we agreed."))
        self.thank_you_button.set_words(gettext("Thank you"))
        self.problem.hide()
        while self.cards.count():
            item = self.cards.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                discard(widget)
        for outcome in self.shown:
            self.cards.addWidget(self._card(outcome))
        self.cards.addStretch(1)
        self.scroll.verticalScrollBar().setValue(0)

    def show_problem(self, words: str) -> None:
        self.problem.setText(words)
        self.problem.show()

    def labels(self) -> list[QLabel]:
        """Every piece of words on the cards, top to bottom (for reading aloud)."""
        return [
            label
            for index in range(self.cards.count())
            if (card := self.cards.itemAt(index).widget()) is not None
            for label in card.findChildren(QLabel)
            if label.text()
        ]

    def _card(self, outcome: TalkRequestView) -> PictureCard:
        gettext = self._words.gettext
        if outcome.section is not None:
            about, picture = SECTION_HEADINGS[outcome.section], section_picture(outcome.section)
        else:
            about, picture = WHOLE_PLAN, "care-plan"
        agreed = outcome.resolution or ""
        said = (
            gettext("{name} said: {agreed}").format(name=outcome.resolved_by, agreed=agreed)
            if outcome.resolved_by
            else gettext("We agreed: {agreed}").format(agreed=agreed)
        )
        return PictureCard(
            picture,
            gettext(about),
            [gettext("You asked to talk about this."), said],
            pictures=self._pictures,
            theme=self._theme,
        )
