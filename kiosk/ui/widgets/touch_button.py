"""A button for shaky hands: it acts on release, once, however it was tapped.

A press shorter than ``hold_ms`` is ignored (a brush of the screen), and a second tap
within 300 ms of the last accepted one is ignored (a tremor's double tap). Screens
listen to :attr:`tapped`, never to ``clicked``.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

REPEAT_GUARD_MS = 300
LONG_PRESS_MS = 700  # hold this long and the button says its words instead of acting
TALK_FIRST_WINDOW_S = 6.0  # with "talking buttons": a second tap this soon acts


class TouchButton(QPushButton):
    tapped = Signal()
    wants_words_read = Signal(str)  # long press, or first tap with talking buttons on

    #: When true, a tap first reads the words aloud; a second tap soon after acts.
    talking = False

    def __init__(self, text: str = "", parent: QWidget | None = None, *, hold_ms: int = 0) -> None:
        super().__init__(text, parent)
        self.hold_ms = hold_ms
        self._pressed_at: float | None = None
        self._last_accepted: float | None = None
        self._long_press_fired = False
        self._last_read_aloud: float | None = None
        self._long_press = QTimer(self, singleShot=True, interval=LONG_PRESS_MS)
        self._long_press.timeout.connect(self._on_long_press_timeout)
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.clicked.connect(self._on_self_clicked)
        self.pressed.connect(self.refresh_words_tone)
        self.released.connect(self.refresh_words_tone)

    def words_tone(self) -> str:
        """How words inside this button should look now (Qt's style sheets cannot say it)."""
        if not self.isEnabled():
            return "disabled"
        quiet = self.property("role") == "quiet"
        if self.isDown() or self.property("chosen") == "true" or quiet:
            return "on-surface"
        return "on-button"

    def set_chosen(self, chosen: bool) -> None:
        self.setProperty("chosen", "true" if chosen else "false")
        self._repolish()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self.refresh_words_tone()

    def refresh_words_tone(self) -> None:
        """Colour the words inside this button for its state; call after adding a label."""
        tone = self.words_tone()
        for label in self.findChildren(QLabel):
            if label.property("tone") != tone:
                label.setProperty("tone", tone)
                label.style().unpolish(label)
                label.style().polish(label)

    def _repolish(self) -> None:
        self.style().unpolish(self)
        self.style().polish(self)
        self.refresh_words_tone()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._pressed_at = time.monotonic()
        self._long_press_fired = False
        self._long_press.start()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._long_press.stop()
        pressed_at, self._pressed_at = self._pressed_at, None
        too_brief = pressed_at is not None and (time.monotonic() - pressed_at) * 1000 < self.hold_ms
        if too_brief or self._long_press_fired:
            self.setDown(False)  # a brush of the screen, or a long press that read the words
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _on_long_press_timeout(self) -> None:
        if self.isDown() and self.accessibleName():
            self._long_press_fired = True
            self.wants_words_read.emit(self.accessibleName())

    def _on_self_clicked(self) -> None:
        now = time.monotonic()
        if self._last_accepted is not None and (now - self._last_accepted) * 1000 < REPEAT_GUARD_MS:
            return
        self._last_accepted = now
        if self.talking and self.accessibleName():
            recently_read = (
                self._last_read_aloud is not None
                and now - self._last_read_aloud < TALK_FIRST_WINDOW_S
            )
            if not recently_read:
                self._last_read_aloud = now
                self.wants_words_read.emit(self.accessibleName())
                return
            self._last_read_aloud = None
        self.tapped.emit()
