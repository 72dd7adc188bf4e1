"""Fill a demo database with a believable care home, Willow Court, to try the kiosk with.

Everything is written in one transaction, so a demo database is either fully seeded or
not touched at all. A row in ``schema_meta`` records that it was done; seeding again
changes nothing. A live database (a real home) is always refused.

Times are set in the home's local time (Europe/London) and stored as UTC. Days are
counted from ``today``, so "this week" in the demo is always the current week.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.domain.enums import (
    ActorKind,
    BallotAnswer,
    CarePlanSection,
    DatabaseKind,
    Meal,
    PollKind,
    ProposalStatus,
    ProposalTopic,
    SlotSource,
    SlotStatus,
    StaffRole,
)
from kiosk.domain.meals import ANSWER_STATUS, AnswerKind
from kiosk.domain.pins import hash_pin
from kiosk.domain.text import N_
from kiosk.storage import demo_content as content
from kiosk.storage.database import Database, session_scope
from kiosk.storage.errors import DatabaseError
from kiosk.storage.models import (
    Activity,
    Attendance,
    AuditEvent,
    Ballot,
    BallotChoice,
    Base,
    CarePlan,
    CarePlanConfirmation,
    CarePlanGoal,
    CarePlanReview,
    CarePlanRisk,
    CarePlanRoutine,
    CarePlanSectionText,
    CarePlanVersion,
    Dish,
    DishAllergen,
    DishDietaryTag,
    Feedback,
    MenuEntry,
    Poll,
    PollOption,
    Proposal,
    ProposalDietaryTag,
    ProposalSupport,
    Resident,
    ScheduleSlot,
    SchemaMeta,
    Setting,
    Staff,
    TalkRequest,
)
from kiosk.storage.types import utc_now

__all__ = [
    "DEMO_RESIDENT_PINS",
    "DEMO_STAFF_PINS",
    "SEEDED_MARKER",
    "DemoSummary",
    "NotADemoDatabase",
    "seed_demo_home",
]

HOME_ZONE = ZoneInfo(content.HOME_TIMEZONE)
SEEDED_MARKER = "demo_seeded_at"

# The demo PINs, for the README: staff by role, residents with a care-plan PIN by name.
DEMO_STAFF_PINS: Mapping[str, str] = content.STAFF_PINS
DEMO_RESIDENT_PINS: Mapping[str, str] = content.RESIDENT_PINS

# Feedback faces for residents who did not add words: mostly happy, a few not.
_FACES = (3, 2, 1)
_FACE_WEIGHTS = (6, 3, 1)
_FEEDBACK_SHARE = 0.7  # how many of those who came gave a face
_RANDOM_SEED = 2024  # the same demo every time


class NotADemoDatabase(DatabaseError):
    """Demo data may only go into a database made for the demo home."""

    def __init__(self, location: str) -> None:
        super().__init__(
            N_(
                "The database {location} holds a real home, not the demo home. "
                "The demo data was not added."
            ),
            location=location,
        )


@dataclass(frozen=True)
class DemoSummary:
    seeded: bool  # False when the demo home was already there
    counts: dict[str, int]  # rows per table after seeding


def seed_demo_home(database: Database, *, today: date | None = None) -> DemoSummary:
    """Add the demo home to a demo database, once. Refuses a live database.

    ``today`` defaults to today's date in the home (Europe/London).
    """
    if database.kind != DatabaseKind.DEMO:
        raise NotADemoDatabase(database.location)
    clock = _make_clock(today)
    with session_scope(database.sessions) as session:
        recorded_kind = session.get(SchemaMeta, "kind")
        if recorded_kind is None or recorded_kind.value != DatabaseKind.DEMO.value:
            raise NotADemoDatabase(database.location)
        if session.get(SchemaMeta, SEEDED_MARKER) is not None:
            return DemoSummary(seeded=False, counts=_count_rows(session))
        session.add(SchemaMeta(name=SEEDED_MARKER, value=utc_now().isoformat()))
        _seed_everything(session, clock)
        session.flush()
        counts = _count_rows(session)
    return DemoSummary(seeded=True, counts=counts)


# ---------------------------------------------------------------------------------------
# Time in the home


@dataclass(frozen=True)
class _Clock:
    """Today and now in the home, and helpers to turn home times into stored UTC times."""

    today: date
    now: datetime  # aware, UTC

    @property
    def this_monday(self) -> date:
        return self.today - timedelta(days=self.today.weekday())

    @property
    def last_monday(self) -> date:
        return self.this_monday - timedelta(days=7)

    def at(self, day: date, clock_time: time) -> datetime:
        """``clock_time`` on ``day`` in the home, as an aware UTC datetime."""
        return datetime.combine(day, clock_time, tzinfo=HOME_ZONE).astimezone(UTC)

    def days_ago(self, days: int, clock_time: time = time(10, 0)) -> datetime:
        return self.past(self.at(self.today - timedelta(days=days), clock_time))

    def maybe_days_ago(self, days: int | None, clock_time: time) -> datetime | None:
        return None if days is None else self.days_ago(days, clock_time)

    def past(self, moment: datetime) -> datetime:
        """``moment``, or now if it has not happened yet."""
        return min(moment, self.now)


def _make_clock(today: date | None) -> _Clock:
    local_now = datetime.now(HOME_ZONE)
    if today is None or today == local_now.date():
        return _Clock(local_now.date(), local_now.astimezone(UTC))
    # A chosen day (tests, screenshots): call it midday, so the same data every time.
    return _Clock(today, datetime.combine(today, time(12, 0), tzinfo=HOME_ZONE).astimezone(UTC))


@dataclass
class _Ids:
    """Database ids of what has been added so far, by the names the content uses."""

    staff: dict[StaffRole, int] = field(default_factory=dict)
    residents: dict[str, int] = field(default_factory=dict)
    dishes: dict[str, int] = field(default_factory=dict)
    activities: dict[str, int] = field(default_factory=dict)
    proposals: dict[str, int] = field(default_factory=dict)
    polls: dict[str, int] = field(default_factory=dict)
    care_plans: dict[str, int] = field(default_factory=dict)


def _seed_everything(session: Session, clock: _Clock) -> None:
    ids = _Ids()
    _seed_staff(session, clock, ids)
    _seed_settings(session, ids)
    _seed_residents(session, clock, ids)
    _seed_food(session, clock, ids)
    _seed_activities(session, clock, ids)
    _seed_proposals(session, clock, ids)
    _seed_polls(session, clock, ids)
    last_week = _seed_schedule(session, clock, ids)
    _seed_attendance_and_feedback(session, ids, last_week)
    _seed_menus(session, clock, ids)
    _seed_care_plans(session, clock, ids)
    _seed_audit(session, clock, ids)


def _count_rows(session: Session) -> dict[str, int]:
    return {
        table.name: int(session.execute(select(func.count()).select_from(table)).scalar_one())
        for table in Base.metadata.sorted_tables
    }


# ---------------------------------------------------------------------------------------
# People and settings


def _seed_staff(session: Session, clock: _Clock, ids: _Ids) -> None:
    """One member of staff per role, each with a hashed demo PIN."""
    joined = clock.days_ago(900)
    rows = {
        member.role: Staff(
            name=member.name,
            role=member.role.value,
            pin_hash=hash_pin(member.pin),
            created_at=joined,
            updated_at=joined,
        )
        for member in content.STAFF
    }
    session.add_all(rows.values())
    session.flush()
    ids.staff.update({role: row.id for role, row in rows.items()})


def _seed_settings(session: Session, ids: _Ids) -> None:
    """The home's name, time zone and idle time-out (kept up to date if already there)."""
    values = {
        "home_name": content.HOME_NAME,
        "timezone": content.HOME_TIMEZONE,
        "idle_timeout_seconds": str(content.IDLE_TIMEOUT_SECONDS),
    }
    manager = ids.staff[StaffRole.MANAGER]
    for name, value in values.items():
        setting = session.get(Setting, name)
        if setting is None:
            session.add(Setting(name=name, value=value, updated_by_staff_id=manager))
        else:
            setting.value = value
            setting.updated_by_staff_id = manager


