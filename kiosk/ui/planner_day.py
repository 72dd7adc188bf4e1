"""One day in the week planner: its name (today marked), an Add button, and its activities
as cards, two to a row (one at large text); "Nothing planned." when it is empty."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel

from kiosk.domain.schedule import Slot
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.slot_card import SlotCard
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton


class PlannerDay(QFrame):
    add_chosen = Signal(object)  # this day's date
    slot_chosen = Signal(object)  # the Slot touched

    def __init__(
        self,
        day: date,
        slots: Sequence[Slot],
        *,
        today: date,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
    ) -> None:
        super().__init__()
        self.day = day
        gettext = words.gettext
        gap = theme.metrics.gap_px
        self.setProperty("role", "card")
        self.setProperty("today", "true" if day == today else "false")
        inside = form.inside(self, gap)
        inside.setSpacing(gap)
        day_words = words.day_and_date(day)
        if day == today:
            day_words = gettext("Today, {day}").format(day=day_words)
        self.day_label = QLabel(day_words)
        self.day_label.setProperty("role", "heading")
        self.day_label.setWordWrap(True)
        self.add_button = BigButton(
            "activity",
            gettext("Add on {day}").format(day=words.day_name(day)),
            pictures=pictures,
            theme=theme,
            horizontal=True,
            small=True,
        )
        self.add_button.tapped.connect(lambda: self.add_chosen.emit(day))
        top = QHBoxLayout()
        top.setSpacing(gap)
        top.addWidget(self.day_label, 1)
        top.addWidget(self.add_button)
        inside.addLayout(top)
        if not slots:
            nothing = form.plain_label(gettext("Nothing planned."))
            nothing.setProperty("role", "quiet")
            inside.addWidget(nothing)
        self.slot_cards: dict[int, SlotCard] = {}
        columns = 1 if theme.metrics.scale >= 1.5 else 2
        grid = QGridLayout()
        grid.setSpacing(gap)
        for index, slot in enumerate(slots):
            card = SlotCard(slot, words=words, pictures=pictures, theme=theme)
            card.tapped.connect(lambda slot=slot: self.slot_chosen.emit(slot))
            self.slot_cards[slot.id] = card
            grid.addWidget(card, index // columns, index % columns)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        inside.addLayout(grid)
