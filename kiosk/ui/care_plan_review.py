"""Recording a review held together: the day it was held (today unless staff say), who was
there, whether the person took part, what changed or was agreed, and when the next one is.

A review does not change the plan's words: if they change, staff write the plan with the
person too, which makes a new version.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.domain.care_plans import WhoTookPart
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_editor import NEXT_REVIEW_SHORTCUTS
from kiosk.ui.care_plan_staff_fields import FieldProblems
from kiosk.ui.care_plan_staff_took_part import TookPartPanel
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.day_picker import DayPicker, add_months

HELD_SHORTCUTS = ((N_("Today"), 0, 0), (N_("Yesterday"), 0, -1))
NEXT_REVIEW_MONTHS = 6  # the next review offered at first: staff change it as agreed


class ReviewForm(QWidget):
    changed = Signal()

    def __init__(
        self, *, words: Words, pictures: PictureLibrary, theme: Theme, today: Callable[[], date]
    ) -> None:
        super().__init__()
        self.words = words
        self._today = today
        self.name = ""
        self._opened: tuple[object, ...] = ()
        self.problems = FieldProblems()
        gap = theme.metrics.gap_px
        kit = {"words": words, "pictures": pictures, "theme": theme, "today": today}

        self.heading = form.plain_label()
        self.heading.setProperty("role", "heading")
        self.intro = form.plain_label()
        self.notice = form.notice_card(gap)  # "changes not saved yet", when they were kept
        self.held_label = field_label()
        self.held_picker = DayPicker(shortcuts=HELD_SHORTCUTS, not_after_today=True, **kit)
        self.next_label = field_label()
        self.next_picker = DayPicker(shortcuts=NEXT_REVIEW_SHORTCUTS, optional=True, **kit)
        for picker in (self.held_picker, self.next_picker):
            picker.changed.connect(self.changed)
        self.took_part = TookPartPanel(
            words=words,
            pictures=pictures,
            theme=theme,
            problems=self.problems,
            heading=N_("Who took part"),
            what_changed=N_("What changed, or what did you agree? (You can leave this empty.)"),
        )
        self.took_part.changed.connect(self.changed)

        days = form.card()
        days_column = form.inside(days, gap)
        days_column.addWidget(self.held_label)
        days_column.addWidget(self.held_picker)
        days_column.addWidget(self.problems.label_for("reviewed_on"))
        days_column.addSpacing(gap // 3)
        days_column.addWidget(self.next_label)
        days_column.addWidget(self.next_picker)
        days_column.addWidget(self.problems.label_for("next_review_on"))

        column = form.column(self, gap)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        column.addWidget(self.notice)
        column.addWidget(days)
        column.addWidget(self.took_part)
        self.retranslate()

    # -- what the screen uses ----------------------------------------------------------------

    def start(self, name: str, people: str) -> None:
        """A new review with ``name``: held today, ``people`` there, the next in six months."""
        self.name = name
        self.problems.clear()
        self.show_notice("")
        today = self._today()
        self.held_picker.set_day(today)
        self.next_picker.set_day(add_months(today, NEXT_REVIEW_MONTHS))
        for picker in (self.held_picker, self.next_picker):
            picker.set_open(False)
        self.took_part.start(name, people)
        self.retranslate()
        self._opened = self.snapshot()

    @property
    def held_on(self) -> date:
        day = self.held_picker.day
        assert day is not None  # a held day is never optional
        return day

    @property
    def next_review_on(self) -> date | None:
        return self.next_picker.day

    def show_notice(self, text: str) -> None:
        """Words above the form ("" for none)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def answers(self) -> WhoTookPart | None:
        return self.took_part.answers()

    def has_changes(self) -> bool:
        return self.snapshot() != self._opened

    def snapshot(self) -> tuple[object, ...]:
        return (self.held_picker.day, self.next_picker.day, self.took_part.snapshot())

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.heading.setText(gettext("A review with {name}").format(name=self.name))
        self.intro.setText(
            gettext(
                "Look at the plan together. If its words change, write it with {name} too: "
                "that makes a new version."
            ).format(name=self.name)
        )
        self.held_label.setText(gettext("When was the review?"))
        self.next_label.setText(gettext("Next review together"))
        for picker in (self.held_picker, self.next_picker):
            picker.retranslate()
        self.took_part.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        for picker in (self.held_picker, self.next_picker):
            picker.apply_theme(theme)
        self.took_part.what_changed_box.apply_theme(theme)
