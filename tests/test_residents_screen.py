"""The staff Residents screen, tapped as staff would, on a real SQLite file (offscreen Qt).

The real service sits behind the screen, so what is asserted is what was stored; the
screen is judged by what a person sees (the banner's words, the ticks, the faces).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.access import Actor
from kiosk.domain.enums import CarePlanAccess, ContrastTheme, StaffRole
from kiosk.domain.residents import NewResident, Resident
from kiosk.i18n import Words, language_choices
from kiosk.services.residents import ResidentsService
from kiosk.storage.database import Database
from kiosk.ui.fonts import register_fonts
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screens.residents_screen import ResidentsScreen
from kiosk.ui.screens.who_screen import WhoScreen
from kiosk.ui.theme import STANDARD, Metrics, Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.face_tile import FaceTile
from tests.conftest import ALL_LANGUAGES
from tests.helpers.layout import layout_problems
from tests.helpers.person import REPEAT_WAIT_MS, Person

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
PICTURES = ROOT / "assets" / "pictures"
FONTS = ROOT / "assets" / "fonts"

PIN_PAD_CLEARS_MS = 700  # the pad shows four dots for 600 ms, then is ready again
NOT_ALLOWED = "Sorry, you are not allowed to do that."
RED = QColor(220, 0, 0)


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: object) -> None:
    if any(FONTS.glob("*.ttf")):
        register_fonts(FONTS)


@pytest.fixture
def residents(database: Database) -> ResidentsService:
    return ResidentsService(database.sessions, languages=ALL_LANGUAGES)


@pytest.fixture
def kitchen(database: Database, manager: Actor) -> Actor:
    """A cook, signed in: staff, but not allowed to manage residents."""
    from kiosk.services.staff import StaffService

    staff = StaffService(database.sessions)
    cook = staff.add(manager, "Tom Baker", StaffRole.KITCHEN, "6053")
    return staff.sign_in(cook.id, "6053")


def png_bytes(colour: QColor = RED, width: int = 240, height: int = 180) -> bytes:
    """A real photo file, as a camera or a phone would hand one over (PNG)."""
    image = QImage(QSize(width, height), QImage.Format.Format_RGB32)
    image.fill(colour)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data())


@dataclass
class Photos:
    """Stands in for the window's file chooser: hands over whatever a test puts here."""

    chosen: bytes | None = None
    asked: int = 0

    def __call__(self) -> bytes | None:
        self.asked += 1
        return self.chosen


class Staff(Person):
    """Taps as a person does: never the same button twice within 300 ms."""

    def double_tap(self, button: QAbstractButton) -> None:
        """A shaky double tap: two clicks at once, then a third a moment later."""
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.qtbot.wait(REPEAT_WAIT_MS)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self._last_tap[id(button)] = time.monotonic()

    def type_pin(self, screen: ResidentsScreen, pin: str) -> None:
        for digit in pin:
            self.tap(screen.pin_pad.digit_keys[digit])
        self.qtbot.wait(PIN_PAD_CLEARS_MS)


@pytest.fixture
def staff(qtbot: QtBot) -> Staff:
    return Staff(qtbot)


Build = Callable[..., ResidentsScreen]


