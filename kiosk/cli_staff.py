"""A member of staff at the command line: found by name or number, and their PIN read
without being shown (or the first line piped in, for scripts and tests)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from kiosk.domain.staff import StaffMember


def staff_member(choices: Sequence[StaffMember], wanted: str) -> int | None:
    """The id of the one active member of staff ``wanted`` names: by staff number, whole
    name, or first name (any case); None, with a message saying why, otherwise."""
    text = " ".join(wanted.split()).casefold()
    found = [member for member in choices if text == str(member.id)]
    found = found or [member for member in choices if member.name.casefold() == text]
    found = found or [
        member for member in choices if member.name.casefold().split(" ", 1)[0] == text
    ]
    if len(found) == 1:
        return found[0].id
    if found:
        names = ", ".join(member.name for member in found)
        print(f"More than one member of staff is called {wanted!r}: {names}.", file=sys.stderr)
    else:
        print(f"We could not find a member of staff called {wanted!r}.", file=sys.stderr)
    return None


def read_pin() -> str:
    """The staff PIN: typed at a terminal without being shown, or the first line piped in.
    Never printed, never logged."""
    import getpass

    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass("Your staff PIN: ").strip()
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.strip()
