"""Every suggestion's trail for the evidence report: said, decided, done, how it went.

A handful of queries for all the suggestions in a range at once (never one per
suggestion): the suggestions with their names and pictures, then the menu entries and the
schedule slots made for them, then the faces given on those slots.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, null, select
from sqlalchemy.orm import Session, aliased

from kiosk.domain.enums import Meal, ProposalStatus, ProposalTopic, SlotStatus
from kiosk.domain.evidence import DoneKind, DoneThing, SuggestionChain
from kiosk.services.evidence_window import Window, counted_faces
from kiosk.storage import models


def _sent_in(window: Window) -> ColumnElement[bool]:
    """A suggestion sent in the range (not a draft; perhaps taken back since)."""
    return and_(
        models.Proposal.status != ProposalStatus.DRAFT.value,
        window.within(models.Proposal.submitted_at),
    )


def said_in(window: Window) -> Select[tuple[int]]:
    """The ids of the suggestions sent in the range."""
    return select(models.Proposal.id).where(_sent_in(window))


def suggestion_chains(
    session: Session, window: Window, *, named: bool, answered_by: date, taken_back: bool
) -> tuple[SuggestionChain, ...]:
    """The chains of the suggestions said in the range, oldest first; with ``taken_back``,
    also those the resident withdrew (the report shows them; the poster does not).

    ``named`` False does not even read who said each one (the lounge poster names nobody).
    """
    proposal = models.Proposal
    support = (
        select(models.ProposalSupport.proposal_id, func.count().label("backers"))
        .where(models.ProposalSupport.proposal_id.in_(said_in(window)))
        .group_by(models.ProposalSupport.proposal_id)
        .subquery()
    )
    responder = aliased(models.Staff)
    said_by = models.Resident.preferred_name if named else null()
    query = (
        select(
            proposal.id,
            proposal.submitted_at,
            said_by,
            proposal.topic,
            proposal.title,
            func.coalesce(proposal.picture, models.Dish.picture, models.Activity.picture),
            func.coalesce(support.c.backers, 0),
            proposal.status,
            proposal.responded_at,
            responder.name,
            proposal.response,
            proposal.done_at,
        )
        .select_from(proposal)
        .outerjoin(models.Dish, models.Dish.id == proposal.dish_id)
        .outerjoin(models.Activity, models.Activity.id == proposal.activity_id)
        .outerjoin(responder, responder.id == proposal.responded_by_staff_id)
        .outerjoin(support, support.c.proposal_id == proposal.id)
        .where(_sent_in(window))
        .order_by(proposal.submitted_at, proposal.id)
    )
    if named:
        query = query.outerjoin(models.Resident, models.Resident.id == proposal.resident_id)
    rows = session.execute(query).all()
    done = _menu_things(session, window)
    for key, things in slot_things(
        session, window, models.ScheduleSlot.proposal_id, said_in(window)
    ).items():
        done[key].extend(things)
    day = window.day
    return tuple(
        SuggestionChain(
            proposal_id=proposal_id,
            said_on=day(said_at),
            said_by=name,
            topic=ProposalTopic(topic),
            title=title,
            picture=picture,
            backed_by=backers,
            status=ProposalStatus(status),
            decided_on=day(responded_at) if responded_at is not None else None,
            decided_by=decided_by if responded_at is not None else None,
            reason=reason if responded_at is not None else None,
            done=tuple(sorted(done.get(proposal_id, ()), key=_by_day)),
            done_on=day(done_at) if done_at is not None else None,
            answered_by=answered_by,
        )
        for (
            proposal_id,
            said_at,
            name,
            topic,
            title,
            picture,
            backers,
            status,
            responded_at,
            decided_by,
            reason,
            done_at,
        ) in rows
        if taken_back or status != ProposalStatus.WITHDRAWN.value
    )


_MEAL_ORDER = {meal: order for order, meal in enumerate(Meal)}


def _by_day(thing: DoneThing) -> tuple[date, int]:
    """By day; on one day, activities, then meals in the day's order."""
    return (thing.day, _MEAL_ORDER[thing.meal] if thing.meal is not None else -1)


def _menu_things(session: Session, window: Window) -> defaultdict[int, list[DoneThing]]:
    """Menu entries made for the range's suggestions, by suggestion."""
    things: defaultdict[int, list[DoneThing]] = defaultdict(list)
    for proposal_id, menu_date, meal, dish in session.execute(
        select(
            models.MenuEntry.proposal_id,
            models.MenuEntry.menu_date,
            models.MenuEntry.meal,
            models.Dish.name,
        )
        .join(models.Dish, models.Dish.id == models.MenuEntry.dish_id)
        .where(models.MenuEntry.proposal_id.in_(said_in(window)))
        .order_by(models.MenuEntry.menu_date, models.MenuEntry.position)
    ):
        things[proposal_id].append(
            DoneThing(kind=DoneKind.MENU, day=menu_date, what=dish, meal=Meal(meal))
        )
    return things


def slot_things(
    session: Session, window: Window, key: Any, keys: Select[tuple[int]]
) -> dict[int, list[DoneThing]]:
    """Schedule slots whose ``key`` column (``proposal_id`` or ``poll_id``) is in ``keys``,
    with the faces given on each, by that key, in the order they start."""
    slot = models.ScheduleSlot
    chosen = select(slot.id).where(key.in_(keys))
    faces: defaultdict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for slot_id, face, scale, count in session.execute(
        select(models.Feedback.slot_id, models.Feedback.face, models.Feedback.scale, func.count())
        .where(models.Feedback.slot_id.in_(chosen))
        .group_by(models.Feedback.slot_id, models.Feedback.face, models.Feedback.scale)
    ):
        faces[slot_id].append((face, scale, count))
    things: defaultdict[int, list[DoneThing]] = defaultdict(list)
    for slot_id, owner, starts_at, status, title in session.execute(
        select(slot.id, key, slot.starts_at, slot.status, models.Activity.title)
        .join(models.Activity, models.Activity.id == slot.activity_id)
        .where(key.in_(keys))
        .order_by(slot.starts_at, slot.id)
    ):
        things[owner].append(
            DoneThing(
                kind=DoneKind.ACTIVITY,
                day=window.day(starts_at),
                what=title,
                cancelled=status == SlotStatus.CANCELLED.value,
                faces=counted_faces(faces.get(slot_id, ())),
            )
        )
    return things
