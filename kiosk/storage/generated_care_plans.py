"""Care plans for the generated home: versions, reviews and requests to talk.

Each resident's first plan is written soon after they move in (or after the home began
using the kiosk) and reviewed every few months; some reviews write a new version. Part of
:mod:`kiosk.storage.generated`, which runs this step after the programme and menus.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from kiosk.domain.enums import CarePlanSection, GoalStatus, StaffRole, TalkRequestSource
from kiosk.storage import generated_content as content
from kiosk.storage.generated_planner import (
    TALK_REQUESTS_PER_RESIDENT_YEAR,
    YEAR_DAYS,
    Person,
    Planner,
    Row,
    at,
    local_day,
)
from kiosk.storage.models import (
    Base,
    CarePlan,
    CarePlanConfirmation,
    CarePlanGoal,
    CarePlanReview,
    CarePlanRisk,
    CarePlanRoutine,
    CarePlanSectionText,
    CarePlanVersion,
    TalkRequest,
)

_REVIEW_EVERY_DAYS = (90, 150)
_NEW_VERSION_AT_REVIEW = 0.45  # most reviews find the plan still right
_DAY = timedelta(days=1)


@dataclass
class _Plan:
    """A care plan's current state, as versions are written."""

    plan_id: int
    versions: list[tuple[date, int]] = field(default_factory=list)  # (written on, id)
    sections: dict[CarePlanSection, int] = field(default_factory=dict)  # chosen words

    def version_on(self, day: date) -> int:
        return [version for written, version in self.versions if written <= day][-1]


