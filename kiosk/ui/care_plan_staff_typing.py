"""The on-screen keyboard typing into boxes of several lines (care-plan sections), with a
"New line" key over the keys.

:class:`~kiosk.ui.staff_screen.StaffScreen` raises the keyboard for one-line boxes; this
does the same for a :class:`~kiosk.ui.widgets.long_text_box.LongTextBox` on the screen,
and passes each key on to it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from shiboken6 import isValid

from kiosk.ui.staff_screen import StaffScreen
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.long_text_box import LongTextBox

ROOM_LINES = 2  # lines of a box kept in sight above the keys


class LongTextTyping(QObject):
    changed = Signal()  # a box of several lines was chosen to type into, or left
    keys_rising = Signal()  # the keys are about to rise for a box: make room first

    def __init__(self, screen: StaffScreen, new_line_button: BigButton) -> None:
        super().__init__(screen)
        self._screen = screen
        self._box: LongTextBox | None = None
        keyboard = screen.keyboard
        keyboard.text_typed.connect(self._on_keyboard_text_typed)
        keyboard.text_deleted.connect(self._on_keyboard_text_deleted)
        new_line_button.tapped.connect(self._on_new_line_button_tapped)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    @property
    def box(self) -> LongTextBox | None:
        """The box the keys type into now (None while they type into a one-line box, or
        are down)."""
        box = self._box
        if box is None or not isValid(box) or not self._screen.keyboard.isVisible():
            return None
        return box

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        screen = self._screen
        if not isValid(screen) or new is None or not screen.isAncestorOf(new):
            return
        if isinstance(new, QLineEdit):
            self._box = None  # the screen's own keyboard handling takes it from here
            self.changed.emit()
        elif isinstance(new, LongTextBox):
            self._box = new
            screen.keyboard.attach(None)
            body = screen.theme.metrics.body_px
            above = round(body * 1.5)
            screen.scroll.setMinimumHeight(min(new.height(), body * ROOM_LINES) + above)
            self.keys_rising.emit()
            screen.keyboard.show()
            self.changed.emit()
            QTimer.singleShot(0, self, lambda: self._bring_into_view(new, above))

    def _bring_into_view(self, box: LongTextBox, above: int) -> None:
        screen = self._screen
        if isValid(box) and screen.keyboard.isVisible() and screen.isAncestorOf(box):
            top = box.mapTo(screen.scroll.widget(), QPoint(0, 0)).y()
            screen.scroll.verticalScrollBar().setValue(top - above)

    def _on_keyboard_text_typed(self, text: str) -> None:
        box = self.box
        if box is not None:
            box.insert(text)

    def _on_keyboard_text_deleted(self) -> None:
        box = self.box
        if box is not None:
            box.backspace()

    def _on_new_line_button_tapped(self) -> None:
        box = self.box
        if box is not None:
            box.insert("\n")
