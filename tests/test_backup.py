"""Backups that restore: online copies while the kiosk writes, rotation, faults, refusals."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import random
import shutil
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.domain.access import Actor
from kiosk.domain.backups import (
    BackupPlace,
    BackupSetup,
    CopyFolderFull,
    CopyFolderIsOurs,
    CopyFolderMissing,
    CopyFolderReadOnly,
)
from kiosk.domain.enums import StaffRole
from kiosk.domain.errors import NotAllowedError
from kiosk.domain.residents import NewResident
from kiosk.services.backups import BackupsService
from kiosk.services.residents import ResidentsService
from kiosk.storage import models
from kiosk.storage.backup import (
    BackupTargetFull,
    BackupTargetMissing,
    BackupTargetReadOnly,
    RestoreCutShort,
    RestoreFileMissing,
    RestoreNotADatabase,
    RestoreNotOurs,
    RestoreTooNew,
    _explain,
    backup_name,
    backup_to,
    check_backup_file,
    restore_from,
    rotate,
)
from kiosk.storage.database import Database, check_database, open_database, sqlite_url


class Clock:
    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, by: timedelta) -> None:
        self.moment += by


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 2, 12, 0, tzinfo=UTC))


@pytest.fixture
def backups(database: Database, database_path: Path, clock: Clock) -> BackupsService:
    return BackupsService(database.sessions, database, database_path.parent, now=clock)


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _residents(database: Database) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(models.Resident)) or 0


def test_round_trip_while_another_thread_keeps_writing(
    database: Database, database_path: Path, manager: Actor, tmp_path: Path
) -> None:
    residents = ResidentsService(database.sessions, languages=frozenset({"en_GB"}))
    committed: list[int] = []
    stop = threading.Event()

    def keep_writing() -> None:
        while not stop.is_set():
            added = residents.add(manager, NewResident(f"Writer {len(committed)}"))
            committed.append(added.id)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        while len(committed) < 20:
            threading.Event().wait(0.01)
        before = list(committed)
        copy = backup_to(database, tmp_path / "copy.sqlite3")
        after = len(committed)
        while len(committed) < after + 10:  # still writing after the copy was made
            threading.Event().wait(0.01)
    finally:
        stop.set()
        writer.join()
    assert copy.byte_size == copy.path.stat().st_size > 0
    assert not list(tmp_path.glob(".*partial")), "no half file is left behind"
    assert not copy.path.with_name("copy.sqlite3-wal").exists()

    restored_home = tmp_path / "restored"
    restored_home.mkdir()
    result = restore_from(copy.path, restored_home)
    assert result.kept_aside is None
    restored = open_database(sqlite_url(result.restored))
    try:
        report = check_database(restored)  # the same checks as `kiosk check`
        assert report.ok, report.problems
        with restored.sessions() as session:
            ids = set(session.scalars(select(models.Resident.id)))
    finally:
        restored.dispose()
    assert set(before) <= ids, "every resident saved before the backup is in it"
    assert len(ids) <= after
    assert _residents(database) == len(committed) > len(ids)


def test_rotation_over_sixty_days_keeps_seven_daily_and_four_weekly(
    backups: BackupsService, clock: Clock
) -> None:
    made: list[date] = []
    for _ in range(60):
        result = backups.daily()
        assert result is not None
        made.append(date.fromisoformat(result.path.name[len("our-say-") : -len(".sqlite3")]))
        assert backups.daily() is None, "one backup a day"
        clock.advance(timedelta(days=1))

    kept = sorted(date.fromisoformat(p.name[8:18]) for p in backups.folder.glob("our-say-*"))
    assert len(kept) == 11
    daily, weekly = kept[-7:], kept[:-7]
    assert daily == made[-7:]
    weeks = [day.isocalendar()[:2] for day in weekly]
    assert len(set(weeks)) == 4
    for day in weekly:  # the newest backup of its week that is older than the dailies
        later_same_week = [
            other
            for other in made
            if other.isocalendar()[:2] == day.isocalendar()[:2] and day < other < daily[0]
        ]
        assert later_same_week == []
    assert weeks == sorted({d.isocalendar()[:2] for d in made if d < daily[0]})[-4:]


def test_rotation_leaves_other_files_and_future_dates_alone(tmp_path: Path) -> None:
    today = date(2026, 5, 1)
    for offset in range(-3, 30):
        (tmp_path / backup_name(today - timedelta(days=offset))).write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("mine")
    removed = rotate(tmp_path, today)
    assert (tmp_path / "notes.txt").exists()
    for offset in (-3, -2, -1):
        assert (tmp_path / backup_name(today - timedelta(days=offset))).exists()
    assert len(list(tmp_path.glob("our-say-*"))) == 3 + 7 + 4
    assert len(removed) == 30 - 11


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    """A folder nobody can write to: its mode, or (for root, whom modes do not stop) the
    immutable flag."""
    folder.chmod(0o555)
    immutable = False
    if _writable(folder):
        subprocess.run(["chattr", "+i", str(folder)], check=True)
        immutable = True
    try:
        if _writable(folder):
            pytest.fail("could not make a read-only folder on this machine")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o700)


def _writable(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True


def test_a_read_only_target_is_explained_and_old_backups_are_untouched(
    backups: BackupsService, database: Database, manager: Actor
) -> None:
    backups.folder.mkdir(mode=0o700)
    old = backups.folder / backup_name(date(2026, 3, 1))
    old.write_bytes(b"yesterday's backup")
    with _read_only(backups.folder):
        with pytest.raises(BackupTargetReadOnly) as refused:
            backups.back_up_now(manager)
        assert sorted(p.name for p in backups.folder.iterdir()) == [old.name]
    assert old.read_bytes() == b"yesterday's backup"
    assert "cannot be written to" in refused.value.text()
    assert "The backups already there are safe." in refused.value.text()
    with database.sessions() as session:
        attempt = session.scalars(select(models.BackupRecord)).one()
    assert attempt.ok is False
    assert attempt.message == refused.value.text()
    assert attempt.finished_at is not None


def test_a_missing_usb_stick_is_recorded_but_the_daily_backup_is_kept(
    database: Database, database_path: Path, clock: Clock, tmp_path: Path
) -> None:
    stick = tmp_path / "usb-stick-taken-out"
    backups = BackupsService(
        database.sessions, database, database_path.parent, now=clock, extra_folder=lambda: stick
    )
    with pytest.raises(BackupTargetMissing):
        backups.daily()
    assert (backups.folder / backup_name(date(2026, 3, 2))).exists()
    with database.sessions() as session:
        attempts = session.scalars(select(models.BackupRecord).order_by(models.BackupRecord.id))
        assert [(a.ok, Path(a.destination).parent) for a in attempts] == [
            (True, backups.folder),
            (False, stick),
        ]


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (errno.ENOSPC, BackupTargetFull),
        (errno.EROFS, BackupTargetReadOnly),
        (errno.EACCES, BackupTargetReadOnly),
        (errno.ENOENT, BackupTargetMissing),
        (errno.EIO, BackupTargetMissing),
    ],
)
def test_file_system_faults_have_their_own_words(number: int, expected: type) -> None:
    assert isinstance(_explain(OSError(number, "raw"), Path("/media/stick")), expected)


@pytest.fixture
def good_backup(database: Database, manager: Actor, tmp_path: Path) -> Path:
    ResidentsService(database.sessions, languages=frozenset({"en_GB"})).add(
        manager, NewResident("Margaret")
    )
    return backup_to(database, tmp_path / "good.sqlite3").path


def _assert_refused_and_untouched(file: Path, database_path: Path, error: type) -> str:
    before = _fingerprint(database_path)
    folder_before = sorted(p.name for p in database_path.parent.iterdir())
    with pytest.raises(error) as refused:
        restore_from(file, database_path.parent)
    assert _fingerprint(database_path) == before
    assert sorted(p.name for p in database_path.parent.iterdir()) == folder_before
    return refused.value.text()


def test_a_truncated_backup_is_refused(
    good_backup: Path, database: Database, database_path: Path, tmp_path: Path
) -> None:
    database.dispose()
    cut = tmp_path / "cut.sqlite3"
    data = good_backup.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    words = _assert_refused_and_untouched(cut, database_path, RestoreCutShort)
    assert "has been cut short" in words and "Nothing was changed." in words


def test_random_bytes_are_refused(database: Database, database_path: Path, tmp_path: Path) -> None:
    database.dispose()
    noise = tmp_path / "noise.sqlite3"
    noise.write_bytes(random.Random(9).randbytes(8192))
    words = _assert_refused_and_untouched(noise, database_path, RestoreNotADatabase)
    assert "is not a database file" in words


def test_a_backup_from_a_newer_version_is_refused(
    good_backup: Path, database: Database, database_path: Path
) -> None:
    database.dispose()
    with contextlib.closing(sqlite3.connect(good_backup)) as connection, connection:
        connection.execute("UPDATE schema_meta SET value = '99' WHERE name = 'schema_version'")
    words = _assert_refused_and_untouched(good_backup, database_path, RestoreTooNew)
    assert "newer version of Our Say (schema 99" in words


def test_someone_elses_database_and_a_missing_file_are_refused(
    database: Database, database_path: Path, tmp_path: Path
) -> None:
    database.dispose()
    other = tmp_path / "other.sqlite3"
    with contextlib.closing(sqlite3.connect(other)) as connection, connection:
        connection.execute("CREATE TABLE t (x)")
    assert "not an Our Say backup" in _assert_refused_and_untouched(
        other, database_path, RestoreNotOurs
    )
    _assert_refused_and_untouched(tmp_path / "nowhere.sqlite3", database_path, RestoreFileMissing)


def test_restore_keeps_the_current_database_aside(
    good_backup: Path, database: Database, database_path: Path, manager: Actor
) -> None:
    ResidentsService(database.sessions, languages=frozenset({"en_GB"})).add(
        manager, NewResident("Added after the backup")
    )
    database.dispose()
    assert check_backup_file(good_backup).schema_version == 1
    result = restore_from(good_backup, database_path.parent)
    assert result.kept_aside is not None
    assert result.kept_aside.name.startswith("our-say-before-restore-")
    for opened, names in ((result.restored, 1), (result.kept_aside, 2)):
        home = open_database(sqlite_url(opened))
        try:
            assert _residents(home) == names
        finally:
            home.dispose()


def test_status_warns_when_the_last_good_backup_is_over_two_days_old(
    backups: BackupsService, clock: Clock
) -> None:
    carer = Actor.staff(4, StaffRole.CARER)
    first = backups.status(carer)
    assert first.last_good_at is None and first.warning
    backups.daily()
    assert backups.status(carer).last_good_at == clock()
    assert not backups.status(carer).warning
    clock.advance(timedelta(days=2) - timedelta(minutes=1))
    assert not backups.status(carer).warning
    clock.advance(timedelta(minutes=2))
    assert backups.status(carer).warning
    with pytest.raises(NotAllowedError):
        backups.status(Actor.resident(1))


def test_only_a_manager_may_back_up_from_the_staff_room(
    backups: BackupsService, database: Database, manager: Actor
) -> None:
    with pytest.raises(NotAllowedError):
        backups.back_up_now(Actor.staff(2, StaffRole.COORDINATOR))
    result = backups.back_up_now(manager)
    assert result.path == backups.folder / "our-say-2026-03-02.sqlite3"
    with database.sessions() as session:
        event = session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == "backup")
        ).one()
    assert (event.actor_staff_id, event.detail) == (manager.staff_id, str(result.path))


def test_the_kiosk_backs_up_in_the_background_and_only_logs_a_failure(
    database: Database, database_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from kiosk.app import BACKUP_COPY_FOLDER, DailyBackups
    from kiosk.config import AppConfig

    with contextlib.closing(sqlite3.connect(database_path)) as connection, connection:
        connection.execute(
            "INSERT INTO setting (name, value) VALUES (?, ?)",
            (BACKUP_COPY_FOLDER, str(tmp_path / "stick-taken-out")),
        )
    config = AppConfig.build(data_dir=database_path.parent, environ={})
    daily = DailyBackups(database, config)
    daily.start()
    daily.start()  # a second start while the first runs does nothing
    daily.wait()
    made = list((database_path.parent / "backups").glob("our-say-*.sqlite3"))
    assert len(made) == 1
    assert "The daily backup failed: The backup could not be written" in caplog.text
    assert "Traceback" not in caplog.text


# ---------------------------------------------------------------------------------------
# The manager's choices: the folder for a second copy, "Back up now", the last attempts


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """A USB stick's folder, plugged in."""
    folder = tmp_path / "media" / "kiosk" / "STICK"
    folder.mkdir(parents=True)
    return folder


