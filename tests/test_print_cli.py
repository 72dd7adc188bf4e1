"""``kiosk print menu``: headless, on the demo home, with plain words when asked wrongly."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.cli import main

# The real printer fixture (session-wide): CUPS with a cups-pdf queue.
from tests.helpers.cups import CupsPdf, pdfs, wait_for_new_pdf
from tests.test_print_pdf_reading import page_texts, rule_breaks

TODAY = date.today()


def this_week() -> str:
    year, week, _ = TODAY.isocalendar()
    return f"{year}-W{week:02d}"


def test_the_weeks_menu_is_saved_from_the_demo_home(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "menus" / "week.pdf"
    code = main(
        ["print", "menu", "--data-dir", str(demo_dir), "--week", this_week(), "--out", str(out)],
        environ={},
    )
    assert code == 0
    assert capsys.readouterr().out.strip() == f"Saved the menu to {out.resolve()}"
    pdf = out.read_bytes()
    assert rule_breaks(pdf) == []
    pages = page_texts(pdf)
    assert pages[0].startswith("Menu for the week of")
    assert "Willow Court" in pages[0]
    text = " ".join(pages)
    assert "Porridge" in text and "Contains: gluten, milk" in text
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_a_table_card_in_punjabi(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    code = main(
        ["print", "menu", "--card", TODAY.isoformat(), "--locale", "pa", "--out", str(out),
         "--data-dir", str(demo_dir)],
        environ={},
    )  # fmt: skip
    assert code == 0
    pdf = out.read_bytes()
    assert rule_breaks(pdf) == []
    assert "ਮੀਨੂ" in page_texts(pdf)[0]


@pytest.mark.parametrize("week", ["2026-W99", "next week", "2026-48", "W48"])
def test_a_bad_week_is_a_plain_message_and_exit_2(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], week: str
) -> None:
    out = tmp_path / "week.pdf"
    code = main(
        ["print", "menu", "--data-dir", str(demo_dir), "--week", week, "--out", str(out)],
        environ={},
    )
    assert code == 2
    error = capsys.readouterr().err
    assert error.strip() == f"{week!r} is not a week. Write it as year-W-week, such as 2026-W48."
    assert "Traceback" not in error
    assert not out.exists()


def test_a_card_outside_the_week_is_refused(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = TODAY + timedelta(days=14)
    code = main(
        ["print", "menu", "--data-dir", str(demo_dir), "--week", this_week(),
         "--card", later.isoformat(), "--out", str(tmp_path / "card.pdf")],
        environ={},
    )  # fmt: skip
    assert code == 2
    assert "is not in the week" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--locale", "xx", "--out", "x.pdf"], "No language 'xx'."),
        ([], "Say where the menu should go"),
        (["--card", "23/11/2026", "--out", "x.pdf"], "is not a date"),
    ],
)
def test_other_mistakes_get_plain_words(
    demo_dir: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], words: str
) -> None:
    assert main(["print", "menu", "--data-dir", str(demo_dir), *arguments], environ={}) == 2
    assert words in capsys.readouterr().err


def test_no_such_printer_keeps_the_saved_file_and_says_so(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "week.pdf"
    code = main(
        ["print", "menu", "--data-dir", str(demo_dir), "--out", str(out),
         "--printer", "NoSuchPrinter"],
        environ={},
    )  # fmt: skip
    output = capsys.readouterr()
    assert out.exists() and f"Saved the menu to {out.resolve()}" in output.out
    assert code == 2
    # Whichever is true here: no CUPS, CUPS not running, no printers, or no such printer.
    assert any(
        words in output.err
        for words in ("CUPS", "No printer is set up", "There is no printer called NoSuchPrinter")
    )
    assert "Traceback" not in output.err


def test_a_missing_home_is_a_plain_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["print", "menu", "--data-dir", str(tmp_path / "none"), "--out", str(tmp_path / "m.pdf")],
        environ={},
    )
    assert code == 2
    assert "There is no database" in capsys.readouterr().err


@pytest.mark.slow
def test_both_a_file_and_a_real_printer(
    demo_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    cups_pdf: CupsPdf,
) -> None:
    before = pdfs(cups_pdf.out_dirs)
    out = tmp_path / "week.pdf"
    code = main(
        ["print", "menu", "--data-dir", str(demo_dir), "--out", str(out),
         "--printer", cups_pdf.name],
        environ={},
    )  # fmt: skip
    assert code == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0] == f"Saved the menu to {out.resolve()}"
    assert said[1].startswith(f"Sent it to the printer {cups_pdf.name} (job {cups_pdf.name}-")
    job = said[1].split("(job ", 1)[1].rstrip(").")
    printed = wait_for_new_pdf(cups_pdf.out_dirs, before, job)
    assert "Porridge" in " ".join(page.extract_text() for page in PdfReader(printed).pages)
    printed.unlink()
