"""The repeatable parts of a care plan in the editor: goals, daily routines and risks, each
a small card of fields with "Remove", and "Add" under them.

A card left completely empty is not part of the plan (an "Add" tapped by mistake costs
nothing); one partly filled goes to the service, which says in words what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.care_plans import AgreedRisk, DailyRoutine, PlanGoal
from kiosk.domain.enums import GoalStatus
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_staff_fields import FieldProblems
from kiosk.ui.care_plan_staff_words import GOAL_STATUS_WORDS
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.day_picker import DayPicker
from kiosk.ui.widgets.long_text_box import LongTextBox

ItemT = TypeVar("ItemT", PlanGoal, DailyRoutine, AgreedRisk)

GOAL_REVIEW_SHORTCUTS = (
    (N_("In 1 month"), 1, 0),
    (N_("In 3 months"), 3, 0),
    (N_("In 6 months"), 6, 0),
)


@dataclass(frozen=True)
class Kit:
    """What every card needs to build its fields."""

    words: Words
    pictures: PictureLibrary
    theme: Theme
    today: Callable[[], date]


class ItemCard(QWidget, Generic[ItemT]):
    """One goal, routine or risk: labelled fields, then "Remove"."""

    changed = Signal()
    remove_requested = Signal(QObject)  # this card

    #: (field name, words above it, lines: 0 for a one-line box)
    FIELDS: tuple[tuple[str, str, int], ...] = ()
    REMOVE_WORDS = ""

    def __init__(self, kit: Kit) -> None:
        super().__init__()
        self.kit = kit
        gap = kit.theme.metrics.gap_px
        self.labels: dict[str, QLabel] = {}
        self.boxes: dict[str, QLineEdit | LongTextBox] = {}
        card = form.card()
        self.column = form.inside(card, gap)
        self.column.setSpacing(gap // 3)
        for field, _, lines in self.FIELDS:
            label = field_label()
            box: QLineEdit | LongTextBox
            if lines:
                box = LongTextBox(theme=kit.theme, lines=lines)
                box.textChanged.connect(self.changed)
            else:
                box = QLineEdit()
                box.textEdited.connect(self.changed)
            label.setBuddy(box)
            self.labels[field] = label
            self.boxes[field] = box
            self.column.addWidget(label)
            self.column.addWidget(box)
        self._add_own_parts()
        self.column.addSpacing(gap - gap // 3)  # a full gap above "Remove"
        self.remove_button = BigButton(
            "cross", "", pictures=kit.pictures, theme=kit.theme, horizontal=True, small=True
        )
        self.remove_button.tapped.connect(lambda: self.remove_requested.emit(self))
        self.column.addLayout(form.row_of([self.remove_button], gap))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)

    def _add_own_parts(self) -> None:
        """Parts after the boxes (a goal's status and review day)."""

    def text(self, field: str) -> str:
        return self.boxes[field].text()

    def set_text(self, field: str, text: str | None) -> None:
        box = self.boxes[field]
        if isinstance(box, LongTextBox):
            box.set_text(text or "")
        else:
            box.setText(text or "")

    def is_empty(self) -> bool:
        return not any(box.text().strip() for box in self.boxes.values())

    def snapshot(self) -> tuple[object, ...]:
        return tuple(box.text() for box in self.boxes.values())

    def value(self) -> ItemT:
        raise NotImplementedError

    def load(self, item: ItemT) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        gettext = self.kit.words.gettext
        for field, words, _ in self.FIELDS:
            self.labels[field].setText(gettext(words))
            self.boxes[field].setAccessibleName(gettext(words))
        self.remove_button.set_words(gettext(self.REMOVE_WORDS))

    def apply_theme(self, theme: Theme) -> None:
        for box in self.boxes.values():
            if isinstance(box, LongTextBox):
                box.apply_theme(theme)


class GoalCard(ItemCard[PlanGoal]):
    FIELDS = (
        ("goal", N_("The goal, in their own words"), 2),
        ("expressed_by", N_("Whose words are these?"), 0),
    )
    REMOVE_WORDS = N_("Remove this goal")

    def _add_own_parts(self) -> None:
        kit = self.kit
        self.status = GoalStatus.ACTIVE
        self.status_label = field_label()
        self.status_buttons = {
            status: BigButton(None, "", pictures=kit.pictures, theme=kit.theme, small=True)
            for status in GoalStatus
        }
        for status, button in self.status_buttons.items():
            button.tapped.connect(lambda status=status: self._choose(status))
        self._status_grid = QGridLayout()
        self.review_label = field_label()
        self.review_picker = DayPicker(
            words=kit.words,
            pictures=kit.pictures,
            theme=kit.theme,
            today=kit.today,
            shortcuts=GOAL_REVIEW_SHORTCUTS,
            optional=True,
        )
        self.review_picker.changed.connect(self.changed)
        self.column.addWidget(self.status_label)
        self.column.addLayout(self._status_grid)
        self.column.addWidget(self.review_label)
        self.column.addWidget(self.review_picker)
        self._arrange()
        self._mark()

    def _arrange(self) -> None:
        columns = 2 if self.kit.theme.metrics.scale >= 1.5 else 4
        form.grid_of(
            self._status_grid,
            list(self.status_buttons.values()),
            columns,
            self.kit.theme.metrics.gap_px,
        )

    def _choose(self, status: GoalStatus) -> None:
        self.status = status
        self._mark()
        self.changed.emit()

    def _mark(self) -> None:
        for status, button in self.status_buttons.items():
            button.set_chosen(status == self.status)

    def value(self) -> PlanGoal:
        return PlanGoal(
            goal=self.text("goal"),
            expressed_by=self.text("expressed_by"),
            status=self.status,
            review_on=self.review_picker.day,
        )

    def load(self, item: PlanGoal) -> None:
        self.set_text("goal", item.goal)
        self.set_text("expressed_by", item.expressed_by)
        self.status = item.status
        self.review_picker.set_day(item.review_on)
        self._mark()

    def snapshot(self) -> tuple[object, ...]:
        return (*super().snapshot(), self.status, self.review_picker.day)

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.kit.words.gettext
        self.status_label.setText(gettext("How is it going?"))
        for status, button in self.status_buttons.items():
            button.set_words(gettext(GOAL_STATUS_WORDS[status]))
        self.review_label.setText(gettext("Look at it again on"))
        self.review_picker.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.review_picker.apply_theme(theme)
        self._arrange()


class RoutineCard(ItemCard[DailyRoutine]):
    FIELDS = (
        ("routine_name", N_("Which part of the day? (for example: Morning)"), 0),
        ("timing", N_("When"), 0),
        ("steps", N_("What happens, in their order"), 3),
        ("music", N_("Music"), 0),
    )
    REMOVE_WORDS = N_("Remove this routine")

    def value(self) -> DailyRoutine:
        return DailyRoutine(
            name=self.text("routine_name"),
            timing=self.text("timing"),
            steps=self.text("steps"),
            music=self.text("music"),
        )

    def load(self, item: DailyRoutine) -> None:
        self.set_text("routine_name", item.name)
        self.set_text("timing", item.timing)
        self.set_text("steps", item.steps)
        self.set_text("music", item.music)


class RiskCard(ItemCard[AgreedRisk]):
    FIELDS = (
        ("risk", N_("The risk"), 2),
        ("agreement", N_("What we agreed together"), 3),
        ("agreed_by", N_("Who agreed"), 0),
    )
    REMOVE_WORDS = N_("Remove this risk")

    def value(self) -> AgreedRisk:
        return AgreedRisk(
            risk=self.text("risk"),
            agreement=self.text("agreement"),
            agreed_by=self.text("agreed_by"),
        )

    def load(self, item: AgreedRisk) -> None:
        self.set_text("risk", item.risk)
        self.set_text("agreement", item.agreement)
        self.set_text("agreed_by", item.agreed_by)


class ItemList(QWidget, Generic[ItemT]):
    """A heading, the cards, words about a problem with them, and "Add"."""

    changed = Signal()

    def __init__(
        self,
        kit: Kit,
        card_type: type[ItemCard[ItemT]],
        *,
        heading: str,
        add_words: str,
        problems: FieldProblems,
    ) -> None:
        """``heading`` and ``add_words`` are marked with ``N_``."""
        super().__init__()
        self.kit = kit
        self._card_type = card_type
        self._heading_words = heading
        self._add_words = add_words
        gap = kit.theme.metrics.gap_px
        self.cards: list[ItemCard[ItemT]] = []
        self.heading = form.section_heading()
        self._cards_column = QVBoxLayout()
        self._cards_column.setSpacing(gap // 2)
        fields = [field for field, _, _ in card_type.FIELDS]
        self.problem_label = problems.label_for(*fields)
        self.add_button = BigButton(
            None, "", pictures=kit.pictures, theme=kit.theme, horizontal=True, small=True
        )
        self.add_button.tapped.connect(self._on_add_button_tapped)
        column = form.column(self, gap // 2)
        column.addWidget(self.heading)
        column.addLayout(self._cards_column)
        column.addWidget(self.problem_label)
        column.addLayout(form.row_of([self.add_button], gap))

    def load(self, items: tuple[ItemT, ...]) -> None:
        for card in list(self.cards):
            self._remove(card)
        for item in items:
            self._add().load(item)

    def values(self) -> tuple[ItemT, ...]:
        """The items on the cards, leaving out cards with nothing on them."""
        return tuple(card.value() for card in self.cards if not card.is_empty())

    def snapshot(self) -> tuple[object, ...]:
        return tuple(card.snapshot() for card in self.cards)

    def retranslate(self) -> None:
        gettext = self.kit.words.gettext
        self.heading.setText(gettext(self._heading_words))
        self.add_button.set_words(gettext(self._add_words))
        for card in self.cards:
            card.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        for card in self.cards:
            card.apply_theme(theme)

    def _add(self) -> ItemCard[ItemT]:
        card = self._card_type(self.kit)
        card.retranslate()
        card.changed.connect(self.changed)
        card.remove_requested.connect(lambda _card, card=card: self._on_card_removed(card))
        self._cards_column.addWidget(card)
        self.cards.append(card)
        return card

    def _remove(self, card: ItemCard[ItemT]) -> None:
        self.cards.remove(card)
        self._cards_column.removeWidget(card)
        discard(card)

    def _on_add_button_tapped(self) -> None:
        card = self._add()
        self.changed.emit()
        first = next(iter(card.boxes.values()))
        first.setFocus()

    def _on_card_removed(self, card: ItemCard[ItemT]) -> None:
        if card in self.cards:
            self._remove(card)
            self.changed.emit()
