"""The staff room: the signed-in member of staff's tools, as their role allows.

Only the tools a role may use are offered (the services check again regardless).
Leaving kiosk mode is the manager's alone and asks "Are you sure?" first. At the foot, when
the last good backup was, flagged when it is over two days old.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import tzinfo
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel

from kiosk.domain.access import Actor, Capability
from kiosk.domain.backups import BackupStatus
from kiosk.domain.enums import StaffRole
from kiosk.domain.errors import KioskError
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.backups_words import status_words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.words_label import WordsLabel

log = logging.getLogger(__name__)

# (screen name, picture, words, the right it needs)
TOOLS = (
    ("residents", "people", N_("Residents"), Capability.MANAGE_RESIDENTS),
    ("staff-list", "people", N_("Staff"), Capability.MANAGE_STAFF),
    ("audit", "lock", N_("Audit log"), Capability.READ_AUDIT),
    ("backups", "check", N_("Backups"), Capability.MANAGE_BACKUPS),
    ("evidence", "newspaper", N_("Evidence report"), Capability.VIEW_EVIDENCE),
    ("kitchen-inbox", "idea", N_("Meal ideas"), Capability.PLAN_MEALS),
    ("dishes", "lunch", N_("Dishes"), Capability.PLAN_MEALS),
    ("menu-planner", "menu", N_("Menu planner"), Capability.PLAN_MEALS),
    ("ideas-inbox", "idea", N_("Residents' ideas"), Capability.PLAN_ACTIVITIES),
    ("polls", "vote", N_("Polls"), Capability.PLAN_ACTIVITIES),
    ("week-planner", "calendar", N_("Week planner"), Capability.PLAN_ACTIVITIES),
    ("activity-feedback", "feedback", N_("How it went"), Capability.PLAN_ACTIVITIES),
    ("care-plans", "care-plan", N_("Care plans"), Capability.WRITE_CARE_PLANS),
    ("talk-requests", "talk", N_("Requests to talk"), Capability.WRITE_CARE_PLANS),
)
COLUMNS = 3

ROLE_WORDS = {
    StaffRole.MANAGER: N_("manager"),
    StaffRole.COORDINATOR: N_("activities coordinator"),
    StaffRole.KITCHEN: N_("kitchen"),
    StaffRole.CARER: N_("carer"),
}


class BackupStatusReader(Protocol):
    def status(self, actor: Actor) -> BackupStatus: ...


class StaffRoomScreen(StaffScreen):
    name = "staff-room"
    tool_chosen = Signal(str)  # the name of the screen to open
    sign_out_chosen = Signal()
    leave_kiosk_chosen = Signal()  # confirmed; the window asks the service

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        staff_name: Callable[[], str],
        backups: BackupStatusReader | None = None,
        home_zone: Callable[[], tzinfo] | None = None,
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self.staff_name = staff_name
        self._backups = backups
        self._home_zone = home_zone
        self._backup_status: BackupStatus | None = None
        self.backup_line = WordsLabel()  # when the last good backup was; a flag when too long ago
        self.backup_line.setWordWrap(True)
        self.greeting = WordsLabel()
        self.greeting.setProperty("role", "heading")
        self.greeting.setWordWrap(True)
        self.tool_buttons: dict[str, BigButton] = {}
        self._grid = grid = QGridLayout()
        grid.setSpacing(theme.metrics.gap_px)
        for screen, picture, _, _ in TOOLS:
            button = BigButton(picture, "", pictures=pictures, theme=theme, horizontal=True)
            button.tapped.connect(lambda screen=screen: self.tool_chosen.emit(screen))
            self.tool_buttons[screen] = button
        self.nothing_yet = QLabel()
        self.nothing_yet.setWordWrap(True)
        kit = {"pictures": pictures, "theme": theme, "small": True, "horizontal": True}
        self.sign_out_button = BigButton("back", "", **kit)
        self.sign_out_button.tapped.connect(self.sign_out_chosen)
        self.leave_button = BigButton("cross", "", **kit)
        self.leave_button.tapped.connect(self._ask_to_leave)
        self.confirm = QLabel()
        self.confirm.setProperty("role", "banner")
        self.confirm.setWordWrap(True)
        self.yes_button = BigButton("check", "", pictures=pictures, theme=theme, small=True)
        self.no_button = BigButton("cross", "", pictures=pictures, theme=theme, small=True)
        self.yes_button.tapped.connect(self._on_yes_button_tapped)
        self.no_button.tapped.connect(self._hide_question)
        answers = QHBoxLayout()
        answers.setSpacing(theme.metrics.gap_px)
        answers.addWidget(self.yes_button)
        answers.addWidget(self.no_button)
        ends = QHBoxLayout()
        ends.setSpacing(theme.metrics.gap_px)
        ends.addWidget(self.sign_out_button)
        ends.addWidget(self.leave_button)

        self.content.setSpacing(theme.metrics.gap_px)
        self.content.addWidget(self.greeting)
        self.content.addLayout(grid)
        self.content.addWidget(self.nothing_yet)
        self.content.addStretch(1)
        self.content.addWidget(self.backup_line)
        self.content.addWidget(self.confirm)
        self.content.addLayout(answers)
        self.content.addLayout(ends)
        self._hide_question()
        self.retranslate()

    def title(self) -> str:
        return self.words.gettext("Staff")

    def refresh(self) -> None:
        super().refresh()
        self._hide_question()
        actor = self._signed_in()
        allowed = {
            screen for screen, _, _, right in TOOLS if actor is not None and actor.can(right)
        }
        self._arrange(allowed)
        self.nothing_yet.setVisible(not allowed)
        self.leave_button.setVisible(actor is not None and actor.can(Capability.EXIT_KIOSK))
        self._backup_status = None
        if self._backups is not None and actor is not None:
            try:
                self._backup_status = self._backups.status(actor)
            except KioskError:
                log.exception("Could not read when the last backup was")
        self.retranslate()

    def _arrange(self, allowed: set[str]) -> None:
        """The tools this role has, side by side with no gaps; two to a row at large text."""
        large_text = self.theme.metrics.scale >= 1.5
        columns = 2 if large_text else COLUMNS
        for button in self.tool_buttons.values():
            self._grid.removeWidget(button)
        shown = [screen for screen, _, _, _ in TOOLS if screen in allowed]
        for screen, button in self.tool_buttons.items():
            button.setVisible(screen in allowed)
            button.set_size(small=large_text)
        for index, screen in enumerate(shown):
            self._grid.addWidget(self.tool_buttons[screen], index // columns, index % columns)

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        actor = self._signed_in()
        role = gettext(ROLE_WORDS[actor.role]) if actor and actor.role else ""
        self.greeting.setText(
            gettext("Signed in: {name} ({role}).").format(name=self.staff_name(), role=role)
        )
        for screen, _, words, _ in TOOLS:
            self.tool_buttons[screen].set_words(gettext(words))
        self.nothing_yet.setText(gettext("There are no staff tools for your role on this kiosk."))
        self.sign_out_button.set_words(gettext("Sign out"))
        self.leave_button.set_words(gettext("Close the kiosk"))
        self.confirm.setText(
            gettext(
                "Close the kiosk? Residents cannot use it until it is started again. Are you sure?"
            )
        )
        self.yes_button.set_words(gettext("Yes, close it"))
        self.no_button.set_words(gettext("No"))
        self.backup_line.setText(self._backup_words())
        self.backup_line.setProperty("role", "banner" if self._warn_of_backups() else "quiet")
        self.backup_line.setVisible(self._backup_status is not None)
        self.backup_line.style().unpolish(self.backup_line)
        self.backup_line.style().polish(self.backup_line)

    def _warn_of_backups(self) -> bool:
        return self._backup_status is not None and self._backup_status.warning

    def _backup_words(self) -> str:
        """ "Last good backup: Sunday 22 November at 14:02." or a flag saying whom to tell."""
        if self._backup_status is None:
            return ""
        zone = self._home_zone() if self._home_zone is not None else None
        return status_words(self.words, self._backup_status, zone, tell_the_manager=True)

    def _ask_to_leave(self) -> None:
        for widget in (self.confirm, self.yes_button, self.no_button):
            widget.show()

    def _hide_question(self) -> None:
        for widget in (self.confirm, self.yes_button, self.no_button):
            widget.hide()

    def _on_yes_button_tapped(self) -> None:
        self._hide_question()
        self.leave_kiosk_chosen.emit()
