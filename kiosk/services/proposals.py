"""What every suggestion shares, whatever it is about: send once, drafts, "me too",
answers heard, alike titles, and the names and counts shown beside each one.

Meal suggestions (``services/suggestions.py``) and ideas for activities and the home
(``services/ideas.py``) are rows of the one ``proposal`` table, told apart by topic. These
functions take the caller's session (or session factory) and the topics the caller looks
after, so meal drafts and idea drafts, meal answers and idea answers are never mixed up.
What belongs to one kind only (a menu entry for a meal, a schedule slot for an idea) stays
in that kind's service.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor
from kiosk.domain.enums import ProposalStatus, ProposalTopic
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.meals import similar_titles
from kiosk.domain.text import N_
from kiosk.services.audit import record
from kiosk.services.who import require_active_resident
from kiosk.storage import models
from kiosk.storage.database import session_scope

T = TypeVar("T")
Topics = frozenset[ProposalTopic]

MEALS: Topics = frozenset({ProposalTopic.MEAL})
DRAFT = ProposalStatus.DRAFT.value
OPEN = ProposalStatus.OPEN.value
WITHDRAWN = ProposalStatus.WITHDRAWN.value
NOT_SENT = (DRAFT, WITHDRAWN)
SIMILAR_LIMIT = 3

HasSupported = Callable[[Session, int, int], bool]


# ---------------------------------------------------------------------------------------
# Which rows


def _about(topics: Topics) -> list[str]:
    return sorted(ProposalTopic(topic).value for topic in topics)


def sent(topics: Topics) -> Select[tuple[models.Proposal]]:
    """Suggestions of these topics that were sent and not taken back."""
    return select(models.Proposal).where(
        models.Proposal.topic.in_(_about(topics)), models.Proposal.status.not_in(NOT_SENT)
    )


def still_open(topics: Topics) -> Select[tuple[models.Proposal]]:
    """Sent suggestions of these topics still waiting for an answer."""
    return sent(topics).where(models.Proposal.status == OPEN)


def load_sent(session: Session, proposal_id: int, topics: Topics) -> models.Proposal:
    """A sent suggestion of these topics (drafts are the resident's own business)."""
    row = session.get(models.Proposal, proposal_id)
    if row is None or row.topic not in _about(topics) or row.status == DRAFT:
        raise NotFoundError(N_("We could not find that suggestion."))
    return row


def by_token(
    session: Session, token: str, resident_id: int, topics: Topics
) -> models.Proposal | None:
    """The suggestion a screen already sent with this one-off token, if any."""
    row = session.scalar(select(models.Proposal).where(models.Proposal.client_token == token))
    if row is None:
        return None
    if row.resident_id != resident_id or row.topic not in _about(topics):
        raise ValidationError(
            "client_token", N_("Something went wrong. Please try sending it again.")
        )
    return row


# ---------------------------------------------------------------------------------------
# Sending once


def send_once(
    sessions: sessionmaker[Session],
    token: str | None,
    *,
    find: Callable[[str], T | None],
    send: Callable[[Session], T],
) -> T:
    """Send a suggestion unless ``token`` was sent before; a double tap stores one.

    ``find`` looks a token up (in a session of its own); ``send`` stores the suggestion
    in the session given. When two taps race past the look-up, the database's unique
    token lets one in, and the other gets that one back.
    """
    if token is not None:
        already = find(token)
        if already is not None:
            return already
    try:
        with session_scope(sessions) as session:
            return send(session)
    except IntegrityError:
        already = find(token) if token is not None else None
        if already is None:
            raise
        return already


# ---------------------------------------------------------------------------------------
# Drafts: one per resident per kind, kept when they are signed out part-way


def drafts(session: Session, resident_id: int, topics: Topics) -> list[models.Proposal]:
    """The resident's drafts of these topics, newest first (there should be one at most)."""
    return list(
        session.scalars(
            select(models.Proposal)
            .where(
                models.Proposal.resident_id == resident_id,
                models.Proposal.topic.in_(_about(topics)),
                models.Proposal.status == DRAFT,
            )
            .order_by(models.Proposal.updated_at.desc(), models.Proposal.id.desc())
        ).all()
    )


def one_draft(session: Session, resident_id: int, topics: Topics) -> models.Proposal | None:
    """The resident's newest draft of these topics; any older ones are thrown away."""
    found = drafts(session, resident_id, topics)
    for extra in found[1:]:
        session.delete(extra)
    return found[0] if found else None


def own_draft(
    session: Session, resident_id: int, draft_id: int, topics: Topics
) -> models.Proposal | None:
    """The draft ``draft_id`` if it is this resident's, of these topics, and still a draft."""
    row = session.get(models.Proposal, draft_id)
    if row is None or row.resident_id != resident_id or row.topic not in _about(topics):
        return None
    return row if row.status == DRAFT else None


def discard_drafts(sessions: sessionmaker[Session], resident_id: int, topics: Topics) -> None:
    with session_scope(sessions) as session:
        for row in drafts(session, resident_id, topics):
            session.delete(row)


# ---------------------------------------------------------------------------------------
# "Me too"


def has_supported(session: Session, proposal_id: int, resident_id: int) -> bool:
    return (
        session.scalar(
            select(models.ProposalSupport.id).where(
                models.ProposalSupport.proposal_id == proposal_id,
                models.ProposalSupport.resident_id == resident_id,
            )
        )
        is not None
    )


def add_support(
    sessions: sessionmaker[Session],
    resident_id: int,
    proposal_id: int,
    topics: Topics,
    *,
    now: datetime,
    answered_words: str,
    supported: HasSupported | None = None,
) -> None:
    """The resident says "me too", once; their own suggestion counts as supported.

    An answered suggestion is closed (``answered_words`` say so). Two taps racing past
    the check leave one "me too": the database holds one per resident per suggestion.
    ``supported`` is the check to use (:func:`has_supported` unless a caller has its own).
    """
    check = supported or has_supported
    try:
        with session_scope(sessions) as session:
            require_active_resident(session, resident_id)
            row = load_sent(session, proposal_id, topics)
            if row.resident_id == resident_id or check(session, proposal_id, resident_id):
                return
            if row.status != OPEN:
                raise ValidationError("proposal", answered_words)
            session.add(
                models.ProposalSupport(
                    proposal_id=proposal_id, resident_id=resident_id, created_at=now
                )
            )
            session.flush()
    except IntegrityError:
        with sessions() as session:
            if not has_supported(session, proposal_id, resident_id):
                raise


# ---------------------------------------------------------------------------------------
# Answers


def refuse_withdrawn(row: models.Proposal) -> None:
    if row.status == WITHDRAWN:
        raise ValidationError(
            "proposal", N_("The resident took this suggestion back, so it needs no answer.")
        )


def set_answer(
    session: Session,
    actor: Actor,
    row: models.Proposal,
    *,
    status: ProposalStatus,
    words: str,
    now: datetime,
    detail: str,
) -> None:
    """Store a member of staff's answer; the resident hears it (again, if it changed)."""
    row.status = status.value
    row.response = words
    row.responded_by_staff_id = actor.staff_id
    row.responded_at = now
    row.response_heard_at = None  # the resident hears the new answer
    row.updated_at = now
    session.flush()
    record(
        session,
        actor,
        "suggestion.answer",
        record_type="proposal",
        record_id=row.id,
        detail=detail,
    )


def answers_to_hear(session: Session, resident_id: int, topics: Topics) -> list[models.Proposal]:
    """The resident's own answered suggestions they have not heard yet, oldest first."""
    return list(
        session.scalars(
            sent(topics)
            .where(
                models.Proposal.resident_id == resident_id,
                models.Proposal.responded_at.is_not(None),
                models.Proposal.response_heard_at.is_(None),
            )
            .order_by(models.Proposal.responded_at, models.Proposal.id)
        ).all()
    )


def mark_heard(
    sessions: sessionmaker[Session],
    resident_id: int,
    proposal_ids: Iterable[int],
    topics: Topics,
    *,
    now: datetime,
) -> None:
    """The resident has heard these answers (others' suggestions are left alone)."""
    ids = set(proposal_ids)
    if not ids:
        return
    with session_scope(sessions) as session:
        rows = session.scalars(
            select(models.Proposal).where(
                models.Proposal.id.in_(ids),
                models.Proposal.topic.in_(_about(topics)),
                models.Proposal.resident_id == resident_id,
                models.Proposal.responded_at.is_not(None),
                models.Proposal.response_heard_at.is_(None),
            )
        ).all()
        for row in rows:
            row.response_heard_at = now
            row.updated_at = now


# ---------------------------------------------------------------------------------------
# Browsing


def similar_open(
    session: Session, text: str, query: Select[tuple[models.Proposal]]
) -> list[models.Proposal]:
    """Open suggestions from ``query`` with titles alike ``text``: best first, at most three."""
    rows = session.scalars(query.where(models.Proposal.status == OPEN)).all()
    by_id = {row.id: row for row in rows}
    ids = similar_titles(text, [(row.id, row.title) for row in rows], SIMILAR_LIMIT)
    return [by_id[i] for i in ids]


class Listed(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def supporters(self) -> int: ...
    @property
    def submitted_at(self) -> datetime | None: ...
    @property
    def responded_at(self) -> datetime | None: ...


L = TypeVar("L", bound=Listed)


def popular_then_newest(item: Listed) -> tuple[int, float, int]:
    """Sort key: most "me too"s first, then the newest."""
    return (-item.supporters, -_seconds(item.submitted_at), -item.id)


def waiting_then_answered(items: Iterable[L]) -> list[L]:
    """The inbox's order: unanswered oldest first, then answered newest first."""
    found = list(items)
    waiting = [item for item in found if item.responded_at is None]
    waiting.sort(key=lambda item: (_seconds(item.submitted_at), item.id))
    answered = [item for item in found if item.responded_at is not None]
    answered.sort(key=lambda item: (_seconds(item.responded_at), item.id), reverse=True)
    return waiting + answered


def _seconds(moment: datetime | None) -> float:
    return moment.timestamp() if moment is not None else 0.0


# ---------------------------------------------------------------------------------------
# What a suggestion shows beyond its own row, read for many rows at once


@dataclass(frozen=True)
class Extras:
    supporters: dict[int, int]  # proposal id: "me too"s
    supported: set[int]  # proposals the viewer said "me too" to
    residents: dict[int, str]  # resident id: preferred name
    staff: dict[int, str]  # staff id: name

    def supporters_of(self, row: models.Proposal) -> int:
        return int(self.supporters.get(row.id, 0))

    def supported_by(self, row: models.Proposal, viewer: int | None) -> bool:
        """The resident asking said "me too", or suggested it themselves."""
        return viewer is not None and (row.resident_id == viewer or row.id in self.supported)

    def resident_name(self, row: models.Proposal) -> str | None:
        return self.residents.get(row.resident_id) if row.resident_id else None

    def staff_name(self, staff_id: int | None) -> str | None:
        return self.staff.get(staff_id) if staff_id else None


def extras(session: Session, rows: Sequence[models.Proposal], viewer: int | None) -> Extras:
    ids = [row.id for row in rows]
    supporters = dict(
        session.execute(
            select(models.ProposalSupport.proposal_id, func.count())
            .where(models.ProposalSupport.proposal_id.in_(ids))
            .group_by(models.ProposalSupport.proposal_id)
        ).all()
    )
    supported: set[int] = set()
    if viewer is not None:
        supported = set(
            session.scalars(
                select(models.ProposalSupport.proposal_id).where(
                    models.ProposalSupport.proposal_id.in_(ids),
                    models.ProposalSupport.resident_id == viewer,
                )
            ).all()
        )
    resident_ids = {row.resident_id for row in rows if row.resident_id is not None}
    staff_ids = {row.responded_by_staff_id for row in rows if row.responded_by_staff_id} | {
        row.raised_by_staff_id for row in rows if row.raised_by_staff_id
    }
    residents = dict(
        session.execute(
            select(models.Resident.id, models.Resident.preferred_name).where(
                models.Resident.id.in_(resident_ids)
            )
        ).all()
    )
    staff = dict(
        session.execute(
            select(models.Staff.id, models.Staff.name).where(models.Staff.id.in_(staff_ids))
        ).all()
    )
    return Extras(supporters, supported, residents, staff)
