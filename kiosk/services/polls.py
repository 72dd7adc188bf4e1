"""Polls: the coordinator asks, residents vote, and everyone sees the result.

Setting up and closing polls needs the right to plan activities. Residents vote for
themselves only (the resident signed in is the one whose ballot is written). One ballot
per resident per poll is held by the database (``UNIQUE (poll_id, resident_id)``), not by
a Python check: a vote inserts a ballot, and when another kiosk or a double tap got there
first the insert fails, and the vote is cast again as a change to that ballot.

Results: staff who plan activities always see them; everyone else sees them once the poll
has closed, or all along when its results are "live". Asking earlier raises
:class:`ResultsHiddenError` (a refusal in plain words; ``Poll.results_public`` lets a
screen know beforehand). No one sees who voted for what, except a resident their own ballot.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, case, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.domain.enums import (
    BallotAnswer,
    PollKind,
    ProposalStatus,
    ProposalTopic,
    ResultsVisibility,
)
from kiosk.domain.errors import NotAllowedError, NotFoundError, ValidationError
from kiosk.domain.polls import (
    MyBallot,
    NewPoll,
    NewPollOption,
    Poll,
    PollClosedError,
    PollNotOpenError,
    PollOption,
    PollResults,
    PollState,
    ResultsHiddenError,
    aware,
    check_answers,
    check_option_count,
    clean_new_poll,
    tally,
)
from kiosk.domain.text import N_
from kiosk.services.audit import record
from kiosk.services.who import require_active_resident, require_resident
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now

# Ideas a poll may offer: not meals (those go to the kitchen).
_POLL_TOPICS = (ProposalTopic.ACTIVITY.value, ProposalTopic.HOME.value, ProposalTopic.OTHER.value)
# A vote that loses a race is cast again as a change; more than this many losses is a fault.
_CAST_ATTEMPTS = 3
CLOSED_LIST_MAX = 6


class PollsService:
    def __init__(
        self, sessions: sessionmaker[Session], *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self._sessions = sessions
        self._now = now

    def _moment(self, now: datetime | None) -> datetime:
        return aware(now if now is not None else self._now(), name="now")

    # -- the coordinator ------------------------------------------------------------------

    def create_poll(self, actor: Actor, new: NewPoll, *, now: datetime | None = None) -> Poll:
        """Set up a poll; its choices may come from the activity catalogue or residents' ideas."""
        actor.require(Capability.PLAN_ACTIVITIES)
        moment = self._moment(now)
        check_option_count(len(new.options))  # one or seven choices: refused before anything
        with session_scope(self._sessions) as session:
            filled = tuple(_filled(session, option) for option in new.options)
            clean = clean_new_poll(replace(new, options=filled), moment)
            row = models.Poll(
                question=clean.question,
                kind=clean.kind.value,
                results_visibility=clean.visibility.value,
                opens_at=clean.opens_at,
                closes_at=clean.closes_at,
                created_by_staff_id=actor.staff_id,
                created_at=moment,
            )
            session.add(row)
            session.flush()
            session.add_all(
                models.PollOption(
                    poll_id=row.id,
                    position=position,
                    label=option.label,
                    picture=option.picture,
                    activity_id=option.activity_id,
                    proposal_id=option.proposal_id,
                )
                for position, option in enumerate(clean.options, start=1)
            )
            session.flush()
            record(
                session,
                actor,
                "poll.create",
                record_type="poll",
                record_id=row.id,
                detail=f"{clean.kind.value}, {len(clean.options)} choices",
            )
            return _to_polls(session, [row], viewer=None)[0]

    def close_early(self, actor: Actor, poll_id: int, *, now: datetime | None = None) -> Poll:
        """End the vote now. A poll already closed is left as it is."""
        actor.require(Capability.PLAN_ACTIVITIES)
        moment = self._moment(now)
        with session_scope(self._sessions) as session:
            row = _load_poll(session, poll_id)
            poll = _to_polls(session, [row], viewer=None)[0]
            if poll.is_closed(moment):
                return poll
            row.closed_early_at = moment
            session.flush()
            record(session, actor, "poll.close", record_type="poll", record_id=row.id)
            return replace(poll, closed_early_at=moment)

    def all_polls(self, actor: Actor) -> list[Poll]:
        """Every poll for the staff's list, the newest first."""
        actor.require(Capability.PLAN_ACTIVITIES)
        with self._sessions() as session:
            rows = session.scalars(
                select(models.Poll).order_by(models.Poll.opens_at.desc(), models.Poll.id.desc())
            ).all()
            return _to_polls(session, rows, viewer=None)

    # -- anyone ---------------------------------------------------------------------------

    def polls_open(self, viewer: Actor, *, now: datetime | None = None) -> list[Poll]:
        """The polls open now, closing soonest first; a resident's own ballot comes with each."""
        moment = self._moment(now)
        with self._sessions() as session:
            rows = session.scalars(
                _open_at(moment).order_by(models.Poll.closes_at, models.Poll.id)
            ).all()
            return _to_polls(session, rows, viewer=viewer.resident_id)

    def polls_closed(
        self, viewer: Actor, *, now: datetime | None = None, limit: int = CLOSED_LIST_MAX
    ) -> list[Poll]:
        """The polls that have closed, the most recently closed first (at most ``limit``).

        Ordered and cut in the database: only the polls shown are read with their choices
        and ballots, however many years of polls the home has."""
        moment = self._moment(now)
        with self._sessions() as session:
            rows = session.scalars(
                select(models.Poll)
                .where(
                    or_(
                        models.Poll.closes_at <= moment,
                        models.Poll.closed_early_at <= moment,
                    )
                )
                .order_by(_closed_at().desc(), models.Poll.id.desc())
                .limit(max(limit, 0))
            ).all()
            return _to_polls(session, rows, viewer=viewer.resident_id)

    def poll(self, viewer: Actor, poll_id: int) -> Poll:
        """One poll; a resident's own ballot comes with it."""
        with self._sessions() as session:
            return _to_polls(session, [_load_poll(session, poll_id)], viewer=viewer.resident_id)[0]

    def results(self, viewer: Actor, poll_id: int, *, now: datetime | None = None) -> PollResults:
        """The counts for every choice; before closing only for "live" polls, or for staff.

        Raises :class:`ResultsHiddenError` when the viewer may not see them yet.
        """
        moment = self._moment(now)
        with self._sessions() as session:
            results = count_results(session, poll_id, moment)
        if not (results.poll.results_public(moment) or viewer.can(Capability.PLAN_ACTIVITIES)):
            raise ResultsHiddenError(poll_id, results.poll.closed_at)
        return results

    # -- a resident votes -----------------------------------------------------------------

    def cast_ballot(
        self,
        actor: Actor,
        poll_id: int,
        answers: Mapping[int, BallotAnswer],
        *,
        resident_id: int | None = None,
        now: datetime | None = None,
    ) -> MyBallot:
        """The resident's vote (``answers`` by option id); casting again changes it.

        ``resident_id``, when given, is who the screen thinks is voting: it must be the
        resident signed in, so a screen left open cannot vote for the one before.
        Choose one: ``{option_id: CHOSEN}``. Yes / maybe / no: an answer for every option.
        """
        voter = require_resident(actor)
        if resident_id is not None and resident_id != voter:
            raise NotAllowedError(N_("Sorry, you are not allowed to do that."))
        moment = self._moment(now)
        for attempt in range(1, _CAST_ATTEMPTS + 1):
            try:
                with session_scope(self._sessions) as session:
                    return self._cast(session, voter, poll_id, answers, moment)
            except IntegrityError:
                # Another kiosk or a second tap stored this resident's ballot first: go
                # again, and this time the vote changes that ballot.
                if attempt == _CAST_ATTEMPTS:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _cast(
        self,
        session: Session,
        voter: int,
        poll_id: int,
        answers: Mapping[int, BallotAnswer],
        moment: datetime,
    ) -> MyBallot:
        require_active_resident(session, voter)
        row = _load_poll(session, poll_id)
        poll = _to_polls(session, [row], viewer=None)[0]
        _require_open(poll, moment)
        checked = check_answers(poll.kind, [option.id for option in poll.options], answers)
        ballot = _own_ballot(session, poll_id, voter)
        if ballot is None:
            ballot = models.Ballot(
                poll_id=poll_id, resident_id=voter, cast_at=moment, updated_at=moment
            )
            session.add(ballot)
            session.flush()  # IntegrityError here when another ballot got in first
        else:
            # Written every time: the row lock holds off another change until this commits.
            session.execute(
                update(models.Ballot).where(models.Ballot.id == ballot.id).values(updated_at=moment)
            )
            session.execute(
                delete(models.BallotChoice).where(models.BallotChoice.ballot_id == ballot.id)
            )
        # Checked again now this transaction writes: a close that landed meanwhile wins.
        _require_open(_fresh_poll(session, poll), moment)
        session.add_all(
            models.BallotChoice(
                ballot_id=ballot.id, option_id=option_id, poll_id=poll_id, answer=answer.value
            )
            for option_id, answer in checked.items()
        )
        session.flush()
        return _to_ballot(ballot, _choices(session, [ballot.id])[ballot.id], poll)

    def my_ballot(self, actor: Actor, poll_id: int) -> MyBallot | None:
        """The resident's own ballot in this poll, or None if they have not voted."""
        voter = require_resident(actor)
        with self._sessions() as session:
            poll = _to_polls(session, [_load_poll(session, poll_id)], viewer=voter)[0]
            return poll.my_ballot


