"""A resident's records on the Residents screen, tapped as a manager would in the real
window on a copy of the demo home (offscreen Qt, a real SQLite file).

The folder dialog is the only stand-in: it hands over a folder in the test's own space
(the "USB stick"). The copy is really built and saved, off the GUI thread, and the
erasing is really done: what is asserted is what the manager sees and what was stored.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.domain.access import Actor
from kiosk.domain.errors import NotAllowedError
from kiosk.domain.resident_records import JSON_FORMAT
from kiosk.printing import records_output
from kiosk.printing.records_output import RecordsNotSaved
from kiosk.storage.demo_content import STAFF
from kiosk.ui import records_builders
from kiosk.ui.main_window import MainWindow
from kiosk.ui.resident_records_panel import ResidentRecordsPanel
from kiosk.ui.screens.residents_screen import ResidentsScreen
from tests.helpers.layout import layout_problems
from tests.helpers.person import REPEAT_WAIT_MS, Person
from tests.helpers.shell import kiosk_window
from tests.test_print_pdf_reading import page_texts

ROOT = Path(__file__).resolve().parent.parent

NOT_ALLOWED = "Sorry, you are not allowed to do that."
QUESTION = (
    "Erase Edna's records for good? Their name, room, PIN, photo, notes and their own "
    "words will go. Counts stay the same."
)


class Folders:
    """Stands in for the folder dialog: the folder a test puts here (None: Cancel)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.captions: list[str] = []

    def __call__(self, _window: MainWindow, caption: str) -> Path | None:
        self.captions.append(caption)
        return self.folder


class Gate:
    """Holds the PDF's building until the test lets it go, so "Saving…" can be seen; it
    notes the thread the copy was made on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.open = threading.Event()
        self.open.set()
        self.threads: list[threading.Thread] = []
        real = records_output.resident_records_pdf

        def gated(*args: object, **kwargs: object) -> bytes:
            self.threads.append(threading.current_thread())
            assert self.open.wait(30)
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(records_output, "resident_records_pdf", gated)


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb stick"
    folder.mkdir()
    return folder


@pytest.fixture
def folders(monkeypatch: pytest.MonkeyPatch, usb: Path) -> Folders:
    chooser = Folders(usb)
    monkeypatch.setattr(records_builders, "choose_folder", chooser)
    return chooser


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Gate:
    return Gate(monkeypatch)


@pytest.fixture
def home(demo_dir: Path, qtbot: QtBot) -> Iterator[tuple[MainWindow, Services]]:
    with kiosk_window(demo_dir) as opened:
        yield opened


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


def sign_in(window: MainWindow, services: Services, role: str) -> Actor:
    demo = next(member for member in STAFF if member.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    actor = services.staff.sign_in(member.id, demo.pin)
    window.on_staff_signed_in(actor)
    return actor


def resident_id(services: Services, name: str) -> int:
    return next(r.id for r in services.residents.list_all() if r.preferred_name == name)


def residents_page(
    window: MainWindow, services: Services, person: Person, name: str, role: str = "manager"
) -> ResidentsScreen:
    """The Residents screen, with ``name``'s page open, as ``role`` reaches it."""
    sign_in(window, services, role)
    window.open_screen("residents")
    screen = window.current
    assert isinstance(screen, ResidentsScreen)
    wanted = resident_id(services, name)
    person.tap(next(row for row in screen.rows if row.resident_id == wanted))
    assert screen.editor_page.isVisible() and screen.heading.text() == name
    return screen


def panel_of(screen: ResidentsScreen) -> ResidentRecordsPanel:
    assert screen.records_panel is not None
    return screen.records_panel


def audited(demo_dir: Path, action: str) -> int:
    with closing(sqlite3.connect(demo_dir / "our-say.sqlite3")) as db:
        return db.execute(
            "SELECT count(*) FROM audit_event WHERE action = ?", (action,)
        ).fetchone()[0]


def wait_for_the_copy(qtbot: QtBot, panel: ResidentRecordsPanel) -> None:
    qtbot.waitUntil(lambda: not panel.jobs.busy, timeout=60_000)
    qtbot.wait(10)


# -- saving a copy ---------------------------------------------------------------------------


