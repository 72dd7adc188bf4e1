"""Backups of the SQLite database that can really be restored.

A backup is made with SQLite's online backup API (the kiosk keeps running and writing),
written to a hidden partial file beside the target, checked with ``integrity_check``, and
only then renamed into place: a full, read-only or vanished target never leaves half a
file, and never touches the backups already there. A restore refuses anything that is
not a whole, healthy Our Say database this version can read, and keeps the current
database aside before putting the backup in its place.

PostgreSQL homes back up with the server's own tools (``pg_dump``); this module says so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kiosk.domain.errors import KioskError
from kiosk.domain.text import N_
from kiosk.storage.database import SCHEMA_VERSION, Database
from kiosk.storage.paths import DATABASE_FILENAME, ensure_private_dir
from kiosk.storage.types import utc_now

__all__ = [
    "DAILY_KEPT",
    "WEEKLY_KEPT",
    "BackupError",
    "BackupFacts",
    "BackupResult",
    "RestoreResult",
    "backup_name",
    "backup_to",
    "check_backup_file",
    "prepare_folder",
    "restore_from",
    "rotate",
]

DAILY_KEPT = 7
WEEKLY_KEPT = 4
_NAME = re.compile(r"^our-say-(\d{4}-\d{2}-\d{2})\.sqlite3$")
_SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_PARTIAL = ".partial"
_COMPANIONS = ("-wal", "-shm")


class BackupError(KioskError):
    """A backup or restore could not be done; nothing that was there has been changed."""


class BackupTargetFull(BackupError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            N_(
                "There is no room left in {folder} for the backup. The backups already there "
                "are safe. Free some space or choose another place."
            ),
            folder=str(folder),
        )


class BackupTargetReadOnly(BackupError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            N_(
                "The backup could not be written: {folder} cannot be written to (it may be "
                "read-only or locked). The backups already there are safe."
            ),
            folder=str(folder),
        )


class BackupTargetMissing(BackupError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            N_(
                "The backup could not be written: the folder {folder} is not there. If it is "
                "on a USB stick, put the stick back and try again."
            ),
            folder=str(folder),
        )


class BackupWriteFailed(BackupError):
    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(
            N_(
                "The backup to {folder} did not work ({reason}). The backups already there "
                "are safe."
            ),
            folder=str(folder),
            reason=reason,
        )


class BackupCopyDamaged(BackupError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            N_(
                "The backup written to {folder} failed its check, so it was thrown away. "
                "The backups already there are safe. Run 'kiosk check' on the database."
            ),
            folder=str(folder),
        )


class OnlyForSqlite(BackupError):
    def __init__(self) -> None:
        super().__init__(
            N_(
                "This home keeps its data on a database server. Back it up and restore it "
                "with the server's own tools (pg_dump and pg_restore)."
            )
        )


class RestoreFileMissing(BackupError):
    def __init__(self, file: Path) -> None:
        super().__init__(N_("There is no file at {file}. Nothing was changed."), file=str(file))


class RestoreNotADatabase(BackupError):
    def __init__(self, file: Path) -> None:
        super().__init__(
            N_("{file} is not a database file, so it cannot be restored. Nothing was changed."),
            file=str(file),
        )


class RestoreCutShort(BackupError):
    def __init__(self, file: Path) -> None:
        super().__init__(
            N_(
                "{file} has been cut short: part of the backup is missing, so it cannot be "
                "restored. Nothing was changed. Try an older backup."
            ),
            file=str(file),
        )


class RestoreDamaged(BackupError):
    def __init__(self, file: Path) -> None:
        super().__init__(
            N_(
                "{file} is damaged: it failed the database's own check, so it cannot be "
                "restored. Nothing was changed. Try an older backup."
            ),
            file=str(file),
        )


class RestoreNotOurs(BackupError):
    def __init__(self, file: Path) -> None:
        super().__init__(
            N_(
                "{file} is a database, but not an Our Say backup, so it cannot be restored. "
                "Nothing was changed."
            ),
            file=str(file),
        )


class RestoreTooNew(BackupError):
    def __init__(self, file: Path, found: int) -> None:
        super().__init__(
            N_(
                "{file} was made by a newer version of Our Say (schema {found}; this version "
                "reads up to {supported}). Nothing was changed. Update Our Say first."
            ),
            file=str(file),
            found=found,
            supported=SCHEMA_VERSION,
        )


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    byte_size: int
    started_at: datetime
    finished_at: datetime


@dataclass(frozen=True, slots=True)
class BackupFacts:
    """What a backup file holds, once it has passed every check."""

    path: Path
    byte_size: int
    schema_version: int
    kind: str
    created_at: str | None


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored: Path
    kept_aside: Path | None
    facts: BackupFacts


def prepare_folder(folder: Path) -> None:
    """Create a backup folder (private) if it is missing, or say in words why it cannot be."""
    if folder.is_dir():
        return
    try:
        ensure_private_dir(folder)
    except OSError as error:
        raise _explain(error, folder) from error


def backup_name(day: date) -> str:
    """The name of the daily backup for ``day``: ``our-say-YYYY-MM-DD.sqlite3``."""
    return f"our-say-{day.isoformat()}.sqlite3"


def backup_to(database: Database, target: Path) -> BackupResult:
    """Copy the live database to ``target`` (a file), checked, or raise a :class:`BackupError`.

    The copy is a single self-contained file (no ``-wal``); ``target`` is replaced only once
    the new copy has passed ``integrity_check``.
    """
    if not database.is_sqlite:
        raise OnlyForSqlite()
    started_at = utc_now()
    folder = target.parent
    if not folder.is_dir():
        raise BackupTargetMissing(folder)
    _remove_partials(target)
    partial = folder / f".{target.name}.{os.getpid()}{_PARTIAL}"
    try:
        _write_checked_copy(Path(database.location), partial, folder)
        _sync_file(partial)
        partial.replace(target)
        _sync_folder(folder)
        byte_size = target.stat().st_size
    except OSError as error:
        raise _explain(error, folder) from error
    except sqlite3.Error as error:
        raise _explain_sqlite(error, folder) from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return BackupResult(target, byte_size, started_at, utc_now())


def _write_checked_copy(source: Path, partial: Path, folder: Path) -> None:
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    with _connection(source) as live, _connection(partial) as copy:
        # One step: the copy is a single consistent moment, and in WAL mode the kiosk's
        # writers are never blocked while it is read.
        live.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # one file, nothing beside it
        if _integrity(copy) != ["ok"]:
            raise BackupCopyDamaged(folder)


def _explain(error: OSError, folder: Path) -> BackupError:
    """A file-system error in words a care home's staff can act on."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return BackupTargetFull(folder)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return BackupTargetReadOnly(folder)
    if error.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO, errno.ENOTDIR):
        return BackupTargetMissing(folder)
    return BackupWriteFailed(folder, error.strerror or str(error))


