"""Care plans as a reader sees them: one version, in the person's own words.

The sections follow the PRSB "About Me" standard and are always all seven, in reading
order, so a screen or a printout never has to guess which are missing: a section not yet
written is an empty string.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.domain.enums import CarePlanSection, GoalStatus


@dataclass(frozen=True, slots=True)
class SectionText:
    """One "About Me" section; ``body`` is "" when nothing has been written yet."""

    section: CarePlanSection
    body: str


@dataclass(frozen=True, slots=True)
class PlanGoal:
    """A goal in the person's own words, and who put it into words."""

    goal: str
    expressed_by: str | None
    status: GoalStatus
    review_on: date | None


@dataclass(frozen=True, slots=True)
class DailyRoutine:
    """A routine the person chose: when, in what order, with what music."""

    name: str
    timing: str | None
    steps: str
    music: str | None


@dataclass(frozen=True, slots=True)
class AgreedRisk:
    """A risk talked through together, and what was agreed about it."""

    risk: str
    agreement: str
    agreed_by: str | None


@dataclass(frozen=True, slots=True)
class CarePlanView:
    """One version of a resident's care plan (usually the newest), ready to show or read aloud."""

    resident_id: int
    version_number: int
    created_at: datetime
    sections: tuple[SectionText, ...]
    goals: tuple[PlanGoal, ...]
    routines: tuple[DailyRoutine, ...]
    risks: tuple[AgreedRisk, ...]
    supported_by: str | None
    next_review_on: date | None

    def body(self, section: CarePlanSection) -> str:
        """The words of one section ("" when not written)."""
        for text in self.sections:
            if text.section == section:
                return text.body
        return ""


def sections_in_order(bodies: Mapping[CarePlanSection, str]) -> tuple[SectionText, ...]:
    """All seven sections in reading order, with "" for any not written."""
    return tuple(SectionText(section, bodies.get(section, "")) for section in CarePlanSection)
