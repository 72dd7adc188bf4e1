"""Small pieces the staff forms share: plain-text labels, headings, notices, framed cards,
columns, rows and grids of buttons, and a pager. Words people typed are always shown as
plain text, never read as markup."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.words_label import WordsLabel


def plain_label(text: str = "") -> QLabel:
    """Words that may have come from a person: shown exactly, never read as markup."""
    label = WordsLabel()
    label.setWordWrap(True)
    label.setMinimumWidth(1)  # one very long word must not push the screen wider than itself
    label.setText(text)
    return label


def section_heading() -> QLabel:
    label = QLabel()
    label.setProperty("role", "heading")
    label.setWordWrap(True)
    return label


def notice_card(gap: int) -> QLabel:
    """Plain words after a change ("Saved: …"), in a card; hidden until there are some."""
    label = plain_label()
    label.setProperty("role", "card")
    label.setMargin(max(8, gap // 3))
    label.hide()
    return label


def card() -> QFrame:
    """A framed group of fields; give it a layout with :func:`inside`."""
    frame = QFrame()
    frame.setProperty("role", "card")
    return frame


def inside(frame: QFrame, gap: int) -> QVBoxLayout:
    layout = QVBoxLayout(frame)
    margin = max(12, gap // 2)
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(gap // 2)
    return layout


def column(widget: QWidget, gap: int) -> QVBoxLayout:
    """A column filling ``widget`` edge to edge, its parts a gap apart."""
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(gap)
    return layout


def row_of(widgets: Sequence[QWidget], gap: int) -> QHBoxLayout:
    """Widgets side by side from the left, a gap apart; the rest of the row stays empty."""
    row = QHBoxLayout()
    row.setSpacing(gap)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def page_label() -> QLabel:
    """ "Page 2 of 5", to go between the buttons that turn the pages (see :func:`pager`)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def pager(back: QWidget, page: QLabel, more: QWidget, gap: int) -> QHBoxLayout:
    """Back a page, "Page 2 of 5", more: three equal parts of a row, a gap apart."""
    row = QHBoxLayout()
    row.setSpacing(gap)
    row.addWidget(back, 1)
    row.addWidget(page, 1)
    row.addWidget(more, 1)
    return row


def grid_of(grid: QGridLayout, buttons: list[BigButton], columns: int, gap: int) -> None:
    """Buttons in rows of ``columns``, every column the same width, a gap apart."""
    for button in buttons:
        grid.removeWidget(button)
    for index, button in enumerate(buttons):
        grid.addWidget(button, index // columns, index % columns)
    for column in range(max(columns, grid.columnCount())):
        grid.setColumnStretch(column, 1 if column < columns else 0)
    grid.setSpacing(gap)