def test_a_manager_saves_a_moved_out_resident_s_records_off_the_gui_thread(
    home: tuple[MainWindow, Services],
    person: Person,
    folders: Folders,
    gate: Gate,
    usb: Path,
    demo_dir: Path,
    qtbot: QtBot,
) -> None:
    window, services = home
    screen = residents_page(window, services, person, "Edna")
    panel = panel_of(screen)
    assert panel.isVisible() and panel.heading.text() == "Their records"
    assert panel.save_button.isVisible() and panel.erase_button.isVisible()
    assert screen._records_first.isAncestorOf(panel)  # first on the page of someone who left

    gate.open.clear()
    person.tap(panel.save_button)
    assert folders.captions == ["Choose where to save their records"]
    assert panel.jobs.busy
    assert panel.result.text() == "Saving Edna's records… this takes a moment."
    assert not panel.save_button.isEnabled()
    qtbot.wait(REPEAT_WAIT_MS)
    person.tap(panel.save_button)  # a second tap while it is saved does nothing
    assert folders.captions == ["Choose where to save their records"]
    gate.open.set()
    wait_for_the_copy(qtbot, panel)

    edna = resident_id(services, "Edna")
    stem = f"resident-{edna}-records"
    said = panel.result.text().replace("\u200b", "")
    assert said == f"Saved Edna's records in {usb}: {stem}.pdf and {stem}.json."
    assert not panel.problem.isVisible() and panel.save_button.isEnabled()
    assert sorted(path.name for path in usb.iterdir()) == [f"{stem}.json", f"{stem}.pdf"]
    for path in usb.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600
    document = json.loads((usb / f"{stem}.json").read_text(encoding="utf-8"))
    assert document["format"] == JSON_FORMAT
    assert document["details"]["full_name"] == "Edna Morris"
    assert "Edna Morris" in " ".join(page_texts((usb / f"{stem}.pdf").read_bytes()))
    assert gate.threads and threading.main_thread() not in gate.threads
    assert audited(demo_dir, "resident.records") == 1  # one copy, however many taps


def test_a_copy_finished_after_going_back_is_told_above_the_list(
    home: tuple[MainWindow, Services],
    person: Person,
    folders: Folders,
    gate: Gate,
    usb: Path,
    qtbot: QtBot,
) -> None:
    window, services = home
    screen = residents_page(window, services, person, "Margaret")
    panel = panel_of(screen)
    assert screen._records_last.isAncestorOf(panel)  # after the form for someone living here
    assert panel.save_button.isVisible() and not panel.erase_button.isVisible()
    gate.open.clear()
    person.tap(panel.save_button)
    person.tap(screen.back_to_list_button)
    gate.open.set()
    wait_for_the_copy(qtbot, panel)
    notice = screen.list_notice.text().replace("\u200b", "")
    assert screen.list_notice.isVisible() and notice.startswith(
        f"Saved Margaret's records in {usb}: "
    )


def test_cancelling_the_folder_saves_nothing(
    home: tuple[MainWindow, Services], person: Person, folders: Folders, demo_dir: Path
) -> None:
    window, services = home
    folders.folder = None
    screen = residents_page(window, services, person, "Edna")
    panel = panel_of(screen)
    person.tap(panel.save_button)
    assert not panel.jobs.busy and not panel.result.isVisible()
    assert audited(demo_dir, "resident.records") == 0


def test_a_usb_stick_taken_out_is_said_in_words_and_nothing_is_left(
    home: tuple[MainWindow, Services],
    person: Person,
    folders: Folders,
    usb: Path,
    qtbot: QtBot,
) -> None:
    window, services = home
    screen = residents_page(window, services, person, "Edna")
    panel = panel_of(screen)
    usb.rmdir()  # pulled out after it was chosen
    person.tap(panel.save_button)
    wait_for_the_copy(qtbot, panel)
    problem = panel.problem.text().replace("\u200b", "")
    assert problem == (
        f"⚑ Nothing was saved: the folder {usb} is not there. If it is on a USB stick, "
        "put the stick back and try again."
    )
    assert panel.problem.isVisible() and not panel.result.isVisible()
    assert not usb.exists()
    assert banner(screen) == ""  # said beside the button, never as a crash


