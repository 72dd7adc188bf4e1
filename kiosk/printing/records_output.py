"""A resident's own copy of their records, saved in a folder: the large-print PDF for them
to read and the JSON file for any other program, both whole or neither.

Plain Python, no Qt: the kiosk runs this off the GUI thread, the command line runs it
as it is. Both files are readable by this user only (they are about a person). A folder
that has gone (a USB stick taken out), is full or cannot be written to is said in words
(:class:`RecordsNotSaved`), and nothing is left behind in it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path

from kiosk.domain.errors import PrintError
from kiosk.domain.resident_records import ResidentRecords, records_json
from kiosk.domain.text import N_
from kiosk.printing.menu_words import Translate
from kiosk.printing.resident_records import resident_records_pdf

FOLDER_FULL = N_(
    "There is no room left in {folder}, so nothing was saved. Free some space or choose "
    "another folder."
)
FOLDER_READ_ONLY = N_(
    "Nothing was saved: {folder} cannot be written to (it may be read-only or locked). "
    "Choose another folder."
)
FOLDER_MISSING = N_(
    "Nothing was saved: the folder {folder} is not there. If it is on a USB stick, put the "
    "stick back and try again."
)
NOT_SAVED = N_("Nothing was saved in {folder} ({reason}).")

FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
READ_ONLY = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
MISSING = frozenset({errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO, errno.ENOTDIR})


class RecordsNotSaved(PrintError):
    """Neither file was saved in ``folder``; ``reason`` is the system's own words."""

    def __init__(self, message: str, folder: Path, reason: str) -> None:
        super().__init__(message, folder=str(folder), reason=reason)
        self.folder = folder
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SavedRecords:
    """Where the two files were saved."""

    pdf: Path
    json: Path


def save_resident_records(
    records: ResidentRecords,
    folder: Path,
    *,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
    printed_on: date,
    zone: tzinfo,
) -> SavedRecords:
    """Build ``records`` as a large-print PDF (in ``locale``, see
    :func:`~kiosk.printing.resident_records.resident_records_pdf`) and as JSON, and save
    both in ``folder`` (which must exist) as ``resident-ID-records.pdf`` and ``.json``,
    replacing any copy saved there before. Raises :class:`RecordsNotSaved` when that
    cannot be done; then neither file is there."""
    if not folder.is_dir():  # a USB stick taken out: said before the copy is built
        missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(folder))
        raise _not_saved(missing, folder)
    pdf = resident_records_pdf(
        records,
        home_name=home_name,
        locale=locale,
        translate=translate,
        pictures_dir=pictures_dir,
        fonts_dir=fonts_dir,
        printed_on=printed_on,
        zone=zone,
    )
    stem = f"resident-{records.details.resident_id}-records"
    saved = SavedRecords(pdf=folder / f"{stem}.pdf", json=folder / f"{stem}.json")
    try:
        _save_all({saved.pdf: pdf, saved.json: records_json(records)})
    except OSError as error:
        raise _not_saved(error, folder) from error
    return saved


def _save_all(files: Mapping[Path, bytes]) -> None:
    """Write every file whole, or none of them: each goes to a temporary file beside it
    (readable only by this user), written through to the disk, and only when all are
    written are they put in place. If putting one in place fails, those already placed
    go too."""
    written: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for path, content in files.items():
            handle, temporary = tempfile.mkstemp(prefix=".records-", dir=path.parent)
            written.append((Path(temporary), path))
            with os.fdopen(handle, "wb") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
        for temporary, path in written:
            temporary.replace(path)
            placed.append(path)
    except BaseException:
        for temporary, _ in written:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
        for path in placed:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        raise


def _not_saved(error: OSError, folder: Path) -> RecordsNotSaved:
    """A file-system error in words staff can act on."""
    reason = error.strerror or str(error)
    if error.errno in FULL:
        return RecordsNotSaved(FOLDER_FULL, folder, reason)
    if error.errno in READ_ONLY:
        return RecordsNotSaved(FOLDER_READ_ONLY, folder, reason)
    if error.errno in MISSING:
        return RecordsNotSaved(FOLDER_MISSING, folder, reason)
    return RecordsNotSaved(NOT_SAVED, folder, reason)
