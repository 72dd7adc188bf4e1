"""``kiosk resident records`` and ``kiosk resident erase``, run as a manager would run them
with the PIN piped in: both files or neither, readable by this user only; refusals before
anything is asked or changed; ERASE typed to confirm."""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
import sys
import unicodedata
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.cli_records import add_records_commands, resident_command
from kiosk.domain.errors import KioskError
from kiosk.domain.resident_records import JSON_FORMAT
from kiosk.storage.demo_content import STAFF
from tests.test_print_pdf_reading import page_texts

MANAGER = next(person for person in STAFF if person.role == "manager")
KITCHEN = next(person for person in STAFF if person.role == "kitchen")


def kiosk(demo_dir: Path, monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> int:
    """``kiosk resident …`` with ``stdin`` piped in, parsed and run as ``kiosk.cli.main``
    parses and runs a sub-command (its words in plain English on any KioskError)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(prog="kiosk")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--demo", action="store_true")
    add_records_commands(parser.add_subparsers(dest="command"), common)
    args = parser.parse_args(["resident", *argv, "--data-dir", str(demo_dir)])
    try:
        return resident_command(args, {})
    except KioskError as error:
        print(error.text(), file=sys.stderr)
        return 2


def resident_ids(demo_dir: Path) -> dict[str, int]:
    with closing(sqlite3.connect(demo_dir / "our-say.sqlite3")) as db:
        return dict(db.execute("SELECT preferred_name, id FROM resident").fetchall())


def records(demo_dir: Path, monkeypatch: pytest.MonkeyPatch, pin: str, *argv: str) -> int:
    return kiosk(demo_dir, monkeypatch, f"{pin}\n", "records", *argv)


def test_a_manager_saves_both_files_and_others_are_refused(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    margaret = resident_ids(demo_dir)["Margaret"]
    out = tmp_path / "for Margaret"
    where = ("--resident", str(margaret), "--out", str(out))
    assert records(demo_dir, monkeypatch, KITCHEN.pin, *where, "--staff", KITCHEN.name) == 1
    assert "not allowed" in capsys.readouterr().err and not out.exists()
    assert records(demo_dir, monkeypatch, "0000", *where, "--staff", MANAGER.name) == 1
    assert "did not match" in capsys.readouterr().err and not out.exists()
    assert records(demo_dir, monkeypatch, "", *where, "--staff", MANAGER.name) == 2
    assert "nothing was saved" in capsys.readouterr().err and not out.exists()

    assert records(demo_dir, monkeypatch, MANAGER.pin, *where, "--staff", "Helen") == 0
    stem = f"resident-{margaret}-records"
    said = capsys.readouterr().out.strip()
    assert (
        said
        == f"Saved resident {margaret}'s records in {out.resolve()}: {stem}.pdf and {stem}.json"
    )
    assert sorted(path.name for path in out.iterdir()) == [f"{stem}.json", f"{stem}.pdf"]
    for path in out.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600
    document = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    assert document["format"] == JSON_FORMAT
    assert document["details"]["full_name"] == "Margaret Ellis"
    text = " ".join(page_texts((out / f"{stem}.pdf").read_bytes()))
    assert "Everything Our Say keeps about you" in text and "Margaret Ellis" in text


def test_the_copy_is_in_the_resident_s_own_language_unless_told(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    kaur = str(resident_ids(demo_dir)["Mrs Kaur"])
    staff = ("--staff", MANAGER.name)
    assert (
        records(
            demo_dir,
            monkeypatch,
            MANAGER.pin,
            "--resident",
            kaur,
            "--out",
            str(tmp_path / "pa"),
            *staff,
        )
        == 0
    )
    pdf = (tmp_path / "pa" / f"resident-{kaur}-records.pdf").read_bytes()
    assert "ਨਵੰਬਰ" in unicodedata.normalize("NFC", " ".join(page_texts(pdf)))
    english = tmp_path / "en"
    argv = ("--resident", kaur, "--out", str(english), "--locale", "en_GB", *staff)
    assert records(demo_dir, monkeypatch, MANAGER.pin, *argv) == 0
    pdf = (english / f"resident-{kaur}-records.pdf").read_bytes()
    assert "November" in " ".join(page_texts(pdf))
    capsys.readouterr()
    argv = ("--resident", kaur, "--out", str(tmp_path / "xx"), "--locale", "xx", *staff)
    assert records(demo_dir, monkeypatch, MANAGER.pin, *argv) == 2
    assert "No language 'xx'" in capsys.readouterr().err and not (tmp_path / "xx").exists()
    argv = ("--resident", "9999", "--out", str(tmp_path / "nobody"), *staff)
    assert records(demo_dir, monkeypatch, MANAGER.pin, *argv) == 2
    assert "We could not find that resident." in capsys.readouterr().err


def test_both_files_are_saved_or_neither(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    margaret = str(resident_ids(demo_dir)["Margaret"])
    out = tmp_path / "records"
    out.mkdir()
    real_replace = Path.replace
    placed: list[str] = []

    def second_fails(self: Path, target: Path) -> Path:
        if placed:
            raise OSError(28, "No space left on device")
        placed.append(str(target))
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", second_fails)
    argv = ("--resident", margaret, "--out", str(out), "--staff", MANAGER.name)
    assert records(demo_dir, monkeypatch, MANAGER.pin, *argv) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert placed and list(out.iterdir()) == []  # the first was put back out, no leftovers


def erase(demo_dir: Path, monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> int:
    return kiosk(demo_dir, monkeypatch, stdin, "erase", *argv)


def test_erasing_asks_for_erase_and_refuses_who_it_must(
    demo_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ids = resident_ids(demo_dir)
    edna, margaret = str(ids["Edna"]), str(ids["Margaret"])
    manager = ("--staff", MANAGER.name)

    assert (
        erase(
            demo_dir, monkeypatch, f"{KITCHEN.pin}\n", "--resident", edna, "--staff", KITCHEN.name
        )
        == 1
    )
    said = capsys.readouterr()
    assert "not allowed" in said.err and "ERASE" not in said.out
    assert (
        erase(demo_dir, monkeypatch, f"{MANAGER.pin}\nERASE\n", "--resident", margaret, *manager)
        == 1
    )
    said = capsys.readouterr()
    assert "Margaret still lives here." in said.err and "ERASE" not in said.out
    assert (
        erase(demo_dir, monkeypatch, f"{MANAGER.pin}\nerase please\n", "--resident", edna, *manager)
        == 2
    )
    said = capsys.readouterr()
    assert "Type ERASE to confirm" in said.out and "Nothing was erased." in said.err
    assert resident_ids(demo_dir)["Edna"] == int(edna)

    assert (
        erase(demo_dir, monkeypatch, f"{MANAGER.pin}\nERASE\n", "--resident", edna, *manager) == 0
    )
    said = capsys.readouterr().out
    assert f"This takes Edna (resident {edna})" in said
    assert f"Erased resident {edna}. The records now call them Former resident 1." in said
    assert "Edna" not in resident_ids(demo_dir) and resident_ids(demo_dir)[
        "Former resident 1"
    ] == int(edna)

    assert (
        erase(demo_dir, monkeypatch, f"{MANAGER.pin}\n", "--resident", edna, "--yes", *manager) == 1
    )
    said = capsys.readouterr()
    assert "These records were erased already." in said.err and "ERASE" not in said.out
    assert (
        erase(demo_dir, monkeypatch, f"{MANAGER.pin}\n", "--resident", "9999", "--yes", *manager)
        == 2
    )
    assert "We could not find that resident." in capsys.readouterr().err
