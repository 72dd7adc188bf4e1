"""The demo home seeder: what it adds, that it adds it once, and never to a real home."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.domain.enums import (
    BallotAnswer,
    CarePlanAccess,
    CarePlanSection,
    DatabaseKind,
    Meal,
    PollKind,
    ProposalStatus,
    SlotSource,
    SlotStatus,
    StaffRole,
)
from kiosk.domain.pins import verify_pin
from kiosk.storage import demo_content
from kiosk.storage.database import Database, check_database, open_database, sqlite_url
from kiosk.storage.demo import (
    DEMO_RESIDENT_PINS,
    DEMO_STAFF_PINS,
    SEEDED_MARKER,
    NotADemoDatabase,
    seed_demo_home,
)
from kiosk.storage.errors import DatabaseError
from kiosk.storage.models import (
    Activity,
    Attendance,
    AuditEvent,
    Ballot,
    BallotChoice,
    CarePlan,
    CarePlanConfirmation,
    CarePlanReview,
    CarePlanSectionText,
    CarePlanVersion,
    Dish,
    DishDietaryTag,
    Feedback,
    MenuEntry,
    Poll,
    PollOption,
    Proposal,
    ProposalSupport,
    Resident,
    ScheduleSlot,
    SchemaMeta,
    Setting,
    Staff,
    TalkRequest,
)

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 11, 18)  # a Wednesday
THIS_MONDAY = date(2026, 11, 16)
LAST_MONDAY = date(2026, 11, 9)
NOW = datetime(2026, 11, 18, 12, 0, tzinfo=LONDON)  # a fixed `today` is taken at midday
PICTURE_KEY = re.compile(r"^[a-z]+(-[a-z]+)*$")


def _open(tmp_path: Path, kind: DatabaseKind = DatabaseKind.DEMO) -> Database:
    return open_database(sqlite_url(tmp_path / "demo" / "our-say.sqlite3"), create=True, kind=kind)


def _local(moment: datetime) -> datetime:
    return moment.astimezone(LONDON)


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    database = _open(tmp_path)
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One demo home seeded for a fixed Wednesday, shared by the read-only tests."""
    database = _open(tmp_path_factory.mktemp("seeded"))
    summary = seed_demo_home(database, today=TODAY)
    assert summary.seeded
    yield database
    database.dispose()


@pytest.fixture
def session(seeded: Database) -> Iterator[Session]:
    with seeded.sessions() as session:
        yield session


# ---------------------------------------------------------------------------------------
# What it adds


def test_seeds_what_the_spec_asks_for(seeded: Database, session: Session) -> None:
    report = check_database(seeded)
    assert report.ok, report.problems
    counts = report.counts

    assert counts["staff"] == 4
    roles = session.scalars(select(Staff.role)).all()
    assert sorted(roles) == sorted(StaffRole.values())

    active = session.scalar(select(func.count()).where(Resident.active.is_(True)))
    assert active == 12
    archived = session.scalars(select(Resident).where(Resident.active.is_(False))).all()
    assert all(person.archived_at is not None for person in archived)

    assert counts["dish"] >= 35
    assert counts["activity"] >= 18
    assert counts["feedback"] > 0
    assert counts["attendance"] > 0
    assert counts["talk_request"] == 2
    assert counts["care_plan_confirmation"] >= 2

    settings = dict(session.execute(select(Setting.name, Setting.value)).all())
    assert settings["home_name"] == demo_content.HOME_NAME
    assert settings["timezone"] == "Europe/London"
    assert settings["idle_timeout_seconds"] == "90"
    assert session.get(SchemaMeta, SEEDED_MARKER) is not None


def test_residents_are_varied_and_pins_match(session: Session) -> None:
    residents = session.scalars(select(Resident).where(Resident.active.is_(True))).all()
    assert {person.language for person in residents} >= {"en_GB", "cy", "pl", "pa"}
    assert Counter(person.language for person in residents).most_common(1)[0][0] == "en_GB"
    assert {person.care_plan_access for person in residents} == set(CarePlanAccess.values())
    assert any(person.contrast == "high" for person in residents)
    assert any(person.talking_buttons for person in residents)
    assert all(110 <= person.speech_rate <= 160 for person in residents)
    assert all(person.photo_id is None for person in residents)

    for person in residents:
        if person.care_plan_access == CarePlanAccess.PIN.value:
            assert person.pin_hash is not None
            assert verify_pin(DEMO_RESIDENT_PINS[person.preferred_name], person.pin_hash)
        else:
            assert person.preferred_name not in DEMO_RESIDENT_PINS

    assert len(set(DEMO_STAFF_PINS.values())) == 4
    for member in session.scalars(select(Staff)):
        assert verify_pin(DEMO_STAFF_PINS[member.role], member.pin_hash)


