"""Tapping the kiosk as a person does: real mouse clicks, never the same key too fast."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.pin_pad import CLEAR_AFTER_MS, PinPad

REPEAT_WAIT_MS = 350  # a TouchButton ignores a second tap on itself within 300 ms


class Person:
    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self._last_tap: dict[int, float] = {}

    def tap(self, button: QAbstractButton) -> None:
        assert button.isVisible(), f"{button.accessibleName()!r} is not on screen"
        last = self._last_tap.get(id(button))
        if last is not None:
            waited_ms = (time.monotonic() - last) * 1000
            if waited_ms < REPEAT_WAIT_MS:
                self.qtbot.wait(round(REPEAT_WAIT_MS - waited_ms))
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self._last_tap[id(button)] = time.monotonic()
        self.qtbot.wait(10)

    def type_pin(self, pad: PinPad, pin: str) -> None:
        """Four numbers on the keypad, then wait while it shows four dots and clears."""
        for digit in pin:
            self.tap(pad.digit_keys[digit])
        self.qtbot.wait(CLEAR_AFTER_MS + 50)


class CountingPerson(Person):
    """A person whose taps are counted: "at most four taps from Home" is checked this way."""

    def __init__(self, qtbot: QtBot) -> None:
        super().__init__(qtbot)
        self.taps = 0

    def tap(self, button: QAbstractButton) -> None:
        super().tap(button)
        self.taps += 1
