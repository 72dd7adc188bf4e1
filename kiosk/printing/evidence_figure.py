"""A chart and its table, the same numbers twice: side by side (the chart on the left)
when the words under the bars fit a chart that narrow, otherwise the chart the width of
the page over its table. Kept on one page; a table too long for a page runs on under its
own header, the chart staying with its start.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from kiosk.printing.evidence_chart import SERIES_PATTERNS, BarChart, Pattern
from kiosk.printing.evidence_parts import EvidenceSetup
from kiosk.printing.schedule_parts import Kept

CHART_WIDTH_SHARE = 0.42  # of the frame, for a chart beside its table
CHART_GAP = 12.0  # between a chart and its table
CHART_HEIGHT = 220.0
WIDE_CHART_HEIGHT = 250.0


def figure(
    data: Sequence[Sequence[int]],
    labels: Sequence[Sequence[str]],
    numbers: Flowable,
    setup: EvidenceSetup,
    *,
    legend: Sequence[str] = (),
    patterns: Sequence[Pattern] = SERIES_PATTERNS,
    stacked: bool = False,
    wide: bool = False,
) -> Flowable:
    """A bar chart with ``numbers`` (its table) beside it, to the right; or, when the
    chart needs the page's width (``wide``, or words under its bars that would not fit
    side by side), the chart over its table. Kept on one page either way."""
    drawn = _chart(data, labels, setup, legend=legend, patterns=patterns, stacked=stacked,
                   wide=False)  # fmt: skip
    if not wide and not drawn.crowded:
        return ChartBeside(drawn, numbers, gap=CHART_GAP, limit=setup.frame_height)
    drawn = _chart(data, labels, setup, legend=legend, patterns=patterns, stacked=stacked,
                   wide=True)  # fmt: skip
    drawn.spaceAfter = CHART_GAP
    return Kept([drawn, numbers], limit=setup.frame_height)


def _chart(
    data: Sequence[Sequence[int]],
    labels: Sequence[Sequence[str]],
    setup: EvidenceSetup,
    *,
    legend: Sequence[str],
    patterns: Sequence[Pattern],
    stacked: bool,
    wide: bool,
) -> BarChart:
    return BarChart(
        data,
        labels,
        width=setup.width if wide else setup.width * CHART_WIDTH_SHARE,
        height=WIDE_CHART_HEIGHT if wide else CHART_HEIGHT,
        style=setup.cell,
        fonts=setup.fonts,
        number=setup.number,
        legend=legend,
        patterns=patterns,
        stacked=stacked,
    )


class ChartBeside(Flowable):
    """A chart with its table to the right, tops level, kept on one page. A table too
    long for a page runs on under its own header, the chart staying with its start."""

    def __init__(self, chart: Flowable, table: Flowable, *, gap: float, limit: float) -> None:
        super().__init__()
        self.chart = chart
        self.table = table
        self.gap = gap
        self.limit = limit

    def _table_width(self, avail_width: float) -> float:
        return avail_width - self.chart.width - self.gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        table_height = self.table.wrap(self._table_width(avail_width), avail_height)[1]
        self.width, self.height = avail_width, max(self.chart.height, table_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self.height <= self.limit or avail_height < self.chart.height:
            return []
        pieces = self.table.split(self._table_width(avail_width), avail_height)
        if len(pieces) < 2:
            return []
        first, after, *more = pieces
        return [
            ChartBeside(self.chart, first, gap=self.gap, limit=self.limit),
            ChartBeside(_Nothing(self.chart.width), after, gap=self.gap, limit=self.limit),
            *more,
        ]

    def draw(self) -> None:
        self.chart.drawOn(self.canv, 0, self.height - self.chart.height)
        self.table.drawOn(self.canv, self.chart.width + self.gap, self.height - self.table.height)


class _Nothing(Flowable):
    """The chart's place beside the rest of its table, on the next page."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width, self.height = width, 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, 0.0

    def draw(self) -> None:
        return None
