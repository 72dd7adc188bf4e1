"""The pieces of a printed care plan: a heading beside its picture, kept on the page with the
start of what follows it; the person's words, line by line as they wrote them; and each
goal, routine and risk as an item kept whole on its page.

Long words flow on to the next page between lines, never inside one, and a heading never
ends a page: it moves over with the first lines (or the first item) under it.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kiosk.domain.care_plans import AgreedRisk, DailyRoutine, PlanGoal
from kiosk.printing import care_plan_words as words
from kiosk.printing.layout import Beside, Together
from kiosk.printing.pictures import picture
from kiosk.printing.schedule_parts import Entry, ScheduleSetup
from kiosk.printing.styles import INK

PlanSetup = ScheduleSetup  # styles, page, language and pictures: the same needs as a schedule

HEADING_PICTURE = 20 * mm  # beside a part's heading
HEADING_SPACE_BEFORE = 9 * mm  # between one part and the next heading
HEADING_SPACE_AFTER = 3 * mm
ITEM_SPACE_FACTOR = 0.8  # after a goal, routine or risk, as a share of the body text size
PARAGRAPH_SPACE_FACTOR = 0.6  # for an empty line in the person's words
LINE_BREAK_SPACE_FACTOR = 0.35  # after each of a section's lines, so they stand apart
SHORT_PARAGRAPH_LINES = 5  # a paragraph this short moves to the next page whole


class HeadingWithStart(Together):
    """A heading and the first thing under it, on one page. When they do not fit where
    they are, the first thing is split (a long paragraph between its lines, an item too
    tall for a page between its parts) so the heading still has words under it; if it
    cannot be, the two move to the next page together. Only when the two together are
    taller than a page (``limit``) is the first thing split however it can be. Begins a
    section named ``section`` (for "…, continued" on later pages)."""

    def __init__(self, heading: Flowable, first: Flowable, *, section: str, limit: float) -> None:
        super().__init__([heading, first])
        self.section_title = section
        self.limit = limit

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        heading, first = self.parts
        gap = max(heading.getSpaceAfter(), first.getSpaceBefore())
        room = avail_height - heading.wrap(avail_width, avail_height)[1] - gap
        if room <= 0:
            return []
        pieces = first.split(avail_width, room)
        if len(pieces) < 2 and self.wrap(avail_width, avail_height)[1] > self.limit:
            pieces = _split_anyway(first, avail_width, room)
        if len(pieces) < 2:
            return []
        start = Together([heading, pieces[0]])
        start.section_title = self.section_title  # type: ignore[attr-defined]  # read by layout
        return [start, *pieces[1:]]


def _split_anyway(flowable: Flowable, avail_width: float, avail_height: float) -> list[Flowable]:
    """Split a flowable that would rather move on whole (it has a ``limit`` under which it
    keeps together), because the heading above it leaves no page that could hold both."""
    if not hasattr(flowable, "limit"):
        return []
    eager = copy.copy(flowable)
    eager.limit = 0
    pieces = eager.split(avail_width, avail_height)
    for piece in pieces:  # what runs on keeps together again, as the whole would have
        if getattr(piece, "limit", None) == 0:
            piece.limit = flowable.limit
    return pieces


def heading_row(key: str, heading: str, setup: PlanSetup) -> Flowable:
    """A part's picture with its heading beside it, in bold."""
    row = Beside(
        picture(setup.pictures_dir, key, HEADING_PICTURE),
        [setup.text(heading, "subheading")],
        size=HEADING_PICTURE,
        gap=setup.page.gap,
    )
    row.spaceBefore = HEADING_SPACE_BEFORE
    row.spaceAfter = HEADING_SPACE_AFTER
    return row


def written_lines(text: str, setup: PlanSetup, style: str = "body") -> list[Flowable]:
    """The person's words with their own line breaks: a paragraph for each line, a little
    space for an empty line. Nothing at all for words that are only spaces."""
    story: list[Flowable] = []
    gap_pending = False
    for line in text.splitlines():
        if not line.strip():
            gap_pending = bool(story)
            continue
        if gap_pending:
            story.append(Spacer(1, setup.styles.body.fontSize * PARAGRAPH_SPACE_FACTOR))
            gap_pending = False
        story.append(setup.text(line, style))
    return story


