"""A resident's data rights: everything kept about them (read back from the service, the
JSON file and the large-print PDF), and erasing a resident who has moved out, after which
nothing personal is left in any text of any table, every count is the same, and every other
row is unchanged byte for byte. Manager only, audited, in one transaction."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from kiosk.app import Services
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.care_plans import AgreedRisk, DailyRoutine, PlanDraft, PlanGoal, WhoTookPart
from kiosk.domain.enums import (
    BallotAnswer,
    CarePlanAccess,
    CarePlanSection,
    DatabaseKind,
    GoalStatus,
    MealSlot,
    PollKind,
    ProposalTopic,
)
from kiosk.domain.errors import NotAllowedError, NotFoundError, ValidationError, WrongPinError
from kiosk.domain.ideas import IdeaAnswer, IdeaAnswerKind, NewIdea
from kiosk.domain.meals import Answer, AnswerKind, NewMealSuggestion
from kiosk.domain.resident_records import (
    JSON_FORMAT,
    PlanAccessKind,
    ResidentRecords,
    mentions,
    name_words,
    names_pattern,
    records_json,
)
from kiosk.domain.residents import NewResident
from kiosk.domain.schedule import FeedbackFace
from kiosk.i18n import Words
from kiosk.printing.resident_records import resident_records_pdf
from kiosk.services import resident_records as records_module
from kiosk.services.resident_records import (
    ANONYMOUS_ANSWER,
    ANONYMOUS_TITLE,
    ERASE_ACTION,
    RECORDS_ACTION,
    ResidentRecordsService,
)
from kiosk.storage.database import Database, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from tests.test_plain_words import PLACEHOLDER, WORD, flesch_reading_ease
from tests.test_print_pdf_reading import FONTS, PICTURES, ROOT, page_texts, rule_breaks, text_runs

pytestmark = pytest.mark.both_engines

HOSTILE = '<b>&amp;</b> Tea & "cake" 🙂 zażółć'
NAME, FULL_NAME, ROOM = "Winifred", "Winifred Ashdown-Pryce", "Rosewood 3"
PNG_1PX = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
KEPT_COUNTS = (
    "resident",
    "proposal",
    "proposal_support",
    "ballot",
    "ballot_choice",
    "attendance",
    "feedback",
    "care_plan",
    "care_plan_version",
    "care_plan_section",
    "care_plan_goal",
    "care_plan_routine",
    "care_plan_risk",
    "care_plan_confirmation",
    "care_plan_review",
    "talk_request",
)

Row = dict[str, object]
Rows = dict[str, dict[tuple[object, ...], Row]]


@pytest.fixture
def home(demo_dir: Path) -> Iterator[tuple[Database, Services]]:
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    config = AppConfig.build(data_dir=demo_dir, demo=True, windowed=True, locale=None, environ={})
    yield database, Services(database, config)
    database.dispose()


def staff(services: Services, role: str) -> Actor:
    demo = next(person for person in STAFF if person.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


def resident_id(services: Services, name: str) -> int:
    return next(r.id for r in services.residents.list_all() if r.preferred_name == name)


def rows(path: Path) -> Rows:
    """Every row of every table (column by column), by primary key, exactly as stored."""
    found: Rows = {}
    with closing(sqlite3.connect(path)) as db:
        for table, columns in _tables(db):
            names = [name for name, _, _ in columns]
            keys = [name for name, _, is_key in columns if is_key] or names[:1]
            found[table] = {}
            for values in db.execute(f'SELECT * FROM "{table}"'):
                row = dict(zip(names, values, strict=True))
                found[table][tuple(row[key] for key in keys)] = row
    return found


def count(found: Rows, table: str, resident: int) -> int:
    return sum(1 for row in found[table].values() if row["resident_id"] == resident)


def words_of(found: Rows, table: str, column: str, not_of: int) -> list[str]:
    """The words in ``column`` of every row that is not resident ``not_of``'s."""
    return [
        str(row[column])
        for row in found[table].values()
        if row["resident_id"] != not_of and row[column]
    ]