@pytest.fixture
def build(qtbot: QtBot, residents: ResidentsService, manager: Actor) -> Iterator[Build]:
    """Builds the screen in a window of its own, shown and refreshed, as the window does."""
    windows: list[QWidget] = []  # kept alive until the test ends

    def build_screen(
        *,
        actor: Actor | None = manager,
        photos: Callable[[], bytes | None] | None = None,
        scale: int = 100,
        size: tuple[int, int] = (1280, 800),
        language: str = "en_GB",
    ) -> ResidentsScreen:
        words = Words(LOCALES, language)
        theme = Theme(STANDARD, Metrics(dpi=96, text_scale=scale))
        screen = ResidentsScreen(
            words=words,
            pictures=PictureLibrary(PICTURES),
            theme=theme,
            signed_in=lambda: actor,
            residents=residents,
            languages=[(c.code, c.own_name) for c in language_choices(words.languages)],
            choose_photo=photos or Photos(),
        )
        window = QWidget()
        window.setObjectName("screen")
        layout = QVBoxLayout(window)
        margin = max(12, theme.metrics.gap_px // 2)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addWidget(screen)
        window.setStyleSheet(theme.stylesheet())
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        screen.refresh()
        qtbot.wait(10)
        return screen

    yield build_screen


def row_for(screen: ResidentsScreen, resident_id: int) -> QAbstractButton:
    return next(row for row in screen.rows if row.resident_id == resident_id)


def open_resident(staff: Staff, screen: ResidentsScreen, resident_id: int) -> None:
    staff.tap(row_for(screen, resident_id))
    assert screen.editor_page.isVisible()
    assert screen.resident is not None and screen.resident.id == resident_id


def banner(screen: ResidentsScreen) -> str:
    return screen.problem.text() if screen.problem.isVisible() else ""


def chosen(buttons: dict[object, BigButton]) -> list[object]:
    return [key for key, button in buttons.items() if button.chosen]


# -- adding --------------------------------------------------------------------------------


def test_a_double_tapped_save_adds_one_resident(
    build: Build, staff: Staff, residents: ResidentsService
) -> None:
    screen = build()
    assert screen.nobody_label.isVisible()
    staff.double_tap(screen.add_button)
    assert screen.editor_page.isVisible() and screen.heading.text() == "A new resident"
    assert not screen.choose_photo_button.isVisible()  # a photo needs someone to belong to
    screen.preferred_name_edit.setText("  Margaret ")
    screen.full_name_edit.setText("Margaret  Ellis")
    screen.room_edit.setText("12")
    staff.tap(screen.language_buttons["cy"])
    staff.double_tap(screen.save_button)
    everyone = residents.list_all()
    assert len(everyone) == 1
    margaret = everyone[0]
    assert (margaret.preferred_name, margaret.full_name, margaret.room, margaret.language) == (
        "Margaret",
        "Margaret  Ellis",  # a full name is kept as typed, only trimmed
        "12",
        "cy",
    )
    assert screen.saved_label.text() == "Saved."
    assert screen.heading.text() == "Margaret"
    assert screen.preferred_name_edit.text() == "Margaret"  # shown as kept
    assert screen.choose_photo_button.isVisible() and screen.set_pin_button.isVisible()
    staff.tap(screen.back_to_list_button)
    assert [row.resident_id for row in screen.rows] == [margaret.id]


def test_adding_needs_a_name(build: Build, staff: Staff, residents: ResidentsService) -> None:
    screen = build()
    staff.tap(screen.add_button)
    screen.room_edit.setText("12")
    staff.tap(screen.save_button)
    assert banner(screen) == "Name they like to be called: Please write something here first."
    assert screen.saved_label.text() == ""
    assert residents.list_all() == []
    screen.preferred_name_edit.setText("Joan")
    staff.tap(screen.save_button)
    assert banner(screen) == ""
    assert [r.preferred_name for r in residents.list_all()] == ["Joan"]


# -- changing ------------------------------------------------------------------------------


def test_every_choice_is_stored_on_save(
    build: Build, staff: Staff, residents: ResidentsService, manager: Actor
) -> None:
    iris = residents.add(manager, NewResident("Iris", room="3"))
    screen = build()
    open_resident(staff, screen, iris.id)
    assert chosen(screen.language_buttons) == ["en_GB"]
    assert chosen(screen.text_size_buttons) == [100]
    assert chosen(screen.access_buttons) == [CarePlanAccess.STAFF]
    assert screen.speed_label.text() == "135 words a minute"
    screen.room_edit.setText("14b")
    staff.tap(screen.language_buttons["pl"])
    staff.tap(screen.text_size_buttons[175])
    staff.tap(screen.contrast_buttons[ContrastTheme.HIGH])
    staff.tap(screen.speed_buttons[165])
    staff.tap(screen.talking_buttons[True])
    staff.tap(screen.access_buttons[CarePlanAccess.OPEN])
    assert chosen(screen.text_size_buttons) == [175]  # one choice at a time
    assert screen.speed_label.text() == "165 words a minute"
    assert residents.get(iris.id) == iris  # nothing is kept before Save
    staff.tap(screen.save_button)
    assert banner(screen) == ""
    assert screen.saved_label.text() == "Saved."
    stored = residents.get(iris.id)
    assert (stored.room, stored.language, stored.text_scale, stored.contrast) == (
        "14b",
        "pl",
        175,
        ContrastTheme.HIGH,
    )
    assert (stored.speech_rate, stored.talking_buttons, stored.care_plan_access) == (
        165,
        True,
        CarePlanAccess.OPEN,
    )
    staff.tap(screen.speed_buttons[110])
    assert screen.saved_label.text() == ""  # a change not yet saved
    staff.tap(screen.save_button)
    assert residents.get(iris.id).speech_rate == 110


def test_pin_access_without_a_pin_shows_the_services_words(
    build: Build, staff: Staff, residents: ResidentsService, manager: Actor
) -> None:
    iris = residents.add(manager, NewResident("Iris", room="3"))
    screen = build()
    open_resident(staff, screen, iris.id)
    screen.room_edit.setText("4")
    staff.tap(screen.access_buttons[CarePlanAccess.PIN])
    staff.tap(screen.save_button)
    assert banner(screen) == "Set a PIN first, then the care plan can be opened with it."
    assert screen.saved_label.text() == ""
    assert residents.get(iris.id) == iris  # not even the room: one Save, all or nothing


def test_a_new_pin_is_asked_twice_and_kept_only_when_both_match(
    build: Build, staff: Staff, residents: ResidentsService, manager: Actor
) -> None:
    iris = residents.add(manager, NewResident("Iris"))
    screen = build()
    open_resident(staff, screen, iris.id)
    assert screen.pin_state_label.text() == "They do not have a PIN yet."
    staff.tap(screen.set_pin_button)
    assert screen.pin_panel.isVisible() and not screen.set_pin_button.isVisible()
    staff.type_pin(screen, "1234")
    assert screen.pin_prompt.text() == "Type the same PIN again, to check it."
    staff.type_pin(screen, "4321")
    assert "different" in screen.pin_pad.message.text()
    assert "nothing has changed" in screen.pin_pad.message.text()
    assert not residents.get(iris.id).has_pin
    staff.type_pin(screen, "2468")
    staff.type_pin(screen, "2468")
    assert not screen.pin_panel.isVisible()
    assert screen.saved_label.text() == "The new PIN is saved."
    assert screen.pin_state_label.text() == "They have a PIN."
    assert residents.verify_pin(iris.id, "2468") == Actor.resident(iris.id)
    # now their own PIN may open their care plan
    staff.tap(screen.access_buttons[CarePlanAccess.PIN])
    staff.tap(screen.save_button)
    assert banner(screen) == ""
    assert residents.get(iris.id).care_plan_access is CarePlanAccess.PIN


def test_cancel_leaves_the_pin_as_it_was(
    build: Build, staff: Staff, residents: ResidentsService, manager: Actor
) -> None:
    iris = residents.add(manager, NewResident("Iris", pin="1357"))
    screen = build()
    open_resident(staff, screen, iris.id)
    staff.tap(screen.set_pin_button)
    staff.type_pin(screen, "2468")
    staff.tap(screen.pin_cancel_button)
    assert not screen.pin_panel.isVisible()
    assert residents.verify_pin(iris.id, "1357") == Actor.resident(iris.id)


# -- photos --------------------------------------------------------------------------------


def test_a_photo_is_kept_and_shown_on_who_are_you(
    build: Build,
    staff: Staff,
    residents: ResidentsService,
    manager: Actor,
    qtbot: QtBot,
) -> None:
    iris = residents.add(manager, NewResident("Iris"))
    joan = residents.add(manager, NewResident("Joan"))
    photo = png_bytes()
    photos = Photos()
    screen = build(photos=photos)
    open_resident(staff, screen, iris.id)
    assert not screen.remove_photo_button.isVisible()
    staff.tap(screen.choose_photo_button)  # the chooser was closed without a choice
    assert photos.asked == 1 and not residents.get(iris.id).has_photo
    photos.chosen = photo
    staff.tap(screen.choose_photo_button)
    assert banner(screen) == ""
    assert residents.get(iris.id).has_photo
    assert residents.photo(iris.id) == photo
    assert screen.remove_photo_button.isVisible()
    assert _middle_of(screen.photo_label) == RED

    who = WhoScreen(
        words=screen.words, pictures=screen.pictures, theme=screen.theme, residents=residents
    )
    qtbot.addWidget(who)
    who.resize(1280, 800)
    who.refresh()
    tiles = {tile.resident_id: tile for tile in who.visible_faces()}
    assert tiles[iris.id].shows_photo and not tiles[joan.id].shows_photo
    assert _middle_of(tiles[iris.id].avatar) == RED  # the photo, not initials

    staff.tap(screen.remove_photo_button)
    assert not residents.get(iris.id).has_photo
    assert not screen.remove_photo_button.isVisible()
    assert _middle_of(screen.photo_label) != RED
    who.refresh()
    assert not next(t for t in who.visible_faces() if t.resident_id == iris.id).shows_photo


def test_a_text_file_named_like_a_photo_is_refused_in_words(
    build: Build, staff: Staff, residents: ResidentsService, manager: Actor, tmp_path: Path
) -> None:
    iris = residents.add(manager, NewResident("Iris"))
    letter = tmp_path / "iris.jpg"
    letter.write_text("Dear Iris, happy birthday! Love from all of us.", encoding="utf-8")
    screen = build(photos=Photos(letter.read_bytes()))
    open_resident(staff, screen, iris.id)
    staff.tap(screen.choose_photo_button)
    assert banner(screen) == (
        "That file is not a photo we can use. Please choose a JPEG or PNG picture."
    )
    assert not residents.get(iris.id).has_photo


def test_a_file_that_cannot_be_read_is_told_in_words(
    build: Build, staff: Staff, residents: ResidentsService, manager: Actor
) -> None:
    iris = residents.add(manager, NewResident("Iris"))

    def unreadable() -> bytes | None:
        raise PermissionError("the memory stick was taken out")

    screen = build(photos=unreadable)
    open_resident(staff, screen, iris.id)
    staff.tap(screen.choose_photo_button)
    assert banner(screen) == "We could not read that file. Please try again."
    assert not residents.get(iris.id).has_photo


def test_a_photo_that_will_not_draw_shows_initials(
    residents: ResidentsService, manager: Actor, qtbot: QtBot
) -> None:
    iris = residents.add(manager, NewResident("Iris"))
    broken = b"\xff\xd8\xff\xe0" + b"not really a picture" * 10  # looks like a JPEG, is not
    residents.set_photo(manager, iris.id, broken)
    words = Words(LOCALES)
    theme = Theme(STANDARD, Metrics())
    who = WhoScreen(
        words=words, pictures=PictureLibrary(PICTURES), theme=theme, residents=residents
    )
    qtbot.addWidget(who)
    who.refresh()
    (tile,) = who.visible_faces()
    assert not tile.shows_photo
    assert not FaceTile(residents.get(iris.id), theme=theme, photo=b"").shows_photo


def test_who_reads_photos_only_for_residents_who_have_one(
    residents: ResidentsService, manager: Actor, qtbot: QtBot
) -> None:
    with_photo = residents.add(manager, NewResident("Iris"))
    residents.set_photo(manager, with_photo.id, png_bytes())
    for name in ("Joan", "Mary", "Ruth"):
        residents.add(manager, NewResident(name))

    class Counting:
        def __init__(self) -> None:
            self.asked: list[int] = []

        def list_active(self) -> list[Resident]:
            return residents.list_active()

        def photo(self, resident_id: int) -> bytes | None:
            self.asked.append(resident_id)
            return residents.photo(resident_id)

    counting = Counting()
    theme = Theme(STANDARD, Metrics())
    who = WhoScreen(
        words=Words(LOCALES), pictures=PictureLibrary(PICTURES), theme=theme, residents=counting
    )
    qtbot.addWidget(who)
    who.refresh()
    who.apply_theme(theme)  # redrawn: the photo is not read again
    assert counting.asked == [with_photo.id]


def _middle_of(label: QLabel) -> QColor:
    image = label.pixmap().toImage()
    return QColor(image.pixel(image.width() // 2, image.height() // 2))


# -- moving out ----------------------------------------------------------------------------


def test_moving_out_asks_first_then_leaves_who_are_you(
    build: Build, staff: Staff, residents: ResidentsService, manager: Actor, qtbot: QtBot
) -> None:
    walter = residents.add(manager, NewResident("Walter", room="15"))
    agnes = residents.add(manager, NewResident("Agnes"))
    screen = build()
    open_resident(staff, screen, walter.id)
    staff.tap(screen.archive_button)
    assert screen.archive_question.isVisible()
    assert screen.archive_question.text() == "Are you sure? Everything they said is kept."
    staff.tap(screen.archive_no_button)
    assert not screen.archive_question.isVisible()
    assert residents.get(walter.id).active
    staff.tap(screen.archive_button)
    staff.tap(screen.archive_yes_button)
    assert not residents.get(walter.id).active
    assert screen.list_page.isVisible()
    assert screen.list_notice.text() == "Walter has moved out. Everything they said is kept."
    # those who live here first, then those who have moved out, marked in words
    assert [row.resident_id for row in screen.rows] == [agnes.id, walter.id]
    assert row_for(screen, walter.id).accessibleName() == "Walter, Room 15, Moved out"
    who = WhoScreen(
        words=screen.words, pictures=screen.pictures, theme=screen.theme, residents=residents
    )
    qtbot.addWidget(who)
    who.refresh()
    assert [tile.resident_id for tile in who.visible_faces()] == [agnes.id]
    open_resident(staff, screen, walter.id)
    assert screen.moved_out_label.isVisible()
    assert not screen.archive_button.isVisible()


# -- rights --------------------------------------------------------------------------------


def test_kitchen_staff_are_told_no_and_nothing_changes(
    build: Build,
    staff: Staff,
    residents: ResidentsService,
    manager: Actor,
    kitchen: Actor,
) -> None:
    iris = residents.add(manager, NewResident("Iris", room="3"))
    screen = build(actor=kitchen, photos=Photos(png_bytes()))
    staff.tap(screen.add_button)
    screen.preferred_name_edit.setText("Someone")
    staff.tap(screen.save_button)
    assert banner(screen) == NOT_ALLOWED
    assert [r.id for r in residents.list_all()] == [iris.id]
    staff.tap(screen.back_to_list_button)
    open_resident(staff, screen, iris.id)
    screen.room_edit.setText("99")
    staff.tap(screen.text_size_buttons[200])
    staff.tap(screen.save_button)
    assert banner(screen) == NOT_ALLOWED
    assert screen.saved_label.text() == ""
    staff.tap(screen.choose_photo_button)
    assert banner(screen) == NOT_ALLOWED
    staff.tap(screen.set_pin_button)
    staff.type_pin(screen, "1234")
    staff.type_pin(screen, "1234")
    assert banner(screen) == NOT_ALLOWED
    staff.tap(screen.archive_button)
    staff.tap(screen.archive_yes_button)
    assert banner(screen) == NOT_ALLOWED
    assert residents.get(iris.id) == iris


def test_nobody_signed_in_is_asked_to_sign_in(
    build: Build, staff: Staff, residents: ResidentsService
) -> None:
    screen = build(actor=None)
    staff.tap(screen.add_button)
    screen.preferred_name_edit.setText("Someone")
    staff.tap(screen.save_button)
    assert banner(screen) == "Please sign in as staff first."
    assert residents.list_all() == []


# -- what people type ----------------------------------------------------------------------

HOSTILE = [
    "<b>&amp;",
    "Mary </para> O'Brien",
    "Gran 👵🏽 Rose",
    "ਗੁਰਪ੍ਰੀਤ ਕੌਰ",
    "<img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_are_stored_and_shown_exactly(
    build: Build, staff: Staff, residents: ResidentsService, manager: Actor, text: str
) -> None:
    iris = residents.add(manager, NewResident("Iris"))
    screen = build()
    open_resident(staff, screen, iris.id)
    screen.preferred_name_edit.setText(text)
    screen.full_name_edit.setText(text)
    staff.tap(screen.save_button)
    assert banner(screen) == ""
    stored = residents.get(iris.id)
    assert (stored.preferred_name, stored.full_name) == (text, text)
    assert screen.heading.text() == text
    assert screen.heading.textFormat() == Qt.TextFormat.PlainText
    staff.tap(screen.back_to_list_button)
    shown = [label for label in row_for(screen, iris.id).findChildren(QLabel) if label.text()]
    assert text in [label.text() for label in shown]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)


@pytest.mark.parametrize(
    ("field_name", "text", "words"),
    [
        (
            "preferred_name",
            "x" * 10_000,
            "This is too long: 10000 letters. Please keep it under 80.",
        ),
        ("full_name", "ਕ" * 10_000, "This is too long: 10000 letters. Please keep it under 160."),
        ("room", "<b>" * 10, "This is too long: 30 letters. Please keep it under 20."),
        ("preferred_name", "🙂🙂", "A name needs at least one letter."),
        ("room", "1\x002", "This has a hidden control character in it."),
    ],
)
def test_text_that_cannot_be_kept_is_refused_in_words(
    build: Build,
    staff: Staff,
    residents: ResidentsService,
    manager: Actor,
    field_name: str,
    text: str,
    words: str,
) -> None:
    iris = residents.add(manager, NewResident("Iris", room="3"))
    screen = build()
    open_resident(staff, screen, iris.id)
    getattr(screen, f"{field_name}_edit").setText(text)
    staff.tap(screen.save_button)
    assert words in banner(screen)
    assert residents.get(iris.id) == iris


# -- how it looks --------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("size", [(1280, 800), (1280, 620), (1920, 1080)])
def test_every_part_fits_without_clipping(
    build: Build,
    staff: Staff,
    residents: ResidentsService,
    manager: Actor,
    scale: int,
    size: tuple[int, int],
) -> None:
    iris = residents.add(manager, NewResident("Siân ap Rhys", room="12"))
    residents.add(manager, NewResident("ਗੁਰਪ੍ਰੀਤ ਕੌਰ", room="7a"))
    residents.archive(manager, residents.add(manager, NewResident("Walter", room="15")).id)
    screen = build(scale=scale, size=size)
    metrics = screen.theme.metrics
    window = screen.window()

    def problems_in(part: str) -> list[str]:
        staff.qtbot.wait(30)  # let the layout settle, as it has before a person looks
        return [f"{part}: {problem}" for problem in layout_problems(window, metrics)]

    problems = problems_in("list")
    open_resident(staff, screen, iris.id)
    problems += problems_in("editor")
    staff.tap(screen.set_pin_button)
    staff.tap(screen.archive_button)
    problems += problems_in("pin and archive")
    staff.tap(screen.back_to_list_button)
    staff.tap(screen.add_button)
    problems += problems_in("add")
    assert problems == []


def test_every_control_has_a_name_and_the_title_is_residents(
    build: Build, staff: Staff, residents: ResidentsService, manager: Actor
) -> None:
    iris = residents.add(manager, NewResident("Iris"))
    screen = build()
    assert screen.title() == "Residents"
    open_resident(staff, screen, iris.id)
    unnamed = [
        widget
        for widget in screen.findChildren(QWidget)
        if widget.isVisibleTo(screen)
        and (isinstance(widget, QAbstractButton) or widget.inherits("QLineEdit"))
        and not widget.accessibleName().strip()
    ]
    assert unnamed == []
    assert screen.reading_order()[0] == "Residents"
    assert screen.language_buttons["pa"].accessibleName() == "ਪੰਜਾਬੀ"  # in its own script
