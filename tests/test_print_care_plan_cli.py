"""``kiosk print care-plan``: headless, on the demo home, behind a staff PIN; refusals in
plain words; every print audited."""

from __future__ import annotations

import io
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.cli import main
from kiosk.services.residents import ResidentsService
from kiosk.services.staff import StaffService
from kiosk.storage import models
from kiosk.storage.database import open_database, sqlite_url
from tests.conftest import ALL_LANGUAGES
from tests.test_print_pdf_reading import page_texts, rule_breaks

PRINT = "care_plan.print"
CARER, CARER_PIN = "Tomasz", "5281"


def ids(demo_dir: Path) -> tuple[dict[str, int], dict[str, int]]:
    """The demo home's residents and staff, by name."""
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"))
    try:
        residents = {
            r.preferred_name: r.id
            for r in ResidentsService(database.sessions, languages=ALL_LANGUAGES).list_all()
        }
        staff = {m.name: m.id for m in StaffService(database.sessions).sign_in_choices()}
    finally:
        database.dispose()
    return residents, staff


PrintEvents = Callable[[], list[tuple[int | None, int | None]]]


def _audit_events(demo_dir: Path, *, after: int) -> list[models.AuditEvent]:
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"))
    try:
        with database.sessions() as session:
            rows = session.scalars(
                select(models.AuditEvent).where(models.AuditEvent.id > after)
            ).all()
            session.expunge_all()
            return list(rows)
    finally:
        database.dispose()


@pytest.fixture
def new_prints(demo_dir: Path) -> PrintEvents:
    """(who printed, whose plan) for each care-plan print audited since the test began
    (the demo home's own history has some)."""
    seeded = max((event.id for event in _audit_events(demo_dir, after=0)), default=0)
    return lambda: [
        (event.actor_staff_id, event.record_id)
        for event in _audit_events(demo_dir, after=seeded)
        if event.action == PRINT
    ]


