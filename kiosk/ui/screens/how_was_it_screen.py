"""How was it? (residents): an activity that has ended → a face → hear it back → Send.
Four taps from Home once the resident has chosen their face.

Only activities the resident may still say something about are offered (ended in the
last week, not cancelled, and they were there when staff recorded who came). Words are
there if they like ("Add some words"), never in the way. If they are signed out part-way,
the face and words they had chosen are kept on this kiosk and come back when they choose
the same activity again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.errors import KioskError
from kiosk.domain.residents import Resident
from kiosk.domain.schedule import (
    FEEDBACK_WORDS_MAX,
    FeedbackFace,
    GivenFeedback,
    SlotToReview,
)
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.choice_grid import Choice, ChoiceGrid
from kiosk.ui.widgets.typing_panel import TypingPanel
from kiosk.ui.widgets.words_label import WordsLabel

# The faces, happy first, each with its picture and its words: never colour alone.
FACES: tuple[tuple[FeedbackFace, str], ...] = (
    (FeedbackFace.GOOD, "face-happy"),
    (FeedbackFace.ALL_RIGHT, "face-neutral"),
    (FeedbackFace.NOT_GOOD, "face-sad"),
)
FACE_PICTURES = dict(FACES)
YOU_SAID = {
    FeedbackFace.GOOD: N_("You said: good."),
    FeedbackFace.ALL_RIGHT: N_("You said: all right."),
    FeedbackFace.NOT_GOOD: N_("You said: not good."),
}
# When it was, as people say it: "This morning", "Yesterday afternoon", "Tuesday evening".
MORNING, AFTERNOON, EVENING = "morning", "afternoon", "evening"
TODAY_WORDS = {
    MORNING: N_("This morning"),
    AFTERNOON: N_("This afternoon"),
    EVENING: N_("This evening"),
}
YESTERDAY_WORDS = {
    MORNING: N_("Yesterday morning"),
    AFTERNOON: N_("Yesterday afternoon"),
    EVENING: N_("Yesterday evening"),
}
DAY_WORDS = {
    MORNING: N_("{day} morning"),
    AFTERNOON: N_("{day} afternoon"),
    EVENING: N_("{day} evening"),
}
LAST_DAY_WORDS = {  # the same day of the week as today, a week ago
    MORNING: N_("Last {day} morning"),
    AFTERNOON: N_("Last {day} afternoon"),
    EVENING: N_("Last {day} evening"),
}
ACTIVITIES_AT_MOST = 6

# The steps, in the order a resident meets them.
CHOOSE, NOTHING, FACE, CONFIRM, WORDS, THANKS = range(6)


class FeedbackBox(Protocol):
    """What this screen needs from the schedule service."""

    def slots_to_review(
        self, actor: Actor, now: datetime | None = None
    ) -> Sequence[SlotToReview]: ...

    def give_feedback(
        self,
        actor: Actor,
        slot_id: int,
        face: FeedbackFace,
        words: str | None = None,
        now: datetime | None = None,
    ) -> GivenFeedback: ...

    def feedback_reader(self, viewer: Actor) -> str | None: ...


@dataclass
class _Saying:
    """What a resident has chosen so far about one activity."""

    slot_id: int
    face: FeedbackFace | None = None
    words: str | None = None  # the words they said "Done" to
    typed: str = ""  # what is in the box, "Done" or not


class HowWasItScreen(Screen):
    name = "how-was-it"
    say = Signal(str)  # words to read aloud now (the read-back before Send, the thanks)
    home_chosen = Signal()

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        schedule: FeedbackBox,
        signed_in: Callable[[], Resident | None],
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._schedule = schedule
        self._signed_in = signed_in
        self._now = now
        self.slots: list[SlotToReview] = []
        self.chosen: SlotToReview | None = None
        self._saying: _Saying | None = None
        self._kept: dict[int, _Saying] = {}  # by resident: left part-way (signed out)
        self._steps_taken: list[int] = []
        kit = {"pictures": pictures, "theme": theme}

        self.prompt = WordsLabel()
        self.prompt.setProperty("role", "heading")
        self.prompt.setWordWrap(True)
        self.problem = WordsLabel()
        self.problem.setProperty("role", "banner")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.steps = QStackedWidget()

        # Which activity
        self.activity_grid = ChoiceGrid(words=words, columns=2, horizontal=True, **kit)
        self.activity_grid.fit_rows_to_height(ACTIVITIES_AT_MOST)
        self.activity_grid.chosen.connect(self._on_activity_grid_chosen)

        # Nothing to say about
        nothing_page = QWidget()
        self.nothing_label = QLabel()
        self.nothing_label.setWordWrap(True)
        self.nothing_home_button = BigButton("home", "", large=True, **kit)
        self.nothing_home_button.tapped.connect(self.home_chosen)
        column = QVBoxLayout(nothing_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.metrics.gap_px)
        column.addWidget(self.nothing_label)
        column.addStretch(1)
        column.addLayout(_centred(self.nothing_home_button))

        # Which face
        face_page = QWidget()
        self.face_buttons: dict[FeedbackFace, BigButton] = {}
        row = QHBoxLayout()
        row.setSpacing(theme.metrics.gap_px)
        for face, picture in FACES:
            button = BigButton(picture, "", large=True, **kit)
            button.tapped.connect(lambda face=face: self._on_face_button_tapped(face))
            self.face_buttons[face] = button
            row.addWidget(button)
        column = QVBoxLayout(face_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addStretch(1)  # each face as tall as its picture and words, no taller

        # Hear it back, then Send
        confirm_page = QWidget()
        self.face_picture = QLabel()
        self.face_picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = WordsLabel()
        self.summary.setWordWrap(True)
        self.summary.setMinimumWidth(1)  # one very long word wraps, never widens the screen
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.summary_scroll = _scrolling(self.summary)
        self.add_words_button = BigButton("talk", "", horizontal=True, small=True, **kit)
        self.add_words_button.tapped.connect(self._on_add_words_button_tapped)
        self.send_button = BigButton("yes", "", horizontal=True, **kit)
        self.send_button.tapped.connect(self._on_send_button_tapped)
        top = QHBoxLayout()
        top.setSpacing(theme.metrics.gap_px)
        top.addWidget(self.face_picture, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.summary_scroll, 1)
        actions = QHBoxLayout()
        actions.setSpacing(theme.metrics.gap_px)
        actions.addWidget(self.add_words_button, 2)
        actions.addWidget(self.send_button, 3)
        column = QVBoxLayout(confirm_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.metrics.gap_px)
        column.addLayout(top, 1)
        column.addLayout(actions)

        # Typing some words
        self.words_typing = TypingPanel(words=words, max_length=FEEDBACK_WORDS_MAX, **kit)
        self.words_typing.done.connect(self._on_words_typing_done)

        # Thank you
        thanks_page = QWidget()
        self.thanks = WordsLabel()
        self.thanks.setProperty("role", "heading")
        self.thanks.setWordWrap(True)
        self.another_button = BigButton("feedback", "", large=True, **kit)
        self.another_button.tapped.connect(self._on_another_button_tapped)
        self.home_button = BigButton("home", "", large=True, **kit)
        self.home_button.tapped.connect(self.home_chosen)
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.metrics.gap_px)
        buttons.addWidget(self.another_button)
        buttons.addWidget(self.home_button)
        column = QVBoxLayout(thanks_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.metrics.gap_px)
        column.addWidget(self.thanks)
        column.addStretch(1)
        column.addLayout(buttons)

        for page in (
            self.activity_grid,
            nothing_page,
            face_page,
            confirm_page,
            self.words_typing,
            thanks_page,
        ):
            self.steps.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.metrics.gap_px // 2)  # words above the choices, not targets
        layout.addWidget(self.prompt)
        layout.addWidget(self.problem)
        layout.addWidget(self.steps, 1)
        self._show_only(CHOOSE)
        self.retranslate()

    # -- Screen ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("How was it?")

    @property
    def step(self) -> int:
        return self.steps.currentIndex()

    def refresh(self) -> None:
        """Each visit starts afresh with the activities the resident can say about now."""
        self._steps_taken = []
        self.chosen = None
        self._saying = None
        self.activity_grid.restart()
        problem = self._load_slots()
        self._go(CHOOSE if self.slots else NOTHING, remember=False)
        self._show_problem(problem)

    def step_back(self) -> bool:
        """Back goes to the step before, within the screen, until the first one."""
        if self.step == WORDS and self._saying is not None:
            self._saying.typed = self.words_typing.text()  # kept in the box, not sent
        if self.step == THANKS or not self._steps_taken:
            return False
        self._go(self._steps_taken.pop(), remember=False)
        return True

    def title_can_give_way(self) -> bool:
        return self.step == WORDS  # the question above the box says what to do

    def keep_unfinished(self) -> None:
        """Signed out part-way: keep the face and words on this kiosk for next time."""
        resident = self._signed_in()
        saying = self._saying
        if resident is None or saying is None or self.step in (CHOOSE, NOTHING, THANKS):
            return
        if self.step == WORDS:
            saying.typed = self.words_typing.text()
        if saying.face is not None or saying.typed or saying.words:
            self._kept[resident.id] = saying

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.activity_grid.retranslate()
        self.words_typing.retranslate()
        self.nothing_label.setText(
            gettext("When you have been to an activity, come back here to say how it was.")
        )
        self.nothing_home_button.set_words(gettext("Home"))
        for face, button in self.face_buttons.items():
            button.set_words(gettext(face.words))
        self.send_button.set_words(gettext("Send"))
        self.words_typing.prompt.setText(
            gettext("What would you like to say? You can say as much or as little as you like.")
        )
        self.another_button.set_words(gettext("Another activity"))
        self.home_button.set_words(gettext("Home"))
        if self.slots:
            self._fill_activities()
        self._show_step_words()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.activity_grid.apply_theme(theme)
        self.activity_grid.fit_rows_to_height(ACTIVITIES_AT_MOST)
        self.words_typing.apply_theme(theme)
        self._show_face_picture()

    # -- steps -------------------------------------------------------------------------------

    def _go(self, step: int, *, remember: bool = True) -> None:
        if remember and self.step != step:
            self._steps_taken.append(self.step)
        self._show_problem("")
        saying = self._saying
        if step == FACE and saying is not None:
            for face, button in self.face_buttons.items():
                button.set_chosen(face is saying.face)
        elif step == WORDS and saying is not None:
            self.words_typing.set_text(saying.typed or saying.words or "")
        elif step == CONFIRM:
            self.send_button.setEnabled(True)
        self._show_only(step)
        self._show_step_words()
        self.title_room_changed.emit()
        if step == CONFIRM:
            self.say.emit(self.summary.text())

    def _show_only(self, step: int) -> None:
        """Show ``step``; the hidden steps ask for no room (a stack is as tall as its
        tallest page otherwise, and the screen would not fit at large text)."""
        for index in range(self.steps.count()):
            page = self.steps.widget(index)
            policy = QSizePolicy.Policy.Preferred if index == step else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.steps.setCurrentIndex(step)

    def _show_step_words(self) -> None:
        gettext = self.words.gettext
        step = self.step
        title = self.chosen.title if self.chosen is not None else ""
        prompts = {
            CHOOSE: gettext("Which one would you like to say something about?"),
            NOTHING: gettext("Nothing to say about just now. Thank you!"),
            FACE: gettext("{activity}: how was it?").format(activity=title),
            CONFIRM: gettext("Is this right?"),
        }
        self.prompt.setVisible(step in prompts)
        self.prompt.setText(prompts.get(step, ""))
        if step == CONFIRM:
            self.summary.setText(self.summary_words())
            self._show_face_picture()
            said_words = self._saying is not None and bool(self._saying.words)
            self.add_words_button.set_words(
                gettext("Change my words") if said_words else gettext("Add some words")
            )

    def summary_words(self) -> str:
        """ "Tuesday evening: Quiz. You said: good." and the resident's words, if any."""
        gettext = self.words.gettext
        saying, slot = self._saying, self.chosen
        if saying is None or saying.face is None or slot is None:
            return ""
        lines = [
            gettext("{when}: {activity}.").format(when=self.when_words(slot), activity=slot.title),
            gettext(YOU_SAID[saying.face]),
        ]
        if saying.words:
            lines.append(gettext("Your words: {words}").format(words=saying.words))
        return "\n".join(lines)

    def when_words(self, slot: SlotToReview) -> str:
        """ "This morning", "Yesterday afternoon", "Tuesday evening", "Last Friday morning"."""
        gettext = self.words.gettext
        start = slot.starts_at
        part = MORNING if start.hour < 12 else AFTERNOON if start.hour < 17 else EVENING
        today = self._moment_now().astimezone(start.tzinfo).date()
        days_ago = (today - start.date()).days
        if days_ago <= 0:
            return gettext(TODAY_WORDS[part])
        if days_ago == 1:
            return gettext(YESTERDAY_WORDS[part])
        chosen = LAST_DAY_WORDS if days_ago >= 7 else DAY_WORDS
        return gettext(chosen[part]).format(day=self.words.day_name(start.date()))

    def _show_face_picture(self) -> None:
        saying = self._saying
        if saying is None or saying.face is None:
            return
        size = self.theme.metrics.picture_px * (2 if self.theme.metrics.scale < 1.5 else 1)
        words = self.words.gettext(saying.face.words)
        self.face_picture.setPixmap(
            self.pictures.pixmap(FACE_PICTURES[saying.face], size, words, self.theme.palette)
        )
        self.face_picture.setAccessibleName(words)

    # -- what the resident chooses -------------------------------------------------------------

    def _load_slots(self) -> str:
        """The activities to offer; a refusal in words ("" when there is none)."""
        actor = self._actor()
        self.slots = []
        problem = ""
        if actor is not None:
            try:
                self.slots = list(self._schedule.slots_to_review(actor, now=self._moment()))
            except KioskError as error:
                problem = error.text(self.words.gettext)
        self._fill_activities()
        return problem

    def _fill_activities(self) -> None:
        self.activity_grid.set_choices(
            [
                Choice(
                    str(slot.slot_id), slot.picture or "activity", slot.title, self.when_words(slot)
                )
                for slot in self.slots
            ]
        )

    def _on_activity_grid_chosen(self, key: str) -> None:
        slot = next((s for s in self.slots if str(s.slot_id) == key), None)
        if slot is None:
            return
        resident = self._signed_in()
        kept = self._kept.get(resident.id) if resident is not None else None
        if kept is not None and kept.slot_id == slot.slot_id:
            self._saying = kept
        elif self._saying is None or self._saying.slot_id != slot.slot_id:
            self._saying = _Saying(slot.slot_id)
        self.chosen = slot
        self._go(FACE)

    def _on_face_button_tapped(self, face: FeedbackFace) -> None:
        if self._saying is None:
            return
        self._saying.face = face
        self._go(CONFIRM)

    def _on_add_words_button_tapped(self) -> None:
        self._go(WORDS)

    def _on_words_typing_done(self) -> None:
        saying = self._saying
        if saying is None:
            return
        typed = self.words_typing.text()
        if len(typed) > FEEDBACK_WORDS_MAX:
            self._show_problem(
                self.words.gettext(
                    "This is too long. Please keep it under {limit} letters."
                ).format(limit=FEEDBACK_WORDS_MAX)
            )
            return
        saying.typed = typed
        saying.words = typed.strip() or None
        self._go(CONFIRM, remember=False)
        if self._steps_taken and self._steps_taken[-1] == CONFIRM:
            self._steps_taken.pop()  # Back from here goes to the faces, not round again

    def _on_send_button_tapped(self) -> None:
        actor = self._actor()
        saying, slot = self._saying, self.chosen
        if actor is None or saying is None or saying.face is None or slot is None:
            return
        if not self.send_button.isEnabled():
            return
        self.send_button.setEnabled(False)  # one tap sends once
        gettext = self.words.gettext
        try:
            self._schedule.give_feedback(
                actor, slot.slot_id, saying.face, saying.words, now=self._moment()
            )
        except KioskError as error:
            self.send_button.setEnabled(True)
            self._show_problem(error.text(gettext))
            return
        resident = self._signed_in()
        if resident is not None:
            self._kept.pop(resident.id, None)
        self.thanks.setText(self._thanks_words(actor))
        self._steps_taken = []
        self._saying = None
        self.slots = [s for s in self.slots if s.slot_id != slot.slot_id]
        self.another_button.setVisible(bool(self.slots))
        self._go(THANKS, remember=False)
        self.say.emit(self.thanks.text())

    def _thanks_words(self, actor: Actor) -> str:
        gettext = self.words.gettext
        try:
            reader = self._schedule.feedback_reader(actor)
        except KioskError:
            reader = None
        if reader:
            return gettext("Thank you! {name} will read this.").format(name=reader)
        return gettext("Thank you! The staff will read this.")

    def _on_another_button_tapped(self) -> None:
        self.refresh()

    # -- helpers -------------------------------------------------------------------------------

    def _actor(self) -> Actor | None:
        resident = self._signed_in()
        return Actor.resident(resident.id) if resident is not None else None

    def _moment(self) -> datetime | None:
        """The clock the screen was given (tests, the demo), or None: the service's own."""
        return self._now() if self._now is not None else None

    def _moment_now(self) -> datetime:
        return self._moment() or datetime.now(UTC)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


def _centred(widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget, 2)
    row.addStretch(1)
    return row


def _scrolling(label: QLabel) -> QScrollArea:
    """Long words scroll rather than push the buttons off the screen."""
    inner = QWidget()
    inner.setObjectName("content")
    column = QVBoxLayout(inner)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(label)
    column.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(inner)
    return scroll