def test_every_menu_day_has_a_vegetarian_and_a_soft_choice(session: Session) -> None:
    vegetarian = set(
        session.scalars(
            select(DishDietaryTag.dish_id).where(DishDietaryTag.tag == "vegetarian")
        ).all()
    )
    soft = set(session.scalars(select(Dish.id).where(Dish.iddsi_level <= 6)).all())
    by_day: dict[date, set[int]] = defaultdict(set)
    by_meal: Counter[tuple[date, str]] = Counter()
    for entry in session.scalars(select(MenuEntry)):
        by_day[entry.menu_date].add(entry.dish_id)
        by_meal[(entry.menu_date, entry.meal)] += 1

    fortnight = [THIS_MONDAY + timedelta(days=n) for n in range(14)]
    assert sorted(by_day) == fortnight
    assert set(by_meal) == {(day, meal) for day in fortnight for meal in Meal.values()}
    assert all(2 <= choices <= 3 for choices in by_meal.values())
    for day, dishes in by_day.items():
        assert dishes & vegetarian, f"no vegetarian choice on {day}"
        assert dishes & soft, f"no soft choice on {day}"

    kitchen = session.scalar(select(Staff.id).where(Staff.role == StaffRole.KITCHEN.value))
    assert set(session.scalars(select(MenuEntry.created_by_staff_id))) == {kitchen}


def test_every_picture_key_is_known(session: Session) -> None:
    used = set()
    for column in (Dish.picture, Activity.picture, Proposal.picture, PollOption.picture):
        used |= set(session.scalars(select(column).where(column.is_not(None))).all())
    assert used
    assert used <= demo_content.PICTURE_KEYS, used - demo_content.PICTURE_KEYS
    assert all(PICTURE_KEY.match(key) for key in demo_content.PICTURE_KEYS)


def test_schedule_covers_last_week_and_this_week(session: Session) -> None:
    slots = session.scalars(select(ScheduleSlot)).all()
    per_day = Counter(_local(slot.starts_at).date() for slot in slots)
    assert sorted(per_day) == [LAST_MONDAY + timedelta(days=n) for n in range(14)]
    assert all(2 <= count <= 4 for count in per_day.values())
    for slot in slots:
        assert slot.ends_at > slot.starts_at
        assert _local(slot.starts_at).date() == _local(slot.ends_at).date()
        assert 9 <= _local(slot.starts_at).hour <= 19

    cancelled = [slot for slot in slots if slot.status == SlotStatus.CANCELLED.value]
    assert len(cancelled) == 1 and cancelled[0].cancel_reason
    sources = Counter(slot.source for slot in slots)
    assert sources[SlotSource.POLL.value] >= 2 and sources[SlotSource.PROPOSAL.value] >= 2


def test_local_times_survive_the_clocks_changing(tmp_path: Path) -> None:
    # British Summer Time began on Sunday 29 March 2026: last week straddles the change.
    database = _open(tmp_path)
    seed_demo_home(database, today=date(2026, 3, 31))
    with database.sessions() as session:
        starts = {
            (_local(slot.starts_at).date(), _local(slot.starts_at).time())
            for slot in session.scalars(select(ScheduleSlot))
        }
    database.dispose()
    expected = {
        (monday + timedelta(days=slot.weekday), slot.starts)
        for monday, week in (
            (date(2026, 3, 23), demo_content.SCHEDULE_LAST_WEEK),
            (date(2026, 3, 30), demo_content.SCHEDULE_THIS_WEEK),
        )
        for slot in week
    }
    assert starts == expected


def test_feedback_is_for_last_weeks_sessions(session: Session) -> None:
    rows = session.execute(select(Feedback, ScheduleSlot).join(ScheduleSlot)).all()
    assert rows
    faces = Counter(feedback.face for feedback, _ in rows)
    assert set(faces) <= {1, 2, 3} and faces[3] > faces[1] and faces[2] > 0 and faces[1] > 0
    assert any(feedback.words for feedback, _ in rows)
    for feedback, slot in rows:
        assert feedback.scale == 3
        assert slot.status == SlotStatus.PLANNED.value
        assert _local(slot.starts_at).date() < THIS_MONDAY
        assert feedback.created_at >= slot.ends_at