def text_cells(path: Path) -> list[tuple[str, str, str]]:
    """(table, column, value) for every TEXT or VARCHAR cell in the database."""
    cells = []
    with closing(sqlite3.connect(path)) as db:
        for table, columns in _tables(db):
            for name, kind, _ in columns:
                if "TEXT" in kind or "CHAR" in kind:
                    query = f'SELECT "{name}" FROM "{table}" WHERE "{name}" IS NOT NULL'
                    cells += [(table, name, value) for (value,) in db.execute(query)]
    return cells


def _tables(db: sqlite3.Connection) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    names = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return [
        (
            table,
            [
                (column[1], column[2].upper(), bool(column[5]))
                for column in db.execute(f'PRAGMA table_info("{table}")')
            ],
        )
        for table in names
    ]


def winifred(services: Services) -> int:
    """A resident with something of every kind in her records, her names in her own words
    and in staff's words about her, who has since moved out."""
    manager, carer = staff(services, "manager"), staff(services, "carer")
    coordinator, kitchen = staff(services, "coordinator"), staff(services, "kitchen")
    new = NewResident(
        NAME,
        full_name=FULL_NAME,
        room=ROOM,
        language="cy",
        text_scale=175,
        pin="2580",
        care_plan_access=CarePlanAccess.PIN,
        support_notes=f"{NAME} likes the window seat in {ROOM}.",
    )
    wid = services.residents.add(manager, new).id
    services.residents.set_photo(manager, wid, PNG_1PX)
    me, private = Actor.resident(wid), Actor.resident_in_private(wid)
    named = services.ideas.suggest_idea(
        me, NewIdea(ProposalTopic.ACTIVITY, f"{NAME}'s tea dance", reason=f"Ask {FULL_NAME}")
    )
    services.ideas.answer(coordinator, named.id, IdeaAnswer(IdeaAnswerKind.YES, f"Yes {NAME}!"))
    services.ideas.suggest_idea(
        me, NewIdea(ProposalTopic.HOME, "A bench by the pond", reason=f"For {ROOM}, ta")
    )
    meal = services.suggestions.suggest_meal(
        me, NewMealSuggestion(MealSlot.TEA, "Welsh cakes", reason="My mam's, from Ashdown-Pryce")
    )
    services.suggestions.answer(kitchen, meal.id, Answer(AnswerKind.NOT_NOW, "No griddle yet."))
    other = next(
        i for i in services.ideas.open_ideas(me, ProposalTopic.ACTIVITY) if i.id != named.id
    )
    services.ideas.support(me, other.id)
    poll = services.polls.polls_open(me)[0]
    answer = BallotAnswer.CHOSEN if poll.kind is PollKind.CHOOSE_ONE else BallotAnswer.YES
    choices = {option.id: answer for option in poll.options}
    if poll.kind is PollKind.CHOOSE_ONE:
        choices = dict(list(choices.items())[:1])
    services.polls.cast_ballot(me, poll.id, choices)
    slot = services.schedule.slots_to_review(me)[0]
    services.schedule.give_feedback(me, slot.slot_id, FeedbackFace.GOOD, f"{NAME} loved it")
    draft = PlanDraft(
        sections={section: f"{NAME} says: {section.value}." for section in CarePlanSection},
        goals=(PlanGoal(f"{NAME} walks to the pond", NAME, GoalStatus.ACHIEVED, None),),
        routines=(DailyRoutine(f"{NAME}'s morning", f"{NAME} wakes at 8", "Tea", "Radio"),),
        risks=(AgreedRisk("Falls", f"{NAME} uses her frame", f"{NAME} and her son"),),
        supported_by=f"{NAME}'s son",
    )
    services.care_plans.save(carer, wid, draft, WhoTookPart(f"{FULL_NAME}, her son", True))
    services.care_plans.save(carer, wid, draft, WhoTookPart(NAME, False, f"{NAME} chose it"))
    today = datetime.now(UTC).date()
    services.care_plans.record_review(
        carer,
        wid,
        today,
        WhoTookPart(f"{NAME} and Helen", True, f"{NAME} is happy"),
        next_review_on=today + timedelta(days=90),
    )
    services.care_plans.current(private, wid)
    services.care_plan_talk.confirm(private, wid, CarePlanSection.WELLNESS)
    talk = services.care_plan_talk.ask_to_talk(private, wid, CarePlanSection.SUPPORT, NAME)
    services.care_plan_talk.resolve(carer, talk.id, f"Agreed with {NAME}")
    services.care_plan_talk.ask_to_talk(private, wid, None, f"{ROOM} is cold")
    with pytest.raises(WrongPinError):
        services.residents.verify_pin(wid, "0000")
    services.residents.archive(manager, wid)
    return wid


