"""Care plans as a reader sees them: one version, in the person's own words.

The sections follow the PRSB "About Me" standard and are always all seven, in reading
order, so a screen or a printout never has to guess which are missing: a section not yet
written is an empty string.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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
    """One version of a resident's care plan (usually the newest), ready to show or read aloud.

    ``next_review_on`` is when the plan will next be looked at together (from the newest
    review, or else from this version). ``confirmed`` holds when the resident last said
    "Yes, that's right" about each section of this version.
    """

    resident_id: int
    version_number: int
    created_at: datetime
    sections: tuple[SectionText, ...]
    goals: tuple[PlanGoal, ...]
    routines: tuple[DailyRoutine, ...]
    risks: tuple[AgreedRisk, ...]
    supported_by: str | None
    next_review_on: date | None
    resident_name: str = ""
    confirmed: Mapping[CarePlanSection, datetime] = field(default_factory=dict)

    def body(self, section: CarePlanSection) -> str:
        """The words of one section ("" when not written)."""
        for text in self.sections:
            if text.section == section:
                return text.body
        return ""


@dataclass(frozen=True, slots=True)
class PlanDraft:
    """A whole plan as written with the person, to be saved as a new version. Sections
    left out (or blank) are "not written yet"."""

    sections: Mapping[CarePlanSection, str]
    goals: tuple[PlanGoal, ...] = ()
    routines: tuple[DailyRoutine, ...] = ()
    risks: tuple[AgreedRisk, ...] = ()
    supported_by: str | None = None
    next_review_on: date | None = None


@dataclass(frozen=True, slots=True)
class WhoTookPart:
    """Who was there when the plan was written or reviewed, and whether the person
    themselves took part: what an inspector asks first."""

    people_present: str
    resident_took_part: bool
    what_changed: str | None = None


def sections_in_order(bodies: Mapping[CarePlanSection, str]) -> tuple[SectionText, ...]:
    """All seven sections in reading order, with "" for any not written."""
    return tuple(SectionText(section, bodies.get(section, "")) for section in CarePlanSection)


def section_picture(section: CarePlanSection) -> str:
    """The picture beside a section, on screen and in print: "section-what-matters"."""
    return "section-" + section.value.replace("_", "-")
