"""The large-print weekly schedule, on A4 portrait (one day to a page) or A3 landscape (the
week on one sheet, for the wall).

Every activity has its picture beside its words: the time, the title in bold, "Cancelled:
..." in bold words when it is off, the place, who leads it, and "You asked for this" when
residents chose it. A week with nothing on it is one friendly page.

The A3 sheet is seven day columns, in the biggest clear print (up to ``GRID_MAX_SCALE``
times its sizes) at which every column fits the sheet and no word or time breaks in two.
A busier week is four columns on one sheet and three on a second; a week busier still (or
with a word too long for a column) runs its days in rows: each day's name on the left, its
activities side by side after it, a thin rule between the days, on as many sheets as it
takes. Nothing is ever shrunk below clear print's sizes, clipped or cut in two.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak

from kiosk.domain.week import DayPlan
from kiosk.printing.fonts import FontSet, register_fonts
from kiosk.printing.layout import build_pdf
from kiosk.printing.menu_words import Translate, long_date
from kiosk.printing.schedule_parts import (
    ROW_SPACE_FACTOR,
    Cells,
    Kept,
    ScheduleSetup,
    TextStyles,
    WeekGrid,
    day_story,
    document_words,
    entry,
    quiet,
    stack,
    text_styles,
    text_width,
    widest_line_word,
    widest_word,
)
from kiosk.printing.schedule_words import (
    ASK_STAFF,
    NOTHING_THIS_DAY,
    NOTHING_THIS_WEEK,
    WEEK_TITLE,
    Kind,
    activity_lines,
    day_heading,
    day_name,
    day_of_month,
    time_range,
)
from kiosk.printing.styles import (
    A3_PAGE,
    A4_PAGE,
    BODY_PT,
    ClearPrint,
    PageShape,
    clear_print,
    resized,
)

GRID_MAX_SCALE = 1.5  # the week sheet's text at up to 27 pt when the week leaves room
GRID_HEADING_PT = 22  # a day's name at the top of its column (at clear print's sizes)
GRID_TITLE_PT = BODY_PT  # an activity's title in a column: bold, at body size
GRID_GAP = 14.0  # between the columns (a thin line runs down the middle)
GRID_PICTURE = 28.0  # a picture in a column, beside its words
GRID_PICTURE_GAP = 5.0
ROW_CELLS = 6  # a day's activities side by side (a busy day has six), when days run in rows
ROW_GAP = 18.0


class Paper(StrEnum):
    A4 = "a4"  # portrait, one day to a page
    A3 = "a3"  # landscape, the week on one sheet


def weekly_schedule_pdf(
    days: Sequence[DayPlan],
    *,
    paper: Paper | str = Paper.A4,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
) -> bytes:
    """The schedule of ``days`` (a week, Monday first) as a PDF, in ``locale`` (en_GB, cy,
    pl, pa) through ``translate``. ``paper`` is "a4" or "a3"."""
    if not days:
        raise ValueError("a schedule needs at least one day")
    paper = Paper(paper)
    fonts = register_fonts(fonts_dir)
    title = translate(WEEK_TITLE).format(date=long_date(days[0].day, locale))
    page = A4_PAGE if paper is Paper.A4 else A3_PAGE
    setup = ScheduleSetup(clear_print(fonts), page, translate, locale, pictures_dir)
    if not any(plan.activities for plan in days):
        story = [*_head(title, home_name, setup), _nothing_this_week(setup)]
    elif paper is Paper.A4:
        story = [*_head(title, home_name, setup), *_day_per_page(days, setup)]
    else:
        setup, story = _week_sheet(days, title, home_name, setup)
    words = document_words(title, home_name, setup)
    return build_pdf(story, page=page, styles=setup.styles, words=words)


def _head(title: str, home_name: str, setup: ScheduleSetup) -> list[Flowable]:
    head = [setup.text(title, "title")]
    if home_name.strip():
        head.append(setup.text(home_name, "subtitle"))
    return head


def _nothing_this_week(setup: ScheduleSetup) -> Flowable:
    """A week with nothing on it: a calendar beside plain words, not an empty sheet."""
    return quiet(
        [setup.translate(NOTHING_THIS_WEEK), setup.translate(ASK_STAFF)],
        setup,
        first=setup.styles.subheading,
        picture_size=setup.page.picture * 2,
    )


def _day_per_page(days: Sequence[DayPlan], setup: ScheduleSetup) -> list[Flowable]:
    """A day to a page; a day too full for one column on its page gets two, side by side
    in time order, rather than a second page with one activity on it."""
    story: list[Flowable] = []
    head_height = _height(_head("-", "-", setup), setup.page)
    for index, plan in enumerate(days):
        if index:
            story.append(PageBreak())
        title = day_heading(plan.day, setup.locale)
        heading = [setup.text(title, "heading")]
        one_column = day_story(
            plan,
            setup,
            heading=heading,
            section=title,
            nothing=setup.translate(NOTHING_THIS_DAY),
        )
        room = setup.frame_height - (head_height if index == 0 else 0.0)
        fits = _height(one_column, setup.page) <= room
        if fits or len(plan.activities) < 2 or not _words_fit_half(plan, setup):
            story.extend(one_column)
        else:
            story.extend(_two_columns(plan, heading, title, setup))
    return story


def _words_fit_half(plan: DayPlan, setup: ScheduleSetup) -> bool:
    """Every word of the day's activities fits whole in half the page's width."""
    lines = [
        line
        for activity in plan.activities
        for line in activity_lines(activity, setup.locale, setup.translate)
    ]
    half = (setup.page.frame_width - ROW_GAP) / 2
    room = half - setup.page.picture - setup.page.gap
    return widest_line_word(lines, setup.lines, setup.fonts) <= room


def _two_columns(
    plan: DayPlan, heading: list[Flowable], title: str, setup: ScheduleSetup
) -> list[Flowable]:
    """A full day's activities two to a row, tops level, under its heading."""
    entries = [entry(activity, setup) for activity in plan.activities]
    rows: list[Flowable] = []
    for start in range(0, len(entries), 2):
        row = Cells(entries[start : start + 2], columns=2, gap=ROW_GAP, limit=setup.frame_height)
        row.spaceAfter = setup.styles.body.fontSize * ROW_SPACE_FACTOR
        rows.append(row)
    first = Kept([*heading, rows[0]], limit=setup.frame_height)
    first.section_title = title  # type: ignore[attr-defined]  # read by layout
    return [first, *rows[1:]]


