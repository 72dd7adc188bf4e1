"""Planning one activity into the week: what it is, when, where, and who leads it.

What comes from one of three lists: the activities catalogue, the winners of closed votes,
or residents' ideas for activities (waiting, or agreed). A slot planned from a vote or an
idea remembers it. An idea that is not yet one of the activities is added to them first
(its words and picture), with one button. When is chosen by touch (see
:mod:`kiosk.ui.slot_times`); the place starts as the activity's usual place. Nothing here
talks to a service: the screen gives the lists and takes :meth:`SlotEditor.new_slot`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, tzinfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.enums import ProposalStatus, SlotSource
from kiosk.domain.errors import ValidationError
from kiosk.domain.ideas import Idea
from kiosk.domain.schedule import LED_BY_MAX, NOTE_MAX, PLACE_MAX, Activity, NewSlot
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.slot_times import SlotTimes
from kiosk.ui.staff_screen import field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

SOURCES = (SlotSource.PLANNED, SlotSource.POLL, SlotSource.PROPOSAL)
SOURCE_WORDS = {
    SlotSource.PLANNED: N_("From the activities"),
    SlotSource.POLL: N_("A vote's winner"),
    SlotSource.PROPOSAL: N_("A residents' idea"),
}
SOURCE_PICTURES = {
    SlotSource.PLANNED: "activity",
    SlotSource.POLL: "vote",
    SlotSource.PROPOSAL: "idea",
}
NOTHING_WORDS = {
    SlotSource.PLANNED: N_("There are no activities yet."),
    SlotSource.POLL: N_("No vote has closed with an activity as its winner yet."),
    SlotSource.PROPOSAL: N_("No residents' ideas for activities are waiting or agreed."),
}
NOTHING_CHOSEN = N_(
    "Please choose what to plan: an activity, a vote's winner or a residents' idea."
)
NOT_AN_ACTIVITY_YET = N_("Please add this idea to the activities first, with the button under it.")


@dataclass(frozen=True, slots=True)
class PollWinner:
    """What won a closed vote, when it is an activity that can be planned."""

    poll_id: int
    question: str
    title: str  # the winning choice's words
    picture: str | None
    activity_id: int
    tied: bool  # it shared the most votes; the choice shown first won


@dataclass(frozen=True, slots=True)
class _Offer:
    """One thing that can be planned, from one of the three lists."""

    source: SlotSource
    key: int  # the activity's, the poll's or the idea's id
    activity_id: int | None  # None: an idea not yet among the activities
    title: str
    picture: str | None
    detail: str = ""


class SlotEditor(QWidget):
    add_idea_chosen = Signal(object)  # an Idea to add to the activities before planning it
    part_shown = Signal(QWidget)  # a part just appeared (the idea's Add button): show it

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self.activities: dict[int, Activity] = {}
        self.winners: list[PollWinner] = []
        self.ideas: list[Idea] = []
        self.source = SlotSource.PLANNED
        self.choice: _Offer | None = None
        self.page = 0
        self.offer_buttons: dict[int, BigButton] = {}
        self._default_place = ""
        kit = {"pictures": pictures, "theme": theme, "horizontal": True, "small": True}

        self.heading = form.plain_label()
        self.heading.setProperty("role", "title")
        self.what_heading = form.section_heading()
        self.source_buttons = {
            source: BigButton(SOURCE_PICTURES[source], "", **kit) for source in SOURCES
        }
        for source, button in self.source_buttons.items():
            button.tapped.connect(lambda source=source: self.choose_source(source))
        self._sources = QGridLayout()
        self.nothing_label = form.plain_label()
        self._offer_grid = QGridLayout()
        self.previous_page_button = BigButton(None, "", **kit)
        self.next_page_button = BigButton(None, "", **kit)
        self.previous_page_button.tapped.connect(lambda: self._turn(-1))
        self.next_page_button.tapped.connect(lambda: self._turn(+1))
        self.page_label = form.page_label()
        self._pager = form.pager(
            self.previous_page_button, self.page_label, self.next_page_button, theme.metrics.gap_px
        )
        self.chosen_label = form.plain_label()
        self.chosen_label.setStyleSheet("font-weight: bold;")
        self.idea_card = form.card()
        self.idea_label = form.plain_label()
        self.add_idea_button = BigButton("activity", "", **kit)
        self.add_idea_button.tapped.connect(self._on_add_idea_button_tapped)
        inside = form.inside(self.idea_card, theme.metrics.gap_px)
        inside.addWidget(self.idea_label)
        inside.addLayout(form.row_of([self.add_idea_button], theme.metrics.gap_px))

        self.when_heading = form.section_heading()
        self.times = SlotTimes(words=words, pictures=pictures, theme=theme)
        self.place_label = field_label()
        self.place_edit = _line(PLACE_MAX)
        self.led_by_label = field_label()
        self.led_by_edit = _line(LED_BY_MAX)
        self.note_label = field_label()
        self.note_edit = _line(NOTE_MAX)

        what = form.card()
        inside = form.inside(what, theme.metrics.gap_px)
        inside.addWidget(self.what_heading)
        inside.addLayout(self._sources)
        inside.addWidget(self.nothing_label)
        inside.addLayout(self._offer_grid)
        inside.addLayout(self._pager)
        inside.addWidget(self.chosen_label)
        inside.addWidget(self.idea_card)
        self._what_inside = inside
        when = form.card()
        inside = form.inside(when, theme.metrics.gap_px)
        inside.addWidget(self.when_heading)
        inside.addWidget(self.times)
        self._when_inside = inside
        where = form.card()
        inside = form.inside(where, theme.metrics.gap_px)
        for part in (
            self.place_label,
            self.place_edit,
            self.led_by_label,
            self.led_by_edit,
            self.note_label,
            self.note_edit,
        ):
            inside.addWidget(part)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(what)
        layout.addWidget(when)
        layout.addWidget(where)
        self.arrange(theme)

    # -- what the screen uses ----------------------------------------------------------------

    def arrange(self, theme: Theme) -> None:
        self.theme = theme
        gap = theme.metrics.gap_px
        self.layout().setSpacing(gap)
        for inside in (self._what_inside, self._when_inside):
            inside.setSpacing(gap)
        self._pager.setSpacing(gap)
        buttons = [self.source_buttons[source] for source in SOURCES]
        form.grid_of(self._sources, buttons, 1 if self._large else 3, gap)
        self.times.arrange(theme)
        self._fill_offers()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.heading.setText(gettext("Plan an activity"))
        self.what_heading.setText(gettext("What?"))
        for source, button in self.source_buttons.items():
            button.set_words(gettext(SOURCE_WORDS[source]))
        self.previous_page_button.set_words(gettext("‹ Back a page"))
        self.next_page_button.set_words(gettext("More ›"))
        self.add_idea_button.set_words(gettext("Add it to the activities"))
        self.when_heading.setText(gettext("When?"))
        self.place_label.setText(gettext("Where?"))
        self.led_by_label.setText(gettext("Who leads it?"))
        self.note_label.setText(gettext("A note for residents (if you like)"))
        self.times.retranslate()
        self._fill_offers()

    def start(
        self,
        day: date,
        *,
        activities: Sequence[Activity],
        winners: Sequence[PollWinner],
        ideas: Sequence[Idea],
        source: SlotSource = SlotSource.PLANNED,
    ) -> None:
        """A fresh form for ``day``, from 2 to 3 in the afternoon, nothing chosen yet."""
        self.activities = {activity.id: activity for activity in activities}
        self.winners = list(winners)
        self.ideas = list(ideas)
        self.choice = None
        self._default_place = ""
        for edit in (self.place_edit, self.led_by_edit, self.note_edit):
            edit.clear()
        self.times.set_when(day, time(14, 0), time(15, 0))
        self.choose_source(source)

    def choose_source(self, source: SlotSource) -> None:
        self.source = source
        self.page = 0
        if self.choice is not None and self.choice.source is source:
            offers = self._offers_shown()
            index = next((i for i, o in enumerate(offers) if o.key == self.choice.key), 0)
            self.page = index // self._per_page
        self._fill_offers()

    def choose_poll(self, poll_id: int) -> bool:
        """Choose that vote's winner (False if it has none that can be planned)."""
        self.choose_source(SlotSource.POLL)
        offer = next((o for o in self._offers_shown() if o.key == poll_id), None)
        if offer is None:
            return False
        self._choose(offer)
        self.choose_source(SlotSource.POLL)  # to its page
        return True

    def idea_added(self, idea_id: int, activity: Activity) -> None:
        """The idea is one of the activities now: it can be planned."""
        self.activities[activity.id] = activity
        self.ideas = [
            replace(idea, activity_id=activity.id) if idea.id == idea_id else idea
            for idea in self.ideas
        ]
        offer = next((o for o in self._offers(SlotSource.PROPOSAL) if o.key == idea_id), None)
        if offer is not None:
            self._choose(offer)

    def new_slot(self, zone: tzinfo) -> NewSlot:
        """The slot as chosen and typed, its times in ``zone`` (the home's)."""
        choice = self.choice
        if choice is None:
            raise ValidationError("activity", NOTHING_CHOSEN)
        if choice.activity_id is None:
            raise ValidationError("activity", NOT_AN_ACTIVITY_YET)
        day, start, end = self.times.when()
        place = self.place_edit.text()
        usual = self.activities.get(choice.activity_id)
        return NewSlot(
            activity_id=choice.activity_id,
            starts_at=datetime.combine(day, start, tzinfo=zone),
            ends_at=datetime.combine(day, end, tzinfo=zone),
            place=None if usual is not None and place == (usual.place or "") else place or None,
            led_by=self.led_by_edit.text() or None,
            source=choice.source,
            poll_id=choice.key if choice.source is SlotSource.POLL else None,
            proposal_id=choice.key if choice.source is SlotSource.PROPOSAL else None,
            note=self.note_edit.text() or None,
        )

    # -- the lists -------------------------------------------------------------------------

    @property
    def _large(self) -> bool:
        return self.theme.metrics.scale >= 1.5

    @property
    def _per_page(self) -> int:
        return 4 if self._large else 6

    def _offers(self, source: SlotSource) -> list[_Offer]:
        gettext = self.words.gettext
        if source is SlotSource.PLANNED:
            return [
                _Offer(source, a.id, a.id, a.title, a.picture, a.place or "")
                for a in self.activities.values()
                if not a.archived
            ]
        if source is SlotSource.POLL:
            return [
                _Offer(
                    source,
                    w.poll_id,
                    w.activity_id,
                    w.title,
                    w.picture,
                    (
                        gettext("Won a tie: {question}") if w.tied else gettext("Won: {question}")
                    ).format(question=w.question),
                )
                for w in self.winners
            ]
        return [
            _Offer(source, i.id, i.activity_id, i.title, i.picture, self._idea_detail(i))
            for i in self.ideas
        ]

    def _idea_detail(self, idea: Idea) -> str:
        gettext = self.words.gettext
        who = (
            gettext("From {name}").format(name=idea.resident_name)
            if idea.resident_name
            else gettext("From the residents")
        )
        status = gettext("Agreed") if idea.status is ProposalStatus.AGREED else gettext("Waiting")
        return f"{who} · {status}"

    def _offers_shown(self) -> list[_Offer]:
        return self._offers(self.source)

    def _fill_offers(self) -> None:
        gettext = self.words.gettext
        for button in self.offer_buttons.values():
            self._offer_grid.removeWidget(button)
            discard(button)
        self.offer_buttons = {}
        for source, button in self.source_buttons.items():
            button.set_chosen(source is self.source)
        offers = self._offers_shown()
        pages = max(1, math.ceil(len(offers) / self._per_page))
        self.page = max(0, min(self.page, pages - 1))
        columns = 2 if self._large else 3
        first = self.page * self._per_page
        for index, offer in enumerate(offers[first : first + self._per_page]):
            words = f"{offer.title}\n{offer.detail}" if offer.detail else offer.title
            button = BigButton(
                offer.picture,
                words,
                pictures=self.pictures,
                theme=self.theme,
                horizontal=True,
                small=True,
            )
            button.set_chosen(self._is_chosen(offer))
            button.tapped.connect(lambda offer=offer: self._choose(offer))
            self.offer_buttons[offer.key] = button
            self._offer_grid.addWidget(button, index // columns, index % columns)
        for column in range(3):
            self._offer_grid.setColumnStretch(column, 1 if column < columns else 0)
        self._offer_grid.setSpacing(self.theme.metrics.gap_px)
        self.nothing_label.setText(gettext(NOTHING_WORDS[self.source]))
        self.nothing_label.setVisible(not offers)
        many = pages > 1
        for widget in (self.previous_page_button, self.next_page_button, self.page_label):
            widget.setVisible(many)
        self.previous_page_button.setEnabled(self.page > 0)
        self.next_page_button.setEnabled(self.page < pages - 1)
        self.page_label.setText(
            gettext("Page {page} of {pages}").format(page=self.page + 1, pages=pages)
        )
        self._say_choice()

    def _is_chosen(self, offer: _Offer) -> bool:
        choice = self.choice
        return choice is not None and (choice.source, choice.key) == (offer.source, offer.key)

    def _turn(self, step: int) -> None:
        self.page += step
        self._fill_offers()

    def _choose(self, offer: _Offer) -> None:
        self.choice = offer
        usual = self.activities.get(offer.activity_id) if offer.activity_id else None
        place = (usual.place if usual is not None else None) or ""
        if self.place_edit.text() in ("", self._default_place):
            self.place_edit.setText(place)  # the usual place, unless one was typed
        self._default_place = place
        for key, button in self.offer_buttons.items():
            button.set_chosen(offer.source is self.source and key == offer.key)
        self._say_choice()

    def _say_choice(self) -> None:
        gettext = self.words.gettext
        choice = self.choice
        self.chosen_label.setText(
            gettext("Chosen: {title}").format(title=choice.title)
            if choice is not None
            else gettext("Nothing chosen yet.")
        )
        needs_adding = choice is not None and choice.activity_id is None
        appears = needs_adding and self.idea_card.isHidden()
        self.idea_card.setVisible(needs_adding)
        if appears:
            self.part_shown.emit(self.idea_card)
        if choice is not None and needs_adding:
            self.idea_label.setText(
                gettext(
                    "“{title}” is not one of the activities yet. Add it, with its picture, "
                    "to plan it."
                ).format(title=choice.title)
            )

    def _on_add_idea_button_tapped(self) -> None:
        choice = self.choice
        if choice is None or choice.source is not SlotSource.PROPOSAL:
            return
        idea = next((idea for idea in self.ideas if idea.id == choice.key), None)
        if idea is not None:
            self.add_idea_chosen.emit(idea)


def _line(limit: int) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(limit + 1)  # one over: the service says in words that it is too long
    return edit
