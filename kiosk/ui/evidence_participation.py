"""Who took part, month by month: a table when it fits (a row a month, the whole period
last), else a card a month (large text, or long words such as Welsh or Polish headings,
where six columns would not fit: the choice follows the room there is). Each month's
"took part" has a plain bar beside its numbers: the bar helps the eye, the numbers say it
(never colour alone)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from kiosk.domain.evidence import Participation, Taking, share
from kiosk.i18n import Words
from kiosk.printing import evidence_words as printed
from kiosk.ui import evidence_words as say
from kiosk.ui import form_parts as form
from kiosk.ui.theme import Theme

LARGE_TEXT = 1.5  # from this text scale up, a card a month instead of the table


class ShareBar(QWidget):
    """A share from 0 to 1 as a bar in an outlined box (empty for none). Its numbers are
    always in words beside it; the bar's accessible name says them too."""

    def __init__(self, value: float | None, words: str, theme: Theme) -> None:
        super().__init__()
        self.value = value
        self.theme = theme
        self.setAccessibleName(words)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(theme.metrics.min_target_px)
        self.setFixedHeight(max(16, round(theme.metrics.body_px * 0.9)))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.theme.metrics.min_target_px * 3, self.height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        palette = self.theme.palette
        line = 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(line / 2, line / 2, -line / 2, -line / 2)
        painter.setPen(QPen(QColor(palette.border), line))
        painter.setBrush(QColor(palette.surface))
        painter.drawRoundedRect(box, 4, 4)
        if self.value:
            filled = QRectF(box.left(), box.top(), box.width() * min(1.0, self.value), box.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.button))
            painter.drawRoundedRect(filled, 4, 4)
        painter.end()


class ParticipationView(QWidget):
    """The whole period's numbers, then each month's."""

    def __init__(
        self, participation: Participation, *, words: Words, theme: Theme, gap: int
    ) -> None:
        super().__init__()
        self.words = words
        self.theme = theme
        column = form.column(self, gap // 2)
        self.cards = QWidget()
        cards = form.column(self.cards, gap // 2)
        cards.addWidget(self._card(words.gettext("Whole period"), participation.whole))
        for month in participation.months:
            cards.addWidget(self._card(say.month_name(words, month.month), month.taking))
        column.addWidget(self.cards)
        self.table: QWidget | None = None
        if theme.metrics.scale < LARGE_TEXT:
            self.table = self._table(participation)
            column.addWidget(self.table)
        self._choose(self.width())

    def _choose(self, width: int) -> None:
        """The table when its columns fit in ``width``, else the cards."""
        fits = self.table is not None and self.table.sizeHint().width() <= width
        if self.table is not None:
            self.table.setVisible(fits)
        self.cards.setVisible(not fits)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._choose(event.size().width())

    # -- at ordinary text sizes: a table -------------------------------------------------------

    def _table(self, participation: Participation) -> QWidget:
        gettext = self.words.gettext
        frame = form.card()
        grid = QGridLayout()
        gap = self.theme.metrics.gap_px
        grid.setHorizontalSpacing(gap // 2)
        grid.setVerticalSpacing(gap // 4)
        form.inside(frame, gap).addLayout(grid)
        headings = [
            gettext(words)
            for words in (
                printed.MONTH,
                printed.RESIDENTS,
                printed.SUGGESTED,
                printed.VOTED,
                printed.GAVE_FEEDBACK,
                printed.TOOK_PART_SHORT,
            )
        ]
        for place, words in enumerate(headings):
            heading = form.plain_label(words)
            heading.setWordWrap(False)  # each heading on one line, its column as wide
            heading.setProperty("role", "strong")
            span = 2 if place == len(headings) - 1 else 1  # "Took part": the bars and numbers
            grid.addWidget(heading, 0, place, 1, span, Qt.AlignmentFlag.AlignBottom)
        rows = [
            (say.month_name(self.words, m.month, short=True), m.taking, False)
            for m in participation.months
        ]
        rows.append((gettext("Whole period"), participation.whole, True))
        for row, (name, taking, whole) in enumerate(rows, start=1):
            cells = [
                name,
                str(taking.residents),
                str(taking.suggested),
                str(taking.voted),
                str(taking.gave_feedback),
            ]
            for place, words in enumerate(cells):
                cell = form.plain_label(words)
                cell.setWordWrap(False)  # a month or a number: never broken
                if whole:
                    cell.setProperty("role", "strong")
                grid.addWidget(cell, row, place)
            # Every bar in one column, so they are the same length and can be compared.
            words = say.part_of(self.words, taking.took_part, taking.residents)
            bar = ShareBar(share(taking.took_part, taking.residents), words, self.theme)
            grid.addWidget(bar, row, len(cells), Qt.AlignmentFlag.AlignVCenter)
            number = QLabel(words)
            if whole:
                number.setProperty("role", "strong")
            grid.addWidget(number, row, len(cells) + 1)
        grid.setColumnStretch(len(headings) + 1, 1)  # room to spare goes after the table
        return frame

    # -- at large text: a card a month ---------------------------------------------------------

    def _card(self, heading: str, taking: Taking) -> QWidget:
        gap = self.theme.metrics.gap_px
        frame = form.card()
        inside = form.inside(frame, gap)
        inside.setSpacing(gap // 4)
        title = form.plain_label(heading)
        title.setProperty("role", "strong")
        inside.addWidget(title)
        took = say.took_part(self.words, taking)
        inside.addWidget(ShareBar(share(taking.took_part, taking.residents), took, self.theme))
        inside.addWidget(form.plain_label(took))
        inside.addWidget(form.plain_label(say.taking_parts(self.words, taking)))
        return frame
