"""One page of a resident's care plan on screen: its picture and heading, then its words
in a big card, a sentence to a line, so the sentence being read aloud lights up alone.

A page that does not fit scrolls, with the book's big "Up" and "Down" buttons beside it
(and a finger can drag it); the sentence being read aloud is always scrolled into sight.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.speech.sentences import split_sentences
from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_pages import PlanPage
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme

READING = "reading"  # the property the window sets on the widget being read aloud
SCREENFUL = 0.8  # a turn within a long page keeps a little of what was seen, for the eye


class PageBody(QFrame):
    """The page's words in a card, one label per sentence."""

    def __init__(self, page: PlanPage, gap: int) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self._text = page.text
        self.sentences: list[QLabel] = []
        column = form.inside(self, gap)
        column.setSpacing(max(4, gap // 4))
        for number, paragraph in enumerate(page.paragraphs):
            if number:
                column.addSpacing(gap // 3)
            for sentence in split_sentences(paragraph.text):
                label = form.plain_label(sentence.of(paragraph.text))
                label.setProperty("role", paragraph.role)
                column.addWidget(label)
                self.sentences.append(label)

    def text(self) -> str:
        """Every word on the card, as written."""
        return self._text


class CarePlanPageView(QWidget):
    being_read = Signal(QWidget)  # the window is reading this part of the page aloud now
    scrolled = Signal()  # the page moved in its scroll, or its length changed

    def __init__(
        self,
        page: PlanPage,
        *,
        pictures: PictureLibrary,
        theme: Theme,
        review: str,
    ) -> None:
        super().__init__()
        self.page = page
        gap = theme.metrics.gap_px
        big_text = theme.metrics.scale >= 1.5
        size = theme.metrics.small_picture_px if big_text else theme.metrics.picture_px
        self.picture = QLabel()
        self.picture.setPixmap(pictures.pixmap(page.picture, size, page.heading, theme.palette))
        self.picture.setFixedSize(size, size)
        self.picture.setVisible(page.picture is not None)
        self.heading = form.plain_label(page.heading)
        self.heading.setProperty("role", "heading")
        self._heading_row = QHBoxLayout()
        self._heading_row.setSpacing(gap // 2)
        self._heading_row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignVCenter)
        self._heading_row.addWidget(self.heading, 1)

        self.body = PageBody(page, gap)
        self.confirmed = form.plain_label()
        self.confirmed.setProperty("role", "strong")
        self.confirmed.hide()
        self.review = form.plain_label(review)
        self.review.setProperty("role", "quiet")
        self.review.setVisible(bool(review))
        inner = QWidget()
        inner.setObjectName("content")
        self._column = form.column(inner, gap // 2)
        self._column.addLayout(self._heading_row)  # scrolls too: the words get every line
        self._column.addWidget(self.body)
        self._column.addWidget(self.confirmed)
        self._column.addWidget(self.review)
        self._column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(inner)
        QScroller.grabGesture(
            self.scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )

        self._words_row = QHBoxLayout()
        self._words_row.setSpacing(gap // 2)
        self._words_row.addWidget(self.scroll, 1)
        bar = self.scroll.verticalScrollBar()
        bar.valueChanged.connect(self.scrolled)
        bar.rangeChanged.connect(self.scrolled)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(gap // 2)
        layout.addLayout(self._words_row, 1)
        for label in self._readable():
            label.installEventFilter(self)

    def hold(self, corner: QWidget, under_words: QWidget, beside: QWidget) -> None:
        """Take the book's shared parts while this page is shown: ``corner`` beside the
        heading, ``under_words`` under the words (it scrolls with them, so it never takes
        their room), and ``beside`` to the right of it all (Up and Down)."""
        self._heading_row.addWidget(corner, 0, Qt.AlignmentFlag.AlignVCenter)
        self._column.removeWidget(under_words)  # held already: its place is counted afresh
        self._column.insertWidget(self._column.indexOf(self.review), under_words)
        self._words_row.addWidget(beside)

    def set_confirmed(self, words: str) -> None:
        """ "You said this was right on …" ("" hides the line)."""
        self.confirmed.setText(words)
        self.confirmed.setVisible(bool(words))

    def reading_items(self, *, whole_plan: bool = False) -> list[tuple[QWidget, str]]:
        """The page's words in reading order: the heading, each sentence, then the lines
        under the words (with anything the page holds there). Read as part of the whole
        plan, the review date (said once, at the end) is left out."""
        under = [self._column.itemAt(n).widget() for n in range(self._column.count())]
        parts = [self.heading, *self.body.sentences]
        parts += [
            w for w in under if isinstance(w, QLabel) and not (whole_plan and w is self.review)
        ]
        return [(label, label.text()) for label in parts if label.text() and not label.isHidden()]

    # -- long words ----------------------------------------------------------------------

    @property
    def overflows(self) -> bool:
        """True when the page does not fit and scrolls."""
        return self.scroll.verticalScrollBar().maximum() > 0

    @property
    def at_top(self) -> bool:
        bar = self.scroll.verticalScrollBar()
        return bar.value() <= bar.minimum()

    @property
    def at_bottom(self) -> bool:
        bar = self.scroll.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def turn(self, step: int) -> None:
        """Move the words a screenful down (+1) or up (-1)."""
        bar = self.scroll.verticalScrollBar()
        screenful = max(1, round(self.scroll.viewport().height() * SCREENFUL))
        bar.setValue(bar.value() + step * screenful)

    def to_top(self) -> None:
        self.scroll.verticalScrollBar().setValue(0)

    def show_words(self, widget: QWidget) -> None:
        """Scroll so ``widget`` (one of this page's parts) is in sight."""
        inner = self.scroll.widget()
        if inner.isAncestorOf(widget):
            inner.layout().activate()  # a line just shown has its place now, not after a paint
            self.scroll.ensureWidgetVisible(widget, 0, self.scroll.viewport().height() // 4)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.DynamicPropertyChange
            and isinstance(watched, QWidget)
            and watched.property(READING) == "true"
        ):
            self.being_read.emit(watched)
        return super().eventFilter(watched, event)

    def _readable(self) -> list[QLabel]:
        return [self.heading, *self.body.sentences, self.confirmed, self.review]
