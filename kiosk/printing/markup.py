"""Plain text into reportlab, safely: every piece of user text is escaped before it meets a
Paragraph, and each run of it is set in the font that has its letters.

reportlab's Paragraph reads a small markup language, so a dish called ``<b>bold</b>`` or
``Fish & chips`` would be read as markup (or break the paragraph) if passed in raw. Text in
one font with nothing to shape is broken into lines and drawn directly
(:class:`PlainLines`), never read as markup.
"""

from __future__ import annotations

import functools
import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Paragraph

from kiosk.printing.fonts import NO_BREAK_SPACE, FontSet, Run, breaks_words, is_invisible

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPACES = re.compile(r"[^\S\u00a0\u2007\u202f]+")  # runs of spaces, but not no-break ones
# Breaks a Paragraph makes by its own rules: at figure, narrow no-break and (sometimes)
# zero-width spaces, and at soft hyphens.
_ONLY_A_PARAGRAPH_BREAKS = re.compile("[\u2007\u202f\u200b\u00ad]")


def escape(text: str) -> str:
    """``text`` made safe to put inside Paragraph markup: it prints exactly as written.

    Control characters (which never print and can upset the parser) become spaces.
    """
    return _CONTROLS.sub(" ", text).translate(_ESCAPES)


def _drawn(run: Run) -> str:
    """The run's text as drawn: characters with no look that its font lacks (a variation
    selector after an emoji) are left out, so they cannot print as a box."""
    if run.drawable:
        return run.text
    return "".join(c for c in run.text if run.face.has(c) or not is_invisible(c))


def runs_markup(runs: list[Run], *, bold: bool) -> str:
    """Paragraph markup for runs of plain text, each escaped and set in its own font."""
    parts = []
    for run in runs:
        drawn = _drawn(run)
        if drawn:
            parts.append(f'<font name="{run.face.name(bold=bold)}">{escape(drawn)}</font>')
    return "".join(parts)


def needs_shaping(runs: list[Run], fonts: FontSet) -> bool:
    """True when some text needs HarfBuzz to join or place its letters: a script other
    than Latin (Gurmukhi), or combining accents. Plain Latin is set faster without it."""
    return any(
        run.face is not fonts.main or _COMBINING.search(run.text) is not None for run in runs
    )


def needs_plain_drawing(runs: list[Run]) -> bool:
    """True when shaping would lose letters: a character no font has, or one word drawn in
    two fonts (reportlab shapes a whole word with its first font)."""
    if not all(run.drawable for run in runs):
        return True
    previous: Run | None = None
    for run in runs:
        joined = previous is not None and not breaks_words(previous.text[-1])
        if joined and not breaks_words(run.text[0]):
            return True
        previous = run
    return False


@functools.lru_cache(maxsize=128)
def _variant(style: ParagraphStyle, font_name: str, shaping: bool) -> ParagraphStyle:
    """``style`` in another font, or with shaping on (made once per process)."""
    if font_name == style.fontName and shaping == bool(style.shaping):
        return style
    return ParagraphStyle(
        f"{style.name}-{font_name}-{int(shaping)}",
        parent=style,
        fontName=font_name,
        shaping=int(shaping),
    )


def plain_paragraph(
    text: str, style: ParagraphStyle, fonts: FontSet, *, bold: bool | None = None
) -> Paragraph:
    """A Paragraph showing ``text`` (plain words, never markup) in ``style``.

    ``bold`` defaults to the style's own weight. Text in one font (the usual case) needs no
    font tags; mixed text gets one escaped ``<font>`` run per script.
    """
    if bold is None:
        bold = style.fontName == fonts.main.bold
    runs = fonts.runs(text)
    plain = needs_plain_drawing(runs)
    if plain:
        for run in runs:
            if not run.drawable:
                fonts.keep_missing(run)
    shaping = not plain and needs_shaping(runs, fonts)
    if len(runs) == 1:
        font_name = runs[0].face.name(bold=bold)
        return Paragraph(escape(_drawn(runs[0])), _variant(style, font_name, shaping))
    return Paragraph(runs_markup(runs, bold=bold), _variant(style, style.fontName, shaping))


