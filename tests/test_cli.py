"""The ``kiosk`` command: version, check, demo-data, and a friendly word with no display."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.cli import NO_DISPLAY_HINT, main
from kiosk.storage.database import Database

ROOT = Path(__file__).resolve().parent.parent


def test_python_dash_m_kiosk_prints_the_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"Our Say {__version__}"


def test_check_passes_on_a_clean_database(
    database: Database, database_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database.dispose()
    assert main(["check", "--data-dir", str(database_path.parent)], environ={}) == 0
    assert "All checks passed." in capsys.readouterr().out


def test_data_dir_may_come_before_the_sub_command(database: Database, database_path: Path) -> None:
    database.dispose()
    assert main(["--data-dir", str(database_path.parent), "check"], environ={}) == 0


def test_check_uses_kiosk_data_dir_from_the_environment(
    database: Database, database_path: Path
) -> None:
    database.dispose()
    assert main(["check"], environ={"KIOSK_DATA_DIR": str(database_path.parent)}) == 0


def test_check_reports_broken_links_with_exit_1(
    database: Database, database_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database.dispose()
    with sqlite3.connect(database_path) as connection:  # foreign keys are off by default here
        connection.execute("INSERT INTO proposal_support (proposal_id, resident_id) VALUES (7, 9)")
    connection.close()
    assert main(["check", "--data-dir", str(database_path.parent)], environ={}) == 1
    output = capsys.readouterr().out
    assert "foreign key: proposal_support" in output
    assert "problem(s) found" in output


def test_check_on_a_missing_database_says_so_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data-dir", str(tmp_path / "empty")], environ={}) == 2
    assert "There is no database" in capsys.readouterr().err
    assert not (tmp_path / "empty" / "our-say.sqlite3").exists()


def test_demo_data_seeds_once_and_the_result_checks_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    assert main(["demo-data", "--data-dir", str(folder)], environ={}) == 0
    assert "Seeded the demo home" in capsys.readouterr().out
    assert main(["demo-data", "--data-dir", str(folder)], environ={}) == 0
    assert "Already seeded" in capsys.readouterr().out
    assert main(["check", "--data-dir", str(folder)], environ={}) == 0
    assert (folder / "logs" / "kiosk.log").exists()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_demo_data_refuses_a_real_home(
    database: Database, database_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database.dispose()
    before = database_path.read_bytes()
    assert main(["demo-data", "--data-dir", str(database_path.parent)], environ={}) == 2
    assert "real home" in capsys.readouterr().err
    assert database_path.read_bytes() == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the hint is for Linux")
def test_no_display_gets_one_line_and_the_xvfb_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--demo", "--data-dir", str(tmp_path)], environ={}) == 2
    error = capsys.readouterr().err
    assert error.strip() == NO_DISPLAY_HINT
    assert "xvfb-run" in error
    assert not any(tmp_path.iterdir())  # nothing created before giving up
