"""Fuzz: every free-text field, through its real service into a real database (a SQLite
file, and a PostgreSQL server) and read back from it with plain SQL: kept exactly (after the
one tidy-up every field does), or refused in plain words, and refused only when the words
cannot be kept (issue #10)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
from hypothesis import assume, example, given, settings
from sqlalchemy import text

from kiosk.app import Services
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.care_plans import AgreedRisk, DailyRoutine, PlanDraft, PlanGoal, WhoTookPart
from kiosk.domain.enums import (
    CarePlanSection,
    Course,
    DatabaseKind,
    GoalStatus,
    MealSlot,
    ProposalTopic,
    StaffRole,
)
from kiosk.domain.errors import KioskError
from kiosk.domain.ideas import IdeaAnswer, IdeaAnswerKind, NewIdea
from kiosk.domain.meals import Answer, AnswerKind, DishDetails, NewMealSuggestion, match_key
from kiosk.domain.polls import NewPoll, NewPollOption
from kiosk.domain.schedule import FeedbackFace, NewActivity, NewSlot
from kiosk.services.settings import HOME_NAME, SettingsService
from kiosk.storage.database import Database, open_database
from kiosk.storage.demo_content import STAFF
from tests.conftest import ENGINES, demo_home_on
from tests.helpers.fuzz import Field, Kind, check_kept, hostile_text

EXAMPLES = 25
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None)


@dataclass
class Home:
    """The demo home, opened as the kiosk opens it, with a few things to write on."""

    database: Database
    services: Services
    manager: Actor
    kitchen: Actor
    coordinator: Actor
    carer: Actor
    resident: int
    activity: int
    dish: int
    ended_slot: int
    titles: set[str]
    numbers: Iterator[int]

    def read(self, query: str, *params: object, missing_is_none: bool = False) -> str | None:
        """One value, straight from the database (not through the services); ``?`` marks
        each parameter in turn."""
        pieces = query.split("?")
        named = "".join(f"{piece}:p{n}" for n, piece in enumerate(pieces[:-1])) + pieces[-1]
        values = {f"p{n}": value for n, value in enumerate(params)}
        with self.database.engine.connect() as connection:
            row = connection.execute(text(named), values).first()
        assert row is not None or missing_is_none, query
        return None if row is None else row[0]

    def newest(self, table: str, column: str) -> str | None:
        return self.read(f'SELECT "{column}" FROM "{table}" ORDER BY id DESC LIMIT 1')


def _staff(services: Services, role: str) -> Actor:
    demo = next(person for person in STAFF if person.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


@pytest.fixture(scope="module", params=ENGINES)
def home_address(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A private copy of the demo home on each engine."""
    with demo_home_on(request.param, request, tmp_path_factory.mktemp("fuzz-home")) as url:
        yield url


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, home_address: str) -> Iterator[Home]:
    folder = tmp_path_factory.mktemp("fuzz-home-data")
    database = open_database(home_address, kind=DatabaseKind.DEMO)
    config = AppConfig.build(data_dir=folder, demo=True, windowed=True, locale=None, environ={})
    services = Services(database, config)
    coordinator, kitchen = _staff(services, "coordinator"), _staff(services, "kitchen")
    resident = next(r.id for r in services.residents.list_active() if r.preferred_name == "Ron")
    activity = services.schedule.add_activity(coordinator, NewActivity("Fuzz club")).id
    dish = services.menus.add_dish(kitchen, DishDetails("Fuzz pie", Course.MAIN)).id
    ended = datetime.now(UTC) - timedelta(hours=1)
    slot = services.schedule.add_slot(
        coordinator, NewSlot(activity, ended - timedelta(hours=1), ended)
    )
    yield Home(
        database,
        services,
        _staff(services, "manager"),
        kitchen,
        coordinator,
        _staff(services, "carer"),
        resident,
        activity,
        dish,
        slot.id,
        set(),
        count(1),
    )
    database.dispose()


# ---------------------------------------------------------------------------------------
# Each field: how a person's words reach it, and where they are kept


@dataclass(frozen=True)
class Case:
    field: Field
    store: Callable[[Home, str], object]
    read: Callable[[Home], str | None]


def _resident_detail(column: str) -> Callable[[Home, str], object]:
    return lambda home, text: home.services.residents.update_details(
        home.manager, home.resident, **{column: text}
    )


def _read_resident(column: str) -> Callable[[Home], str | None]:
    return lambda home: home.read(f"SELECT {column} FROM resident WHERE id = ?", home.resident)


