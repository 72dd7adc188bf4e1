"""Writing a care plan with the person: the seven "About Me" sections, their goals, daily
routines and the risks agreed together, who supported them, the next review, and who was
there.

Everything is plain text, kept exactly as typed, line breaks and all. Saving is the
screen's job (a new version every time); this form only holds what was typed, says
whether anything changed since it was opened, and shows a refusal under its field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from kiosk.domain.care_plans import CarePlanView, PlanDraft, WhoTookPart
from kiosk.domain.enums import CarePlanSection
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_editor_rows import GoalCard, ItemList, Kit, RiskCard, RoutineCard
from kiosk.ui.care_plan_staff_fields import FieldProblems
from kiosk.ui.care_plan_staff_took_part import TookPartPanel
from kiosk.ui.care_plan_staff_words import part_heading
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.day_picker import DayPicker
from kiosk.ui.widgets.long_text_box import LongTextBox

NEXT_REVIEW_SHORTCUTS = (
    (N_("In 1 month"), 1, 0),
    (N_("In 3 months"), 3, 0),
    (N_("In 6 months"), 6, 0),
    (N_("In a year"), 12, 0),
)
SECTION_LINES = 4


def section_field(section: CarePlanSection) -> str:
    """The field name the care-plan service gives a section in its refusals."""
    return f"section.{section.value}"


class CarePlanEditor(QWidget):
    changed = Signal()  # something was typed or chosen

    def __init__(
        self, *, words: Words, pictures: PictureLibrary, theme: Theme, today: Callable[[], date]
    ) -> None:
        super().__init__()
        self.words = words
        self.theme = theme
        self.name = ""
        self.based_on: int | None = None  # the version this began from (None: the first)
        self._opened: tuple[object, ...] = ()
        self.problems = FieldProblems()
        gap = theme.metrics.gap_px
        kit = Kit(words, pictures, theme, today)

        self.heading = form.plain_label()
        self.heading.setProperty("role", "heading")
        self.intro = form.plain_label()
        self.notice = form.notice_card(gap)  # "changes not saved yet", when they were kept

        self.section_labels: dict[CarePlanSection, QLabel] = {}
        self.section_boxes: dict[CarePlanSection, LongTextBox] = {}
        sections = form.card()
        sections_column = form.inside(sections, gap)
        sections_column.setSpacing(gap // 3)
        for section in CarePlanSection:
            label = field_label()
            box = LongTextBox(theme=theme, lines=SECTION_LINES)
            box.textChanged.connect(self._on_anything_changed)
            label.setBuddy(box)
            self.section_labels[section] = label
            self.section_boxes[section] = box
            sections_column.addWidget(label)
            sections_column.addWidget(box)
            sections_column.addWidget(self.problems.label_for(section_field(section)))
            sections_column.addSpacing(gap // 3)

        self.goals = ItemList(
            kit,
            GoalCard,
            heading=N_("Goals, in their own words"),
            add_words=N_("Add a goal"),
            problems=self.problems,
        )
        self.routines = ItemList(
            kit,
            RoutineCard,
            heading=N_("Daily routines"),
            add_words=N_("Add a routine"),
            problems=self.problems,
        )
        self.risks = ItemList(
            kit,
            RiskCard,
            heading=N_("Risks we agreed together"),
            add_words=N_("Add a risk"),
            problems=self.problems,
        )
        for items in (self.goals, self.routines, self.risks):
            items.changed.connect(self._on_anything_changed)

        self.supported_by_label = field_label()
        self.supported_by_edit = QLineEdit()
        self.supported_by_label.setBuddy(self.supported_by_edit)
        self.supported_by_edit.textEdited.connect(self._on_anything_changed)
        self.next_review_label = field_label()
        self.next_review_picker = DayPicker(
            words=words,
            pictures=pictures,
            theme=theme,
            today=today,
            shortcuts=NEXT_REVIEW_SHORTCUTS,
            optional=True,
        )
        self.next_review_picker.changed.connect(self._on_anything_changed)
        about = form.card()
        about_column = form.inside(about, gap)
        about_column.setSpacing(gap // 3)
        about_column.addWidget(self.supported_by_label)
        about_column.addWidget(self.supported_by_edit)
        about_column.addWidget(self.problems.label_for("supported_by"))
        about_column.addSpacing(gap // 3)
        about_column.addWidget(self.next_review_label)
        about_column.addWidget(self.next_review_picker)

        self.took_part = TookPartPanel(
            words=words,
            pictures=pictures,
            theme=theme,
            problems=self.problems,
            heading=N_("Who took part"),
            what_changed=N_("What changed? (You can leave this empty.)"),
        )
        self.took_part.changed.connect(self._on_anything_changed)

        column = form.column(self, gap)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        column.addWidget(self.notice)
        column.addWidget(sections)
        for part in (self.goals, self.routines, self.risks):
            column.addWidget(part)
        column.addWidget(about)
        column.addWidget(self.took_part)
        self.retranslate()

    # -- what the screen uses ----------------------------------------------------------------

    def start(self, name: str, people: str, plan: CarePlanView | None) -> None:
        """Begin writing ``name``'s plan from ``plan`` (None: from nothing), with ``people``
        already there."""
        self.name = name
        self.based_on = plan.version_number if plan is not None else None
        self.problems.clear()
        self.show_notice("")
        for section, box in self.section_boxes.items():
            box.set_text(plan.body(section) if plan is not None else "")
        self.goals.load(plan.goals if plan is not None else ())
        self.routines.load(plan.routines if plan is not None else ())
        self.risks.load(plan.risks if plan is not None else ())
        self.supported_by_edit.setText((plan.supported_by if plan is not None else None) or "")
        self.next_review_picker.set_day(plan.next_review_on if plan is not None else None)
        self.next_review_picker.set_open(False)
        self.took_part.start(name, people)
        self.retranslate()
        self._opened = self.snapshot()

    def draft(self) -> PlanDraft:
        """The plan as typed (cards left empty are not part of it)."""
        return PlanDraft(
            sections={section: box.text() for section, box in self.section_boxes.items()},
            goals=self.goals.values(),
            routines=self.routines.values(),
            risks=self.risks.values(),
            supported_by=self.supported_by_edit.text(),
            next_review_on=self.next_review_picker.day,
        )

    def show_notice(self, text: str) -> None:
        """Words above the form ("" for none)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def answers(self) -> WhoTookPart | None:
        """Who was there; None while "did they take part?" has no answer."""
        return self.took_part.answers()

    def has_changes(self) -> bool:
        """True once anything differs from when the form was opened."""
        return self.snapshot() != self._opened

    def snapshot(self) -> tuple[object, ...]:
        return (
            tuple(box.text() for box in self.section_boxes.values()),
            self.goals.snapshot(),
            self.routines.snapshot(),
            self.risks.snapshot(),
            self.supported_by_edit.text(),
            self.next_review_picker.day,
            self.took_part.snapshot(),
        )

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.heading.setText(gettext("Writing with {name}").format(name=self.name))
        self.intro.setText(
            gettext(
                "Write it with {name}, in their own words. Saving makes a new version: "
                "the old ones are kept."
            ).format(name=self.name)
        )
        for section, label in self.section_labels.items():
            label.setText(part_heading(self.words, section))
            self.section_boxes[section].setAccessibleName(label.text())
        for items in (self.goals, self.routines, self.risks):
            items.retranslate()
        self.supported_by_label.setText(gettext("Supported to write this by"))
        self.supported_by_edit.setAccessibleName(self.supported_by_label.text())
        self.next_review_label.setText(gettext("Next review together"))
        self.next_review_picker.retranslate()
        self.took_part.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        for box in self.section_boxes.values():
            box.apply_theme(theme)
        for items in (self.goals, self.routines, self.risks):
            items.apply_theme(theme)
        self.next_review_picker.apply_theme(theme)
        self.took_part.what_changed_box.apply_theme(theme)

    def _on_anything_changed(self) -> None:
        self.changed.emit()
