"""What staff are told about backups, and what the manager sees and chooses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import N_

COPY_FOLDER_FIELD = "copy_folder"  # the field a refusal of a chosen folder names


@dataclass(frozen=True, slots=True)
class BackupStatus:
    """When the last good backup was, and whether to worry."""

    last_good_at: datetime | None
    warning: bool  # no good backup, or the last one is over two days old
    last_problem: str | None  # the latest attempt's message, when it failed after that


class BackupPlace(StrEnum):
    """Where a backup was written, as the manager thinks of it."""

    THIS_COMPUTER = "this_computer"  # the daily backups, in the kiosk's data folder
    COPY_FOLDER = "copy_folder"  # the folder chosen for a second copy (a USB stick)
    OTHER = "other"  # a file named on the command line, or a copy folder since changed


@dataclass(frozen=True, slots=True)
class BackupAttempt:
    """One backup, good or not, as it was recorded."""

    started_at: datetime
    finished_at: datetime | None
    destination: Path  # the backup file (or where it would have been)
    place: BackupPlace
    byte_size: int | None  # None when it was not made
    ok: bool
    problem: str | None  # what went wrong, in words (English, as it was recorded)

    @property
    def when(self) -> datetime:
        return self.finished_at or self.started_at


@dataclass(frozen=True, slots=True)
class BackupRun:
    """What one "Back up now" did: the backup on this computer, and the second copy when a
    folder has been chosen for one."""

    here: BackupAttempt
    copy: BackupAttempt | None

    @property
    def ok(self) -> bool:
        return self.here.ok and (self.copy is None or self.copy.ok)


@dataclass(frozen=True, slots=True)
class BackupSetup:
    """Where backups are kept, and how many."""

    daily_folder: Path
    days_kept: int
    weeks_kept: int
    copy_folder: Path | None  # None: no second copy is made


# ---------------------------------------------------------------------------------------
# Refusals of a folder chosen for the second copy, in plain words


class CopyFolderMissing(ValidationError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            COPY_FOLDER_FIELD,
            N_(
                "There is no folder at {folder}. If it is on a USB stick, put the stick in "
                "and choose the folder again."
            ),
            folder=str(folder),
        )


class CopyFolderReadOnly(ValidationError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            COPY_FOLDER_FIELD,
            N_(
                "Our Say cannot save files in {folder}: it may be read-only or locked. "
                "Choose another folder."
            ),
            folder=str(folder),
        )


class CopyFolderFull(ValidationError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            COPY_FOLDER_FIELD,
            N_(
                "There is not enough room in {folder} for a backup. Free some space there, "
                "or choose another folder."
            ),
            folder=str(folder),
        )


class CopyFolderIsOurs(ValidationError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            COPY_FOLDER_FIELD,
            N_(
                "{folder} is inside Our Say's own data folder, where the daily backups are "
                "already kept. Choose another place, such as a USB stick."
            ),
            folder=str(folder),
        )
