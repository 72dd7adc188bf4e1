"""User text into reportlab safely, in the font that has its letters; fonts and pictures
loaded once per process."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from kiosk.domain.errors import PrintError
from kiosk.printing.fonts import register_fonts
from kiosk.printing.markup import PlainLines, escape, plain_paragraph, plain_text
from kiosk.printing.pictures import load_picture, picture
from kiosk.printing.styles import MIN_TEXT_PT, clear_print
from tests.test_print_pdf_reading import FONTS, PICTURES


@pytest.fixture(scope="module")
def fonts():  # type: ignore[no-untyped-def]
    return register_fonts(FONTS)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Fish & chips", "Fish &amp; chips"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        ("</para>", "&lt;/para&gt;"),
        ("&amp;", "&amp;amp;"),
        ('say "hello"', "say &quot;hello&quot;"),
        ("tab\there\x00", "tab here "),
    ],
)
def test_escape_leaves_no_markup(text: str, escaped: str) -> None:
    assert escape(text) == escaped


@pytest.mark.parametrize(
    "text", ["<b>bold</b>", "Fish & chips", "</para>", "a &lt; b", "<font size=2>tiny</font>"]
)
def test_hostile_text_reads_back_exactly(fonts, text: str) -> None:  # type: ignore[no-untyped-def]
    paragraph = plain_paragraph(text, clear_print(fonts).body, fonts)
    assert isinstance(paragraph, Paragraph)
    assert paragraph.getPlainText() == text
    assert {frag.fontSize for frag in paragraph.frags} == {18}


def test_each_script_gets_the_font_with_its_letters(fonts) -> None:  # type: ignore[no-untyped-def]
    runs = fonts.runs("Dal (ਦਾਲ ਚਾਵਲ), 2 plates")
    assert [(run.face.family, run.text) for run in runs] == [
        ("OurSayAtkinson", "Dal "),
        ("OurSayGurmukhi", "(ਦਾਲ ਚਾਵਲ), 2 "),  # digits alone follow the words before
        ("OurSayAtkinson", "plates"),
    ]
    assert "".join(run.text for run in fonts.runs("Zażółć gęślą jaźń ŵŷ")) == "Zażółć gęślą jaźń ŵŷ"
    assert {run.face.family for run in fonts.runs("Zażółć gęślą jaźń ŵŷ")} == {"OurSayAtkinson"}
    assert {run.face.family for run in fonts.runs("Борщ")} == {"OurSayNoto"}


def test_complex_scripts_are_shaped_and_latin_is_not(fonts) -> None:  # type: ignore[no-untyped-def]
    style = clear_print(fonts).body
    gurmukhi = plain_paragraph("ਦਾਲ ਚਾਵਲ", style, fonts)
    assert gurmukhi.style.shaping == 1
    assert gurmukhi.style.fontName == "OurSayGurmukhi"
    assert plain_paragraph("Fish pie", style, fonts).style.shaping == 0


def test_a_word_in_two_scripts_is_drawn_unshaped_rather_than_broken(fonts) -> None:  # type: ignore[no-untyped-def]
    paragraph = plain_paragraph("Dal-ਦਾਲ", clear_print(fonts).body, fonts)
    assert paragraph.style.shaping == 0  # reportlab shapes a word with its first font only
    assert paragraph.getPlainText() == "Dal-ਦਾਲ"


def test_one_line_text_is_drawn_directly_and_long_text_wraps(fonts) -> None:  # type: ignore[no-untyped-def]
    style = clear_print(fonts).item
    short = plain_text("Fish pie", style, fonts)
    assert isinstance(short, PlainLines)
    assert short.wrap(400, 800) == (400, style.leading)
    long = plain_text("Roast chicken with all the trimmings " * 4, style, fonts)
    _, height = long.wrap(300, 800)
    assert height >= 3 * style.leading
    assert isinstance(plain_text("ਦਾਲ", style, fonts), Paragraph)  # shaped: a Paragraph


_WORDS = st.text(alphabet="abcdefghijklmnopWXYZ&<>,.'-\u00a0żŵ", min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(_WORDS, min_size=1, max_size=30),
    spaces=st.lists(st.sampled_from([" ", "  ", "\t", " \n "]), min_size=30, max_size=30),
    width=st.floats(min_value=30, max_value=700),
    style_name=st.sampled_from(["body", "item", "title"]),
)
def test_plain_lines_break_exactly_where_a_paragraph_would(  # type: ignore[no-untyped-def]
    fonts, words: list[str], spaces: list[str], width: float, style_name: str
) -> None:
    text = "".join(word + space for word, space in zip(words, spaces, strict=False))
    style = getattr(clear_print(fonts), style_name)
    lines = plain_text(text, style, fonts)
    assert isinstance(lines, PlainLines)
    paragraph = plain_paragraph(text, style, fonts)
    expected = paragraph.wrap(width, 10_000)
    assert lines.wrap(width, 10_000) == expected
    if lines.drawn_plainly:  # else a word is too wide for the line: the Paragraph sets it
        made = [(line, pytest.approx(spare)) for line, spare in lines._lines]
        assert made == _paragraph_lines(paragraph)
    else:
        assert any(
            pdfmetrics.stringWidth(word, lines.font_name, style.fontSize) > width
            for word in lines.text.split(" ")
        )


def _paragraph_lines(paragraph: Paragraph) -> list[tuple[str, float]]:
    """A wrapped Paragraph's lines and the room each has to spare. (Text with ``&`` or
    ``<`` comes back from reportlab's parser in pieces, so its lines are fragments.)"""
    if paragraph.blPara.kind == 0:
        return [(" ".join(words), spare) for spare, words in paragraph.blPara.lines]
    return [
        ("".join(piece.text for piece in line.words).strip(" "), line.extraSpace)
        for line in paragraph.blPara.lines
    ]


