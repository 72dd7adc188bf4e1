"""What people chose: a big, plain bar chart, one card per choice, numbers in words.

Each card has the choice's picture and words, a thick bar as long as its count (the digits
at its end), and the count in words beside it ("seven people"). The most chosen says so in
words, and a tie is said plainly above the chart ("A tie between Bingo and Singing."):
never colour alone. Everything is words in labels, read aloud top to bottom.

A "yes / maybe / no" poll draws the number who said yes, with the maybes and noes in
words underneath.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.enums import PollKind
from kiosk.domain.polls import OptionCount, PollResults
from kiosk.i18n import Words
from kiosk.number_words import number_in_words
from kiosk.ui.discard import discard
from kiosk.ui.form_parts import plain_label
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme

BAR_PAD = 8  # between the end of a bar and its digits
WIDE_IN_LETTERS = 34  # a card this many body-text heights wide has room for one line
NAME_SHARE = 0.35  # at most this much of a wide card's width for the choice's words


class ResultsChart(QWidget):
    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("content")
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self.results: PollResults | None = None
        self._built_wide = False
        self.cards: list[QFrame] = []
        self.summary = _label(role="heading")
        self.still_open = _label(role="quiet")
        self._cards = QVBoxLayout()
        self._cards.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.still_open)
        layout.addLayout(self._cards)
        layout.addStretch(1)
        self._space_out()

    # -- what is shown -------------------------------------------------------------------

    def show_results(self, results: PollResults | None) -> None:
        self.results = results
        self._rebuild()

    def retranslate(self) -> None:
        self._rebuild()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._space_out()
        self._rebuild()

    def reading_lines(self) -> list[str]:
        """Every word on the chart, in the order it is read aloud."""
        return [
            label.text()
            for label in self.findChildren(QLabel)
            if label.text() and label.isVisibleTo(self)
        ]

    def count_words(self, count: int) -> str:
        """ "seven people", "one person", "No one" (digits where words are not known)."""
        if count == 0:
            return self.words.gettext("No one")
        return _capital(
            self.words.ngettext("{count} person", "{count} people", count).format(
                count=self._number(count)
            )
        )

    def summary_words(self) -> str:
        """The result in two short sentences: who won (or a tie), and how many voted."""
        results = self.results
        if results is None:
            return ""
        if results.ballots == 0:
            return self.words.gettext("Nobody has voted yet.")
        return f"{self._outcome(results)} {self.voted_words(results.ballots)}"

    def voted_words(self, ballots: int) -> str:
        """ "Ten people voted." """
        return _capital(
            self.words.ngettext("{count} person voted.", "{count} people voted.", ballots).format(
                count=self._number(ballots)
            )
        )

    def _outcome(self, results: PollResults) -> str:
        gettext = self.words.gettext
        choose_one = results.poll.kind is PollKind.CHOOSE_ONE
        winner = results.winner
        if winner is None:
            return gettext("Nobody said yes to any of these.")
        if results.tied:
            names = [count.option.label for count in self.top(results)]
            return gettext("A tie between {names}.").format(names=self._joined(names))
        if choose_one:
            return gettext("Most people chose {choice}.").format(choice=winner.label)
        return gettext("Most people said yes to {choice}.").format(choice=winner.label)

    @staticmethod
    def top(results: PollResults) -> list[OptionCount]:
        """The choices with the best score: the winner, and any tied with it."""
        winner = results.winner
        if winner is None:
            return []
        choose_one = results.poll.kind is PollKind.CHOOSE_ONE

        def score(count: OptionCount) -> tuple[int, int]:
            return (count.chosen, 0) if choose_one else (count.yes, -count.no)

        best = score(next(c for c in results.counts if c.option.id == winner.id))
        return [count for count in results.counts if score(count) == best]

    # -- drawing -------------------------------------------------------------------------

    def _space_out(self) -> None:
        gap = self.theme.metrics.gap_px
        layout = self.layout()
        layout.setSpacing(gap // 2)
        self._cards.setSpacing(gap // 2)
        self.setStyleSheet(
            f'QLabel[winner="true"] {{ background: {self.theme.palette.highlight};'
            f" color: {self.theme.palette.text}; font-weight: bold;"
            f" border: {self.theme.metrics.border_px}px solid {self.theme.palette.text};"
            f" border-radius: 6px; padding: 2px 8px; }}"
        )

    def _rebuild(self) -> None:
        for card in self.cards:
            self._cards.removeWidget(card)
            discard(card)
        self.cards = []
        results = self.results
        gettext = self.words.gettext
        self.summary.setText(self.summary_words())
        self.summary.setVisible(results is not None)
        if results is None:
            self.still_open.hide()
            return
        self.still_open.setText(gettext("The vote is still open, so this may change."))
        self.still_open.setVisible(not results.final)
        choose_one = results.poll.kind is PollKind.CHOOSE_ONE
        self._built_wide = self.wide
        top_ids = {count.option.id for count in self.top(results)}
        longest = max((self._bar_value(count, choose_one) for count in results.counts), default=0)
        for count in results.counts:
            card = self._card(count, choose_one, top_ids, results.tied, max(longest, 1))
            self.cards.append(card)
            self._cards.addWidget(card)
            card.show()  # rebuilt while laid out (a resize): not shown by the layout itself
        self._align()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.cards and self._built_wide != self.wide:
            self._rebuild()  # the width crossed the line between one-line and two-line cards
        else:
            self._align()

    @property
    def wide(self) -> bool:
        """One line per choice (words, bar, count side by side) when the width allows;
        at large text on a smaller screen, the bar and count go under the words."""
        return self.width() >= WIDE_IN_LETTERS * self.theme.metrics.body_px

    def _align(self) -> None:
        """The same columns on every card, so every bar's track is the same length."""
        counts = [label for card in self.cards for label in card.findChildren(QLabel, "count")]
        widest = max((_natural_width(label) for label in counts), default=0)
        for label in counts:
            label.setFixedWidth(widest)
        if not self.wide:
            return
        names = [label for card in self.cards for label in card.findChildren(QLabel, "name")]
        room = max(1, round(self.width() * NAME_SHARE))
        width = min(max((_natural_width(label) for label in names), default=1), room)
        for label in names:
            label.setFixedWidth(width)

    def _card(
        self,
        count: OptionCount,
        choose_one: bool,
        top_ids: set[int],
        tied: bool,
        longest: int,
    ) -> QFrame:
        """One choice: its picture and words, its bar and its count.

        Wide: [picture] [words] [bar] [count], then "Most people chose this" and the maybes
        underneath. Narrower: the words, then the bar and count, then the rest. Either way
        they are read in the same order: words, count, maybes, "Most people chose this".
        """
        gettext = self.words.gettext
        metrics = self.theme.metrics
        card = QFrame()
        card.setProperty("role", "card")
        on_top = count.option.id in top_ids
        card.setProperty("today", "true" if on_top else "false")  # the theme's highlight
        grid = QGridLayout(card)
        margin = max(8, metrics.gap_px // 3)
        grid.setContentsMargins(margin, margin, margin, margin)
        grid.setHorizontalSpacing(metrics.gap_px // 2)
        grid.setVerticalSpacing(4)
        picture = QLabel()
        size = metrics.small_picture_px
        picture.setPixmap(
            self.pictures.pixmap(count.option.picture, size, count.option.label, self.theme.palette)
        )
        picture.setFixedSize(size, size)
        name = _label(count.option.label, role="heading")
        name.setObjectName("name")
        notice = None
        if on_top:
            if tied:
                mark = gettext("Tied for the most")
            elif choose_one:
                mark = gettext("Most people chose this")
            else:
                mark = gettext("Most people said yes to this")
            notice = _label(mark)
            notice.setProperty("winner", "true")
        bar = _Bar(self._bar_value(count, choose_one), longest, self.theme)
        if choose_one:
            said = self.count_words(count.chosen)
        else:
            said = gettext("Yes: {count}").format(count=self._number(count.yes))
        count_label = _count_label(said)
        others = None
        if not choose_one:
            others = _count_label(
                gettext("Maybe: {maybe}. No: {no}.").format(
                    maybe=self._number(count.maybe), no=self._number(count.no)
                )
            )
            others.setProperty("role", "quiet")
        if self.wide:
            grid.addWidget(name, 0, 1)
            grid.addWidget(bar, 0, 2, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(count_label, 0, 3)
            if others is not None:
                grid.addWidget(others, 1, 3)
            if notice is not None:
                notice.setWordWrap(False)  # one line under the words and the bar
                grid.addWidget(notice, 1, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
            rows = 2 if notice is not None or others is not None else 1
            grid.setColumnStretch(2, 1)
        else:
            grid.addWidget(name, 0, 1, 1, 2)
            grid.addWidget(bar, 1, 1)
            grid.addWidget(count_label, 1, 2)
            rows = 2
            for extra in (others, notice):
                if extra is not None:
                    grid.addWidget(extra, rows, 1, 1, 2)
                    rows += 1
            grid.setColumnStretch(1, 1)
        grid.addWidget(picture, 0, 0, rows, 1, Qt.AlignmentFlag.AlignTop)
        card.setAccessibleName(", ".join(self._card_words(card)))
        return card

    @staticmethod
    def _card_words(card: QWidget) -> Sequence[str]:
        return [label.text() for label in card.findChildren(QLabel) if label.text()]

    def _number(self, count: int) -> str:
        return number_in_words(count, self.words.language)

    @staticmethod
    def _bar_value(count: OptionCount, choose_one: bool) -> int:
        return count.chosen if choose_one else count.yes

    def _joined(self, names: list[str]) -> str:
        """ "Bingo and Singing", "Bingo, Singing and Baking"."""
        if len(names) < 2:
            return "".join(names)
        return self.words.gettext("{some} and {last}").format(
            some=", ".join(names[:-1]), last=names[-1]
        )


class _Bar(QWidget):
    """A thick bar, as long as ``value`` is to ``longest``, with its digits at the end."""

    def __init__(self, value: int, longest: int, theme: Theme) -> None:
        super().__init__()
        self.value = value
        self.longest = max(longest, 1)
        self.theme = theme
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(theme.metrics.min_target_px * 2)

    def _height(self) -> int:
        font_height = self.fontMetrics().height()
        return max(round(self.theme.metrics.min_target_px * 0.7), font_height + 8)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        hint.setHeight(self._height())
        return hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        hint.setHeight(self._height())
        hint.setWidth(self.minimumWidth())
        return hint

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        palette = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = self.font()
        font.setBold(True)
        painter.setFont(font)
        digits = str(self.value)
        text_width = painter.fontMetrics().horizontalAdvance(digits) + 2 * BAR_PAD
        border = self.theme.metrics.border_px
        room = max(0, self.width() - text_width - border)
        length = round(room * self.value / self.longest)
        if self.value and length < border * 3:
            length = border * 3  # one vote still shows a bar
        if length:
            painter.setPen(QPen(QColor(palette.border), border))
            painter.setBrush(QColor(palette.button))
            half = border / 2
            painter.drawRoundedRect(
                QRectF(half, half, length - border, self.height() - border), 6, 6
            )
        painter.setPen(QColor(palette.text))
        painter.drawText(
            QRectF(length + BAR_PAD, 0, text_width, self.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            digits,
        )
        painter.end()


def _label(text: str = "", *, role: str | None = None) -> QLabel:
    """Plain words (choices are typed by people: never markup), in a role of the theme."""
    label = plain_label(text)
    if role is not None:
        label.setProperty("role", role)
    return label


def _capital(sentence: str) -> str:
    """A sentence that starts with a number in words starts with a capital: "Ten people"."""
    return sentence[:1].upper() + sentence[1:]


def _count_label(text: str) -> QLabel:
    """A count in words, on one line: its width sets the column for every card."""
    label = _label(text)
    label.setObjectName("count")
    label.setWordWrap(False)
    label.setStyleSheet("font-weight: bold;")
    return label


def _natural_width(label: QLabel) -> int:
    """How wide the label's words are on one line, with its margins."""
    label.ensurePolished()
    margins = label.contentsMargins()
    return (
        label.fontMetrics().horizontalAdvance(label.text())
        + margins.left()
        + margins.right()
        + 2 * label.margin()
        + 2
    )
