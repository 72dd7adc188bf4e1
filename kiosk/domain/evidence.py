"""The co-production evidence report: what residents said, what was decided, what was done,
and how it went, for a range of dates. Pure data and arithmetic; the service fills it in.

Every number the report prints is worked out here or counted by the service, once, so the
summary page, the charts, the tables beside them and the screen always agree. Dates are
the home's local dates; a range includes both its first and last day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from statistics import median

from kiosk.domain.enums import Meal, PollKind, ProposalStatus, ProposalTopic
from kiosk.domain.errors import ValidationError
from kiosk.domain.text import N_

LONGEST_RANGE = timedelta(days=366 * 5 + 2)  # five years, leap days included
ANSWER_WITHIN_DAYS = 14  # the inbox flags a suggestion unanswered for longer


@dataclass(frozen=True, slots=True)
class DateRange:
    """From ``first`` to ``last``, both included."""

    first: date
    last: date

    @classmethod
    def checked(cls, first: date, last: date) -> DateRange:
        """The range, or plain words when it runs backwards or is over five years long."""
        if last < first:
            raise ValidationError("range", N_("The end date is before the start date."))
        if last - first > LONGEST_RANGE:
            raise ValidationError("range", N_("Please choose five years or less."))
        return cls(first, last)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def months(self) -> tuple[date, ...]:
        """The first day of every calendar month the range touches, in order."""
        months = []
        month = self.first.replace(day=1)
        while month <= self.last:
            months.append(month)
            month = next_month(month)
        return tuple(months)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def month_of(day: date) -> date:
    return day.replace(day=1)


# ---------------------------------------------------------------------------------------
# Faces: how it went


@dataclass(frozen=True, slots=True)
class Faces:
    """How many chose each face. A five-face answer counts as its nearest of the three."""

    good: int = 0
    all_right: int = 0
    not_good: int = 0

    @property
    def total(self) -> int:
        return self.good + self.all_right + self.not_good

    @property
    def good_share(self) -> float | None:
        """The share of happy faces, 0 to 1; None when nobody answered."""
        return self.good / self.total if self.total else None

    def __add__(self, other: Faces) -> Faces:
        return Faces(
            self.good + other.good,
            self.all_right + other.all_right,
            self.not_good + other.not_good,
        )

    @classmethod
    def of(cls, answers: Iterable[tuple[int, int]]) -> Faces:
        """Count ``(face, scale)`` answers as stored (face 1 is the unhappy end)."""
        good = all_right = not_good = 0
        for face, scale in answers:
            middle = (scale + 1) / 2
            if face > middle:
                good += 1
            elif face < middle:
                not_good += 1
            else:
                all_right += 1
        return cls(good, all_right, not_good)


# ---------------------------------------------------------------------------------------
# Participation


@dataclass(frozen=True, slots=True)
class Taking:
    """How many residents did each thing, out of how many lived at the home then."""

    residents: int
    suggested: int
    voted: int
    gave_feedback: int
    took_part: int  # did at least one of the three


@dataclass(frozen=True, slots=True)
class MonthTaking:
    month: date  # its first day
    taking: Taking


@dataclass(frozen=True, slots=True)
class Participation:
    whole: Taking
    months: tuple[MonthTaking, ...]


# ---------------------------------------------------------------------------------------
# Suggestions: said, decided, done, how it went


class DoneKind(StrEnum):
    MENU = "menu"  # a menu entry
    ACTIVITY = "activity"  # a schedule slot


@dataclass(frozen=True, slots=True)
class DoneThing:
    """What was done about a suggestion (or a poll): a dish on the menu or an activity."""

    kind: DoneKind
    day: date
    what: str  # the dish or the activity
    meal: Meal | None = None  # for a menu entry
    cancelled: bool = False  # a slot later called off
    faces: Faces = field(default_factory=Faces)  # feedback on the slot


@dataclass(frozen=True, slots=True)
class SuggestionChain:
    """One suggestion's trail, every link dated."""

    proposal_id: int
    said_on: date
    said_by: str | None  # the resident's name; None when staff wrote it for the home
    topic: ProposalTopic
    title: str
    picture: str | None  # a pictogram key (its own, its dish's or its activity's)
    backed_by: int  # other residents who said "me too"
    status: ProposalStatus
    decided_on: date | None
    decided_by: str | None
    reason: str | None  # the answer in the staff member's words
    done: tuple[DoneThing, ...]
    done_on: date | None
    answered_by: date | None = None  # the end of the report's range, for "still waiting"

    @property
    def answered(self) -> bool:
        return self.decided_on is not None

    @property
    def days_to_answer(self) -> int | None:
        return None if self.decided_on is None else (self.decided_on - self.said_on).days

    @property
    def days_waiting(self) -> int | None:
        """Days since it was said, when it is still waiting for an answer."""
        if self.decided_on is not None or self.answered_by is None:
            return None
        if self.status is ProposalStatus.WITHDRAWN:
            return None  # taken back: nothing to wait for
        return max(0, (self.answered_by - self.said_on).days)

    @property
    def faces(self) -> Faces:
        total = Faces()
        for thing in self.done:
            total = total + thing.faces
        return total

    @property
    def went_ahead(self) -> bool:
        """Agreed or done, or something was put on the menu or the week for it."""
        return self.status in (ProposalStatus.AGREED, ProposalStatus.DONE) or bool(self.done)


# ---------------------------------------------------------------------------------------
# Polls


@dataclass(frozen=True, slots=True)
class OptionResult:
    label: str
    chosen: int = 0  # choose one
    yes: int = 0  # yes / maybe / no
    maybe: int = 0
    no: int = 0

    @property
    def score(self) -> int:
        """What ranks it: choices, or yeses."""
        return self.chosen + self.yes


