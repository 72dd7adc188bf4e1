"""Pictograms (OpenMoji SVGs) as reportlab drawings, to print beside words.

Each SVG is read once per process (svglib) and its PDF drawing operators worked out once;
a document draws each picture once, as a PDF form that every later use refers to, so a
menu with many pictures stays quick and small. A missing or broken picture gives no
picture: the words print all the same.
"""

from __future__ import annotations

import functools
import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

log = logging.getLogger(__name__)

_KEY = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")  # "fish", "hot-chocolate": never a path
CACHE_SIZE = 512


@dataclass(frozen=True, slots=True)
class LoadedPicture:
    key: str
    drawing: Drawing
    operators: str  # the drawing as PDF operators: paths and colours


def _read(path: Path) -> Drawing | None:
    try:
        from svglib.svglib import svg2rlg  # imported when first needed: it is slow to import

        drawing = svg2rlg(str(path))
    except Exception as error:  # a broken file must never stop a menu printing
        log.warning("Could not read the picture %s: %s", path.name, error)
        return None
    if drawing is None or drawing.width <= 0 or drawing.height <= 0:
        log.warning("The picture %s has nothing to draw", path.name)
        return None
    return drawing


# renderPDF sets a default font before drawing, though a pictogram has no text.
_FONT_STATE = re.compile(r"^BT /F\d+ [\d.]+ Tf [\d.]+ TL ET$")


def _operators(drawing: Drawing) -> str | None:
    """The drawing's PDF operators (paths and colours only), worked out once and replayed
    into each document's form: rendering an SVG's paths is the slow part of printing it.

    None when the drawing needs anything else (text, transparency, images): such a
    picture is not printed, so every font in a document stays one of ours, embedded.
    """
    scratch = Canvas(io.BytesIO())
    renderPDF.draw(drawing, scratch, 0, 0)
    kept = [operator for operator in scratch._code if not _FONT_STATE.match(operator)]
    operators = "\n".join(kept)
    uses_resources = scratch._formsinuse or scratch._colorsUsed or scratch._shadingUsed
    if uses_resources or any(op in operators for op in (" gs", " Do", "BT", " Tf", "BI ")):
        return None
    return operators


@functools.lru_cache(maxsize=CACHE_SIZE)
def load_picture(pictures_dir: Path, key: str | None) -> LoadedPicture | None:
    """The picture for a pictogram key, read once per process; None when there is no such
    (readable) picture."""
    if not key or not _KEY.fullmatch(key):
        return None
    path = pictures_dir / f"{key}.svg"
    drawing = _read(path) if path.is_file() else None
    operators = None if drawing is None else _operators(drawing)
    if drawing is None or operators is None:
        return None
    return LoadedPicture(key, drawing, operators)


class Picture(Flowable):
    """A pictogram at a fixed size (a square), drawn from a form shared by the document."""

    def __init__(self, loaded: LoadedPicture, size: float) -> None:
        super().__init__()
        self.loaded = loaded
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.draw_at(self.canv, 0, 0)

    def draw_at(self, canvas: Canvas, x: float, y: float) -> None:
        """Draw with the bottom-left corner at (x, y)."""
        drawing = self.loaded.drawing
        form = "OurSayPicture_" + self.loaded.key.replace("-", "_")
        width, height = drawing.width, drawing.height
        if not canvas.hasForm(form):
            canvas.beginForm(form, 0, 0, width, height)
            canvas.addLiteral(self.loaded.operators)
            canvas.endForm()
        scale = self.size / max(width, height)
        left = x + (self.size - width * scale) / 2
        bottom = y + (self.size - height * scale) / 2
        canvas.saveState()
        canvas.transform(scale, 0, 0, scale, left, bottom)
        canvas.doForm(form)
        canvas.restoreState()


def picture(pictures_dir: Path, key: str | None, size: float) -> Picture | None:
    """A Picture flowable for ``key``, or None when the picture is missing or broken."""
    loaded = load_picture(pictures_dir, key)
    return None if loaded is None else Picture(loaded, size)