def _seed_residents(session: Session, clock: _Clock, ids: _Ids) -> None:
    """Twelve residents living here, and one who has moved on (archived)."""
    rows: dict[str, Resident] = {}
    for person in content.RESIDENTS:
        moved_in = clock.days_ago(person.moved_in_days_ago)
        archived = clock.maybe_days_ago(person.archived_days_ago, time(10, 0))
        rows[person.preferred_name] = Resident(
            preferred_name=person.preferred_name,
            full_name=person.full_name,
            room=person.room,
            language=person.language,
            text_scale=person.text_scale,
            contrast=person.contrast.value,
            speech_rate=person.speech_rate,
            talking_buttons=person.talking_buttons,
            care_plan_access=person.care_plan_access.value,
            pin_hash=hash_pin(person.pin) if person.pin is not None else None,
            support_notes=person.support_notes,
            active=archived is None,
            archived_at=archived,
            created_at=moved_in,
            updated_at=archived or moved_in,
        )
    session.add_all(rows.values())
    session.flush()
    ids.residents.update({name: row.id for name, row in rows.items()})


def _active_residents() -> list[str]:
    return [
        person.preferred_name for person in content.RESIDENTS if person.archived_days_ago is None
    ]


# ---------------------------------------------------------------------------------------
# Food and menus