def _week_sheet(
    days: Sequence[DayPlan], title: str, home_name: str, plain: ScheduleSetup
) -> tuple[ScheduleSetup, list[Flowable]]:
    """The week in day columns at the biggest size that fits: on one sheet, or else in two
    halves (Monday to Thursday, Friday to Sunday); or, when neither fits, in rows."""
    half = (len(days) + 1) // 2
    for sheets in ([days], [days[:half], days[half:]]):
        found = _grid_story(sheets, title, home_name, plain, scale=1.0)
        if found is None:
            continue  # bigger print would not fit either
        low, high = 10, round(GRID_MAX_SCALE * 10)  # in tenths: the biggest that fits
        while low < high:
            middle = (low + high + 1) // 2
            bigger = _grid_story(sheets, title, home_name, plain, scale=middle / 10)
            if bigger is None:
                high = middle - 1
            else:
                low, found = middle, bigger
        return found
    return plain, [*_head(title, home_name, plain), *_days_in_rows(days, plain)]


def _grid_story(
    sheets: Sequence[Sequence[DayPlan]],
    title: str,
    home_name: str,
    plain: ScheduleSetup,
    *,
    scale: float,
) -> tuple[ScheduleSetup, list[Flowable]] | None:
    """The title, then a grid for each sheet's days (all with the first sheet's columns), at
    ``scale`` times clear print's sizes; None unless every one fits."""
    setup = plain
    if scale != 1:
        styles = clear_print(plain.fonts, scale=scale)
        setup = ScheduleSetup(styles, plain.page, plain.translate, plain.locale, plain.pictures_dir)
    head = _head(title, home_name, setup)
    story: list[Flowable] = [*head]
    slots = len(sheets[0])
    for index, sheet in enumerate(sheets):
        room = setup.frame_height - (_height(head, setup.page) if index == 0 else 0.0)
        grid = week_grid(sheet, setup, room=room, scale=scale, slots=slots)
        if grid is None:
            return None
        story.extend([PageBreak(), grid] if index else [grid])
    head[0].section_title = title  # type: ignore[attr-defined]  # "…, continued" on sheet 2
    return setup, story