# ---------------------------------------------------------------------------------------
# Everything about one resident


def test_margaret_s_records_hold_everything_of_hers_and_nothing_of_anyone_else(
    home: tuple[Database, Services], demo_dir: Path
) -> None:
    database, services = home
    manager = staff(services, "manager")
    margaret = resident_id(services, "Margaret")
    records = ResidentRecordsService(database.sessions).records(manager, margaret)

    before = rows(demo_dir / "our-say.sqlite3")
    hers = {key[0] for key, row in before["proposal"].items() if row["resident_id"] == margaret}
    assert {s.proposal_id for s in records.suggestions} == hers
    assert len(records.supports) == count(before, "proposal_support", margaret)
    assert len(records.votes) == count(before, "ballot", margaret)
    assert len(records.feedback) == count(before, "feedback", margaret)
    assert len(records.attended) == count(before, "attendance", margaret)
    assert [v.number for v in records.plan_versions] == [1, 2, 3]
    assert len(records.reviews) == 1 and records.reviews[0].resident_involved
    assert records.confirmations and records.talk_requests
    assert records.details.full_name == "Margaret Ellis" and records.details.has_pin
    assert "I could smell the sea. Thank you." in {f.words for f in records.feedback}
    every_answer = [answer for vote in records.votes for answer in vote.answers]
    assert every_answer and all(vote.question for vote in records.votes)
    access = {(e.kind, e.by_staff, e.by_themselves) for e in records.plan_access}
    assert (PlanAccessKind.PRINTED, "Helen Carter", False) in access
    assert (PlanAccessKind.VIEWED, None, True) in access
    assert (PlanAccessKind.VIEWED, "Tomasz Zieliński", False) in access

    everything = records_json(records).decode()
    others = [
        *words_of(before, "proposal", "details", margaret),
        *words_of(before, "feedback", "words", margaret),
        *words_of(before, "talk_request", "note", margaret),
    ]
    her_plan = next(
        key[0] for key, r in before["care_plan"].items() if r["resident_id"] == margaret
    )
    her_versions = {
        key[0] for key, r in before["care_plan_version"].items() if r["care_plan_id"] == her_plan
    }
    others += [
        str(r["body"])
        for r in before["care_plan_section"].values()
        if r["version_id"] not in her_versions and r["body"]
    ]
    assert len(others) > 10
    assert not [words for words in others if words in everything]

    [event] = services.audit.events(manager, action=RECORDS_ACTION)
    assert (event.record_type, event.record_id, event.detail) == ("resident", margaret, None)


@pytest.mark.parametrize("role", ["kitchen", "coordinator", "carer"])
def test_only_the_manager_may_see_or_erase_a_resident_s_records(
    home: tuple[Database, Services], role: str
) -> None:
    database, services = home
    service = ResidentRecordsService(database.sessions)
    edna = resident_id(services, "Edna")
    for who in (staff(services, role), Actor.resident(edna), Actor.resident_in_private(edna)):
        with pytest.raises(NotAllowedError):
            service.records(who, edna)
        with pytest.raises(NotAllowedError):
            service.erase(who, edna)
    assert services.residents.get(edna).preferred_name == "Edna"
    with pytest.raises(NotFoundError):
        service.records(staff(services, "manager"), 9999)


