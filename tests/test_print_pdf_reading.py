"""Reading a PDF the way a checker would: every text run with its real size and font, the
fonts' embedding and slant. The print tests use these helpers; the tests here prove the
helpers catch a PDF that breaks the rules."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "assets" / "fonts"
PICTURES = ROOT / "assets" / "pictures"
SMALLEST_PT = 16.0


@dataclass(frozen=True)
class TextRun:
    page: int  # from 1
    text: str
    size: float  # the size on paper, in points (the font size times any scaling)
    font: str  # the font's name in the PDF, such as "AAAAAA+NotoSansGurmukhi-Bold"


@dataclass(frozen=True)
class FontInfo:
    name: str
    embedded: bool  # a FontFile, FontFile2 or FontFile3 stream is in the PDF
    italic_angle: float
    flags: int

    @property
    def slanted(self) -> bool:
        italic_flag = bool(self.flags & 64)
        named = any(word in self.name.lower() for word in ("italic", "oblique"))
        return italic_flag or named or abs(self.italic_angle) > 0.01


def _multiply(a: list[float], b: list[float]) -> list[float]:
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def text_runs(pdf: bytes) -> list[TextRun]:
    """Every piece of visible text with its size on paper and its font, page by page."""
    runs: list[TextRun] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            font: dict[str, object] | None,
            size: float,
            number: int = number,
        ) -> None:
            if not text.strip():
                return
            matrix = _multiply(tm, cm)
            scale = math.sqrt(abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]))
            name = str(font.get("/BaseFont", "?")) if font else "?"
            runs.append(TextRun(number, text, size * scale, name.lstrip("/")))

        page.extract_text(visitor_text=visit)
    return runs


def fonts_used(pdf: bytes) -> list[FontInfo]:
    """Each font any page refers to, with whether it is embedded and whether it slants."""
    found: dict[str, FontInfo] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for reference in fonts.get_object().values() if fonts else []:
            font = reference.get_object()
            name = str(font.get("/BaseFont", "?")).lstrip("/")
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[name] = FontInfo(
                name=name,
                embedded=embedded,
                italic_angle=float(descriptor.get("/ItalicAngle", 0)),
                flags=int(descriptor.get("/Flags", 0)),
            )
    return list(found.values())


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text with runs of spaces and line breaks made single spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def squashed(text: str) -> str:
    return " ".join(text.split())


def rule_breaks(pdf: bytes) -> list[str]:
    """What breaks clear print: small text, fonts not embedded, slanted fonts."""
    problems = [
        f"page {run.page}: {run.text.strip()!r} at {run.size:.1f} pt"
        for run in text_runs(pdf)
        if run.size < SMALLEST_PT - 1e-6
    ]
    for font in fonts_used(pdf):
        if not font.embedded:
            problems.append(f"font not embedded: {font.name}")
        if font.slanted:
            problems.append(f"slanted font: {font.name}")
    return problems


# -- the helpers catch what they should ----------------------------------------------


def _canvas_pdf(draw: object) -> bytes:
    target = io.BytesIO()
    canvas = Canvas(target, pagesize=A4)
    draw(canvas)  # type: ignore[operator]
    canvas.save()
    return target.getvalue()


def test_small_text_is_caught_even_when_scaled_down() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 20)
        canvas.drawString(72, 700, "Big enough")
        canvas.scale(0.5, 0.5)
        canvas.drawString(72, 700, "Twenty points, drawn at ten")

    problems = rule_breaks(_canvas_pdf(draw))
    assert any("'Twenty points, drawn at ten' at 10.0 pt" in p for p in problems)
    assert not any("Big enough" in p for p in problems)


def test_fonts_not_embedded_and_italic_fonts_are_caught() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica-Oblique", 20)
        canvas.drawString(72, 700, "Slanted")

    problems = rule_breaks(_canvas_pdf(draw))
    assert "font not embedded: Helvetica-Oblique" in problems
    assert "slanted font: Helvetica-Oblique" in problems


def test_sizes_and_fonts_are_read_from_the_page() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica-Bold", 24)
        canvas.drawString(72, 700, "Heading")

    [run] = text_runs(_canvas_pdf(draw))
    assert (run.page, run.text.strip(), run.font) == (1, "Heading", "Helvetica-Bold")
    assert run.size == pytest.approx(24)