# ---------------------------------------------------------------------------------------
# Counting


def count_results(session: Session, poll_id: int, now: datetime) -> PollResults:
    """The poll's counts as they stand at ``now``, for anyone who needs them in a session
    of their own (the week planner checks a poll's winner with it). Who may see them is
    the caller's rule. A poll that is not there is "not found", in words."""
    poll = _to_polls(session, [_load_poll(session, poll_id)], viewer=None)[0]
    ballots = session.scalar(
        select(func.count()).select_from(models.Ballot).where(models.Ballot.poll_id == poll_id)
    )
    rows = session.execute(
        select(models.BallotChoice.option_id, models.BallotChoice.answer, func.count())
        .where(models.BallotChoice.poll_id == poll_id)
        .group_by(models.BallotChoice.option_id, models.BallotChoice.answer)
    ).all()
    counted = [(option_id, BallotAnswer(answer), count) for option_id, answer, count in rows]
    return tally(poll, counted, ballots=int(ballots or 0), now=now)


# ---------------------------------------------------------------------------------------
# Who is asking, and what they may touch


def _require_open(poll: Poll, moment: datetime) -> None:
    state = poll.state(moment)
    if state is PollState.CLOSED:
        raise PollClosedError(poll.id)
    if state is PollState.UPCOMING:
        raise PollNotOpenError(poll.id, poll.opens_at)