def test_the_json_file_reads_back_and_holds_no_pin(
    home: tuple[Database, Services], demo_dir: Path
) -> None:
    database, services = home
    margaret = resident_id(services, "Margaret")
    services.ideas.suggest_idea(Actor.resident(margaret), NewIdea(ProposalTopic.OTHER, HOSTILE))
    records = ResidentRecordsService(database.sessions).records(
        staff(services, "manager"), margaret
    )
    data = records_json(records)
    document = json.loads(data.decode("utf-8"))
    assert list(document)[:3] == ["format", "details", "made_at"]
    assert document["format"] == JSON_FORMAT
    assert document["details"]["has_pin"] is True
    assert HOSTILE in [s["title"] for s in document["suggestions"]]
    assert [v["number"] for v in document["plan_versions"]] == [1, 2, 3]
    assert document["plan_versions"][0]["sections"][0]["section"] == "what_matters"
    assert datetime.fromisoformat(document["made_at"]).tzinfo is not None
    assert date.fromisoformat(document["reviews"][0]["reviewed_on"])
    assert data == records_json(records)  # the same records, the same bytes
    pin_hash = rows(demo_dir / "our-say.sqlite3")["resident"][(margaret,)]["pin_hash"]
    assert isinstance(pin_hash, str) and pin_hash.encode() not in data
    for private in (b"pin_hash", b"locked_until", b"failed_pin_count", b"lockout_count"):
        assert private not in data


# ---------------------------------------------------------------------------------------
# The large-print copy


def pdf(records: ResidentRecords, language: str = "en_GB") -> bytes:
    return resident_records_pdf(
        records,
        home_name="Willow Court <Care> & Co",
        locale=language,
        translate=Words(ROOT / "locales", language).gettext,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
        printed_on=date(2026, 11, 23),
    )


def test_the_copy_shows_margaret_her_words_exactly_in_clear_print(
    home: tuple[Database, Services],
) -> None:
    database, services = home
    margaret = resident_id(services, "Margaret")
    services.ideas.suggest_idea(
        Actor.resident(margaret), NewIdea(ProposalTopic.OTHER, HOSTILE, reason="a < b & c")
    )
    records = ResidentRecordsService(database.sessions).records(
        staff(services, "manager"), margaret
    )
    document = pdf(records)
    text = " ".join(page_texts(document))
    for expected in (
        "Everything Our Say keeps about you",
        "Full name: Margaret Ellis",
        "Willow Court <Care> & Co",
        "Steak and kidney pie",
        "I could smell the sea. Thank you.",
        "Your care plan, version 3",
        "Please call me Margaret, not love or dear.",
        "Tomasz Zieliński looked at it.",
        "Helen Carter printed it.",
        "You looked at it.",
        '<b>&amp;</b> Tea & "cake"',
        "zażółć",
        "a < b & c",
        "Page 1 of",
    ):
        assert expected in text, expected
    [run] = [run for run in text_runs(document) if "<b>&amp;</b>" in run.text]
    assert run.font.endswith("AtkinsonHyperlegibleNext-Bold")  # the title's bold, not markup
    assert rule_breaks(document) == []


def test_mrs_kaur_s_copy_in_punjabi_is_shaped_with_punjabi_dates(
    home: tuple[Database, Services],
) -> None:
    database, services = home
    kaur = resident_id(services, "Mrs Kaur")
    records = ResidentRecordsService(database.sessions).records(staff(services, "manager"), kaur)
    document = pdf(records, "pa")
    runs = text_runs(document)
    gurmukhi = [run for run in runs if any("\u0a00" <= c <= "\u0a7f" for c in run.text)]
    assert gurmukhi and all("NotoSansGurmukhi" in run.font for run in gurmukhi)
    text = unicodedata.normalize("NFC", " ".join(page_texts(document)))
    assert "ਨਵੰਬਰ 2026" in text  # Babel's month in Punjabi
    assert "ਦਾ ਸਾਗ ਤੇ" in text  # her own suggestion, in her words
    good = Words(ROOT / "locales", "pa").gettext("Good")
    assert good != "Good" and good in text  # a face in words, from the catalogue
    assert rule_breaks(document) == []


def test_the_copy_s_words_are_plain() -> None:
    module = ROOT / "kiosk" / "printing" / "resident_records_words.py"
    found = []
    with module.open("rb") as source:
        for _, message, _, _ in extract_from_file("python", source.name, keywords={"N_": None}):
            words = PLACEHOLDER.sub("it", message).strip()
            if WORD.search(words):
                found.append(words if words[-1] in ".!?" else words + ".")
    assert len(found) > 60
    assert flesch_reading_ease(" ".join(found)) >= 80


