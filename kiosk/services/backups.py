"""Backups while the kiosk runs: one a day, kept with rotation, each attempt recorded.

Daily backups go to ``<data folder>/backups`` (7 daily and 4 weekly kept) and, when a
folder has been chosen (a USB stick), a copy goes there too. Every attempt, good or not,
is a ``BackupRecord``, so staff can see when the last good backup was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import SYSTEM, Actor, Capability
from kiosk.domain.backups import BackupStatus
from kiosk.domain.errors import KioskError, NotAllowedError
from kiosk.domain.text import N_
from kiosk.services.audit import record
from kiosk.storage import models
from kiosk.storage.backup import BackupResult, backup_name, backup_to, prepare_folder, rotate
from kiosk.storage.database import Database, session_scope
from kiosk.storage.types import utc_now

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
WARN_AFTER = timedelta(days=2)


class BackupsService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        database: Database,
        data_dir: Path,
        *,
        now: Callable[[], datetime] = utc_now,
        extra_folder: Callable[[], Path | None] = lambda: None,
    ) -> None:
        self._sessions = sessions
        self._database = database
        self._folder = data_dir / BACKUP_FOLDER
        self._now = now
        self._extra_folder = extra_folder

    @property
    def folder(self) -> Path:
        return self._folder

    def back_up_now(self, actor: Actor) -> BackupResult:
        """A manager's backup, now, into the data folder (replacing today's); audited."""
        actor.require(Capability.MANAGE_BACKUPS)
        prepare_folder(self._folder)
        try:
            result = self._attempt(self._folder / backup_name(self._today()), actor)
        finally:
            rotate(self._folder, self._today())
        return result

    def daily(self, actor: Actor = SYSTEM) -> BackupResult | None:
        """Today's backup, unless there is one already; then rotation, then the extra copy.

        Returns the new backup, or None when there was nothing to do. A failure is recorded
        and raised (the caller logs it); old backups are never touched by one.
        """
        if not self._database.is_sqlite:
            return None
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
    ) -> None:
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
        if problem is not None:
            log.warning("Backup to %s failed: %s", target, problem)
        else:
            log.info("Backed up to %s (%d bytes)", target, byte_size or 0)

    def _today(self) -> date:
        """The date on the home's clock (the computer's own time zone)."""
        return self._now().astimezone().date()
