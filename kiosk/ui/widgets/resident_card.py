"""A resident shown as a big initials avatar with their name and room beneath."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from kiosk.domain.residents import Resident


class ResidentCard(QFrame):
    def __init__(self, resident: Resident) -> None:
        super().__init__()
        self.resident_id = resident.id
        self.setObjectName("residentCard")
        self.setAccessibleName(resident.preferred_name)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        avatar = QLabel(resident.initials)
        avatar.setObjectName("avatar")
        avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        avatar.setFixedSize(96, 96)
        name = QLabel(resident.preferred_name)
        name.setObjectName("name")
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name.setWordWrap(True)
        layout.addWidget(avatar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(name)
        if resident.room:
            room = QLabel(f"Room {resident.room}")
            room.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(room)
        self.setStyleSheet(
            "QFrame#residentCard { border: 2px solid #1A1A1A; border-radius: 16px;"
            " background: #FFFFFF; }"
            "QLabel { background: transparent; border: none; }"
            "QLabel#avatar { background: #1F3A5F; color: #FFFFFF; border-radius: 48px;"
            " font-size: 36px; font-weight: bold; }"
            "QLabel#name { font-size: 28px; font-weight: bold; }"
        )