@dataclass(frozen=True, slots=True)
class PollOutcome:
    poll_id: int
    question: str
    kind: PollKind
    opened_on: date
    closed_on: date
    residents: int  # who could vote (living at the home while it was open)
    voted: int
    options: tuple[OptionResult, ...]
    done: tuple[DoneThing, ...]  # slots planned from it
    still_open: bool = False  # voting goes on after the report was made

    @property
    def turnout(self) -> float | None:
        return self.voted / self.residents if self.residents else None

    @property
    def winners(self) -> tuple[str, ...]:
        """The option or options with the most choices (or yeses); none without votes."""
        best = max((option.score for option in self.options), default=0)
        if best == 0:
            return ()
        return tuple(option.label for option in self.options if option.score == best)


# ---------------------------------------------------------------------------------------
# Feedback per activity over time


@dataclass(frozen=True, slots=True)
class MonthFaces:
    month: date
    faces: Faces


@dataclass(frozen=True, slots=True)
class ActivityFeedback:
    activity_id: int
    title: str
    sessions: int  # slots held (not cancelled) in the range
    months: tuple[MonthFaces, ...]  # only months with answers

    @property
    def faces(self) -> Faces:
        total = Faces()
        for month in self.months:
            total = total + month.faces
        return total


# ---------------------------------------------------------------------------------------
# Care plans and requests to talk


class PlanWork(StrEnum):
    REVIEW = "review"  # a care_plan_review
    VERSION = "version"  # a new version written


@dataclass(frozen=True, slots=True)
class PlanEvent:
    """A review, or a new version of a plan: who for, when, and whether they took part."""

    resident: str
    day: date
    work: PlanWork
    took_part: bool
    by: str | None  # the member of staff


@dataclass(frozen=True, slots=True)
class TalkEntry:
    resident: str
    section: str | None  # a CarePlanSection value; None for the whole plan
    raised_on: date
    resolved_on: date | None
    as_of: date  # for "still open after N days"

    @property
    def days_to_resolve(self) -> int | None:
        return None if self.resolved_on is None else (self.resolved_on - self.raised_on).days

    @property
    def days_open(self) -> int:
        end = self.resolved_on if self.resolved_on is not None else self.as_of
        return max(0, (end - self.raised_on).days)


# ---------------------------------------------------------------------------------------
# The whole report and its summary


@dataclass(frozen=True, slots=True)
class EvidenceReport:
    home_name: str
    period: DateRange
    made_on: date
    participation: Participation
    suggestions: tuple[SuggestionChain, ...]  # oldest first
    polls: tuple[PollOutcome, ...]  # by closing date
    activities: tuple[ActivityFeedback, ...]  # most answers first
    plan_events: tuple[PlanEvent, ...]  # oldest first
    talk_requests: tuple[TalkEntry, ...]  # oldest first

    @property
    def empty(self) -> bool:
        """Nothing at all happened in the range (a short, friendly report)."""
        return not (
            self.suggestions
            or self.polls
            or self.activities
            or self.plan_events
            or self.talk_requests
            or self.participation.whole.took_part
        )

    @property
    def summary(self) -> EvidenceSummary:
        return EvidenceSummary.of(self)


@dataclass(frozen=True, slots=True)
class EvidenceSummary:
    """The first page's numbers."""

    residents: int
    took_part: int
    suggestions: int
    answered: int
    answered_in_time: int  # within ANSWER_WITHIN_DAYS
    median_days_to_answer: float | None
    went_ahead: int
    polls: int
    average_turnout: float | None
    feedback: Faces
    reviews: int
    reviews_with_resident: int
    versions: int
    versions_with_resident: int
    talk_requests: int
    talk_resolved: int
    median_days_to_resolve: float | None

    @classmethod
    def of(cls, report: EvidenceReport) -> EvidenceSummary:
        chains = report.suggestions
        answer_days = [d for c in chains if (d := c.days_to_answer) is not None]
        turnouts = [t for p in report.polls if (t := p.turnout) is not None]
        feedback = Faces()
        for activity in report.activities:
            feedback = feedback + activity.faces
        reviews = [e for e in report.plan_events if e.work is PlanWork.REVIEW]
        versions = [e for e in report.plan_events if e.work is PlanWork.VERSION]
        resolve_days = [d for t in report.talk_requests if (d := t.days_to_resolve) is not None]
        return cls(
            residents=report.participation.whole.residents,
            took_part=report.participation.whole.took_part,
            suggestions=len(chains),
            answered=len(answer_days),
            answered_in_time=sum(1 for d in answer_days if d <= ANSWER_WITHIN_DAYS),
            median_days_to_answer=_median(answer_days),
            went_ahead=sum(1 for c in chains if c.went_ahead),
            polls=len(report.polls),
            average_turnout=sum(turnouts) / len(turnouts) if turnouts else None,
            feedback=feedback,
            reviews=len(reviews),
            reviews_with_resident=sum(1 for e in reviews if e.took_part),
            versions=len(versions),
            versions_with_resident=sum(1 for e in versions if e.took_part),
            talk_requests=len(report.talk_requests),
            talk_resolved=len(resolve_days),
            median_days_to_resolve=_median(resolve_days),
        )


def _median(values: Sequence[int]) -> float | None:
    return float(median(values)) if values else None


def share(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` as 0 to 1, or None when there is no whole."""
    return part / whole if whole else None


def percent(value: float | None) -> str:
    """A share as a whole percentage ("67%"), or a dash when there is none."""
    return "–" if value is None else f"{round(value * 100)}%"
