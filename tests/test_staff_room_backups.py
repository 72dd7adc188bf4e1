"""The staff room says when the last good backup was, and flags it when there is none or
it is over two days old, for every member of staff."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.storage import models
from kiosk.storage.demo_content import STAFF
from kiosk.ui.screens.staff_room_screen import StaffRoomScreen
from tests.helpers.shell import kiosk_window, settle


def test_the_last_good_backup_is_shown_and_flagged_when_old(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, services):
        carer = next(person for person in STAFF if person.role == "carer")
        manager = next(person for person in STAFF if person.role == "manager")

        def sign_in(demo: object) -> StaffRoomScreen:
            member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)  # type: ignore[attr-defined]
            window.on_staff_signed_in(services.staff.sign_in(member.id, demo.pin))  # type: ignore[attr-defined]
            settle()
            room = window.current
            assert isinstance(room, StaffRoomScreen)
            return room

        room = sign_in(carer)
        assert room.backup_line.isVisible()
        assert room.backup_line.text() == (
            "⚑ There is no good backup yet. Please tell the manager."
        )
        window.sign_out_staff()
        manager_actor = services.staff.sign_in(
            next(m for m in services.staff.sign_in_choices() if m.name == manager.name).id,
            manager.pin,
        )
        services.backups.back_up_now(manager_actor)
        room = sign_in(carer)
        assert room.backup_line.text().startswith("Last good backup: ")
        assert "⚑" not in room.backup_line.text()
        window.sign_out_staff()
        with services.backups._sessions.begin() as session:  # three days older
            for backup in session.scalars(select(models.BackupRecord)):
                if backup.finished_at is not None:
                    backup.finished_at -= timedelta(days=3)
        room = sign_in(carer)
        assert room.backup_line.text().startswith("⚑ The last good backup was on ")
        assert room.backup_line.text().endswith("over two days ago. Please tell the manager.")
