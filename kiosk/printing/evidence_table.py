"""A clear-print table for the evidence report: rows of plain text in fixed columns, thin
black rules, a bold header row repeated on every page the table runs on to.

Each cell is measured once per width; a table that runs over pages splits between rows
and hands the measurements to the rest, so a table of a thousand rows is laid out in
linear time. A row never splits, unless it alone is taller than a page (then its cells
run on line by line, so nothing is lost).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from kiosk.printing.markup import PlainLines
from kiosk.printing.styles import INK

PAD_X = 4.0  # between a cell's rule and its words
PAD_Y = 2.5
RULE = 0.5  # between rows and columns
HEAVY_RULE = 1.5  # under the header, and between groups of rows
TALL = 1e6  # room enough for any cell's height
LONGEST_MINIMUM = 0.5  # of the table's width: the most a column's widest word may claim

Row = Sequence[Flowable]


@dataclass(frozen=True, slots=True)
class _Measured:
    width: float
    columns: tuple[float, ...]  # each column's width
    header: float  # the header row's height (0 with no header)
    rows: tuple[float, ...]  # each row's height


class Grid(Flowable):
    """Rows of cells in columns whose widths are ``shares`` of the width available.

    ``header`` (bold words) heads the table on each page; ``groups`` are the indexes of
    rows that begin a new group, with a heavier rule above them. ``minimums`` are the
    narrowest each column may be (its widest word, so no word is broken): a column is
    widened to its minimum at the cost of the others. ``limit`` is the height of a whole
    page's frame: only a row taller than a page is ever split.
    """

    def __init__(
        self,
        header: Row | None,
        rows: Sequence[Row],
        *,
        shares: Sequence[float],
        limit: float,
        groups: Sequence[int] = (),
        minimums: Sequence[float] | None = None,
    ) -> None:
        super().__init__()
        total = sum(shares)
        self.shares = tuple(share / total for share in shares)
        self.minimums = tuple(minimums) if minimums is not None else (0.0,) * len(shares)
        self.header = list(header) if header is not None else None
        self.rows = [list(row) for row in rows]
        self.limit = limit
        self.groups = frozenset(groups)
        self._measured: _Measured | None = None

    # -- measuring -----------------------------------------------------------------------

    def _measure(self, avail_width: float) -> _Measured:
        found = self._measured
        if found is not None and found.width == avail_width:
            return found
        columns = fitted_columns(avail_width, self.shares, self.minimums)
        header = 0.0 if self.header is None else _row_height(self.header, columns)
        rows = tuple(_row_height(row, columns) for row in self.rows)
        self._measured = _Measured(avail_width, columns, header, rows)
        return self._measured

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        measured = self._measure(avail_width)
        self.width = avail_width
        self.height = measured.header + sum(measured.rows)
        return self.width, self.height

    # -- splitting over pages ------------------------------------------------------------

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        measured = self._measure(avail_width)
        room = avail_height - measured.header
        fitted, used = 0, 0.0
        while fitted < len(self.rows) and used + measured.rows[fitted] <= room:
            used += measured.rows[fitted]
            fitted += 1
        if fitted == len(self.rows):
            return []
        if fitted == 0:
            if self.rows and measured.rows[0] > self.limit - measured.header:
                return self._split_first_row(measured, room)
            return []  # the next row moves to the next page, under the header again
        return [self._part(0, fitted, measured), self._part(fitted, len(self.rows), measured)]

    def _part(self, start: int, end: int, measured: _Measured) -> Grid:
        part = Grid(
            self.header,
            self.rows[start:end],
            shares=self.shares,
            limit=self.limit,
            minimums=self.minimums,
        )
        part.groups = frozenset(index - start for index in self.groups if start < index < end)
        part._measured = _Measured(
            measured.width, measured.columns, measured.header, measured.rows[start:end]
        )
        return part

    def _split_first_row(self, measured: _Measured, room: float) -> list[Flowable]:
        """A row taller than a page: each cell's first lines here, the rest after."""
        if room <= 2 * PAD_Y:
            return []
        first: list[Flowable] = []
        rest: list[Flowable] = []
        for cell, width in zip(self.rows[0], measured.columns, strict=True):
            inner = width - 2 * PAD_X
            height = cell.wrap(inner, TALL)[1]
            if height <= room - 2 * PAD_Y:
                first.append(cell)
                rest.append(_Blank())
                continue
            pieces = cell.split(inner, room - 2 * PAD_Y)
            if len(pieces) < 2:
                return []
            first.append(pieces[0])
            rest.append(_Stack(pieces[1:]))
        head = Grid(
            self.header, [first], shares=self.shares, limit=self.limit, minimums=self.minimums
        )
        tail = Grid(
            self.header,
            [rest, *self.rows[1:]],
            shares=self.shares,
            limit=self.limit,
            minimums=self.minimums,
        )
        tail.groups = self.groups
        return [head, tail]

    # -- drawing -------------------------------------------------------------------------

    def draw(self) -> None:
        measured = self._measure(self.width)
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setFillColor(INK)
        top = self.height
        if self.header is not None:
            _draw_row(canvas, self.header, measured.columns, top)
            top -= measured.header
        y = top
        for index, (row, height) in enumerate(zip(self.rows, measured.rows, strict=True)):
            _draw_row(canvas, row, measured.columns, y)
            y -= height
            if index + 1 < len(self.rows):
                heavy = index + 1 in self.groups
                _rule(canvas, 0, self.width, y, HEAVY_RULE if heavy else RULE)
        # The box, the columns, and the heavy rule under the header.
        _rule(canvas, 0, self.width, self.height, RULE)
        _rule(canvas, 0, self.width, 0, RULE)
        if self.header is not None:
            _rule(canvas, 0, self.width, top, HEAVY_RULE)
        canvas.setLineWidth(RULE)
        x = 0.0
        for width in (0.0, *measured.columns):
            x += width
            canvas.line(x, 0, x, self.height)
        canvas.restoreState()


