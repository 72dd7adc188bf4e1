"""The form for a new poll (the coordinator's Polls screen): everything but saving it.

The question, how residents answer (choose one, or yes / maybe / no for each), whether
they see the results while it is open, when it opens and closes, and two to six picture
choices: from the activities, from residents' activity ideas (with how many want each),
or typed in words with a picture. A seventh is never offered. Nothing here is checked
against the records: the polls service does that when the screen saves
:meth:`PollForm.new_poll`, and the screen shows its answer in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.enums import PollKind, ProposalStatus, ProposalTopic, ResultsVisibility
from kiosk.domain.errors import ValidationError
from kiosk.domain.ideas import Idea
from kiosk.domain.polls import OPTION_LABEL_MAX, OPTIONS_MAX, NewPoll, NewPollOption
from kiosk.domain.schedule import Activity
from kiosk.domain.text import N_
from kiosk.domain.text_rules import clean_text
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.choice_grid import Choice, ChoiceGrid
from kiosk.ui.widgets.when_picker import WhenPicker

KIND_WORDS: dict[PollKind, str] = {
    PollKind.CHOOSE_ONE: N_("Choose one"),
    PollKind.YES_MAYBE_NO: N_("Yes, maybe or no for each"),
}
VISIBILITY_WORDS: dict[ResultsVisibility, str] = {
    ResultsVisibility.AFTER_CLOSE: N_("Hidden until it closes"),
    ResultsVisibility.LIVE: N_("Shown as people vote"),
}
ACTIVITIES, IDEAS, TYPED = "activities", "ideas", "typed"
# Where choices come from: (key, picture, the button's words)
SOURCES: tuple[tuple[str, str, str], ...] = (
    (ACTIVITIES, "activity", N_("From the activities")),
    (IDEAS, "idea", N_("Residents' ideas")),
    (TYPED, "keyboard", N_("Type your own")),
)
# Pictures for a choice typed in words, each with words beside it.
TYPED_PICTURES: tuple[tuple[str, str], ...] = (
    ("activity", N_("An activity")),
    ("music", N_("Music")),
    ("singing", N_("Singing")),
    ("film", N_("A film")),
    ("garden", N_("Garden")),
    ("bingo", N_("Bingo")),
    ("quiz", N_("A quiz")),
    ("exercise", N_("Exercise")),
    ("paint", N_("Painting")),
    ("beach", N_("The seaside")),
    ("bus", N_("A trip out")),
    ("talk", N_("A talk")),
)
# Residents' ideas a poll may offer: activities still open, or agreed.
IDEA_STATUSES = frozenset({ProposalStatus.OPEN, ProposalStatus.AGREED})
CLOSES_AFTER_DAYS = 3  # a new poll closes in three days' time, at 5 in the afternoon
CLOSES_AT = time(17, 0)


@dataclass(frozen=True, slots=True)
class DraftChoice:
    """A choice on the new poll, not yet saved: where it came from, and its words."""

    key: str  # "activity:3", "idea:12", "typed:1": one of each
    label: str
    picture: str | None
    activity_id: int | None = None
    proposal_id: int | None = None
    wanted_by: int = 0  # a resident's idea: how many residents want it

    def option(self) -> NewPollOption:
        return NewPollOption(self.label, self.picture, self.activity_id, self.proposal_id)


def wanted_by(idea: Idea) -> int:
    """How many residents want an idea: the one who said it and those who said "me too"."""
    return idea.supporters + (1 if idea.resident_id is not None else 0)


class PollForm(QWidget):
    """A new poll, as the coordinator sets it up. ``now`` gives the home's time now."""

    problem = Signal(str)  # words for the top of the screen ("" clears them)
    typing_done = Signal()  # the on-screen keyboard can go

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        now: Callable[[], datetime],
    ) -> None:
        super().__init__()
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self._now = now
        self.kind = PollKind.CHOOSE_ONE
        self.visibility = ResultsVisibility.AFTER_CLOSE
        self.choices: list[DraftChoice] = []
        self.source = ACTIVITIES
        self.typed_picture: str | None = TYPED_PICTURES[0][0]
        self._typed_count = 0
        self.catalogue: list[Activity] = []
        self.activity_ideas: list[Idea] = []
        self.choice_rows: list[_ChoiceRow] = []
        self._build()
        self._arrange()
        self.retranslate()

    # -- building --------------------------------------------------------------------------

    def _big(self, picture: str | None = None) -> BigButton:
        return BigButton(
            picture, "", pictures=self.pictures, theme=self.theme, horizontal=True, small=True
        )

    def _build(self) -> None:
        gap = self.theme.metrics.gap_px
        self.heading = form.section_heading()
        layout = form.column(self, gap)
        layout.addWidget(self.heading)
        layout.addWidget(self._build_question())
        layout.addWidget(self._build_when())
        layout.addWidget(self._build_chosen())
        layout.addWidget(self._build_adding())

    def _build_question(self) -> QWidget:
        """The question, and how it is answered."""
        self.question_label = field_label()
        self.question_edit = QLineEdit()  # no length limit: too long is refused in words
        self.question_label.setBuddy(self.question_edit)
        self.question_edit.textEdited.connect(self._on_question_edit_text_edited)
        self.kind_label = field_label()
        self.kind_buttons = {kind: self._big() for kind in KIND_WORDS}
        for kind, button in self.kind_buttons.items():
            button.tapped.connect(lambda kind=kind: self._on_kind_tapped(kind))
        self._kind_grid = QGridLayout()
        self.visibility_label = field_label()
        self.visibility_buttons = {shown: self._big() for shown in VISIBILITY_WORDS}
        for shown, button in self.visibility_buttons.items():
            button.tapped.connect(lambda shown=shown: self._on_visibility_tapped(shown))
        self._visibility_grid = QGridLayout()
        gap = self.theme.metrics.gap_px
        card = form.card()
        inside = form.inside(card, gap)
        inside.addWidget(self.question_label)
        inside.addWidget(self.question_edit)
        inside.addSpacing(gap // 2)
        inside.addWidget(self.kind_label)
        inside.addLayout(self._kind_grid)
        inside.addSpacing(gap // 2)
        inside.addWidget(self.visibility_label)
        inside.addLayout(self._visibility_grid)
        return card

    def _build_when(self) -> QWidget:
        """When it opens ("Now", or a day and time) and when it closes."""
        kit = {"words": self.words, "pictures": self.pictures, "theme": self.theme}
        self.opens_label = field_label()
        self.opens_picker = WhenPicker(now=self._now, offer_now=True, **kit)
        self.closes_label = field_label()
        self.closes_picker = WhenPicker(now=self._now, **kit)
        for picker in (self.opens_picker, self.closes_picker):
            picker.changed.connect(self._on_picker_changed)
        gap = self.theme.metrics.gap_px
        card = form.card()
        inside = form.inside(card, gap)
        inside.addWidget(self.opens_label)
        inside.addWidget(self.opens_picker)
        inside.addSpacing(gap // 2)
        inside.addWidget(self.closes_label)
        inside.addWidget(self.closes_picker)
        return card

    def _build_chosen(self) -> QWidget:
        """The choices so far, each with Remove."""
        self.choices_heading = form.section_heading()
        self.no_choices_label = QLabel()
        self.no_choices_label.setWordWrap(True)
        self._chosen_host = QWidget()
        self._chosen = QVBoxLayout(self._chosen_host)
        self._chosen.setContentsMargins(0, 0, 0, 0)
        self.full_label = QLabel()
        self.full_label.setWordWrap(True)
        self.full_label.setProperty("role", "notice")
        card = form.card()
        inside = form.inside(card, self.theme.metrics.gap_px)
        inside.addWidget(self.choices_heading)
        inside.addWidget(self.no_choices_label)
        inside.addWidget(self._chosen_host)
        inside.addWidget(self.full_label)
        return card

    def _build_adding(self) -> QWidget:
        """Adding a choice: from the activities, from residents' ideas, or typed."""
        gap = self.theme.metrics.gap_px
        self.add_heading = form.section_heading()
        self.source_buttons = {key: self._big(picture) for key, picture, _ in SOURCES}
        for key, button in self.source_buttons.items():
            button.tapped.connect(lambda key=key: self._on_source_tapped(key))
        self._source_grid = QGridLayout()
        self.no_activities_label = QLabel()
        self.no_activities_label.setWordWrap(True)
        self.no_ideas_label = QLabel()
        self.no_ideas_label.setWordWrap(True)
        self._grids_host = QVBoxLayout()
        self.typed_panel = QWidget()
        self.typed_label = field_label()
        self.typed_edit = QLineEdit()
        self.typed_label.setBuddy(self.typed_edit)
        self.typed_picture_label = field_label()
        self._typed_grid_host = QVBoxLayout()
        self.add_typed_button = self._big("check")
        self.add_typed_button.tapped.connect(self._on_add_typed_button_tapped)
        typed = form.column(self.typed_panel, gap // 2)
        typed.addWidget(self.typed_label)
        typed.addWidget(self.typed_edit)
        typed.addSpacing(gap // 2)
        typed.addWidget(self.typed_picture_label)
        typed.addLayout(self._typed_grid_host)
        typed.addSpacing(gap // 2)
        typed.addLayout(form.row_of([self.add_typed_button], gap))
        self.add_card = form.card()
        inside = form.inside(self.add_card, gap)
        inside.setSpacing(gap)
        inside.addWidget(self.add_heading)
        inside.addLayout(self._source_grid)
        inside.addWidget(self.no_activities_label)
        inside.addWidget(self.no_ideas_label)
        inside.addLayout(self._grids_host)
        inside.addWidget(self.typed_panel)
        self._make_grids()
        return self.add_card

    def _make_grids(self) -> None:
        """The pages of activities, ideas and pictures: fewer to a row at large text."""
        for old in ("activity_grid", "idea_grid", "typed_picture_grid"):
            grid = getattr(self, old, None)
            if isinstance(grid, ChoiceGrid):
                discard(grid)
        columns = 2 if self._large else 3
        kit = {"words": self.words, "pictures": self.pictures, "theme": self.theme}
        self.activity_grid = ChoiceGrid(columns=columns, horizontal=True, **kit)
        self.idea_grid = ChoiceGrid(columns=columns, horizontal=True, **kit)
        self.typed_picture_grid = ChoiceGrid(columns=columns, horizontal=True, **kit)
        self.activity_grid.chosen.connect(self._on_activity_grid_chosen)
        self.idea_grid.chosen.connect(self._on_idea_grid_chosen)
        self.typed_picture_grid.chosen.connect(self._on_typed_picture_grid_chosen)
        self._grids_host.addWidget(self.activity_grid)
        self._grids_host.addWidget(self.idea_grid)
        self._typed_grid_host.addWidget(self.typed_picture_grid)

    @property
    def _large(self) -> bool:
        return self.theme.metrics.scale >= 1.5

    def _arrange(self) -> None:
        """Rows of buttons; fewer to a row when the text is large, so every word fits."""
        gap = self.theme.metrics.gap_px
        columns = 1 if self._large else 2
        layout = self.layout()
        assert layout is not None
        layout.setSpacing(gap)
        self._chosen.setSpacing(gap)
        form.grid_of(self._kind_grid, list(self.kind_buttons.values()), columns, gap)
        form.grid_of(self._visibility_grid, list(self.visibility_buttons.values()), columns, gap)
        form.grid_of(
            self._source_grid, list(self.source_buttons.values()), 1 if self._large else 3, gap
        )

    # -- what the screen uses ----------------------------------------------------------------

    def start(self, activities: Sequence[Activity], ideas: Sequence[Idea]) -> None:
        """A fresh form: choose one, results hidden, opens now, closes in three days at 5
        in the afternoon, no choices yet. ``activities`` and ``ideas`` are offered (those
        still offered, and residents' activity ideas still open or agreed)."""
        now = self._now()
        self.question_edit.clear()
        self.typed_edit.clear()
        self.kind = PollKind.CHOOSE_ONE
        self.visibility = ResultsVisibility.AFTER_CLOSE
        self.choices = []
        self.source = ACTIVITIES
        self.typed_picture = TYPED_PICTURES[0][0]
        self.catalogue = [activity for activity in activities if not activity.archived]
        self.activity_ideas = [
            idea
            for idea in ideas
            if idea.topic is ProposalTopic.ACTIVITY and idea.status in IDEA_STATUSES
        ]
        self.opens_picker.set_moment(now)
        self.opens_picker.set_now()
        closes = now.date() + timedelta(days=CLOSES_AFTER_DAYS)
        self.closes_picker.set_moment(datetime.combine(closes, CLOSES_AT, tzinfo=now.tzinfo))
        for picker in (self.opens_picker, self.closes_picker):
            picker.set_open(False)
        self._fill_grids()
        self._show()

    def new_poll(self, now: datetime) -> NewPoll:
        """The poll as it stands ("Now" is ``now``), to hand to the polls service."""
        opens = self.opens_picker
        return NewPoll(
            question=self.question_edit.text(),
            options=tuple(choice.option() for choice in self.choices),
            opens_at=now if opens.is_now else opens.moment(),
            closes_at=self.closes_picker.moment(),
            kind=self.kind,
            visibility=self.visibility,
        )

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.heading.setText(gettext("A new poll"))
        self.question_label.setText(gettext("The question"))
        self.question_edit.setAccessibleName(gettext("The question"))
        self.question_edit.setPlaceholderText(gettext("What shall we do on Saturday?"))
        self.kind_label.setText(gettext("How do residents answer?"))
        for kind, button in self.kind_buttons.items():
            button.set_words(gettext(KIND_WORDS[kind]))
        self.visibility_label.setText(gettext("Can residents see the results while it is open?"))
        for shown, button in self.visibility_buttons.items():
            button.set_words(gettext(VISIBILITY_WORDS[shown]))
        self.opens_label.setText(gettext("When does it open?"))
        self.closes_label.setText(gettext("When does it close?"))
        for picker in (self.opens_picker, self.closes_picker):
            picker.retranslate()
        self.no_choices_label.setText(
            gettext("No choices yet. Add from 2 to {most} from below.").format(most=OPTIONS_MAX)
        )
        self.full_label.setText(
            gettext(
                "That is {most} choices, the most a vote can have. Remove one to add another."
            ).format(most=OPTIONS_MAX)
        )
        self.add_heading.setText(gettext("Add a choice"))
        for key, _, words in SOURCES:
            self.source_buttons[key].set_words(gettext(words))
        self.no_activities_label.setText(
            gettext("There are no activities yet. Add them to the activities first.")
        )
        self.no_ideas_label.setText(gettext("No residents' activity ideas are waiting just now."))
        self.typed_label.setText(gettext("Words for the choice"))
        self.typed_edit.setAccessibleName(gettext("Words for the choice"))
        self.typed_picture_label.setText(gettext("Its picture"))
        self.add_typed_button.set_words(gettext("Add this choice"))
        self._fill_grids()
        self._show()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        for button in self.findChildren(BigButton):
            button.set_theme(theme)
        for picker in (self.opens_picker, self.closes_picker):
            picker.apply_theme(theme)
        self._make_grids()
        self._arrange()
        self.retranslate()

    # -- drawing -------------------------------------------------------------------------------

    def _show(self) -> None:
        """The choices made, ticked; the choices so far; what can be added."""
        gettext = self.words.gettext
        for kind, button in self.kind_buttons.items():
            button.set_chosen(kind is self.kind)
        for shown, button in self.visibility_buttons.items():
            button.set_chosen(shown is self.visibility)
        self.choices_heading.setText(
            gettext("Choices: {count} of {most}").format(count=len(self.choices), most=OPTIONS_MAX)
        )
        self.no_choices_label.setVisible(not self.choices)
        self._fill_choice_rows()
        full = len(self.choices) >= OPTIONS_MAX
        self.full_label.setVisible(full)
        self.add_card.setVisible(not full)  # a seventh is never offered
        for key, button in self.source_buttons.items():
            button.set_chosen(key == self.source)
        self.activity_grid.setVisible(self.source == ACTIVITIES and bool(self.catalogue))
        self.no_activities_label.setVisible(self.source == ACTIVITIES and not self.catalogue)
        self.idea_grid.setVisible(self.source == IDEAS and bool(self.activity_ideas))
        self.no_ideas_label.setVisible(self.source == IDEAS and not self.activity_ideas)
        self.typed_panel.setVisible(self.source == TYPED)

    def _fill_grids(self) -> None:
        """The activities, ideas and pictures to choose from, those chosen ticked."""
        gettext = self.words.gettext
        chosen = {choice.key for choice in self.choices}
        self.activity_grid.set_choices(
            [Choice(f"activity:{a.id}", a.picture, a.title) for a in self.catalogue],
            ticked=chosen,
        )
        self.idea_grid.set_choices(
            [
                Choice(f"idea:{idea.id}", idea.picture, idea.title, self.wanted_words(idea))
                for idea in self.activity_ideas
            ],
            ticked=chosen,
        )
        self.typed_picture_grid.set_choices(
            [Choice(key, key, gettext(words)) for key, words in TYPED_PICTURES],
            ticked={self.typed_picture} if self.typed_picture else set(),
        )

    def wanted_words(self, idea: Idea) -> str:
        """ "3 people want this"."""
        return self._wanted(wanted_by(idea))

    def _wanted(self, count: int) -> str:
        return self.words.ngettext(
            "{count} person wants this", "{count} people want this", count
        ).format(count=count)

    def _fill_choice_rows(self) -> None:
        for row in self.choice_rows:
            self._chosen.removeWidget(row)
            discard(row)
        self.choice_rows = []
        for index, choice in enumerate(self.choices):
            row = _ChoiceRow(
                index,
                choice,
                self._source_words(choice),
                words=self.words,
                pictures=self.pictures,
                theme=self.theme,
            )
            row.remove_button.tapped.connect(lambda key=choice.key: self._take_off(key))
            self._chosen.addWidget(row)
            self.choice_rows.append(row)
        self._chosen_host.setVisible(bool(self.choices))

    def _source_words(self, choice: DraftChoice) -> str:
        gettext = self.words.gettext
        if choice.proposal_id is not None:
            return gettext("A resident's idea: {wanted}").format(
                wanted=self._wanted(choice.wanted_by)
            )
        if choice.activity_id is not None:
            return gettext("From the activities")
        return gettext("Typed in")

    # -- choosing ------------------------------------------------------------------------------

    def _add(self, choice: DraftChoice) -> None:
        if any(each.key == choice.key for each in self.choices):
            self._take_off(choice.key)  # touched again: taken off
            return
        if len(self.choices) >= OPTIONS_MAX:
            return  # never offered; a quick second touch as the grid hides
        self.problem.emit("")
        self.choices.append(choice)
        self._tick(choice.key, True)
        self._show()

    def _take_off(self, key: str) -> None:
        self.choices = [choice for choice in self.choices if choice.key != key]
        self.problem.emit("")
        self._tick(key, False)
        self._show()

    def _tick(self, key: str, ticked: bool) -> None:
        for grid in (self.activity_grid, self.idea_grid):
            grid.set_ticked(key, ticked)

    def _on_question_edit_text_edited(self, _text: str) -> None:
        self.problem.emit("")

    def _on_kind_tapped(self, kind: PollKind) -> None:
        self.kind = kind
        self._show()

    def _on_visibility_tapped(self, shown: ResultsVisibility) -> None:
        self.visibility = shown
        self._show()

    def _on_picker_changed(self) -> None:
        self.problem.emit("")

    def _on_source_tapped(self, key: str) -> None:
        self.source = key
        self.typing_done.emit()
        self._show()

    def _on_activity_grid_chosen(self, key: str) -> None:
        activity = next((a for a in self.catalogue if f"activity:{a.id}" == key), None)
        if activity is not None:
            self._add(DraftChoice(key, activity.title, activity.picture, activity_id=activity.id))

    def _on_idea_grid_chosen(self, key: str) -> None:
        idea = next((i for i in self.activity_ideas if f"idea:{i.id}" == key), None)
        if idea is not None:
            self._add(
                DraftChoice(
                    key,
                    idea.title,
                    idea.picture,
                    activity_id=idea.activity_id,
                    proposal_id=idea.id,
                    wanted_by=wanted_by(idea),
                )
            )

    def _on_typed_picture_grid_chosen(self, key: str) -> None:
        if self.typed_picture is not None:
            self.typed_picture_grid.set_ticked(self.typed_picture, False)
        self.typed_picture = key
        self.typed_picture_grid.set_ticked(key, True)

    def _on_add_typed_button_tapped(self) -> None:
        label = self.typed_edit.text()
        try:  # the words a choice may have, checked now: what was typed stays in the box
            clean_text(label, field="option", max_length=OPTION_LABEL_MAX, required=True)
        except ValidationError as refused:
            self.problem.emit(refused.text(self.words.gettext))
            return
        self._typed_count += 1
        self.typing_done.emit()
        self._add(DraftChoice(f"typed:{self._typed_count}", label, self.typed_picture))
        self.typed_edit.clear()


class _ChoiceRow(QWidget):
    """One choice on the new poll: its place, picture and words, where it came from, and
    Remove."""

    def __init__(
        self,
        index: int,
        choice: DraftChoice,
        source: str,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
    ) -> None:
        super().__init__()
        self.key = choice.key
        size = theme.metrics.small_picture_px
        picture = QLabel()
        picture.setPixmap(pictures.pixmap(choice.picture, size, choice.label, theme.palette))
        picture.setFixedSize(size, size)
        self.label = form.plain_label(f"{index + 1}. {choice.label}")
        self.label.setStyleSheet("font-weight: bold;")
        self.source_label = form.plain_label(source)
        self.source_label.setProperty("role", "quiet")
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.label)
        text.addWidget(self.source_label)
        self.remove_button = BigButton(
            "cross",
            words.gettext("Remove"),
            pictures=pictures,
            theme=theme,
            horizontal=True,
            small=True,
        )
        self.remove_button.setAccessibleName(
            words.gettext("Remove {choice}").format(choice=choice.label)
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(text, 1)
        layout.addWidget(self.remove_button)
