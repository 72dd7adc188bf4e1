"""Who was there, whether the person took part, and what changed: asked every time a plan
is written or reviewed, because it is what an inspector asks first.

"Did they take part?" has no answer until staff give one: a yes left standing by default
would be a record nobody made.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.care_plans import WhoTookPart
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_staff_fields import FieldProblems
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.long_text_box import LongTextBox

TOOK_PART = "took_part"  # the field name for the yes or no (the services never see it empty)


class TookPartPanel(QWidget):
    """The three questions, in a card of their own."""

    changed = Signal()  # something was typed or chosen

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        problems: FieldProblems,
        heading: str,
        what_changed: str,
    ) -> None:
        """``heading`` and ``what_changed`` are the words above the card and above its last
        box (marked with ``N_``)."""
        super().__init__()
        self.words = words
        self._heading_words = heading
        self._what_changed_words = what_changed
        self._name = ""
        self._took_part: bool | None = None
        gap = theme.metrics.gap_px
        kit = {"pictures": pictures, "theme": theme, "horizontal": True, "small": True}

        self.heading = form.section_heading()
        self.people_label = field_label()
        self.people_edit = QLineEdit()
        self.people_label.setBuddy(self.people_edit)
        self.people_edit.textEdited.connect(self.changed)
        self.took_part_label = field_label()
        self.yes_button = BigButton("yes", "", **kit)
        self.no_button = BigButton("no", "", **kit)
        self.yes_button.tapped.connect(lambda: self._choose(True))
        self.no_button.tapped.connect(lambda: self._choose(False))
        self.what_changed_label = field_label()
        self.what_changed_box = LongTextBox(theme=theme, lines=3)
        self.what_changed_box.textChanged.connect(self.changed)

        card = form.card()
        column = form.inside(card, gap)
        column.addWidget(self.heading)
        column.addWidget(self.people_label)
        column.addWidget(self.people_edit)
        column.addWidget(problems.label_for("people_present"))
        column.addSpacing(gap // 3)
        column.addWidget(self.took_part_label)
        column.addLayout(form.row_of([self.yes_button, self.no_button], gap))
        column.addWidget(problems.label_for(TOOK_PART))
        column.addSpacing(gap // 3)
        column.addWidget(self.what_changed_label)
        column.addWidget(self.what_changed_box)
        column.addWidget(problems.label_for("what_changed"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)
        self.retranslate()

    # -- what the form uses ------------------------------------------------------------------

    def start(self, name: str, people: str) -> None:
        """Fresh answers about ``name``: ``people`` already there, nothing chosen yet."""
        self._name = name
        self._took_part = None
        self.people_edit.setText(people)
        self.what_changed_box.set_text("")
        self._mark()
        self.retranslate()

    @property
    def took_part(self) -> bool | None:
        """Yes, no, or None while nobody has said."""
        return self._took_part

    def answers(self) -> WhoTookPart | None:
        """What was typed and chosen; None while "did they take part?" has no answer."""
        if self._took_part is None:
            return None
        return WhoTookPart(
            people_present=self.people_edit.text(),
            resident_took_part=self._took_part,
            what_changed=self.what_changed_box.text(),
        )

    def needs_answer_words(self) -> str:
        return self.words.gettext("Please say whether {name} took part: Yes or No.").format(
            name=self._name
        )

    def snapshot(self) -> tuple[object, ...]:
        """Everything on the panel, to tell whether anything has changed since."""
        return (self.people_edit.text(), self._took_part, self.what_changed_box.text())

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.heading.setText(gettext(self._heading_words))
        self.what_changed_label.setText(gettext(self._what_changed_words))
        self.what_changed_box.setAccessibleName(self.what_changed_label.text())
        self.people_label.setText(gettext("Who was there? Start with the person."))
        self.people_edit.setAccessibleName(self.people_label.text())
        self.took_part_label.setText(
            gettext("Did {name} take part?").format(name=self._name or gettext("the person"))
        )
        self.yes_button.set_words(gettext("Yes"))
        self.no_button.set_words(gettext("No"))

    # -- inside ------------------------------------------------------------------------------

    def _choose(self, took_part: bool) -> None:
        self._took_part = took_part
        self._mark()
        self.changed.emit()

    def _mark(self) -> None:
        self.yes_button.set_chosen(self._took_part is True)
        self.no_button.set_chosen(self._took_part is False)
