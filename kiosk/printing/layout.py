"""Layout pieces every clear-print document shares: a picture beside its words, section
headings that say "continued" on the next page, and "Page 2 of 7" on every page.

A flowable with a ``section_title`` attribute starts a section (a day); a page that does not
begin with a new section repeats the last one's title in its top band, "…, continued".
"""

from __future__ import annotations

import functools
import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate
from reportlab.platypus.doctemplate import ActionFlowable

from kiosk.printing.markup import PlainLines, plain_text
from kiosk.printing.pictures import Picture
from kiosk.printing.styles import INK, ClearPrint, PageShape

# reportlab keeps fonts and shaping tables in process-wide state: one document at a time.
_BUILD_LOCK = threading.Lock()


class Beside(Flowable):
    """A picture with its words to the right, kept together (never split across pages).

    With no picture the words keep their place, so every row's words line up.
    """

    def __init__(
        self, picture: Flowable | None, words: Sequence[Flowable], *, size: float, gap: float
    ) -> None:
        super().__init__()
        self.picture = picture
        self.words = list(words)
        self.size = size
        self.gap = gap
        self._heights: list[float] = []
        self._wrapped_for = -1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        text_width = avail_width - self.size - self.gap
        if text_width != self._wrapped_for:  # asked again at the same width: same answer
            self._heights = [word.wrap(text_width, avail_height)[1] for word in self.words]
            self._wrapped_for = text_width
        self.width = avail_width
        self.height = max(self.size, sum(self._heights))
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # a row moves to the next page whole

    def draw(self) -> None:
        _draw_at(self.canv, self.picture, 0, self.height - self.size)
        placed = []
        y = self.height
        for word, height in zip(self.words, self._heights, strict=True):
            y -= height
            placed.append((word, self.size + self.gap, y))
        _draw_all(self.canv, placed)


class Together(Flowable):
    """Flowables one above the other, kept on one page: headings with the first row under
    them, so a heading never ends a page. (Quicker than reportlab's keepWithNext.)"""

    def __init__(self, parts: Sequence[Flowable]) -> None:
        super().__init__()
        self.parts = list(parts)
        self._placed: list[tuple[Flowable, float]] = []  # each part and its bottom edge

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self.parts[0].getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return self.parts[-1].getSpaceAfter()

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        heights = [part.wrap(avail_width, avail_height)[1] for part in self.parts]
        gaps = [
            max(above.getSpaceAfter(), below.getSpaceBefore())
            for above, below in zip(self.parts, self.parts[1:], strict=False)
        ]
        self.width, self.height = avail_width, sum(heights) + sum(gaps)
        y = self.height
        self._placed = []
        for part, height, gap in zip(self.parts, heights, [*gaps, 0.0], strict=True):
            y -= height
            self._placed.append((part, y))
            y -= gap
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # all of it moves to the next page

    def draw(self) -> None:
        _draw_all(self.canv, [(part, 0.0, bottom) for part, bottom in self._placed])


def _draw_all(canvas: Canvas, placed: Sequence[tuple[Flowable, float, float]]) -> None:
    """Draw flowables at their places, in order, in ink; lines of plain text next to each
    other share one PDF text object (far fewer operators than one each)."""
    canvas.setFillColor(INK)
    text: PDFTextObject | None = None
    for flowable, x, y in placed:
        if isinstance(flowable, PlainLines) and flowable.drawn_plainly:
            text = text or canvas.beginText()
            flowable.write_into(text, x, y)
            continue
        if text is not None:  # keep reading order: the lines so far come first
            canvas.drawText(text)
            text = None
        _draw_at(canvas, flowable, x, y)
    if text is not None:
        canvas.drawText(text)


def _draw_at(canvas: Canvas, flowable: Flowable | None, x: float, y: float) -> None:
    """Draw a wrapped flowable; ours draw straight at (x, y), saving a graphics state each."""
    if isinstance(flowable, PlainLines | Picture):
        flowable.draw_at(canvas, x, y)
    elif flowable is not None:
        flowable.drawOn(canvas, x, y)


