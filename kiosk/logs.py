"""Logging to a rotating file in the data folder.

What may be logged: what happened and to which record id. What must never be: PINs,
care-plan text, or anything a resident typed (tests read the log to check).
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILENAME = "kiosk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(log_dir: Path, *, verbose: bool = False) -> Path:
    """Send records to ``log_dir/kiosk.log`` (1 MB x 5 files) and warnings to stderr."""
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    log_dir.chmod(0o700)
    path = log_dir / LOG_FILENAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._kiosk = True  # type: ignore[attr-defined]
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    console._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    root.addHandler(console)
    root.setLevel(logging.INFO)
    path.chmod(0o600)
    return path


def qt_message_level(kind_name: str, message: str) -> int:
    """How loudly to log a message from Qt. Known chatter from headless runs goes to DEBUG."""
    quiet = ("propagateSizeHints", "OpenType support missing")
    if any(phrase in message for phrase in quiet):
        return logging.DEBUG
    return {"QtDebugMsg": logging.DEBUG, "QtInfoMsg": logging.INFO}.get(kind_name, logging.WARNING)