def test_a_full_disk_is_said_in_words_and_neither_file_is_kept(
    home: tuple[MainWindow, Services],
    person: Person,
    folders: Folders,
    usb: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    window, services = home
    screen = residents_page(window, services, person, "Edna")
    panel = panel_of(screen)
    written: list[int] = []

    def second_file_does_not_fit(descriptor: int) -> None:
        written.append(descriptor)
        if len(written) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(records_output.os, "fsync", second_file_does_not_fit)
    person.tap(panel.save_button)
    wait_for_the_copy(qtbot, panel)
    assert len(written) == 2
    problem = panel.problem.text().replace("\u200b", "")
    assert problem == (
        f"⚑ There is no room left in {usb}, so nothing was saved. Free some space or "
        "choose another folder."
    )
    assert list(usb.iterdir()) == []  # no half copy, no temporary file


# -- erasing ---------------------------------------------------------------------------------


def test_a_manager_erases_a_moved_out_resident_after_saying_yes(
    home: tuple[MainWindow, Services], person: Person, folders: Folders, demo_dir: Path
) -> None:
    window, services = home
    edna = resident_id(services, "Edna")
    screen = residents_page(window, services, person, "Edna")
    panel = panel_of(screen)

    person.tap(panel.erase_button)
    assert panel.question.isVisible() and panel.question.text() == QUESTION
    assert QUESTION in screen.reading_order()  # it can be heard before it is answered
    assert not panel.erase_button.isVisible()
    assert [panel.no_button.words, panel.yes_button.words] == ["No, keep them", "Yes, erase"]
    # "No" is where "Erase" was: a shaky second tap lands on "No", never on "Yes"
    assert panel.no_button.x() < panel.yes_button.x()
    person.tap(panel.no_button)
    assert not panel.question.isVisible() and panel.erase_button.isVisible()
    assert services.residents.get(edna).erased_at is None

    person.tap(panel.erase_button)
    person.tap(panel.yes_button)
    assert not screen.editing and banner(screen) == ""
    assert screen.list_notice.text() == "Their records now call them Former resident 1."
    erased = services.residents.get(edna)
    assert erased.erased and erased.preferred_name == "Former resident 1"
    row = next(row for row in screen.rows if row.resident_id == edna)
    assert row.accessibleName() == "Former resident 1, Moved out, Records erased"
    assert all("Edna" not in other.accessibleName() for other in screen.rows)

    person.tap(row)  # their page now: no Erase, no photo or PIN to name them again
    assert screen.heading.text() == "Former resident 1"
    assert screen.moved_out_label.text() == "Moved out. Their records were erased."
    assert panel.isVisible() and panel.save_button.isVisible()
    assert not panel.erase_button.isVisible()
    assert not screen.choose_photo_button.isVisible() and not screen.set_pin_button.isVisible()
    assert audited(demo_dir, "resident.erase") == 1


def test_a_double_tapped_yes_erases_once_and_says_where_the_name_is_still_written(
    home: tuple[MainWindow, Services], person: Person, folders: Folders, demo_dir: Path
) -> None:
    """Margaret moves out; another resident's feedback names her, which erasing leaves
    as it is (other people's words): the manager is told where, in words."""
    window, services = home
    manager = sign_in(window, services, "manager")
    margaret = resident_id(services, "Margaret")
    services.residents.archive(manager, margaret)
    with closing(sqlite3.connect(demo_dir / "our-say.sqlite3")) as db, db:
        db.execute(
            "UPDATE feedback SET words = 'Sat with Margaret. Lovely.' WHERE id = "
            "(SELECT min(feedback.id) FROM feedback JOIN resident "
            "ON resident.id = feedback.resident_id WHERE resident.preferred_name = 'Dot')"
        )
    screen = residents_page(window, services, person, "Margaret")
    panel = panel_of(screen)
    person.tap(panel.erase_button)
    person.qtbot.mouseClick(panel.yes_button, Qt.MouseButton.LeftButton)
    person.qtbot.mouseClick(panel.yes_button, Qt.MouseButton.LeftButton)
    person.qtbot.wait(REPEAT_WAIT_MS)
    person.qtbot.mouseClick(panel.yes_button, Qt.MouseButton.LeftButton)
    assert banner(screen) == "" and panel.problem.text() == ""  # no "erased already"
    assert audited(demo_dir, "resident.erase") == 1
    notice = screen.list_notice.text()
    assert notice.startswith("Their records now call them Former resident 1.\n")
    assert "other residents' feedback (1)" in notice
    assert "Their name is still written in " in notice
    assert "please look there by hand" in notice


def test_a_refusal_while_asking_is_said_in_words(
    home: tuple[MainWindow, Services], person: Person, folders: Folders, demo_dir: Path
) -> None:
    """Another manager erased her meanwhile: the service's words show, not a crash."""
    window, services = home
    screen = residents_page(window, services, person, "Edna")
    panel = panel_of(screen)
    person.tap(panel.erase_button)
    manager = window.staff_actor
    assert manager is not None
    services.resident_records.erase(manager, resident_id(services, "Edna"))
    person.tap(panel.yes_button)
    assert panel.problem.isVisible()
    assert panel.problem.text() == "⚑ These records were erased already."
    assert not panel.question.isVisible() and screen.editing
    assert audited(demo_dir, "resident.erase") == 1


# -- who may -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["coordinator", "kitchen", "carer"])
def test_other_staff_never_see_a_resident_s_records_and_the_service_refuses_them(
    home: tuple[MainWindow, Services], person: Person, folders: Folders, role: str
) -> None:
    window, services = home
    screen = residents_page(window, services, person, "Edna", role=role)
    panel = panel_of(screen)
    assert not panel.isVisible()
    assert not screen._records_first.isVisible() and not screen._records_last.isVisible()
    assert "Erase their records" not in screen.reading_order()
    actor = window.staff_actor
    assert actor is not None
    edna = resident_id(services, "Edna")
    with pytest.raises(NotAllowedError):
        services.resident_records.records(actor, edna)
    with pytest.raises(NotAllowedError):
        services.resident_records.erase(actor, edna)
    assert services.residents.get(edna).erased_at is None


def test_a_manager_s_question_answered_by_someone_else_is_refused_in_words(
    home: tuple[MainWindow, Services], person: Person, folders: Folders
) -> None:
    """The manager asked, then the cook signed in at the same kiosk and tapped "Yes": the
    service says no, in words, and nothing is erased."""
    window, services = home
    screen = residents_page(window, services, person, "Edna")
    panel = panel_of(screen)
    person.tap(panel.erase_button)
    cook = next(member for member in STAFF if member.role == "kitchen")
    member = next(m for m in services.staff.sign_in_choices() if m.name == cook.name)
    window.staff_actor = services.staff.sign_in(member.id, cook.pin)
    person.tap(panel.yes_button)
    assert panel.problem.text() == "⚑ " + NOT_ALLOWED
    assert services.residents.get(resident_id(services, "Edna")).erased_at is None


# -- how it looks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "scale", "language"),
    [((1280, 800), 100, "en_GB"), ((1280, 800), 200, "cy"), ((1920, 1080), 200, "en_GB")],
)
def test_the_records_part_fits_and_reads_at_every_size(
    demo_dir: Path,
    folders: Folders,
    qtbot: QtBot,
    size: tuple[int, int],
    scale: int,
    language: str,
) -> None:
    with kiosk_window(demo_dir, language=language, text_scale=scale, size=size) as opened:
        window, services = opened
        person = Person(qtbot)
        screen = residents_page(window, services, person, "Edna")
        panel = panel_of(screen)
        screen._scroll_now(panel)
        qtbot.wait(10)
        assert layout_problems(window, window.theme.metrics) == []
        person.tap(panel.erase_button)
        qtbot.wait(10)
        assert layout_problems(window, window.theme.metrics) == []
        person.tap(panel.yes_button)
        qtbot.wait(10)
        assert layout_problems(window, window.theme.metrics) == []


