"""Words about a problem, shown right under the field it is about (as well as at the top
of the screen), so staff see at once what to put right. Nothing typed is touched."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk.ui import form_parts as form


class FieldProblems:
    """The problem labels of one form, by the field names the services use."""

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}

    def label_for(self, *fields: str) -> QLabel:
        """A label for problems with ``fields`` (hidden until there is one): put it under
        the field, or under a group of fields (a goal's words and whose words they are)."""
        label = form.plain_label()
        label.setProperty("role", "banner")
        label.hide()
        for field in fields:
            self._labels[field] = label
        return label

    def knows(self, field: str) -> bool:
        return field in self._labels

    def show(self, field: str, text: str) -> QLabel | None:
        """Show ``text`` under ``field``; the label shown, or None for a field not here."""
        label = self._labels.get(field)
        if label is not None:
            label.setText(text)
            label.show()
        return label

    def clear(self) -> None:
        for label in set(self._labels.values()):
            label.clear()
            label.hide()