def _seed_food(session: Session, clock: _Clock, ids: _Ids) -> None:
    """The dishes the kitchen makes, with their allergens and dietary tags."""
    added = clock.days_ago(200)
    rows = {
        dish.name: Dish(
            name=dish.name,
            description=dish.description,
            course=dish.course.value,
            picture=dish.picture,
            iddsi_level=dish.iddsi.value,
            created_at=added,
            updated_at=added,
        )
        for dish in content.DISHES
    }
    session.add_all(rows.values())
    session.flush()
    ids.dishes.update({name: row.id for name, row in rows.items()})
    for dish in content.DISHES:
        dish_id = ids.dishes[dish.name]
        session.add_all(DishAllergen(dish_id=dish_id, allergen=a.value) for a in dish.allergens)
        session.add_all(DishDietaryTag(dish_id=dish_id, tag=tag.value) for tag in dish.tags)


def _seed_menus(session: Session, clock: _Clock, ids: _Ids) -> None:
    """Two weeks of menus (this week and next), planned by the kitchen last Friday.

    A suggestion the kitchen took up is linked from the menu entry that carries it out.
    """
    weekday = clock.today.weekday()
    links = {
        (p.menu_link.cycle_day(weekday), p.menu_link.meal, p.dish): ids.proposals[p.key]
        for p in content.PROPOSALS
        if p.menu_link is not None and p.dish is not None
    }
    planned = clock.past(clock.at(clock.this_monday - timedelta(days=3), time(11, 0)))
    kitchen = ids.staff[StaffRole.KITCHEN]
    for cycle_day, day_menu in enumerate(content.MENU_CYCLE):
        menu_date = clock.this_monday + timedelta(days=cycle_day)
        for meal in Meal:
            for position, dish_name in enumerate(day_menu.choices(meal), start=1):
                session.add(
                    MenuEntry(
                        menu_date=menu_date,
                        meal=meal.value,
                        position=position,
                        dish_id=ids.dishes[dish_name],
                        proposal_id=links.pop((cycle_day, meal, dish_name), None),
                        created_by_staff_id=kitchen,
                        created_at=planned,
                    )
                )
    if links:
        raise ValueError(f"demo content: menu links not on the menu: {sorted(links)}")


# ---------------------------------------------------------------------------------------
# Activities, suggestions, polls and the week


def _seed_activities(session: Session, clock: _Clock, ids: _Ids) -> None:
    added = clock.days_ago(200)
    rows = {
        activity.title: Activity(
            title=activity.title,
            description=activity.description,
            picture=activity.picture,
            default_place=activity.default_place,
            created_at=added,
            updated_at=added,
        )
        for activity in content.ACTIVITIES
    }
    session.add_all(rows.values())
    session.flush()
    ids.activities.update({title: row.id for title, row in rows.items()})


