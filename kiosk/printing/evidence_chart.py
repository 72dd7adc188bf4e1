"""Bar charts for the evidence report, readable in black and white: each series has its
own pattern (solid black, diagonal lines, crossed lines, plain white), named in a legend
under the chart beside a square of that pattern. (A table of the same numbers always
stands beside or under the chart: see ``evidence_figure``.)

The bars, axes and numbers are a reportlab ``Drawing`` (``VerticalBarChart``) in our own
font at 16 pt; the words under the bars (months, years, choice numbers) are set like any
other words in the report, so Punjabi months are shaped in their own font.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from enum import Enum

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Group, Path, Rect
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from kiosk.printing.fonts import FontSet
from kiosk.printing.markup import PlainLines, plain_text
from kiosk.printing.schedule_parts import text_width
from kiosk.printing.styles import INK, MIN_TEXT_PT

AXIS_PT = MIN_TEXT_PT  # numbers on the value axis
HATCH_GAP = 4.0  # between the lines of a patterned bar
HATCH_WIDTH = 0.9
BAR_OUTLINE = 1.0
GRID_GREY = colors.Color(0.6, 0.6, 0.6)
SWATCH = 16.0  # the pattern's square in the legend
SWATCH_GAP = 4.0
LABEL_GAP = 4.0  # between the axis and the words under it
LABEL_SPACE = 6.0  # at least, between the words under two neighbouring categories
MOST_TICKS = 5
TICK_GAP = 5.0  # between the value axis and its numbers
LEGEND_GAP = 8.0  # between the words under the bars and the legend
LEGEND_ITEM_GAP = 16.0


class Pattern(Enum):
    """How a series' bars are filled: never by colour alone."""

    SOLID = "solid"
    DIAGONAL = "diagonal"
    CROSSED = "crossed"
    WHITE = "white"


SERIES_PATTERNS = (Pattern.SOLID, Pattern.DIAGONAL, Pattern.CROSSED, Pattern.WHITE)


def patterned(rect: tuple[float, float, float, float], pattern: Pattern) -> Group:
    """A bar (x, y, width, height) filled with ``pattern`` and outlined in black."""
    x, y, width, height = rect
    group = Group()
    solid = pattern is Pattern.SOLID
    group.add(
        Rect(
            x,
            y,
            width,
            height,
            fillColor=INK if solid else colors.white,
            strokeColor=INK,
            strokeWidth=BAR_OUTLINE,
        )
    )
    segments = []
    if pattern in (Pattern.DIAGONAL, Pattern.CROSSED):
        segments.extend(_hatch(x, y, width, height, rising=True))
    if pattern is Pattern.CROSSED:
        segments.extend(_hatch(x, y, width, height, rising=False))
    if segments:  # one path of many lines: quick to draw, however many bars
        lines = Path(strokeColor=INK, strokeWidth=HATCH_WIDTH, fillColor=None)
        for x0, y0, x1, y1 in segments:
            lines.moveTo(x0, y0)
            lines.lineTo(x1, y1)
        group.add(lines)
    return group


def _hatch(
    x: float, y: float, width: float, height: float, *, rising: bool
) -> list[tuple[float, float, float, float]]:
    """45° lines across a rectangle, clipped to it: rising (/) or falling (\\)."""
    segments = []
    across = HATCH_GAP / 2
    while across < width + height:
        if rising:  # v = u - shift, in the box's own coordinates
            shift = across - height
            u0, u1 = max(0.0, shift), min(width, height + shift)
            v0, v1 = u0 - shift, u1 - shift
        else:  # v = across - u
            u0, u1 = max(0.0, across - height), min(width, across)
            v0, v1 = across - u0, across - u1
        if u1 > u0:
            segments.append((x + u0, y + v0, x + u1, y + v1))
        across += HATCH_GAP
    return segments


