"""Big picture choices, a few to a page: meals, dishes, dietary needs, later votes.

Never more than six choices at a time (DESIGN.md). When they do not all fit, "More ›" and
"‹ Back a page" turn the pages. A choice can be a toggle (ticked or not) or a one-tap pick.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import Words
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

MAX_PER_PAGE = 6
ROOMY = 1.25  # a row fitted to the height is this much taller than its words need


@dataclass(frozen=True, slots=True)
class Choice:
    key: str
    picture: str | None
    words: str
    notice: str | None = None  # a second line: "3 people asked for this"


class ChoiceGrid(QWidget):
    chosen = Signal(str)  # the key of the choice tapped

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        per_page: int = MAX_PER_PAGE,
        columns: int = 3,
        horizontal: bool = False,
    ) -> None:
        super().__init__()
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self.per_page = min(per_page, MAX_PER_PAGE)
        self.columns = columns
        self.horizontal = horizontal  # picture beside the words: long names in a list
        self.page = 0
        self._fit_at_most = 0  # 0: a fixed number per page
        self._choices: list[Choice] = []
        self._ticked: set[str] = set()
        self.buttons: dict[str, BigButton] = {}

        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(theme.metrics.gap_px)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)
        self.previous_button = BigButton(None, "", pictures=pictures, theme=theme, small=True)
        self.next_button = BigButton(None, "", pictures=pictures, theme=theme, small=True)
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button.tapped.connect(lambda: self.turn(-1))
        self.next_button.tapped.connect(lambda: self.turn(+1))
        self._pager = pager = QHBoxLayout()
        pager.setSpacing(theme.metrics.gap_px)
        pager.addWidget(self.previous_button, 1)
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.next_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addWidget(self._grid_host, 1)
        layout.addLayout(pager)
        self.retranslate()

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self._choices) / self.per_page))

    def set_choices(self, choices: Sequence[Choice], *, ticked: set[str] | None = None) -> None:
        self._choices = list(choices)
        self._ticked = set(ticked or ())
        self.page = min(self.page, self.pages - 1)
        self._show_page()

    def put_in_pager(self, widget: QWidget) -> None:
        """Another choice between "‹ Back a page" and "More ›", in place of the page count
        (saves a row at large text); it stays when there is only one page."""
        self._pager.replaceWidget(self.page_label, widget)
        self.page_label.setParent(None)
        self._pager.setStretchFactor(widget, 1)

    def set_per_page(self, per_page: int) -> None:
        """Fewer at a time when the text is large; the first one shown stays in view."""
        first = self.page * self.per_page
        self.per_page = max(1, min(per_page, MAX_PER_PAGE))
        self.page = first // self.per_page
        self._show_page()

    def fit_rows_to_height(self, at_most: int) -> None:
        """As many rows as the grid's height holds, each roomy (at least one row, at most
        ``at_most`` choices): a tall screen shows more at once, a short screen or large
        text turns more pages, and no choice is ever squeezed."""
        self._fit_at_most = min(at_most, MAX_PER_PAGE)
        self._grid_host.setMinimumHeight(1)  # its height decides the rows, not the reverse
        self._fit_to_height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._fit_at_most:
            self._fit_to_height()

    def _fit_to_height(self) -> None:
        if not self.buttons:
            self.set_per_page(self.columns)  # one row, until there is a choice to measure
            return
        width = max(1, self._grid_host.width() // self.columns)
        needed = max(
            button.heightForWidth(width) if button.hasHeightForWidth() else 0
            for button in self.buttons.values()
        )
        needed = max(needed, *(b.minimumSizeHint().height() for b in self.buttons.values()))
        gap = self.theme.metrics.gap_px
        rows = (self._grid_host.height() + gap) // (round(needed * ROOMY) + gap)
        per_page = min(self._fit_at_most, max(1, rows) * self.columns)
        if per_page != self.per_page:
            self.set_per_page(per_page)

    def restart(self) -> None:
        """Back to the first page."""
        self.page = 0
        self._show_page()

    def set_ticked(self, key: str, ticked: bool) -> None:
        (self._ticked.add if ticked else self._ticked.discard)(key)
        if key in self.buttons:
            self.buttons[key].set_chosen(ticked)

    def ticked(self) -> set[str]:
        return set(self._ticked)

    def turn(self, step: int) -> None:
        self.page = max(0, min(self.pages - 1, self.page + step))
        self._show_page()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.previous_button.set_words(gettext("‹ Back a page"))
        self.next_button.set_words(gettext("More ›"))
        self.page_label.setText(
            gettext("Page {page} of {pages}").format(page=self.page + 1, pages=self.pages)
        )

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._grid.setSpacing(theme.metrics.gap_px)
        self._show_page()

    def _show_page(self) -> None:
        for button in self.buttons.values():
            self._grid.removeWidget(button)
            discard(button)
        self.buttons = {}
        start = self.page * self.per_page
        for index, choice in enumerate(self._choices[start : start + self.per_page]):
            words = choice.words if not choice.notice else f"{choice.words}\n{choice.notice}"
            button = BigButton(
                choice.picture,
                words,
                pictures=self.pictures,
                theme=self.theme,
                large=not self.horizontal and self.theme.metrics.scale < 1.5,
                horizontal=self.horizontal,
            )
            button.set_chosen(choice.key in self._ticked)
            button.tapped.connect(lambda key=choice.key: self.chosen.emit(key))
            self.buttons[choice.key] = button
            self._grid.addWidget(button, index // self.columns, index % self.columns)
        many = self.pages > 1
        for widget in (self.previous_button, self.next_button):
            widget.setVisible(many)
        if self.page_label.parent() is not None:
            self.page_label.setVisible(many)
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.pages - 1)
        self.retranslate()