@dataclass
class _Pages:
    """What each page started with, noted while the story is laid out."""

    sections: dict[int, str] = field(default_factory=dict)  # page number -> last section begun
    opens: dict[int, bool] = field(default_factory=dict)  # page -> does a section begin it?

    def noted(self, page: int, section: str | None) -> None:
        """A flowable was laid out on ``page``; ``section`` if it begins one."""
        self.opens.setdefault(page, section is not None)
        if section is not None:
            self.sections[page] = section

    def continuing(self, page: int) -> str | None:
        """The section a page carries on with, when it does not begin with a new one."""
        if self.opens.get(page, False):
            return None
        earlier = [number for number in self.sections if number < page]
        return self.sections[max(earlier)] if earlier else None


class _Document(BaseDocTemplate):
    def __init__(self, target: io.BytesIO, pages: _Pages, **kwargs: Any) -> None:
        super().__init__(target, **kwargs)
        self._pages = pages

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's hook
        if isinstance(flowable, ActionFlowable | PageBreak):
            return  # a page break: nothing is on the page for it
        self._pages.noted(self.page, getattr(flowable, "section_title", None))


Bands = Callable[[Canvas, int, int, bool], None]  # (canvas, page, pages, top band?)


class _NumberedCanvas(Canvas):
    """Holds every page back until the end, so each can say "Page 2 of 7".

    The top band is put first in the page's content, so text comes out in reading order.
    """

    def __init__(self, *args: Any, bands: Bands, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._bands = bands
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            body = len(self._code)
            self.saveState()  # the head must leave no font or colour behind for the body
            self._bands(self, number, total, True)
            self.restoreState()
            head = self._code[body:]
            del self._code[body:]
            self._code[0:0] = head
            self._bands(self, number, total, False)
            Canvas.showPage(self)
        Canvas.save(self)


@dataclass(frozen=True)
class DocumentWords:
    """The document's own words: its title (for the PDF's properties) and the page footer."""

    title: str
    author: str
    language: str  # a BCP 47 tag for the PDF: "en-GB", "cy", "pl", "pa"
    page_of: Callable[[int, int], str]  # (page, pages) -> "Page 2 of 7"
    continued: Callable[[str], str]  # section title -> "Monday 23 November, continued"


def build_pdf(
    story: list[Flowable], *, page: PageShape, styles: ClearPrint, words: DocumentWords
) -> bytes:
    """Lay out ``story`` on clear-print pages and return the PDF."""
    pages = _Pages()
    target = io.BytesIO()
    height = page.size[1]
    frame = Frame(
        page.margin,
        page.bottom,
        page.frame_width,
        height - page.top - page.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def bands(canvas: Canvas, number: int, total: int, top: bool) -> None:
        if not top:
            _draw_band(canvas, page, styles, words.page_of(number, total), top=False)
            return
        section = pages.continuing(number)
        if section is not None:
            _draw_band(canvas, page, styles, words.continued(section), top=True)

    document = _Document(
        target,
        pages,
        pagesize=page.size,
        pageTemplates=[PageTemplate(id="page", frames=[frame])],
        title=words.title,
        author=words.author,
        creator="Our Say",
        lang=words.language,
        leftMargin=page.margin,
        rightMargin=page.margin,
        topMargin=page.top,
        bottomMargin=page.bottom,
        invariant=1,  # the same menu gives the same bytes
        initialFontName=styles.fonts.main.regular,  # not Helvetica: every font ours, embedded
        initialFontSize=styles.body.fontSize,
        initialLeading=styles.body.leading,
    )
    with _BUILD_LOCK:
        document.build(story, canvasmaker=functools.partial(_NumberedCanvas, bands=bands))
    return target.getvalue()


def _draw_band(
    canvas: Canvas, page: PageShape, styles: ClearPrint, text: str, *, top: bool
) -> None:
    """One line in the top or bottom band, outside the text frame, always at the same place."""
    style = styles.running_head if top else styles.footer
    line = plain_text(text, style, styles.fonts)
    _, used = line.wrap(page.frame_width, page.size[1])
    y = page.size[1] - page.edge - used if top else page.edge
    canvas.setFillColor(INK)
    _draw_at(canvas, line, page.margin, y)
