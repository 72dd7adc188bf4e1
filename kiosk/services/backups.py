"""Backups while the kiosk runs: one a day, kept with rotation, each attempt recorded.

Daily backups go to ``<data folder>/backups`` (7 daily and 4 weekly kept) and, when a
folder has been chosen (a USB stick), a copy goes there too. Every attempt, good or not,
is a ``BackupRecord``, so staff can see when the last good backup was. The manager chooses
the folder for the copy (the ``backup_copy_folder`` setting), backs up when they like, and
sees the last attempts.

Only one backup is written at a time in this process: the daily one (on its own thread)
and a manager's (on another) would otherwise write the same day's file together.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import threading
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import SYSTEM, Actor, Capability
from kiosk.domain.backups import (
    BackupAttempt,
    BackupPlace,
    BackupRun,
    BackupSetup,
    BackupStatus,
    CopyFolderFull,
    CopyFolderIsOurs,
    CopyFolderMissing,
    CopyFolderReadOnly,
)
from kiosk.domain.errors import KioskError, NotAllowedError
from kiosk.domain.text import N_
from kiosk.services.audit import record
from kiosk.storage import models
from kiosk.storage.backup import (
    DAILY_KEPT,
    WEEKLY_KEPT,
    BackupResult,
    OnlyForSqlite,
    backup_name,
    backup_to,
    prepare_folder,
    rotate,
)
from kiosk.storage.database import Database, session_scope
from kiosk.storage.types import utc_now

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
COPY_FOLDER_SETTING = "backup_copy_folder"  # a second folder for each backup (a USB stick)
WARN_AFTER = timedelta(days=2)
HISTORY_SHOWN = 14
HISTORY_MOST = 200
ROOM_TO_SPARE = 1.2  # a folder for copies needs room for a backup and a fifth more

_ONE_AT_A_TIME = threading.Lock()  # one backup written at a time in this process


class BackupsService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        database: Database,
        data_dir: Path,
        *,
        now: Callable[[], datetime] = utc_now,
        extra_folder: Callable[[], Path | None] | None = None,
    ) -> None:
        """``extra_folder`` says where the second copy goes; by default, the folder the
        manager chose (the ``backup_copy_folder`` setting)."""
        self._sessions = sessions
        self._database = database
        self._data_dir = data_dir
        self._folder = data_dir / BACKUP_FOLDER
        self._now = now
        self._extra_folder = extra_folder or self._chosen_folder

    @property
    def folder(self) -> Path:
        return self._folder

    def back_up_now(self, actor: Actor) -> BackupResult:
        """A manager's backup, now, into the data folder (replacing today's); audited."""
        actor.require(Capability.MANAGE_BACKUPS)
        with _ONE_AT_A_TIME:
            prepare_folder(self._folder)
            try:
                result = self._attempt(self._folder / backup_name(self._today()), actor)
            finally:
                rotate(self._folder, self._today())
        return result

    def back_up_now_everywhere(self, actor: Actor) -> BackupRun:
        """A manager's backup, now: into the data folder (replacing today's), then a copy in
        the chosen folder, if there is one. Each is recorded and audited; a problem with
        one is in its :class:`BackupAttempt`, in words, and never stops the other.

        Slow (it copies the whole database): call it off the GUI thread.
        """
        actor.require(Capability.MANAGE_BACKUPS)
        if not self._database.is_sqlite:
            raise OnlyForSqlite()
        with _ONE_AT_A_TIME:
            here = self._attempt_kept(self._folder, actor, make_folder=True)
            folder = self._extra_folder()
            copy = None if folder is None else self._attempt_kept(folder, actor)
        return BackupRun(here, copy)

    def daily(self, actor: Actor = SYSTEM) -> BackupResult | None:
        """Today's backup, unless there is one already; then rotation, then the extra copy.

        Returns the new backup, or None when there was nothing to do. A failure is recorded
        and raised (the caller logs it); old backups are never touched by one.
        """
        if not self._database.is_sqlite:
            return None
        with _ONE_AT_A_TIME:
            today = self._today()
            prepare_folder(self._folder)
            target = self._folder / backup_name(today)
            if target.exists():
                return None
            result = self._attempt(target, actor, audit=False)
            rotate(self._folder, today)
            extra = self._extra_folder()
            if extra is not None:
                self._attempt(extra / backup_name(today), actor, audit=False)
                rotate(extra, today)
        return result

    def copy_to(self, target: Path) -> BackupResult:
        """A backup to a file of the caller's choosing (``kiosk backup --out``), recorded."""
        return self._attempt(target, SYSTEM)

    def status(self, actor: Actor) -> BackupStatus:
        """Readable by every member of staff."""
        if not actor.is_staff:
            raise NotAllowedError(N_("Sorry, you are not allowed to do that."))
        with self._sessions() as session:
            last_good = session.scalars(
                select(models.BackupRecord.finished_at)
                .where(models.BackupRecord.ok.is_(True))
                .order_by(models.BackupRecord.finished_at.desc())
                .limit(1)
            ).first()
            latest = session.scalars(
                select(models.BackupRecord).order_by(models.BackupRecord.id.desc()).limit(1)
            ).first()
        problem = latest.message if latest is not None and not latest.ok else None
        warning = last_good is None or self._now() - last_good > WARN_AFTER
        return BackupStatus(last_good, warning, problem)

    # -- the manager's view and choices ----------------------------------------------------

    def history(self, actor: Actor, limit: int = HISTORY_SHOWN) -> tuple[BackupAttempt, ...]:
        """The latest attempts, good or not, newest first (manager only)."""
        actor.require(Capability.MANAGE_BACKUPS)
        copy_folder = self._extra_folder()
        with self._sessions() as session:
            rows = session.scalars(
                select(models.BackupRecord)
                .order_by(models.BackupRecord.id.desc())
                .limit(max(1, min(limit, HISTORY_MOST)))
            ).all()
            return tuple(self._attempt_of(row, copy_folder) for row in rows)

    def copy_folder(self, actor: Actor) -> Path | None:
        """The folder each backup is copied to as well (manager only); None for none."""
        actor.require(Capability.MANAGE_BACKUPS)
        return self._extra_folder()

    def setup(self, actor: Actor) -> BackupSetup:
        """Where backups are kept, and how many (manager only)."""
        return BackupSetup(self._folder, DAILY_KEPT, WEEKLY_KEPT, self.copy_folder(actor))

    def set_copy_folder(self, actor: Actor, folder: Path | None) -> Path | None:
        """Copy every backup to ``folder`` from now on (None: stop copying); audited as
        ``backup.folder``. Refuses, in words, a folder that is not there, cannot be
        written to, has no room for a backup, or is inside the kiosk's own data folder.
        Returns the folder as it is kept (absolute)."""
        actor.require(Capability.MANAGE_BACKUPS)
        if folder is not None:
            if not self._database.is_sqlite:
                raise OnlyForSqlite()
            folder = self._check_copy_folder(folder)
        value = "" if folder is None else str(folder)
        with session_scope(self._sessions) as session:
            row = session.get(models.Setting, COPY_FOLDER_SETTING)
            if row is None:
                row = models.Setting(name=COPY_FOLDER_SETTING, value=value)
                session.add(row)
            row.value = value
            row.updated_by_staff_id = actor.staff_id
            record(session, actor, "backup.folder", record_type="setting", detail=value or None)
        return folder

    def _chosen_folder(self) -> Path | None:
        with self._sessions() as session:
            row = session.get(models.Setting, COPY_FOLDER_SETTING)
            value = row.value.strip() if row is not None else ""
        return Path(value).expanduser() if value else None

    def _check_copy_folder(self, folder: Path) -> Path:
        folder = folder.expanduser().absolute()
        if not folder.is_dir():
            raise CopyFolderMissing(folder)
        ours = self._data_dir.resolve()
        chosen = folder.resolve()
        if chosen == ours or ours in chosen.parents:
            raise CopyFolderIsOurs(folder)
        _try_writing_in(folder)
        if shutil.disk_usage(folder).free < self._database_size() * ROOM_TO_SPARE:
            raise CopyFolderFull(folder)
        return folder

    def _database_size(self) -> int:
        live = Path(self._database.location)
        size = 0
        for path in (live, live.with_name(live.name + "-wal")):
            with contextlib.suppress(OSError):
                size += path.stat().st_size
        return size

    # -- making and recording backups ------------------------------------------------------

    def _attempt_kept(
        self, folder: Path, actor: Actor, *, make_folder: bool = False
    ) -> BackupAttempt:
        """Today's backup in ``folder``, then rotation there; the outcome, recorded.

        Only the kiosk's own folder is made when missing: a copy folder that is not there
        (a USB stick taken out) must not quietly become a folder on this computer.
        """
        today = self._today()
        target = folder / backup_name(today)
        copy_folder = None if make_folder else folder
        started_at = self._now()
        try:
            if make_folder:
                prepare_folder(folder)
            result = backup_to(self._database, target)
        except KioskError as error:
            return self._record(
                target, actor, started_at, None, error.text(), audit=True, copy_folder=copy_folder
            )
        attempt = self._record(
            target, actor, started_at, result.byte_size, None, audit=True, copy_folder=copy_folder
        )
        try:
            rotate(folder, today)
        except OSError as error:  # the stick taken out just now: the backup itself is whole
            log.warning("Could not tidy the old backups in %s: %s", folder, error)
        return attempt

    def _attempt(self, target: Path, actor: Actor, *, audit: bool = True) -> BackupResult:
        started_at = self._now()
        try:
            result = backup_to(self._database, target)
        except KioskError as error:
            self._record(target, actor, started_at, None, error.text(), audit=audit)
            raise
        self._record(target, actor, started_at, result.byte_size, None, audit=audit)
        return result

    def _record(
        self,
        target: Path,
        actor: Actor,
        started_at: datetime,
        byte_size: int | None,
        problem: str | None,
        *,
        audit: bool,
        copy_folder: Path | None = None,
    ) -> BackupAttempt:
        with session_scope(self._sessions) as session:
            row = models.BackupRecord(
                started_at=started_at,
                finished_at=self._now(),
                destination=str(target),
                byte_size=byte_size,
                ok=problem is None,
                message=problem,
            )
            session.add(row)
            session.flush()
            if audit:
                detail = str(target) if problem is None else f"failed: {problem}"
                record(
                    session, actor, "backup", record_type="backup", record_id=row.id, detail=detail
                )
            attempt = self._attempt_of(row, copy_folder)
        if problem is not None:
            log.warning("Backup to %s failed: %s", target, problem)
        else:
            log.info("Backed up to %s (%d bytes)", target, byte_size or 0)
        return attempt

    def _attempt_of(self, row: models.BackupRecord, copy_folder: Path | None) -> BackupAttempt:
        destination = Path(row.destination)
        if destination.parent == self._folder:
            place = BackupPlace.THIS_COMPUTER
        elif copy_folder is not None and destination.parent == copy_folder:
            place = BackupPlace.COPY_FOLDER
        else:
            place = BackupPlace.OTHER
        return BackupAttempt(
            started_at=row.started_at,
            finished_at=row.finished_at,
            destination=destination,
            place=place,
            byte_size=row.byte_size,
            ok=row.ok,
            problem=row.message,
        )

    def _today(self) -> date:
        """The date on the home's clock (the computer's own time zone)."""
        return self._now().astimezone().date()


def _try_writing_in(folder: Path) -> None:
    """Write (and remove) a small file in ``folder``, or say in words why it cannot be."""
    probe = folder / f".our-say-check-{os.getpid()}-{threading.get_ident()}"
    try:
        descriptor = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(descriptor, b"Our Say checks it can save backups here.\n" * 100)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise CopyFolderFull(folder) from error
        if error.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO, errno.ENOTDIR):
            raise CopyFolderMissing(folder) from error
        raise CopyFolderReadOnly(folder) from error
    finally:
        with contextlib.suppress(OSError):
            probe.unlink(missing_ok=True)
