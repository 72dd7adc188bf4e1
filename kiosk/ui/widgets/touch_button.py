"""A button for shaky hands: it acts on release, once, however it was tapped.

A press shorter than ``hold_ms`` is ignored (a brush of the screen), and a second tap
within 300 ms of the last accepted one is ignored (a tremor's double tap). Screens
listen to :attr:`tapped`, never to ``clicked``.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

REPEAT_GUARD_MS = 300


class TouchButton(QPushButton):
    tapped = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None, *, hold_ms: int = 0) -> None:
        super().__init__(text, parent)
        self.hold_ms = hold_ms
        self._pressed_at: float | None = None
        self._last_accepted: float | None = None
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
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pressed_at, self._pressed_at = self._pressed_at, None
        if pressed_at is not None and (time.monotonic() - pressed_at) * 1000 < self.hold_ms:
            self.setDown(False)  # too brief to be meant: no click
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _on_self_clicked(self) -> None:
        now = time.monotonic()
        if self._last_accepted is not None and (now - self._last_accepted) * 1000 < REPEAT_GUARD_MS:
            return
        self._last_accepted = now
        self.tapped.emit()
