"""Checks a screen as a person would see it, from geometry and font metrics, not by eye.

- every visible widget lies inside its parent (inside the window, or inside a scroll area's
  content, which may scroll);
- every label's words fit its box (wrapped or not);
- no two pieces of text or buttons overlap;
- every button is at least the minimum target size, has an accessible name, and is at least
  the minimum gap away from every other button.
"""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QScrollBar, QWidget

from kiosk.ui.theme import Metrics

SLACK = 1  # pixels of rounding


def layout_problems(root: QWidget, metrics: Metrics) -> list[str]:
    problems: list[str] = []
    visible = [w for w in root.findChildren(QWidget) if w.isVisibleTo(root) and w.width() > 0]
    for widget in visible:
        problems.extend(_outside_parent(widget))
        if isinstance(widget, QLabel):
            problems.extend(_text_does_not_fit(widget))
        if isinstance(widget, QAbstractButton):
            problems.extend(_button_problems(widget, metrics))
    units = [w for w in visible if _is_unit(w)]
    for first, second in combinations(units, 2):
        if _context(first) is not _context(second):
            continue
        if first.isAncestorOf(second) or second.isAncestorOf(first):
            continue
        a, b = _rect_in(first, root), _rect_in(second, root)
        overlap = a.intersected(b)
        if overlap.width() > SLACK and overlap.height() > SLACK:
            problems.append(f"{_name(first)} overlaps {_name(second)}")
        if isinstance(first, QAbstractButton) and isinstance(second, QAbstractButton):
            gap = _gap(a, b)
            if gap < metrics.gap_px - SLACK:
                problems.append(
                    f"{_name(first)} and {_name(second)} are {gap}px apart (need {metrics.gap_px})"
                )
    return problems


def _outside_parent(widget: QWidget) -> list[str]:
    parent = widget.parentWidget()
    if parent is None or isinstance(parent, QAbstractScrollArea) or _is_scroll_content(widget):
        return []
    if isinstance(widget, QScrollBar):
        return []
    inside = parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(widget.geometry())
    return [] if inside else [f"{_name(widget)} sticks out of {_name(parent)}"]


def _text_does_not_fit(label: QLabel) -> list[str]:
    text = QLabel.text(label)  # as Qt lays it out (a WordsLabel's, with its break points)
    if not text or not label.pixmap().isNull():
        return []
    label.ensurePolished()
    box = label.contentsRect()
    metrics = label.fontMetrics()
    if label.wordWrap():
        needed = metrics.boundingRect(
            QRect(0, 0, box.width(), 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        if needed.width() > box.width() + SLACK or needed.height() > box.height() + SLACK:
            return [
                f"words of {_name(label)} need {needed.width()}x{needed.height()}, "
                f"have {box.width()}x{box.height()}"
            ]
        return []
    width = metrics.horizontalAdvance(text)
    if width > box.width() + SLACK or metrics.height() > box.height() + SLACK:
        return [f"words of {_name(label)} need {width}px wide, have {box.width()}px"]
    return []


def _button_problems(button: QAbstractButton, metrics: Metrics) -> list[str]:
    problems = []
    if min(button.width(), button.height()) < metrics.min_target_px - SLACK:
        problems.append(
            f"{_name(button)} is {button.width()}x{button.height()}, "
            f"under {metrics.min_target_px}px"
        )
    if not button.accessibleName().strip():
        problems.append(f"a button has no accessible name: {button!r}")
    return problems


def _is_unit(widget: QWidget) -> bool:
    """A button, words or a picture: the things that must not overlap one another."""
    if isinstance(widget, QAbstractButton):
        return not isinstance(widget, QScrollBar)
    return isinstance(widget, QLabel) and bool(widget.text() or not widget.pixmap().isNull())


def _context(widget: QWidget) -> QWidget | None:
    """The scroll area a widget scrolls in, if any: only widgets in one context can collide."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _is_scroll_content(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea)


def _rect_in(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def _gap(a: QRect, b: QRect) -> int:
    horizontal = max(b.left() - a.right() - 1, a.left() - b.right() - 1)
    vertical = max(b.top() - a.bottom() - 1, a.top() - b.bottom() - 1)
    return max(horizontal, vertical)


def _name(widget: QWidget) -> str:
    words = widget.accessibleName() or (widget.text() if isinstance(widget, QLabel) else "")
    return f"{type(widget).__name__}({words[:40]!r})"