def test_a_line_that_fits_only_with_narrower_spaces_draws_them_as_a_paragraph_does(fonts) -> None:  # type: ignore[no-untyped-def]
    import io
    import re

    from reportlab.platypus import SimpleDocTemplate, Table

    style = clear_print(fonts).body
    text = "one two three four five six"
    width = pdfmetrics.stringWidth(text, style.fontName, style.fontSize) - 1

    def word_spacing(flowable: object) -> list[float]:
        target = io.BytesIO()
        SimpleDocTemplate(target, pageCompression=0).build([flowable])  # type: ignore[list-item]
        stream = target.getvalue().decode("latin-1")
        return [float(found) for found in re.findall(r"(-?[\d.]+) Tw", stream)]

    lines = plain_text(text, style, fonts)
    assert lines.wrap(width, 500) == (width, style.leading)  # still one line
    paragraph = plain_paragraph(text, style, fonts)
    assert paragraph.wrap(width, 500) == (width, style.leading)
    padding = 12  # a table cell's, left and right
    ours = word_spacing(Table([[lines]], colWidths=[width + padding]))
    theirs = word_spacing(Table([[paragraph]], colWidths=[width + padding]))
    assert ours == pytest.approx(theirs) and any(space < 0 for space in ours)


def test_every_style_is_at_least_16_pt_upright_and_left_aligned(fonts) -> None:  # type: ignore[no-untyped-def]
    sheet = clear_print(fonts)
    styles = [sheet.title, sheet.subtitle, sheet.heading, sheet.subheading]
    styles += [sheet.item, sheet.body, sheet.footer, sheet.running_head]
    for style in styles:
        assert style.fontSize >= MIN_TEXT_PT, style.name
        assert style.alignment == 0, style.name  # TA_LEFT
        assert 1.2 <= style.leading / style.fontSize <= 1.5, style.name
        assert "Italic" not in style.fontName and "Oblique" not in style.fontName
    assert sheet.body.fontSize == 18
    assert sheet.subheading.fontSize >= 22 and sheet.title.fontSize > sheet.heading.fontSize


def test_italic_markup_cannot_give_italics(fonts) -> None:  # type: ignore[no-untyped-def]
    from reportlab.lib.fonts import tt2ps

    assert tt2ps("OurSayAtkinson", 0, 1) == "OurSayAtkinson"
    assert tt2ps("OurSayAtkinson", 1, 1) == "OurSayAtkinson-Bold"


def test_fonts_are_registered_once_even_from_many_threads() -> None:
    found = []
    threads = [
        threading.Thread(target=lambda: found.append(register_fonts(FONTS))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(each is found[0] for each in found)
    assert pdfmetrics.getFont("OurSayGurmukhi-Bold").face.name == b"NotoSansGurmukhi-Bold"


def test_missing_fonts_give_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(PrintError, match="fonts for printing are missing"):
        register_fonts(tmp_path)


def test_pictures_are_read_once_and_bad_keys_give_none() -> None:
    first = load_picture(PICTURES, "fish")
    assert first is not None and first is load_picture(PICTURES, "fish")
    assert "BT" not in first.operators  # paths and colours only: no stray font
    for key in (None, "", "no-such-picture", "../fonts/OFL", "Fish", "a/b"):
        assert picture(PICTURES, key, 40) is None
    assert picture(PICTURES, "fish", 40).wrap(500, 500) == (40, 40)


def _build(flowables: list[object]) -> bytes:
    import io

    from reportlab.platypus import SimpleDocTemplate

    target = io.BytesIO()
    SimpleDocTemplate(target).build(flowables)  # type: ignore[arg-type]
    return target.getvalue()


def test_a_no_break_space_joins_words_so_two_scripts_are_not_shaped(fonts) -> None:  # type: ignore[no-untyped-def]
    text = "ਨਰਮ ਅਤੇ ਛੋਟੇ ਟੁਕੜੇ (IDDSI\u00a0ਪੱਧਰ\u00a06)"
    paragraph = plain_paragraph(text, clear_print(fonts).body, fonts)
    assert paragraph.style.shaping == 0  # one word, two fonts: reportlab could not shape it
    assert _build([paragraph]).startswith(b"%PDF")


ALPHABET = "aZ ż&<>/;.(),-0\u00a0\u200bਦਾਲਿਕ੍ਰ ☕🍕\ufe0fБ\t\n\x07"


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=ALPHABET, min_size=1, max_size=40))
def test_any_mix_of_scripts_and_symbols_lays_out_without_error(text: str) -> None:
    fonts = register_fonts(FONTS)
    sheet = clear_print(fonts)
    pdf = _build([plain_text(text, sheet.item, fonts), plain_paragraph(text, sheet.body, fonts)])
    assert pdf.startswith(b"%PDF")
