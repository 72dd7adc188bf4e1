"""Residents' ideas for activities and for the home, and the coordinator's answers.

The same chain as a meal suggestion (``services/suggestions.py``), through the same
shared mechanics (``services/proposals.py``), for everything that is not a meal: a
resident sends an idea with a picture and why, others say "me too", the activities
coordinator (or a manager) answers yes, done, not now or no, and the resident hears the
answer the next time they sign in. A slot planned from an idea (``ScheduleService``)
shows as the idea's ``planned_for``. Everything typed is stored exactly as typed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.domain.enums import ProposalStatus, ProposalTopic, SlotStatus
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.ideas import (
    IDEA_ANSWER_STATUS,
    IDEA_TOPICS,
    Idea,
    IdeaAnswer,
    IdeaAnswerKind,
    NewIdea,
    check_idea_topic,
    idea_answer_words,
    is_empty_idea_draft,
)
from kiosk.domain.meals import (
    check_client_token,
    check_picture_key,
    clean_draft_title,
    clean_reason,
    clean_title,
)
from kiosk.domain.text import N_
from kiosk.services import proposals
from kiosk.services.week import home_zone_in
from kiosk.services.who import require_active_resident, require_resident
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now

IDEAS: proposals.Topics = IDEA_TOPICS
ANSWERED_WORDS = N_("This idea has been answered already, so it is closed now.")


class IdeasService:
    def __init__(
        self, sessions: sessionmaker[Session], *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self._sessions = sessions
        self._now = now

    # -- a resident sends an idea ----------------------------------------------------------

    def suggest_idea(self, actor: Actor, new: NewIdea, *, draft_id: int | None = None) -> Idea:
        """Send a resident's idea; the same ``client_token`` again sends nothing new.

        When ``draft_id`` names this resident's idea draft, that draft is what is sent.
        """
        resident_id = require_resident(actor)
        topic = check_idea_topic(new.topic)
        token = check_client_token(new.client_token)

        def send(session: Session) -> Idea:
            row = self._send(session, resident_id, topic, new, token, draft_id)
            return self._ideas(session, [row], viewer=resident_id)[0]

        return proposals.send_once(
            self._sessions,
            token,
            find=lambda token: self._by_token(token, resident_id),
            send=send,
        )

    def _send(
        self,
        session: Session,
        resident_id: int,
        topic: ProposalTopic,
        new: NewIdea,
        token: str | None,
        draft_id: int | None,
    ) -> models.Proposal:
        require_active_resident(session, resident_id)
        activity = _live_activity(session, new.activity_id) if new.activity_id is not None else None
        title = clean_title(new.title, dish_name=activity.title if activity else None)
        reason = clean_reason(new.reason)
        picture = check_picture_key(new.picture) or (activity.picture if activity else None)
        now = self._now()
        row = (
            proposals.own_draft(session, resident_id, draft_id, IDEAS)
            if draft_id is not None
            else None
        )
        if row is None:
            row = models.Proposal(resident_id=resident_id, topic=topic.value, created_at=now)
            session.add(row)
        row.topic = topic.value
        row.title = title
        row.details = reason
        row.picture = picture
        row.activity_id = activity.id if activity is not None else None
        row.status = proposals.OPEN
        row.client_token = token
        row.submitted_at = now
        row.updated_at = now
        session.flush()
        return row

    def _by_token(self, token: str, resident_id: int) -> Idea | None:
        with self._sessions() as session:
            row = proposals.by_token(session, token, resident_id, IDEAS)
            return self._ideas(session, [row], viewer=resident_id)[0] if row else None

    # -- the draft: nothing is lost when a resident is signed out part-way ---------------

    def save_idea_draft(self, actor: Actor, new: NewIdea) -> int | None:
        """Keep what was gathered so far as the resident's one idea draft; returns its id.

        Nothing typed or picked yet: nothing is stored (None). Meal drafts are left alone.
        """
        resident_id = require_resident(actor)
        topic = check_idea_topic(new.topic)
        if is_empty_idea_draft(new):
            return None
        title = clean_draft_title(new.title)
        reason = clean_reason(new.reason)
        picture = check_picture_key(new.picture)
        now = self._now()
        with session_scope(self._sessions) as session:
            require_active_resident(session, resident_id)
            # Looked up before a new row is added: a query would flush it half-filled.
            activity = (
                session.get(models.Activity, new.activity_id)
                if new.activity_id is not None
                else None
            )
            row = proposals.one_draft(session, resident_id, IDEAS)
            if row is None:
                row = models.Proposal(
                    resident_id=resident_id, status=proposals.DRAFT, created_at=now
                )
                session.add(row)
            row.topic = topic.value
            row.title = title
            row.details = reason
            row.picture = picture
            row.activity_id = activity.id if activity is not None else None  # gone: dropped
            row.updated_at = now
            session.flush()
            return row.id

    def idea_draft(self, actor: Actor) -> Idea | None:
        """The resident's idea draft, to carry on with, or None."""
        resident_id = require_resident(actor)
        with self._sessions() as session:
            drafts = proposals.drafts(session, resident_id, IDEAS)
            return self._ideas(session, drafts[:1], viewer=resident_id)[0] if drafts else None

    def discard_idea_draft(self, actor: Actor) -> None:
        """Throw the resident's idea draft away (a meal draft stays)."""
        proposals.discard_drafts(self._sessions, require_resident(actor), IDEAS)

    # -- browsing and "me too" -------------------------------------------------------------

    def open_ideas(self, viewer: Actor, topic: ProposalTopic) -> list[Idea]:
        """Open ideas about ``topic``, most "me too"s first, then the newest."""
        about = frozenset({check_idea_topic(topic)})
        with self._sessions() as session:
            rows = session.scalars(proposals.still_open(about)).all()
            found = self._ideas(session, rows, viewer=viewer.resident_id)
        return sorted(found, key=proposals.popular_then_newest)

    def similar_ideas(self, text: str, viewer: Actor, topic: ProposalTopic) -> list[Idea]:
        """Open ideas about ``topic`` alike ``text`` (best first, at most three)."""
        about = frozenset({check_idea_topic(topic)})
        with self._sessions() as session:
            rows = proposals.similar_open(session, text, proposals.sent(about))
            return self._ideas(session, rows, viewer=viewer.resident_id)

    def support(self, actor: Actor, proposal_id: int) -> Idea:
        """The resident says "me too", once; their own idea counts as supported."""
        resident_id = require_resident(actor)
        proposals.add_support(
            self._sessions,
            resident_id,
            proposal_id,
            IDEAS,
            now=self._now(),
            answered_words=ANSWERED_WORDS,
        )
        with self._sessions() as session:
            row = proposals.load_sent(session, proposal_id, IDEAS)
            return self._ideas(session, [row], viewer=resident_id)[0]

    # -- the coordinator's inbox and answers -----------------------------------------------

    def inbox(self, actor: Actor) -> list[Idea]:
        """Every sent idea: unanswered (oldest first), then answered (newest first)."""
        actor.require(Capability.PLAN_ACTIVITIES)
        with self._sessions() as session:
            rows = session.scalars(proposals.sent(IDEAS)).all()
            found = self._ideas(session, rows, viewer=None)
        return proposals.waiting_then_answered(found)

    def answer(self, actor: Actor, proposal_id: int, answer: IdeaAnswer) -> Idea:
        """The coordinator's answer; answering again replaces it, and is heard again."""
        actor.require(Capability.PLAN_ACTIVITIES)
        kind = IdeaAnswerKind(answer.kind)
        words = idea_answer_words(answer)
        with session_scope(self._sessions) as session:
            row = proposals.load_sent(session, proposal_id, IDEAS)
            proposals.refuse_withdrawn(row)
            now = self._now()
            row.done_at = (row.done_at or now) if kind is IdeaAnswerKind.DONE else None
            proposals.set_answer(
                session,
                actor,
                row,
                status=IDEA_ANSWER_STATUS[kind],
                words=words,
                now=now,
                detail=kind.value,
            )
            return self._ideas(session, [row], viewer=None)[0]

    # -- "You said, we did" ----------------------------------------------------------------

    def answers_to_hear(self, actor: Actor) -> list[Idea]:
        """The resident's own answered ideas they have not heard yet, oldest first."""
        resident_id = require_resident(actor)
        with self._sessions() as session:
            rows = proposals.answers_to_hear(session, resident_id, IDEAS)
            return self._ideas(session, rows, viewer=resident_id)

    def mark_heard(self, actor: Actor, proposal_ids: Iterable[int]) -> None:
        """The resident has heard these answers (others' ideas, and meals, are left alone)."""
        resident_id = require_resident(actor)
        proposals.mark_heard(self._sessions, resident_id, proposal_ids, IDEAS, now=self._now())

    # -- rows into what the screens see ----------------------------------------------------

    def _ideas(
        self, session: Session, rows: Sequence[models.Proposal], *, viewer: int | None
    ) -> list[Idea]:
        if not rows:
            return []
        shared = proposals.extras(session, rows, viewer)
        planned = _planned_for(session, [row.id for row in rows], self._now())
        return [_to_idea(row, shared, planned.get(row.id), viewer) for row in rows]


