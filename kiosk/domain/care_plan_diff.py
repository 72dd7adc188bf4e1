"""Two versions of a care plan side by side: what was added, taken out or kept, line by
line, for each section and for the goals, routines and risks."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.care_plans import CarePlanView
from kiosk.domain.enums import CarePlanSection


class Change(StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class Line:
    change: Change
    text: str


@dataclass(frozen=True, slots=True)
class PartDiff:
    """One part of the plan (a section, or "goals"), and its lines from old to new."""

    part: CarePlanSection | str  # a section, or "goals", "routines", "risks", "supported_by"
    lines: tuple[Line, ...]

    @property
    def changed(self) -> bool:
        return any(line.change is not Change.SAME for line in self.lines)


@dataclass(frozen=True, slots=True)
class PlanDiff:
    older: int  # version numbers
    newer: int
    parts: tuple[PartDiff, ...]

    @property
    def changed_parts(self) -> tuple[PartDiff, ...]:
        return tuple(part for part in self.parts if part.changed)


def line_diff(old: Sequence[str], new: Sequence[str]) -> tuple[Line, ...]:
    """The lines of ``new`` against ``old``: kept, added or taken out, in reading order."""
    lines: list[Line] = []
    matcher = difflib.SequenceMatcher(a=list(old), b=list(new), autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            lines += [Line(Change.SAME, text) for text in old[old_start:old_end]]
            continue
        lines += [Line(Change.REMOVED, text) for text in old[old_start:old_end]]
        lines += [Line(Change.ADDED, text) for text in new[new_start:new_end]]
    return tuple(lines)


def compare_plans(old: CarePlanView, new: CarePlanView) -> PlanDiff:
    """Every part of two versions compared line by line (a part unchanged has only SAME)."""
    parts = [
        PartDiff(section, line_diff(_lines(old.body(section)), _lines(new.body(section))))
        for section in CarePlanSection
    ]
    for name, before, after in (
        ("goals", _goal_lines(old), _goal_lines(new)),
        ("routines", _routine_lines(old), _routine_lines(new)),
        ("risks", _risk_lines(old), _risk_lines(new)),
        ("supported_by", _lines(old.supported_by or ""), _lines(new.supported_by or "")),
    ):
        parts.append(PartDiff(name, line_diff(before, after)))
    return PlanDiff(old.version_number, new.version_number, tuple(parts))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _goal_lines(plan: CarePlanView) -> list[str]:
    return [
        " | ".join(
            part
            for part in (
                goal.goal,
                goal.expressed_by or "",
                goal.status.value,
                goal.review_on.isoformat() if goal.review_on else "",
            )
            if part
        )
        for goal in plan.goals
    ]


def _routine_lines(plan: CarePlanView) -> list[str]:
    return [
        " | ".join(part for part in (r.name, r.timing or "", r.steps, r.music or "") if part)
        for r in plan.routines
    ]


def _risk_lines(plan: CarePlanView) -> list[str]:
    return [
        " | ".join(part for part in (r.risk, r.agreement, r.agreed_by or "") if part)
        for r in plan.risks
    ]
