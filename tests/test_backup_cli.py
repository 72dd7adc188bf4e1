"""``kiosk backup`` and ``kiosk restore``: a round trip that passes ``kiosk check``."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.storage.backup import backup_name


def _setting(database: Path, name: str) -> str | None:
    with contextlib.closing(sqlite3.connect(database)) as connection:
        row = connection.execute("SELECT value FROM setting WHERE name = ?", (name,)).fetchone()
    return None if row is None else row[0]


def _put_setting(database: Path, name: str, value: str) -> None:
    with contextlib.closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("INSERT INTO setting (name, value) VALUES (?, ?)", (name, value))


def test_backup_then_restore_passes_kiosk_check_and_keeps_the_old_one(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ["--data-dir", str(demo_dir)]
    copy = tmp_path / "stick" / "willow-court.sqlite3"
    copy.parent.mkdir()
    assert main(["backup", "--out", str(copy), *home], environ={}) == 0
    assert f"to {copy}" in capsys.readouterr().out

    database = demo_dir / "our-say.sqlite3"
    _put_setting(database, "after_the_backup", "yes")

    assert main(["restore", str(copy), *home], environ={}) == 2
    said = capsys.readouterr().out
    assert "is a good backup" in said and "add --yes" in said
    assert _setting(database, "after_the_backup") == "yes", "nothing changed without --yes"

    assert main(["restore", str(copy), "--yes", *home], environ={}) == 0
    said = capsys.readouterr().out
    assert "All checks passed." in said
    assert _setting(database, "after_the_backup") is None
    (kept,) = demo_dir.glob("our-say-before-restore-*.sqlite3")
    assert f"Kept the database that was there as {kept}" in said
    assert _setting(kept, "after_the_backup") == "yes"
    assert main(["check", *home], environ={}) == 0


def test_backup_into_a_folder_is_named_by_the_date(demo_dir: Path, tmp_path: Path) -> None:
    assert main(["backup", "--out", str(tmp_path), "--data-dir", str(demo_dir)], environ={}) == 0
    assert (tmp_path / backup_name(date.today())).is_file()


def test_restoring_a_random_file_is_refused_in_words(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    noise = tmp_path / "holiday-photo.jpg"
    noise.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    database = demo_dir / "our-say.sqlite3"
    before = database.read_bytes()
    code = main(["restore", str(noise), "--yes", "--data-dir", str(demo_dir)], environ={})
    assert code == 2
    assert "is not a database file, so it cannot be restored" in capsys.readouterr().err
    assert database.read_bytes() == before
    assert list(demo_dir.glob("*before-restore*")) == []


def test_backup_to_a_folder_that_is_not_there_says_so(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-stick" / "copy.sqlite3"
    assert main(["backup", "--out", str(out), "--data-dir", str(demo_dir)], environ={}) == 2
    assert "is not there" in capsys.readouterr().err
