"""A resident's face to choose on "Who are you?": their photo or initials, and their name."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QImageReader,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout

from kiosk.domain.residents import Resident
from kiosk.ui.theme import FONT_FAMILIES, Theme
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui.widgets.words_label import WordsLabel


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

    def __init__(
        self, resident: Resident, *, theme: Theme, photo: QPixmap | bytes | None = None
    ) -> None:
        super().__init__("")
        self.resident_id = resident.id
        self.setProperty("role", "quiet")
        self.setAccessibleName(resident.preferred_name)
        size = self.avatar_px(theme)
        picture = photo_avatar(photo, size, theme)
        #: True when the resident's photo is shown; False when their initials are.
        self.shows_photo = picture is not None
        self.avatar = QLabel()
        self.avatar.setPixmap(picture or initials_avatar(resident.initials, size, theme))
        self.avatar.setFixedSize(size, size)
        name = WordsLabel(resident.preferred_name)
        name.setWordWrap(True)
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name.setProperty("role", "heading")
        for child in (self.avatar, name):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(self.MARGIN, self.MARGIN, self.MARGIN, self.MARGIN)
        layout.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(name, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.refresh_words_tone()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().sizeHint()


def photo_avatar(photo: QPixmap | bytes | None, size: int, theme: Theme) -> QPixmap | None:
    """A photo cropped to a circle ``size`` across, or None if there is none or it will not draw.

    Bytes are decoded already shrunk (cheap for a large phone photo) and turned the way
    the camera says is up.
    """
    if photo is None:
        return None
    image = photo.toImage() if isinstance(photo, QPixmap) else _decode(photo, size)
    if image is None or image.isNull() or image.width() < 1 or image.height() < 1:
        return None
    scaled = image.scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    left = (scaled.width() - size) // 2
    top = (scaled.height() - size) // 2
    square = scaled.copy(left, top, size, size)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    circle = QPainterPath()
    circle.addEllipse(QRectF(0, 0, size, size))
    painter.setClipPath(circle)
    painter.drawImage(0, 0, square)
    painter.setClipping(False)
    ring = max(2, theme.metrics.border_px)  # an edge, so a pale photo still reads as a face
    painter.setPen(QPen(QColor(theme.palette.border), ring))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QRectF(ring / 2, ring / 2, size - ring, size - ring))
    painter.end()
    return pixmap


def _decode(data: bytes, size: int) -> QImage | None:
    if not data:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # phone photos are often stored on their side
    full = reader.size()
    if full.isValid() and min(full.width(), full.height()) > 2 * size:
        shrink = 2 * size / min(full.width(), full.height())  # twice over: a smooth crop
        reader.setScaledSize(
            QSize(max(1, round(full.width() * shrink)), max(1, round(full.height() * shrink)))
        )
    image = reader.read()
    buffer.close()
    return None if image.isNull() else image


def initials_avatar(initials: str, size: int, theme: Theme) -> QPixmap:
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
