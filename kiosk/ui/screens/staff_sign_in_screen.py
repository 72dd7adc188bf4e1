"""Staff sign-in: touch your name, then type your PIN on the big keypad.

The same two steps serve two purposes: signing in to the staff tools, and a member of
staff opening a resident's care plan beside them ("with staff only"). The window says
which, and what checks the PIN; this screen only shows the steps and the answer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.errors import KioskError, LockedOutError
from kiosk.domain.staff import StaffMember
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.pin_pad import PinPad
from kiosk.ui.widgets.words_label import WordsLabel

NAMES_PER_PAGE = 6
COLUMNS = 3

PinCheck = Callable[[int, str], Actor]  # staff id, PIN -> who may go on (or a KioskError)


class Purpose(StrEnum):
    STAFF_TOOLS = "staff"
    HELP_RESIDENT = "help"


PROMPTS = {
    Purpose.STAFF_TOOLS: N_("Staff: touch your name."),
    Purpose.HELP_RESIDENT: N_(
        "A member of staff will open your care plan with you. Staff: touch your name."
    ),
}


class StaffDirectory(Protocol):
    def sign_in_choices(self) -> Sequence[StaffMember]: ...


class StaffSignInScreen(Screen):
    name = "staff-sign-in"
    resident_facing = False
    signed_in = Signal(object)  # the Actor the check gave back

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        staff: StaffDirectory,
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._staff = staff
        self._people: list[StaffMember] = []
        self._chosen: StaffMember | None = None
        self._purpose = Purpose.STAFF_TOOLS
        self._check: PinCheck | None = None
        self._checking = False
        self.page = 0

        self.prompt = WordsLabel()
        self.prompt.setProperty("role", "heading")
        self.prompt.setWordWrap(True)
        self.name_buttons: list[BigButton] = []
        self._names_host = QWidget()
        self._names = QGridLayout(self._names_host)
        self._names.setContentsMargins(0, 0, 0, 0)
        self._names.setSpacing(theme.metrics.gap_px)
        self.previous_button = BigButton(None, "", pictures=pictures, theme=theme)
        self.next_button = BigButton(None, "", pictures=pictures, theme=theme)
        self.previous_button.tapped.connect(lambda: self._turn(-1))
        self.next_button.tapped.connect(lambda: self._turn(+1))
        pager = QHBoxLayout()
        pager.setSpacing(theme.metrics.gap_px)
        pager.addWidget(self.previous_button)
        pager.addWidget(self.next_button)

        self.pin_pad = PinPad(words=words, pictures=pictures, theme=theme)
        self.pin_pad.pin_entered.connect(self._on_pin_pad_pin_entered)
        self.not_me_button = BigButton(None, "", pictures=pictures, theme=theme, small=True)
        self.not_me_button.tapped.connect(self._show_names)
        self.pin_prompt = WordsLabel()
        self.pin_prompt.setProperty("role", "heading")
        self.pin_prompt.setWordWrap(True)

        # Step one: the names under the prompt. Step two: the keypad, with its prompt and
        # "Choose another name" beside it (the keypad keeps the height at large text).
        self._pin_step = QWidget()
        beside = QVBoxLayout()
        beside.setSpacing(theme.metrics.gap_px)
        beside.addWidget(self.pin_prompt)
        self.pin_pad.show_dots_in(beside)
        beside.addStretch(1)
        beside.addWidget(self.not_me_button)
        pin_row = QHBoxLayout(self._pin_step)
        pin_row.setContentsMargins(0, 0, 0, 0)
        pin_row.setSpacing(theme.metrics.gap_px)
        pin_row.addLayout(beside, 2)
        pin_row.addWidget(self.pin_pad, 3)

        layout = QVBoxLayout(self)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addWidget(self.prompt)
        layout.addWidget(self._names_host)
        layout.addLayout(pager)
        layout.addWidget(self._pin_step, 1)
        layout.addStretch(0)
        self._show_names()

    # -- what the window uses -------------------------------------------------------------

    def start(self, purpose: Purpose, check: PinCheck) -> None:
        """Begin again at the names, for ``purpose``; ``check`` decides on the PIN."""
        self._purpose = Purpose(purpose)
        self._check = check
        self._chosen = None
        self.page = 0

    @property
    def chosen(self) -> StaffMember | None:
        return self._chosen

    def title(self) -> str:
        return self.words.gettext("Staff sign-in")

    def refresh(self) -> None:
        self._people = list(self._staff.sign_in_choices())
        self._chosen = None
        self._show_names()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.previous_button.set_words(gettext("‹ Back a page"))
        self.next_button.set_words(gettext("More names ›"))
        self.not_me_button.set_words(gettext("Choose another name"))
        self.pin_pad.retranslate()
        self.prompt.setText(gettext(PROMPTS[self._purpose]))
        if self._chosen is not None:
            self.pin_prompt.setText(
                gettext("{name}, please type your PIN.").format(name=self._chosen.name)
            )

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.pin_pad.apply_theme(theme)

    def choose(self, staff_id: int) -> None:
        """The member of staff touched their name: ask for their PIN."""
        self._chosen = next((m for m in self._people if m.id == staff_id), None)
        if self._chosen is None:
            return
        for widget in (self.prompt, self._names_host, self.previous_button, self.next_button):
            widget.hide()
        self.pin_pad.clear()
        self.pin_pad.set_message("")
        self.pin_pad.show()
        self.pin_pad.display.show()
        self.pin_prompt.show()
        self._pin_step.show()
        self.retranslate()

    # -- inside -----------------------------------------------------------------------------

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self._people) / NAMES_PER_PAGE))

    def _turn(self, step: int) -> None:
        self.page = max(0, min(self.pages - 1, self.page + step))
        self._show_names()

    def _show_names(self) -> None:
        self._chosen = None
        for button in self.name_buttons:
            self._names.removeWidget(button)
            button.hide()
            button.setParent(None)
            button.deleteLater()
        self.name_buttons = []
        start = self.page * NAMES_PER_PAGE
        for index, member in enumerate(self._people[start : start + NAMES_PER_PAGE]):
            button = BigButton(
                "people",
                member.name,
                pictures=self.pictures,
                theme=self.theme,
                horizontal=True,
                small=True,
            )
            button.tapped.connect(lambda staff_id=member.id: self.choose(staff_id))
            self._names.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.name_buttons.append(button)
        self.prompt.show()
        self._names_host.show()
        many = self.pages > 1
        self.previous_button.setVisible(many)
        self.next_button.setVisible(many)
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.pages - 1)
        self._pin_step.hide()
        self.retranslate()

    def _on_pin_pad_pin_entered(self, pin: str) -> None:
        if self._chosen is None or self._check is None or self._checking:
            return
        self._checking = True  # a double tap on the last number checks once
        try:
            actor = self._check(self._chosen.id, pin)
        except KioskError as error:
            self.pin_prompt.hide()  # the answer takes the prompt's place
            self.pin_pad.set_message(error.text(self.words.gettext))
            resting = isinstance(error, LockedOutError)
            self.pin_pad.setVisible(not resting)
            self.pin_pad.display.setVisible(not resting)
            return
        finally:
            self._checking = False
        self.pin_pad.set_message("")
        self.signed_in.emit(actor)
