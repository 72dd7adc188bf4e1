"""The carers' list of care plans: how many reviews are overdue or due soon, then each
resident with their room, the plan's version, where it stands against its review and how
many requests to talk are open. Overdue reviews come first (the service sorts them); an
overdue one says so in words and with a flag, never by colour alone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.care_plan_records import PlanStatus
from kiosk.domain.residents import initials_of
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_staff_words import overview_words, review_words, talks_words
from kiosk.ui.discard import discard
from kiosk.ui.list_and_editor_screen import ListRow
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.face_tile import initials_avatar


def status_details(words: Words, status: PlanStatus) -> list[str]:
    """ "Room 4 · version 3", "Review due on …", "2 requests to talk"."""
    gettext = words.gettext
    about = []
    if status.room:
        about.append(gettext("Room {room}").format(room=status.room))
    if status.version_number is not None:
        about.append(gettext("version {number}").format(number=status.version_number))
    lines = [" · ".join(about)] if about else []
    lines.append(review_words(words, status))
    talks = talks_words(words, status.open_talks)
    if talks:
        lines.append(talks)
    return lines


class PlanStatusRow(ListRow):
    """One resident's plan in the list, all one button: initials, name, then the details."""

    def __init__(self, status: PlanStatus, *, words: Words, theme: Theme) -> None:
        super().__init__()
        self.resident_id = status.resident_id
        details = status_details(words, status)
        self.setAccessibleName(", ".join([status.resident_name, *details]))
        size = max(theme.metrics.min_target_px, round(64 * min(theme.metrics.scale, 1.5)))
        avatar = QLabel()
        avatar.setPixmap(initials_avatar(initials_of(status.resident_name), size, theme))
        avatar.setFixedSize(size, size)
        name = form.plain_label(status.resident_name)
        name.setProperty("role", "heading")
        self.detail = form.plain_label("\n".join(details))
        self._lay_out(avatar, name, self.detail)


class PlanListPage(QWidget):
    """How many reviews are overdue or due, then a row for each resident, two to a line
    (one at large text)."""

    resident_chosen = Signal(int)

    def __init__(self, *, words: Words, theme: Theme) -> None:
        super().__init__()
        self.words = words
        self.theme = theme
        self.statuses: list[PlanStatus] = []
        self.rows: list[PlanStatusRow] = []
        gap = theme.metrics.gap_px
        self.summary = form.plain_label()
        self.summary.setProperty("role", "heading")
        self.notice = form.notice_card(gap)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(gap)
        column = form.column(self, gap)
        column.addWidget(self.summary)
        column.addWidget(self.notice)
        column.addLayout(self._rows)

    def show_statuses(self, statuses: Sequence[PlanStatus] | None, notice: str = "") -> None:
        """Every resident's plan (None: they could not be read, and no summary is shown)."""
        self.statuses = list(statuses or [])
        self.summary.setVisible(statuses is not None)
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self._fill()

    def retranslate(self) -> None:
        self._fill()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._fill()

    def _fill(self) -> None:
        self.summary.setText(overview_words(self.words, self.statuses))
        for row in self.rows:
            discard(row)
        self.rows = []
        while self._rows.count():
            line = self._rows.takeAt(0).layout()
            if line is not None:
                line.deleteLater()
        columns = 1 if self.theme.metrics.scale >= 1.5 else 2
        line = QHBoxLayout()
        for index, status in enumerate(self.statuses):
            if index % columns == 0:
                line = QHBoxLayout()
                line.setSpacing(self.theme.metrics.gap_px)
                self._rows.addLayout(line)
            row = PlanStatusRow(status, words=self.words, theme=self.theme)
            row.tapped.connect(
                lambda resident_id=status.resident_id: self._on_row_tapped(resident_id)
            )
            line.addWidget(row, 1)
            self.rows.append(row)
        for _ in range(-len(self.statuses) % columns):
            line.addStretch(1)

    def _on_row_tapped(self, resident_id: int) -> None:
        self.resident_chosen.emit(resident_id)