class PlainLines(Flowable):
    """Plain text in one font with nothing to shape, broken into lines here and drawn
    straight onto the page: far quicker than a Paragraph, with the same lines in the same
    places (reportlab's rule: as many whole words as fit on each line, its spaces allowed
    to shrink a little). Text only a Paragraph can set (a word wider than the line, which
    it must split; a soft hyphen; a space reportlab only sometimes breaks at) becomes one.
    """

    def __init__(self, text: str, style: ParagraphStyle, font_name: str, fonts: FontSet) -> None:
        super().__init__()
        self.text = _SPACES.sub(" ", _CONTROLS.sub(" ", text)).strip(" ")  # as a Paragraph
        self.style = style
        self.font_name = font_name
        self._fonts = fonts
        self._paragraph: Paragraph | None = None
        self._lines: list[tuple[str, float]] = []  # each line and its room to spare
        self._wrapped_for: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != self._wrapped_for:  # asked again at the same width: same lines
            self._wrapped_for = avail_width
            lines = self._broken(avail_width)
            self._paragraph = None
            if lines is None:
                self._paragraph = plain_paragraph(self.text, self.style, self._fonts)
            else:
                self._lines = lines
        if self._paragraph is not None:
            self.width, self.height = self._paragraph.wrap(avail_width, avail_height)
        else:
            self.width, self.height = avail_width, len(self._lines) * self.style.leading
        return self.width, self.height

    def _broken(self, width: float) -> list[tuple[str, float]] | None:
        """The lines a Paragraph would make at ``width``, or None when it must make them."""
        size = self.style.fontSize
        whole = stringWidth(self.text, self.font_name, size)
        if whole <= width:
            return [(self.text, width - whole)]
        if _ONLY_A_PARAGRAPH_BREAKS.search(self.text):
            return None
        space = stringWidth(" ", self.font_name, size)
        shrink = self.style.spaceShrinkage * space
        lines: list[tuple[str, float]] = []
        line: list[str] = []
        used = -space
        for word in self.text.split(" "):
            word_width = stringWidth(word, self.font_name, size)
            if word_width > width:
                return None  # a Paragraph splits a word too long for any line
            if used + space + word_width <= width + shrink * len(line) or not line:
                line.append(word)
                used += space + word_width
            else:
                lines.append((" ".join(line), width - used))
                line, used = [word], word_width
        lines.append((" ".join(line), width - used))
        return lines

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self._paragraph is None and len(self._lines) < 2:
            return []
        if self._paragraph is None:  # rare: lines over a page break; reportlab splits them
            self._paragraph = plain_paragraph(self.text, self.style, self._fonts)
            self._paragraph.wrap(avail_width, avail_height)
        return self._paragraph.split(avail_width, avail_height)

    def draw(self) -> None:
        self.canv.setFillColor(self.style.textColor)
        self.draw_at(self.canv, 0, 0)

    def draw_at(self, canvas: Canvas, x: float, y: float) -> None:
        """Draw with the bottom-left corner at (x, y), in the canvas's fill colour (the
        caller sets it), with no graphics state to save."""
        if self._paragraph is not None:
            self._paragraph.drawOn(canvas, x, y)
            return
        text = canvas.beginText()
        self.write_into(text, x, y)
        canvas.drawText(text)

    @property
    def drawn_plainly(self) -> bool:
        """True once wrapped into lines of our own (they can join a shared text object)."""
        return self._paragraph is None

    def write_into(self, text: PDFTextObject, x: float, y: float) -> None:
        """Add these lines to a text object, their box's bottom-left corner at (x, y)."""
        leading, size = self.style.leading, self.style.fontSize
        text.setFont(self.font_name, size)
        top = y + len(self._lines) * leading - size  # the first line's baseline
        for number, (line, spare) in enumerate(self._lines):
            text.setTextOrigin(x, top - number * leading)
            if spare < 0:  # a line that fits only with its spaces a little narrower
                spaces = line.count(" ") + line.count(NO_BREAK_SPACE)
                text.setWordSpace(spare / max(1, spaces))
                text.textOut(line)
                text.setWordSpace(0)
            else:
                text.textOut(line)


def plain_text(text: str, style: ParagraphStyle, fonts: FontSet) -> Flowable:
    """A flowable showing ``text`` in ``style``: a quick single line when it can be one
    (one font, nothing to shape), otherwise :func:`plain_paragraph`."""
    runs = fonts.runs(text)
    if len(runs) == 1 and runs[0].drawable and not needs_shaping(runs, fonts):
        bold = style.fontName == fonts.main.bold
        return PlainLines(text, style, runs[0].face.name(bold=bold), fonts)
    return plain_paragraph(text, style, fonts)