def _meal(home: Home, title: str = "Fish pie", reason: str | None = None) -> int:
    new = NewMealSuggestion(MealSlot.LUNCH, title, reason=reason)
    return home.services.suggestions.suggest_meal(Actor.resident(home.resident), new).id


def _idea(home: Home, title: str = "A trip to the sea", reason: str | None = None) -> int:
    new = NewIdea(ProposalTopic.HOME, title, reason=reason)
    return home.services.ideas.suggest_idea(Actor.resident(home.resident), new).id


def _slot(home: Home, **words: str) -> int:
    starts = datetime.now(UTC) + timedelta(days=3)
    new = NewSlot(home.activity, starts, starts + timedelta(hours=1), **words)
    return home.services.schedule.add_slot(home.coordinator, new).id


def _cancelled(home: Home, reason: str) -> None:
    home.services.schedule.cancel_slot(home.coordinator, _slot(home), reason)


def _poll(home: Home, question: str = "Which film?", label: str = "Casablanca") -> None:
    now = datetime.now(UTC)
    options = (NewPollOption(label), NewPollOption("Tea and cake"))
    new = NewPoll(question, options, now, now + timedelta(days=2))
    home.services.polls.create_poll(home.coordinator, new)


def _plan(home: Home, **changes: object) -> None:
    draft = PlanDraft(sections={CarePlanSection.WELLNESS: "I like a walk."})
    people = str(changes.pop("people", "Ron and Tomasz"))
    what_changed = changes.pop("what_changed", None)
    took_part = WhoTookPart(people, True, what_changed)  # type: ignore[arg-type]
    home.services.care_plans.save(home.carer, home.resident, replace(draft, **changes), took_part)


def _newest_plan_row(table: str, column: str) -> Callable[[Home], str | None]:
    return lambda home: home.read(
        f'SELECT "{column}" FROM "{table}" WHERE version_id = '
        "(SELECT MAX(id) FROM care_plan_version) ORDER BY id DESC LIMIT 1"
    )


def _talk(home: Home, note: str | None = "The garden") -> int:
    talk = home.services.care_plan_talk.ask_to_talk(
        home.carer, home.resident, CarePlanSection.WELLNESS, note
    )
    return talk.id


def _talk_note(home: Home, note: str) -> None:
    request = _talk(home, note)
    home.services.care_plan_talk.resolve(home.carer, request, "We talked.")


def _resolved(home: Home, resolution: str) -> None:
    """Resolve a request in ``resolution``; one refused is resolved in other words, so the
    next example asks afresh."""
    request = _talk(home)
    try:
        home.services.care_plan_talk.resolve(home.carer, request, resolution)
    except KioskError:
        home.services.care_plan_talk.resolve(home.carer, request, "We talked.")
        raise


def _home_name(home: Home, name: str) -> None:
    SettingsService(home.database.sessions).set_home_name(home.manager, name)


