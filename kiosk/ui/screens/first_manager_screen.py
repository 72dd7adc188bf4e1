"""Setting up a new kiosk: the home's first manager types their name and chooses a PIN.

Shown only while nobody works here yet (the service refuses a second "first" manager).
The PIN is typed twice on the big keypad; a mismatch starts the PIN again, not the name.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit

from kiosk.domain.access import Actor
from kiosk.domain.staff import StaffMember
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import StaffScreen, field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.pin_pad import PinPad
from kiosk.ui.widgets.words_label import WordsLabel


class FirstManagerSetup(Protocol):
    def create_first_manager(self, name: str, pin: str) -> StaffMember: ...
    def sign_in(self, staff_id: int, pin: str) -> Actor: ...


class FirstManagerScreen(StaffScreen):
    name = "first-manager"
    signed_in = Signal(object)  # the new manager, signed in

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        staff: FirstManagerSetup,
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=lambda: None)
        self._staff = staff
        self._first_pin: str | None = None
        self._saving = False
        self.welcome = QLabel()
        self.welcome.setWordWrap(True)
        self.name_label = field_label()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)  # the service gives the real limit, in words
        self.next_button = BigButton(None, "", pictures=pictures, theme=theme)
        self.next_button.tapped.connect(self._on_next_button_tapped)
        self.pin_prompt = WordsLabel()
        self.pin_prompt.setProperty("role", "heading")
        self.pin_prompt.setWordWrap(True)
        self.pin_pad = PinPad(words=words, pictures=pictures, theme=theme)
        self.pin_pad.pin_entered.connect(self._on_pin_pad_pin_entered)
        for widget in (
            self.welcome,
            self.name_label,
            self.name_edit,
            self.next_button,
            self.pin_prompt,
            self.pin_pad,
        ):
            self.content.addWidget(widget)
        self.content.addStretch(1)
        self._ask_name()

    def title(self) -> str:
        return self.words.gettext("Set up Our Say")

    def refresh(self) -> None:
        super().refresh()
        self._ask_name()

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.welcome.setText(
            gettext(
                "Welcome. Nobody works here yet, so first the home's manager signs up. "
                "The manager can then add residents and other staff."
            )
        )
        self.name_label.setText(gettext("Your name"))
        self.next_button.set_words(gettext("Next: choose a PIN"))
        self.pin_pad.retranslate()
        self.pin_prompt.setText(
            gettext("Choose a PIN: four numbers only you know.")
            if self._first_pin is None
            else gettext("Type the same PIN again.")
        )

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.pin_pad.apply_theme(theme)

    def _ask_name(self) -> None:
        self._first_pin = None
        for widget in (self.welcome, self.name_label, self.name_edit, self.next_button):
            widget.show()
        self.pin_prompt.hide()
        self.pin_pad.hide()
        self.retranslate()

    def _on_next_button_tapped(self) -> None:
        if not self.name_edit.text().strip():
            self.show_problem(self.words.gettext("Please type your name first."))
            return
        self.show_problem("")
        self._on_keyboard_done()
        for widget in (self.welcome, self.name_label, self.name_edit, self.next_button):
            widget.hide()
        self.pin_prompt.show()
        self.pin_pad.show()
        self.pin_pad.clear()
        self.retranslate()

    def _on_pin_pad_pin_entered(self, pin: str) -> None:
        if self._first_pin is None:
            self._first_pin = pin
            self.pin_pad.set_message("")
            self.retranslate()
            return
        if pin != self._first_pin:
            self._first_pin = None
            self.pin_pad.set_message(
                self.words.gettext("Those two PINs were different. Please choose a PIN again.")
            )
            self.retranslate()
            return
        self._save(pin)

    def _save(self, pin: str) -> None:
        if self._saving:
            return
        self._saving = True
        try:
            member = self.attempt(
                lambda: self._staff.create_first_manager(self.name_edit.text(), pin)
            )
            actor = self.attempt(lambda: self._staff.sign_in(member.id, pin)) if member else None
        finally:
            self._saving = False
        if actor is None:
            self._ask_name()  # the words say what to change (a name too long, a weak PIN)
            return
        self.name_edit.clear()
        self.signed_in.emit(actor)
