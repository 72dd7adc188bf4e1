"""The audit log and the staff list, driven as a manager would: real SQLite, real services,
real widgets offscreen, tapped with the mouse.

Names are people's own words: they are shown exactly (never read as HTML) or refused in
the service's plain words. Both screens are measured at 1280 x 800 at 100 % and 200 %.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.domain.access import Actor
from kiosk.domain.enums import DatabaseKind, StaffRole
from kiosk.domain.errors import NotFoundError, WrongPinError
from kiosk.domain.residents import NewResident
from kiosk.domain.staff import AuditEntry, StaffMember
from kiosk.i18n import Words
from kiosk.services.audit import AuditService, record
from kiosk.services.residents import ResidentsService
from kiosk.services.staff import StaffService
from kiosk.storage import models
from kiosk.storage.database import Database, open_database, session_scope, sqlite_url
from kiosk.storage.demo import DEMO_STAFF_PINS
from kiosk.ui.fonts import register_fonts
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screens.audit_screen import AuditScreen
from kiosk.ui.screens.staff_list_screen import ADD, LIST, MEMBER, StaffListScreen
from kiosk.ui.staff_screen import StaffScreen
from kiosk.ui.theme import STANDARD, Metrics, Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.pin_pad import CLEAR_AFTER_MS
from tests.helpers.host import Host
from tests.helpers.layout import layout_problems
from tests.helpers.person import REPEAT_WAIT_MS, Person

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
PICTURES = ROOT / "assets" / "pictures"
FONTS = ROOT / "assets" / "fonts"
WINDOW = (1280, 800)

NOT_ALLOWED = "Sorry, you are not allowed to do that."
SCREENSHOTS = Path(os.environ.get("STAFF_SCREENS_DIR", "/tmp/staff-screens"))


# -- set-up ------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: object) -> None:
    if any(FONTS.glob("*.ttf")):
        register_fonts(FONTS)


def theme_at(scale: int = 100) -> Theme:
    return Theme(STANDARD, Metrics(dpi=96, text_scale=scale))


class Services:
    """The real services on one database, and name look-ups as the window would give them."""

    def __init__(self, database: Database) -> None:
        self.staff = StaffService(database.sessions)
        self.audit = AuditService(database.sessions)
        self.residents = ResidentsService(database.sessions, languages=frozenset({"en_GB"}))
        self._manager: Actor | None = None

    def staff_name(self, staff_id: int) -> str:
        assert self._manager is not None
        return {m.id: m.name for m in self.staff.list(self._manager)}[staff_id]

    def resident_name(self, resident_id: int) -> str:
        return self.residents.get(resident_id).preferred_name

    def looking_up_as(self, manager: Actor) -> Services:
        self._manager = manager
        return self


class StaffMemberAtKiosk(Person):
    """Taps as a person does, and only ever taps buttons that are switched on."""

    def tap(self, button: QAbstractButton) -> None:
        assert button.isEnabled(), f"{button.accessibleName()!r} is switched off"
        super().tap(button)

    def type_pin(self, screen: StaffListScreen, pin: str, *, adding: bool = False) -> None:
        asking = screen.add_pin if adding else screen.member_pin
        assert asking.pad.entered_count == 0
        for digit in pin:
            self.tap(asking.pad.digit_keys[digit])
        # The pad shows four dots for a moment, then clears (later on a busy machine).
        self.qtbot.waitUntil(lambda: asking.pad.entered_count == 0, timeout=CLEAR_AFTER_MS * 10)


@pytest.fixture
def person(qtbot: QtBot) -> StaffMemberAtKiosk:
    return StaffMemberAtKiosk(qtbot)


Show = Callable[[StaffScreen], Host]


@pytest.fixture
def show(qtbot: QtBot) -> Callable[..., Host]:
    """Shows a screen in a window; the windows live until the test ends."""
    hosts: list[Host] = []

    def show_screen(screen: StaffScreen, theme: Theme | None = None) -> Host:
        host = Host(screen, theme or screen.theme, screen.pictures)
        qtbot.addWidget(host)
        hosts.append(host)
        host.resize(*WINDOW)
        host.show()
        qtbot.waitExposed(host)
        screen.refresh()
        qtbot.wait(10)
        return host

    return show_screen


def audit_screen(
    services: Services,
    actor: Actor,
    *,
    theme: Theme | None = None,
    now: Callable[[], datetime] | None = None,
    audit: Any = None,
) -> AuditScreen:
    extra = {"now": now} if now is not None else {}
    return AuditScreen(
        words=Words(LOCALES),
        pictures=PictureLibrary(PICTURES),
        theme=theme or theme_at(),
        signed_in=lambda: actor,
        audit=audit or services.audit,
        staff_name=services.staff_name,
        resident_name=services.resident_name,
        **extra,
    )


def staff_screen(
    services: Services, actor: Actor, *, theme: Theme | None = None, staff: Any = None
) -> StaffListScreen:
    return StaffListScreen(
        words=Words(LOCALES),
        pictures=PictureLibrary(PICTURES),
        theme=theme or theme_at(),
        signed_in=lambda: actor,
        staff=staff or services.staff,
    )


@pytest.fixture
def services(database: Database, manager: Actor) -> Services:
    return Services(database).looking_up_as(manager)


def words_on(button: BigButton) -> str:
    label = button.findChild(QLabel, "words")
    assert isinstance(label, QLabel)
    return label.text()


def member_named(services: Services, manager: Actor, name: str) -> StaffMember:
    (member,) = [m for m in services.staff.list(manager) if m.name == name]
    return member


def add_event(database: Database, action: str, *, at: datetime, **fields: Any) -> None:
    with session_scope(database.sessions) as session:
        session.add(models.AuditEvent(occurred_at=at, actor_kind="system", action=action, **fields))


# -- the audit log -----------------------------------------------------------------------


def test_the_manager_sees_events_newest_first_in_words(
    qtbot: QtBot, show: Callable[..., Host], database: Database, manager: Actor
) -> None:
    services = Services(database).looking_up_as(manager)
    anna = services.staff.add(manager, "Anna Kowalska", StaffRole.KITCHEN, "1357")
    with pytest.raises(WrongPinError):
        services.staff.sign_in(anna.id, "0000")
    rose = services.residents.add(manager, NewResident("Rose"))
    with session_scope(database.sessions) as session:
        record(session, manager, "backup.made")

    screen = audit_screen(services, manager)
    show(screen)
    rows = screen.row_texts()
    assert len(rows) == 6
    assert rows[0].endswith(" · Grace Mensah (staff) · backup.made")  # unknown: its code
    assert rows[1].endswith(f" · Grace Mensah (staff) · added a resident · {rose.preferred_name}")
    assert rows[2].endswith(" · Anna Kowalska (staff) · typed a wrong PIN")
    assert rows[3].endswith(" · Grace Mensah (staff) · added a member of staff · Anna Kowalska")
    assert rows[4].endswith(" · Grace Mensah (staff) · signed in")
    assert rows[5].endswith(" · The kiosk · set up the first manager · Grace Mensah")
    assert not screen.problem.isVisible()
    assert screen.count_label.text() == "6 events, newest first."
    for label in screen.findChildren(QLabel):
        if label.property("role") == "card":
            assert label.textFormat() == Qt.TextFormat.PlainText


@pytest.fixture
def london() -> Iterator[None]:
    """The kiosk's clock in the UK, where summer time is an hour ahead of UTC."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/London"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