def run(
    demo_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    *arguments: str,
    pin: str = CARER_PIN,
    staff: str = CARER,
) -> int:
    """``kiosk print care-plan`` with ``pin`` piped in, as a script would."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{pin}\n"))
    return main(
        ["print", "care-plan", "--staff", staff, "--data-dir", str(demo_dir), *arguments],
        environ={},
    )


def test_a_carer_prints_margarets_plan_and_it_is_audited(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    new_prints: PrintEvents,
) -> None:
    residents, staff = ids(demo_dir)
    margaret = residents["Margaret"]
    out = tmp_path / "plans" / "margaret.pdf"
    assert run(demo_dir, monkeypatch, "--resident", str(margaret), "--out", str(out)) == 0
    said = capsys.readouterr()
    assert said.out.strip() == f"Saved the care plan to {out.resolve()}"
    assert CARER_PIN not in said.out + said.err
    pdf = out.read_bytes()
    assert rule_breaks(pdf) == []
    pages = page_texts(pdf)
    assert pages[0].startswith("My care plan Margaret Willow Court Written with Margaret on ")
    assert "I want to sing a hymn on my own at the Sunday service." in " ".join(pages)
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    assert out.stat().st_mode & 0o777 == 0o600  # private: only the home's account reads it
    assert new_prints() == [(staff["Tomasz Zieliński"], margaret)]


@pytest.mark.parametrize("who", ["tomasz zieliński", "  Tomasz   Zieliński ", "TOMASZ", "id"])
def test_staff_are_found_by_name_first_name_or_number(
    demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, who: str
) -> None:
    residents, staff = ids(demo_dir)
    if who == "id":
        who = str(staff["Tomasz Zieliński"])
    out = tmp_path / "plan.pdf"
    code = run(
        demo_dir, monkeypatch, "--resident", str(residents["Dai"]), "--out", str(out), staff=who
    )
    assert code == 0
    assert page_texts(out.read_bytes())[0].startswith("My care plan Dai")


def test_mrs_kaurs_plan_in_punjabi(
    demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    residents, _ = ids(demo_dir)
    out = tmp_path / "kaur.pdf"
    arguments = ("--resident", str(residents["Mrs Kaur"]), "--locale", "pa", "--out", str(out))
    assert run(demo_dir, monkeypatch, *arguments) == 0
    pdf = out.read_bytes()
    assert rule_breaks(pdf) == []
    first = unicodedata.normalize("NFC", page_texts(pdf)[0])
    assert "ਦੇਖਭਾਲ" in first  # "My care plan", from the catalogue
    assert "My faith and my family." in first  # her words, as written with her


def test_a_wrong_pin_is_refused_in_plain_words(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    new_prints: PrintEvents,
) -> None:
    residents, _ = ids(demo_dir)
    out = tmp_path / "plan.pdf"
    code = run(demo_dir, monkeypatch, "--resident", str(residents["Margaret"]), "--out",
               str(out), pin="0000")  # fmt: skip
    assert code == 1
    said = capsys.readouterr()
    assert said.err.strip() == "That PIN did not match. 4 tries left."
    assert "Traceback" not in said.err and "0000" not in said.out + said.err
    assert not out.exists()
    assert new_prints() == []


def test_five_wrong_pins_lock_the_staff_member_out_even_from_the_command_line(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    new_prints: PrintEvents,
) -> None:
    residents, _ = ids(demo_dir)
    arguments = ("--resident", str(residents["Margaret"]), "--out", str(tmp_path / "p.pdf"))
    for _ in range(5):
        assert run(demo_dir, monkeypatch, *arguments, pin="1111") == 1
    capsys.readouterr()
    assert run(demo_dir, monkeypatch, *arguments) == 1  # the right PIN, but locked
    assert "Please wait 15 minutes" in capsys.readouterr().err
    assert not (tmp_path / "p.pdf").exists()
    assert new_prints() == []


@pytest.mark.parametrize(("staff", "pin"), [("Gareth", "6053"), ("Priya", "3719")])
def test_kitchen_and_coordinator_may_not_print_a_care_plan(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    staff: str,
    pin: str,
    new_prints: PrintEvents,
) -> None:
    residents, _ = ids(demo_dir)
    out = tmp_path / "plan.pdf"
    code = run(demo_dir, monkeypatch, "--resident", str(residents["Margaret"]), "--out",
               str(out), staff=staff, pin=pin)  # fmt: skip
    assert code == 1
    assert capsys.readouterr().err.strip() == "Sorry, you are not allowed to do that."
    assert not out.exists()
    assert new_prints() == []


def test_an_unknown_resident_is_a_plain_message(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "plan.pdf"
    assert run(demo_dir, monkeypatch, "--resident", "9999", "--out", str(out)) == 2
    error = capsys.readouterr().err
    assert error.strip() == "We could not find that resident."
    assert "Traceback" not in error
    assert not out.exists()


def test_a_resident_with_no_plan_yet_gets_nothing_printed(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    residents, _ = ids(demo_dir)
    out = tmp_path / "plan.pdf"
    assert run(demo_dir, monkeypatch, "--resident", str(residents["Ron"]), "--out", str(out)) == 1
    assert "has not been written yet" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("staff", "pin", "words"),
    [
        ("Nobody", CARER_PIN, "We could not find a member of staff called 'Nobody'."),
        (CARER, "", "No PIN was given, so nothing was printed."),
    ],
)
def test_no_such_staff_member_or_no_pin(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    staff: str,
    pin: str,
    words: str,
) -> None:
    residents, _ = ids(demo_dir)
    out = tmp_path / "plan.pdf"
    code = run(demo_dir, monkeypatch, "--resident", str(residents["Margaret"]), "--out",
               str(out), staff=staff, pin=pin)  # fmt: skip
    assert code == 2
    assert capsys.readouterr().err.strip() == words
    assert not out.exists()


def test_say_where_it_should_go(
    demo_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    new_prints: PrintEvents,
) -> None:
    assert run(demo_dir, monkeypatch, "--resident", "1") == 2
    assert "Say where the care plan should go" in capsys.readouterr().err
    assert new_prints() == []


def test_at_a_terminal_the_pin_is_asked_for_without_being_shown(
    demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    prompts: list[str] = []

    def hidden_input(prompt: str = "") -> str:
        prompts.append(prompt)
        return CARER_PIN

    monkeypatch.setattr(getpass, "getpass", hidden_input)
    monkeypatch.setattr(sys, "stdin", Terminal(""))
    residents, _ = ids(demo_dir)
    out = tmp_path / "plan.pdf"
    code = main(
        ["print", "care-plan", "--staff", CARER, "--resident", str(residents["Margaret"]),
         "--out", str(out), "--data-dir", str(demo_dir)],
        environ={},
    )  # fmt: skip
    assert code == 0
    assert prompts == ["Your staff PIN: "]
    assert out.exists()
