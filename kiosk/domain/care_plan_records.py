"""What staff see around a care plan: its versions, its reviews, when each plan is due a
review, and the residents' requests to talk about it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from kiosk.domain.enums import CarePlanSection, TalkRequestSource

DUE_SOON = timedelta(days=14)  # a review this close is shown as "due soon"


@dataclass(frozen=True, slots=True)
class VersionSummary:
    """One saved version: when, by whom, with whom, and what changed."""

    number: int
    created_at: datetime
    written_by: str | None
    people_present: str | None
    resident_took_part: bool
    what_changed: str | None


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """A review held together: when, who took part, what changed, and the next one."""

    reviewed_on: date
    reviewed_by: str | None
    people_present: str | None
    resident_involved: bool
    what_changed: str | None
    next_review_on: date | None
    version_number: int | None


class ReviewState(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    NOT_SET = "not_set"  # no date for the next review
    LATER = "later"
    NO_PLAN = "no_plan"  # nothing written yet


def review_state(has_plan: bool, next_review_on: date | None, today: date) -> ReviewState:
    """Where a plan stands against its next review date on ``today``."""
    if not has_plan:
        return ReviewState.NO_PLAN
    if next_review_on is None:
        return ReviewState.NOT_SET
    if next_review_on < today:
        return ReviewState.OVERDUE
    if next_review_on <= today + DUE_SOON:
        return ReviewState.DUE_SOON
    return ReviewState.LATER


@dataclass(frozen=True, slots=True)
class PlanStatus:
    """One resident's plan at a glance, for the carers' list."""

    resident_id: int
    resident_name: str
    room: str | None
    version_number: int | None
    next_review_on: date | None
    state: ReviewState
    open_talks: int


@dataclass(frozen=True, slots=True)
class TalkRequestView:
    """ "I want to talk about this": which section, when, and how it was resolved."""

    id: int
    resident_id: int
    resident_name: str
    section: CarePlanSection | None
    note: str | None
    raised_at: datetime
    raised_via: TalkRequestSource
    resolved_at: datetime | None
    resolved_by: str | None
    resolution: str | None

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None
