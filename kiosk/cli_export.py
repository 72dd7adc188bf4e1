"""``kiosk export csv``: the home's main records as CSV files in a folder, for its own
analysis, after a manager's PIN.

Exit codes as for every command: 0 done; 1 refused (a wrong PIN, no right to export);
2 could not be done (the message says why).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from kiosk.cli_staff import read_pin, staff_member
from kiosk.config import AppConfig


def add_export_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    exporting = commands.add_parser(
        "export",
        parents=[common],
        help="save the home's records as CSV files (a manager's PIN is asked for)",
        description="Save the home's records in a folder, one CSV file for each kind of "
        "record, for the home's own analysis. PINs, notes and the words of care plans are "
        "never in them.",
    )
    kinds = exporting.add_subparsers(dest="kind", metavar="KIND", required=True)
    csv_files = kinds.add_parser(
        "csv", parents=[common], help="one CSV file for each kind of record"
    )
    csv_files.add_argument(
        "--out", type=Path, required=True, metavar="FOLDER", help="where to save the files"
    )
    csv_files.add_argument(
        "--staff", required=True, metavar="NAME_OR_ID", help="the manager (their PIN is asked)"
    )
    csv_files.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help="the demo home"
    )


def export_command(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from kiosk.domain.errors import LockedOutError, NotAllowedError, WrongPinError
    from kiosk.services.exports import ExportsService
    from kiosk.services.staff import StaffService
    from kiosk.storage.database import open_database

    config = AppConfig.build(data_dir=args.data_dir, demo=args.demo, environ=env)
    database = open_database(config.database_url, create=False)
    try:
        staff = StaffService(database.sessions)
        member_id = staff_member(staff.sign_in_choices(), args.staff)
        if member_id is None:
            return 2
        pin = read_pin()
        if not pin:
            print("No PIN was given, so nothing was saved.", file=sys.stderr)
            return 2
        try:
            files = ExportsService(database.sessions).csv_files(staff.sign_in(member_id, pin))
        except (WrongPinError, LockedOutError, NotAllowedError) as refused:
            print(refused.text(), file=sys.stderr)
            return 1
    finally:
        database.dispose()
    folder: Path = args.out.expanduser().resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            _save_whole(folder / name, content)
    except OSError as error:
        print(f"Could not save the files in {folder}: {error.strerror or error}.", file=sys.stderr)
        return 2
    print(f"Saved {len(files)} CSV files in {folder}")
    return 0


def _save_whole(path: Path, content: bytes) -> None:
    """Write the file whole or not at all, readable only by this user (it names residents)."""
    handle, temporary = tempfile.mkstemp(prefix=".export-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
