"""Where a PDF goes: a file (whole or not at all), a real CUPS printer, and plain words
when printing cannot happen."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.domain.enums import Allergen, Meal
from kiosk.domain.errors import PrintError
from kiosk.i18n import Words
from kiosk.printing.menu import weekly_menu_pdf
from kiosk.printing.output import (
    Delivered,
    choose_printer,
    default_printer,
    deliver,
    list_printers,
    save_pdf,
    send_to_printer,
)
from tests.helpers.cups import PRINTER, CupsPdf, pdfs, wait_for_new_pdf
from tests.test_print_menu import dish, week_of
from tests.test_print_pdf_reading import FONTS, PICTURES, ROOT

DISHES = ("Cottage pie", "Fish & chips", "Apple crumble")


def _menu() -> bytes:
    week = week_of(
        {
            (0, Meal.LUNCH): [
                dish(n, name, allergens={Allergen.MILK}) for n, name in enumerate(DISHES)
            ]
        }
    )
    return weekly_menu_pdf(
        week,
        home_name="Willow Court",
        locale="en_GB",
        translate=lambda words: words,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


@pytest.mark.slow
def test_a_menu_printed_through_cups_comes_out_with_its_dishes(
    cups_pdf: CupsPdf, tmp_path: Path
) -> None:
    before = pdfs(cups_pdf.out_dirs)
    delivered = deliver(_menu(), out=tmp_path / "menu.pdf", printer=PRINTER, title="Our Say test")
    assert delivered.saved_to == (tmp_path / "menu.pdf").resolve()
    assert delivered.printer == PRINTER
    assert delivered.job is not None and delivered.job.startswith(f"{PRINTER}-")
    printed = wait_for_new_pdf(cups_pdf.out_dirs, before, delivered.job)
    text = " ".join(page.extract_text() for page in PdfReader(printed).pages)
    for name in DISHES:
        assert name in " ".join(text.split())
    assert "Contains: milk" in text
    printed.unlink()


@pytest.mark.slow
def test_the_weeks_schedule_on_a3_goes_through_cups_whole(
    cups_pdf: CupsPdf, tmp_path: Path
) -> None:
    """The A3 wall schedule, sent to a real CUPS queue on A3 paper, comes out with every
    day and activity, on an A3 sheet (CUPS turns the landscape page to fit the paper)."""
    from tests.test_print_schedule import english, normal_week

    before = pdfs(cups_pdf.out_dirs)
    pdf = english(normal_week(), "a3", home="Willow Court")
    delivered = deliver(
        pdf, out=tmp_path / "week.pdf", printer=PRINTER, title="Our Say schedule", media="A3"
    )
    assert delivered.job is not None and delivered.job.startswith(f"{PRINTER}-")
    printed_path = wait_for_new_pdf(cups_pdf.out_dirs, before, delivered.job)
    printed = PdfReader(printed_path)
    text = " ".join(" ".join(page.extract_text() for page in printed.pages).split())
    for words in ("Monday 23", "Armchair exercise", "Gardening club", "You asked for this"):
        assert words in text
    sides = sorted(round(float(side)) for side in printed.pages[0].mediabox[2:])
    assert sides == [842, 1191]  # A3, not shrunk to the usual A4
    printed_path.unlink()


def test_cups_lists_the_printer_and_refuses_an_unknown_one(
    cups_pdf: CupsPdf, tmp_path: Path
) -> None:
    assert cups_pdf.name in list_printers()
    pdf = save_pdf(_menu(), tmp_path / "menu.pdf")
    with pytest.raises(PrintError) as caught:
        send_to_printer(pdf, "NoSuchPrinter")
    assert caught.value.text().startswith("There is no printer called NoSuchPrinter.")
    assert PRINTER in caught.value.text()


# -- plain words when printing cannot happen (CUPS's answers played back) --------------


class FakeCups:
    """Answers lpstat and lp as CUPS would; records the commands it was given."""

    def __init__(self, answers: dict[str, tuple[int, str, str]]) -> None:
        self.answers = answers
        self.commands: list[list[str]] = []

    def __call__(self, command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        self.commands.append(command)
        code, out, err = self.answers.get(" ".join(command[:2]), (0, "", ""))
        return subprocess.CompletedProcess(command, code, out, err)


OFFICE = {
    "lpstat -p": (0, "printer Office is idle.  enabled since today\nprinter Hall is idle.\n", ""),
    "lpstat -d": (0, "system default destination: Office\n", ""),
    "lp -d": (0, "request id is Office-7 (1 file(s))\n", ""),
}


def test_no_cups_at_all_says_so_in_plain_words() -> None:
    def missing(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        raise FileNotFoundError(command[0])

    with pytest.raises(PrintError, match="CUPS is not installed"):
        list_printers(runner=missing)


def test_cups_not_running_says_so() -> None:
    down = FakeCups({"lpstat -p": (1, "", "lpstat: Scheduler is not running.\n")})
    with pytest.raises(PrintError, match=r"printing service \(CUPS\) is not running"):
        choose_printer("Office", runner=down)


def test_no_printer_at_all_says_so() -> None:
    empty = FakeCups({"lpstat -p": (1, "", "lpstat: No destinations added.\n")})
    with pytest.raises(PrintError, match="No printer is set up"):
        choose_printer(None, runner=empty)


def test_the_usual_printer_is_used_when_none_is_named(tmp_path: Path) -> None:
    cups = FakeCups(OFFICE)
    assert default_printer(runner=cups) == "Office"
    sent = send_to_printer(tmp_path / "menu.pdf", runner=cups, title="Menu")
    assert sent == Delivered(printer="Office", job="Office-7")
    assert cups.commands[-1] == [
        "lp", "-d", "Office", "-t", "Menu", "-n", "1", "--", str(tmp_path / "menu.pdf")
    ]  # fmt: skip


def test_no_usual_printer_asks_for_a_name() -> None:
    cups = FakeCups({**OFFICE, "lpstat -d": (0, "no system default destination\n", "")})
    with pytest.raises(PrintError, match="choose a printer by name"):
        choose_printer(None, runner=cups)


def test_a_refused_job_says_why(tmp_path: Path) -> None:
    cups = FakeCups(
        {**OFFICE, "lp -d": (1, "", 'lp: Error - Destination "Hall" is not accepting jobs.\n')}
    )
    with pytest.raises(PrintError) as caught:
        send_to_printer(tmp_path / "menu.pdf", "Hall", runner=cups)
    assert caught.value.text() == (
        'The printer Hall did not take the job: Error - Destination "Hall" is not accepting jobs.'
    )


def test_a_printer_that_never_answers_times_out_in_words(tmp_path: Path) -> None:
    def slow(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        if command[0] == "lp":
            raise subprocess.TimeoutExpired(command, float(kwargs["timeout"]))  # type: ignore[arg-type]
        return FakeCups(OFFICE)(command)

    with pytest.raises(PrintError, match="did not answer in time"):
        send_to_printer(tmp_path / "menu.pdf", "Office", runner=slow)


def test_print_errors_speak_the_kiosk_languages() -> None:
    error = PrintError(
        "There is no printer called {name}. The printers here are: {printers}.",
        name="Hall",
        printers="Office",
    )
    welsh = error.text(Words(ROOT / "locales", "cy").gettext)
    assert welsh == "Does dim argraffydd o'r enw Hall. Yr argraffwyr yma yw: Office."


# -- files ------------------------------------------------------------------------------


def test_a_file_is_saved_whole_and_its_folder_made(tmp_path: Path) -> None:
    target = save_pdf(b"%PDF-1.4 menu", tmp_path / "new" / "menu.pdf")
    assert target.read_bytes() == b"%PDF-1.4 menu"
    assert [p.name for p in target.parent.iterdir()] == ["menu.pdf"]  # no temporary left


def test_a_file_that_cannot_be_saved_says_where_and_why(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(PrintError, match=r"Could not save the file .*not-a-folder/menu\.pdf"):
        save_pdf(b"%PDF", blocker / "menu.pdf")


def test_deliver_saves_and_prints_the_saved_file(tmp_path: Path) -> None:
    cups = FakeCups(OFFICE)
    done = deliver(b"%PDF", out=tmp_path / "menu.pdf", printer="Hall", runner=cups)
    assert done == Delivered(saved_to=tmp_path / "menu.pdf", printer="Hall", job=None)
    assert cups.commands[-1][-1] == str(tmp_path / "menu.pdf")
    only_saved = deliver(b"%PDF", out=tmp_path / "again.pdf", runner=cups)
    assert only_saved == Delivered(saved_to=tmp_path / "again.pdf")


def test_a_pdf_made_today_reads_back(tmp_path: Path) -> None:
    saved = save_pdf(_menu(), tmp_path / f"menu-{date.today()}.pdf")
    assert len(PdfReader(io.BytesIO(saved.read_bytes())).pages) == 7
