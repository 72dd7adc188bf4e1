"""Noticing when nobody has touched the kiosk for a while (WCAG 2.2.1: warned, extendable).

Any touch, click or key anywhere restarts the clock. ``warn`` comes ``warning_s`` seconds
before ``expired``; a timeout of 0 switches the watch off.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

DEFAULT_TIMEOUT_S = 90
WARNING_S = 25  # more than the 20 seconds WCAG asks for
_ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class IdleWatch(QObject):
    warn = Signal(int)  # seconds left before signing out
    expired = Signal()

    def __init__(self, parent: QObject | None = None, *, warning_s: int = WARNING_S) -> None:
        super().__init__(parent)
        self.warning_s = warning_s
        self.timeout_s = 0
        self._warn_timer = QTimer(self, singleShot=True)
        self._expire_timer = QTimer(self, singleShot=True)
        self._warn_timer.timeout.connect(self._on_warn_timer_timeout)
        self._expire_timer.timeout.connect(self.expired)
        self.armed = False  # only while someone is using the kiosk

    def set_timeout(self, seconds: int) -> None:
        self.timeout_s = max(0, seconds)
        self.restart()

    def arm(self, armed: bool) -> None:
        self.armed = armed
        self.restart()

    def restart(self) -> None:
        self._warn_timer.stop()
        self._expire_timer.stop()
        if not self.armed or self.timeout_s == 0:
            return
        warn_after = max(0, self.timeout_s - self.warning_s)
        self._warn_timer.start(warn_after * 1000)
        self._expire_timer.start(self.timeout_s * 1000)

    def seconds_left(self) -> int:
        return max(0, round(self._expire_timer.remainingTime() / 1000))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _ACTIVITY and self.armed:
            self.restart()
        return False

    def _on_warn_timer_timeout(self) -> None:
        self.warn.emit(self.seconds_left())