def _days_in_rows(days: Sequence[DayPlan], setup: ScheduleSetup) -> list[Flowable]:
    """Each day a row: its name on the left, then its activities side by side, up to
    ``ROW_CELLS`` to a row (fewer when a long word needs the width), a thin rule above."""
    styles, fonts, limit = setup.styles, setup.fonts, setup.frame_height
    name_style, date_style = _day_styles(styles, scale=1.0, fonts=fonts)
    lines = text_styles(styles, title_pt=GRID_TITLE_PT)
    labels = [
        (day_name(plan.day, setup.locale), day_of_month(plan.day, setup.locale)) for plan in days
    ]
    label_width = min(
        setup.page.frame_width / 4,
        max(
            max(text_width(name, name_style, fonts), text_width(date, date_style, fonts))
            for name, date in labels
        ),
    )
    cells = _cells_per_row(days, setup, lines, label_width)
    nothing = setup.translate(NOTHING_THIS_DAY)
    story: list[Flowable] = []
    for plan, (name, date) in zip(days, labels, strict=True):
        entries: list[Flowable] = [
            entry(activity, setup, lines=lines, picture_size=GRID_PICTURE, gap=GRID_PICTURE_GAP)
            for activity in plan.activities
        ]
        chunks = [entries[start : start + cells] for start in range(0, len(entries), cells)]
        for index, chunk in enumerate(chunks or [[setup.text(nothing, lines.detail)]]):
            row = Cells(
                chunk,
                columns=cells if entries else 1,
                gap=ROW_GAP,
                limit=limit,
                label=[setup.text(name, name_style), setup.text(date, date_style)]
                if index == 0
                else (),
                label_width=label_width,
                rule=index == 0,
            )
            row.spaceAfter = styles.body.fontSize * ROW_SPACE_FACTOR
            if index == 0:
                row.section_title = day_heading(plan.day, setup.locale)  # type: ignore[attr-defined]
            story.append(row)
    return story


def _cells_per_row(
    days: Sequence[DayPlan], setup: ScheduleSetup, lines: TextStyles, label_width: float
) -> int:
    """As many activities side by side as leave every word whole (1 at least); the same on
    every day, so the week reads as a table."""
    every_line = [
        line
        for plan in days
        for activity in plan.activities
        for line in activity_lines(activity, setup.locale, setup.translate)
    ]
    widest = widest_line_word(every_line, lines, setup.fonts)
    room = setup.page.frame_width - label_width - ROW_GAP
    for cells in range(ROW_CELLS, 1, -1):
        cell = (room - (cells - 1) * ROW_GAP) / cells
        if widest <= cell - GRID_PICTURE - GRID_PICTURE_GAP:
            return cells
    return 1


def _day_styles(
    styles: ClearPrint, *, scale: float, fonts: FontSet
) -> tuple[ParagraphStyle, ParagraphStyle]:
    """A day's name and date, bold, one above the other, at the head of its column or row."""
    name_style = resized(styles.heading, GRID_HEADING_PT * scale, bold=True, fonts=fonts)
    name_style.spaceAfter = 0
    date_style = resized(styles.heading, GRID_HEADING_PT * scale, bold=True, fonts=fonts)
    return name_style, date_style


