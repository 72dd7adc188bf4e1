"""The staff's print desk on the demo home: the right to print is checked before anything is
built, every printout is kept as a PDF first and audited, and a missing printer is said in
words with where the PDF is. CUPS is replayed here (at the boundary); a real print through
CUPS is in test_print_output.py. The UI's print job runs it off the GUI thread."""

from __future__ import annotations

import subprocess
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from kiosk.app import Services, build_services, open_home
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.enums import StaffRole
from kiosk.domain.errors import NotAllowedError
from kiosk.domain.week import monday_of
from kiosk.i18n import load_translations
from kiosk.printing.desk import PrintDesk
from kiosk.storage.demo_content import STAFF
from kiosk.ui.print_job import PrintJobs

ROOT = Path(__file__).resolve().parent.parent


class Cups:
    """Answers ``lpstat`` and ``lp`` as CUPS would, with one printer or none."""

    def __init__(self, printer: str | None) -> None:
        self.printer = printer
        self.printed: list[list[str]] = []

    def __call__(self, command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        if command[:2] == ["lpstat", "-p"]:
            out = f"printer {self.printer} is idle.\n" if self.printer else ""
            return subprocess.CompletedProcess(command, 0, out, "")
        if command[:2] == ["lpstat", "-d"]:
            out = f"system default destination: {self.printer}\n" if self.printer else ""
            return subprocess.CompletedProcess(command, 0, out, "")
        if command[0] == "lp":
            self.printed.append(command)
            return subprocess.CompletedProcess(command, 0, f"request id is {self.printer}-7\n", "")
        raise AssertionError(command)


@pytest.fixture
def services(demo_dir: Path) -> Services:
    config = AppConfig.build(data_dir=demo_dir, demo=True, environ={})
    return build_services(open_home(config), config)


def desk_for(services: Services, tmp_path: Path, cups: Cups, notes: list[tuple]) -> PrintDesk:
    return PrintDesk(
        menu_week=services.menus.week,
        home_name=services.settings.home_name,
        translations=lambda locale: load_translations(ROOT / "locales", locale).gettext,
        pictures_dir=ROOT / "assets" / "pictures",
        fonts_dir=ROOT / "assets" / "fonts",
        out_dir=tmp_path / "printouts",
        audit=lambda actor, action, detail: notes.append((actor, action, detail)),
        runner=cups,
    )


def staff(services: Services, role: str) -> Actor:
    demo = next(person for person in STAFF if person.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


def test_the_week_is_kept_printed_and_audited(services: Services, tmp_path: Path) -> None:
    cups, notes = Cups("Office"), []
    desk = desk_for(services, tmp_path, cups, notes)
    cook = staff(services, "kitchen")
    monday = monday_of(services.week.today())
    printout = desk.menu_week(cook, monday, "en_GB")
    assert printout.printer == "Office" and printout.path.is_file()
    assert cups.printed and cups.printed[0][-1] == str(printout.path)
    text = "".join(page.extract_text() for page in PdfReader(printout.path).pages)
    week = services.menus.week(monday)
    names = {dish.name for _, meals in week.days for _, dishes in meals for dish in dishes}
    assert names and all(name in text for name in names if name.isascii())
    assert "Office" in printout.words and str(printout.path) in printout.words
    assert [(a.staff_id, action) for a, action, _ in notes] == [(cook.staff_id, "print")]


def test_with_no_printer_it_is_kept_and_said_in_words(services: Services, tmp_path: Path) -> None:
    notes: list[tuple] = []
    desk = desk_for(services, tmp_path, Cups(None), notes)
    day = services.week.today() + timedelta(days=1)
    printout = desk.menu_card(staff(services, "coordinator"), day, "cy")
    assert printout.printer is None and printout.path.is_file()
    assert str(printout.path) in printout.words
    assert "No printer" not in printout.words  # in Welsh, not English
    assert notes and "not printed" in notes[0][2]


def test_no_right_to_print_refuses_before_building(services: Services, tmp_path: Path) -> None:
    notes: list[tuple] = []
    desk = desk_for(services, tmp_path, Cups("Office"), notes)
    carer = staff(services, "carer")
    assert carer.role is StaffRole.CARER
    with pytest.raises(NotAllowedError):
        desk.menu_week(carer, date(2026, 11, 23), "en_GB")
    with pytest.raises(NotAllowedError):
        desk.menu_card(Actor.resident(1), date(2026, 11, 23), "en_GB")
    assert not (tmp_path / "printouts").exists() and notes == []


def test_the_print_job_runs_off_the_gui_thread(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    desk = desk_for(services, tmp_path, Cups("Office"), [])
    jobs = PrintJobs(lambda words: words)
    threads: list[threading.Thread] = []
    cook = staff(services, "kitchen")

    def make():  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return desk.menu_week(cook, monday_of(services.week.today()), "en_GB")

    with qtbot.waitSignal(jobs.finished, timeout=30_000) as finished:
        assert jobs.start(make)
        assert not jobs.start(make)  # one at a time: a double tap prints once
    assert threads and threads[0] is not threading.main_thread()
    assert "Office" in finished.args[0]
    with qtbot.waitSignal(jobs.failed, timeout=30_000) as failed:
        jobs.start(lambda: desk.menu_week(Actor.resident(1), date(2026, 11, 23), "en_GB"))
    assert failed.args[0] == "Sorry, you are not allowed to do that."


def test_a_care_plan_prints_for_its_resident_or_a_carer_and_no_one_else(
    services: Services, tmp_path: Path
) -> None:
    notes: list[tuple] = []
    desk = PrintDesk(
        menu_week=services.menus.week,
        home_name=services.settings.home_name,
        translations=lambda locale: load_translations(ROOT / "locales", locale).gettext,
        pictures_dir=ROOT / "assets" / "pictures",
        fonts_dir=ROOT / "assets" / "fonts",
        out_dir=tmp_path / "printouts",
        audit=lambda actor, action, detail: notes.append((actor, action, detail)),
        runner=Cups("Office"),
        care_plan=services.care_plans.for_printing,
        today=services.week.today,
    )
    residents = {r.preferred_name: r.id for r in services.residents.list_active()}
    margaret, dai = residents["Margaret"], residents["Dai"]
    manager = staff(services, "manager")
    printed_before = len(services.audit.events(manager, action="care_plan.print"))
    printout = desk.care_plan(staff(services, "carer"), margaret, "en_GB")
    assert printout.printer == "Office" and (printout.path.stat().st_mode & 0o077) == 0
    text = " ".join(page.extract_text() for page in PdfReader(printout.path).pages)
    assert "Margaret" in text and "My care plan" in text
    mine = desk.care_plan(Actor.resident_in_private(margaret), margaret, "en_GB")
    assert mine.path.is_file()
    for someone_else in (
        Actor.resident_in_private(dai),
        Actor.resident(margaret),  # not past her check
        staff(services, "kitchen"),
    ):
        with pytest.raises(NotAllowedError):
            desk.care_plan(someone_else, margaret, "en_GB")
    printed = services.audit.events(manager, action="care_plan.print")
    assert len(printed) == printed_before + 2
