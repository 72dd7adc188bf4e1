"""Two versions of a care plan compared, part by part: only the parts that changed, each
line kept, added or taken out. Added lines say "+ added" and are bold; lines taken out
say "− taken out" and are struck through. Words and weight say it, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.care_plan_diff import Change, Line, PlanDiff
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_staff_words import part_heading
from kiosk.ui.discard import discard
from kiosk.ui.theme import Theme

ADDED_WORDS = N_("+ added")
TAKEN_OUT_WORDS = N_("− taken out")
STRUCK = "text-decoration: line-through;"


class DiffView(QWidget):
    def __init__(self, *, words: Words, theme: Theme) -> None:
        super().__init__()
        self.words = words
        self.theme = theme
        self.diff: PlanDiff | None = None
        self.heading = form.plain_label()
        self.heading.setProperty("role", "heading")
        self.key_label = form.plain_label()
        self._parts = QVBoxLayout()
        self._parts.setSpacing(theme.metrics.gap_px // 3)
        self._shown: list[QWidget] = []
        column = form.column(self, theme.metrics.gap_px // 2)
        column.addWidget(self.heading)
        column.addWidget(self.key_label)
        column.addLayout(self._parts)

    def show_diff(self, diff: PlanDiff) -> None:
        self.diff = diff
        self._fill()

    def retranslate(self) -> None:
        self._fill()

    # -- inside ------------------------------------------------------------------------------

    def _fill(self) -> None:
        for widget in self._shown:
            self._parts.removeWidget(widget)
            discard(widget)
        self._shown = []
        diff = self.diff
        if diff is None:
            return
        gettext = self.words.gettext
        self.heading.setText(
            gettext("What changed from version {older} to version {newer}").format(
                older=diff.older, newer=diff.newer
            )
        )
        changed = diff.changed_parts
        self.key_label.setText(
            gettext(
                'Lines marked "{added}" are new, in bold. Lines marked "{taken_out}" were '
                "taken out, and are struck through."
            ).format(added=gettext(ADDED_WORDS), taken_out=gettext(TAKEN_OUT_WORDS))
            if changed
            else gettext("Nothing changed between these two versions.")
        )
        for part in changed:
            heading = form.section_heading()
            heading.setTextFormat(Qt.TextFormat.PlainText)
            heading.setText(part_heading(self.words, part.part))
            self._show(heading)
            for line in part.lines:
                self._show(self._line(line))

    def _show(self, widget: QWidget) -> None:
        self._parts.addWidget(widget)
        self._shown.append(widget)

    def _mark_width(self) -> int:
        """Room for the wider of "+ added" and "− taken out", in bold: the lines after
        them start in one column."""
        font = QFont(self.font())
        font.setPixelSize(self.theme.metrics.body_px)
        font.setBold(True)
        metrics = QFontMetrics(font)
        gettext = self.words.gettext
        widest = max(metrics.horizontalAdvance(gettext(w)) for w in (ADDED_WORDS, TAKEN_OUT_WORDS))
        return widest + metrics.averageCharWidth()

    def _line(self, line: Line) -> QWidget:
        """One line: kept lines quietly; added and taken out ones with their words first."""
        text = form.plain_label(line.text)
        if line.change is Change.SAME:
            text.setProperty("role", "quiet")
            return text
        gettext = self.words.gettext
        added = line.change is Change.ADDED
        mark = QLabel(gettext(ADDED_WORDS) if added else gettext(TAKEN_OUT_WORDS))
        mark.setProperty("role", "strong")
        mark.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        mark.setFixedWidth(self._mark_width())
        mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if added:
            text.setProperty("role", "strong")
        else:
            text.setStyleSheet(STRUCK)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.theme.metrics.gap_px // 2)
        layout.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(text, 1)
        row.setAccessibleName(f"{mark.text()}: {line.text}")
        return row
