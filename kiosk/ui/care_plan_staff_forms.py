"""The care-plan forms open or kept: at most one plan being written and one review being
recorded for each resident. A form with changes stays (hidden) when staff go Home or are
signed out, so nothing typed is lost; it goes once it is saved or staff choose to leave
it without saving.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_editor import CarePlanEditor
from kiosk.ui.care_plan_review import ReviewForm
from kiosk.ui.discard import discard

Form = CarePlanEditor | ReviewForm


class KeptForms:
    def __init__(self, on_changed: Callable[[], None]) -> None:
        self.host = QWidget()  # the forms, one shown at a time
        self._column = form.column(self.host, 0)
        self._on_changed = on_changed
        self.editors: dict[int, CarePlanEditor] = {}
        self.reviews: dict[int, ReviewForm] = {}

    def all(self) -> list[Form]:
        return [*self.editors.values(), *self.reviews.values()]

    def add(self, resident_id: int, shown: Form) -> None:
        if isinstance(shown, CarePlanEditor):
            self.editors[resident_id] = shown
        else:
            self.reviews[resident_id] = shown
        self._column.addWidget(shown)
        shown.changed.connect(self._on_changed)

    def drop(self, resident_id: int, shown: Form) -> None:
        """``shown`` goes, with what it held."""
        if isinstance(shown, CarePlanEditor):
            self.editors.pop(resident_id, None)
        else:
            self.reviews.pop(resident_id, None)
        self._column.removeWidget(shown)
        discard(shown)

    def drop_unchanged(self) -> None:
        """Forms with nothing changed go; those with changes are kept."""
        for resident_id, shown in [*self.editors.items(), *self.reviews.items()]:
            if not shown.has_changes():
                self.drop(resident_id, shown)

    def show_only(self, shown: Form) -> None:
        for each in self.all():
            each.setVisible(each is shown)
