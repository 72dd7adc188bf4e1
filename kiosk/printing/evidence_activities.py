"""Section 4 of the evidence report: how each activity went, by the faces residents chose,
most answered first. Each activity is one block: its name, how often it was held and the
share of good faces, then a table of the faces month by month (year by year in a report
over a year long) with, for the most answered activities, a stacked bar chart beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable

from kiosk.domain.evidence import ActivityFeedback, Faces
from kiosk.printing import evidence_words as words
from kiosk.printing.evidence_chart import Pattern
from kiosk.printing.evidence_figure import figure
from kiosk.printing.evidence_parts import (
    EvidenceSetup,
    block,
    quiet,
    section,
    table,
)

CHARTED = 5  # the most answered activities get a chart beside their table
MONTHS_BY_MONTH = 12  # a longer report counts each activity's faces by the year
SHARES = (0.31, 0.21, 0.24, 0.24)  # when, good, all right, not good
FACE_PATTERNS = (Pattern.SOLID, Pattern.DIAGONAL, Pattern.WHITE)
FACES = (words.GOOD, words.ALL_RIGHT, words.NOT_GOOD)
FIGURE_SPACE = 8.0


def activities_section(
    activities: Sequence[ActivityFeedback], setup: EvidenceSetup
) -> list[Flowable]:
    yearly = len(setup.period.months()) > MONTHS_BY_MONTH
    body = [
        activity_block(activity, setup, charted=index < CHARTED, yearly=yearly)
        for index, activity in enumerate(activities)
    ] or [quiet(words.NO_ACTIVITIES, setup)]
    return section(4, words.ACTIVITIES, words.ACTIVITIES_SHOWS, body, setup)


def faces_over_time(activity: ActivityFeedback, *, yearly: bool) -> list[tuple[date, Faces]]:
    """The faces for each month with answers, or for each year (its 1 January)."""
    if not yearly:
        return [(month.month, month.faces) for month in activity.months]
    years: dict[date, Faces] = {}
    for month in activity.months:
        year = date(month.month.year, 1, 1)
        years[year] = years.get(year, Faces()) + month.faces
    return sorted(years.items())


def activity_block(
    activity: ActivityFeedback, setup: EvidenceSetup, *, charted: bool, yearly: bool
) -> Flowable:
    faces = activity.faces
    summary = setup.words(words.ACTIVITY_LINE).format(
        sessions=setup.number(activity.sessions),
        answers=setup.number(faces.total),
        good=setup.number(faces.good),
        share=setup.percent(faces.good_share),
    )
    parts: list[Flowable] = [
        setup.text(activity.title.strip(), setup.bold),
        setup.line(summary, after=FIGURE_SPACE),
    ]
    over_time = faces_over_time(activity, yearly=yearly)
    if over_time:
        parts.append(_figure(over_time, setup, charted=charted, yearly=yearly))
    return block(parts, setup)


def _when(day: date, setup: EvidenceSetup, *, yearly: bool) -> tuple[str, ...]:
    month, year = words.month_label(day, setup.locale)
    return (year,) if yearly else (month, year)


def _figure(
    over_time: Sequence[tuple[date, Faces]], setup: EvidenceSetup, *, charted: bool, yearly: bool
) -> Flowable:
    number = setup.number
    header = [setup.words(words.YEAR if yearly else words.MONTH)]
    header.extend(setup.words(face) for face in FACES)
    rows = [
        [words.unbroken_words(_when(day, setup, yearly=yearly)), *map(number, _counts(faces))]
        for day, faces in over_time
    ]
    numbers = table(header, rows, SHARES, setup)
    if not charted:
        return numbers
    return figure(
        [[_counts(faces)[index] for _, faces in over_time] for index in range(len(FACES))],
        [_when(day, setup, yearly=yearly) for day, _ in over_time],
        numbers,
        setup,
        legend=[setup.words(face) for face in FACES],
        patterns=FACE_PATTERNS,
        stacked=True,
    )


def _counts(faces: Faces) -> tuple[int, int, int]:
    return faces.good, faces.all_right, faces.not_good