def _live_activity(session: Session, activity_id: int) -> models.Activity:
    activity = session.get(models.Activity, activity_id)
    if activity is None:
        raise NotFoundError(N_("We could not find that activity."))
    if activity.archived_at is not None:
        raise ValidationError(
            "activity", N_("That activity is no longer offered here. Please choose another.")
        )
    return activity


def _planned_for(session: Session, ids: list[int], now: datetime) -> dict[int, datetime]:
    """For each idea, the start of the next slot planned from it that is not over (or,
    when none is, of the latest one), in the home's time zone. Cancelled slots do not
    count. One query for any number of ideas."""
    slots: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for proposal_id, starts_at, ends_at in session.execute(
        select(
            models.ScheduleSlot.proposal_id,
            models.ScheduleSlot.starts_at,
            models.ScheduleSlot.ends_at,
        ).where(
            models.ScheduleSlot.proposal_id.in_(ids),
            models.ScheduleSlot.status != SlotStatus.CANCELLED.value,
        )
    ):
        slots[proposal_id].append((starts_at, ends_at))
    if not slots:
        return {}
    zone = home_zone_in(session)
    moment = now.astimezone(UTC)
    planned: dict[int, datetime] = {}
    for proposal_id, times in slots.items():
        to_come = [starts for starts, ends in times if ends.astimezone(UTC) > moment]
        starts = min(to_come) if to_come else max(starts for starts, _ in times)
        planned[proposal_id] = starts.astimezone(zone)
    return planned


def _to_idea(
    row: models.Proposal,
    shared: proposals.Extras,
    planned_for: datetime | None,
    viewer: int | None,
) -> Idea:
    return Idea(
        id=row.id,
        resident_id=row.resident_id,
        resident_name=shared.resident_name(row),
        topic=ProposalTopic(row.topic),
        title=row.title,
        picture=row.picture,
        activity_id=row.activity_id,
        reason=row.details,
        status=ProposalStatus(row.status),
        submitted_at=row.submitted_at,
        supporters=shared.supporters_of(row),
        supported_by_viewer=shared.supported_by(row, viewer),
        response=row.response if row.responded_at is not None else None,
        responded_by=shared.staff_name(row.responded_by_staff_id),
        responded_at=row.responded_at,
        planned_for=planned_for,
        raised_by=shared.staff_name(row.raised_by_staff_id),
        done_at=row.done_at,
    )
