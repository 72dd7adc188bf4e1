"""``kiosk print schedule``: headless, on the demo home, with plain words when asked wrongly."""

from __future__ import annotations

import io
import unicodedata
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


def sizes(pdf: bytes) -> list[tuple[int, int]]:
    return [
        (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def test_the_weeks_schedule_is_saved_from_the_demo_home(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "schedules" / "week.pdf"
    code = main(
        ["print", "schedule", "--data-dir", str(demo_dir), "--week", this_week(),
         "--out", str(out)],
        environ={},
    )  # fmt: skip
    assert code == 0
    assert capsys.readouterr().out.strip() == f"Saved the schedule to {out.resolve()}"
    pdf = out.read_bytes()
    assert rule_breaks(pdf) == []
    assert sizes(pdf) == [(595, 842)] * 7  # A4 portrait, a day to a page
    pages = page_texts(pdf)
    assert pages[0].startswith("What's on in the week of")
    assert "Willow Court" in pages[0]
    text = " ".join(pages)
    assert "Armchair exercise" in text and "With Priya" in text
    assert "You asked for this" in text  # the gardening club came from a poll
    assert "Page 7 of 7" in pages[-1]


def test_the_week_on_one_a3_sheet_in_welsh(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "wall.pdf"
    code = main(
        ["print", "schedule", "--paper", "a3", "--locale", "cy", "--out", str(out),
         "--data-dir", str(demo_dir)],
        environ={},
    )  # fmt: skip
    assert code == 0
    pdf = out.read_bytes()
    assert sizes(pdf) == [(1191, 842)]
    assert rule_breaks(pdf) == []
    [text] = page_texts(pdf)
    for name in ("Dydd Llun", "Dydd Mawrth", "Dydd Sul"):
        assert name in text


def test_a_today_poster_in_punjabi(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "today.pdf"
    code = main(
        ["print", "schedule", "--today", TODAY.isoformat(), "--locale", "pa", "--out", str(out),
         "--data-dir", str(demo_dir)],
        environ={},
    )  # fmt: skip
    assert code == 0
    pdf = out.read_bytes()
    assert sizes(pdf)[0] == (595, 842)
    assert rule_breaks(pdf) == []
    assert unicodedata.normalize("NFC", page_texts(pdf)[0]).startswith("ਅੱਜ")


def test_today_with_no_date_is_the_homes_today(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "today.pdf"
    code = main(
        ["print", "schedule", "--today", "--out", str(out), "--data-dir", str(demo_dir)],
        environ={},
    )
    assert code == 0
    assert capsys.readouterr().out.strip() == f"Saved the today poster to {out.resolve()}"
    assert page_texts(out.read_bytes())[0].startswith("Today ")


@pytest.mark.parametrize("week", ["2026-W99", "next week", "2026-48", "W48"])
def test_a_bad_week_is_a_plain_message_and_exit_2(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], week: str
) -> None:
    out = tmp_path / "week.pdf"
    code = main(
        ["print", "schedule", "--data-dir", str(demo_dir), "--week", week, "--out", str(out)],
        environ={},
    )
    assert code == 2
    error = capsys.readouterr().err
    assert error.strip() == f"{week!r} is not a week. Write it as year-W-week, such as 2026-W48."
    assert "Traceback" not in error
    assert not out.exists()


def test_a_poster_outside_the_week_is_refused(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = TODAY + timedelta(days=14)
    code = main(
        ["print", "schedule", "--data-dir", str(demo_dir), "--week", this_week(),
         "--today", later.isoformat(), "--out", str(tmp_path / "today.pdf")],
        environ={},
    )  # fmt: skip
    assert code == 2
    assert "is not in the week" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--locale", "xx", "--out", "x.pdf"], "No language 'xx'."),
        ([], "Say where the schedule should go"),
        (["--today", "23/11/2026", "--out", "x.pdf"], "is not a date"),
        (["--today", "--paper", "a3", "--out", "x.pdf"], "The 'Today' poster is printed on A4"),
        (["--today", "--week", "2026-W48", "--out", "x.pdf"], "Say which day of 2026-W48"),
    ],
)
def test_other_mistakes_get_plain_words(
    demo_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    arguments: list[str],
    words: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["print", "schedule", "--data-dir", str(demo_dir), *arguments], environ={}) == 2
    assert words in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_a_paper_size_we_do_not_print_is_refused(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["print", "schedule", "--data-dir", str(demo_dir), "--paper", "a5"], environ={})
    assert stopped.value.code == 2
    assert "invalid choice: 'a5'" in capsys.readouterr().err


def test_no_such_printer_keeps_the_saved_file_and_says_so(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "week.pdf"
    code = main(
        ["print", "schedule", "--data-dir", str(demo_dir), "--out", str(out),
         "--printer", "NoSuchPrinter"],
        environ={},
    )  # fmt: skip
    output = capsys.readouterr()
    assert out.exists() and f"Saved the schedule to {out.resolve()}" in output.out
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
        ["print", "schedule", "--data-dir", str(tmp_path / "none"),
         "--out", str(tmp_path / "s.pdf")],
        environ={},
    )  # fmt: skip
    assert code == 2
    assert "There is no database" in capsys.readouterr().err


def test_the_menu_command_is_unchanged(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", "menu", "--data-dir", str(demo_dir)], environ={}) == 2
    assert "Say where the menu should go" in capsys.readouterr().err


@pytest.mark.slow
def test_both_a_file_and_a_real_printer(
    demo_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    cups_pdf: CupsPdf,
) -> None:
    before = pdfs(cups_pdf.out_dirs)
    out = tmp_path / "wall.pdf"
    code = main(
        ["print", "schedule", "--paper", "a3", "--data-dir", str(demo_dir), "--out", str(out),
         "--printer", cups_pdf.name],
        environ={},
    )  # fmt: skip
    assert code == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0] == f"Saved the schedule to {out.resolve()}"
    assert said[1].startswith(f"Sent it to the printer {cups_pdf.name} (job {cups_pdf.name}-")
    job = said[1].split("(job ", 1)[1].rstrip(").")
    printed = wait_for_new_pdf(cups_pdf.out_dirs, before, job)
    text = " ".join(page.extract_text() for page in PdfReader(printed).pages)
    assert "Armchair exercise" in " ".join(text.split())
    # On A3 paper (CUPS turns the landscape sheet), never shrunk to fit A4.
    assert [tuple(sorted(size)) for size in sizes(printed.read_bytes())] == [(842, 1191)]
    printed.unlink()
