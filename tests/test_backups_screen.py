"""The manager's Backups screen, tapped as a manager would, on real widgets offscreen, over
the real backups service on a copy of the demo home.

"Back up now" runs in a worker: the tests hold it at a gate to see the screen while it
runs, then let it go and wait for the outcome. The USB stick is a folder in the test's
own temporary folder; taking it out is removing the folder.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.backups import BackupAttempt, BackupRun, BackupSetup, BackupStatus
from kiosk.domain.enums import DatabaseKind
from kiosk.i18n import Words
from kiosk.storage.backup import BackupTargetFull
from kiosk.storage.database import Database, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from kiosk.ui.backups_words import BREAK
from kiosk.ui.fonts import register_fonts
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screens.backups_screen import BackupsScreen
from kiosk.ui.theme import STANDARD, Metrics, Theme
from tests.helpers.host import Host
from tests.helpers.layout import layout_problems
from tests.helpers.person import Person

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
PICTURES = ROOT / "assets" / "pictures"
FONTS = ROOT / "assets" / "fonts"
SCREENSHOTS = Path(os.environ.get("BACKUPS_SCREENS_DIR", "/tmp/backups-screens"))

NOT_ALLOWED = "Sorry, you are not allowed to do that."
BACKING_UP = "Backing up… this takes a moment."


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: object) -> None:
    if any(FONTS.glob("*.ttf")):
        register_fonts(FONTS)


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Database]:
    opened = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    yield opened
    opened.dispose()


@pytest.fixture
def services(demo_dir: Path, demo: Database) -> Services:
    config = AppConfig.build(data_dir=demo_dir, demo=True, windowed=True, locale=None, environ={})
    return Services(demo, config)


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "media" / "kiosk" / "KINGSTON"
    folder.mkdir(parents=True)
    return folder


def staff_member(services: Services, role: str) -> Actor:
    person = next(p for p in STAFF if p.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == person.name)
    return services.staff.sign_in(member.id, person.pin)


class GatedBackups:
    """The real service; "Back up now" waits at a gate (when closed) and notes its thread."""

    def __init__(self, services: Services) -> None:
        self._real = services.backups
        self.gate = threading.Event()
        self.gate.set()
        self.threads: list[threading.Thread] = []
        self.fail_with: Exception | None = None

    def status(self, actor: Actor) -> BackupStatus:
        return self._real.status(actor)

    def setup(self, actor: Actor) -> BackupSetup:
        return self._real.setup(actor)

    def history(self, actor: Actor, limit: int = 14) -> Sequence[BackupAttempt]:
        return self._real.history(actor, limit)

    def set_copy_folder(self, actor: Actor, folder: Path | None) -> Path | None:
        return self._real.set_copy_folder(actor, folder)

    def back_up_now_everywhere(self, actor: Actor) -> BackupRun:
        self.threads.append(threading.current_thread())
        assert self.gate.wait(30)
        if self.fail_with is not None:
            raise self.fail_with
        return self._real.back_up_now_everywhere(actor)


@pytest.fixture
def backups(services: Services) -> GatedBackups:
    return GatedBackups(services)


class Folders:
    """What the manager picks in the folder dialog, one answer per tap (None: Cancel)."""

    def __init__(self) -> None:
        self.answers: list[Path | None] = []

    def __call__(self) -> Path | None:
        return self.answers.pop(0)


Build = Callable[..., BackupsScreen]


@pytest.fixture
def folders() -> Folders:
    return Folders()


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


@pytest.fixture
def build(
    qtbot: QtBot, services: Services, backups: GatedBackups, folders: Folders
) -> Iterator[Build]:
    """Builds the screen in a window of its own, shown and refreshed, as the window does."""
    screens: list[BackupsScreen] = []
    hosts: list[Host] = []  # kept, or Python would let the window go while a test runs

    def build_screen(
        *,
        role: str = "manager",
        scale: int = 100,
        size: tuple[int, int] = (1280, 800),
        language: str = "en_GB",
    ) -> BackupsScreen:
        theme = Theme(STANDARD, Metrics(dpi=96, text_scale=scale))
        actor = staff_member(services, role)
        screen = BackupsScreen(
            words=Words(LOCALES, language),
            pictures=PictureLibrary(PICTURES),
            theme=theme,
            signed_in=lambda: actor,
            backups=backups,
            choose_folder=folders,
            home_zone=services.week.home_zone,
        )
        host = Host(screen, theme, screen.pictures)
        qtbot.addWidget(host)
        hosts.append(host)
        screens.append(screen)
        host.resize(*size)
        host.show()
        qtbot.waitExposed(host)
        screen.refresh()
        qtbot.wait(10)
        return screen

    yield build_screen
    backups.gate.set()
    for screen in screens:
        screen.job.wait()


def unbroken(text: str) -> str:
    return text.replace(BREAK, "")


def back_up(screen: BackupsScreen, person: Person, qtbot: QtBot) -> None:
    """Tap "Back up now" and wait for the outcome."""
    person.tap(screen.back_up_button)
    qtbot.waitUntil(lambda: not screen.job.busy, timeout=30_000)
    qtbot.wait(20)  # the new rows laid out


def save(screen: BackupsScreen, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screen.window().grab().save(str(SCREENSHOTS / f"{name}.png"))


# ---------------------------------------------------------------------------------------
# What the manager sees


def test_no_backup_yet_is_flagged_and_the_places_are_named(
    build: Build, services: Services
) -> None:
    screen = build()
    assert screen.title() == "Backups"
    assert screen.body.isVisible() and not screen.problem.isVisible()
    assert screen.status_line.text() == "⚑ There is no good backup yet."
    assert screen.status_line.property("role") == "banner"
    assert unbroken(screen.daily_folder.text()) == str(services.backups.folder)
    assert screen.kept_words.text() == ("The last 7 days, and one a week for 4 weeks before that.")
    assert screen.copy_folder.text() == "Not chosen"
    assert screen.choose_button.words == "Choose a folder…"
    assert not screen.stop_button.isVisible()
    assert screen.row_texts() == []
    assert screen.history_words.text() == "No backups have been made yet."
    assert not screen.result_line.isVisible()


def test_the_last_good_backup_and_each_attempt_are_listed_newest_first(
    build: Build, services: Services, stick: Path
) -> None:
    manager = staff_member(services, "manager")
    first = services.backups.back_up_now_everywhere(manager)
    services.backups.set_copy_folder(manager, stick)
    second = services.backups.back_up_now_everywhere(manager)
    screen = build()
    words = screen.words
    zone = services.week.home_zone()
    when = second.here.when.astimezone(zone)
    assert screen.status_line.text() == (
        f"Last good backup: {words.day_and_date(when.date())} at {words.clock_time(when)}."
    )
    assert screen.status_line.property("role") == ""

    def row(attempt: BackupAttempt, where: str) -> str:
        moment = attempt.when.astimezone(zone)
        size = attempt.byte_size or 0
        return (
            f"{words.day_and_date(moment.date())} at {words.clock_time(moment)}\u00a0· {where}"
            f"\u00a0· {round(size / 1000)}\u00a0kB\u00a0· OK"
        )

    assert second.copy is not None
    assert screen.row_texts() == [
        row(second.copy, f"Copy in {stick}"),
        row(second.here, "On this computer"),
        row(first.here, "On this computer"),
    ]
    assert not screen.history_words.isVisible()
    assert unbroken(screen.copy_folder.text()) == str(stick)
    read = screen.reading_order()
    assert str(stick) in read and str(services.backups.folder) in read  # whole, as said
    assert not any(BREAK in words for words in read)
    assert screen.choose_button.words == "Choose another folder…"
    assert screen.stop_button.isVisible()


def test_only_the_manager_sees_the_backups(build: Build, backups: GatedBackups) -> None:
    for role in ("coordinator", "carer", "kitchen"):
        screen = build(role=role)
        assert screen.problem.isVisible() and screen.problem.text() == NOT_ALLOWED
        assert not screen.body.isVisible()
        assert backups.threads == []


# ---------------------------------------------------------------------------------------
# Back up now


def test_back_up_now_runs_off_the_gui_thread_and_a_double_tap_backs_up_once(
    build: Build, backups: GatedBackups, services: Services, person: Person, qtbot: QtBot
) -> None:
    screen = build()
    backups.gate.clear()
    person.tap(screen.back_up_button)
    assert screen.job.busy
    assert screen.result_line.isVisible() and screen.result_line.text() == BACKING_UP
    assert not screen.back_up_button.isEnabled()
    assert BACKING_UP in screen.reading_order()
    save(screen, "backups-backing-up-1280x800")
    screen._on_back_up_button_tapped()  # a second tap that got through: turned away
    qtbot.wait(50)
    assert screen.row_texts() == [], "nothing is written while the first waits"

    backups.gate.set()
    qtbot.waitUntil(lambda: not screen.job.busy, timeout=30_000)
    assert len(backups.threads) == 1
    assert backups.threads[0] is not threading.main_thread()
    [attempt] = services.backups.history(staff_member(services, "manager"))
    assert attempt.ok
    time = screen.words.clock_time(attempt.when.astimezone(services.week.home_zone()))
    size = f"{round((attempt.byte_size or 0) / 1000)}\u00a0kB"
    assert screen.result_line.text() == (
        f"Backed up at {time}: {size}, checked and kept on this computer."
    )
    assert screen.result_line.property("role") == "card"
    assert screen.back_up_button.isEnabled()
    assert screen.status_line.text().startswith("Last good backup: ")
    assert len(screen.row_texts()) == 1 and screen.row_texts()[0].endswith("· OK")

    screen.refresh()  # coming back later: the list says what happened
    assert not screen.result_line.isVisible()


def test_choosing_a_folder_then_backing_up_puts_a_copy_there(
    build: Build,
    services: Services,
    folders: Folders,
    stick: Path,
    person: Person,
    qtbot: QtBot,
) -> None:
    screen = build()
    folders.answers = [None]  # Cancel in the folder dialog: nothing changes
    person.tap(screen.choose_button)
    assert screen.copy_folder.text() == "Not chosen" and not screen.notice.isVisible()

    folders.answers = [stick]
    person.tap(screen.choose_button)
    assert services.backups.copy_folder(staff_member(services, "manager")) == stick
    assert unbroken(screen.copy_folder.text()) == str(stick)
    assert screen.stop_button.isVisible()
    assert unbroken(screen.notice.text()) == (
        f"From now on, each backup is copied to {stick} as well. "
        "Tap “Back up now” to make a copy there now."
    )

    back_up(screen, person, qtbot)
    [copied] = stick.glob("our-say-*.sqlite3")
    lines = unbroken(screen.result_line.text()).split("\n")
    assert lines[0].startswith("Backed up at ")
    assert lines[1] == f"A copy is in {stick} too."
    assert screen.result_line.property("role") == "card"
    assert unbroken(screen.row_texts()[0]).startswith(
        screen.row_texts()[1].split("\u00a0·")[0] + f"\u00a0· Copy in {stick}"
    )
    assert copied.stat().st_size > 0


def test_a_removed_stick_is_said_in_words_and_the_screen_stays_usable(
    build: Build,
    services: Services,
    folders: Folders,
    stick: Path,
    person: Person,
    qtbot: QtBot,
) -> None:
    services.backups.set_copy_folder(staff_member(services, "manager"), stick)
    screen = build()
    stick.rmdir()  # the stick taken out
    back_up(screen, person, qtbot)
    gone = (
        f"The backup could not be written: the folder {stick} is not there. If it is on a USB "
        "stick, put the stick back and try again."
    )
    lines = unbroken(screen.result_line.text()).split("\n")
    assert lines[0].startswith("Backed up at ")
    assert lines[1] == f"⚑ No copy was made. {gone}"
    assert screen.result_line.property("role") == "banner"
    newest = screen.row_texts()[0]
    assert newest.endswith(f"· Copy in {stick}\u00a0· ⚑ Not done:\n{gone}")
    assert not stick.exists()
    save(screen, "backups-stick-gone-1280x800")

    folders.answers = [stick / "backups"]  # choosing a folder on it now: refused in words
    person.tap(screen.choose_button)
    assert unbroken(screen.problem.text()) == (
        f"There is no folder at {stick / 'backups'}. If it is on a USB stick, put the stick in "
        "and choose the folder again."
    )
    assert unbroken(screen.copy_folder.text()) == str(stick), "the choice is as it was"

    stick.mkdir()  # put back
    back_up(screen, person, qtbot)
    assert unbroken(screen.result_line.text()).endswith(f"A copy is in {stick} too.")
    assert len(list(stick.glob("our-say-*.sqlite3"))) == 1


def test_a_full_disk_is_said_in_words_and_the_old_backups_stay(
    build: Build,
    services: Services,
    person: Person,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kiosk.services import backups as service_module

    manager = staff_member(services, "manager")
    earlier = services.backups.back_up_now_everywhere(manager).here.destination
    kept = earlier.read_bytes()

    def disk_full(database: Database, target: Path) -> object:
        raise BackupTargetFull(target.parent)

    monkeypatch.setattr(service_module, "backup_to", disk_full)
    screen = build()
    back_up(screen, person, qtbot)
    full = BackupTargetFull(services.backups.folder).text()
    assert unbroken(screen.result_line.text()) == f"⚑ Not backed up. {full}"
    assert screen.result_line.property("role") == "banner"
    assert unbroken(screen.row_texts()[0]).endswith(f"⚑ Not done:\n{full}")
    assert earlier.read_bytes() == kept
    assert screen.back_up_button.isEnabled()

    monkeypatch.undo()  # space freed: the next tap works
    back_up(screen, person, qtbot)
    assert screen.result_line.text().startswith("Backed up at ")


def test_a_refusal_or_a_fault_in_the_worker_is_words_not_a_traceback(
    build: Build, backups: GatedBackups, person: Person, qtbot: QtBot
) -> None:
    from kiosk.domain.errors import NotAllowedError
    from kiosk.domain.text import N_

    screen = build()
    backups.fail_with = NotAllowedError(N_("Sorry, you are not allowed to do that."))
    back_up(screen, person, qtbot)
    assert screen.result_line.text() == f"⚑ {NOT_ALLOWED}"
    backups.fail_with = RuntimeError("disk controller said something odd")
    back_up(screen, person, qtbot)
    assert screen.result_line.text() == (
        "⚑ Sorry, the backup could not be made. It has been noted."
    )
    assert screen.result_line.property("role") == "banner"
    assert screen.back_up_button.isEnabled()


def test_stop_copying_there(
    build: Build, services: Services, stick: Path, person: Person, qtbot: QtBot
) -> None:
    manager = staff_member(services, "manager")
    services.backups.set_copy_folder(manager, stick)
    screen = build()
    person.tap(screen.stop_button)
    assert services.backups.copy_folder(manager) is None
    assert screen.copy_folder.text() == "Not chosen"
    assert not screen.stop_button.isVisible()
    assert unbroken(screen.notice.text()) == (
        f"Backups are no longer copied to {stick}. The copies already there are kept."
    )
    back_up(screen, person, qtbot)
    assert "\n" not in screen.result_line.text(), "no copy is tried"
    assert list(stick.iterdir()) == []


# ---------------------------------------------------------------------------------------
# How it looks


@pytest.mark.parametrize("language", ["en_GB", "cy"])
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("scale", [100, 200])
def test_it_fits_at_both_sizes_and_text_scales(
    build: Build,
    services: Services,
    stick: Path,
    person: Person,
    qtbot: QtBot,
    language: str,
    size: tuple[int, int],
    scale: int,
) -> None:
    manager = staff_member(services, "manager")
    services.backups.back_up_now_everywhere(manager)
    services.backups.set_copy_folder(manager, stick)
    shutil.rmtree(stick)
    services.backups.back_up_now_everywhere(manager)  # the stick taken out: a banner row
    stick.mkdir()
    screen = build(scale=scale, size=size, language=language)
    back_up(screen, person, qtbot)
    assert screen.result_line.isVisible() and len(screen.row_texts()) == 5
    assert screen.scroll.verticalScrollBar().value() == 0, "the view stays where it was"
    name = f"backups-{language}-{size[0]}x{size[1]}-{scale}"
    save(screen, name)
    screen.scroll.widget().grab().save(str(SCREENSHOTS / f"{name}-all.png"))
    problems = layout_problems(screen.window(), screen.theme.metrics)
    assert problems == [], "\n".join(problems)
