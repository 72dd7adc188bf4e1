"""``kiosk backup`` and ``kiosk restore``: a checked copy of the database, and putting one back.

Exit codes as for every command: 0 done; 1 the restored database failed its checks; 2 could
not be done (the message says why, and nothing was changed).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from kiosk.config import AppConfig

Command = Callable[[argparse.Namespace, Mapping[str, str]], int]


def add_backup_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="make a checked copy of the database (the kiosk may keep running)",
        description="Copy the database to FILE while the kiosk runs, check the copy, and only "
        "then put it in place. If FILE is a folder, the copy is named by today's date.",
    )
    backup.add_argument("--out", type=Path, required=True, metavar="FILE", help="where to save it")
    backup.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help="back up the demo home"
    )
    restore = commands.add_parser(
        "restore",
        parents=[common],
        help="put a backup back in place of the database (stop the kiosk first)",
        description="Check FILE, keep the current database aside, put FILE in its place, "
        "then run the same checks as 'kiosk check'. Without --yes, only says what it would do.",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="really do it")
    restore.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help="restore the demo home"
    )


def backup_command(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from kiosk.services.backups import BackupsService
    from kiosk.storage.backup import backup_name
    from kiosk.storage.database import open_database

    config = AppConfig.build(data_dir=args.data_dir, demo=args.demo, environ=env)
    out: Path = args.out.expanduser()
    if out.is_dir():
        out = out / backup_name(date.today())
    database = open_database(config.database_url, create=False)
    try:
        service = BackupsService(database.sessions, database, config.data_dir)
        result = service.copy_to(out.resolve())
    finally:
        database.dispose()
    print(f"Backed up {database.location} to {result.path} ({_size(result.byte_size)}).")
    print("The copy passed its check.")
    return 0


def restore_command(args: argparse.Namespace, env: Mapping[str, str], *, check: Command) -> int:
    """Restore FILE, then run ``check`` (the ``kiosk check`` command) on the result."""
    from kiosk.storage.backup import OnlyForSqlite, check_backup_file, restore_from
    from kiosk.storage.paths import DATABASE_FILENAME

    config = AppConfig.build(data_dir=args.data_dir, demo=args.demo, environ=env)
    if not config.database_url.startswith("sqlite"):
        raise OnlyForSqlite()
    file: Path = args.file.expanduser().resolve()
    current = config.data_dir / DATABASE_FILENAME
    if not args.yes:
        facts = check_backup_file(file)
        print(f"{file} is a good backup ({_size(facts.byte_size)}, {facts.kind} home).")
        if current.exists():
            print(f"Restoring it would keep {current} aside and put the backup in its place.")
        else:
            print(f"Restoring it would put it in place as {current}.")
        print("Stop the kiosk first. Nothing was changed: add --yes to restore it.")
        return 2
    config.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    result = restore_from(file, config.data_dir)
    if result.kept_aside is not None:
        print(f"Kept the database that was there as {result.kept_aside}")
    print(f"Restored {file} as {result.restored}")
    return check(args, env)


def _size(byte_size: int) -> str:
    if byte_size >= 1024 * 1024:
        return f"{byte_size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(byte_size / 1024))} KB"
