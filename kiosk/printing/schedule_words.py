"""The words a printed schedule uses: what each activity says in lines of plain words, and
day names, dates and times in the schedule's language (through Babel). Marked with ``N_``;
the caller's ``translate`` turns them into the schedule's language. Several are the same
words the "This week" screen shows, so they are translated already.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from kiosk.domain.text import N_
from kiosk.domain.week import ActivityOnDay
from kiosk.printing.menu_words import Translate, unbroken

WEEK_TITLE = N_("What's on in the week of {date}")
TODAY = N_("Today")
TIME_RANGE = N_("{start} to {end}")
LED_BY = N_("With {person}")
ASKED_FOR = N_("You asked for this")
CANCELLED = N_("Cancelled")
CANCELLED_BECAUSE = N_("Cancelled: {reason}")
NOTHING_THIS_DAY = N_("Nothing is planned for this day yet.")
NOTHING_TODAY = N_("Nothing is planned for today yet.")
NOTHING_THIS_WEEK = N_("Nothing is planned for this week yet.")
ASK_STAFF = N_("Please ask a member of staff what is on.")


class Kind(Enum):
    """How a line of an activity is set: the title bold, a cancellation bold, the rest plain."""

    TIME = "time"
    TITLE = "title"
    WARNING = "warning"  # "Cancelled: ...", in bold words (never colour or a line through)
    DETAIL = "detail"  # place, who leads it, "You asked for this"


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    kind: Kind


@functools.lru_cache(maxsize=1024)
def clock_time(moment: datetime, locale: str) -> str:
    """ "14:30" (en_GB, cy, pl), "2:30 ਬਾ.ਦੁ." (pa): the home's clock, as the screens show it.
    (Remembered: Babel is slow, and a layout asks for each time more than once.)"""
    from babel.dates import format_time

    return format_time(moment, "short", locale=locale)


def time_range(activity: ActivityOnDay, locale: str, translate: Translate) -> str:
    """ "10:30 to 11:15", each time kept whole on its line."""
    return translate(TIME_RANGE).format(
        start=unbroken(clock_time(activity.starts_at, locale)),
        end=unbroken(clock_time(activity.ends_at, locale)),
    )


def activity_lines(activity: ActivityOnDay, locale: str, translate: Translate) -> list[Line]:
    """What a printed activity says, line by line: when, what, whether it is off (and why),
    where, who leads it, and that residents asked for it."""
    lines = [
        Line(time_range(activity, locale, translate), Kind.TIME),
        Line(activity.title, Kind.TITLE),
    ]
    if activity.cancelled:
        reason = (activity.cancel_reason or "").strip()
        words = translate(CANCELLED_BECAUSE).format(reason=reason) if reason else None
        lines.append(Line(words or translate(CANCELLED), Kind.WARNING))
    if activity.place and activity.place.strip():
        lines.append(Line(activity.place, Kind.DETAIL))
    if activity.led_by and activity.led_by.strip():
        lines.append(Line(translate(LED_BY).format(person=activity.led_by), Kind.DETAIL))
    if activity.from_residents:
        lines.append(Line(translate(ASKED_FOR), Kind.DETAIL))
    return lines


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def day_name(day: date, locale: str) -> str:
    """ "Monday", "Dydd Llun", "Poniedziałek", "ਸੋਮਵਾਰ": with a capital, as a heading."""
    from babel.dates import format_date

    return _capital(format_date(day, "EEEE", locale=locale))


def day_of_month(day: date, locale: str) -> str:
    """ "23 November", "23 Tachwedd", "23 listopada", "23 ਨਵੰਬਰ", kept on one line."""
    from babel.dates import format_date

    return unbroken(format_date(day, "d MMMM", locale=locale))


def day_heading(day: date, locale: str) -> str:
    """ "Monday 23 November", "Dydd Llun 23 Tachwedd", "Poniedziałek 23 listopada": the day's
    name, then its date kept on one line (a big heading breaks after the name, never inside
    the date)."""
    return f"{day_name(day, locale)} {day_of_month(day, locale)}"
