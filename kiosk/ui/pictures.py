"""Pictures by key (``"fish"``, ``"calendar"``), drawn from OpenMoji SVGs at any size.

A missing or broken picture never breaks a screen: it becomes a calm tile with the words.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk.ui.theme import FONT_FAMILIES, Palette

log = logging.getLogger(__name__)


class PictureLibrary:
    """Reads ``assets/pictures/pictures.json`` once; renders and caches pixmaps."""

    def __init__(self, pictures_dir: Path) -> None:
        self._dir = pictures_dir
        manifest = pictures_dir / "pictures.json"
        self._files: dict[str, str] = {}
        if manifest.is_file():
            entries = json.loads(manifest.read_text(encoding="utf-8"))
            self._files = {key: entry["file"] for key, entry in entries.items()}
        else:
            log.warning("No picture manifest at %s; every picture will be a word tile", manifest)
        self._renderers: dict[str, QSvgRenderer | None] = {}
        self._cache: dict[tuple[str, int, str], QPixmap] = {}

    def has(self, key: str | None) -> bool:
        return key is not None and self._renderer(key) is not None

    def pixmap(self, key: str | None, size: int, words: str, palette: Palette) -> QPixmap:
        """The picture for ``key`` at ``size`` px square, or a tile showing ``words``."""
        cache_key = (key or "", size, words if not self.has(key) else palette.name.value)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer = self._renderer(key) if key else None
        if renderer is not None:
            area = QRectF(0, 0, size, size)
            if palette.picture_backdrop:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(palette.picture_backdrop))
                painter.drawRoundedRect(area, size / 6, size / 6)
                area = area.adjusted(size / 12, size / 12, -size / 12, -size / 12)
            renderer.render(painter, area)
        else:
            _draw_word_tile(painter, size, words, palette)
        painter.end()
        self._cache[cache_key] = pixmap
        return pixmap

    def _renderer(self, key: str) -> QSvgRenderer | None:
        if key not in self._renderers:
            renderer = None
            file_name = self._files.get(key)
            if file_name:
                candidate = QSvgRenderer(str(self._dir / file_name))
                renderer = candidate if candidate.isValid() else None
            if renderer is None:
                log.info("Picture %r is missing; showing its words instead", key)
            self._renderers[key] = renderer
        return self._renderers[key]


def _draw_word_tile(painter: QPainter, size: int, words: str, palette: Palette) -> None:
    inset = max(2, size // 24)
    rect = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
    painter.setPen(QPen(QColor(palette.border), inset))
    painter.setBrush(QColor(palette.surface))
    painter.drawRoundedRect(rect, size / 8, size / 8)
    font = QFont(list(FONT_FAMILIES))
    font.setBold(True)
    font.setPixelSize(max(10, size // 5))
    painter.setFont(font)
    painter.setPen(QColor(palette.text))
    text_rect = rect.adjusted(size / 12, size / 12, -size / 12, -size / 12)
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    painter.drawText(text_rect, int(flags), words)