# ---------------------------------------------------------------------------------------
# Erasing a resident who has left


def test_erasing_leaves_nothing_personal_and_every_count_and_other_row_as_it_was(
    home: tuple[Database, Services], demo_dir: Path
) -> None:
    database, services = home
    path = demo_dir / "our-say.sqlite3"
    wid = winifred(services)
    manager = staff(services, "manager")
    service = ResidentRecordsService(database.sessions)
    before = rows(path)
    assert any(NAME in value for _, _, value in text_cells(path))

    erased = service.erase(manager, wid)

    after = rows(path)
    found = [
        (table, column, value)
        for table, column, value in text_cells(path)
        if any(word.casefold() in value.casefold() for word in (NAME, FULL_NAME, "Ashdown", ROOM))
    ]
    assert found == []
    for table in KEPT_COUNTS:
        assert len(after[table]) == len(before[table]), table
    her_photo = before["resident"][(wid,)]["photo_id"]
    assert her_photo is not None and (her_photo,) not in after["photo"]
    assert len(after["photo"]) == len(before["photo"]) - 1

    changed = {
        (table, key)
        for table in before
        for key, row in before[table].items()
        if after[table].get(key) != row
    }
    assert changed <= _hers(before, wid)  # every other row is byte for byte the same
    assert ("resident", (wid,)) in changed and ("photo", (her_photo,)) in changed
    added = {(t, k) for t in after for k in after[t] if k not in before[t]}
    assert {table for table, _ in added} == {"audit_event"}

    row = services.residents.get(wid, manager)
    assert row.preferred_name == "Former resident 1" == erased.anonymous_name
    assert (row.full_name, row.room, row.support_notes) == (None, None, None)
    assert not row.has_pin and not row.has_photo and not row.active
    assert (row.language, row.text_scale) == ("en_GB", 100)
    resident = after["resident"][(wid,)]
    assert before["resident"][(wid,)]["failed_pin_count"] == 1
    assert (resident["failed_pin_count"], resident["lockout_count"]) == (0, 0)
    assert (resident["pin_hash"], resident["locked_until"]) == (None, None)
    assert resident["erased_at"] is not None
    theirs = [r for r in after["proposal"].values() if r["resident_id"] == wid]
    assert {r["title"] for r in theirs} == {ANONYMOUS_TITLE, "A bench by the pond", "Welsh cakes"}
    assert {r["details"] for r in theirs} == {None}
    answers = {r["response"] for r in theirs}
    assert ANONYMOUS_ANSWER in answers and "No griddle yet." in answers
    assert (erased.suggestions, erased.feedback, erased.plan_versions) == (3, 1, 2)
    assert (erased.reviews, erased.talk_requests, erased.photos) == (1, 2, 1)
    assert erased.mentions == ()

    [event] = services.audit.events(manager, action=ERASE_ACTION)
    assert (event.record_type, event.record_id, event.actor_staff_id) == (
        "resident",
        wid,
        manager.staff_id,
    )
    assert event.detail is not None and NAME not in event.detail
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []

    copy = service.records(manager, wid)
    assert copy.details.erased_at is not None
    assert NAME.encode() not in records_json(copy)
    assert NAME not in " ".join(page_texts(pdf(copy)))


def _hers(before: Rows, wid: int) -> set[tuple[str, tuple[object, ...]]]:
    """The rows erasing may change: the resident, her photo, her suggestions, feedback,
    talk requests, and her care plan's versions, their parts, and its reviews."""
    mine = {("resident", (wid,)), ("photo", (before["resident"][(wid,)]["photo_id"],))}
    for table in ("proposal", "feedback", "talk_request"):
        mine |= {(table, k) for k, r in before[table].items() if r["resident_id"] == wid}
    plans = {k[0] for k, r in before["care_plan"].items() if r["resident_id"] == wid}
    versions = {k[0] for k, r in before["care_plan_version"].items() if r["care_plan_id"] in plans}
    mine |= {("care_plan_version", (v,)) for v in versions}
    mine |= {
        ("care_plan_review", k)
        for k, r in before["care_plan_review"].items()
        if r["care_plan_id"] in plans
    }
    for table in ("care_plan_section", "care_plan_goal", "care_plan_routine", "care_plan_risk"):
        mine |= {(table, k) for k, r in before[table].items() if r["version_id"] in versions}
    return mine