# -- the folder, whole or nothing (the same function the command line uses) -----------------


def test_a_folder_that_is_not_there_is_refused_before_the_copy_is_built(
    home: tuple[MainWindow, Services], tmp_path: Path, gate: Gate
) -> None:
    window, services = home
    manager = sign_in(window, services, "manager")
    records = services.resident_records.records(manager, resident_id(services, "Edna"))
    gone = tmp_path / "gone"
    with pytest.raises(RecordsNotSaved) as refused:
        records_output.save_resident_records(
            records,
            gone,
            home_name="Willow Court",
            locale="en_GB",
            translate=lambda words: words,
            pictures_dir=ROOT / "assets" / "pictures",
            fonts_dir=ROOT / "assets" / "fonts",
            printed_on=services.week.today(),
            zone=services.week.home_zone(),
        )
    assert (refused.value.folder, refused.value.reason) == (gone, os.strerror(errno.ENOENT))
    assert refused.value.text() == (
        f"Nothing was saved: the folder {gone} is not there. If it is on a USB stick, put "
        "the stick back and try again."
    )
    assert gate.threads == []  # nothing was built for a folder that is not there
    assert not gone.exists()


def banner(screen: ResidentsScreen) -> str:
    return screen.problem.text() if screen.problem.isVisible() else ""