def _folder_events(database: Database) -> list[tuple[int | None, str | None]]:
    with database.sessions() as session:
        events = session.scalars(
            select(models.AuditEvent)
            .where(models.AuditEvent.action == "backup.folder")
            .order_by(models.AuditEvent.id)
        )
        return [(event.actor_staff_id, event.detail) for event in events]


def test_the_chosen_folder_is_kept_audited_and_followed_by_the_daily_backup(
    backups: BackupsService, database: Database, database_path: Path, manager: Actor, stick: Path
) -> None:
    from kiosk.app import DailyBackups
    from kiosk.config import AppConfig

    assert backups.copy_folder(manager) is None
    assert backups.set_copy_folder(manager, stick) == stick
    assert backups.copy_folder(manager) == stick
    assert backups.setup(manager) == BackupSetup(backups.folder, 7, 4, stick)
    assert not list(stick.iterdir()), "the check it can write there leaves nothing behind"

    config = AppConfig.build(data_dir=database_path.parent, environ={})
    daily = DailyBackups(database, config)  # as the running kiosk does it, every day
    daily.start()
    daily.wait()
    [copied] = stick.glob("our-say-*.sqlite3")
    assert check_backup_file(copied).schema_version == 1

    assert backups.set_copy_folder(manager, None) is None
    assert backups.copy_folder(manager) is None
    assert _folder_events(database) == [(manager.staff_id, str(stick)), (manager.staff_id, None)]