def test_a_resident_who_still_lives_here_or_was_erased_already_is_refused(
    home: tuple[Database, Services], demo_dir: Path
) -> None:
    database, services = home
    manager = staff(services, "manager")
    service = ResidentRecordsService(database.sessions)
    margaret = resident_id(services, "Margaret")
    before = rows(demo_dir / "our-say.sqlite3")
    with pytest.raises(NotAllowedError) as refused:
        service.erase(manager, margaret)
    assert refused.value.text().startswith("Margaret still lives here.")
    assert rows(demo_dir / "our-say.sqlite3") == before

    edna = resident_id(services, "Edna")
    service.erase(manager, edna)
    with pytest.raises(NotAllowedError) as again:
        service.erase(manager, edna)
    assert again.value.text() == "These records were erased already."
    assert len(services.audit.events(manager, action=ERASE_ACTION)) == 1


def test_erasing_is_one_transaction(
    home: tuple[Database, Services], demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, services = home
    wid = winifred(services)
    manager = staff(services, "manager")
    before = rows(demo_dir / "our-say.sqlite3")

    def broken(*_: object) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(records_module, "_mentions", broken)
    with pytest.raises(RuntimeError):
        ResidentRecordsService(database.sessions).erase(manager, wid)
    assert rows(demo_dir / "our-say.sqlite3") == before


def test_erasing_says_where_others_still_wrote_the_name(
    home: tuple[Database, Services], demo_dir: Path
) -> None:
    """The coordinator's note on a slot names Mrs Kaur ("Arjun, Mrs Kaur's grandson"):
    other people's words are not changed, so the manager is told where, to look at by
    hand. Her own rows, and the audit log, name her nowhere."""
    database, services = home
    manager = staff(services, "manager")
    kaur = resident_id(services, "Mrs Kaur")
    services.residents.archive(manager, kaur)
    erased = ResidentRecordsService(database.sessions).erase(manager, kaur)
    assert [m.table for m in erased.mentions] == ["schedule_slot"]
    left = {
        table
        for table, _column, value in text_cells(demo_dir / "our-say.sqlite3")
        if "Kaur" in value
    }
    assert left == {"schedule_slot"}


def test_a_name_is_found_as_whole_words_without_titles() -> None:
    assert name_words("Mrs Kaur", "Gurdev Kaur") == ("Mrs Kaur", "Kaur", "Gurdev Kaur", "Gurdev")
    assert name_words("Dot", None, "  ") == ("Dot",)
    pattern = names_pattern(name_words("Dot", "Dorothy Baker"))
    assert mentions("Dot's scones", pattern)
    assert mentions("ask DOROTHY", pattern)
    assert not mentions("Polka dots", pattern)
    assert not mentions("the Bakerloo line", pattern)
    assert not mentions(None, pattern)
    assert not mentions("anything", names_pattern(()))
    exact = names_pattern(("Dot",), ignore_case=False)
    assert mentions("with Dot.", exact) and not mentions("a dot", exact)


def test_an_erased_resident_cannot_be_given_a_name_pin_or_photo_again(
    home: tuple[Database, Services],
) -> None:
    database, services = home
    manager = staff(services, "manager")
    dot = resident_id(services, "Dot")
    services.residents.archive(manager, dot)
    ResidentRecordsService(database.sessions).erase(manager, dot)
    attempts = (
        lambda: services.residents.update_details(manager, dot, preferred_name="Dot"),
        lambda: services.residents.set_pin(manager, dot, "2468"),
        lambda: services.residents.remove_photo(manager, dot),
    )
    for attempt in attempts:
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.text() == (
            "This resident's records were erased, so they cannot be changed."
        )
    assert services.residents.get(dot).preferred_name.startswith("Former resident")
