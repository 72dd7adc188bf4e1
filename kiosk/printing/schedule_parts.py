"""The pieces of a printed schedule shared by the week (A4 and A3) and the "Today" poster:
an activity as a picture beside its words, a day with its activities (or friendly words
when there are none), and the flowables that keep each activity whole on its page.

An activity never splits across pages; only one too tall for a whole page (a very long
cancellation note, say) is allowed to run on, so nothing is ever lost or clipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from kiosk.domain.week import ActivityOnDay, DayPlan
from kiosk.printing.fonts import FontSet, breaks_words
from kiosk.printing.layout import Beside, DocumentWords, Together
from kiosk.printing.markup import plain_text
from kiosk.printing.menu_words import CONTINUED, PAGE_OF, Translate
from kiosk.printing.pictures import picture
from kiosk.printing.schedule_words import Kind, Line, activity_lines
from kiosk.printing.styles import INK, ClearPrint, PageShape, resized

ROW_SPACE_FACTOR = 0.6  # space after an activity, as a share of the body text size
RULE_WIDTH = 0.75  # the thin line between the days of the week sheet
RULE_SPACE = 6.0  # between a day's rule and its words
NOTHING_PICTURE = "calendar"  # beside the words of a day or week with nothing planned


@dataclass(frozen=True)
class TextStyles:
    """The styles an activity's lines are set in."""

    time: ParagraphStyle
    title: ParagraphStyle
    warning: ParagraphStyle  # bold body text
    detail: ParagraphStyle

    def of(self, kind: Kind) -> ParagraphStyle:
        style: ParagraphStyle = getattr(self, kind.value)  # a kind's value names its field
        return style


def text_styles(styles: ClearPrint, *, title_pt: float | None = None) -> TextStyles:
    """Body text for times and details, bold for the title and any warning; ``title_pt``
    sets a narrow column's titles at body size."""
    fonts, body = styles.fonts, styles.body
    title = styles.item
    if title_pt is not None:
        title = resized(styles.item, title_pt, bold=True, fonts=fonts)
    warning = resized(body, body.fontSize, bold=True, fonts=fonts)
    return TextStyles(time=body, title=title, warning=warning, detail=body)


@dataclass(frozen=True)
class ScheduleSetup:
    """What every part of a schedule needs: styles, page, language and pictures."""

    styles: ClearPrint
    page: PageShape
    translate: Translate
    locale: str
    pictures_dir: Path
    lines: TextStyles = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", text_styles(self.styles))

    @property
    def fonts(self) -> FontSet:
        return self.styles.fonts

    @property
    def frame_height(self) -> float:
        return self.page.size[1] - self.page.top - self.page.bottom

    def text(self, words: str, style: ParagraphStyle | str) -> Flowable:
        chosen = getattr(self.styles, style) if isinstance(style, str) else style
        return plain_text(words, chosen, self.styles.fonts)


class Entry(Beside):
    """A picture beside its words, kept whole on one page. Only an entry taller than a whole
    page (``limit``) splits, between its lines (or within its longest one)."""

    def __init__(
        self,
        picture: Flowable | None,
        words: Sequence[Flowable],
        *,
        size: float,
        gap: float,
        limit: float,
    ) -> None:
        super().__init__(picture, words, size=size, gap=gap)
        self.limit = limit

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self.height <= self.limit:
            return []  # it moves to the next page whole
        fitted, used = 0, 0.0
        while fitted < len(self.words) and used + self._heights[fitted] <= avail_height:
            used += self._heights[fitted]
            fitted += 1
        first, rest = list(self.words[:fitted]), list(self.words[fitted:])
        if not rest:
            return []  # only its picture is too tall here: it moves on whole
        if not first:
            parts = rest[0].split(avail_width - self.size - self.gap, avail_height)
            if len(parts) < 2:
                self._wrapped_for = -1.0  # a failed split may drop a Paragraph's lines
                return []
            first, rest = [parts[0]], [*parts[1:], *rest[1:]]
        head = Beside(self.picture, first, size=self.size, gap=self.gap)
        head.spaceAfter = 0
        tail = Entry(None, rest, size=self.size, gap=self.gap, limit=self.limit)
        tail.spaceAfter = self.getSpaceAfter()
        return [head, tail]


class Kept(Together):
    """A heading kept with the first entry under it; apart only if together they are taller
    than a page."""

    def __init__(self, parts: Sequence[Flowable], *, limit: float) -> None:
        super().__init__(parts)
        self.limit = limit

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self.height <= self.limit:
            return []
        return _fitting_first(self, list(self.parts), avail_width, avail_height)


