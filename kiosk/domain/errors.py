"""Errors that carry words a person can read, in any language the kiosk speaks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kiosk.domain.text import N_


class KioskError(Exception):
    """Base for every error the kiosk expects and explains.

    ``message`` is an English source string marked with ``N_`` (a gettext message id);
    ``params`` fill its ``{placeholders}`` after translation.
    """

    def __init__(self, message: str, /, **params: Any) -> None:
        self.message = message
        self.params: Mapping[str, Any] = params
        super().__init__(self.text())

    def text(self, translate: Callable[[str], str] = lambda message: message) -> str:
        """The message in words, translated by ``translate`` (identity gives English)."""
        return translate(self.message).format(**self.params)


class ValidationError(KioskError):
    """Something a person typed or chose cannot be accepted as it is."""

    def __init__(self, field: str, message: str, /, **params: Any) -> None:
        self.field = field
        super().__init__(message, **params)


class NotFoundError(KioskError):
    """A record asked for does not exist (or is not visible to the person asking)."""


class NotAllowedError(KioskError):
    """The person signed in has no right to do this."""


class LockedOutError(KioskError):
    """Too many wrong PINs: this person must wait (the lock survives a restart)."""

    def __init__(self, minutes: int) -> None:
        super().__init__(
            N_(
                "That PIN was wrong too many times. Please wait {minutes} minutes and try "
                "again, or ask a member of staff to help."
            ),
            minutes=minutes,
        )
        self.minutes = minutes


class WrongPinError(KioskError):
    def __init__(self, tries_left: int) -> None:
        super().__init__(
            N_("That PIN did not match. {tries_left} tries left."),
            tries_left=tries_left,
        )
        self.tries_left = tries_left


class PrintError(KioskError):
    """A document could not be made, saved or printed (no printer, CUPS missing, refused)."""


class ConnectionLost(KioskError):
    """The home's database server stopped answering while the kiosk was in use.

    Raised by the storage layer in place of the driver's error, so each screen shows it
    where it shows any other problem and keeps what the person entered, to send again
    once the server is back.
    """

    def __init__(self) -> None:
        super().__init__(
            N_(
                "The kiosk cannot reach the home's computer just now. What you chose is "
                "still here: please try again in a minute, or ask a member of staff."
            )
        )
