"""Who lived at the home, and who took part, for the evidence report.

A resident counts for a period when they had arrived by its last day and had not left before
its first day. Residents erased after leaving still count (only their names and words went),
so "took part" is never more than "lived here". Anyone who suggested, voted or said how an activity
went in the period took part, even if they left later in it. A "me too" is not counted as
suggesting.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.enums import ProposalStatus
from kiosk.domain.evidence import DateRange, MonthTaking, Participation, Taking
from kiosk.services.evidence_window import Window
from kiosk.storage import models


@dataclass(frozen=True, slots=True)
class Stay:
    """When one resident lived at the home, in local dates."""

    arrived: date
    left: date | None

    def during(self, period: DateRange) -> bool:
        return self.arrived <= period.last and (self.left is None or self.left >= period.first)


def stays(session: Session, window: Window) -> tuple[Stay, ...]:
    """Every resident who ever lived here, as local dates (a home has hundreds at most)."""
    return tuple(
        Stay(window.day(created_at), window.day(archived_at) if archived_at else None)
        for created_at, archived_at in session.execute(
            select(models.Resident.created_at, models.Resident.archived_at)
        )
    )


def living_in(all_stays: tuple[Stay, ...], period: DateRange) -> int:
    """How many residents lived at the home during ``period``."""
    return sum(1 for stay in all_stays if stay.during(period))


def participation(session: Session, window: Window, all_stays: tuple[Stay, ...]) -> Participation:
    suggested = _who_by_month(
        session,
        window,
        models.Proposal.resident_id,
        models.Proposal.submitted_at,
        models.Proposal.resident_id.is_not(None),
        models.Proposal.status != ProposalStatus.DRAFT.value,
    )
    voted = _who_by_month(session, window, models.Ballot.resident_id, models.Ballot.cast_at)
    gave_feedback = _who_by_month(
        session, window, models.Feedback.resident_id, models.Feedback.created_at
    )
    months = tuple(
        MonthTaking(
            month=window.month_first(index),
            taking=_taking(
                living_in(all_stays, window.month_range(index)),
                suggested[index],
                voted[index],
                gave_feedback[index],
            ),
        )
        for index in range(len(window.month_starts))
    )
    whole = _taking(
        living_in(all_stays, window.period),
        _union(suggested),
        _union(voted),
        _union(gave_feedback),
    )
    return Participation(whole=whole, months=months)


def _taking(residents: int, suggested: set[int], voted: set[int], feedback: set[int]) -> Taking:
    return Taking(
        residents=residents,
        suggested=len(suggested),
        voted=len(voted),
        gave_feedback=len(feedback),
        took_part=len(suggested | voted | feedback),
    )


def _union(by_month: dict[int, set[int]]) -> set[int]:
    everyone: set[int] = set()
    for residents in by_month.values():
        everyone |= residents
    return everyone


def _who_by_month(
    session: Session, window: Window, resident: Any, moment: Any, *where: Any
) -> defaultdict[int, set[int]]:
    """The residents who did something in each month of the range (one grouped query)."""
    found: defaultdict[int, set[int]] = defaultdict(set)
    for resident_id, index in session.execute(
        select(resident, window.month_index(moment)).where(window.within(moment), *where).distinct()
    ):
        found[index].add(resident_id)
    return found
