"""One resident's care plan as carers see it: the newest version, part by part, where it
stands against its review, and what can be done with it (write it with them, record a
review, look back at versions, print their copy).

The plan's words are the person's, shown exactly (never read as markup).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.domain.care_plan_records import PlanStatus
from kiosk.domain.care_plans import CarePlanView
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_staff_words import (
    GOAL_STATUS_WORDS,
    part_heading,
    review_words,
    talks_words,
    when_words,
)
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.day_picker import date_words


class PlanPage(QWidget):
    """The plan, read-only, under the buttons for what to do with it."""

    def __init__(
        self, *, words: Words, pictures: PictureLibrary, theme: Theme, zone: Callable[[], tzinfo]
    ) -> None:
        super().__init__()
        self.words = words
        self.theme = theme
        self._zone = zone
        self.status: PlanStatus | None = None
        self.plan: CarePlanView | None = None
        gap = theme.metrics.gap_px
        kit = {"pictures": pictures, "theme": theme, "horizontal": True, "small": True}

        self.heading = form.plain_label()
        self.heading.setProperty("role", "heading")
        self.state_label = form.plain_label()
        self.state_label.setProperty("role", "strong")
        self.notice = form.notice_card(gap)
        self.write_button = BigButton("care-plan", "", **kit)
        self.review_button = BigButton("calendar", "", **kit)
        self.history_button = BigButton("clock", "", **kit)
        self.print_button = BigButton("newspaper", "", **kit)
        self._buttons = [
            self.write_button,
            self.review_button,
            self.history_button,
            self.print_button,
        ]
        self._button_grid = QGridLayout()
        self._parts = QVBoxLayout()
        self._parts.setSpacing(gap // 3)
        self._shown: list[QWidget] = []

        column = form.column(self, gap // 2)
        column.addWidget(self.heading)
        column.addWidget(self.state_label)
        column.addWidget(self.notice)
        column.addLayout(self._button_grid)
        column.addSpacing(gap // 2)
        column.addLayout(self._parts)
        self._arrange()

    # -- what the screen uses ----------------------------------------------------------------

    def show_plan(self, status: PlanStatus, plan: CarePlanView | None, notice: str = "") -> None:
        self.status = status
        self.plan = plan
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self._fill()

    def retranslate(self) -> None:
        self._fill()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._arrange()
        self._fill()

    # -- inside ------------------------------------------------------------------------------

    def _arrange(self) -> None:
        columns = 1 if self.theme.metrics.scale >= 1.5 else 2
        form.grid_of(self._button_grid, self._buttons, columns, self.theme.metrics.gap_px)

    def _fill(self) -> None:
        status, plan = self.status, self.plan
        if status is None:
            return
        gettext = self.words.gettext
        name = status.resident_name
        self.heading.setText(
            gettext("{name}, room {room}").format(name=name, room=status.room)
            if status.room
            else name
        )
        state = [review_words(self.words, status)]
        if plan is not None:
            state.insert(
                0,
                gettext("Version {number}, saved {date}.").format(
                    number=plan.version_number,
                    date=when_words(self.words, plan.created_at, self._zone()),
                ),
            )
        talks = talks_words(self.words, status.open_talks)
        if talks:
            state.append(talks)
        self.state_label.setText("\n".join(state))
        self.write_button.set_words(gettext("Write with {name}").format(name=name))
        self.review_button.set_words(gettext("Record a review"))
        self.history_button.set_words(gettext("Versions and reviews"))
        self.print_button.set_words(gettext("Print their copy"))
        for button in (self.review_button, self.history_button, self.print_button):
            button.setVisible(plan is not None)
        self._show_parts(plan)

    def _show_parts(self, plan: CarePlanView | None) -> None:
        while self._parts.count():  # the words last shown, and the room between them
            widget = self._parts.takeAt(0).widget()
            if widget is not None:
                discard(widget)
        self._shown = []
        gettext = self.words.gettext
        if plan is None:
            self._add(gettext("No plan written yet. Write it with them, in their own words."))
            return
        name = plan.resident_name
        for text in plan.sections:
            self._add(part_heading(self.words, text.section), heading=True)
            self._add(text.body or gettext("Not written yet."), quiet=not text.body)
            confirmed = plan.confirmed.get(text.section)
            if confirmed is not None:
                self._add(
                    gettext("{name} said this is right on {date}.").format(
                        name=name, date=when_words(self.words, confirmed, self._zone())
                    ),
                    quiet=True,
                )
        self._add(part_heading(self.words, "goals"), heading=True)
        for goal in plan.goals:
            self._add(goal.goal)
            details = [gettext(GOAL_STATUS_WORDS[goal.status])]
            if goal.expressed_by:
                details.append(gettext("in the words of {name}").format(name=goal.expressed_by))
            if goal.review_on is not None:
                details.append(
                    gettext("look again on {date}").format(
                        date=date_words(self.words, goal.review_on)
                    )
                )
            self._add(", ".join(details), quiet=True)
        if not plan.goals:
            self._add(gettext("None yet."), quiet=True)
        self._add(part_heading(self.words, "routines"), heading=True)
        for routine in plan.routines:
            self._add(" · ".join(part for part in (routine.name, routine.timing) if part))
            self._add(routine.steps)
            if routine.music:
                self._add(gettext("Music: {music}").format(music=routine.music), quiet=True)
        if not plan.routines:
            self._add(gettext("None yet."), quiet=True)
        self._add(part_heading(self.words, "risks"), heading=True)
        for risk in plan.risks:
            self._add(risk.risk)
            self._add(gettext("We agreed: {agreement}").format(agreement=risk.agreement))
            if risk.agreed_by:
                self._add(gettext("Agreed by {names}").format(names=risk.agreed_by), quiet=True)
        if not plan.risks:
            self._add(gettext("None yet."), quiet=True)
        self._add(part_heading(self.words, "supported_by"), heading=True)
        self._add(plan.supported_by or gettext("Not written yet."), quiet=not plan.supported_by)

    def _add(self, text: str, *, heading: bool = False, quiet: bool = False) -> None:
        label = form.plain_label(text)
        if heading:
            label.setProperty("role", "strong")
            if self._shown:
                self._parts.addSpacing(self.theme.metrics.gap_px // 2)
        elif quiet:
            label.setProperty("role", "quiet")
        self._parts.addWidget(label)
        self._shown.append(label)