def _seed_proposals(session: Session, clock: _Clock, ids: _Ids) -> None:
    """Suggestions in every state, with staff answers, "me too"s and dietary tags."""
    rows: dict[str, Proposal] = {}
    for index, p in enumerate(content.PROPOSALS):
        submitted = clock.maybe_days_ago(p.submitted_days_ago, time(10 + index % 6, index * 7 % 60))
        started = submitted - timedelta(minutes=4) if submitted else clock.days_ago(1, time(15, 0))
        responded = clock.maybe_days_ago(p.answered_days_ago, time(16, 0))
        heard = clock.maybe_days_ago(p.heard_days_ago, time(11, 0))
        done = _done_at(p, clock)
        rows[p.key] = Proposal(
            resident_id=ids.residents[p.resident] if p.resident else None,
            raised_by_staff_id=ids.staff[p.raised_by] if p.raised_by else None,
            topic=p.topic.value,
            title=p.title,
            details=p.details,
            picture=p.picture,
            meal_slot=p.meal_slot,
            dish_id=ids.dishes[p.dish] if p.dish else None,
            activity_id=ids.activities[p.activity] if p.activity else None,
            status=p.status.value,
            response=p.response,
            responded_by_staff_id=ids.staff[p.answered_by] if p.answered_by else None,
            responded_at=responded,
            response_heard_at=heard,
            done_at=done,
            submitted_at=submitted,
            created_at=started,
            updated_at=max(m for m in (started, submitted, responded, heard, done) if m),
        )
    session.add_all(rows.values())
    session.flush()
    ids.proposals.update({key: row.id for key, row in rows.items()})
    for p in content.PROPOSALS:
        proposal = rows[p.key]
        session.add_all(ProposalDietaryTag(proposal_id=proposal.id, tag=t.value) for t in p.tags)
        since = proposal.submitted_at or proposal.created_at
        session.add_all(
            ProposalSupport(
                proposal_id=proposal.id,
                resident_id=ids.residents[name],
                created_at=clock.past(since + timedelta(hours=2 + number)),
            )
            for number, name in enumerate(p.supporters)
        )


def _done_at(p: content.DemoProposal, clock: _Clock) -> datetime | None:
    """When a done suggestion happened: its meal on the menu, or its slot in the week."""
    if p.status is not ProposalStatus.DONE:
        return None
    if p.menu_link is not None:
        day = clock.this_monday + timedelta(days=p.menu_link.cycle_day(clock.today.weekday()))
        return clock.past(clock.at(day, content.MEAL_TIMES[p.menu_link.meal]))
    for monday, slots in _weeks(clock):
        for slot in slots:
            if slot.proposal == p.key:
                return clock.past(clock.at(monday + timedelta(days=slot.weekday), slot.ends))
    raise ValueError(f"demo content: done suggestion {p.key!r} is on no menu or schedule")


def _weeks(clock: _Clock) -> tuple[tuple[date, tuple[content.DemoSlot, ...]], ...]:
    return (
        (clock.last_monday, content.SCHEDULE_LAST_WEEK),
        (clock.this_monday, content.SCHEDULE_THIS_WEEK),
    )


def _seed_polls(session: Session, clock: _Clock, ids: _Ids) -> None:
    """One poll closed a few weeks ago, two open now, each with residents' ballots."""
    coordinator = ids.staff[StaffRole.COORDINATOR]
    for demo_poll in content.POLLS:
        opened_on = clock.today - timedelta(days=demo_poll.opens_days_ago)
        opens_at = clock.at(opened_on, time(9, 0))
        poll = Poll(
            question=demo_poll.question,
            kind=demo_poll.kind.value,
            results_visibility=demo_poll.visibility.value,
            opens_at=opens_at,
            closes_at=clock.at(opened_on + timedelta(days=demo_poll.runs_days), time(17, 0)),
            created_by_staff_id=coordinator,
            created_at=opens_at - timedelta(hours=1),
        )
        session.add(poll)
        session.flush()
        ids.polls[demo_poll.key] = poll.id
        options = [
            PollOption(
                poll_id=poll.id,
                position=position,
                label=option.label,
                picture=option.picture,
                activity_id=ids.activities[option.activity] if option.activity else None,
                proposal_id=ids.proposals[option.proposal] if option.proposal else None,
            )
            for position, option in enumerate(demo_poll.options, start=1)
        ]
        session.add_all(options)
        session.flush()
        for number, demo_ballot in enumerate(demo_poll.ballots):
            cast = clock.past(opens_at + timedelta(hours=1 + number, minutes=number * 5))
            ballot = Ballot(
                poll_id=poll.id,
                resident_id=ids.residents[demo_ballot.resident],
                cast_at=cast,
                updated_at=cast,
            )
            session.add(ballot)
            session.flush()
            session.add_all(
                BallotChoice(
                    ballot_id=ballot.id, option_id=option.id, poll_id=poll.id, answer=answer.value
                )
                for option, answer in _ballot_answers(demo_poll, demo_ballot, options)
            )


