"""Polls: residents vote on what happens next, and everyone sees what they chose.

The coordinator asks a question with two to six picture choices (activities from the
catalogue, residents' own ideas, or plain words) and sets when the vote opens and closes.
A poll is either "choose one", or "yes / maybe / no" for every choice (three faces).
Each resident has one ballot per poll and may change it until the poll closes. Results
are shown after it closes, or all along when the coordinator chose "live".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from kiosk.domain.enums import BallotAnswer, PollKind, ResultsVisibility
from kiosk.domain.errors import KioskError, ValidationError
from kiosk.domain.meals import check_picture_key
from kiosk.domain.text import N_
from kiosk.domain.text_rules import clean_text

QUESTION_MAX = 200  # poll.question is VARCHAR(200)
OPTION_LABEL_MAX = 120  # poll_option.label is VARCHAR(120)
OPTIONS_MIN = 2
OPTIONS_MAX = 6  # no more than six choices at a time (DESIGN.md); poll_option.position 1..6
FACES = (BallotAnswer.YES, BallotAnswer.MAYBE, BallotAnswer.NO)


class PollState(StrEnum):
    """Where a poll is at a given moment (worked out, never stored)."""

    UPCOMING = "upcoming"  # not open yet
    OPEN = "open"
    CLOSED = "closed"  # its closing time has passed, or staff closed it early


# ---------------------------------------------------------------------------------------
# Refusals, in plain words


class PollClosedError(KioskError):
    """A vote came after the poll closed."""

    def __init__(self, poll_id: int) -> None:
        super().__init__(N_("Sorry, this vote has closed. Thank you for taking part."))
        self.poll_id = poll_id


class PollNotOpenError(KioskError):
    """A vote came before the poll opened."""

    def __init__(self, poll_id: int, opens_at: datetime) -> None:
        super().__init__(N_("This vote has not started yet. Please come back later."))
        self.poll_id = poll_id
        self.opens_at = opens_at


class ResultsHiddenError(KioskError):
    """The results of an "after close" poll, asked for while it is still open."""

    def __init__(self, poll_id: int, closes_at: datetime) -> None:
        super().__init__(N_("You will see the results when the vote closes."))
        self.poll_id = poll_id
        self.closes_at = closes_at


# ---------------------------------------------------------------------------------------
# What the coordinator gives


@dataclass(frozen=True, slots=True)
class NewPollOption:
    """One choice: words and a picture, perhaps from the catalogue or a resident's idea.

    ``label`` may be left empty when ``activity_id`` or ``proposal_id`` is set: the
    activity's title (or the suggestion's) is used, and its picture when none is given.
    """

    label: str = ""
    picture: str | None = None
    activity_id: int | None = None
    proposal_id: int | None = None


@dataclass(frozen=True, slots=True)
class NewPoll:
    """A poll as the coordinator sets it up. Times are timezone-aware."""

    question: str
    options: tuple[NewPollOption, ...]
    opens_at: datetime
    closes_at: datetime
    kind: PollKind = PollKind.CHOOSE_ONE
    visibility: ResultsVisibility = ResultsVisibility.AFTER_CLOSE


# ---------------------------------------------------------------------------------------
# What everyone sees


@dataclass(frozen=True, slots=True)
class PollOption:
    id: int
    position: int  # 1 to 6, the order on screen
    label: str
    picture: str | None
    activity_id: int | None = None
    proposal_id: int | None = None


@dataclass(frozen=True, slots=True)
class MyBallot:
    """A resident's own ballot: what they said about each choice, in screen order."""

    id: int
    poll_id: int
    resident_id: int
    answers: tuple[tuple[int, BallotAnswer], ...]  # (option id, answer)
    cast_at: datetime
    updated_at: datetime

    def answer_for(self, option_id: int) -> BallotAnswer | None:
        return dict(self.answers).get(option_id)

    @property
    def chosen(self) -> int | None:
        """The option picked in a choose-one poll (None in a yes / maybe / no poll)."""
        for option_id, answer in self.answers:
            if answer is BallotAnswer.CHOSEN:
                return option_id
        return None