class Cells(Flowable):
    """Entries side by side in ``columns`` equal cells, tops level, after an optional
    ``label`` (a day's name) in a column ``label_width`` wide, with a thin rule above when
    ``rule``: one row of a day when the week's days run in rows. Kept whole on a page; an
    impossibly tall row becomes its parts, one under the other."""

    def __init__(
        self,
        entries: Sequence[Flowable],
        *,
        columns: int,
        gap: float,
        limit: float,
        label: Sequence[Flowable] = (),
        label_width: float = 0.0,
        rule: bool = False,
    ) -> None:
        super().__init__()
        self.entries = list(entries)
        self.columns = columns
        self.gap = gap
        self.limit = limit
        self.label = list(label)
        self.label_width = label_width
        self.rule = rule
        self._heights: list[float] = []
        self._label_heights: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._start = self.label_width + self.gap if self.label_width else 0.0
        room = avail_width - self._start - (self.columns - 1) * self.gap
        self._cell = room / self.columns
        self._heights = [entry.wrap(self._cell, avail_height)[1] for entry in self.entries]
        self._label_heights = [part.wrap(self.label_width, avail_height)[1] for part in self.label]
        tallest = max([sum(self._label_heights), *self._heights])
        self.width, self.height = avail_width, tallest + (RULE_SPACE if self.rule else 0.0)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self.height <= self.limit:
            return []
        label = [Together(self.label)] if self.label else []
        return _fitting_first(self, [*label, *self.entries], avail_width, avail_height)

    def draw(self) -> None:
        canvas, top = self.canv, self.height
        if self.rule:
            canvas.saveState()
            canvas.setStrokeColor(INK)
            canvas.setLineWidth(RULE_WIDTH)
            canvas.line(0, top, self.width, top)
            canvas.restoreState()
            top -= RULE_SPACE
        canvas.setFillColor(INK)
        y = top
        for part, height in zip(self.label, self._label_heights, strict=True):
            y -= height
            part.drawOn(canvas, 0, y)
        for index, (entry, height) in enumerate(zip(self.entries, self._heights, strict=True)):
            entry.drawOn(canvas, self._start + index * (self._cell + self.gap), top - height)


def _fitting_first(
    whole: Flowable, parts: list[Flowable], avail_width: float, avail_height: float
) -> list[Flowable]:
    """``whole``'s ``parts`` one under the other, the first fitted into ``avail_height``
    (split if it must be), and starting ``whole``'s section if it starts one; nothing when
    even that cannot be done here (the next page will)."""
    first = parts[0]
    if first.wrap(avail_width, avail_height)[1] <= avail_height:
        pieces = parts
    else:
        pieces = first.split(avail_width, avail_height)
        pieces = [*pieces, *parts[1:]] if pieces else []
    section = getattr(whole, "section_title", None)
    if pieces and section is not None:
        pieces[0].section_title = section  # type: ignore[attr-defined]  # read by layout
    return pieces


class WeekGrid(Flowable):
    """Days side by side: a column each (of ``slots`` equal columns across the sheet, so two
    sheets of a week line up), each a heading and its entries, with a thin line between the
    days. Used only when every column fits the sheet."""

    def __init__(
        self, columns: Sequence[Sequence[Flowable]], *, gap: float, slots: int | None = None
    ) -> None:
        super().__init__()
        self.days = [list(column) for column in columns]
        self.slots = max(slots or 0, len(self.days))
        self.gap = gap
        self._placed: list[list[tuple[Flowable, float]]] = []

    def column_width(self, avail_width: float) -> float:
        return (avail_width - (self.slots - 1) * self.gap) / self.slots

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width = self.column_width(avail_width)
        self._column = width
        self._placed = [stack(column, width, avail_height) for column in self.days]
        tallest = max((placed[-1][1] for placed in self._placed if placed), default=0.0)
        self.width, self.height = avail_width, tallest
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(RULE_WIDTH)
        for index in range(1, len(self.days)):
            x = index * (self._column + self.gap) - self.gap / 2
            canvas.line(x, 0, x, self.height)
        canvas.restoreState()
        canvas.setFillColor(INK)
        for index, placed in enumerate(self._placed):
            x = index * (self._column + self.gap)
            for part, depth in placed:
                part.drawOn(canvas, x, self.height - depth)


def stack(
    parts: Sequence[Flowable], width: float, avail_height: float
) -> list[tuple[Flowable, float]]:
    """``parts`` one under the other in a column ``width`` wide: each with the depth of its
    bottom edge below the column's top (the last one's is the column's height)."""
    placed: list[tuple[Flowable, float]] = []
    y = 0.0
    for index, part in enumerate(parts):
        if index:
            y += max(parts[index - 1].getSpaceAfter(), part.getSpaceBefore())
        y += part.wrap(width, avail_height)[1]
        placed.append((part, y))
    return placed