def _ballot_answers(
    demo_poll: content.DemoPoll, demo_ballot: content.DemoBallot, options: list[PollOption]
) -> Iterable[tuple[PollOption, BallotAnswer]]:
    """Choose-one: the one option chosen. Yes-maybe-no: an answer for every option."""
    if demo_poll.kind is PollKind.CHOOSE_ONE:
        if demo_ballot.chosen is None:
            raise ValueError(f"demo content: a ballot in {demo_poll.key!r} chose nothing")
        return [(options[demo_ballot.chosen - 1], BallotAnswer.CHOSEN)]
    if len(demo_ballot.answers) != len(options):
        raise ValueError(f"demo content: a ballot in {demo_poll.key!r} misses an option")
    return list(zip(options, demo_ballot.answers, strict=True))


def _seed_schedule(
    session: Session, clock: _Clock, ids: _Ids
) -> list[tuple[ScheduleSlot, content.DemoSlot]]:
    """Last week's and this week's activities; returns last week's slots for feedback.

    Each week was planned on the Friday before. This week's slots point back to the same
    slot last week as their repeat.
    """
    previous: dict[tuple[str, int, time], int] = {}
    added: list[tuple[ScheduleSlot, content.DemoSlot]] = []
    for monday, slots in _weeks(clock):
        week = [(_slot_row(clock, ids, monday, slot, previous), slot) for slot in slots]
        session.add_all(row for row, _ in week)
        session.flush()
        previous = {(slot.activity, slot.weekday, slot.starts): row.id for row, slot in week}
        if monday == clock.last_monday:
            added.extend(week)
    return added


def _slot_row(
    clock: _Clock,
    ids: _Ids,
    monday: date,
    slot: content.DemoSlot,
    previous: Mapping[tuple[str, int, time], int],
) -> ScheduleSlot:
    """One slot of the week starting ``monday``; ``previous`` is last week's, to repeat."""
    day = monday + timedelta(days=slot.weekday)
    planned = clock.past(clock.at(monday - timedelta(days=3), time(15, 0)))
    status = SlotStatus.CANCELLED if slot.cancel_reason else SlotStatus.PLANNED
    return ScheduleSlot(
        activity_id=ids.activities[slot.activity],
        starts_at=clock.at(day, slot.starts),
        ends_at=clock.at(day, slot.ends),
        place=slot.place or _ACTIVITY_PLACES[slot.activity],
        led_by=slot.led_by,
        source=_slot_source(slot).value,
        poll_id=ids.polls[slot.poll] if slot.poll else None,
        proposal_id=ids.proposals[slot.proposal] if slot.proposal else None,
        repeat_of_slot_id=previous.get((slot.activity, slot.weekday, slot.starts)),
        status=status.value,
        cancel_reason=slot.cancel_reason,
        note=slot.note,
        created_by_staff_id=ids.staff[StaffRole.COORDINATOR],
        created_at=planned,
        updated_at=planned,
    )


_ACTIVITY_PLACES = {activity.title: activity.default_place for activity in content.ACTIVITIES}


def _slot_source(slot: content.DemoSlot) -> SlotSource:
    if slot.poll:
        return SlotSource.POLL
    if slot.proposal:
        return SlotSource.PROPOSAL
    return SlotSource.PLANNED


