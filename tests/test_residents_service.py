"""The residents service: the pattern every service follows, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from kiosk.domain.access import Actor
from kiosk.domain.enums import CarePlanAccess, ContrastTheme
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.residents import NewResident, ResidentPreferences
from kiosk.services.residents import ResidentsService
from kiosk.storage.database import Database
from tests.conftest import ALL_LANGUAGES

pytestmark = pytest.mark.both_engines

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
    residents: ResidentsService, database: Database
) -> None:
    residents.add(MANAGER, NewResident("Iris", pin="4719", care_plan_access=CarePlanAccess.PIN))
    residents.add(MANAGER, NewResident("Joan", pin="4719", care_plan_access=CarePlanAccess.PIN))
    with database.engine.connect() as connection:
        hashes = connection.execute(text("SELECT pin_hash FROM resident")).scalars().all()
    assert all(h.startswith("scrypt$") and "4719" not in h for h in hashes)
    assert hashes[0] != hashes[1]  # salted


@pytest.mark.sqlite_only  # reads the database file's bytes
def test_the_database_file_holds_no_pin(residents: ResidentsService, database_path: Path) -> None:
    residents.add(MANAGER, NewResident("Iris", pin="4719", care_plan_access=CarePlanAccess.PIN))
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


# -- details, photos: staff who manage residents, audited ---------------------------------

PNG_1PX = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
JPEG_START = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
WEBP_START = b"RIFF\x24\x00\x00\x00WEBPVP8 "


def audit_actions(
    database: Database, action: str
) -> list[tuple[int | None, int | None, str | None]]:
    from kiosk.services.audit import AuditService

    events = AuditService(database.sessions).events(MANAGER, action=action)
    return [(event.actor_staff_id, event.record_id, event.detail) for event in events]


def photo_rows(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.execute(text("SELECT COUNT(*) FROM photo")).scalar_one())


@pytest.fixture
def kitchen(database: Database) -> Actor:
    """A cook, signed in: a member of staff who may not manage residents."""
    from kiosk.domain.enums import StaffRole
    from kiosk.services.staff import StaffService

    staff = StaffService(database.sessions)
    cook = staff.add(MANAGER, "Tom Baker", StaffRole.KITCHEN, "6053")
    return staff.sign_in(cook.id, "6053")


def test_update_details_changes_names_and_room_and_is_audited(
    residents: ResidentsService, database: Database
) -> None:
    iris = residents.add(MANAGER, NewResident("Iris", full_name="Iris Ward", room="3"))
    updated = residents.update_details(
        MANAGER, iris.id, preferred_name="  Iris  May ", full_name="Iris May Ward", room=" 14b "
    )
    assert (updated.preferred_name, updated.full_name, updated.room) == (
        "Iris May",
        "Iris May Ward",
        "14b",
    )
    assert residents.get(iris.id) == updated
    assert audit_actions(database, "resident.update") == [(MANAGER.staff_id, iris.id, None)]


def test_update_details_leaves_out_none_and_clears_empty(residents: ResidentsService) -> None:
    iris = residents.add(MANAGER, NewResident("Iris", full_name="Iris Ward", room="3"))
    updated = residents.update_details(MANAGER, iris.id, room="")
    assert updated.room is None
    assert (updated.preferred_name, updated.full_name) == ("Iris", "Iris Ward")


def test_update_details_with_no_change_writes_no_audit(
    residents: ResidentsService, database: Database
) -> None:
    iris = residents.add(MANAGER, NewResident("Iris", room="3"))
    residents.update_details(
        MANAGER, iris.id, preferred_name="Iris", room="3", preferences=ResidentPreferences()
    )
    assert audit_actions(database, "resident.update") == []


def test_update_details_and_preferences_are_kept_together_or_not_at_all(
    residents: ResidentsService, database: Database
) -> None:
    iris = residents.add(MANAGER, NewResident("Iris", room="3"))
    with pytest.raises(ValidationError) as raised:
        residents.update_details(
            MANAGER,
            iris.id,
            room="4",
            preferences=ResidentPreferences(text_scale=150, care_plan_access=CarePlanAccess.PIN),
        )
    assert raised.value.field == "care_plan_access"
    assert residents.get(iris.id) == iris  # not the room, not the text size
    both = residents.update_details(
        MANAGER, iris.id, room="4", preferences=ResidentPreferences(text_scale=150)
    )
    assert (both.room, both.text_scale) == ("4", 150)
    assert len(audit_actions(database, "resident.update")) == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"preferred_name": ""}, "preferred_name"),
        ({"preferred_name": "1234"}, "preferred_name"),
        ({"preferred_name": "x" * 10_000}, "preferred_name"),
        ({"full_name": "y" * 161}, "full_name"),
        ({"room": "Room number twenty-one"}, "room"),
        ({"room": "1\x1b2"}, "room"),
    ],
)
def test_bad_details_are_refused_in_words(
    residents: ResidentsService, changes: dict[str, str], field: str
) -> None:
    iris = residents.add(MANAGER, NewResident("Iris", room="3"))
    with pytest.raises(ValidationError) as raised:
        residents.update_details(MANAGER, iris.id, **changes)
    assert raised.value.field == field
    assert raised.value.text()
    assert residents.get(iris.id) == iris


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_are_kept_exactly_on_update(residents: ResidentsService, name: str) -> None:
    iris = residents.add(MANAGER, NewResident("Iris"))
    assert residents.update_details(MANAGER, iris.id, preferred_name=name).preferred_name == name
    assert residents.get(iris.id).preferred_name == name


def test_only_staff_who_manage_residents_change_details_or_photos(
    residents: ResidentsService, database: Database, kitchen: Actor
) -> None:
    from kiosk.domain.errors import NotAllowedError

    iris = residents.add(MANAGER, NewResident("Iris", room="3"))
    for who in (kitchen, Actor.resident(iris.id), Actor()):
        for attempt in (
            lambda who=who: residents.update_details(who, iris.id, room="9"),
            lambda who=who: residents.set_photo(who, iris.id, PNG_1PX),
            lambda who=who: residents.remove_photo(who, iris.id),
        ):
            with pytest.raises(NotAllowedError) as raised:
                attempt()
            assert raised.value.text() == "Sorry, you are not allowed to do that."
    assert residents.get(iris.id) == iris
    assert photo_rows(database) == 0
    assert audit_actions(database, "resident.update") == []
    assert audit_actions(database, "resident.photo") == []


@pytest.mark.parametrize(
    ("data", "mime"),
    [(PNG_1PX, "image/png"), (JPEG_START + b"rest", "image/jpeg"), (WEBP_START, "image/webp")],
)
def test_set_photo_keeps_it_and_anyone_can_see_it(
    residents: ResidentsService, database: Database, data: bytes, mime: str
) -> None:
    iris = residents.add(MANAGER, NewResident("Iris"))
    assert residents.photo(iris.id) is None
    with_photo = residents.set_photo(MANAGER, iris.id, data)
    assert with_photo.has_photo and residents.get(iris.id).has_photo
    assert residents.photo(iris.id) == data
    with database.engine.connect() as connection:
        stored = connection.execute(text("SELECT mime_type, byte_size FROM photo")).all()
    assert [tuple(row) for row in stored] == [(mime, len(data))]
    assert audit_actions(database, "resident.photo") == [(MANAGER.staff_id, iris.id, "set")]


def test_a_new_photo_replaces_the_old_one(residents: ResidentsService, database: Database) -> None:
    iris = residents.add(MANAGER, NewResident("Iris"))
    residents.set_photo(MANAGER, iris.id, PNG_1PX)
    residents.set_photo(MANAGER, iris.id, JPEG_START)
    assert residents.photo(iris.id) == JPEG_START
    assert photo_rows(database) == 1  # the old one is not left behind


def test_remove_photo(residents: ResidentsService, database: Database) -> None:
    iris = residents.add(MANAGER, NewResident("Iris"))
    residents.set_photo(MANAGER, iris.id, PNG_1PX)
    removed = residents.remove_photo(MANAGER, iris.id)
    assert not removed.has_photo
    assert residents.photo(iris.id) is None
    assert photo_rows(database) == 0
    assert residents.remove_photo(MANAGER, iris.id) == removed  # twice changes nothing
    actions = audit_actions(database, "resident.photo")
    assert [detail for _, _, detail in actions] == ["removed", "set"]  # newest first


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"Dear family, this is a letter, not a photo.",  # a text file renamed .jpg
        b"GIF89a\x01\x00\x01\x00",
        b"<svg xmlns='http://www.w3.org/2000/svg'/>",
        b"RIFF\x24\x00\x00\x00WAVEfmt ",  # a sound, not a WebP
        b"\x89PN",
    ],
)
def test_files_that_are_not_photos_are_refused_in_words(
    residents: ResidentsService, database: Database, data: bytes
) -> None:
    iris = residents.add(MANAGER, NewResident("Iris"))
    with pytest.raises(ValidationError) as raised:
        residents.set_photo(MANAGER, iris.id, data)
    assert raised.value.field == "photo"
    assert raised.value.text() == (
        "That file is not a photo we can use. Please choose a JPEG or PNG picture."
    )
    assert not residents.get(iris.id).has_photo
    assert photo_rows(database) == 0


def test_a_photo_too_big_is_refused_in_words(
    residents: ResidentsService, database: Database
) -> None:
    from kiosk.domain.photos import MAX_PHOTO_BYTES

    iris = residents.add(MANAGER, NewResident("Iris"))
    too_big = JPEG_START + bytes(MAX_PHOTO_BYTES)
    with pytest.raises(ValidationError) as raised:
        residents.set_photo(MANAGER, iris.id, too_big)
    assert "too big" in raised.value.text() and "5 MB" in raised.value.text()
    assert photo_rows(database) == 0
    just_fits = JPEG_START + bytes(MAX_PHOTO_BYTES - len(JPEG_START))
    assert residents.set_photo(MANAGER, iris.id, just_fits).has_photo


def test_photo_of_nobody_is_none(residents: ResidentsService) -> None:
    assert residents.photo(404) is None
    with pytest.raises(NotFoundError):
        residents.set_photo(MANAGER, 404, PNG_1PX)


def test_sniffing_reads_the_bytes_not_the_name() -> None:
    from kiosk.domain.photos import sniff_photo_type

    assert sniff_photo_type(PNG_1PX) == "image/png"
    assert sniff_photo_type(JPEG_START) == "image/jpeg"
    assert sniff_photo_type(WEBP_START) == "image/webp"
    assert sniff_photo_type(b"RIFF") is None
    assert sniff_photo_type(b"%PDF-1.7") is None
