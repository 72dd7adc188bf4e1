"""The residents service: the pattern every service follows, on a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.access import Actor
from kiosk.domain.enums import CarePlanAccess, ContrastTheme
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.residents import NewResident, ResidentPreferences
from kiosk.services.residents import ResidentsService
from kiosk.storage.database import Database
from tests.conftest import ALL_LANGUAGES

HOSTILE_NAMES = [
    "<b>Bold</b> & Co",
    "Mary </para> O'Brien",
    "Gran 👵🏽 Rose",
    "ਗੁਰਪ੍ਰੀਤ ਕੌਰ",  # Gurpreet Kaur, in Gurmukhi
    "Zdzisław Łukasz Żółć",
    "Siân ap Rhys",
    "שרה",  # right-to-left
]


@pytest.fixture
def residents(database: Database, manager: Actor) -> ResidentsService:
    return ResidentsService(database.sessions, languages=ALL_LANGUAGES)


@pytest.fixture(autouse=True)
def _as_manager(manager: Actor) -> None:
    global MANAGER
    MANAGER = manager


MANAGER: Actor


def test_add_then_get_returns_what_was_stored(residents: ResidentsService) -> None:
    added = residents.add(
        MANAGER,
        NewResident(
            "  Margaret ",
            full_name="Margaret Ellis",
            room="12",
            language="cy",
            text_scale=175,
            contrast=ContrastTheme.HIGH,
            speech_rate=120,
            talking_buttons=True,
        ),
    )
    assert added.preferred_name == "Margaret"  # trimmed
    assert residents.get(added.id) == added
    assert (added.language, added.text_scale, added.contrast) == ("cy", 175, ContrastTheme.HIGH)
    assert added.initials == "M"
    assert added.active and not added.has_pin


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_names_are_kept_exactly(residents: ResidentsService, name: str) -> None:
    assert residents.get(residents.add(MANAGER, NewResident(name)).id).preferred_name == name


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("", "Please write something here first."),
        ("   ", "Please write something here first."),
        ("1234", "A name needs at least one letter."),
        ("🙂🙂", "A name needs at least one letter."),
        ("Ann\x00ie", "hidden control character"),
        ("x" * 10_000, "This is too long: 10000 letters. Please keep it under 80."),
    ],
)
def test_bad_names_are_refused_in_plain_words(
    residents: ResidentsService, name: str, words: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        residents.add(MANAGER, NewResident(name))
    assert raised.value.field == "preferred_name"
    assert words in raised.value.text()
    assert residents.list_all() == []  # nothing half-written


def test_messages_can_be_translated(residents: ResidentsService) -> None:
    with pytest.raises(ValidationError) as raised:
        residents.add(MANAGER, NewResident("x" * 81))
    welsh = {
        "This is too long: {length} letters. Please keep it under {limit}.": "Rhy hir: {length}."
    }
    assert raised.value.text(lambda message: welsh.get(message, message)) == "Rhy hir: 81."


def test_list_is_alphabetical_and_leaves_out_archived(residents: ResidentsService) -> None:
    for name in ["walter", "Agnes", "Émile", "bert"]:
        residents.add(MANAGER, NewResident(name))
    walter = next(r for r in residents.list_all() if r.preferred_name == "walter")
    archived = residents.archive(MANAGER, walter.id)
    assert not archived.active and archived.archived_at is not None
    assert [r.preferred_name for r in residents.list_active()] == ["Agnes", "bert", "Émile"]
    assert len(residents.list_all()) == 4  # archived, never deleted
    assert residents.archive(MANAGER, walter.id) == archived  # archiving twice changes nothing


def test_update_preferences_changes_only_what_is_given(residents: ResidentsService) -> None:
    iris = residents.add(MANAGER, NewResident("Iris", language="pl"))
    updated = residents.update_preferences(MANAGER, iris.id, ResidentPreferences(text_scale=200))
    assert updated.text_scale == 200
    assert updated.language == "pl"
    assert residents.get(iris.id) == updated


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (ResidentPreferences(text_scale=99), "text_scale"),
        (ResidentPreferences(text_scale=201), "text_scale"),
        (ResidentPreferences(speech_rate=20), "speech_rate"),
        (ResidentPreferences(language="klingon"), "language"),
        (ResidentPreferences(care_plan_access=CarePlanAccess.PIN), "care_plan_access"),
    ],
)
def test_bad_preferences_are_refused(
    residents: ResidentsService, changes: ResidentPreferences, field: str
) -> None:
    iris = residents.add(MANAGER, NewResident("Iris"))
    with pytest.raises(ValidationError) as raised:
        residents.update_preferences(MANAGER, iris.id, changes)
    assert raised.value.field == field
    assert residents.get(iris.id) == iris


def test_unknown_resident_is_not_found(residents: ResidentsService) -> None:
    with pytest.raises(NotFoundError):
        residents.get(404)
    with pytest.raises(NotFoundError):
        residents.archive(MANAGER, 404)


def test_pin_is_stored_only_as_a_salted_hash(
    residents: ResidentsService, database_path: Path
) -> None:
    residents.add(MANAGER, NewResident("Iris", pin="4719", care_plan_access=CarePlanAccess.PIN))
    residents.add(MANAGER, NewResident("Joan", pin="4719", care_plan_access=CarePlanAccess.PIN))
    with sqlite3.connect(database_path) as connection:
        hashes = [row[0] for row in connection.execute("SELECT pin_hash FROM resident")]
    connection.close()
    assert all(h.startswith("scrypt$") and "4719" not in h for h in hashes)
    assert hashes[0] != hashes[1]  # salted
    assert b"4719" not in database_path.read_bytes()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(min_size=1, max_size=80))
def test_any_name_is_stored_exactly_or_refused_in_words(
    residents: ResidentsService, name: str
) -> None:
    try:
        stored = residents.add(MANAGER, NewResident(name))
    except ValidationError as refused:
        assert refused.text()
    else:
        assert residents.get(stored.id).preferred_name == stored.preferred_name
        assert stored.preferred_name.strip() == stored.preferred_name
