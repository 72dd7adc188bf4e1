"""The generated home (kiosk.storage.generated): a small one (8 residents, a quarter of a
year) passes `kiosk check`, has the rates per resident-year the benchmarks rely on, holds
together as a trail from "residents said" to "we did", and comes out the same every time
for the same seed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from kiosk.cli import main
from kiosk.domain.enums import DatabaseKind
from kiosk.storage import models
from kiosk.storage.database import Database, check_database, open_database, sqlite_url
from kiosk.storage.demo import HOME_ZONE, NotADemoDatabase, seed_demo_home
from kiosk.storage.generated import (
    AUDIT_EVENTS_PER_RESIDENT_YEAR,
    BALLOTS_PER_RESIDENT_YEAR,
    FEEDBACK_PER_RESIDENT_YEAR,
    SUGGESTIONS_PER_RESIDENT_YEAR,
    GeneratedSummary,
    HomeNotEmpty,
    generate_home,
)

RESIDENTS = 8
YEARS = 0.25
END = date(2026, 3, 31)  # the clocks changed on the 29th: local times must still add up
NOW = datetime.combine(END, time(12, 0), tzinfo=HOME_ZONE).astimezone(UTC)
SCHEMA_ROWS = 3  # schema_version, kind and created_at, written when a database is made


@dataclass(frozen=True)
class Generated:
    folder: Path
    database: Database
    summary: GeneratedSummary


def _new_database(folder: Path, kind: DatabaseKind = DatabaseKind.DEMO) -> Database:
    return open_database(sqlite_url(folder / "our-say.sqlite3"), create=True, kind=kind)


def _generate(folder: Path, seed: int = 1) -> Generated:
    database = _new_database(folder)
    summary = generate_home(database, residents=RESIDENTS, years=YEARS, end=END, seed=seed)
    return Generated(folder, database, summary)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Generated]:
    generated = _generate(tmp_path_factory.mktemp("generated"))
    yield generated
    generated.database.dispose()


def _rows(database: Database, sql: str) -> list[tuple[object, ...]]:
    with database.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql))]


def test_a_generated_home_passes_kiosk_check(
    home: Generated, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data-dir", str(home.folder)], environ={}) == 0
    assert "All checks passed." in capsys.readouterr().out


def test_the_rows_it_says_it_wrote_are_there(home: Generated) -> None:
    report = check_database(home.database)
    assert report.problems == ()
    written = dict(home.summary.counts)
    written["schema_meta"] += SCHEMA_ROWS
    assert {table: rows for table, rows in report.counts.items() if rows} == written
    assert home.summary.rows == sum(report.counts.values()) - SCHEMA_ROWS


def test_it_covers_the_range_asked_for(home: Generated) -> None:
    summary = home.summary
    assert summary.last_day == END
    assert (summary.last_day - summary.first_day).days + 1 == round(YEARS * 365.25)
    # Eight rooms, a few standing empty for some weeks between residents.
    assert RESIDENTS * YEARS * 0.85 <= summary.resident_years <= RESIDENTS * YEARS


@pytest.mark.parametrize(
    ("table", "per_resident_year", "low", "high"),
    [
        ("ballot", BALLOTS_PER_RESIDENT_YEAR, 0.8, 1.2),
        ("proposal", SUGGESTIONS_PER_RESIDENT_YEAR, 0.6, 1.6),
        ("feedback", FEEDBACK_PER_RESIDENT_YEAR, 0.75, 1.25),
        ("audit_event", AUDIT_EVENTS_PER_RESIDENT_YEAR, 0.9, 1.1),
    ],
)
def test_counts_follow_the_rates_per_resident_year(
    home: Generated, table: str, per_resident_year: float, low: float, high: float
) -> None:
    rate = home.summary.per_resident_year(table)
    assert per_resident_year * low <= rate <= per_resident_year * high, rate


def test_there_is_something_of_everything(home: Generated) -> None:
    empty = [table for table, rows in check_database(home.database).counts.items() if not rows]
    assert empty == ["photo"]  # nobody has added a real photograph


def test_each_care_plan_has_every_version_in_order_and_all_its_sections(home: Generated) -> None:
    versions = _rows(
        home.database,
        "SELECT care_plan_id, group_concat(version_number) FROM "
        "(SELECT * FROM care_plan_version ORDER BY care_plan_id, version_number) "
        "GROUP BY care_plan_id",
    )
    assert versions
    for _, numbers in versions:
        found = [int(number) for number in str(numbers).split(",")]
        assert found == list(range(1, len(found) + 1))
    sections = _rows(home.database, "SELECT count(*) FROM care_plan_section GROUP BY version_id")
    assert {count for (count,) in sections} == {7}
    assert len(sections) == sum(len(str(numbers).split(",")) for _, numbers in versions)


# Each query finds what would break the trail from "residents said" to "we did".
BROKEN_LINKS = {
    "a ballot cast when the resident did not live here": """
        SELECT b.id FROM ballot b JOIN resident r ON r.id = b.resident_id
        WHERE b.cast_at < r.created_at OR b.cast_at >= coalesce(r.archived_at, '9999-12-31')""",
    "a ballot cast before the poll opened or after it closed": """
        SELECT b.id FROM ballot b JOIN poll p ON p.id = b.poll_id
        WHERE b.cast_at < p.opens_at OR b.updated_at > coalesce(p.closed_early_at, p.closes_at)""",
    "a choose-one ballot without exactly one choice": """
        SELECT b.id FROM ballot b JOIN poll p ON p.id = b.poll_id
        LEFT JOIN ballot_choice c ON c.ballot_id = b.id
        WHERE p.kind = 'choose_one' GROUP BY b.id HAVING count(c.option_id) <> 1""",
    "a suggestion sent when the resident did not live here": """
        SELECT p.id FROM proposal p JOIN resident r ON r.id = p.resident_id
        WHERE p.submitted_at < r.created_at
           OR p.submitted_at >= coalesce(r.archived_at, '9999-12-31')""",
    "an answer before the suggestion was sent": """
        SELECT id FROM proposal WHERE responded_at <= submitted_at""",
    'a "me too" from the resident who made the suggestion': """
        SELECT s.id FROM proposal_support s JOIN proposal p ON p.id = s.proposal_id
        WHERE s.resident_id = p.resident_id OR s.created_at < p.submitted_at""",
    "a face from someone who did not come": """
        SELECT f.id FROM feedback f LEFT JOIN attendance a
            ON a.slot_id = f.slot_id AND a.resident_id = f.resident_id
        WHERE a.slot_id IS NULL""",
    "a face before the activity ended, or for one called off": """
        SELECT f.id FROM feedback f JOIN schedule_slot s ON s.id = f.slot_id
        WHERE f.created_at < s.ends_at OR s.status = 'cancelled'""",
    "a menu entry for a suggestion that is not an agreed meal with that dish": """
        SELECT m.id FROM menu_entry m JOIN proposal p ON p.id = m.proposal_id
        WHERE p.topic <> 'meal' OR p.status <> 'agreed' OR p.dish_id <> m.dish_id
           OR m.menu_date < date(p.responded_at)""",
    "a meal put on the menu with no menu entry": """
        SELECT p.id FROM proposal p LEFT JOIN menu_entry m ON m.proposal_id = p.id
        WHERE p.topic = 'meal' AND p.status = 'agreed' AND m.id IS NULL""",
    "a slot for a suggestion that was not agreed, or before it was made": """
        SELECT s.id FROM schedule_slot s JOIN proposal p ON p.id = s.proposal_id
        WHERE p.topic <> 'activity' OR p.status NOT IN ('agreed', 'done')
           OR s.starts_at <= p.submitted_at OR p.activity_id <> s.activity_id""",
    "a slot for a poll that had not closed": """
        SELECT s.id FROM schedule_slot s JOIN poll p ON p.id = s.poll_id
        WHERE s.starts_at <= coalesce(p.closed_early_at, p.closes_at)""",
    "a suggestion marked done before it was done": """
        SELECT id FROM proposal WHERE status = 'done' AND done_at > responded_at""",
    "a talk request about another resident's plan": """
        SELECT t.id FROM talk_request t JOIN care_plan_version v ON v.id = t.version_id
        JOIN care_plan c ON c.id = v.care_plan_id WHERE c.resident_id <> t.resident_id""",
    "an audit event out of time order": """
        SELECT a.id FROM audit_event a JOIN audit_event b ON b.id = a.id + 1
        WHERE b.occurred_at < a.occurred_at""",
}


@pytest.mark.parametrize("broken", list(BROKEN_LINKS))
def test_the_trail_holds_together(home: Generated, broken: str) -> None:
    assert _rows(home.database, BROKEN_LINKS[broken]) == []


@pytest.mark.parametrize(
    "column",
    [
        models.Proposal.submitted_at,
        models.Proposal.responded_at,
        models.Proposal.response_heard_at,
        models.Ballot.updated_at,
        models.Feedback.created_at,
        models.TalkRequest.raised_at,
        models.CarePlanReview.created_at,
        models.AuditEvent.occurred_at,
    ],
)
def test_nothing_has_happened_after_now(home: Generated, column: object) -> None:
    with home.database.sessions() as session:
        latest = session.scalar(select(func.max(column)))  # type: ignore[arg-type]
    assert latest is not None
    assert latest <= NOW


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, without the salted PIN hashes or when the file was made."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'schema_meta'"
            )
        ]
        dump = {}
        for table in tables:
            columns = [
                row[1]
                for row in connection.execute(f'PRAGMA table_info("{table}")')
                if row[1] != "pin_hash"
            ]
            listed = ", ".join(f'"{column}"' for column in columns)
            dump[table] = connection.execute(
                f'SELECT {listed} FROM "{table}" ORDER BY rowid'
            ).fetchall()
        return dump
    finally:
        connection.close()


def test_the_same_seed_makes_the_same_home(home: Generated, tmp_path: Path) -> None:
    again = _generate(tmp_path / "again")
    other = _generate(tmp_path / "other", seed=2)
    for generated in (again, other):
        generated.database.dispose()
    first = _dump(Path(home.database.location))
    assert _dump(Path(again.database.location)) == first
    assert _dump(Path(other.database.location)) != first


def test_refuses_a_live_database(tmp_path: Path) -> None:
    live = _new_database(tmp_path, DatabaseKind.LIVE)
    try:
        with pytest.raises(NotADemoDatabase):
            generate_home(live, residents=RESIDENTS, years=YEARS, end=END)
        assert sum(check_database(live).counts.values()) == SCHEMA_ROWS
    finally:
        live.dispose()


def test_refuses_a_database_that_already_holds_a_home(home: Generated, tmp_path: Path) -> None:
    before = check_database(home.database).counts
    with pytest.raises(HomeNotEmpty):
        generate_home(home.database, residents=RESIDENTS, years=YEARS, end=END)
    assert check_database(home.database).counts == before
    demo = _new_database(tmp_path)
    try:
        seed_demo_home(demo)
        with pytest.raises(HomeNotEmpty):
            generate_home(demo, residents=RESIDENTS, years=YEARS, end=END)
    finally:
        demo.dispose()


def test_the_demo_home_is_never_seeded_on_top(home: Generated) -> None:
    before = check_database(home.database).counts
    assert seed_demo_home(home.database).seeded is False
    assert check_database(home.database).counts == before


@pytest.mark.parametrize(("residents", "years"), [(0, 1.0), (8, 0.0)])
def test_asks_for_residents_and_time(tmp_path: Path, residents: int, years: float) -> None:
    database = _new_database(tmp_path)
    try:
        with pytest.raises(ValueError, match="at least one resident"):
            generate_home(database, residents=residents, years=years, end=END)
    finally:
        database.dispose()