class _PatternedBars(VerticalBarChart):
    """reportlab's grouped (or stacked) bars, each series in its own pattern."""

    _attrMap = AttrMap(  # noqa: N815 - reportlab's name
        BASE=VerticalBarChart, patterns=AttrMapValue(None, desc="each series's pattern")
    )
    patterns: Sequence[Pattern] = SERIES_PATTERNS

    def _makeBar(  # noqa: N802 - reportlab's name
        self,
        g: Group,
        x: float,
        y: float,
        width: float,
        height: float,
        rowNo: int,  # noqa: N803 - reportlab's name
        style: object,
    ) -> None:
        g.add(patterned((x, y, width, height), self.patterns[rowNo % len(self.patterns)]))


def swatch(pattern: Pattern, font_name: str) -> Drawing:
    """A small square of a series' pattern, for the legend. (``font_name``: the drawing's
    starting font, which reportlab sets even with no text: one of ours, embedded.)"""
    drawing = Drawing(SWATCH, SWATCH)
    drawing.initialFontName = font_name
    drawing.add(patterned((0.5, 0.5, SWATCH - 1, SWATCH - 1), pattern))
    return drawing


def nice_scale(largest: float) -> tuple[float, float]:
    """The top of the value axis and its step: whole numbers, at most five steps."""
    largest = max(1.0, largest)
    magnitude = 10 ** math.floor(math.log10(largest))
    for factor in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10):
        step = max(1.0, float(factor * magnitude))
        if step.is_integer() and math.ceil(largest / step) <= MOST_TICKS:
            return step * math.ceil(largest / step), step
    return largest, largest  # not reached