def entry(
    activity: ActivityOnDay,
    setup: ScheduleSetup,
    *,
    lines: TextStyles | None = None,
    picture_size: float | None = None,
    gap: float | None = None,
    with_time: bool = True,
) -> Entry:
    """An activity as a row: its picture, then its lines (time, title in bold, "Cancelled:
    ..." in bold, place, who leads it, "You asked for this"). Without ``with_time`` the
    caller sets the time above the row."""
    lines = lines or setup.lines
    size = setup.page.picture if picture_size is None else picture_size
    words = [
        setup.text(line.text, lines.of(line.kind))
        for line in activity_lines(activity, setup.locale, setup.translate)
        if with_time or line.kind is not Kind.TIME
    ]
    row = Entry(
        picture(setup.pictures_dir, activity.picture, size),
        words,
        size=size,
        gap=setup.page.gap if gap is None else gap,
        limit=setup.frame_height,
    )
    row.spaceAfter = lines.detail.fontSize * ROW_SPACE_FACTOR
    return row


def quiet(
    words: Sequence[str],
    setup: ScheduleSetup,
    *,
    first: ParagraphStyle | None = None,
    picture_size: float | None = None,
) -> Flowable:
    """Friendly words where there is nothing to list, beside a calendar: the first line in
    ``first`` (bold body text unless given), any more in body text."""
    size = setup.page.picture if picture_size is None else picture_size
    lines = [setup.text(words[0], first or setup.lines.warning)]
    lines.extend(setup.text(more, setup.lines.detail) for more in words[1:])
    return Entry(
        picture(setup.pictures_dir, NOTHING_PICTURE, size),
        lines,
        size=size,
        gap=setup.page.gap,
        limit=setup.frame_height,
    )


def day_story(
    plan: DayPlan,
    setup: ScheduleSetup,
    *,
    heading: Sequence[Flowable],
    section: str | None,
    nothing: str,
) -> list[Flowable]:
    """A day's activities in time order under ``heading`` (kept with the first one), or
    ``nothing`` in words. ``section`` names the day in the next page's "…, continued"."""
    rows: list[Flowable] = [entry(activity, setup) for activity in plan.activities]
    if not rows:
        rows = [quiet([nothing], setup)]
    story: list[Flowable] = [Kept([*heading, rows[0]], limit=setup.frame_height), *rows[1:]]
    if section is not None:
        story[0].section_title = section  # type: ignore[attr-defined]  # read by layout
    return story


def text_width(text: str, style: ParagraphStyle, fonts: FontSet) -> float:
    """The width ``text`` takes on one line in ``style``, each run in its own font."""
    bold = style.fontName == fonts.main.bold
    return sum(
        stringWidth(run.text, run.face.name(bold=bold), style.fontSize) for run in fonts.runs(text)
    )


def widest_word(text: str, style: ParagraphStyle, fonts: FontSet) -> float:
    """The width of the widest single word of ``text`` in ``style``: a column narrower than
    this would have to break a word in two. (Remembered: layouts ask again and again.)"""
    key = (id(fonts), text, style.fontName, style.fontSize)
    found = _WIDEST.get(key)
    if found is None:
        found = max((text_width(word, style, fonts) for word in _words(text)), default=0.0)
        if len(_WIDEST) >= WIDEST_CACHE_SIZE:
            _WIDEST.clear()
        _WIDEST[key] = found
    return found


# Registered font sets live as long as the process, so their ids are stable keys.
_WIDEST: dict[tuple[int, str, str, float], float] = {}
WIDEST_CACHE_SIZE = 8192


def widest_line_word(lines: Sequence[Line], styles: TextStyles, fonts: FontSet) -> float:
    """The widest single word among an activity's ``lines``, each in its own style."""
    return max((widest_word(line.text, styles.of(line.kind), fonts) for line in lines), default=0.0)


def document_words(
    title: str, home_name: str, setup: ScheduleSetup, *, number_one_page: bool = True
) -> DocumentWords:
    """The PDF's title and the footer ("Page 2 of 7"); a poster of one page may go without."""
    translate = setup.translate

    def page_of(page: int, pages: int) -> str:
        if pages == 1 and not number_one_page:
            return ""
        return translate(PAGE_OF).format(page=page, pages=pages)

    return DocumentWords(
        title=title,
        author=home_name,
        language=setup.locale.replace("_", "-"),
        page_of=page_of,
        continued=lambda section: translate(CONTINUED).format(day=section),
    )


def _words(text: str) -> list[str]:
    words, current = [], []
    for char in text:
        if breaks_words(char):
            if current:
                words.append("".join(current))
            current = []
        else:
            current.append(char)
    if current:
        words.append("".join(current))
    return words
