"""A screen's steps, one shown at a time, remembering the way back (for Back)."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QStackedWidget


class StepStack(QStackedWidget):
    """A screen's steps, one shown at a time, remembering the way back."""

    def __init__(self) -> None:
        super().__init__()
        self._taken: list[int] = []

    @property
    def step(self) -> int:
        return self.currentIndex()

    def show_step(self, step: int, *, remember: bool = True) -> None:
        """Show ``step``; the hidden steps ask for no room (a stack is as tall as its
        tallest page otherwise, and the screen would not fit at large text)."""
        if remember and self.currentIndex() != step:
            self._taken.append(self.currentIndex())
        for index in range(self.count()):
            page = self.widget(index)
            policy = QSizePolicy.Policy.Preferred if index == step else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.setCurrentIndex(step)

    def step_before(self) -> int | None:
        """The step this one was reached from (forgotten once gone back to), if any."""
        return self._taken.pop() if self._taken else None

    def forget(self, *, back_to: int | None = None) -> None:
        """A fresh start: Back leaves the screen from here (or goes to ``back_to``)."""
        self._taken = [back_to] if back_to is not None else []
