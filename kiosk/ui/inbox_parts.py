"""Words the staff inboxes of residents' suggestions share: the kitchen's (meals) and the
coordinator's (activities and the home). How many wait, how long one has waited (flagged
after 14 days), how many said "me too", what to type with an answer, and "Answer sent"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from kiosk.domain.text import N_
from kiosk.i18n import Words

# What the box for words says, for an answer that may have words and one that needs them.
WORDS_OPTIONAL = N_("Anything to add? (You can leave this empty.)")
WORDS_NEEDED = N_("Why? Say it in plain words the resident will hear.")


class Waiting(Protocol):
    """A suggestion as an inbox lists it (a meal suggestion or an idea)."""

    @property
    def supporters(self) -> int: ...
    @property
    def submitted_at(self) -> datetime | None: ...
    @property
    def answered(self) -> bool: ...
    def overdue(self, now: datetime) -> bool: ...


def waiting_summary(words: Words, items: Sequence[Waiting], now: datetime, none_yet: str) -> str:
    """ "3 waiting for an answer (1 for more than 14 days)." (``none_yet`` when empty)."""
    if not items:
        return none_yet
    waiting = [item for item in items if not item.answered]
    overdue = [item for item in waiting if item.overdue(now)]
    return words.gettext(
        "{waiting} waiting for an answer ({overdue} for more than 14 days)."
    ).format(waiting=len(waiting), overdue=len(overdue))


def backers(words: Words, item: Waiting) -> str:
    """ "3 more residents want it"."""
    return words.ngettext(
        "{count} more resident wants it", "{count} more residents want it", item.supporters
    ).format(count=item.supporters)


def days_waiting(words: Words, item: Waiting, now: datetime) -> str:
    """ "Waiting 17 days"."""
    days = (now - item.submitted_at).days if item.submitted_at else 0
    return words.ngettext("Waiting {count} day", "Waiting {count} days", days).format(count=days)


def flagged(words: Words, item: Waiting, now: datetime, first_line: str) -> str:
    """The first line of an item, flagged (never by colour alone) once it is overdue."""
    if not item.overdue(now):
        return first_line
    return words.gettext("⚑ Over 14 days: please answer. {idea}").format(idea=first_line)


def answer_sent(words: Words, name: str | None) -> str:
    """What the inbox says once an answer is stored."""
    return words.gettext("Answer sent. {name} will hear it next time.").format(
        name=name or words.gettext("The resident")
    )
