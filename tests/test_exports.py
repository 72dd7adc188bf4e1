"""CSV files of the home's records: every row there, hostile words kept exactly, nothing
private (PINs, notes, care-plan words) in any file, manager only and audited."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.app import Services
from kiosk.cli import main
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.enums import DatabaseKind, ProposalTopic
from kiosk.domain.errors import NotAllowedError
from kiosk.domain.ideas import NewIdea
from kiosk.services.exports import TABLES, ExportsService
from kiosk.storage import models
from kiosk.storage.database import Database, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF

HOSTILE = 'A "quoted", comma; semi & <b>bold</b> =SUM(A1) 🙂 ਦਾਲ zażółć'


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


def rows(files: dict[str, bytes], name: str) -> list[dict[str, str]]:
    text = files[name].decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_every_record_is_exported_and_nothing_private(
    home: tuple[Database, Services],
) -> None:
    database, services = home
    files = ExportsService(database.sessions).csv_files(staff(services, "manager"))
    assert set(files) == {f"{name}.csv" for name in TABLES}
    with database.sessions() as session:
        for name, table in TABLES.items():
            count = session.scalar(select(func.count()).select_from(table.model))
            assert len(rows(files, f"{name}.csv")) == count, name
        private = [
            *session.scalars(
                select(models.Resident.pin_hash).where(models.Resident.pin_hash.is_not(None))
            ),
            *session.scalars(select(models.Staff.pin_hash)),
            *session.scalars(
                select(models.Resident.support_notes).where(
                    models.Resident.support_notes.is_not(None)
                )
            ),
            *session.scalars(select(models.CarePlanSectionText.body)),
            *session.scalars(
                select(models.TalkRequest.note).where(models.TalkRequest.note.is_not(None))
            ),
        ]
    everything = b"".join(files.values()).decode("utf-8-sig", errors="replace")
    assert private and all(secret not in everything for secret in private if len(secret) > 8)
    assert rows(files, "residents.csv")[0].keys() >= {"preferred_name", "room", "language"}
    assert "pin_hash" not in files["residents.csv"].decode("utf-8-sig")


def test_hostile_words_come_back_exactly_and_the_export_is_audited(
    home: tuple[Database, Services],
) -> None:
    database, services = home
    margaret = next(r for r in services.residents.list_active() if r.preferred_name == "Margaret")
    services.ideas.suggest_idea(
        Actor.resident(margaret.id), NewIdea(ProposalTopic.ACTIVITY, HOSTILE)
    )
    services.ideas.suggest_idea(
        Actor.resident(margaret.id), NewIdea(ProposalTopic.HOME, '=HYPERLINK("http://x")')
    )
    exports = ExportsService(database.sessions)
    manager = staff(services, "manager")
    files = exports.csv_files(manager)
    titles = [row["title"] for row in rows(files, "suggestions.csv")]
    assert HOSTILE in titles
    assert '\'=HYPERLINK("http://x")' in titles  # never run as a formula
    for role in ("kitchen", "coordinator", "carer"):
        with pytest.raises(NotAllowedError):
            exports.csv_files(staff(services, role))
    events = services.audit.events(manager, action="export.csv")
    assert [event.detail for event in events] == [f"{len(TABLES)} CSV files"]


def export(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, out: Path, staff_name: str, pin: str
) -> int:
    """``kiosk export csv`` with ``pin`` piped in, as a script would."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{pin}\n"))
    return main(
        ["export", "csv", "--out", str(out), "--staff", staff_name, "--data-dir", str(demo_dir)],
        environ={},
    )


def test_the_command_saves_every_file_for_a_manager_and_refuses_others(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    manager = next(person for person in STAFF if person.role == "manager")
    kitchen = next(person for person in STAFF if person.role == "kitchen")
    out = tmp_path / "records"
    assert export(demo_dir, monkeypatch, out, kitchen.name, kitchen.pin) == 1
    assert "not allowed" in capsys.readouterr().err and not out.exists()
    assert export(demo_dir, monkeypatch, out, manager.name, "0000") == 1
    assert "did not match" in capsys.readouterr().err and not out.exists()
    assert export(demo_dir, monkeypatch, out, manager.name, manager.pin) == 0
    assert capsys.readouterr().out.strip() == f"Saved {len(TABLES)} CSV files in {out.resolve()}"
    saved = sorted(path.name for path in out.iterdir())
    assert saved == sorted(f"{name}.csv" for name in TABLES)
    residents = (out / "residents.csv").read_text(encoding="utf-8-sig")
    assert "Margaret" in residents and (out / "residents.csv").stat().st_mode & 0o077 == 0
