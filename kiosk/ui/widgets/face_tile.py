"""A resident's face to choose on "Who are you?": their photo or initials, and their name."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout

from kiosk.domain.residents import Resident
from kiosk.ui.theme import FONT_FAMILIES, Theme
from kiosk.ui.widgets.touch_button import TouchButton


class FaceTile(TouchButton):
    MARGIN = 12

    @staticmethod
    def avatar_px(theme: Theme) -> int:
        return max(theme.metrics.min_target_px, round(96 * min(theme.metrics.scale, 1.25)))

    @classmethod
    def height_for(cls, theme: Theme) -> int:
        """The height a tile needs: avatar, one line of name, margins and border."""
        name_font = QFont(list(FONT_FAMILIES))
        name_font.setPixelSize(theme.metrics.heading_px)
        name_font.setBold(True)
        line = QFontMetrics(name_font).height()
        return cls.avatar_px(theme) + line + 2 * cls.MARGIN + 6 + 2 * theme.metrics.border_px

    def __init__(self, resident: Resident, *, theme: Theme) -> None:
        super().__init__("")
        self.resident_id = resident.id
        self.setProperty("role", "quiet")
        self.setAccessibleName(resident.preferred_name)
        size = self.avatar_px(theme)
        avatar = QLabel()
        avatar.setPixmap(_initials_avatar(resident.initials, size, theme))
        avatar.setFixedSize(size, size)
        name = QLabel(resident.preferred_name)
        name.setWordWrap(True)
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name.setProperty("role", "heading")
        for child in (avatar, name):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(self.MARGIN, self.MARGIN, self.MARGIN, self.MARGIN)
        layout.addWidget(avatar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(name, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.refresh_words_tone()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().sizeHint()


def _initials_avatar(initials: str, size: int, theme: Theme) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.palette.button))
    painter.drawEllipse(QRectF(0, 0, size, size))
    font = QFont(list(FONT_FAMILIES))
    font.setBold(True)
    font.setPixelSize(round(size * (0.42 if len(initials) < 2 else 0.36)))
    painter.setFont(font)
    painter.setPen(QColor(theme.palette.button_text))
    painter.drawText(QRectF(0, 0, size, size), int(Qt.AlignmentFlag.AlignCenter), initials)
    painter.end()
    return pixmap