@dataclass(frozen=True, slots=True)
class Poll:
    id: int
    question: str
    kind: PollKind
    visibility: ResultsVisibility
    opens_at: datetime
    closes_at: datetime
    closed_early_at: datetime | None
    options: tuple[PollOption, ...]
    my_ballot: MyBallot | None = None  # the asking resident's own ballot, if they voted

    @property
    def closed_at(self) -> datetime:
        """When voting ends: the closing time, or earlier when staff closed it early."""
        if self.closed_early_at is not None and self.closed_early_at < self.closes_at:
            return self.closed_early_at
        return self.closes_at

    def state(self, now: datetime) -> PollState:
        if now >= self.closed_at:
            return PollState.CLOSED
        if now < self.opens_at:
            return PollState.UPCOMING
        return PollState.OPEN

    def is_open(self, now: datetime) -> bool:
        return self.state(now) is PollState.OPEN

    def is_closed(self, now: datetime) -> bool:
        return self.state(now) is PollState.CLOSED

    def results_public(self, now: datetime) -> bool:
        """Residents may see the results: the poll is closed, or its results are live."""
        return self.visibility is ResultsVisibility.LIVE or self.is_closed(now)

    def option(self, option_id: int) -> PollOption | None:
        for option in self.options:
            if option.id == option_id:
                return option
        return None


@dataclass(frozen=True, slots=True)
class OptionCount:
    """How residents answered about one choice."""

    option: PollOption
    chosen: int = 0
    yes: int = 0
    maybe: int = 0
    no: int = 0


@dataclass(frozen=True, slots=True)
class PollResults:
    """The counts for every choice in screen order, and how many residents voted.

    ``final`` is true once the poll has closed: the counts can no longer change.
    """

    poll: Poll
    ballots: int
    counts: tuple[OptionCount, ...]
    final: bool

    def _ranked(self) -> list[OptionCount]:
        if self.poll.kind is PollKind.CHOOSE_ONE:
            return sorted(self.counts, key=lambda c: (-c.chosen, c.option.position))
        return sorted(self.counts, key=lambda c: (-c.yes, c.no, c.option.position))

    def _score(self, count: OptionCount) -> tuple[int, int]:
        if self.poll.kind is PollKind.CHOOSE_ONE:
            return (count.chosen, 0)
        return (count.yes, -count.no)

    @property
    def winner(self) -> PollOption | None:
        """The most chosen (choose one), or the most "yes" then the fewest "no".

        A tie goes to the choice shown first. None when nobody chose anything (or, in a
        yes / maybe / no poll, nobody said yes to anything).
        """
        ranked = self._ranked()
        if not ranked or self._score(ranked[0])[0] == 0:
            return None
        return ranked[0].option

    @property
    def tied(self) -> bool:
        """The winner shares its score with another choice (the order on screen decided)."""
        ranked = self._ranked()
        if len(ranked) < 2 or self.winner is None:
            return False
        return self._score(ranked[0]) == self._score(ranked[1])

    @property
    def winners(self) -> tuple[PollOption, ...]:
        """The winner and every choice tied with it, in screen order: any of them is what
        residents chose. Empty when there is no winner."""
        if self.winner is None:
            return ()
        ranked = self._ranked()
        best = self._score(ranked[0])
        return tuple(count.option for count in self.counts if self._score(count) == best)


def tally(
    poll: Poll,
    rows: Iterable[tuple[int, BallotAnswer, int]],
    *,
    ballots: int,
    now: datetime,
) -> PollResults:
    """Results from (option id, answer, how many) rows; unknown options are ignored."""
    totals: dict[int, dict[BallotAnswer, int]] = {option.id: {} for option in poll.options}
    for option_id, answer, count in rows:
        if option_id in totals:
            answer = BallotAnswer(answer)
            totals[option_id][answer] = totals[option_id].get(answer, 0) + count
    counts = tuple(
        OptionCount(
            option=option,
            chosen=totals[option.id].get(BallotAnswer.CHOSEN, 0),
            yes=totals[option.id].get(BallotAnswer.YES, 0),
            maybe=totals[option.id].get(BallotAnswer.MAYBE, 0),
            no=totals[option.id].get(BallotAnswer.NO, 0),
        )
        for option in sorted(poll.options, key=lambda o: o.position)
    )
    return PollResults(poll=poll, ballots=ballots, counts=counts, final=poll.is_closed(now))


# ---------------------------------------------------------------------------------------
# What people type and pick, checked


