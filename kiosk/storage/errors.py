"""Why a database cannot be opened, in words a care home's staff can act on."""

from __future__ import annotations

from kiosk.domain.errors import KioskError
from kiosk.domain.text import N_


class DatabaseError(KioskError):
    """The database cannot be used as it is. The file is left exactly as it was found."""


class DatabaseMissing(DatabaseError):
    def __init__(self, location: str) -> None:
        super().__init__(
            N_(
                "There is no database at {location}. Check the data folder, or restore a "
                "backup with 'kiosk restore'."
            ),
            location=location,
        )


class DatabaseEmpty(DatabaseError):
    def __init__(self, location: str) -> None:
        super().__init__(
            N_(
                "The database file {location} is empty. It has not been touched. "
                "Restore a backup with 'kiosk restore', or move the empty file away to start "
                "afresh."
            ),
            location=location,
        )


class DatabaseCorrupt(DatabaseError):
    def __init__(self, location: str) -> None:
        super().__init__(
            N_(
                "The file {location} is damaged or is not an Our Say database. It has not been "
                "touched. Restore a backup with 'kiosk restore'."
            ),
            location=location,
        )


class NotOurDatabase(DatabaseError):
    def __init__(self, location: str) -> None:
        super().__init__(
            N_(
                "{location} is a database, but not one of Our Say's. It has not been touched. "
                "Choose another data folder."
            ),
            location=location,
        )


class DatabaseLocked(DatabaseError):
    def __init__(self, location: str) -> None:
        super().__init__(
            N_(
                "The database {location} is in use by another program and could not be opened. "
                "Close the other program and try again."
            ),
            location=location,
        )


class DatabaseTooNew(DatabaseError):
    def __init__(self, location: str, found: int, supported: int) -> None:
        super().__init__(
            N_(
                "The database {location} was written by a newer version of Our Say (schema "
                "{found}; this version reads up to {supported}). It has not been touched. "
                "Update Our Say on this computer."
            ),
            location=location,
            found=found,
            supported=supported,
        )


class DatabaseUnreachable(DatabaseError):
    def __init__(self, location: str) -> None:
        super().__init__(
            N_(
                "Could not reach the database server at {location}. Check the network "
                "and the server, then try again."
            ),
            location=location,
        )