class CarePlanSteps(Planner):
    """Every resident's care plan, as it was written and reviewed over the years."""

    def _care_plans(self) -> None:
        tables: dict[type[Base], list[Row]] = {
            model: []
            for model in (
                CarePlan,
                CarePlanVersion,
                CarePlanSectionText,
                CarePlanGoal,
                CarePlanRoutine,
                CarePlanRisk,
                CarePlanConfirmation,
                CarePlanReview,
                TalkRequest,
            )
        }
        for resident in self.residents:
            self._care_plan(resident, tables)
        for model, rows in tables.items():
            self.writer.put(model, rows)

    def _care_plan(self, resident: Person, tables: dict[type[Base], list[Row]]) -> None:
        """The first plan soon after moving in (or after the home began using the kiosk),
        reviewed every few months; some reviews write a new version."""
        rng = self.rng
        start = max(resident.moved_in, self.first) + timedelta(days=rng.randint(2, 14))
        until = self.last if resident.left is None else min(self.last, resident.left - _DAY)
        if start > until:
            return
        plan = _Plan(self._id("care_plan"))
        tables[CarePlan].append(
            {"id": plan.plan_id, "resident_id": resident.id, "created_at": at(start, time(14))}
        )
        self._version(resident, plan, start, True, tables)
        # Newcomers' plans are reviewed after their first month; others carry on as before.
        first_review = (28, 56) if resident.moved_in >= self.first else (7, _REVIEW_EVERY_DAYS[1])
        day = start + timedelta(days=rng.randint(*first_review))
        while day <= until and at(day, time(15)) <= self.now:
            self._review(resident, plan, day, tables)
            day += timedelta(days=rng.randint(*_REVIEW_EVERY_DAYS))
        self._talk_requests(resident, plan, start, until, tables)

    def _version(
        self,
        resident: Person,
        plan: _Plan,
        day: date,
        took_part: bool,
        tables: dict[type[Base], list[Row]],
    ) -> int:
        rng = self.rng
        number = len(plan.versions) + 1
        version_id = self._id("care_plan_version")
        plan.versions.append((day, version_id))
        changing = list(CarePlanSection) if number == 1 else rng.sample(list(CarePlanSection), 2)
        for section in changing:
            plan.sections[section] = rng.randrange(len(content.SECTION_WORDS[section]))
        writer = self._one_of(rng.choice((StaffRole.CARER, StaffRole.MANAGER)))
        written = at(day, time(14, 0))
        tables[CarePlanVersion].append(
            {
                "id": version_id,
                "care_plan_id": plan.plan_id,
                "version_number": number,
                "written_by_staff_id": writer,
                "supported_by": f"{resident.kin}, and {self.staff_names[writer]}",
                "people_present": f"{resident.name}, {resident.kin}",
                "resident_took_part": took_part,
                "change_summary": "First plan, written together."
                if number == 1
                else rng.choice(content.CHANGES),
                "next_review_on": day + timedelta(days=120),
                "created_at": written,
            }
        )
        names = {"name": resident.name, "kin": resident.kin}
        tables[CarePlanSectionText].extend(
            {
                "id": self._id("care_plan_section"),
                "version_id": version_id,
                "section": section.value,
                "body": content.SECTION_WORDS[section][plan.sections[section]].format(**names),
            }
            for section in CarePlanSection
        )
        self._goals_routines_risks(version_id, day, names, tables)
        self._note(
            written,
            "care_plan.edit",
            staff=writer,
            record=("resident", resident.id),
            detail=f"version {number}",
        )
        if self._chance(0.35):
            confirmed = at(day + timedelta(days=rng.randint(1, 14)), time(11, 30))
            section = rng.choice((None, *CarePlanSection))
            if confirmed <= self.now and resident.here_on(local_day(confirmed)):
                tables[CarePlanConfirmation].append(
                    {
                        "id": self._id("care_plan_confirmation"),
                        "version_id": version_id,
                        "section": section.value if section else None,
                        "resident_id": resident.id,
                        "confirmed_at": confirmed,
                    }
                )
                detail = section.value if section else None
                self._note(
                    confirmed,
                    "care_plan.confirm",
                    resident=resident.id,
                    record=("resident", resident.id),
                    detail=detail,
                )
        return version_id

    def _goals_routines_risks(
        self,
        version_id: int,
        day: date,
        names: Mapping[str, str],
        tables: dict[type[Base], list[Row]],
    ) -> None:
        rng = self.rng
        for position, goal in enumerate(rng.sample(content.GOALS, rng.randint(2, 3)), start=1):
            tables[CarePlanGoal].append(
                {
                    "id": self._id("care_plan_goal"),
                    "version_id": version_id,
                    "position": position,
                    "goal": goal.format(**names),
                    "expressed_by": names["name"],
                    "status": (
                        GoalStatus.ACHIEVED if self._chance(0.2) else GoalStatus.ACTIVE
                    ).value,
                    "review_on": day + timedelta(days=90),
                }
            )
        for position, (name, timing, steps, music) in enumerate(
            rng.sample(content.ROUTINES, rng.randint(1, 2)), start=1
        ):
            tables[CarePlanRoutine].append(
                {
                    "id": self._id("care_plan_routine"),
                    "version_id": version_id,
                    "position": position,
                    "name": name,
                    "timing": timing,
                    "steps": steps,
                    "music": music,
                }
            )
        for position, (risk, agreement) in enumerate(
            rng.sample(content.RISKS, rng.randint(0, 2)), start=1
        ):
            tables[CarePlanRisk].append(
                {
                    "id": self._id("care_plan_risk"),
                    "version_id": version_id,
                    "position": position,
                    "risk": risk,
                    "agreement": agreement,
                    "agreed_by": f"{names['name']} and {names['kin']}",
                }
            )

    def _review(
        self, resident: Person, plan: _Plan, day: date, tables: dict[type[Base], list[Row]]
    ) -> None:
        involved = self._chance(0.85)
        if self._chance(_NEW_VERSION_AT_REVIEW):
            version_id = self._version(resident, plan, day, involved, tables)
            changed = "We wrote a new version together."
        else:
            version_id = plan.versions[-1][1]
            changed = f"Nothing changed. {resident.name} is happy with it."
        staff = self._one_of(self.rng.choice((StaffRole.CARER, StaffRole.MANAGER)))
        moment = at(day, time(15, 0))
        tables[CarePlanReview].append(
            {
                "id": self._id("care_plan_review"),
                "care_plan_id": plan.plan_id,
                "reviewed_on": day,
                "reviewed_by_staff_id": staff,
                "people_present": f"{resident.name}, {resident.kin}, {self.staff_names[staff]}",
                "resident_involved": involved,
                "what_changed": changed,
                "version_id": version_id,
                "next_review_on": day + timedelta(days=120),
                "created_at": moment,
            }
        )
        self._note(moment, "care_plan.review", staff=staff, record=("resident", resident.id))

    def _talk_requests(
        self,
        resident: Person,
        plan: _Plan,
        start: date,
        until: date,
        tables: dict[type[Base], list[Row]],
    ) -> None:
        """ "I want to talk about this": raised at the kiosk or with staff, mostly resolved."""
        rng = self.rng
        span = (until - start).days
        # Few enough to count out evenly: the home's total follows the rate closely.
        self.talks_owed += span * TALK_REQUESTS_PER_RESIDENT_YEAR / YEAR_DAYS
        requests, self.talks_owed = divmod(self.talks_owed, 1)
        for _ in range(int(requests)):
            day = start + timedelta(days=rng.randint(0, span))
            raised = min(self._moment(day), self.now)
            via = TalkRequestSource.KIOSK if self._chance(0.75) else TalkRequestSource.STAFF
            section = rng.choice(list(CarePlanSection)) if self._chance(0.7) else None
            request_id = self._id("talk_request")
            row: Row = {
                "id": request_id,
                "resident_id": resident.id,
                "version_id": plan.version_on(day),
                "section": section.value if section else None,
                "raised_via": via.value,
                "note": None if via is TalkRequestSource.KIOSK else "Asked at the review.",
                "raised_at": raised,
                "resolved_at": None,
                "resolved_by_staff_id": None,
                "resolution": None,
                "outcome_heard_at": None,
            }
            raiser = self._one_of(StaffRole.CARER)
            self._note(
                raised,
                "care_plan.talk_request",
                staff=raiser if via is TalkRequestSource.STAFF else None,
                resident=resident.id if via is TalkRequestSource.KIOSK else None,
                record=("talk_request", request_id),
                detail=row["section"],
            )
            resolved = raised + timedelta(days=rng.randint(1, 21), hours=rng.randint(1, 6))
            if resolved <= self.now and self._chance(0.92):
                staff = self._one_of(rng.choice((StaffRole.CARER, StaffRole.MANAGER)))
                heard = resolved + timedelta(days=rng.randint(1, 3))
                row.update(
                    resolved_at=resolved,
                    resolved_by_staff_id=staff,
                    resolution=rng.choice(content.RESOLUTIONS).format(
                        name=resident.name, kin=resident.kin
                    ),
                    outcome_heard_at=heard if heard <= self.now and self._chance(0.7) else None,
                )
                self._note(
                    resolved,
                    "care_plan.talk_resolved",
                    staff=staff,
                    record=("talk_request", request_id),
                )
            tables[TalkRequest].append(row)
