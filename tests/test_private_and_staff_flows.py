"""Through the real window on the demo home: private screens ask for what each resident
chose; staff tools sit behind a staff PIN; only a manager closes the kiosk.

Demo people: Margaret opens her plan with her PIN (7314), Dai only with staff beside him,
Mrs Kaur chose an open plan. Staff PINs: manager Grace 4826, coordinator 3719, kitchen
6053, carer 5281.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Services, build_services, build_window, connect_window, open_home
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.enums import CarePlanSection
from kiosk.domain.errors import NotAllowedError
from kiosk.domain.staff import StaffMember
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.my_care_plan_screen import MyCarePlanScreen
from kiosk.ui.screens.staff_sign_in_screen import PROMPTS, Purpose
from kiosk.ui.widgets.face_tile import FaceTile
from tests.helpers.person import Person
from tests.helpers.shell import kiosk_window, settle

MANAGER_PIN, COORDINATOR_PIN, KITCHEN_PIN, CARER_PIN = "4826", "3719", "6053", "5281"


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


def choose_face(person: Person, window: MainWindow, name: str) -> None:
    assert window.current.name == "who"
    for _ in range(window.who.pages):
        for tile in window.who.findChildren(FaceTile):
            if tile.accessibleName() == name and tile.isVisible():
                person.tap(tile)
                settle()
                return
        person.tap(window.who.next_button)
    raise AssertionError(f"{name} is not on Who are you?")


def staff_member(services: Services, role: str) -> StaffMember:
    return next(m for m in services.staff.sign_in_choices() if m.role == role)


def choose_staff_name(person: Person, window: MainWindow, name: str) -> None:
    screen = window.staff_sign_in
    assert window.current is screen
    [button] = [b for b in screen.name_buttons if b.words == name]
    person.tap(button)


def open_my_care_plan(person: Person, window: MainWindow, name: str) -> None:
    window.go_home()
    person.tap(window.home.task_buttons["my-care-plan"])
    if window.current.name == "who":
        choose_face(person, window, name)
    settle()
    if window.current.name == "answers":  # "You said, we did" comes first, then the plan
        person.tap(window.current.thank_you_button)  # type: ignore[attr-defined]
        settle()


def shown_plan(window: MainWindow) -> MyCarePlanScreen:
    screen = window.current
    assert isinstance(screen, MyCarePlanScreen), window.current.name
    return screen


def test_own_pin_opens_her_own_plan_and_a_wrong_one_is_met_kindly(
    person: Person, demo_dir: Path
) -> None:
    with kiosk_window(demo_dir) as (window, services):
        open_my_care_plan(person, window, "Margaret")
        assert window.current.name == "private-pin"
        pad = window.private_pin.pin_pad
        person.type_pin(pad, "1234")
        assert window.current.name == "private-pin"
        assert "did not match" in pad.message.text() and "4 tries left" in pad.message.text()
        person.type_pin(pad, "7314")
        plan = shown_plan(window)
        assert window.resident is not None and window.resident.preferred_name == "Margaret"
        assert plan.heading.text() == "What matters most to me"
        expected = services.care_plans.current(window.private_actor, window.resident.id)
        assert expected is not None
        assert plan.body.text() == expected.body(CarePlanSection.WHAT_MATTERS)
        person.tap(plan.next_button)
        assert plan.heading.text() == "People who are important to me"
        person.tap(window.back_button)
        assert window.current is window.home  # the PIN pad is not gone back to


def test_a_plan_is_not_kept_in_the_hidden_screen_once_she_has_gone(
    person: Person, demo_dir: Path
) -> None:
    from PySide6.QtWidgets import QLabel

    with kiosk_window(demo_dir) as (window, services):
        open_my_care_plan(person, window, "Margaret")
        person.type_pin(window.private_pin.pin_pad, "7314")
        plan = shown_plan(window)
        words = services.care_plans.current(window.private_actor, window.resident.id)
        assert words is not None
        private = words.body(CarePlanSection.WHAT_MATTERS).split(".")[0]

        def on_screen() -> str:
            return " ".join(label.text() for label in plan.findChildren(QLabel))

        assert private in on_screen()
        window.sign_out()
        assert private not in on_screen()


def test_five_wrong_pins_rest_the_pin_and_say_how_to_get_help(
    person: Person, demo_dir: Path
) -> None:
    with kiosk_window(demo_dir) as (window, _):
        open_my_care_plan(person, window, "Margaret")
        pad = window.private_pin.pin_pad
        for wrong in ("1234", "5678", "9012", "3456", "7890"):
            person.type_pin(pad, wrong)
        assert window.current.name == "private-pin"
        assert "wait 15 minutes" in pad.message.text()
        assert "member of staff" in pad.message.text()
        assert not pad.isVisible()  # a resting PIN needs no keys, only the way round it
        # The way round it: a member of staff, from the same screen.
        person.tap(window.private_pin.staff_help_button)
        assert window.current.name == "staff-sign-in"


def test_lock_out_survives_a_restart(person: Person, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        open_my_care_plan(person, window, "Margaret")
        for wrong in ("1234", "5678", "9012", "3456", "7890"):
            person.type_pin(window.private_pin.pin_pad, wrong)
    with kiosk_window(demo_dir) as (window, _):
        open_my_care_plan(person, window, "Margaret")
        person.type_pin(window.private_pin.pin_pad, "7314")  # the right PIN waits too
        assert window.current.name == "private-pin"
        assert "Please wait" in window.private_pin.pin_pad.message.text()


def test_with_staff_only_needs_a_staff_pin_and_lends_no_staff_rights(
    person: Person, demo_dir: Path
) -> None:
    with kiosk_window(demo_dir) as (window, services):
        open_my_care_plan(person, window, "Dai")
        assert window.current.name == "staff-sign-in"
        help_prompt = window.words.gettext(PROMPTS[Purpose.HELP_RESIDENT])  # in Dai's Welsh
        assert window.staff_sign_in.prompt.text() == help_prompt
        kitchen = staff_member(services, "kitchen")
        choose_staff_name(person, window, kitchen.name)
        person.type_pin(window.staff_sign_in.pin_pad, KITCHEN_PIN)
        plan = shown_plan(window)
        assert plan.sections  # Dai's plan, opened with the kitchen's help
        assert window.private_actor == Actor.resident_in_private(
            window.resident.id if window.resident else 0, helped_by=kitchen.id
        )
        assert window.staff_actor is None  # helping is not signing in to the staff tools
        with pytest.raises(NotAllowedError):  # and the helper cannot read a plan alone
            services.care_plans.current(
                Actor.staff(kitchen.id, kitchen.role), window.resident.id if window.resident else 0
            )


def test_an_open_plan_opens_at_once(person: Person, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        open_my_care_plan(person, window, "Mrs Kaur")
        assert shown_plan(window).sections


def test_one_residents_plan_is_never_shown_in_anothers_session(
    person: Person, demo_dir: Path
) -> None:
    with kiosk_window(demo_dir) as (window, services):
        open_my_care_plan(person, window, "Mrs Kaur")
        kaur_words = shown_plan(window).body.text()
        window.go_home()
        person.tap(window.home.who_button)  # "Not you?"
        choose_face(person, window, "Margaret")
        assert window.private_actor is None  # Mrs Kaur's opening went with her
        person.tap(window.home.task_buttons["my-care-plan"])
        assert window.current.name == "private-pin"
        # Even asked straight, the screen shows nothing that is not Margaret's.
        plan = window.screen("my-care-plan")
        assert isinstance(plan, MyCarePlanScreen)
        plan.refresh()
        assert not plan.sections and plan.body.text() != kaur_words
        # And the service refuses a resident reading another's plan, unlocked or not.
        kaur = next(r for r in services.residents.list_active() if r.preferred_name == "Mrs Kaur")
        margaret = window.resident
        assert margaret is not None
        with pytest.raises(NotAllowedError):
            services.care_plans.current(Actor.resident_in_private(margaret.id), kaur.id)


def test_staff_tools_need_a_staff_pin_and_home_signs_staff_out(
    person: Person, demo_dir: Path
) -> None:
    with kiosk_window(demo_dir) as (window, services):
        window.open_screen("audit")  # asked for directly: the sign-in comes first
        assert window.current.name == "staff-sign-in"
        window.go_home()
        person.tap(window.home.staff_button)
        manager = staff_member(services, "manager")
        choose_staff_name(person, window, manager.name)
        person.type_pin(window.staff_sign_in.pin_pad, "0000")
        assert window.current.name == "staff-sign-in"
        assert "did not match" in window.staff_sign_in.pin_pad.message.text()
        person.type_pin(window.staff_sign_in.pin_pad, MANAGER_PIN)
        room = window.current
        assert room.name == "staff-room"
        assert manager.name in room.greeting.text()  # type: ignore[attr-defined]
        shown = {name for name, b in room.tool_buttons.items() if b.isVisible()}  # type: ignore[attr-defined]
        assert shown == {
            "residents",
            "staff-list",
            "audit",
            "kitchen-inbox",
            "dishes",
            "menu-planner",
            "ideas-inbox",
            "polls",
            "week-planner",
            "activity-feedback",
            "care-plans",
            "talk-requests",
            "backups",
            "evidence",
        }
        assert room.leave_button.isVisible()  # type: ignore[attr-defined]
        person.tap(window.home_button)
        assert window.staff_actor is None
        assert window.notice.text() == "Staff signed out."


def test_each_role_is_offered_only_its_own_tools(person: Person, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, services):
        offered = {
            "coordinator": {"ideas-inbox", "polls", "week-planner", "activity-feedback"},
            "carer": {"care-plans", "talk-requests"},
        }
        for role, pin in (("coordinator", COORDINATOR_PIN), ("carer", CARER_PIN)):
            window.go_home()
            person.tap(window.home.staff_button)
            choose_staff_name(person, window, staff_member(services, role).name)
            person.type_pin(window.staff_sign_in.pin_pad, pin)
            room = window.current
            assert room.name == "staff-room"
            tools = room.tool_buttons.items()  # type: ignore[attr-defined]
            assert {name for name, button in tools if button.isVisible()} == offered[role]
            assert room.nothing_yet.isVisible() == (not offered[role])  # type: ignore[attr-defined]
            assert not room.leave_button.isVisible()  # type: ignore[attr-defined]


def test_a_staff_sign_in_ends_the_residents_session(person: Person, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, services):
        open_my_care_plan(person, window, "Mrs Kaur")
        assert window.private_actor is not None
        window.go_home()
        person.tap(window.home.staff_button)
        choose_staff_name(person, window, staff_member(services, "carer").name)
        person.type_pin(window.staff_sign_in.pin_pad, CARER_PIN)
        assert window.current.name == "staff-room"
        assert window.resident is None and window.private_actor is None


def test_only_a_manager_closes_the_kiosk(person: Person, demo_dir: Path, qtbot: QtBot) -> None:
    with kiosk_window(demo_dir, windowed=False) as (window, services):
        person.tap(window.home.staff_button)
        choose_staff_name(person, window, staff_member(services, "manager").name)
        person.type_pin(window.staff_sign_in.pin_pad, MANAGER_PIN)
        room = window.current
        person.tap(room.leave_button)  # type: ignore[attr-defined]
        assert room.confirm.isVisible()  # type: ignore[attr-defined]
        person.tap(room.no_button)  # type: ignore[attr-defined]
        assert window.current is room
        person.tap(room.leave_button)  # type: ignore[attr-defined]
        with qtbot.waitSignal(window.exit_requested, timeout=2000):
            person.tap(room.yes_button)  # type: ignore[attr-defined]
        assert window.close()  # the kiosk window now lets itself be closed
        manager = staff_member(services, "manager")
        events = services.audit.events(
            services.staff.sign_in(manager.id, MANAGER_PIN), action="kiosk.exit"
        )
        assert [e.actor_staff_id for e in events] == [manager.id]


def test_a_new_kiosk_sets_up_its_first_manager(
    person: Person, tmp_path: Path, qtbot: QtBot
) -> None:
    config = AppConfig.build(data_dir=tmp_path / "new-home", windowed=True, environ={})
    database = open_home(config)
    services = build_services(database, config)
    window = build_window(config)
    try:
        connect_window(window, services)
        window.resize(1280, 800)
        window.show()
        settle()
        person.tap(window.home.staff_button)
        screen = window.current
        assert screen.name == "first-manager"
        person.tap(screen.next_button)  # type: ignore[attr-defined]
        assert "type your name" in screen.problem.text()  # type: ignore[attr-defined]
        screen.name_edit.setFocus()  # type: ignore[attr-defined]
        settle()
        assert screen.keyboard.isVisible()  # type: ignore[attr-defined]
        qtbot.keyClicks(screen.name_edit, "Grace <Mensah> & Co")  # type: ignore[attr-defined]
        person.tap(screen.next_button)  # type: ignore[attr-defined]
        pad = screen.pin_pad  # type: ignore[attr-defined]
        person.type_pin(pad, "2580")
        person.type_pin(pad, "2581")
        assert "different" in pad.message.text()
        assert services.staff.needs_first_manager()
        person.type_pin(pad, "2580")
        person.type_pin(pad, "2580")
        assert window.current.name == "staff-room"
        assert window.staff_name == "Grace <Mensah> & Co"
        [member] = services.staff.sign_in_choices()
        assert member.role == "manager"
    finally:
        window.allow_close()
        window.close()
        window.deleteLater()
        settle()
        database.dispose()


def test_nobody_there_signs_out_resident_staff_and_private_alike(
    person: Person, demo_dir: Path
) -> None:
    with kiosk_window(demo_dir) as (window, _):
        open_my_care_plan(person, window, "Mrs Kaur")
        kept: list[str] = []
        window.current.keep_unfinished = lambda: kept.append(window.current.name)  # type: ignore[method-assign]
        window.idle.expired.emit()
        settle()
        assert kept == ["my-care-plan"]  # the screen was asked to keep what was half-done
        assert window.resident is None and window.private_actor is None
        assert window.current is window.home