def test_suggestions_in_every_state(session: Session) -> None:
    proposals = session.scalars(select(Proposal)).all()
    assert {p.status for p in proposals} == set(ProposalStatus.values())
    assert {p.topic for p in proposals} == {"meal", "activity", "home", "other"}

    menu_links = set(
        session.scalars(select(MenuEntry.proposal_id).where(MenuEntry.proposal_id.is_not(None)))
    )
    slot_links = set(
        session.scalars(
            select(ScheduleSlot.proposal_id).where(ScheduleSlot.proposal_id.is_not(None))
        )
    )
    overdue = NOW - timedelta(days=14)
    for p in proposals:
        if p.status == ProposalStatus.DRAFT.value:
            assert p.submitted_at is None
        else:
            assert p.submitted_at is not None
        if p.status in ("agreed", "not_now", "declined", "done"):
            assert p.response and p.responded_by_staff_id and p.responded_at
            assert p.responded_at >= p.submitted_at
        if p.status == ProposalStatus.DONE.value:
            assert p.done_at is not None
            assert p.id in menu_links | slot_links
        if p.meal_slot is not None:
            assert p.topic == "meal"
    assert any(
        p.status == "open" and p.submitted_at < overdue and p.responded_at is None
        for p in proposals
    )
    answered = [p for p in proposals if p.responded_at is not None]
    assert any(p.response_heard_at for p in answered)
    assert any(p.response_heard_at is None for p in answered)
    assert any(p.dish_id for p in proposals if p.topic == "meal")

    supports = session.execute(
        select(ProposalSupport.resident_id, Proposal.resident_id, Proposal.status).join(Proposal)
    ).all()
    assert len(supports) >= 10
    assert all(supporter != proposer for supporter, proposer, _ in supports)
    assert all(status != ProposalStatus.DRAFT.value for _, _, status in supports)


@pytest.mark.parametrize("weekday", range(7))
def test_a_yes_on_the_menu_points_at_a_day_still_to_come(tmp_path: Path, weekday: int) -> None:
    """Whatever day the demo is made, "Yes! It is on the menu for tea on ..." is not a day
    that has already gone."""
    today = THIS_MONDAY + timedelta(days=weekday)
    database = _open(tmp_path)
    try:
        seed_demo_home(database, today=today)
        with database.sessions() as session:
            agreed_on_menu = session.scalars(
                select(MenuEntry.menu_date)
                .join(Proposal, MenuEntry.proposal_id == Proposal.id)
                .where(Proposal.status == ProposalStatus.AGREED.value)
            ).all()
    finally:
        database.dispose()
    assert len(agreed_on_menu) >= 2
    assert all(day >= today for day in agreed_on_menu)


def test_polls_open_and_closed(session: Session) -> None:
    polls = session.scalars(select(Poll)).all()
    now = NOW.astimezone(UTC)
    open_polls = [poll for poll in polls if poll.opens_at <= now < poll.closes_at]
    closed = [poll for poll in polls if poll.closes_at <= now]
    assert len(open_polls) == 2
    assert {poll.kind for poll in open_polls} == set(PollKind.values())
    assert len(closed) == 1

    for poll in polls:
        options = session.scalars(
            select(PollOption).where(PollOption.poll_id == poll.id).order_by(PollOption.position)
        ).all()
        assert [option.position for option in options] == list(range(1, len(options) + 1))
        ballots = session.scalars(select(Ballot).where(Ballot.poll_id == poll.id)).all()
        assert len(ballots) >= 5
        for ballot in ballots:
            assert poll.opens_at <= ballot.cast_at <= min(poll.closes_at, now)
            answers = session.scalars(
                select(BallotChoice.answer).where(BallotChoice.ballot_id == ballot.id)
            ).all()
            if poll.kind == PollKind.CHOOSE_ONE.value:
                assert answers == [BallotAnswer.CHOSEN.value]
            else:
                assert len(answers) == len(options)
                assert set(answers) <= {"yes", "maybe", "no"}

    votes = Counter(
        session.scalars(
            select(PollOption.activity_id)
            .join(BallotChoice, BallotChoice.option_id == PollOption.id)
            .where(PollOption.poll_id == closed[0].id)
        )
    )
    winner = votes.most_common(1)[0][0]
    winner_slots = session.scalars(
        select(ScheduleSlot).where(ScheduleSlot.poll_id == closed[0].id)
    ).all()
    assert winner_slots
    assert all(slot.source == SlotSource.POLL.value for slot in winner_slots)
    assert {slot.activity_id for slot in winner_slots} == {winner}