def test_a_folder_given_by_a_relative_path_is_kept_whole(
    backups: BackupsService, manager: Actor, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(stick.parent)
    assert backups.set_copy_folder(manager, Path("STICK")) == stick
    assert backups.copy_folder(manager) == stick


def test_a_folder_that_is_missing_locked_full_or_ours_is_refused_in_words(
    backups: BackupsService,
    database: Database,
    database_path: Path,
    manager: Actor,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(CopyFolderMissing) as missing:
        backups.set_copy_folder(manager, stick / "not-there")
    assert missing.value.text() == (
        f"There is no folder at {stick / 'not-there'}. If it is on a USB stick, put the stick "
        "in and choose the folder again."
    )
    assert missing.value.field == "copy_folder"

    with _read_only(stick), pytest.raises(CopyFolderReadOnly) as locked:
        backups.set_copy_folder(manager, stick)
    assert "cannot save files in" in locked.value.text()
    assert not list(stick.iterdir())

    backups.folder.mkdir()
    for ours in (database_path.parent, backups.folder):
        with pytest.raises(CopyFolderIsOurs) as refused:
            backups.set_copy_folder(manager, ours)
        assert "inside Our Say's own data folder" in refused.value.text()

    real_usage = shutil.disk_usage

    def almost_full(path: Path) -> object:
        usage = real_usage(path)
        return type(usage)(usage.total, usage.total - 4096, 4096)

    monkeypatch.setattr("kiosk.services.backups.shutil.disk_usage", almost_full)
    with pytest.raises(CopyFolderFull) as full:
        backups.set_copy_folder(manager, stick)
    assert full.value.text() == (
        f"There is not enough room in {stick} for a backup. Free some space there, or choose "
        "another folder."
    )

    assert backups.copy_folder(manager) is None, "nothing was chosen by a refusal"
    assert _folder_events(database) == []


def test_only_a_manager_sees_and_changes_the_backups(backups: BackupsService, stick: Path) -> None:
    for someone in (Actor.staff(2, StaffRole.COORDINATOR), Actor.staff(4, StaffRole.CARER)):
        for call in (
            lambda actor: backups.history(actor),
            lambda actor: backups.copy_folder(actor),
            lambda actor: backups.setup(actor),
            lambda actor: backups.set_copy_folder(actor, stick),
            lambda actor: backups.back_up_now_everywhere(actor),
        ):
            with pytest.raises(NotAllowedError):
                call(someone)
    assert not list(stick.iterdir())
    assert not backups.folder.exists()


def test_back_up_now_copies_to_the_stick_and_says_when_the_stick_is_gone(
    backups: BackupsService, database: Database, manager: Actor, stick: Path
) -> None:
    backups.set_copy_folder(manager, stick)
    run = backups.back_up_now_everywhere(manager)
    assert run.ok
    assert run.here.place is BackupPlace.THIS_COMPUTER and run.here.ok
    assert run.here.destination == backups.folder / "our-say-2026-03-02.sqlite3"
    assert run.copy is not None and run.copy.place is BackupPlace.COPY_FOLDER
    assert run.copy.destination == stick / "our-say-2026-03-02.sqlite3"
    for attempt in (run.here, run.copy):
        assert attempt.byte_size == attempt.destination.stat().st_size > 0
        assert check_backup_file(attempt.destination).schema_version == 1

    stick.joinpath("our-say-2026-03-02.sqlite3").unlink()
    stick.rmdir()  # the stick taken out
    gone = backups.back_up_now_everywhere(manager)
    assert gone.here.ok and not gone.ok
    assert gone.copy is not None and not gone.copy.ok and gone.copy.byte_size is None
    assert gone.copy.problem == (
        f"The backup could not be written: the folder {stick} is not there. If it is on a USB "
        "stick, put the stick back and try again."
    )
    assert not stick.exists(), "a missing stick never becomes a folder on this computer"

    history = backups.history(manager)
    assert history == (gone.copy, gone.here, run.copy, run.here)  # newest first
    with database.sessions() as session:
        details = list(
            session.scalars(
                select(models.AuditEvent.detail)
                .where(models.AuditEvent.action == "backup")
                .order_by(models.AuditEvent.id)
            )
        )
    assert details == [
        str(run.here.destination),
        str(run.copy.destination),
        str(gone.here.destination),
        f"failed: {gone.copy.problem}",
    ]


def test_a_full_disk_is_recorded_in_words_and_the_copy_is_still_made(
    backups: BackupsService, manager: Actor, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.services import backups as module

    backups.set_copy_folder(manager, stick)
    real_backup_to = module.backup_to

    def full_here(database: Database, target: Path) -> object:
        if target.parent == backups.folder:
            raise BackupTargetFull(target.parent)
        return real_backup_to(database, target)

    monkeypatch.setattr(module, "backup_to", full_here)
    run = backups.back_up_now_everywhere(manager)
    assert not run.here.ok and run.here.problem == BackupTargetFull(backups.folder).text()
    assert run.copy is not None and run.copy.ok
    assert backups.status(manager).last_problem is None  # the latest attempt was good


def test_the_history_is_the_last_fourteen_newest_first_and_names_each_place(
    backups: BackupsService, manager: Actor, clock: Clock, tmp_path: Path
) -> None:
    for _ in range(15):
        backups.daily()
        clock.advance(timedelta(days=1))
    out = backups.copy_to(tmp_path / "for-the-office.sqlite3")  # kiosk backup --out
    history = backups.history(manager)
    assert len(history) == 14
    assert history[0].destination == out.path and history[0].place is BackupPlace.OTHER
    assert [a.place for a in history[1:]] == [BackupPlace.THIS_COMPUTER] * 13
    days = [a.destination.name for a in history[1:]]
    assert days == [backup_name(date(2026, 3, 16) - timedelta(days=n)) for n in range(13)]
    assert all(a.ok and a.problem is None and a.byte_size for a in history)
    assert len(backups.history(manager, limit=3)) == 3


def test_the_manager_and_the_daily_backup_never_write_at_the_same_time(
    backups: BackupsService, database: Database, manager: Actor
) -> None:
    from kiosk.services.backups import _ONE_AT_A_TIME

    finished = threading.Event()
    runs: list[object] = []

    def manager_taps() -> None:
        runs.append(backups.back_up_now_everywhere(manager))
        finished.set()

    with _ONE_AT_A_TIME:  # as if the daily backup were being written
        worker = threading.Thread(target=manager_taps)
        worker.start()
        assert not finished.wait(0.3), "it waits for the backup being written"
        with database.sessions() as session:
            assert session.scalar(select(func.count()).select_from(models.BackupRecord)) == 0
    worker.join()
    assert finished.is_set() and len(runs) == 1
