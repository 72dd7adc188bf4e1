"""One planned activity as the coordinator sees it in the week: its picture, when, what,
where, who leads it, where it came from ("From a vote", "Residents' idea"), and
"Cancelled: …" when it is off. All one button: touching it opens the slot."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout

from kiosk.domain.enums import SlotSource
from kiosk.domain.schedule import Slot
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.touch_button import TouchButton


def slot_times(slot: Slot, words: Words) -> str:
    """ "14:00 to 15:00"."""
    return words.gettext("{start} to {end}").format(
        start=words.clock_time(slot.starts_at), end=words.clock_time(slot.ends_at)
    )


def slot_details(slot: Slot, words: Words) -> list[str]:
    """Where, who leads it, where it came from, the note, and who came, a line each."""
    gettext = words.gettext
    lines = []
    if slot.place:
        lines.append(slot.place)
    if slot.led_by:
        lines.append(gettext("Led by {person}").format(person=slot.led_by))
    if slot.source is SlotSource.POLL:
        lines.append(
            gettext("From a vote: {question}").format(question=slot.came_from)
            if slot.came_from
            else gettext("From a vote")
        )
    elif slot.source is SlotSource.PROPOSAL:
        lines.append(
            gettext("Residents' idea: {idea}").format(idea=slot.came_from)
            if slot.came_from
            else gettext("Residents' idea")
        )
    if slot.note:
        lines.append(gettext("Note: {note}").format(note=slot.note))
    if slot.attendance_recorded:
        count = len(slot.attended_by)
        lines.append(
            words.ngettext("{count} resident came", "{count} residents came", count).format(
                count=count
            )
        )
    return lines


def cancelled_words(slot: Slot, words: Words) -> str | None:
    """ "Cancelled: the minibus is broken", or None while it is on."""
    if not slot.cancelled:
        return None
    if slot.cancel_reason:
        return words.gettext("Cancelled: {reason}").format(reason=slot.cancel_reason)
    return words.gettext("Cancelled")


class SlotCard(TouchButton):
    MARGIN = 10

    def __init__(self, slot: Slot, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__("")
        self.slot_id = slot.id
        self.setProperty("role", "quiet")
        size = theme.metrics.small_picture_px
        picture = QLabel()
        picture.setPixmap(pictures.pixmap(slot.picture, size, slot.title, theme.palette))
        picture.setFixedSize(size, size)
        self.time_label = form.plain_label(slot_times(slot, words))
        self.title_label = form.plain_label(slot.title)
        self.title_label.setProperty("role", "heading")
        notice = cancelled_words(slot, words)
        self.notice_label = form.plain_label(notice or "")
        self.notice_label.setProperty("role", "notice")
        self.notice_label.setVisible(notice is not None)
        details = slot_details(slot, words)
        self.details_label = form.plain_label("\n".join(details))
        self.details_label.setStyleSheet("font-weight: normal;")
        self.details_label.setVisible(bool(details))
        text = QVBoxLayout()
        text.setSpacing(2)
        for label in (self.time_label, self.title_label, self.notice_label, self.details_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            text.addWidget(label)
        text.addStretch(1)  # beside a taller card, the words stay together at the top
        picture.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QHBoxLayout(self)
        row.setContentsMargins(self.MARGIN, self.MARGIN, self.MARGIN, self.MARGIN)
        row.setSpacing(self.MARGIN * 2)
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        spoken = [slot_times(slot, words), slot.title, *([notice] if notice else []), *details]
        self.setAccessibleName(", ".join(spoken))
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.refresh_words_tone()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self.layout().totalHeightForWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().minimumSize()