def week_grid(
    days: Sequence[DayPlan],
    setup: ScheduleSetup,
    *,
    room: float,
    scale: float = 1.0,
    slots: int | None = None,
) -> WeekGrid | None:
    """A column a day (of ``slots`` across the sheet), when the columns fit in ``room``
    (points of height) with no word or time broken in two; otherwise None. ``scale`` is
    the styles' scale."""
    styles, fonts = setup.styles, setup.fonts
    lines = text_styles(styles, title_pt=GRID_TITLE_PT * scale)
    name_style, date_style = _day_styles(styles, scale=scale, fonts=fonts)
    picture_size = GRID_PICTURE * scale
    grid = WeekGrid([[] for _ in days], gap=GRID_GAP, slots=slots)
    column = grid.column_width(setup.page.frame_width)
    words_width = column - picture_size - GRID_PICTURE_GAP
    every_line = [
        line
        for plan in days
        for activity in plan.activities
        for line in activity_lines(activity, setup.locale, setup.translate)
    ]
    times = [line.text for line in every_line if line.kind is Kind.TIME]
    others = [line for line in every_line if line.kind is not Kind.TIME]
    if widest_line_word(others, lines, fonts) > words_width:
        return None
    # A time range may break between its two times at clear print's sizes; a bigger size
    # is only worth it if every range stays on one line.
    measure = text_width if scale > 1 else widest_word
    if any(measure(time, lines.time, fonts) > column for time in times):
        return None
    if _least_height(days, setup, lines, name_style, (column, words_width)) > room:
        return None  # too tall even if no line wrapped more than it must
    nothing = setup.translate(NOTHING_THIS_DAY)
    for plan, parts in zip(days, grid.days, strict=True):
        names = (day_name(plan.day, setup.locale), day_of_month(plan.day, setup.locale))
        for words, style in zip(names, (name_style, date_style), strict=True):
            if widest_word(words, style, fonts) > column:
                return None
            parts.append(setup.text(words, style))
        for activity in plan.activities:
            parts.append(
                setup.text(time_range(activity, setup.locale, setup.translate), lines.time)
            )
            parts.append(
                entry(
                    activity,
                    setup,
                    lines=lines,
                    picture_size=picture_size,
                    gap=GRID_PICTURE_GAP,
                    with_time=False,
                )
            )
        if not plan.activities:
            parts.append(setup.text(nothing, lines.detail))
        placed = stack(parts, column, room)
        if placed[-1][1] > room:
            return None  # this day's column is too tall: no need to lay out the rest
    return grid


def _least_height(
    days: Sequence[DayPlan],
    setup: ScheduleSetup,
    lines: TextStyles,
    heading: ParagraphStyle,
    widths: tuple[float, float],
) -> float:
    """A quick lower bound on the tallest column's height (each line takes at least its
    width over the room it has), so a week that cannot fit is known before it is laid out.
    ``widths``: the column's, for the time above each activity, and its words' beside the
    picture."""
    column, words_width = widths
    tallest = 0.0
    for plan in days:
        height = 2 * heading.leading + heading.spaceAfter
        for activity in plan.activities:
            for line in activity_lines(activity, setup.locale, setup.translate):
                style = lines.of(line.kind)
                room = column if line.kind is Kind.TIME else words_width
                wraps = math.ceil(text_width(line.text, style, setup.fonts) / room)
                height += max(1, wraps) * style.leading
            height += lines.detail.fontSize * ROW_SPACE_FACTOR
        tallest = max(tallest, height)
    return tallest


def _height(story: Sequence[Flowable], page: PageShape) -> float:
    """How much of the frame ``story`` takes (with its spacing, generously counted)."""
    return sum(
        part.wrap(page.frame_width, page.size[1])[1] + part.getSpaceBefore() + part.getSpaceAfter()
        for part in story
    )