def fitted_columns(
    width: float, shares: Sequence[float], minimums: Sequence[float]
) -> tuple[float, ...]:
    """Column widths summing to ``width``: each its share, but none under its minimum
    (the room comes from the columns with some to spare). No minimum asks for more than
    half the width (or its share, if more): a word wider than that is broken over lines.
    When the minimums alone are wider than ``width``, every column shrinks in step, and
    a Paragraph breaks the words."""
    columns = [share * width for share in shares]
    minimums = [
        min(minimum, max(column, width * LONGEST_MINIMUM))
        for minimum, column in zip(minimums, columns, strict=True)
    ]
    for _ in columns:
        short = [i for i, column in enumerate(columns) if column < minimums[i] - 1e-6]
        if not short:
            break
        need = sum(minimums[i] - columns[i] for i in short)
        for i in short:
            columns[i] = minimums[i]
        spare = {i: columns[i] - minimums[i] for i in range(len(columns)) if i not in short}
        room = sum(value for value in spare.values() if value > 0)
        if room <= 0:
            break
        take = min(need, room)
        for i, value in spare.items():
            if value > 0:
                columns[i] -= take * value / room
    total = sum(columns)
    if total > width:
        columns = [column * width / total for column in columns]
    return tuple(columns)


def _row_height(row: Row, columns: Sequence[float]) -> float:
    tallest = max(
        (cell.wrap(width - 2 * PAD_X, TALL)[1] for cell, width in zip(row, columns, strict=True)),
        default=0.0,
    )
    return tallest + 2 * PAD_Y


def _draw_row(canvas: Canvas, row: Row, columns: Sequence[float], top: float) -> None:
    x = 0.0
    for cell, width in zip(row, columns, strict=True):
        height = cell.height  # set by the cell's last wrap, at this column's width
        left, bottom = x + PAD_X, top - PAD_Y - height
        if isinstance(cell, PlainLines):
            cell.draw_at(canvas, left, bottom)
        else:
            cell.drawOn(canvas, left, bottom)
        x += width


def _rule(canvas: Canvas, x0: float, x1: float, y: float, width: float) -> None:
    canvas.setLineWidth(width)
    canvas.line(x0, y, x1, y)


class _Blank(Flowable):
    """An empty cell: where a tall row's other cells ended on the page before."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, 0.0
        return self.width, self.height

    def draw(self) -> None:
        return None


class _Stack(Flowable):
    """The rest of a split cell: its pieces one under the other."""

    def __init__(self, pieces: Sequence[Flowable]) -> None:
        super().__init__()
        self.pieces = list(pieces)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = sum(piece.wrap(avail_width, avail_height)[1] for piece in self.pieces)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if not self.pieces:
            return []
        first = self.pieces[0].split(avail_width, avail_height)
        if len(first) < 2:
            return []
        return [first[0], _Stack([*first[1:], *self.pieces[1:]])]

    def draw(self) -> None:
        y = self.height
        for piece in self.pieces:
            y -= piece.height
            piece.drawOn(self.canv, 0, y)
