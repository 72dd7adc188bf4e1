"""The kiosk's window. For now it shows who lives here, from the database.

The full shell (home screen, navigation, theme, languages) replaces the body of this window;
the window itself stays the one place where screens are wired together.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.residents import Resident
from kiosk.ui.widgets.resident_card import ResidentCard


class ResidentDirectory(Protocol):
    def list_active(self) -> Sequence[Resident]: ...


class MainWindow(QMainWindow):
    COLUMNS = 4

    def __init__(self, *, residents: ResidentDirectory, home_name: str) -> None:
        super().__init__()
        self.setWindowTitle(f"Our Say — {home_name}")
        self.setAccessibleName(f"Our Say, {home_name}")

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)

        title = QLabel(home_name)
        title.setObjectName("title")
        subtitle = QLabel("Who lives here")
        subtitle.setObjectName("subtitle")
        layout.addWidget(title)
        layout.addWidget(subtitle)

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setSpacing(16)
        people = list(residents.list_active())
        for index, resident in enumerate(people):
            grid.addWidget(ResidentCard(resident), index // self.COLUMNS, index % self.COLUMNS)
        if not people:
            grid.addWidget(QLabel("No residents yet. Staff can add them."), 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)

        self.resident_cards = grid_host.findChildren(ResidentCard)
        self.setCentralWidget(body)
        self.setStyleSheet(_STYLE)


_STYLE = """
QMainWindow, QWidget { background: #FFFDF7; color: #1A1A1A; font-size: 24px; }
QLabel#title { font-size: 40px; font-weight: bold; }
QLabel#subtitle { font-size: 28px; color: #333333; }
"""