ONE_LINE = Field(Kind.LINE, 120)
CASES: dict[str, Case] = {
    "resident preferred name": Case(
        Field(Kind.NAME, 80, required=True),
        _resident_detail("preferred_name"),
        _read_resident("preferred_name"),
    ),
    "resident full name": Case(
        Field(Kind.LINE, 160), _resident_detail("full_name"), _read_resident("full_name")
    ),
    "resident room": Case(Field(Kind.LINE, 20), _resident_detail("room"), _read_resident("room")),
    "resident support notes": Case(
        Field(Kind.LINES, 2000),
        _resident_detail("support_notes"),
        _read_resident("support_notes"),
    ),
    "staff name": Case(
        Field(Kind.NAME, 80, required=True),
        lambda home, text: home.services.staff.add(home.manager, text, StaffRole.CARER, "2468"),
        lambda home: home.newest("staff", "name"),
    ),
    "meal suggestion title": Case(
        Field(Kind.NAME, 120, required=True),
        lambda home, text: _meal(home, title=text),
        lambda home: home.newest("proposal", "title"),
    ),
    "meal suggestion reason": Case(
        Field(Kind.LINES, 1000),
        lambda home, text: _meal(home, reason=text),
        lambda home: home.newest("proposal", "details"),
    ),
    "idea title": Case(
        Field(Kind.NAME, 120, required=True),
        lambda home, text: _idea(home, title=text),
        lambda home: home.newest("proposal", "title"),
    ),
    "idea reason": Case(
        Field(Kind.LINES, 1000),
        lambda home, text: _idea(home, reason=text),
        lambda home: home.newest("proposal", "details"),
    ),
    "kitchen's answer": Case(
        Field(Kind.LINES, 1000, required=True),
        lambda home, text: home.services.suggestions.answer(
            home.kitchen, _meal(home), Answer(AnswerKind.NOT_NOW, text)
        ),
        lambda home: home.newest("proposal", "response"),
    ),
    "coordinator's answer": Case(
        Field(Kind.LINES, 1000, required=True),
        lambda home, text: home.services.ideas.answer(
            home.coordinator, _idea(home), IdeaAnswer(IdeaAnswerKind.NO, text)
        ),
        lambda home: home.newest("proposal", "response"),
    ),
    "dish name": Case(
        Field(Kind.NAME, 120, required=True),
        lambda home, text: home.services.menus.update_dish(
            home.kitchen, home.dish, DishDetails(text, Course.MAIN)
        ),
        lambda home: home.read("SELECT name FROM dish WHERE id = ?", home.dish),
    ),
    "dish description": Case(
        Field(Kind.LINES, 1000),
        lambda home, text: home.services.menus.update_dish(
            home.kitchen, home.dish, DishDetails("Fuzz pie", Course.MAIN, description=text)
        ),
        lambda home: home.read("SELECT description FROM dish WHERE id = ?", home.dish),
    ),
    "activity place": Case(
        ONE_LINE,
        lambda home, text: home.services.schedule.add_activity(
            home.coordinator, NewActivity(f"Fuzz place {next(home.numbers)}", place=text)
        ),
        lambda home: home.newest("activity", "default_place"),
    ),
    "activity description": Case(
        Field(Kind.LINES, 1000),
        lambda home, text: home.services.schedule.add_activity(
            home.coordinator, NewActivity(f"Fuzz notes {next(home.numbers)}", description=text)
        ),
        lambda home: home.newest("activity", "description"),
    ),
    "slot place": Case(
        ONE_LINE,
        lambda home, text: _slot(home, place=text),
        lambda home: home.newest("schedule_slot", "place"),
    ),
    "slot leader": Case(
        ONE_LINE,
        lambda home, text: _slot(home, led_by=text),
        lambda home: home.newest("schedule_slot", "led_by"),
    ),
    "slot note": Case(
        Field(Kind.LINES, 1000),
        lambda home, text: _slot(home, note=text),
        lambda home: home.newest("schedule_slot", "note"),
    ),
    "cancel reason": Case(
        Field(Kind.LINES, 1000, required=True),
        _cancelled,
        lambda home: home.newest("schedule_slot", "cancel_reason"),
    ),
    "poll question": Case(
        Field(Kind.LINE, 200, required=True),
        lambda home, text: _poll(home, question=text),
        lambda home: home.newest("poll", "question"),
    ),
    "poll option label": Case(
        Field(Kind.LINE, 120, required=True),
        lambda home, text: _poll(home, label=text),
        lambda home: home.read("SELECT label FROM poll_option ORDER BY id DESC LIMIT 1 OFFSET 1"),
    ),
    "feedback words": Case(
        Field(Kind.LINES, 1000),
        lambda home, text: home.services.schedule.give_feedback(
            Actor.resident(home.resident), home.ended_slot, FeedbackFace.GOOD, text
        ),
        lambda home: home.read(
            "SELECT words FROM feedback WHERE slot_id = ? AND resident_id = ?",
            home.ended_slot,
            home.resident,
        ),
    ),
    "care plan section": Case(
        Field(Kind.LINES, 20_000),
        lambda home, text: _plan(home, sections={CarePlanSection.WELLNESS: text}),
        lambda home: home.read(
            "SELECT body FROM care_plan_section WHERE section = 'wellness' AND version_id = "
            "(SELECT MAX(id) FROM care_plan_version)",
            missing_is_none=True,
        ),
    ),
    "goal": Case(
        Field(Kind.LINES, 2000, required=True),
        lambda home, text: _plan(home, goals=(PlanGoal(text, "Ron", GoalStatus.ACTIVE, None),)),
        _newest_plan_row("care_plan_goal", "goal"),
    ),
    "goal said by": Case(
        ONE_LINE,
        lambda home, text: _plan(home, goals=(PlanGoal("Walk", text, GoalStatus.ACTIVE, None),)),
        _newest_plan_row("care_plan_goal", "expressed_by"),
    ),
    "routine name": Case(
        Field(Kind.LINES, 120, required=True),
        lambda home, text: _plan(home, routines=(DailyRoutine(text, None, "Tea", None),)),
        _newest_plan_row("care_plan_routine", "name"),
    ),
    "routine steps": Case(
        Field(Kind.LINES, 2000),
        lambda home, text: _plan(home, routines=(DailyRoutine("Morning", "8", text, None),)),
        _newest_plan_row("care_plan_routine", "steps"),
    ),
    "routine music": Case(
        Field(Kind.LINES, 2000),
        lambda home, text: _plan(home, routines=(DailyRoutine("Morning", "8", "Tea", text),)),
        _newest_plan_row("care_plan_routine", "music"),
    ),
    "risk": Case(
        Field(Kind.LINES, 2000, required=True),
        lambda home, text: _plan(home, risks=(AgreedRisk(text, "We agreed", None),)),
        _newest_plan_row("care_plan_risk", "risk"),
    ),
    "risk agreement": Case(
        Field(Kind.LINES, 2000, required=True),
        lambda home, text: _plan(home, risks=(AgreedRisk("Falls", text, "Ron"),)),
        _newest_plan_row("care_plan_risk", "agreement"),
    ),
    "supported by": Case(
        ONE_LINE,
        lambda home, text: _plan(home, supported_by=text),
        lambda home: home.newest("care_plan_version", "supported_by"),
    ),
    "who took part": Case(
        Field(Kind.LINE, 500, required=True),
        lambda home, text: _plan(home, people=text),
        lambda home: home.newest("care_plan_version", "people_present"),
    ),
    "what changed": Case(
        Field(Kind.LINES, 2000),
        lambda home, text: _plan(home, what_changed=text),
        lambda home: home.newest("care_plan_version", "change_summary"),
    ),
    "talk request note": Case(
        Field(Kind.LINES, 2000),
        _talk_note,
        lambda home: home.newest("talk_request", "note"),
    ),
    "talk request resolution": Case(
        Field(Kind.LINES, 2000, required=True),
        _resolved,
        lambda home: home.newest("talk_request", "resolution"),
    ),
}


