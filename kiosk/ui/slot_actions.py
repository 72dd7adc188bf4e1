"""One planned activity, opened from the week: what can be done with it.

Move it (a new day or time), repeat it weekly (for 1 to 12 weeks), cancel it (with a
reason residents will read, and "Are you sure?"), or say who came (once it has started).
One of these is open at a time, under the buttons. Nothing here talks to a service: the
screen listens for the ``*_chosen`` signals and reads what was chosen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.residents import Resident
from kiosk.domain.schedule import CANCEL_REASON_MAX, Slot
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.attendance_panel import AttendancePanel
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.slot_card import cancelled_words, slot_details, slot_times
from kiosk.ui.slot_times import SlotTimes, Stepper
from kiosk.ui.staff_screen import field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.picture_card import PictureCard

REPEAT_WEEKS_OFFERED = 12  # the service allows a year; a quarter at a time is plenty to check
REPEAT_WEEKS_FIRST = 4


class Panel(StrEnum):
    NONE = "none"
    MOVE = "move"
    REPEAT = "repeat"
    CANCEL = "cancel"
    CONFIRM = "confirm"  # "Are you sure?" about cancelling
    ATTENDANCE = "attendance"


class SlotActions(QWidget):
    move_chosen = Signal()  # read the new time from :attr:`times`
    repeat_chosen = Signal()  # read the weeks from :attr:`weeks`
    cancel_chosen = Signal()  # the reason typed: check it, then :meth:`ask_to_confirm`
    cancel_confirmed = Signal()
    attendance_wanted = Signal()  # give the residents with :meth:`show_attendance`
    attendance_chosen = Signal()  # read who from :attr:`attendance`
    done_chosen = Signal()
    panel_shown = Signal(QWidget)  # a panel just opened: bring it into sight

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self.slot: Slot | None = None
        self.started = False
        self.panel = Panel.NONE
        self.reason = ""
        self._card: PictureCard | None = None
        self._insides: list[QVBoxLayout] = []
        kit = {"pictures": pictures, "theme": theme, "horizontal": True, "small": True}

        self.heading = form.section_heading()
        self.move_button = BigButton("calendar", "", **kit)
        self.repeat_button = BigButton("clock", "", **kit)
        self.cancel_button = BigButton("cross", "", **kit)
        self.attendance_button = BigButton("people", "", **kit)
        self.done_button = BigButton("back", "", **kit)
        self.move_button.tapped.connect(lambda: self.open_panel(Panel.MOVE))
        self.repeat_button.tapped.connect(lambda: self.open_panel(Panel.REPEAT))
        self.cancel_button.tapped.connect(lambda: self.open_panel(Panel.CANCEL))
        self.attendance_button.tapped.connect(self.attendance_wanted)
        self.done_button.tapped.connect(self.done_chosen)
        self._buttons = QGridLayout()
        self.why_label = form.plain_label()
        self.why_label.setProperty("role", "quiet")

        self.move_panel, inside = self._panel()
        self.move_heading = form.section_heading()
        self.times = SlotTimes(words=words, pictures=pictures, theme=theme)
        self.move_it_button = BigButton("check", "", **kit)
        self.move_it_button.tapped.connect(self.move_chosen)
        inside.addWidget(self.move_heading)
        inside.addWidget(self.times)
        inside.addLayout(form.row_of([self.move_it_button], theme.metrics.gap_px))

        self.repeat_panel, inside = self._panel()
        self.repeat_heading = form.plain_label()
        self.repeat_heading.setProperty("role", "heading")
        self.weeks = Stepper(
            pictures=pictures,
            theme=theme,
            minimum=1,
            maximum=REPEAT_WEEKS_OFFERED,
            step=1,
            value=REPEAT_WEEKS_FIRST,
            show=self._weeks_words,
        )
        self.repeat_it_button = BigButton("check", "", **kit)
        self.repeat_it_button.tapped.connect(self.repeat_chosen)
        inside.addWidget(self.repeat_heading)
        inside.addWidget(self.weeks)
        inside.addLayout(form.row_of([self.repeat_it_button], theme.metrics.gap_px))

        self.cancel_panel, inside = self._panel()
        self.reason_label = field_label()
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(CANCEL_REASON_MAX + 1)
        self.cancel_it_button = BigButton("cross", "", **kit)
        self.cancel_it_button.tapped.connect(self.cancel_chosen)
        inside.addWidget(self.reason_label)
        inside.addWidget(self.reason_edit)
        inside.addLayout(form.row_of([self.cancel_it_button], theme.metrics.gap_px))

        self.confirm_panel, inside = self._panel()
        self.confirm_label = form.plain_label()
        self.confirm_label.setProperty("role", "heading")
        self.yes_button = BigButton("yes", "", **kit)
        self.no_button = BigButton("no", "", **kit)
        self.yes_button.tapped.connect(self.cancel_confirmed)
        self.no_button.tapped.connect(lambda: self.open_panel(Panel.CANCEL))
        self._confirm_buttons = QGridLayout()
        inside.addWidget(self.confirm_label)
        inside.addLayout(self._confirm_buttons)

        self.attendance_panel, inside = self._panel()
        self.attendance = AttendancePanel(words=words, pictures=pictures, theme=theme)
        self.attendance.save_chosen.connect(self.attendance_chosen)
        inside.addWidget(self.attendance)

        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self.heading)
        self._card_at = self._column.count()
        self._column.addLayout(self._buttons)
        self._column.addWidget(self.why_label)
        for panel in self._panels.values():
            self._column.addWidget(panel)
        self.arrange(theme)

    def _panel(self) -> tuple[QWidget, QVBoxLayout]:
        panel = form.card()
        inside = form.inside(panel, self.theme.metrics.gap_px)
        self._insides.append(inside)
        panel.hide()
        return panel, inside

    @property
    def _panels(self) -> dict[Panel, QWidget]:
        return {
            Panel.MOVE: self.move_panel,
            Panel.REPEAT: self.repeat_panel,
            Panel.CANCEL: self.cancel_panel,
            Panel.CONFIRM: self.confirm_panel,
            Panel.ATTENDANCE: self.attendance_panel,
        }

    # -- what the screen uses ----------------------------------------------------------------

    def arrange(self, theme: Theme) -> None:
        self.theme = theme
        gap = theme.metrics.gap_px
        self._column.setSpacing(gap)
        for inside in self._insides:
            inside.setSpacing(gap)
        large = theme.metrics.scale >= 1.5
        buttons = [
            self.move_button,
            self.repeat_button,
            self.cancel_button,
            self.attendance_button,
            self.done_button,
        ]
        form.grid_of(self._buttons, buttons, 2 if large else 3, gap)
        form.grid_of(self._confirm_buttons, [self.yes_button, self.no_button], 2, gap)
        self.times.arrange(theme)
        self.attendance.arrange(theme)
        self._show_slot()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.heading.setText(gettext("This activity"))
        self.move_button.set_words(gettext("Move"))
        self.repeat_button.set_words(gettext("Repeat weekly"))
        self.cancel_button.set_words(gettext("Cancel it"))
        self.attendance_button.set_words(gettext("Who came"))
        self.done_button.set_words(gettext("Done: back to the week"))
        self.move_heading.setText(gettext("Move it to"))
        self.move_it_button.set_words(gettext("Move it"))
        self.repeat_heading.setText(
            gettext("Repeat it every week, on the same day at the same time, for")
        )
        self.weeks.set_words(gettext("‹ Fewer"), gettext("More ›"))
        self.repeat_it_button.set_words(gettext("Repeat it"))
        self.reason_label.setText(gettext("Why is it cancelled? Residents will read this."))
        self.cancel_it_button.set_words(gettext("Cancel it…"))
        self.yes_button.set_words(gettext("Yes, cancel it"))
        self.no_button.set_words(gettext("No, keep it"))
        self.times.retranslate()
        self.attendance.retranslate()
        self._show_slot()
        self._ask()

    def show_slot(self, slot: Slot, *, started: bool) -> None:
        """This slot, with its buttons; no panel open. ``started``: it has begun."""
        fresh = self.slot is None or self.slot.id != slot.id
        self.slot = slot
        self.started = started
        if fresh:
            self.reason_edit.clear()
            self.weeks.set_value(REPEAT_WEEKS_FIRST)
        self.open_panel(Panel.NONE)
        self._show_slot()

    def open_panel(self, panel: Panel) -> None:
        slot = self.slot
        if panel is Panel.MOVE and slot is not None:
            self.times.set_when(slot.starts_at.date(), slot.starts_at.time(), slot.ends_at.time())
        self.panel = panel
        for each, widget in self._panels.items():
            widget.setVisible(each is panel)
            if each is panel:
                self.panel_shown.emit(widget)
        chosen = {
            Panel.MOVE: self.move_button,
            Panel.REPEAT: self.repeat_button,
            Panel.CANCEL: self.cancel_button,
            Panel.CONFIRM: self.cancel_button,
            Panel.ATTENDANCE: self.attendance_button,
        }.get(panel)
        for button in (self.move_button, self.repeat_button, self.cancel_button):
            button.set_chosen(button is chosen)
        self.attendance_button.set_chosen(self.attendance_button is chosen)

    def ask_to_confirm(self, reason: str) -> None:
        """ "Are you sure?", saying what residents will read."""
        self.reason = reason
        self._ask()
        self.open_panel(Panel.CONFIRM)

    def show_attendance(
        self, residents: Sequence[Resident], photos: Mapping[int, bytes | None]
    ) -> None:
        ticked = self.slot.attended_by if self.slot is not None else frozenset()
        self.attendance.show_residents(residents, photos, ticked)
        self.open_panel(Panel.ATTENDANCE)

    def step_back(self) -> bool:
        """Back: close the open panel (from "Are you sure?", back to the reason)."""
        if self.panel is Panel.NONE:
            return False
        self.open_panel(Panel.CANCEL if self.panel is Panel.CONFIRM else Panel.NONE)
        return True

    # -- drawing -------------------------------------------------------------------------

    def _show_slot(self) -> None:
        slot = self.slot
        if slot is None:
            return
        words = self.words
        if self._card is not None:
            self._column.removeWidget(self._card)
            discard(self._card)
        self._card = PictureCard(
            slot.picture,
            slot.title,
            [
                words.day_and_date(slot.starts_at.date()),
                slot_times(slot, words),
                *slot_details(slot, words),
            ],
            pictures=self.pictures,
            theme=self.theme,
            notice=cancelled_words(slot, words),
        )
        self._column.insertWidget(self._card_at, self._card)
        self.move_button.setEnabled(not slot.cancelled)
        self.cancel_button.setEnabled(not slot.cancelled)
        self.attendance_button.setEnabled(self.started and not slot.cancelled)
        gettext = words.gettext
        if slot.cancelled:
            why = gettext("It is cancelled, so it cannot be moved, and nobody came.")
        elif not self.started:
            why = gettext("You can record who came once it has started.")
        else:
            why = ""
        self.why_label.setText(why)
        self.why_label.setVisible(bool(why))

    def _ask(self) -> None:
        self.confirm_label.setText(
            self.words.gettext("Are you sure? Residents will see: “Cancelled: {reason}”").format(
                reason=self.reason
            )
        )

    def _weeks_words(self, weeks: int) -> str:
        return self.words.ngettext("{count} week", "{count} weeks", weeks).format(count=weeks)