def _seed_attendance_and_feedback(
    session: Session, ids: _Ids, last_week: list[tuple[ScheduleSlot, content.DemoSlot]]
) -> None:
    """Who came to last week's activities, and the faces (and words) they gave after."""
    chooser = random.Random(_RANDOM_SEED)
    everyone = _active_residents()
    coordinator = ids.staff[StaffRole.COORDINATOR]
    for row, slot in last_week:
        if row.status == SlotStatus.CANCELLED.value:
            continue
        with_words = {
            said.resident: said for said in content.FEEDBACK_WORDS if said.activity == slot.activity
        }
        came = chooser.sample(everyone, k=chooser.randint(4, 7))
        came += [name for name in with_words if name not in came]
        session.add_all(
            Attendance(
                slot_id=row.id,
                resident_id=ids.residents[name],
                recorded_by_staff_id=coordinator,
                recorded_at=row.ends_at + timedelta(minutes=10),
            )
            for name in came
        )
        for number, name in enumerate(came):
            said = with_words.get(name)
            if said is None and chooser.random() > _FEEDBACK_SHARE:
                continue
            face = said.face if said else chooser.choices(_FACES, weights=_FACE_WEIGHTS)[0]
            given = row.ends_at + timedelta(minutes=30 + 3 * number)
            session.add(
                Feedback(
                    slot_id=row.id,
                    resident_id=ids.residents[name],
                    scale=3,
                    face=face,
                    words=said.words if said else None,
                    created_at=given,
                    updated_at=given,
                )
            )


# ---------------------------------------------------------------------------------------
# Care plans


def _seed_care_plans(session: Session, clock: _Clock, ids: _Ids) -> None:
    """Three plans written with the person, each with versions, a review and follow-ups."""
    for plan in content.CARE_PLANS:
        resident_id = ids.residents[plan.resident]
        first_written = clock.days_ago(plan.versions[0].written_days_ago, time(14, 0))
        care_plan = CarePlan(resident_id=resident_id, created_at=first_written)
        session.add(care_plan)
        session.flush()
        ids.care_plans[plan.resident] = care_plan.id
        version_rows = _seed_plan_versions(session, clock, ids, care_plan.id, plan)
        latest, latest_row = plan.versions[-1], version_rows[-1]
        session.add(
            CarePlanReview(
                care_plan_id=care_plan.id,
                reviewed_on=clock.today - timedelta(days=latest.written_days_ago),
                reviewed_by_staff_id=ids.staff[plan.review.reviewed_by],
                people_present=plan.review.people_present,
                resident_involved=latest.resident_took_part,
                what_changed=plan.review.what_changed,
                version_id=latest_row.id,
                next_review_on=latest_row.next_review_on,
                created_at=latest_row.created_at,
            )
        )
        session.add_all(
            CarePlanConfirmation(
                version_id=latest_row.id,
                section=confirmation.section.value if confirmation.section else None,
                resident_id=resident_id,
                confirmed_at=clock.days_ago(confirmation.days_ago, time(11, 30)),
            )
            for confirmation in plan.confirmations
        )
        session.add_all(
            _talk_request(clock, ids, resident_id, version_rows, request)
            for request in plan.talk_requests
        )


def _seed_plan_versions(
    session: Session, clock: _Clock, ids: _Ids, care_plan_id: int, plan: content.DemoCarePlan
) -> list[CarePlanVersion]:
    """Every version, each with all seven sections (carried forward), goals, routine, risks."""
    sections: dict[CarePlanSection, str] = {}
    rows: list[CarePlanVersion] = []
    for number, version in enumerate(plan.versions, start=1):
        sections.update(version.sections)
        missing = set(CarePlanSection) - set(sections)
        if missing:
            raise ValueError(f"demo content: {plan.resident}'s plan misses {sorted(missing)}")
        written_on = clock.today - timedelta(days=version.written_days_ago)
        row = CarePlanVersion(
            care_plan_id=care_plan_id,
            version_number=number,
            written_by_staff_id=ids.staff[version.written_by],
            supported_by=version.supported_by,
            people_present=version.people_present,
            resident_took_part=version.resident_took_part,
            change_summary=version.change_summary,
            next_review_on=written_on + timedelta(days=version.next_review_after_days),
            created_at=clock.days_ago(version.written_days_ago, time(14, 0)),
        )
        session.add(row)
        session.flush()
        rows.append(row)
        session.add_all(
            CarePlanSectionText(version_id=row.id, section=section.value, body=sections[section])
            for section in CarePlanSection
        )
        session.add_all(
            CarePlanGoal(
                version_id=row.id,
                position=position,
                goal=goal.goal,
                expressed_by=goal.expressed_by,
                status=goal.status.value,
                review_on=written_on + timedelta(days=goal.review_after_days),
            )
            for position, goal in enumerate(version.goals, start=1)
        )
        session.add_all(
            CarePlanRoutine(
                version_id=row.id,
                position=position,
                name=routine.name,
                timing=routine.timing,
                steps=routine.steps,
                music=routine.music,
            )
            for position, routine in enumerate(version.routines, start=1)
        )
        session.add_all(
            CarePlanRisk(
                version_id=row.id,
                position=position,
                risk=risk.risk,
                agreement=risk.agreement,
                agreed_by=risk.agreed_by,
            )
            for position, risk in enumerate(version.risks, start=1)
        )
    return rows