class FixedLog:
    """An audit log with given entries (to pin down times); it remembers what it was asked."""

    def __init__(self, entries: Sequence[AuditEntry]) -> None:
        self.entries = list(entries)
        self.asked: list[dict[str, Any]] = []

    def events(self, actor: Actor, **asked: Any) -> list[AuditEntry]:
        self.asked.append(asked)
        return self.entries[: asked.get("limit", 500)]


def entry(occurred_at: datetime, action: str = "staff.sign_in", **fields: Any) -> AuditEntry:
    values: dict[str, Any] = {
        "id": 1,
        "occurred_at": occurred_at,
        "actor_kind": "staff",
        "actor_staff_id": 1,
        "actor_resident_id": None,
        "action": action,
        "record_type": "staff",
        "record_id": 1,
        "detail": None,
    }
    values.update(fields)
    return AuditEntry(**values)


def test_times_are_shown_in_local_time(
    qtbot: QtBot, show: Callable[..., Host], london: None, services: Services, manager: Actor
) -> None:
    summer = entry(datetime(2026, 7, 1, 13, 3, tzinfo=UTC))
    winter = entry(datetime(2026, 11, 22, 14, 3), id=2)  # naive: read as UTC
    screen = audit_screen(services, manager, audit=FixedLog([summer, winter]))
    show(screen)
    assert screen.row_texts() == [  # newest first
        "22 Nov 2026 14:03 · Grace Mensah (staff) · signed in",
        "1 Jul 2026 14:03 · Grace Mensah (staff) · signed in",
    ]