def aware(moment: datetime, *, name: str = "moment") -> datetime:
    """``moment`` in UTC; a time without a zone is a programming error, not a person's."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} needs a timezone-aware datetime")
    return moment.astimezone(UTC)


def clean_question(question: str | None) -> str:
    """The question, one line, kept exactly as typed (trimmed at the ends)."""
    text = clean_text(question, field="question", max_length=QUESTION_MAX, required=True)
    assert text is not None  # required=True never returns None
    return text


def check_option_count(count: int) -> None:
    """Two to six choices: fewer is not a vote, more is too many to see at once."""
    if count < OPTIONS_MIN:
        raise ValidationError(
            "options",
            N_("A vote needs at least {least} choices. Please add another one."),
            least=OPTIONS_MIN,
            most=OPTIONS_MAX,
        )
    if count > OPTIONS_MAX:
        raise ValidationError(
            "options",
            N_("A vote can have at most {most} choices, so all can be seen. Please take some off."),
            least=OPTIONS_MIN,
            most=OPTIONS_MAX,
        )


def clean_option(option: NewPollOption, position: int) -> NewPollOption:
    """One choice: words (required, one line, at most 120 letters) and a known picture."""
    field = f"option_{position}"
    label = clean_text(option.label, field=field, max_length=OPTION_LABEL_MAX, required=True)
    assert label is not None
    return NewPollOption(
        label=label,
        picture=check_picture_key(option.picture),
        activity_id=option.activity_id,
        proposal_id=option.proposal_id,
    )


def check_times(
    opens_at: datetime, closes_at: datetime, now: datetime
) -> tuple[datetime, datetime]:
    """Opening and closing times in UTC: it closes after it opens, and in the future."""
    opens = aware(opens_at, name="opens_at")
    closes = aware(closes_at, name="closes_at")
    if closes <= opens:
        raise ValidationError(
            "closes_at", N_("The vote must close after it opens. Please change the times.")
        )
    if closes <= aware(now, name="now"):
        raise ValidationError(
            "closes_at", N_("That closing time has already passed. Please choose a later one.")
        )
    return opens, closes


def _label_key(label: str) -> str:
    return " ".join(label.casefold().split())


def clean_new_poll(new: NewPoll, now: datetime) -> NewPoll:
    """The coordinator's poll, checked and tidied for storage; refusals in plain words.

    Every choice must have its words by now (the service fills them in from the
    catalogue or the suggestion before calling this).
    """
    question = clean_question(new.question)
    check_option_count(len(new.options))
    options = tuple(
        clean_option(option, position) for position, option in enumerate(new.options, start=1)
    )
    seen: dict[str, int] = {}
    for position, option in enumerate(options, start=1):
        key = _label_key(option.label)
        if key in seen:
            raise ValidationError(
                f"option_{position}",
                N_("Two choices say the same: {label}. Please change one of them."),
                label=option.label,
            )
        seen[key] = position
    opens, closes = check_times(new.opens_at, new.closes_at, now)
    return replace(
        new,
        question=question,
        options=options,
        opens_at=opens,
        closes_at=closes,
        kind=PollKind(new.kind),
        visibility=ResultsVisibility(new.visibility),
    )


def check_answers(
    kind: PollKind, option_ids: Iterable[int], answers: Mapping[int, BallotAnswer | str]
) -> dict[int, BallotAnswer]:
    """A resident's answers, by option id, checked against the poll's kind.

    Choose one: exactly one option, ``chosen``. Yes / maybe / no: one of the three faces
    for every option, nothing else.
    """
    kind = PollKind(kind)
    known = list(option_ids)
    given: dict[int, BallotAnswer | None] = {}
    for option_id, answer in answers.items():
        if option_id not in known:
            raise ValidationError("answers", N_("That choice is not in this vote."))
        given[option_id] = _answer(answer)
    if kind is PollKind.CHOOSE_ONE:
        if list(given.values()) != [BallotAnswer.CHOSEN]:
            raise ValidationError("answers", N_("Please choose one."))
        return dict.fromkeys(given, BallotAnswer.CHOSEN)
    checked = {
        option_id: answer
        for option_id in known
        if (answer := given.get(option_id)) is not None and answer in FACES
    }
    if len(checked) != len(known) or len(given) != len(known):
        raise ValidationError("answers", N_("Please say yes, maybe or no to each one."))
    return checked


def _answer(value: Any) -> BallotAnswer | None:
    """The stored word for an answer, or None for something that is not an answer."""
    try:
        return BallotAnswer(value)
    except ValueError:
        return None