def _explain_sqlite(error: sqlite3.Error, folder: Path) -> BackupError:
    code = getattr(error, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL:
        return BackupTargetFull(folder)
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return BackupTargetReadOnly(folder)
    if code is not None and code & 0xFF == sqlite3.SQLITE_IOERR:
        return (
            BackupTargetMissing(folder)
            if not folder.is_dir()
            else BackupWriteFailed(folder, str(error))
        )
    return BackupWriteFailed(folder, str(error))


def rotate(folder: Path, today: date) -> list[Path]:
    """Keep the newest 7 daily backups and, older than those, the newest backup of each of
    the 4 newest ISO weeks; delete the rest. Returns what was deleted.

    Files dated after ``today`` (a clock that was wrong) and files not named by
    :func:`backup_name` are never touched.
    """
    dated = sorted(
        ((day, path) for path in folder.iterdir() if (day := _date_of(path)) and day <= today),
        reverse=True,
    )
    keep = {path for _, path in dated[:DAILY_KEPT]}
    weeks_kept: set[tuple[int, int]] = set()
    for day, path in dated[DAILY_KEPT:]:
        week = day.isocalendar()[:2]
        if week not in weeks_kept and len(weeks_kept) < WEEKLY_KEPT:
            weeks_kept.add(week)
            keep.add(path)
    removed = [path for _, path in dated if path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _date_of(path: Path) -> date | None:
    match = _NAME.match(path.name)
    if match is None or not path.is_file():
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def check_backup_file(file: Path) -> BackupFacts:
    """Every check a restore makes, on a private copy: the file itself is only read."""
    _vet_header(file)
    scratch = file.parent if os.access(file.parent, os.W_OK) else None
    with _scratch_copy(file, scratch) as copy:
        return _vet_copy(copy, file)


def restore_from(file: Path, data_dir: Path) -> RestoreResult:
    """Put the backup ``file`` in place as the database in ``data_dir``.

    Refuses (a :class:`BackupError`, nothing changed) a file that is missing, not SQLite,
    cut short, damaged, not Our Say's, or from a newer version. The current database and its
    ``-wal``/``-shm`` are moved aside to ``our-say-before-restore-<timestamp>.sqlite3``.
    The kiosk must not be running.
    """
    _vet_header(file)
    target = data_dir / DATABASE_FILENAME
    with _scratch_copy(file, data_dir) as copy:
        facts = _vet_copy(copy, file)
        _sync_file(copy)
        kept_aside = _move_aside(target) if target.exists() else None
        copy.replace(target)
        target.chmod(0o600)
        _sync_folder(data_dir)
    return RestoreResult(target, kept_aside, facts)


def _vet_header(file: Path) -> None:
    if not file.is_file():
        raise RestoreFileMissing(file)
    size = file.stat().st_size
    with file.open("rb") as handle:
        header = handle.read(_HEADER_SIZE)
    if len(header) < _HEADER_SIZE or not header.startswith(_SQLITE_HEADER):
        raise RestoreNotADatabase(file)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    change_counter = header[24:28]
    version_valid_for = header[92:96]
    # The page count in the header is only to be trusted when these two agree.
    if change_counter == version_valid_for and size < page_size * pages:
        raise RestoreCutShort(file)
    if page_size and size % page_size:
        raise RestoreCutShort(file)


@contextlib.contextmanager
def _scratch_copy(file: Path, folder: Path | None) -> Iterator[Path]:
    """A private copy of ``file`` in ``folder`` (or a temporary one), removed afterwards
    unless it has been moved away."""
    import tempfile

    with contextlib.ExitStack() as stack:
        if folder is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kiosk-")))
        copy = folder / f".restore-{os.getpid()}{_PARTIAL}"
        try:
            os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
            shutil.copyfile(file, copy)
            yield copy
        finally:
            for path in (copy, *(copy.with_name(copy.name + end) for end in _COMPANIONS)):
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)


def _vet_copy(copy: Path, file: Path) -> BackupFacts:
    try:
        with _connection(copy) as connection:
            connection.execute("PRAGMA journal_mode = DELETE")
            if _integrity(connection) != ["ok"]:
                raise RestoreDamaged(file)
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if "schema_meta" not in tables:
                raise RestoreNotOurs(file)
            meta = dict(connection.execute("SELECT name, value FROM schema_meta").fetchall())
    except sqlite3.DatabaseError as error:
        raise RestoreDamaged(file) from error
    try:
        version = int(meta["schema_version"])
    except (KeyError, ValueError) as error:
        raise RestoreNotOurs(file) from error
    if version > SCHEMA_VERSION:
        raise RestoreTooNew(file, version)
    return BackupFacts(
        file, file.stat().st_size, version, meta.get("kind", "live"), meta.get("created_at")
    )


def _move_aside(target: Path) -> Path:
    """Move the database and its companions aside together, so the old one still opens."""
    stamp = utc_now().strftime("%Y%m%dT%H%M%S")
    aside = target.with_name(f"{target.stem}-before-restore-{stamp}{target.suffix}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = target.with_name(f"{target.stem}-before-restore-{stamp}-{counter}{target.suffix}")
    target.replace(aside)
    for end in _COMPANIONS:
        companion = target.with_name(target.name + end)
        if companion.exists():
            companion.replace(aside.with_name(aside.name + end))
    return aside


def _remove_partials(target: Path) -> None:
    """Leftovers of a copy that was cut off (power cut, kiosk stopped) for this target."""
    for leftover in target.parent.glob(f".{target.name}.*{_PARTIAL}"):
        with contextlib.suppress(OSError):
            leftover.unlink()


@contextlib.contextmanager
def _connection(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        yield connection
    finally:
        connection.close()


def _integrity(connection: sqlite3.Connection) -> list[str]:
    return [row[0] for row in connection.execute("PRAGMA integrity_check")]


def _sync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_folder(folder: Path) -> None:
    """Make a rename survive a power cut (where the platform allows it)."""
    with contextlib.suppress(OSError):
        _sync_file(folder)