@pytest.mark.parametrize("name", CASES)
@FUZZ
@given(text=hostile_text())
@example(text="<b>Fish & chips</b> &amp; </para><br/>")
@example(text="\x00")
@example(text="Tea\x00 please")
@example(text="  Dai\r\nEirlys  ")
@example(text="\u202eevil\u202c שלום مرحبا")
@example(text="Z\u0336\u0301\u0302\u0303a\u0308\u0308\u0308")
@example(
    text="👨\u200d👩\u200d👧\u200d👦🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f"
)
@example(text="ਸਤ ਸ੍ਰੀ ਅਕਾਲ Zażółć ŵŷ")
@example(text="\u00a0\u2028")
@example(text="x" * 10_000)
def test_every_field_keeps_the_words_exactly_or_refuses_them_in_plain_words(
    home: Home, name: str, text: str
) -> None:
    case = CASES[name]
    check_kept(text, case.field, lambda: case.store(home, text), lambda: case.read(home))


@FUZZ
@given(text=hostile_text())
@example(text="<b>Fish & chips</b>\u202e")
def test_a_new_activity_keeps_its_title_exactly_or_refuses_it(home: Home, text: str) -> None:
    """Titles must differ from every other activity's, so each example is a new one."""
    key = match_key(text)
    assume(key not in home.titles)
    home.titles.add(key)

    def add() -> None:
        home.services.schedule.add_activity(home.coordinator, NewActivity(text))

    check_kept(
        text,
        Field(Kind.NAME, 120, required=True),
        add,
        lambda: home.newest("activity", "title"),
    )


@FUZZ
@given(text=hostile_text())
@example(text="Willow Court \x00<b>&amp;</b>")
@example(text="Willow Court <b>&amp;</b> 🏡 בית")
def test_the_home_s_name_is_kept_exactly_or_refused_in_words(home: Home, text: str) -> None:
    settings = SettingsService(home.database.sessions)
    before = settings.home_name()
    kept = check_kept(
        text,
        Field(Kind.NAME, 80, required=True),
        lambda: _home_name(home, text),
        lambda: home.read("SELECT value FROM setting WHERE name = ?", HOME_NAME),
    )
    assert settings.home_name() == (before if kept is None else kept)
