"""A report's range of local dates, as the UTC moments the database stores.

The database keeps moments as naive UTC; the report speaks in the home's own dates. Rows are
picked with UTC bounds worked out here (so a vote at 00:30 in British Summer Time falls on
the right day), and months are told apart in SQL by comparing with each month's first
moment, so per-month counts come back already grouped instead of row by row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import repeat
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, literal

from kiosk.domain.evidence import DateRange, Faces, next_month


@dataclass(frozen=True)
class Window:
    """``period`` in the home's time zone ``zone``."""

    period: DateRange
    zone: ZoneInfo
    month_starts: tuple[date, ...] = field(init=False)  # each month's first day in the range

    def __post_init__(self) -> None:
        starts = tuple(max(month, self.period.first) for month in self.period.months())
        object.__setattr__(self, "month_starts", starts)

    @property
    def start(self) -> datetime:
        return self.midnight(self.period.first)

    @property
    def end(self) -> datetime:
        """The first moment after the range."""
        return self.midnight(self.period.last + timedelta(days=1))

    def midnight(self, day: date) -> datetime:
        return datetime.combine(day, time.min, tzinfo=self.zone)

    def day(self, moment: datetime) -> date:
        """The home's date at a stored (aware) moment."""
        return moment.astimezone(self.zone).date()

    def within(self, column: Any) -> ColumnElement[bool]:
        """``column`` (a stored moment) falls in the range."""
        return and_(column >= self.start, column < self.end)

    def month_index(self, column: Any) -> ColumnElement[int]:
        """0 for a moment in the range's first month, 1 for the next… (rows in the range).

        A binary search written as nested CASEs: five years is six comparisons a row.
        """
        return self._month_between(column, 0, len(self.month_starts) - 1)

    def _month_between(self, column: Any, low: int, high: int) -> ColumnElement[int]:
        if low == high:
            return literal(low)
        middle = (low + high + 1) // 2
        return case(
            (
                column >= self.midnight(self.month_starts[middle]),
                self._month_between(column, middle, high),
            ),
            else_=self._month_between(column, low, middle - 1),
        )

    def month_range(self, index: int) -> DateRange:
        """The index'th month, clipped to the range."""
        first = self.month_starts[index]
        last = min(next_month(first) - timedelta(days=1), self.period.last)
        return DateRange(first, last)

    def month_first(self, index: int) -> date:
        """The calendar month's first day (what a month row is labelled with)."""
        return self.month_starts[index].replace(day=1)


def counted_faces(answers: Iterable[tuple[int, int, int]]) -> Faces:
    """Faces from ``(face, scale, how many)`` rows grouped in SQL."""
    return Faces.of(pair for face, scale, count in answers for pair in repeat((face, scale), count))
