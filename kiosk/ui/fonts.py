"""Register the shipped fonts (Atkinson Hyperlegible, Noto Sans Gurmukhi, Noto Sans) with Qt."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase

log = logging.getLogger(__name__)


def register_fonts(fonts_dir: Path) -> set[str]:
    """Add every TTF in ``fonts_dir``; returns the families Qt now knows from them."""
    families: set[str] = set()
    for path in sorted(fonts_dir.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id == -1:
            log.warning("Could not load the font %s", path.name)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if not families:
        log.warning("No fonts found in %s; using the system's", fonts_dir)
    return families