def test_three_care_plans_with_versions_and_reviews(session: Session) -> None:
    plans = session.scalars(select(CarePlan)).all()
    assert len(plans) == 3
    empty_sections = 0
    took_part = []
    for plan in plans:
        versions = session.scalars(
            select(CarePlanVersion)
            .where(CarePlanVersion.care_plan_id == plan.id)
            .order_by(CarePlanVersion.version_number)
        ).all()
        assert len(versions) >= 2
        assert [v.version_number for v in versions] == list(range(1, len(versions) + 1))
        assert all(a.created_at < b.created_at for a, b in pairwise(versions))
        assert all(v.change_summary for v in versions[1:])
        took_part += [v.resident_took_part for v in versions]
        for version in versions:
            sections = dict(
                session.execute(
                    select(CarePlanSectionText.section, CarePlanSectionText.body).where(
                        CarePlanSectionText.version_id == version.id
                    )
                ).all()
            )
            assert set(sections) == set(CarePlanSection.values())
            empty_sections += sum(1 for body in sections.values() if body == "")
        review = session.scalars(
            select(CarePlanReview).where(CarePlanReview.care_plan_id == plan.id)
        ).one()
        assert review.version_id == versions[-1].id
        assert review.resident_involved
        assert review.next_review_on is not None and review.next_review_on > TODAY
    assert empty_sections <= 1
    assert False in took_part and took_part.count(True) > took_part.count(False)


# ---------------------------------------------------------------------------------------
# Once only, and never on a real home


def test_seeding_twice_changes_nothing(demo_db: Database) -> None:
    first = seed_demo_home(demo_db, today=TODAY)
    second = seed_demo_home(demo_db, today=TODAY)
    assert first.seeded and not second.seeded
    assert second.counts == first.counts
    assert check_database(demo_db).counts == first.counts


def test_seeding_on_another_day_still_changes_nothing(demo_db: Database) -> None:
    first = seed_demo_home(demo_db)
    later = seed_demo_home(demo_db, today=TODAY + timedelta(days=40))
    assert not later.seeded and later.counts == first.counts


# Moments that record something that has already happened: none may be in the future.
_PAST_MOMENTS = (
    Proposal.created_at,
    Proposal.submitted_at,
    Proposal.responded_at,
    Proposal.response_heard_at,
    Proposal.done_at,
    Proposal.updated_at,
    ProposalSupport.created_at,
    Ballot.cast_at,
    Attendance.recorded_at,
    Feedback.created_at,
    MenuEntry.created_at,
    ScheduleSlot.created_at,
    CarePlanVersion.created_at,
    CarePlanConfirmation.confirmed_at,
    TalkRequest.raised_at,
    TalkRequest.resolved_at,
    AuditEvent.occurred_at,
)


def test_default_today_is_this_week_in_the_home(demo_db: Database) -> None:
    seed_demo_home(demo_db)
    now = datetime.now(UTC)
    today = now.astimezone(LONDON).date()
    monday = today - timedelta(days=today.weekday())
    with demo_db.sessions() as session:
        first_menu = session.scalar(select(func.min(MenuEntry.menu_date)))
        latest = {str(column): session.scalar(select(func.max(column))) for column in _PAST_MOMENTS}
    assert first_menu == monday
    future = {name: moment for name, moment in latest.items() if moment and moment > now}
    assert not future


def test_refuses_a_live_database(tmp_path: Path) -> None:
    live = _open(tmp_path, DatabaseKind.LIVE)
    before = check_database(live).counts
    with pytest.raises(NotADemoDatabase) as refused:
        seed_demo_home(live, today=TODAY)
    after = check_database(live).counts
    live.dispose()

    assert after == before
    assert all(count == 0 for table, count in after.items() if table != "schema_meta")
    assert isinstance(refused.value, DatabaseError)
    assert "real home" in refused.value.text()
    assert live.location in refused.value.text()


def test_reopened_demo_database_is_still_a_demo(tmp_path: Path) -> None:
    first = _open(tmp_path)
    seed_demo_home(first, today=TODAY)
    first.dispose()
    again = open_database(sqlite_url(tmp_path / "demo" / "our-say.sqlite3"))
    assert again.kind is DatabaseKind.DEMO
    assert not seed_demo_home(again, today=TODAY).seeded
    again.dispose()


def test_readme_lists_the_demo_pins_that_really_work() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for who, pin in {**DEMO_STAFF_PINS, **DEMO_RESIDENT_PINS}.items():
        assert f"| {who} " in readme or f"| {who} (resident) " in readme, who
        assert f"| {pin} |" in readme, who