def _load_poll(session: Session, poll_id: int) -> models.Poll:
    row = session.get(models.Poll, poll_id)
    if row is None:
        raise NotFoundError(N_("We could not find that vote."))
    return row


def _fresh_poll(session: Session, poll: Poll) -> Poll:
    """The poll's closing times as stored now (locked for sharing where the database can)."""
    closes_at, closed_early_at = session.execute(
        select(models.Poll.closes_at, models.Poll.closed_early_at)
        .where(models.Poll.id == poll.id)
        .with_for_update(read=True)
    ).one()
    return replace(poll, closes_at=closes_at, closed_early_at=closed_early_at)


def _open_at(moment: datetime) -> Select[tuple[models.Poll]]:
    return select(models.Poll).where(
        models.Poll.opens_at <= moment,
        models.Poll.closes_at > moment,
        or_(models.Poll.closed_early_at.is_(None), models.Poll.closed_early_at > moment),
    )


def _closed_at() -> ColumnElement[datetime]:
    """When voting ended, as :attr:`Poll.closed_at` says, worked out by the database."""
    poll = models.Poll
    early = and_(poll.closed_early_at.is_not(None), poll.closed_early_at < poll.closes_at)
    return case((early, poll.closed_early_at), else_=poll.closes_at)


def _own_ballot(session: Session, poll_id: int, resident_id: int) -> models.Ballot | None:
    return session.scalar(
        select(models.Ballot).where(
            models.Ballot.poll_id == poll_id, models.Ballot.resident_id == resident_id
        )
    )


def _filled(session: Session, option: NewPollOption) -> NewPollOption:
    """The choice with its activity or suggestion checked, and words and picture from it."""
    label, picture = option.label, option.picture
    # The catalogue's title and picture first, then the resident's words.
    sources: list[models.Activity | models.Proposal] = []
    if option.activity_id is not None:
        sources.append(_live_activity(session, option.activity_id))
    if option.proposal_id is not None:
        sources.append(_poll_idea(session, option.proposal_id))
    for source in sources:
        label = label if (label or "").strip() else source.title
        picture = picture or source.picture
    return NewPollOption(
        label=label,
        picture=picture,
        activity_id=option.activity_id,
        proposal_id=option.proposal_id,
    )


