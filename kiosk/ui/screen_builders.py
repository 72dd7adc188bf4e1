"""How each screen beyond Home is built and wired to the window, the first time it opens.

One function per screen, listed by name in :data:`BUILDERS`; a new screen is a new
function here and a line in the table. Each screen's module is imported inside its
function, so Home paints before any of them is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.ui.screen import Screen

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow


def build_language(window: MainWindow) -> Screen:
    from kiosk.ui.screens.language_screen import LanguageScreen

    screen = LanguageScreen(words=window.words, pictures=window.pictures, theme=window.theme)
    screen.language_chosen.connect(window.on_language_chosen)
    return screen


def build_who(window: MainWindow) -> Screen:
    from kiosk.ui.screens.who_screen import WhoScreen

    data = window.home_data()
    screen = WhoScreen(
        words=window.words, pictures=window.pictures, theme=window.theme, residents=data.residents
    )
    screen.resident_chosen.connect(window.on_resident_chosen)
    return screen


def build_staff_sign_in(window: MainWindow) -> Screen:
    from kiosk.ui.screens.staff_sign_in_screen import StaffSignInScreen

    staff = window.home_data().staff
    screen = StaffSignInScreen(
        words=window.words, pictures=window.pictures, theme=window.theme, staff=staff
    )
    screen.signed_in.connect(window.on_staff_signed_in)
    return screen


def build_first_manager(window: MainWindow) -> Screen:
    from kiosk.ui.screens.first_manager_screen import FirstManagerScreen

    staff = window.home_data().staff
    screen = FirstManagerScreen(
        words=window.words, pictures=window.pictures, theme=window.theme, staff=staff
    )
    screen.signed_in.connect(window.on_staff_signed_in)
    return screen


def build_staff_room(window: MainWindow) -> Screen:
    from kiosk.ui.screens.staff_room_screen import StaffRoomScreen

    data = window.home_data()
    screen = StaffRoomScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        staff_name=lambda: window.staff_name,
        backups=data.backups,
        home_zone=data.home_zone,
    )
    screen.tool_chosen.connect(window.open_screen)
    screen.sign_out_chosen.connect(window.sign_out_staff)
    screen.leave_kiosk_chosen.connect(window.leave_kiosk)
    return screen


def build_private_pin(window: MainWindow) -> Screen:
    from kiosk.ui.screens.private_pin_screen import PrivatePinScreen

    screen = PrivatePinScreen(words=window.words, pictures=window.pictures, theme=window.theme)
    screen.unlocked.connect(window.on_private_unlocked)
    screen.staff_help_chosen.connect(window.ask_staff_to_help)
    return screen


def build_residents(window: MainWindow) -> Screen:
    from kiosk.i18n import language_choices
    from kiosk.ui.records_builders import choose_records_folder, save_resident_records
    from kiosk.ui.screens.residents_screen import ResidentsScreen

    data = window.home_data()
    records = data.resident_records
    return ResidentsScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        residents=data.residents,  # type: ignore[arg-type]
        languages=[(c.code, c.own_name) for c in language_choices(window.words.languages)],
        choose_photo=lambda: choose_photo(window),
        records=records,
        save_records=save_resident_records(window) if records is not None else None,
        choose_folder=lambda: choose_records_folder(window),
    )


def choose_photo(window: MainWindow) -> bytes | None:
    """A photo file from this computer (or a USB stick), for a resident's face."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(
        window,
        window.words.gettext("Choose a photo"),
        "",
        window.words.gettext("Photos") + " (*.jpg *.jpeg *.png *.webp)",
    )
    if not path:
        return None
    return Path(path).read_bytes()  # an unreadable file: the screen says so in words


def build_staff_list(window: MainWindow) -> Screen:
    from kiosk.ui.screens.staff_list_screen import StaffListScreen

    return StaffListScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        staff=window.home_data().staff,
    )


def build_audit(window: MainWindow) -> Screen:
    from kiosk.ui.screens.audit_screen import AuditScreen

    data = window.home_data()

    def staff_name(staff_id: int) -> str:
        actor = window.staff_actor
        people = data.staff.list(actor) if actor is not None else []
        return next(m.name for m in people if m.id == staff_id)

    return AuditScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        audit=data.audit,
        staff_name=staff_name,
        resident_name=lambda resident_id: data.residents.get(resident_id).preferred_name,
    )


def build_my_care_plan(window: MainWindow) -> Screen:
    from kiosk.ui.screens.my_care_plan_screen import MyCarePlanScreen

    data = window.home_data()
    screen = MyCarePlanScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        care_plans=data.care_plans,
        care_plan_talk=data.care_plan_talk,
        reader=lambda: window.private_actor if window.private_is_open() else None,
        home_zone=data.home_zone,
    )
    screen.say.connect(window.read_words)
    screen.read_aloud.connect(window.read_screen)

    def stop_reading() -> None:
        if window.speech is not None:
            window.speech.stop()

    screen.stop_reading.connect(stop_reading)
    return screen


def build_this_week(window: MainWindow) -> Screen:
    from kiosk.ui.screens.this_week_screen import ThisWeekScreen

    data = window.home_data()
    return ThisWeekScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        week=data.week,
        today=data.today,
    )


def _meal_builders() -> dict[str, Callable[[MainWindow], Screen]]:
    from kiosk.ui.meal_builders import MEAL_BUILDERS

    return MEAL_BUILDERS


BUILDERS: dict[str, Callable[[MainWindow], Screen]] = {
    "language": build_language,
    "who": build_who,
    "this-week": build_this_week,
    "staff-sign-in": build_staff_sign_in,
    "first-manager": build_first_manager,
    "staff-room": build_staff_room,
    "private-pin": build_private_pin,
    "my-care-plan": build_my_care_plan,
    "residents": build_residents,
    "staff-list": build_staff_list,
    "audit": build_audit,
}


def _activity_builders() -> dict[str, Callable[[MainWindow], Screen]]:
    from kiosk.ui.activity_builders import ACTIVITY_BUILDERS

    return ACTIVITY_BUILDERS


def _care_plan_builders() -> dict[str, Callable[[MainWindow], Screen]]:
    from kiosk.ui.care_plan_builders import CARE_PLAN_BUILDERS

    return CARE_PLAN_BUILDERS


def _records_builders() -> dict[str, Callable[[MainWindow], Screen]]:
    from kiosk.ui.records_builders import RECORDS_BUILDERS

    return RECORDS_BUILDERS


BUILDERS.update(_meal_builders())
BUILDERS.update(_activity_builders())
BUILDERS.update(_care_plan_builders())
BUILDERS.update(_records_builders())
