"""The rows under a care-plan form, always in sight: Save and Cancel; or, when staff would
leave with changes, "Leave without saving?" with Stay and Leave; and "New line" over the
on-screen keys while they type into a box of several lines.

Save steps aside while the keys are up (no Save right beside the keys, and more room for
the form); "Done" on the keys brings it back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.staff_screen import StaffScreen
from kiosk.ui.widgets.big_button import BigButton


class FormBars:
    def __init__(self, screen: StaffScreen) -> None:
        self._screen = screen
        kit = {"pictures": screen.pictures, "theme": screen.theme, "horizontal": True}
        self.save_button = BigButton("check", "", **kit)
        self.cancel_button = BigButton("cross", "", **kit)
        self.save_bar = self._bar(self.save_button, self.cancel_button)
        self.leave_question = QLabel()
        self.leave_question.setProperty("role", "heading")
        self.leave_question.setWordWrap(True)
        self.stay_button = BigButton("check", "", small=True, **kit)
        self.leave_button = BigButton("cross", "", small=True, **kit)
        self.leave_bar = self._bar(
            self.stay_button, self.leave_button, question=self.leave_question
        )
        self.new_line_button = BigButton(None, "", small=True, **kit)
        self.new_line_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the box keeps its cursor
        self.new_line_bar = self._bar(self.new_line_button, over_keys=True)

    def _bar(
        self, *buttons: QWidget, question: QLabel | None = None, over_keys: bool = False
    ) -> QWidget:
        """Buttons in a row (under ``question``, if any) under the form or over the keys,
        hidden until wanted."""
        screen = self._screen
        gap = screen.theme.metrics.gap_px
        bar = QWidget()
        column = QVBoxLayout(bar)
        # With the screen's own half gap: a full gap from the buttons above (or keys below).
        rest = gap - gap // 2
        column.setContentsMargins(0, 0 if over_keys else rest, 0, rest if over_keys else 0)
        column.setSpacing(gap // 2)
        if question is not None:
            column.addWidget(question)
        row = QHBoxLayout()
        row.setSpacing(gap)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        outer = screen.layout()
        assert isinstance(outer, QVBoxLayout)
        below = screen.keyboard if over_keys else screen.scroll
        outer.insertWidget(outer.indexOf(below) + (0 if over_keys else 1), bar)
        bar.hide()
        return bar

    def retranslate(self, save_words: str) -> None:
        gettext = self._screen.words.gettext
        self.save_button.set_words(save_words)
        self.cancel_button.set_words(gettext("Cancel"))
        self.leave_question.setText(gettext("Leave without saving? What you typed will be lost."))
        self.stay_button.set_words(gettext("Stay and carry on"))
        self.leave_button.set_words(gettext("Leave without saving"))
        self.new_line_button.set_words(gettext("New line"))

    @property
    def asking(self) -> bool:
        return self.leave_bar.isVisibleTo(self._screen)

    def ask_to_leave(self, asking: bool) -> None:
        self.leave_bar.setVisible(asking)

    def show(self, *, form: bool, typing: bool, several_lines: bool) -> None:
        """Save under a form unless the keys are up or staff are asked about leaving."""
        self.save_bar.setVisible(form and not typing and not self.asking)
        self.new_line_bar.setVisible(form and typing and several_lines)
        if not form:
            self.leave_bar.hide()
