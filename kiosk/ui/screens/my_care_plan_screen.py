"""My care plan: the resident's own plan, one section at a time, in big plain words.

Reached only past the check the resident's setting asks for (the window sees to that,
and the care-plan service refuses anyone else regardless). "Read this to me" reads the
section shown; the big buttons turn to the next or the last section.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.care_plans import CarePlanView, SectionText
from kiosk.domain.enums import CarePlanSection
from kiosk.domain.errors import KioskError
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

SECTION_HEADINGS = {
    CarePlanSection.WHAT_MATTERS: N_("What matters most to me"),
    CarePlanSection.IMPORTANT_PEOPLE: N_("People who are important to me"),
    CarePlanSection.COMMUNICATION: N_("How I communicate, and how to talk with me"),
    CarePlanSection.WELLNESS: N_("My wellness"),
    CarePlanSection.DO_AND_DONT: N_("Please do, and please don't"),
    CarePlanSection.SUPPORT: N_("How and when to support me"),
    CarePlanSection.ALSO_KNOW: N_("Also worth knowing about me"),
}


def section_picture(section: CarePlanSection) -> str:
    return "section-" + section.value.replace("_", "-")


class CarePlanReader(Protocol):
    def current(self, actor: Actor, resident_id: int) -> CarePlanView | None: ...


class MyCarePlanScreen(Screen):
    name = "my-care-plan"

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        care_plans: CarePlanReader,
        reader: Callable[[], Actor | None],
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._care_plans = care_plans
        self._reader = reader
        self._plan: CarePlanView | None = None
        self._problem = ""
        self.index = 0

        self.picture = QLabel()
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        heading_row = QHBoxLayout()
        heading_row.setSpacing(theme.metrics.gap_px // 2)
        heading_row.addWidget(self.picture)
        heading_row.addWidget(self.heading, 1)

        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)  # the resident's words, as written
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.review = QLabel()
        self.review.setProperty("role", "quiet")
        self.review.setWordWrap(True)
        body_host = QWidget()
        body_host.setObjectName("content")
        body_layout = QVBoxLayout(body_host)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.body)
        body_layout.addWidget(self.review)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body_host)

        pager_button = {"pictures": pictures, "theme": theme, "small": True, "horizontal": True}
        self.previous_button = BigButton("back", "", **pager_button)
        self.next_button = BigButton(None, "", **pager_button)
        self.previous_button.tapped.connect(lambda: self._turn(-1))
        self.next_button.tapped.connect(lambda: self._turn(+1))
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pager = QHBoxLayout()
        pager.setSpacing(theme.metrics.gap_px)
        pager.addWidget(self.previous_button, 2)
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.next_button, 2)

        layout = QVBoxLayout(self)
        layout.setSpacing(theme.metrics.gap_px // 2)
        layout.addLayout(heading_row)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(pager)
        self.retranslate()

    def title(self) -> str:
        return self.words.gettext("My care plan")

    @property
    def sections(self) -> tuple[SectionText, ...]:
        return self._plan.sections if self._plan is not None else ()

    def refresh(self) -> None:
        """Read the newest plan afresh, as the resident signed in now (never kept after)."""
        self._plan, self._problem, self.index = None, "", 0
        actor = self._reader()
        if actor is None or actor.resident_id is None:
            self._problem = N_("Please touch your name first.")
        else:
            try:
                self._plan = self._care_plans.current(actor, actor.resident_id)
            except KioskError as error:
                self._problem = error.message
        self._show_section()

    def retranslate(self) -> None:
        self._show_section()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._show_section()

    def _turn(self, step: int) -> None:
        if self.sections:
            self.index = max(0, min(len(self.sections) - 1, self.index + step))
            self._show_section()

    def _show_section(self) -> None:
        gettext = self.words.gettext
        self.previous_button.set_words(gettext("Back a section"))
        self.next_button.set_words(gettext("Next section ›"))
        sections = self.sections
        for widget in (self.previous_button, self.next_button, self.page_label):
            widget.setVisible(bool(sections))
        if not sections:
            self.picture.hide()
            self.heading.setText(
                gettext(self._problem) if self._problem else gettext("Your care plan")
            )
            self.body.setText(
                ""
                if self._problem
                else gettext(
                    "Your care plan has not been written yet. A member of staff will write "
                    "it with you."
                )
            )
            self.review.hide()
            return
        shown = sections[self.index]
        size = self.theme.metrics.picture_px
        heading = gettext(SECTION_HEADINGS[shown.section])
        self.picture.setPixmap(
            self.pictures.pixmap(section_picture(shown.section), size, heading, self.theme.palette)
        )
        self.picture.setFixedSize(size, size)
        self.picture.show()
        self.heading.setText(heading)
        self.body.setText(
            shown.body
            or gettext("Not written yet. Would you like to talk about this with a member of staff?")
        )
        self.page_label.setText(
            gettext("Section {number} of {count}").format(
                number=self.index + 1, count=len(sections)
            )
        )
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(sections) - 1)
        review = self._plan.next_review_on if self._plan is not None else None
        self.review.setVisible(review is not None)
        if review is not None:
            self.review.setText(
                gettext("We will look at your plan together again on {date}.").format(
                    date=self.words.day_and_date(review)
                )
            )
        self.scroll.verticalScrollBar().setValue(0)