def paragraphs(text: str, setup: PlanSetup) -> list[Flowable]:
    """A section's words (see :func:`written_lines`): a short paragraph is kept whole on
    one page; a longer one runs on to the next page between its lines."""
    return [
        flowable if isinstance(flowable, Spacer) else _kept_if_short(flowable, setup)
        for flowable in written_lines(text, setup)
    ]


def _kept_if_short(paragraph: Flowable, setup: PlanSetup) -> Flowable:
    body = setup.styles.body
    kept = WholeIfShort(paragraph, limit=SHORT_PARAGRAPH_LINES * body.leading)
    kept.spaceAfter = body.fontSize * LINE_BREAK_SPACE_FACTOR
    return kept


class WholeIfShort(Flowable):
    """A paragraph that moves to the next page whole when it is no taller than ``limit``;
    a taller one splits between its lines (never within one)."""

    def __init__(self, paragraph: Flowable, *, limit: float) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.limit = limit

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # Always asked again: a split that found no room may have dropped the lines.
        self.width, self.height = self.paragraph.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self.height <= self.limit + 0.01:
            return []
        return self.paragraph.split(avail_width, avail_height)

    def draw(self) -> None:
        self.canv.setFillColor(INK)
        self.paragraph.drawOn(self.canv, 0, 0)


def not_written(setup: PlanSetup) -> Flowable:
    """ "Not written yet. Would you like to talk about this?", in bold."""
    return setup.text(setup.translate(words.NOT_WRITTEN), setup.lines.warning)


def part(key: str, heading: str, body: Sequence[Flowable], setup: PlanSetup) -> list[Flowable]:
    """A heading beside its picture, then ``body`` (or "Not written yet"), the heading
    kept with the start of it."""
    rest = list(body) or [not_written(setup)]
    start = HeadingWithStart(
        heading_row(key, heading, setup), rest[0], section=heading, limit=setup.frame_height
    )
    return [start, *rest[1:]]


def item(lines: Sequence[Flowable], setup: PlanSetup) -> Flowable:
    """One goal, routine or risk: its lines kept together on a page (only one taller than
    a whole page runs on)."""
    entry = Entry(None, lines, size=0, gap=0, limit=setup.frame_height)
    entry.spaceAfter = setup.styles.body.fontSize * ITEM_SPACE_FACTOR
    return entry


def goal_item(goal: PlanGoal, setup: PlanSetup) -> Flowable:
    """The goal in the person's words, in bold; who said it; how it is going; its review."""
    extra = words.goal_lines(goal, setup.locale, setup.translate)
    return item(
        [*written_lines(goal.goal, setup, "item"), *(setup.text(line, "body") for line in extra)],
        setup,
    )


def routine_item(routine: DailyRoutine, setup: PlanSetup) -> Flowable:
    """The routine's name in bold; when; what happens, in order; the music."""
    lines = written_lines(routine.name, setup, "item")
    when = words.routine_when(routine, setup.translate)
    if when is not None:
        lines.append(setup.text(when, "body"))
    steps = written_lines(routine.steps, setup)
    if steps:
        lines.append(setup.text(setup.translate(words.ROUTINE_STEPS), setup.lines.warning))
        lines.extend(steps)
    music = words.routine_music(routine, setup.translate)
    if music is not None:
        lines.append(setup.text(music, "body"))
    return item(lines, setup)


def risk_item(risk: AgreedRisk, setup: PlanSetup) -> Flowable:
    """The risk in bold; what we agreed; who agreed it."""
    lines = written_lines(risk.risk, setup, "item")
    agreement = written_lines(risk.agreement, setup)
    if agreement:
        lines.append(setup.text(setup.translate(words.RISK_AGREED), setup.lines.warning))
        lines.extend(agreement)
    agreed_by = words.risk_agreed_by(risk, setup.translate)
    if agreed_by is not None:
        lines.append(setup.text(agreed_by, "body"))
    return item(lines, setup)
