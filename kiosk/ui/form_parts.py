"""Small pieces the staff forms share: plain-text labels, headings, framed cards and button
grids. Words people typed are always shown as plain text, never read as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout

from kiosk.ui.widgets.big_button import BigButton


def plain_label(text: str = "") -> QLabel:
    """Words that may have come from a person: shown exactly, never read as markup."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setMinimumWidth(1)  # one very long word must not push the screen wider than itself
    label.setText(text)
    return label


def section_heading() -> QLabel:
    label = QLabel()
    label.setProperty("role", "heading")
    label.setWordWrap(True)
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


def grid_of(grid: QGridLayout, buttons: list[BigButton], columns: int, gap: int) -> None:
    """Buttons in rows of ``columns``, every column the same width, a gap apart."""
    for button in buttons:
        grid.removeWidget(button)
    for index, button in enumerate(buttons):
        grid.addWidget(button, index // columns, index % columns)
    for column in range(max(columns, grid.columnCount())):
        grid.setColumnStretch(column, 1 if column < columns else 0)
    grid.setSpacing(gap)