def _talk_request(
    clock: _Clock,
    ids: _Ids,
    resident_id: int,
    versions: list[CarePlanVersion],
    request: content.DemoTalkRequest,
) -> TalkRequest:
    return TalkRequest(
        resident_id=resident_id,
        version_id=versions[request.version_index].id,
        section=request.section.value if request.section else None,
        raised_via=request.raised_via.value,
        note=request.note,
        raised_at=clock.days_ago(request.raised_days_ago, time(10, 45)),
        resolved_at=clock.maybe_days_ago(request.resolved_days_ago, time(15, 0)),
        resolved_by_staff_id=ids.staff[request.resolved_by] if request.resolved_by else None,
        resolution=request.resolution,
        outcome_heard_at=clock.maybe_days_ago(request.outcome_heard_days_ago, time(11, 0)),
    )


# ---------------------------------------------------------------------------------------
# The audit trail


def _seed_audit(session: Session, clock: _Clock, ids: _Ids) -> None:
    """A few entries so the audit log screen has something to show. No private words."""
    margaret_plan = ids.care_plans["Margaret"]
    margaret = ids.residents["Margaret"]
    manager, carer = ids.staff[StaffRole.MANAGER], ids.staff[StaffRole.CARER]
    events = (
        (clock.days_ago(21, time(13, 55)), ActorKind.STAFF, manager, None, "staff.sign_in", None),
        (
            clock.days_ago(21, time(14, 30)),
            ActorKind.STAFF,
            manager,
            None,
            "care_plan.print",
            "version 3, large print",
        ),
        (
            clock.days_ago(19, time(11, 25)),
            ActorKind.RESIDENT,
            None,
            margaret,
            "care_plan.view",
            "Listened at the kiosk with her PIN",
        ),
        (clock.days_ago(1, time(9, 10)), ActorKind.STAFF, carer, None, "staff.sign_in", None),
        (
            clock.days_ago(1, time(9, 12)),
            ActorKind.STAFF,
            carer,
            None,
            "care_plan.view",
            "Version 3",
        ),
    )
    session.add_all(
        AuditEvent(
            occurred_at=occurred,
            actor_kind=kind.value,
            actor_staff_id=staff_id,
            actor_resident_id=resident_id,
            action=action,
            record_type=None if action == "staff.sign_in" else "care_plan",
            record_id=None if action == "staff.sign_in" else margaret_plan,
            detail=detail,
        )
        for occurred, kind, staff_id, resident_id, action, detail in events
    )
    _seed_meal_answer_audit(session, clock, ids)
    session.add(
        AuditEvent(
            occurred_at=utc_now(),
            actor_kind=ActorKind.SYSTEM.value,
            action="demo.seed",
            detail=f"The demo home, {content.HOME_NAME}, was added",
        )
    )


_ANSWER_KINDS = {status: kind for kind, status in ANSWER_STATUS.items()}  # done: on the menu


def _seed_meal_answer_audit(session: Session, clock: _Clock, ids: _Ids) -> None:
    """The kitchen's answers to meal suggestions, as the suggestions service records them."""
    session.add_all(
        AuditEvent(
            occurred_at=clock.days_ago(p.answered_days_ago, time(16, 0)),
            actor_kind=ActorKind.STAFF.value,
            actor_staff_id=ids.staff[p.answered_by],
            action="suggestion.answer",
            record_type="proposal",
            record_id=ids.proposals[p.key],
            detail=_ANSWER_KINDS.get(p.status, AnswerKind.ON_MENU).value,
        )
        for p in content.PROPOSALS
        if p.topic is ProposalTopic.MEAL
        and p.answered_days_ago is not None
        and p.answered_by is not None
    )
