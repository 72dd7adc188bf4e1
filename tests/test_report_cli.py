"""``kiosk report evidence`` and ``kiosk print you-said``, headless on the demo home: the
PDFs are made, read back and audited; bad dates, wrong PINs and other roles get words."""

from __future__ import annotations

import io
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.cli import main
from kiosk.domain.enums import ActorKind
from kiosk.storage import models
from kiosk.storage.database import open_database, sqlite_url
from tests.test_print_pdf_reading import page_texts


def _report_events(demo_dir: Path) -> list[models.AuditEvent]:
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"))
    try:
        with database.sessions() as session:
            rows = session.scalars(
                select(models.AuditEvent).where(models.AuditEvent.action == "report.evidence")
            ).all()
            session.expunge_all()
            return list(rows)
    finally:
        database.dispose()


def _evidence(demo_dir: Path, *arguments: str) -> int:
    return main(["report", "evidence", "--data-dir", str(demo_dir), *arguments], environ={})


def test_the_evidence_report_for_three_months_is_made_and_audited(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = date.today()
    first = last - timedelta(days=91)
    out = tmp_path / "evidence.pdf"
    code = _evidence(
        demo_dir, "--from", first.isoformat(), "--to", last.isoformat(), "--out", str(out)
    )
    assert code == 0, capsys.readouterr().err
    assert capsys.readouterr().out.strip() == (
        f"Saved the evidence report for {first} to {last} to {out.resolve()}"
    )
    pages = page_texts(out.read_bytes())
    assert len(pages) > 1
    assert "Co-production evidence" in pages[0] and "Willow Court" in pages[0]
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert "Margaret" in " ".join(pages)  # the trail names who said what
    [event] = _report_events(demo_dir)
    assert event.actor_kind == ActorKind.SYSTEM.value and event.actor_staff_id is None
    assert event.detail == f"{first} to {last}"


def test_a_manager_may_make_it_as_themselves_and_a_carer_may_not(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "evidence.pdf"
    period = ["--from", "2026-01-01", "--to", "2026-03-31", "--out", str(out)]
    monkeypatch.setattr(sys, "stdin", io.StringIO("5281\n"))
    assert _evidence(demo_dir, *period, "--staff", "Tomasz") == 1
    assert "not allowed" in capsys.readouterr().err
    assert not out.exists()
    monkeypatch.setattr(sys, "stdin", io.StringIO("1111\n"))
    assert _evidence(demo_dir, *period, "--staff", "Helen") == 1
    assert "did not match" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("4826\n"))
    assert _evidence(demo_dir, *period, "--staff", "Helen") == 0
    [event] = _report_events(demo_dir)
    assert event.actor_kind == ActorKind.STAFF.value and event.actor_staff_id is not None


@pytest.mark.parametrize(
    ("first", "last", "words"),
    [
        ("2026-13-01", "2026-12-31", "is not a date"),
        ("1 March", "2026-12-31", "is not a date"),
        ("2026-03-02", "2026-03-01", "The end date is before the start date."),
        ("2019-01-01", "2026-01-01", "Please choose five years or less."),
    ],
)
def test_bad_dates_are_refused_in_plain_words(
    demo_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    first: str,
    last: str,
    words: str,
) -> None:
    out = tmp_path / "evidence.pdf"
    assert _evidence(demo_dir, "--from", first, "--to", last, "--out", str(out)) == 2
    assert words in capsys.readouterr().err
    assert not out.exists()


def test_a_period_with_nothing_in_it_is_a_short_friendly_report(
    demo_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "empty.pdf"
    assert _evidence(demo_dir, "--from", "2001-01-01", "--to", "2001-01-31", "--out", str(out)) == 0
    pages = page_texts(out.read_bytes())
    assert len(pages) == 1
    assert "Nothing was recorded" in pages[0]


def test_the_you_said_poster_for_this_month_names_nobody(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "poster.pdf"
    month = date.today().strftime("%Y-%m")
    code = main(
        ["print", "you-said", "--month", month, "--out", str(out), "--data-dir", str(demo_dir)],
        environ={},
    )
    assert code == 0, capsys.readouterr().err
    text = " ".join(page_texts(out.read_bytes()))
    assert "You said" in text
    for name in ("Margaret", "Dai", "Helena", "Mr Patel"):
        assert name not in text


def test_a_poster_month_that_is_not_one_is_refused(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "poster.pdf"
    code = main(
        ["print", "you-said", "--month", "2026-13", "--out", str(out), "--data-dir", str(demo_dir)],
        environ={},
    )
    assert code == 2
    assert "is not a month" in capsys.readouterr().err
    assert not out.exists()