class BarChart(Flowable):
    """Bars for ``data`` (one sequence per series, one number per category) with
    ``labels`` under each category (each label one or more short lines) and, under those,
    a ``legend`` naming each series beside its pattern. Grouped bars, or ``stacked``
    ones. Drawn ``width`` by ``height`` points, its words included."""

    def __init__(
        self,
        data: Sequence[Sequence[int]],
        labels: Sequence[Sequence[str]],
        *,
        width: float,
        height: float,
        style: ParagraphStyle,
        fonts: FontSet,
        number: Callable[[float], str],
        legend: Sequence[str] = (),
        patterns: Sequence[Pattern] = SERIES_PATTERNS,
        stacked: bool = False,
    ) -> None:
        super().__init__()
        self.data = tuple(tuple(series) for series in data)
        self.labels = tuple(tuple(lines) for lines in labels)
        self.legend = tuple(legend)
        self.width, self.height = width, height
        self.style = style
        self.fonts = fonts
        self.stacked = stacked
        self.patterns = tuple(patterns)
        lines = max((len(label) for label in self.labels), default=1)
        self._key = _Key(
            [(pattern, plain_text(words, style, fonts), text_width(words, style, fonts))
             for pattern, words in zip(self.patterns, self.legend, strict=False)],
            width,
            fonts.main.regular,
        )  # fmt: skip
        self._label_height = lines * style.leading + LABEL_GAP
        self._below = self._label_height + (self._key.height + LEGEND_GAP if self.legend else 0)
        self._chart = self._make_chart(number)
        self._drawing = self._make_drawing()
        self._words = [[plain_text(line, style, fonts) for line in label] for label in self.labels]

    def _make_chart(self, number: Callable[[float], str]) -> _PatternedBars:
        chart = _PatternedBars()
        chart.patterns = self.patterns
        chart.data = [list(series) for series in self.data]
        if self.stacked:
            tops = [sum(column) for column in zip(*self.data, strict=True)] or [0]
            chart.categoryAxis.style = "stacked"
        else:
            tops = [max(series, default=0) for series in self.data] or [0]
        top, step = nice_scale(max(tops))
        axis = chart.valueAxis
        axis.valueMin, axis.valueMax, axis.valueStep = 0, top, step
        axis.labels.fontName = self.fonts.main.regular
        axis.labels.fontSize = AXIS_PT
        axis.labels.dx = -TICK_GAP
        axis.tickLeft = 0
        axis.labelTextFormat = number
        axis.visibleGrid = 1
        axis.gridStrokeColor = GRID_GREY
        axis.gridStrokeWidth = 0.5
        axis.strokeColor = INK
        numbers_width = max(
            stringWidth(number(step * tick), self.fonts.main.regular, AXIS_PT)
            for tick in range(round(top / step) + 1)
        )
        chart.categoryAxis.visibleLabels = 0
        chart.categoryAxis.visibleTicks = 0
        chart.categoryAxis.strokeColor = INK
        chart.x = numbers_width + TICK_GAP + 2
        chart.y = AXIS_PT / 2
        chart.width = self.width - chart.x - 2
        chart.height = self.height - self._below - AXIS_PT
        series = max(1, len(self.data))
        chart.barWidth = 10
        chart.barSpacing = 0 if self.stacked or series == 1 else 1
        chart.groupSpacing = 6 if self.stacked or series == 1 else 3 * series
        return chart

    def _make_drawing(self) -> Drawing:
        drawing = Drawing(self.width, self.height - self._below)
        drawing.initialFontName = self.fonts.main.regular  # never Helvetica, even unused
        drawing.initialFontSize = AXIS_PT
        drawing.add(self._chart)
        return drawing

    @property
    def crowded(self) -> bool:
        """True when the words under the bars are wider than their share of the axis."""
        across = self._chart.width / max(1, len(self.labels))
        widest = max(
            (text_width(line, self.style, self.fonts) for label in self.labels for line in label),
            default=0.0,
        )
        return widest + LABEL_SPACE > across

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canvas = self.canv
        self._drawing.drawOn(canvas, 0, self._below)
        chart = self._chart
        across = chart.width / max(1, len(self.labels))
        canvas.setFillColor(INK)
        for index, words in enumerate(self._words):
            middle = chart.x + (index + 0.5) * across
            y = self._below + chart.y - LABEL_GAP
            for line, flowable in zip(self.labels[index], words, strict=True):
                width = text_width(line, self.style, self.fonts)
                y -= flowable.wrap(width + 1, self.height)[1]
                _draw(canvas, flowable, middle - width / 2, y)
        if self.legend:
            self._key.draw_at(canvas, chart.x, self._key.height)


class _Key:
    """The legend: each series' pattern beside its name, in rows across the chart."""

    def __init__(
        self, items: Sequence[tuple[Pattern, Flowable, float]], width: float, font_name: str
    ) -> None:
        self.font_name = font_name
        self.placed: list[tuple[Pattern, Flowable, float, float]] = []  # item, x, depth
        x = depth = row_height = 0.0
        for pattern, words, words_width in items:
            room = min(words_width + 1, width - SWATCH - SWATCH_GAP)
            height = max(SWATCH, words.wrap(room, 1e6)[1])
            item_width = SWATCH + SWATCH_GAP + room
            if x and x + item_width > width:
                x, depth, row_height = 0.0, depth + row_height + SWATCH_GAP, 0.0
            self.placed.append((pattern, words, x, depth))
            row_height = max(row_height, height)
            x += item_width + LEGEND_ITEM_GAP
        self.height = depth + row_height

    def draw_at(self, canvas: Canvas, x: float, top: float) -> None:
        for pattern, words, left, depth in self.placed:
            y = top - depth
            renderPDF.draw(swatch(pattern, self.font_name), canvas, x + left, y - SWATCH)
            canvas.setFillColor(INK)
            _draw(canvas, words, x + left + SWATCH + SWATCH_GAP, y - words.height)


def _draw(canvas: Canvas, flowable: Flowable, x: float, y: float) -> None:
    if isinstance(flowable, PlainLines):
        flowable.draw_at(canvas, x, y)
    else:
        flowable.drawOn(canvas, x, y)
