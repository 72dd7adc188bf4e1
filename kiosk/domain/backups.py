"""What staff are told about backups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class BackupStatus:
    """When the last good backup was, and whether to worry."""

    last_good_at: datetime | None
    warning: bool  # no good backup, or the last one is over two days old
    last_problem: str | None  # the latest attempt's message, when it failed after that