def _live_activity(session: Session, activity_id: int) -> models.Activity:
    activity = session.get(models.Activity, activity_id)
    if activity is None:
        raise NotFoundError(N_("We could not find that activity."))
    if activity.archived_at is not None:
        raise ValidationError(
            "activity", N_("That activity is no longer offered. Please choose another.")
        )
    return activity


def _poll_idea(session: Session, proposal_id: int) -> models.Proposal:
    """A resident's sent idea about activities, the home or anything else (not a meal)."""
    idea = session.get(models.Proposal, proposal_id)
    if idea is None or idea.status == ProposalStatus.DRAFT.value:
        raise NotFoundError(N_("We could not find that suggestion."))
    if idea.topic not in _POLL_TOPICS:
        raise ValidationError(
            "proposal",
            N_("Meal ideas go to the kitchen, not to a vote. Please choose another idea."),
        )
    if idea.status == ProposalStatus.WITHDRAWN.value:
        raise ValidationError(
            "proposal", N_("The resident took this suggestion back. Please choose another.")
        )
    return idea


# ---------------------------------------------------------------------------------------
# Rows into what the screens see


def _options(session: Session, poll_ids: Sequence[int]) -> dict[int, list[PollOption]]:
    found: dict[int, list[PollOption]] = defaultdict(list)
    for row in session.scalars(
        select(models.PollOption)
        .where(models.PollOption.poll_id.in_(poll_ids))
        .order_by(models.PollOption.poll_id, models.PollOption.position)
    ):
        found[row.poll_id].append(
            PollOption(
                id=row.id,
                position=row.position,
                label=row.label,
                picture=row.picture,
                activity_id=row.activity_id,
                proposal_id=row.proposal_id,
            )
        )
    return found


def _choices(session: Session, ballot_ids: Sequence[int]) -> dict[int, dict[int, BallotAnswer]]:
    found: dict[int, dict[int, BallotAnswer]] = defaultdict(dict)
    for ballot_id, option_id, answer in session.execute(
        select(
            models.BallotChoice.ballot_id,
            models.BallotChoice.option_id,
            models.BallotChoice.answer,
        ).where(models.BallotChoice.ballot_id.in_(ballot_ids))
    ):
        found[ballot_id][option_id] = BallotAnswer(answer)
    return found


def _to_ballot(row: models.Ballot, answers: Mapping[int, BallotAnswer], poll: Poll) -> MyBallot:
    order = {option.id: option.position for option in poll.options}
    return MyBallot(
        id=row.id,
        poll_id=row.poll_id,
        resident_id=row.resident_id,
        answers=tuple(sorted(answers.items(), key=lambda pair: order.get(pair[0], 0))),
        cast_at=row.cast_at,
        updated_at=row.updated_at,
    )


def _to_polls(session: Session, rows: Sequence[models.Poll], *, viewer: int | None) -> list[Poll]:
    if not rows:
        return []
    ids = [row.id for row in rows]
    options = _options(session, ids)
    polls = [
        Poll(
            id=row.id,
            question=row.question,
            kind=PollKind(row.kind),
            visibility=ResultsVisibility(row.results_visibility),
            opens_at=row.opens_at,
            closes_at=row.closes_at,
            closed_early_at=row.closed_early_at,
            options=tuple(options.get(row.id, ())),
        )
        for row in rows
    ]
    if viewer is None:
        return polls
    ballots = {
        ballot.poll_id: ballot
        for ballot in session.scalars(
            select(models.Ballot).where(
                models.Ballot.poll_id.in_(ids), models.Ballot.resident_id == viewer
            )
        )
    }
    choices = _choices(session, [ballot.id for ballot in ballots.values()])
    return [_with_ballot(poll, ballots.get(poll.id), choices) for poll in polls]


def _with_ballot(
    poll: Poll, ballot: models.Ballot | None, choices: Mapping[int, Mapping[int, BallotAnswer]]
) -> Poll:
    if ballot is None:
        return poll
    return replace(poll, my_ballot=_to_ballot(ballot, choices.get(ballot.id, {}), poll))
