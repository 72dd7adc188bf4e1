"""Vote: the open votes as big picture cards → choose (or yes / maybe / no for each) → hear
it read back → "Yes, that's my vote". Four taps from Home once the resident has chosen
their face. Closed votes show what people chose: a big, plain bar chart, read aloud.

One ballot per resident per vote, changeable until it closes: a resident who has voted
sees their choice already picked. The ballot is always the resident's at the kiosk now
(the service checks it is the one who started), and one tap casts once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, tzinfo
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.enums import BallotAnswer, PollKind
from kiosk.domain.errors import KioskError
from kiosk.domain.polls import (
    MyBallot,
    Poll,
    PollClosedError,
    PollNotOpenError,
    PollOption,
    PollResults,
)
from kiosk.domain.residents import Resident
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.discard import discard
from kiosk.ui.form_parts import plain_label
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.choice_grid import Choice, ChoiceGrid
from kiosk.ui.widgets.results_chart import ResultsChart
from kiosk.ui.widgets.step_stack import StepStack

# The three faces, always with their words (never colour alone).
FACES: tuple[tuple[BallotAnswer, str, str], ...] = (
    (BallotAnswer.YES, "face-happy", N_("Yes")),
    (BallotAnswer.MAYBE, "face-neutral", N_("Maybe")),
    (BallotAnswer.NO, "face-sad", N_("No")),
)
FACE_WORDS = {answer: words for answer, _, words in FACES}
CLOSED_SHOWN = 3  # recent closed votes under the open ones
CARDS_AT_MOST = 6

# The steps, in the order a resident meets them.
LIST, CHOOSE, FACES_STEP, CONFIRM, THANKS, RESULTS = range(6)


class PollBox(Protocol):
    """The polls service, as a resident uses it."""

    def polls_open(self, viewer: Actor, *, now: datetime | None = None) -> Sequence[Poll]: ...
    def polls_closed(
        self, viewer: Actor, *, now: datetime | None = None, limit: int = ...
    ) -> Sequence[Poll]: ...
    def poll(self, viewer: Actor, poll_id: int) -> Poll: ...
    def results(
        self, viewer: Actor, poll_id: int, *, now: datetime | None = None
    ) -> PollResults: ...
    def cast_ballot(
        self,
        actor: Actor,
        poll_id: int,
        answers: Mapping[int, BallotAnswer],
        *,
        resident_id: int | None = None,
        now: datetime | None = None,
    ) -> MyBallot: ...


class VoteScreen(Screen):
    name = "vote"
    say = Signal(str)  # words to read aloud now (the read-back, the thanks, the results)
    home_chosen = Signal()

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        polls: PollBox,
        signed_in: Callable[[], Resident | None],
        now: Callable[[], datetime] | None = None,
        home_zone: Callable[[], tzinfo] | None = None,
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._polls = polls
        self._signed_in = signed_in
        self._now = now
        self._home_zone = home_zone
        self._open: list[Poll] = []
        self._closed: list[Poll] = []
        self.poll: Poll | None = None  # the vote being looked at
        self._voter_id: int | None = None  # who opened it: only they vote in it
        self.answers: dict[int, BallotAnswer] = {}  # chosen, not yet cast
        self._casting = False
        self._changed = False  # the vote cast changed an earlier one
        self._closed_meanwhile = False  # the vote closed while they were voting

        self.prompt = _label(role="heading")
        self.note = _label()
        self.problem = _label(role="banner")
        self.problem.hide()
        self.steps = StepStack()
        kit = {"pictures": pictures, "theme": theme}

        # The votes
        self.poll_grid = ChoiceGrid(words=words, columns=1, horizontal=True, **kit)
        self.poll_grid.fit_rows_to_height(CARDS_AT_MOST)
        self.poll_grid.chosen.connect(self._on_poll_grid_chosen)

        # Choose one
        self.option_grid = ChoiceGrid(words=words, **kit)
        self.option_grid.fit_rows_to_height(CARDS_AT_MOST)
        self.option_grid.chosen.connect(self._on_option_grid_chosen)

        # Yes, maybe or no for each
        self.faces = _FaceRows(words=words, **kit)
        self.faces.answered.connect(self._on_faces_answered)
        self.faces.done.connect(self._on_faces_done)

        # Hear it back, then "Yes, that's my vote"
        confirm_page = QWidget()
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = _label(role="heading")
        summary_box = QWidget()
        summary_box.setObjectName("content")
        summary_row = QHBoxLayout(summary_box)
        summary_row.setContentsMargins(0, 0, 0, 0)
        summary_row.setSpacing(theme.metrics.gap_px)
        summary_row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        summary_row.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignTop)
        self.summary_scroll = _scroll(summary_box)
        self.choose_again_button = BigButton("back", "", horizontal=True, **kit)
        self.choose_again_button.tapped.connect(self._on_choose_again_button_tapped)
        self.confirm_button = BigButton("yes", "", horizontal=True, **kit)
        self.confirm_button.tapped.connect(self._on_confirm_button_tapped)
        column = QVBoxLayout(confirm_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.metrics.gap_px)
        column.addWidget(self.summary_scroll, 1)
        column.addLayout(_row(theme, self.choose_again_button, self.confirm_button))

        # Thank you (with the results so far, when they are shown all along)
        thanks_page = _ResultsPage(words=words, **kit)
        self.thanks_chart = thanks_page.chart
        self.thanks_scroll = thanks_page.scroll
        self.other_votes_button = thanks_page.other_votes_button
        self.home_button = thanks_page.home_button

        # What people chose
        results_page = _ResultsPage(words=words, **kit)
        self.chart = results_page.chart
        self.results_scroll = results_page.scroll
        self.results_other_button = results_page.other_votes_button
        self.results_home_button = results_page.home_button

        self._results_pages = (thanks_page, results_page)
        for page in self._results_pages:
            page.other_votes_button.tapped.connect(self._on_other_votes_button_tapped)
            page.home_button.tapped.connect(self.home_chosen)

        for page in (
            self.poll_grid,
            self.option_grid,
            self.faces,
            confirm_page,
            thanks_page,
            results_page,
        ):
            self.steps.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.metrics.gap_px // 2)  # words above the choices, not targets
        layout.addWidget(self.prompt)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(self.steps, 1)
        self.retranslate()

    # -- Screen ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Vote")

    @property
    def step(self) -> int:
        return self.steps.step

    def refresh(self) -> None:
        """Each visit starts afresh, for whoever is at the kiosk now."""
        self._start_afresh()
        self._read_lists()
        if len(self._open) == 1 and not self._closed:
            self._open_poll(self._open[0].id)  # one vote, nothing else: straight to it
            if self.poll is not None:
                self.steps.forget()  # Back leaves, as from the list
                return
        self._go(LIST, remember=False)

    def step_back(self) -> bool:
        """Back goes to the step before, within the screen, until the first one."""
        step = self.steps.step_before()
        if step is None:
            return False
        if step == LIST:
            self._read_lists()
        self._go(step, remember=False)
        return True

    def retranslate(self) -> None:
        gettext = self.words.gettext
        for grid in (self.poll_grid, self.option_grid):
            grid.retranslate()
        self.faces.retranslate()
        for page in self._results_pages:
            page.retranslate()
        self.choose_again_button.set_words(gettext("Choose again"))
        self.confirm_button.set_words(gettext("Yes, that's my vote"))
        if self.step == LIST:
            self._fill_polls()
        elif self.step == CHOOSE:
            self._fill_options()
        self._show_step_words()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        for grid in (self.poll_grid, self.option_grid):
            grid.apply_theme(theme)
        self.poll_grid.fit_rows_to_height(CARDS_AT_MOST)
        self.option_grid.fit_rows_to_height(CARDS_AT_MOST)
        self.faces.apply_theme(theme)
        for page in self._results_pages:
            page.chart.apply_theme(theme)
        self._show_picture()

    def reading_items(self) -> list[tuple[QWidget | None, str]]:
        """As shown; with yes / maybe / no, each choice is read with its own three faces."""
        if self.step != FACES_STEP:
            return super().reading_items()
        items: list[tuple[QWidget | None, str]] = [(None, self.title())]
        items += [
            (label, label.text())
            for label in (self.prompt, self.note, self.problem)
            if label.isVisibleTo(self) and label.text()
        ]
        return items + self.faces.reading_items()

    # -- steps -----------------------------------------------------------------------------

    def _go(self, step: int, *, remember: bool = True) -> None:
        if step != RESULTS:
            self._closed_meanwhile = False
        self._show_problem("")
        if step == LIST:
            self.poll = None
            self._fill_polls()
        elif step == CHOOSE:
            self._fill_options()
        elif step == FACES_STEP and self.poll is not None:
            self.faces.set_rows(self.poll.options, self.answers)
        elif step == CONFIRM:
            self.confirm_button.setEnabled(True)
            self._casting = False
        self.steps.show_step(step, remember=remember)
        self._show_step_words()
        self.title_room_changed.emit()
        if step == CONFIRM:
            self.say.emit(self.summary.text())

    def _start_afresh(self) -> None:
        resident = self._signed_in()
        self._voter_id = resident.id if resident is not None else None
        self.poll = None
        self.answers = {}
        self.steps.forget()
        self._casting = False
        self._closed_meanwhile = False
        self.poll_grid.restart()
        self.thanks_chart.show_results(None)
        self.chart.show_results(None)

    def _read_lists(self) -> None:
        actor = self._actor()
        if actor is None:
            self._open, self._closed = [], []
            return
        moment = self._moment()
        self._open = list(self._polls.polls_open(actor, now=moment))
        self._closed = list(self._polls.polls_closed(actor, now=moment, limit=CLOSED_SHOWN))

    def _show_step_words(self) -> None:
        gettext = self.words.gettext
        step, poll = self.step, self.poll
        note = ""
        if step == LIST:
            if self._open:
                prompt = gettext("Which vote would you like?")
            elif self._closed:
                prompt = gettext("There is no vote open just now.")
                note = gettext("Here is what people chose before.")
            else:
                prompt = gettext("There is nothing to vote on just now.")
        elif step == THANKS:
            prompt = self._thanks_words()
            if poll is not None and self.thanks_chart.results is None:
                note = gettext("We will share what people chose {when}.").format(
                    when=self._when(poll.closed_at)
                )
        else:
            prompt = poll.question if poll is not None else ""
            if poll is not None and step == CHOOSE:
                note = self._choose_note(poll)
            elif poll is not None and step == FACES_STEP:
                note = gettext("For each one, touch Yes, Maybe or No.")
        self.prompt.setText(prompt)
        self.prompt.setVisible(bool(prompt))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        if step == CONFIRM:
            self.summary.setText(self._summary_words())
            self._show_picture()
        if step == RESULTS and self._closed_meanwhile and poll is not None:
            self._show_problem(self._closed_words(poll))

    def _thanks_words(self) -> str:
        if self._changed:
            return self.words.gettext("Thank you, your vote is changed.")
        return self.words.gettext("Thank you, your vote is in.")

    def _choose_note(self, poll: Poll) -> str:
        gettext = self.words.gettext
        when = self._when(poll.closed_at)
        chosen = poll.option(self.chosen_option() or 0)
        if poll.my_ballot is not None and chosen is not None:
            return gettext(
                "You chose {choice}. You can change it until the vote closes {when}."
            ).format(choice=chosen.label, when=when)
        return gettext("Touch the one you would like. The vote closes {when}.").format(when=when)

    def chosen_option(self) -> int | None:
        """The option picked, in a choose-one vote."""
        return next(
            (key for key, answer in self.answers.items() if answer is BallotAnswer.CHOSEN), None
        )

    def _summary_words(self) -> str:
        gettext = self.words.gettext
        poll = self.poll
        if poll is None:
            return ""
        if poll.kind is PollKind.CHOOSE_ONE:
            chosen = poll.option(self.chosen_option() or 0)
            return gettext("You chose: {choice}. Is that right?").format(
                choice=chosen.label if chosen is not None else ""
            )
        lines = [gettext("You said:")]
        for option in poll.options:
            answer = self.answers.get(option.id)
            if answer is not None:
                lines.append(
                    gettext("{choice}: {answer}").format(
                        choice=option.label, answer=gettext(FACE_WORDS[answer])
                    )
                )
        lines.append(gettext("Is that right?"))
        return "\n".join(lines)

    def _show_picture(self) -> None:
        poll = self.poll
        picture = "vote"
        words = ""
        if poll is not None and poll.kind is PollKind.CHOOSE_ONE:
            chosen = poll.option(self.chosen_option() or 0)
            if chosen is not None:
                picture, words = chosen.picture or "vote", chosen.label
        size = self.theme.metrics.picture_px * (2 if self.theme.metrics.scale < 1.5 else 1)
        self.picture.setPixmap(self.pictures.pixmap(picture, size, words, self.theme.palette))

    # -- the votes -------------------------------------------------------------------------

    def _fill_polls(self) -> None:
        gettext = self.words.gettext
        choices: list[Choice] = []
        voted: set[str] = set()
        for poll in self._open:
            key = f"open:{poll.id}"
            lines = []
            if poll.my_ballot is not None:
                voted.add(key)
                chosen = poll.option(poll.my_ballot.chosen or 0)
                lines.append(
                    gettext("You have voted: {choice}").format(choice=chosen.label)
                    if chosen is not None
                    else gettext("You have voted")
                )
            lines.append(gettext("Closes {when}").format(when=self._when(poll.closed_at)))
            choices.append(Choice(key, "vote", poll.question, "\n".join(lines)))
        for poll in self._closed:
            choices.append(
                Choice(
                    f"closed:{poll.id}", "people", poll.question, gettext("See what people chose")
                )
            )
        self.poll_grid.set_choices(choices, ticked=voted)

    def _on_poll_grid_chosen(self, key: str) -> None:
        kind, _, number = key.partition(":")
        if kind == "closed":
            self.poll = next((p for p in self._closed if p.id == int(number)), None)
            if self.poll is not None:
                self._show_results(remember=True)
            return
        self._open_poll(int(number))

    def _open_poll(self, poll_id: int) -> None:
        """Open a vote, fresh: it may have closed, or been voted in elsewhere, since."""
        actor = self._actor()
        if actor is None:
            return
        try:
            poll = self._polls.poll(actor, poll_id)
        except KioskError as error:
            self._show_problem(error.text(self.words.gettext))
            return
        self.poll = poll
        self.option_grid.restart()
        ballot = poll.my_ballot
        self.answers = dict(ballot.answers) if ballot is not None else {}
        if poll.is_closed(self._moment()):
            self._show_results(remember=True, closed_meanwhile=True)
            return
        if not poll.is_open(self._moment()):
            self._show_problem(PollNotOpenError(poll.id, poll.opens_at).text(self.words.gettext))
            return
        self._go(CHOOSE if poll.kind is PollKind.CHOOSE_ONE else FACES_STEP)

    # -- choosing --------------------------------------------------------------------------

    def _fill_options(self) -> None:
        poll = self.poll
        if poll is None:
            return
        chosen = self.chosen_option()
        self.option_grid.set_choices(
            [Choice(str(option.id), option.picture, option.label) for option in poll.options],
            ticked={str(chosen)} if chosen is not None else set(),
        )

    def _on_option_grid_chosen(self, key: str) -> None:
        self.answers = {int(key): BallotAnswer.CHOSEN}
        self._go(CONFIRM)

    def _on_faces_answered(self, option_id: int, answer: str) -> None:
        self.answers[option_id] = BallotAnswer(answer)
        self._show_problem("")

    def _on_faces_done(self) -> None:
        poll = self.poll
        if poll is None:
            return
        missing = [option for option in poll.options if option.id not in self.answers]
        if missing:
            self.faces.show_option(missing[0].id)
            self._show_problem(
                self.words.gettext("Please say yes, maybe or no to {choice} too.").format(
                    choice=missing[0].label
                )
            )
            return
        self._go(CONFIRM)

    def _on_choose_again_button_tapped(self) -> None:
        self.step_back()

    def _on_confirm_button_tapped(self) -> None:
        poll, actor = self.poll, self._actor()
        if poll is None or actor is None or self._casting or not self.confirm_button.isEnabled():
            return
        self._casting = True  # one tap casts once
        self.confirm_button.setEnabled(False)
        gettext = self.words.gettext
        changing = poll.my_ballot is not None
        try:
            self._polls.cast_ballot(
                actor,
                poll.id,
                dict(self.answers),
                resident_id=self._voter_id,
                now=self._moment(),
            )
        except PollClosedError:
            self._closed_under(poll, actor)
            return
        except KioskError as error:
            self._casting = False
            self.confirm_button.setEnabled(True)
            self._show_problem(error.text(gettext))
            return
        self._changed = changing
        self.thanks_chart.show_results(self._public_results(poll))
        self.steps.forget(back_to=LIST)
        self._go(THANKS, remember=False)
        spoken = [self._thanks_words(), self.note.text() if self.note.isVisible() else ""]
        if self.thanks_chart.results is not None:
            spoken += self.thanks_chart.reading_lines()
        self.say.emit("\n".join(line for line in spoken if line))

    def _on_other_votes_button_tapped(self) -> None:
        self.steps.forget()
        self.poll_grid.restart()
        self._read_lists()
        self._go(LIST, remember=False)

    # -- results ---------------------------------------------------------------------------

    def _public_results(self, poll: Poll) -> PollResults | None:
        """The results, when residents may see them now (closed, or shown all along)."""
        actor = self._actor()
        if actor is None or not poll.results_public(self._moment()):
            return None
        try:
            return self._polls.results(actor, poll.id, now=self._moment())
        except KioskError:
            return None

    def _closed_under(self, poll: Poll, actor: Actor) -> None:
        """The vote closed while they were choosing: say so kindly, and show the results."""
        try:
            self.poll = self._polls.poll(actor, poll.id)  # when it closed, as it is now
        except KioskError as error:
            self._show_problem(error.text(self.words.gettext))
            return
        self.steps.forget(back_to=LIST)
        self._show_results(remember=False, closed_meanwhile=True)

    def _show_results(self, *, remember: bool, closed_meanwhile: bool = False) -> None:
        poll = self.poll
        if poll is None:
            return
        results = self._public_results(poll)
        if results is None:
            self._show_problem(self.words.gettext("You will see the results when the vote closes."))
            return
        self.chart.show_results(results)
        self._go(RESULTS, remember=remember)
        self._closed_meanwhile = closed_meanwhile
        self._show_step_words()
        apology = self.problem.text() if closed_meanwhile else ""
        spoken = [apology, poll.question, *self.chart.reading_lines()]
        self.say.emit("\n".join(line for line in spoken if line))

    def _closed_words(self, poll: Poll) -> str:
        gettext = self.words.gettext
        closed = self._local(poll.closed_at)
        if closed.date() == self._local(self._moment()).date():
            return gettext("Sorry, this vote closed at {time}. Here is what people chose.").format(
                time=self.words.clock_time(closed)
            )
        return gettext("Sorry, this vote closed {when}. Here is what people chose.").format(
            when=self._when(poll.closed_at)
        )

    # -- helpers ---------------------------------------------------------------------------

    def _actor(self) -> Actor | None:
        resident = self._signed_in()
        return Actor.resident(resident.id) if resident is not None else None

    def _moment(self) -> datetime:
        return self._now() if self._now is not None else datetime.now(UTC)

    def _local(self, moment: datetime) -> datetime:
        """``moment`` on the home's clock (the kiosk's own clock when not told)."""
        zone = self._home_zone() if self._home_zone is not None else None
        return moment.astimezone(zone) if zone is not None else moment.astimezone()

    def _when(self, moment: datetime) -> str:
        """ "today at 17:00", "tomorrow at 17:00", "on Friday", "on Friday 4 December"."""
        gettext = self.words.gettext
        local = self._local(moment)
        today = self._local(self._moment()).date()
        days = (local.date() - today).days
        if days == 0:
            return gettext("today at {time}").format(time=self.words.clock_time(local))
        if days == 1:
            return gettext("tomorrow at {time}").format(time=self.words.clock_time(local))
        if 1 < days < 7:
            return gettext("on {day}").format(day=self.words.day_name(local.date()))
        return gettext("on {day}").format(day=self.words.day_and_date(local.date()))

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


class _FaceRows(QWidget):
    """Yes / maybe / no for each choice: a row each, as many rows as the height holds,
    "More ›" for the rest, and "Done" to hear the answers back."""

    answered = Signal(int, str)  # option id, the answer
    done = Signal()

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self.rows: list[_FaceRow] = []
        self.page = 0
        self.per_page = 1
        self._host = QWidget()
        self._host.setMinimumHeight(1)  # its height decides the rows, not the reverse
        self._host.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._rows = QVBoxLayout(self._host)
        self._rows.setContentsMargins(0, 0, 0, 0)
        kit = {"pictures": pictures, "theme": theme, "small": True}
        self.previous_button = BigButton(None, "", **kit)
        self.next_button = BigButton(None, "", **kit)
        self.done_button = BigButton("check", "", horizontal=True, **kit)
        self.previous_button.tapped.connect(lambda: self.turn(-1))
        self.next_button.tapped.connect(lambda: self.turn(+1))
        self.done_button.tapped.connect(self.done)
        for button in (self.previous_button, self.next_button):
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the rows' height stays put: no see-saw
            button.setSizePolicy(policy)
        self._pager = QHBoxLayout()
        self._pager.addWidget(self.previous_button, 1)
        self._pager.addWidget(self.done_button, 1)
        self._pager.addWidget(self.next_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._host, 1)
        layout.addLayout(self._pager)
        self._space_out()
        self.retranslate()

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.rows) // self.per_page))

    def set_rows(self, options: Sequence[PollOption], answers: Mapping[int, BallotAnswer]) -> None:
        for row in self.rows:
            self._rows.removeWidget(row)
            discard(row)
        self.rows = []
        for option in options:
            row = _FaceRow(option, words=self.words, pictures=self.pictures, theme=self.theme)
            row.set_answer(answers.get(option.id))
            row.answered.connect(self._on_row_answered)
            self.rows.append(row)
            self._rows.addWidget(row)
        self._rows.addStretch(1)
        self.page = 0
        self._fit()

    def show_option(self, option_id: int) -> None:
        """Turn to the page with this choice on it."""
        index = next((i for i, row in enumerate(self.rows) if row.option.id == option_id), 0)
        self.page = index // self.per_page
        self._show_page()

    def turn(self, step: int) -> None:
        self.page = max(0, min(self.pages - 1, self.page + step))
        self._show_page()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.previous_button.set_words(gettext("‹ Back a page"))
        self.next_button.set_words(gettext("More ›"))
        self.done_button.set_words(gettext("Done"))
        for row in self.rows:
            row.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        for button in (self.previous_button, self.next_button, self.done_button):
            button.set_theme(theme)
        self._space_out()
        answers = {row.option.id: row.answer for row in self.rows if row.answer is not None}
        self.set_rows([row.option for row in self.rows], answers)

    def reading_items(self) -> list[tuple[QWidget | None, str]]:
        """Each choice on this page, then its faces; then the buttons below."""
        items: list[tuple[QWidget | None, str]] = []
        for row in self.rows:
            if row.isVisibleTo(self):
                items += row.reading_items()
        for button in (self.previous_button, self.done_button, self.next_button):
            if button.isVisibleTo(self) and button.isEnabled():
                items.append((button, button.accessibleName()))
        return items

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _space_out(self) -> None:
        gap = self.theme.metrics.gap_px
        self.layout().setSpacing(gap)
        self._rows.setSpacing(gap)
        self._pager.setSpacing(gap)

    def _fit(self) -> None:
        """As many rows as the height holds (at least one); the first shown stays in view."""
        if not self.rows:
            self._show_page()
            return
        width = max(1, self._host.width())
        needed = max(row.height_for(width) for row in self.rows)
        gap = self.theme.metrics.gap_px
        fits = max(1, (self._host.height() + gap) // (needed + gap))
        first = self.page * self.per_page
        self.per_page = min(fits, CARDS_AT_MOST)
        self.page = first // self.per_page
        self._show_page()

    def _show_page(self) -> None:
        start = self.page * self.per_page
        for index, row in enumerate(self.rows):
            row.setVisible(start <= index < start + self.per_page)
        many = self.pages > 1
        for button in (self.previous_button, self.next_button):
            button.setVisible(many)
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.pages - 1)

    def _on_row_answered(self, option_id: int, answer: str) -> None:
        self.answered.emit(option_id, answer)


class _FaceRow(QFrame):
    """One choice, its picture and words, and three big faces: Yes, Maybe, No."""

    answered = Signal(int, str)

    def __init__(
        self, option: PollOption, *, words: Words, pictures: PictureLibrary, theme: Theme
    ) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.option = option
        self.words = words
        self.answer: BallotAnswer | None = None
        size = theme.metrics.small_picture_px
        picture = QLabel()
        picture.setPixmap(pictures.pixmap(option.picture, size, option.label, theme.palette))
        picture.setFixedSize(size, size)
        self.label = _label(option.label, role="heading")
        self.buttons: dict[BallotAnswer, BigButton] = {}
        for answer, face, _ in FACES:
            button = BigButton(
                face, "", pictures=pictures, theme=theme, horizontal=True, small=True
            )
            button.tapped.connect(lambda answer=answer: self._on_face_tapped(answer))
            self.buttons[answer] = button
        gap = theme.metrics.gap_px
        self._margin = max(8, gap // 3)
        self._gap = gap
        self._picture_px = size
        grid = QGridLayout(self)
        grid.setContentsMargins(*(self._margin,) * 4)
        grid.setHorizontalSpacing(gap)
        grid.setVerticalSpacing(gap // 2)
        self.stacked = theme.metrics.scale >= 1.5  # at large text the faces go under the words
        grid.addWidget(picture, 0, 0, Qt.AlignmentFlag.AlignTop)
        if self.stacked:
            grid.addWidget(self.label, 0, 1, 1, 3)
            for column, button in enumerate(self.buttons.values(), start=1):
                grid.addWidget(button, 1, column)
                grid.setColumnStretch(column, 1)
        else:
            grid.addWidget(self.label, 0, 1)
            grid.setColumnStretch(1, 2)
            for column, button in enumerate(self.buttons.values(), start=2):
                grid.addWidget(button, 0, column)
                grid.setColumnStretch(column, 1)
        self.retranslate()

    def retranslate(self) -> None:
        for answer, _, words in FACES:
            self.buttons[answer].set_words(self.words.gettext(words))

    def height_for(self, width: int) -> int:
        """The height this row needs at ``width``, its words wrapped (worked out here: a
        grid's own guess gives the words too little room and the row far too much)."""
        buttons = [button.minimumSizeHint() for button in self.buttons.values()]
        tallest_button = max(hint.height() for hint in buttons)
        words = width - 2 * self._margin - self._picture_px - self._gap
        if not self.stacked:
            words -= sum(hint.width() for hint in buttons) + len(buttons) * self._gap
        self.label.ensurePolished()
        label = self.label.heightForWidth(max(1, words))
        if self.stacked:
            inside = label + self._gap // 2 + tallest_button
        else:
            inside = max(label, tallest_button)
        return max(inside, self._picture_px) + 2 * self._margin

    def set_answer(self, answer: BallotAnswer | None) -> None:
        self.answer = answer
        for each, button in self.buttons.items():
            button.set_chosen(each is answer)

    def reading_items(self) -> list[tuple[QWidget | None, str]]:
        items: list[tuple[QWidget | None, str]] = [(self.label, self.label.text())]
        return items + [(button, button.accessibleName()) for button in self.buttons.values()]

    def _on_face_tapped(self, answer: BallotAnswer) -> None:
        self.set_answer(answer)
        self.answered.emit(self.option.id, answer.value)


class _ResultsPage(QWidget):
    """What people chose, a chart that scrolls, over "Other votes" and "Home"."""

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self.words = words
        kit = {"pictures": pictures, "theme": theme}
        self.chart = ResultsChart(words=words, **kit)
        self.scroll = _scroll(self.chart)
        self.other_votes_button = BigButton("vote", "", horizontal=True, **kit)
        self.home_button = BigButton("home", "", horizontal=True, **kit)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.metrics.gap_px)
        column.addWidget(self.scroll, 1)
        column.addLayout(_row(theme, self.other_votes_button, self.home_button))

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.chart.retranslate()
        self.other_votes_button.set_words(gettext("Other votes"))
        self.home_button.set_words(gettext("Home"))


def _row(theme: Theme, *buttons: BigButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(theme.metrics.gap_px)
    for button in buttons:
        row.addWidget(button, 1)
    return row


def _scroll(content: QWidget) -> QScrollArea:
    """Content that scrolls when it is taller than the screen (large text, many choices)."""
    content.setObjectName("content")
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    return scroll


def _label(text: str = "", *, role: str | None = None) -> QLabel:
    """Plain words (choices are typed by people: never markup), in a role of the theme."""
    label = plain_label(text)
    if role is not None:
        label.setProperty("role", role)
    return label