def test_today_starts_at_local_midnight(
    qtbot: QtBot, show: Callable[..., Host], london: None, services: Services, manager: Actor
) -> None:
    log = FixedLog([])
    noon = datetime(2026, 7, 8, 11, 0, tzinfo=UTC)  # 12:00 in London
    screen = audit_screen(services, manager, audit=log, now=lambda: noon)
    show(screen, theme_at())
    person = Person(qtbot)
    person.tap(screen.when_buttons["today"])
    assert log.asked[-1]["since"] == datetime(2026, 7, 7, 23, 0, tzinfo=UTC)
    person.tap(screen.when_buttons["week"])
    assert log.asked[-1]["since"] == datetime(2026, 7, 1, 23, 0, tzinfo=UTC)
    person.tap(screen.when_buttons["all"])
    assert log.asked[-1]["since"] is None
    assert screen.count_label.text() == "Nothing to show for this choice."


def test_role_changes_name_the_role_and_helpers_are_named(
    qtbot: QtBot, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    rose = services.residents.add(manager, NewResident("Rose"))
    at = datetime(2026, 11, 22, 14, 3, tzinfo=UTC)
    entries = [
        entry(at, "staff.role", record_id=7, detail="kitchen", id=3),
        entry(
            at,
            "care_plan.view",
            id=2,
            actor_kind="resident",
            actor_resident_id=rose.id,
            record_type="care_plan",
            record_id=4,
        ),
    ]
    screen = audit_screen(services, manager, audit=FixedLog(entries))
    show(screen)
    role, viewed = screen.row_texts()
    assert role.endswith(" · changed a role · staff member 7 · new role: Kitchen staff")
    assert viewed.endswith(
        " · Rose (resident, with Grace Mensah) · opened a care plan · care plan number 4"
    )


def test_filters_narrow_the_list(
    qtbot: QtBot, person: Person, show: Callable[..., Host], database: Database, manager: Actor
) -> None:
    services = Services(database).looking_up_as(manager)
    anna = services.staff.add(manager, "Anna Kowalska", StaffRole.CARER, "1357")
    services.staff.sign_in(anna.id, "1357")
    with pytest.raises(WrongPinError):
        services.staff.sign_in(anna.id, "0000")
    services.residents.add(manager, NewResident("Rose"))
    with session_scope(database.sessions) as session:
        record(session, manager, "care_plan.view", record_type="care_plan", record_id=1)
    add_event(database, "staff.sign_in", at=datetime.now(UTC) - timedelta(days=10))

    screen = audit_screen(services, manager)
    show(screen)
    assert screen.when_buttons["week"].chosen and screen.what_buttons["all"].chosen
    assert len(screen.row_texts()) == 7

    person.tap(screen.what_buttons["sign-ins"])
    assert screen.what_buttons["sign-ins"].chosen and not screen.what_buttons["all"].chosen
    rows = screen.row_texts()
    assert len(rows) == 2 and all(" · signed in" in row for row in rows)

    person.tap(screen.when_buttons["all"])
    assert len(screen.row_texts()) == 3  # and the one from ten days ago

    person.tap(screen.what_buttons["wrong-pins"])
    assert [row.split(" · ", 1)[1] for row in screen.row_texts()] == [
        "Anna Kowalska (staff) · typed a wrong PIN"
    ]
    person.tap(screen.what_buttons["care-plans"])
    assert [row.split(" · ", 1)[1] for row in screen.row_texts()] == [
        "Grace Mensah (staff) · opened a care plan · care plan number 1"
    ]
    person.tap(screen.what_buttons["changes"])
    rows = [row.split(" · ", 2)[2] for row in screen.row_texts()]
    assert rows == [
        "added a resident · Rose",
        "added a member of staff · Anna Kowalska",
        "set up the first manager · Grace Mensah",
    ]
    person.tap(screen.when_buttons["today"])
    assert len(screen.row_texts()) == 3


def test_show_more_fetches_the_next_page(
    qtbot: QtBot, person: Person, show: Callable[..., Host], database: Database, manager: Actor
) -> None:
    services = Services(database).looking_up_as(manager)
    start = datetime.now(UTC) - timedelta(hours=2)
    for minute in range(60):
        add_event(database, "kiosk.exit", at=start + timedelta(minutes=minute))
    screen = audit_screen(services, manager)
    show(screen)
    assert len(screen.row_texts()) == 50
    assert screen.more_button.isVisible()
    person.tap(screen.more_button)
    assert len(screen.row_texts()) == 62  # sixty, the first manager and the sign-in
    assert not screen.more_button.isVisible()


def test_a_coordinator_is_told_no_and_sees_no_rows(
    qtbot: QtBot, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    priya = services.staff.add(manager, "Priya Shah", StaffRole.COORDINATOR, "3719")
    coordinator = services.staff.sign_in(priya.id, "3719")
    audit = audit_screen(services, coordinator)
    show(audit)
    assert audit.problem.isVisible() and audit.problem.text() == NOT_ALLOWED
    assert audit.row_texts() == []
    assert not audit.count_label.isVisible() and not audit.more_button.isVisible()

    staff = staff_screen(services, coordinator)
    show(staff)
    assert staff.problem.isVisible() and staff.problem.text() == NOT_ALLOWED
    assert staff.member_buttons == {}
    assert not staff.add_button.isVisible()


def test_nobody_signed_in_is_asked_to_sign_in(
    qtbot: QtBot, show: Callable[..., Host], services: Services
) -> None:
    screen = audit_screen(services, Actor())
    show(screen)
    assert screen.problem.text() == "Please sign in as staff first."
    assert screen.row_texts() == []


# -- the staff list ----------------------------------------------------------------------


def choose_pin_for_new_member(person: Person, screen: StaffListScreen, pin: str) -> None:
    person.type_pin(screen, pin, adding=True)
    assert screen.add_pin.prompt.text() == "Type it again"
    person.type_pin(screen, pin, adding=True)
    assert screen.pin_ready.isVisible() and not screen.add_pin.isVisible()


def test_adding_staff_with_a_double_tap_on_save_adds_one(
    qtbot: QtBot, person: Person, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    screen = staff_screen(services, manager)
    show(screen)
    person.tap(screen.add_button)
    assert screen.view == ADD
    qtbot.mouseClick(screen.name_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.name_edit, "Anna Kowalska")
    person.tap(screen.add_roles[StaffRole.KITCHEN])
    assert screen.add_roles[StaffRole.KITCHEN].chosen
    choose_pin_for_new_member(person, screen, "1357")

    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)  # a tremor's double tap
    screen.save_button.tapped.emit()  # and one more, after the first has saved
    qtbot.wait(REPEAT_WAIT_MS)

    annas = [m for m in services.staff.list(manager) if m.name == "Anna Kowalska"]
    assert len(annas) == 1 and annas[0].role == StaffRole.KITCHEN
    assert screen.view == LIST
    assert screen.notice.text() == "Saved. Anna Kowalska can now sign in as kitchen staff."
    assert words_on(screen.member_buttons[annas[0].id]) == "Anna Kowalska\nKitchen staff"
    assert services.staff.sign_in(annas[0].id, "1357").role == StaffRole.KITCHEN


def test_save_ignores_a_second_tap_while_the_first_is_saving(
    qtbot: QtBot, person: Person, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    class Reentrant:
        """The staff service, but a tap arrives while ``add`` is still working."""

        def __init__(self) -> None:
            self.calls = 0

        def __getattr__(self, name: str) -> Any:
            return getattr(services.staff, name)

        def add(self, actor: Actor, name: str, role: StaffRole, pin: str) -> StaffMember:
            self.calls += 1
            assert not screen.save_button.isEnabled()
            screen.save_button.tapped.emit()
            return services.staff.add(actor, name, role, pin)

    reentrant = Reentrant()
    screen = staff_screen(services, manager, staff=reentrant)
    show(screen)
    person.tap(screen.add_button)
    screen.name_edit.setText("Anna")
    person.tap(screen.add_roles[StaffRole.CARER])
    choose_pin_for_new_member(person, screen, "1357")
    person.tap(screen.save_button)
    assert reentrant.calls == 1
    assert len([m for m in services.staff.list(manager) if m.name == "Anna"]) == 1
    assert screen.save_button.isEnabled()


def test_save_asks_for_a_role_and_a_pin_first(
    qtbot: QtBot, person: Person, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    screen = staff_screen(services, manager)
    show(screen)
    person.tap(screen.add_button)
    screen.name_edit.setText("Anna")
    person.tap(screen.save_button)
    assert screen.problem.text() == "Please choose a role."
    person.tap(screen.add_roles[StaffRole.CARER])
    person.tap(screen.save_button)
    assert screen.problem.text() == "Please type the PIN twice first."
    assert len(services.staff.list(manager)) == 1
    assert screen.view == ADD


def open_member(person: Person, screen: StaffListScreen, member: StaffMember) -> None:
    person.tap(screen.member_buttons[member.id])
    assert screen.view == MEMBER and screen.member_name.text() == member.name


def test_a_role_change_is_kept(
    qtbot: QtBot, person: Person, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    anna = services.staff.add(manager, "Anna", StaffRole.KITCHEN, "1357")
    screen = staff_screen(services, manager)
    show(screen)
    open_member(person, screen, anna)
    assert screen.member_roles[StaffRole.KITCHEN].chosen
    person.tap(screen.member_roles[StaffRole.CARER])
    assert member_named(services, manager, "Anna").role == StaffRole.CARER
    assert screen.member_roles[StaffRole.CARER].chosen
    assert not screen.member_roles[StaffRole.KITCHEN].chosen
    assert screen.notice.text() == "Saved. Anna can now sign in as a carer."
    assert screen.member_status.text() == "Carer"


def test_the_last_manager_keeps_the_role_with_words(
    qtbot: QtBot, person: Person, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    screen = staff_screen(services, manager)
    show(screen)
    grace = member_named(services, manager, "Grace Mensah")
    open_member(person, screen, grace)
    person.tap(screen.member_roles[StaffRole.CARER])
    assert screen.problem.text() == "The home needs at least one manager."
    assert screen.member_roles[StaffRole.MANAGER].chosen
    assert member_named(services, manager, "Grace Mensah").role == StaffRole.MANAGER


def test_a_new_pin_must_be_typed_the_same_twice(
    qtbot: QtBot, person: Person, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    anna = services.staff.add(manager, "Anna", StaffRole.CARER, "1357")
    screen = staff_screen(services, manager)
    show(screen)
    open_member(person, screen, anna)
    person.tap(screen.new_pin_button)
    assert screen.member_pin.isVisible()
    assert screen.member_pin.prompt.text() == "Type the new PIN"
    person.type_pin(screen, "2468")
    assert screen.member_pin.prompt.text() == "Type it again"
    person.type_pin(screen, "8642")
    assert screen.member_pin.pad.message.text().startswith("The two PINs were not the same")
    assert screen.member_pin.prompt.text() == "Type the new PIN"
    assert services.staff.sign_in(anna.id, "1357").staff_id == anna.id  # nothing changed
    with pytest.raises(WrongPinError):
        services.staff.sign_in(anna.id, "2468")

    person.type_pin(screen, "2468")
    person.type_pin(screen, "2468")
    assert not screen.member_pin.isVisible()
    assert screen.notice.text() == "Saved. Anna can sign in with the new PIN now."
    assert services.staff.sign_in(anna.id, "2468").staff_id == anna.id
    with pytest.raises(WrongPinError):
        services.staff.sign_in(anna.id, "1357")


def test_a_new_pin_can_be_cancelled(
    qtbot: QtBot, person: Person, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    anna = services.staff.add(manager, "Anna", StaffRole.CARER, "1357")
    screen = staff_screen(services, manager)
    show(screen)
    open_member(person, screen, anna)
    person.tap(screen.new_pin_button)
    assert not screen.switch_off_button.isVisible()  # one question at a time
    person.tap(screen.cancel_pin_button)
    assert not screen.member_pin.isVisible()
    assert screen.new_pin_button.isVisible() and screen.switch_off_button.isVisible()


def test_switching_off_asks_first(
    qtbot: QtBot, person: Person, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    anna = services.staff.add(manager, "Anna", StaffRole.CARER, "1357")
    screen = staff_screen(services, manager)
    show(screen)
    open_member(person, screen, anna)
    person.tap(screen.switch_off_button)
    assert screen.confirm_panel.isVisible()
    assert screen.confirm_label.text() == "Are you sure? Anna will not be able to sign in."
    assert member_named(services, manager, "Anna").active

    person.tap(screen.no_button)
    assert not screen.confirm_panel.isVisible()
    assert member_named(services, manager, "Anna").active

    person.tap(screen.switch_off_button)
    person.tap(screen.yes_button)
    assert not member_named(services, manager, "Anna").active
    assert screen.notice.text() == (
        "Saved. Anna can no longer sign in. Everything they did stays on record."
    )
    assert screen.member_status.text() == "Carer · switched off"
    assert not screen.switch_off_button.isVisible()
    with pytest.raises(NotFoundError):
        services.staff.sign_in(anna.id, "1357")
    person.tap(screen.back_button)
    assert words_on(screen.member_buttons[anna.id]) == "Anna\nCarer · switched off"


def test_you_cannot_switch_yourself_off(
    qtbot: QtBot, person: Person, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    screen = staff_screen(services, manager)
    show(screen)
    open_member(person, screen, member_named(services, manager, "Grace Mensah"))
    person.tap(screen.switch_off_button)
    person.tap(screen.yes_button)
    assert screen.problem.text() == "You cannot switch off your own sign-in."
    assert member_named(services, manager, "Grace Mensah").active


def test_a_locked_out_member_shows_until_when(
    qtbot: QtBot, person: Person, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    anna = services.staff.add(manager, "Anna", StaffRole.CARER, "1357")
    for _ in range(5):
        with pytest.raises(Exception, match="PIN"):
            services.staff.sign_in(anna.id, "0000")
    screen = staff_screen(services, manager)
    show(screen)
    assert words_on(screen.member_buttons[anna.id]).startswith("Anna\nCarer · locked until ")
    open_member(person, screen, anna)
    person.tap(screen.new_pin_button)
    person.type_pin(screen, "2468")
    person.type_pin(screen, "2468")
    assert screen.member_status.text() == "Carer"  # a new PIN lifts the lock
    assert services.staff.sign_in(anna.id, "2468").staff_id == anna.id


HOSTILE_SAVED = ["<b>&", "Zoë 🙂 O'Brien", "ਸਤਿ", "<img src=x onerror=alert(1)>Jo"]
HOSTILE_REFUSED = {
    "🙂": "A name needs at least one letter.",
    "x" * 10_000: "This is too long: 10000 letters. Please keep it under 80.",
    "   ": "Please write something here first.",
    "Ann\x1b": "This has a hidden control character in it. Please type it again.",
}


@pytest.mark.parametrize("name", HOSTILE_SAVED)
def test_hostile_names_are_saved_and_shown_as_typed(
    qtbot: QtBot,
    person: Person,
    show: Callable[..., Host],
    services: Services,
    manager: Actor,
    name: str,
) -> None:
    screen = staff_screen(services, manager)
    show(screen)
    person.tap(screen.add_button)
    screen.name_edit.setText(name)
    person.tap(screen.add_roles[StaffRole.CARER])
    choose_pin_for_new_member(person, screen, "1357")
    person.tap(screen.save_button)
    assert not screen.problem.isVisible()
    member = member_named(services, manager, name)
    assert screen.notice.text() == f"Saved. {name} can now sign in as a carer."
    button = screen.member_buttons[member.id]
    assert words_on(button) == f"{name}\nCarer"
    open_member(person, screen, member)
    assert screen.confirm_label.text().startswith(f"Are you sure? {name} will")

    audit = audit_screen(services, manager)
    show(audit)
    assert any(row.endswith(f"added a member of staff · {name}") for row in audit.row_texts())
    for root in (screen, audit):
        for label in root.findChildren(QLabel):
            if name in label.text():
                assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


@pytest.mark.parametrize("name", list(HOSTILE_REFUSED), ids=["emoji", "long", "blank", "escape"])
def test_hostile_names_are_refused_in_words(
    qtbot: QtBot,
    person: Person,
    show: Callable[..., Host],
    services: Services,
    manager: Actor,
    name: str,
) -> None:
    screen = staff_screen(services, manager)
    show(screen)
    person.tap(screen.add_button)
    screen.name_edit.setText(name)
    person.tap(screen.add_roles[StaffRole.CARER])
    choose_pin_for_new_member(person, screen, "1357")
    person.tap(screen.save_button)
    assert screen.problem.isVisible() and screen.problem.text() == HOSTILE_REFUSED[name]
    assert screen.view == ADD and screen.save_button.isEnabled()
    assert len(services.staff.list(manager)) == 1


def test_the_screens_speak_the_current_language(
    qtbot: QtBot, show: Callable[..., Host], services: Services, manager: Actor
) -> None:
    """Every word is set again on a language switch (English in, English out here)."""
    screen = staff_screen(services, manager)
    show(screen)
    before = [b.accessibleName() for b in screen.findChildren(BigButton)]
    screen.retranslate()
    assert [b.accessibleName() for b in screen.findChildren(BigButton)] == before
    assert all(name.strip() for name in before)


# -- how they look -----------------------------------------------------------------------


@pytest.fixture
def demo_home(demo_dir: Path) -> Iterator[tuple[Services, Actor]]:
    """The demo home with a few more staff: one switched off, one locked out."""
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    services = Services(database)
    helen = next(m for m in services.staff.sign_in_choices() if m.role == StaffRole.MANAGER)
    manager = services.staff.sign_in(helen.id, DEMO_STAFF_PINS["manager"])
    services.looking_up_as(manager)
    gone = services.staff.add(manager, "Siobhán O'Connor", StaffRole.CARER, "2580")
    services.staff.disable(manager, gone.id)
    locked = services.staff.add(manager, "Kwame Asante", StaffRole.CARER, "1470")
    for _ in range(5):
        with pytest.raises(Exception, match="PIN"):
            services.staff.sign_in(locked.id, "0000")
    services.staff.add(manager, "Harpreet Kaur", StaffRole.KITCHEN, "3690")
    yield services, manager
    database.dispose()


def save(host: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    host.grab().save(str(SCREENSHOTS / f"{name}.png"))


@pytest.mark.parametrize("scale", [100, 200])
def test_the_screens_fit_and_look_right(
    qtbot: QtBot,
    person: Person,
    show: Callable[..., Host],
    demo_home: tuple[Services, Actor],
    scale: int,
) -> None:
    services, manager = demo_home
    theme = theme_at(scale)
    problems: list[str] = []

    def check(host: Host, name: str) -> None:
        qtbot.wait(50)
        assert host.size().width() == WINDOW[0] and host.size().height() == WINDOW[1]
        problems.extend(f"{name}: {p}" for p in layout_problems(host, theme.metrics))
        save(host, f"{name}-{scale}")

    audit = audit_screen(services, manager, theme=theme)
    host = show(audit)
    check(host, "audit")
    person.tap(audit.when_buttons["all"])
    check(host, "audit-all")
    bar = audit.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    check(host, "audit-all-end")

    staff = staff_screen(services, manager, theme=theme)
    host = show(staff)
    check(host, "staff-list")
    kwame = member_named(services, manager, "Kwame Asante")
    open_member(person, staff, kwame)
    check(host, "staff-member")
    person.tap(staff.new_pin_button)
    check(host, "staff-new-pin")
    person.tap(staff.cancel_pin_button)
    person.tap(staff.switch_off_button)
    check(host, "staff-switch-off")
    person.tap(staff.back_button)
    person.tap(staff.add_button)
    staff.name_edit.setText("Anna Kowalska")
    person.tap(staff.add_roles[StaffRole.KITCHEN])
    check(host, "staff-add")
    person.type_pin(staff, "1357", adding=True)
    person.type_pin(staff, "1357", adding=True)
    staff.scroll.ensureWidgetVisible(staff.save_button)
    check(host, "staff-add-ready")
    staff.name_edit.setFocus()
    qtbot.wait(300)
    assert staff.keyboard.isVisible()
    check(host, "staff-add-keyboard")
    staff.keyboard.done.emit()
    person.tap(staff.save_button)
    assert staff.notice.text().startswith("Saved.")
    check(host, "staff-saved")
    assert problems == []


@pytest.mark.parametrize("scale", [100, 200])
def test_typing_in_a_form_shows_the_field_and_every_letter_key(
    qtbot: QtBot,
    person: Person,
    show: Callable[..., Host],
    services: Services,
    manager: Actor,
    scale: int,
) -> None:
    """With the keyboard up, the form keeps just the field being typed in (and its label)
    in view; everything else goes to the keys, so even at 200 % every letter is on the
    first page of the keyboard rather than split over two."""
    staff = staff_screen(services, manager, theme=theme_at(scale))
    show(staff)
    person.tap(staff.add_button)
    staff.name_edit.setFocus()
    qtbot.waitUntil(staff.keyboard.isVisible)
    qtbot.wait(50)

    assert [c for c in "abcdefghijklmnopqrstuvwxyz" if staff.keyboard.key_for(c) is None] == []
    viewport = staff.scroll.viewport()
    field = staff.name_edit
    top_left = field.mapTo(viewport, field.rect().topLeft())
    bottom_right = field.mapTo(viewport, field.rect().bottomRight())
    assert viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right)

    staff.keyboard.done.emit()
    assert not staff.keyboard.isVisible()
    assert staff.scroll.minimumHeight() == 0
