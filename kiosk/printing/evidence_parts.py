"""The pieces every part of the evidence report is made of: the setup (styles, language,
dates), a numbered section that begins a page (its heading kept with what it shows and
the start of it, and named in the next page's "…, continued"), tables in 16 pt, blocks
kept on one page, and the friendly line where there is nothing to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Spacer

from kiosk.domain.evidence import DateRange
from kiosk.printing import evidence_words as words
from kiosk.printing.care_plan_words import CONTINUED
from kiosk.printing.evidence_table import PAD_X, Grid
from kiosk.printing.schedule_parts import Kept, ScheduleSetup, text_width, widest_word
from kiosk.printing.styles import MIN_TEXT_PT, resized

TABLE_PT = MIN_TEXT_PT  # tables and the words of charts
BLOCK_SPACE_FACTOR = 1.0  # after a block (a poll, an activity), as a share of body text


@dataclass(frozen=True)
class EvidenceSetup(ScheduleSetup):
    """Styles, page, language and pictures, the report's dates, and the table's weights."""

    period: DateRange
    cell: ParagraphStyle = field(init=False)
    cell_bold: ParagraphStyle = field(init=False)
    bold: ParagraphStyle = field(init=False)  # bold body text

    def __post_init__(self) -> None:
        super().__post_init__()
        fonts, body = self.styles.fonts, self.styles.body
        object.__setattr__(self, "cell", resized(body, TABLE_PT, bold=False, fonts=fonts))
        object.__setattr__(self, "cell_bold", resized(body, TABLE_PT, bold=True, fonts=fonts))
        object.__setattr__(self, "bold", resized(body, body.fontSize, bold=True, fonts=fonts))

    @property
    def width(self) -> float:
        return self.page.frame_width

    def words(self, message: str) -> str:
        return self.translate(message)

    def number(self, value: float) -> str:
        return words.number(round(value), self.locale)

    def percent(self, value: float | None) -> str:
        return words.percent(value, self.locale)

    def line(
        self, text: str, style: ParagraphStyle | str = "body", *, after: float = 0
    ) -> Flowable:
        flowable = self.text(text, style)
        flowable.spaceAfter = after
        return flowable


def section(
    position: int,
    title_id: str,
    shows_id: str,
    body: Sequence[Flowable],
    setup: EvidenceSetup,
    *,
    short_id: str | None = None,
) -> list[Flowable]:
    """A numbered section on a new page: its heading, the line saying what it shows, and
    ``body``, the heading kept with the start of the body. The title (or ``short_id``
    when the title is too long for one line there) names the section in the running head
    of the pages it continues on."""
    title = words.numbered(position, setup.words(title_id), setup.translate)
    heading = setup.text(title, "heading")
    shows = setup.line(setup.words(shows_id), after=setup.styles.body.fontSize)
    start = Kept([heading, shows, *body[:1]], limit=setup.frame_height)
    running = title
    if short_id is not None and not _fits_running_head(title, setup):
        running = words.numbered(position, setup.words(short_id), setup.translate)
    start.section_title = running  # type: ignore[attr-defined]  # read by layout
    return [PageBreak(), start, *body[1:]]


def _fits_running_head(title: str, setup: EvidenceSetup) -> bool:
    head = setup.words(CONTINUED).format(section=title)
    return text_width(head, setup.styles.running_head, setup.fonts) <= setup.width


def quiet(message: str, setup: EvidenceSetup) -> Flowable:
    """ "No polls closed between … and …": a section with nothing to show."""
    text = words.in_period(message, setup.period, setup.locale, setup.translate)
    return setup.line(text, setup.bold)


def table(
    header: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    shares: Sequence[float],
    setup: EvidenceSetup,
    *,
    groups: Sequence[int] = (),
    bold_columns: Sequence[int] = (),
) -> Grid:
    """A table of plain words in 16 pt: the header in bold, and any ``bold_columns``. No
    column is narrower than its widest word."""
    bold = frozenset(bold_columns)
    fonts = setup.fonts
    minimums = [0.0] * len(shares)

    def cell(text: str, column: int, style: ParagraphStyle) -> Flowable:
        minimums[column] = max(minimums[column], widest_word(text, style, fonts) + 2 * PAD_X)
        return setup.text(text, style)

    head = None
    if header is not None:
        head = [cell(text, column, setup.cell_bold) for column, text in enumerate(header)]
    body = [
        [
            cell(text, column, setup.cell_bold if column in bold else setup.cell)
            for column, text in enumerate(row)
        ]
        for row in rows
    ]
    return Grid(
        head, body, shares=shares, limit=setup.frame_height, groups=groups, minimums=minimums
    )


def block(parts: Sequence[Flowable], setup: EvidenceSetup) -> Flowable:
    """Lines and figures kept together on a page (apart only if taller than a page), with
    a line's space after them."""
    space = Spacer(1, setup.styles.body.fontSize * BLOCK_SPACE_FACTOR)
    return Kept([*parts, space], limit=setup.frame_height)
