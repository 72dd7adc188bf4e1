"""Where the database lives. Light on purpose: no SQLAlchemy, so the window can open first."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

DATABASE_FILENAME = "our-say.sqlite3"


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file; odd characters in the path are escaped."""
    return "sqlite+pysqlite:///" + quote(str(path), safe="/")


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` if needed and make it readable by this user only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.chmod(0o700)
