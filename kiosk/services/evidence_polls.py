"""Polls and feedback per activity for the evidence report, counted in SQL."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from kiosk.domain.enums import BallotAnswer, PollKind, SlotStatus
from kiosk.domain.evidence import (
    ActivityFeedback,
    DateRange,
    MonthFaces,
    OptionResult,
    PollOutcome,
)
from kiosk.services.evidence_chains import slot_things
from kiosk.services.evidence_taking import Stay, living_in
from kiosk.services.evidence_window import Window, counted_faces
from kiosk.storage import models


def _closing() -> ColumnElement[datetime]:
    """When a poll closed, or will: early if it was closed early."""
    return func.coalesce(models.Poll.closed_early_at, models.Poll.closes_at)


def _polls_in(window: Window, now: datetime) -> Select[tuple[int]]:
    """Polls that closed in the range, and polls opened in it that are open still."""
    poll = models.Poll
    return select(poll.id).where(
        or_(
            window.within(_closing()),
            and_(window.within(poll.opens_at), _closing() > now),
        )
    )


def poll_outcomes(
    session: Session, window: Window, all_stays: tuple[Stay, ...], now: datetime
) -> tuple[PollOutcome, ...]:
    chosen = _polls_in(window, now)
    polls = session.execute(
        select(
            models.Poll.id, models.Poll.question, models.Poll.kind, models.Poll.opens_at, _closing()
        )
        .where(models.Poll.id.in_(chosen))
        .order_by(_closing(), models.Poll.id)
    ).all()
    voted = dict(
        session.execute(
            select(models.Ballot.poll_id, func.count())
            .where(models.Ballot.poll_id.in_(chosen))
            .group_by(models.Ballot.poll_id)
        ).all()
    )
    answers: defaultdict[int, dict[str, int]] = defaultdict(dict)
    for option_id, answer, count in session.execute(
        select(models.BallotChoice.option_id, models.BallotChoice.answer, func.count())
        .where(  # through poll_option, so the index on option_id serves
            models.BallotChoice.option_id.in_(
                select(models.PollOption.id).where(models.PollOption.poll_id.in_(chosen))
            )
        )
        .group_by(models.BallotChoice.option_id, models.BallotChoice.answer)
    ):
        answers[option_id][answer] = count
    options: defaultdict[int, list[OptionResult]] = defaultdict(list)
    for option_id, poll_id, label in session.execute(
        select(models.PollOption.id, models.PollOption.poll_id, models.PollOption.label)
        .where(models.PollOption.poll_id.in_(chosen))
        .order_by(models.PollOption.poll_id, models.PollOption.position)
    ):
        counts = answers.get(option_id, {})
        options[poll_id].append(
            OptionResult(
                label=label,
                chosen=counts.get(BallotAnswer.CHOSEN.value, 0),
                yes=counts.get(BallotAnswer.YES.value, 0),
                maybe=counts.get(BallotAnswer.MAYBE.value, 0),
                no=counts.get(BallotAnswer.NO.value, 0),
            )
        )
    done = slot_things(session, window, models.ScheduleSlot.poll_id, chosen)
    outcomes = []
    for poll_id, question, kind, opens_at, closing in polls:
        opened_on, closed_on = window.day(opens_at), window.day(closing)
        outcomes.append(
            PollOutcome(
                poll_id=poll_id,
                question=question,
                kind=PollKind(kind),
                opened_on=opened_on,
                closed_on=closed_on,
                residents=living_in(all_stays, DateRange(opened_on, closed_on)),
                voted=voted.get(poll_id, 0),
                options=tuple(options.get(poll_id, ())),
                done=tuple(done.get(poll_id, ())),
                still_open=closing > now,
            )
        )
    return tuple(outcomes)


def activity_feedback(session: Session, window: Window) -> tuple[ActivityFeedback, ...]:
    """How each activity went, month by month: most answers first, then by title."""
    feedback, slot = models.Feedback, models.ScheduleSlot
    given = (  # grouped from outside, as PostgreSQL cannot match a GROUP BY with parameters
        select(
            slot.activity_id,
            window.month_index(feedback.created_at).label("month"),
            feedback.face,
            feedback.scale,
        )
        .join(slot, slot.id == feedback.slot_id)
        .where(window.within(feedback.created_at))
        .subquery()
    )
    answers: defaultdict[int, defaultdict[int, list[tuple[int, int, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for activity_id, index, face, scale, count in session.execute(
        select(*given.c, func.count()).group_by(*given.c)
    ):
        answers[activity_id][index].append((face, scale, count))
    if not answers:
        return ()
    titles = dict(
        session.execute(
            select(models.Activity.id, models.Activity.title).where(models.Activity.id.in_(answers))
        ).all()
    )
    sessions = dict(
        session.execute(
            select(slot.activity_id, func.count())
            .where(
                slot.activity_id.in_(answers),
                slot.status != SlotStatus.CANCELLED.value,
                window.within(slot.starts_at),
            )
            .group_by(slot.activity_id)
        ).all()
    )
    found = [
        ActivityFeedback(
            activity_id=activity_id,
            title=titles[activity_id],
            sessions=sessions.get(activity_id, 0),
            months=tuple(
                MonthFaces(window.month_first(index), counted_faces(by_month[index]))
                for index in sorted(by_month)
            ),
        )
        for activity_id, by_month in answers.items()
    ]
    found.sort(
        key=lambda activity: (
            -activity.faces.total,
            activity.title.casefold(),
            activity.activity_id,
        )
    )
    return tuple(found)
