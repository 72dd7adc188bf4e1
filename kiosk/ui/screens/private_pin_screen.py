"""Your PIN: the resident types their own four numbers to open their care plan.

Wrong numbers are met kindly, with how many tries are left; after five the PIN rests
for a while and the screen says so and offers the way round it: a member of staff.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.domain.access import Actor
from kiosk.domain.errors import KioskError, LockedOutError
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.pin_pad import PinPad
from kiosk.ui.widgets.words_label import WordsLabel

OwnPinCheck = Callable[[str], Actor]  # the PIN -> the resident, past their check


class PrivatePinScreen(Screen):
    name = "private-pin"
    unlocked = Signal(object)  # the Actor, with private set
    staff_help_chosen = Signal()

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._check: OwnPinCheck | None = None
        self._name = ""
        self._checking = False
        self.prompt = WordsLabel()
        self.prompt.setProperty("role", "heading")
        self.prompt.setWordWrap(True)
        self.pin_pad = PinPad(words=words, pictures=pictures, theme=theme)
        self.pin_pad.pin_entered.connect(self._on_pin_pad_pin_entered)
        self.staff_help_button = BigButton("people", "", pictures=pictures, theme=theme, small=True)
        self.staff_help_button.tapped.connect(self.staff_help_chosen)
        # The prompt and the way round a forgotten PIN sit beside the keypad, so that at
        # large text on a small screen the keypad keeps the whole height.
        beside = QVBoxLayout()
        beside.setSpacing(theme.metrics.gap_px)
        beside.addWidget(self.prompt)
        self.pin_pad.show_dots_in(beside)
        beside.addStretch(1)
        beside.addWidget(self.staff_help_button)
        layout = QHBoxLayout(self)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addLayout(beside, 2)
        layout.addWidget(self.pin_pad, 3)
        self.retranslate()

    def start(self, name: str, check: OwnPinCheck) -> None:
        """Ask ``name`` for their PIN; ``check`` decides."""
        self._name = name
        self._check = check

    def title(self) -> str:
        return self.words.gettext("My care plan")

    def refresh(self) -> None:
        self.pin_pad.clear()
        self.pin_pad.set_message("")
        self.pin_pad.show()
        self.pin_pad.display.show()
        self.prompt.show()
        self.retranslate()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.prompt.setText(gettext("{name}, please type your PIN.").format(name=self._name))
        self.staff_help_button.set_words(gettext("Ask staff to help"))
        self.pin_pad.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.pin_pad.apply_theme(theme)

    def _on_pin_pad_pin_entered(self, pin: str) -> None:
        if self._check is None or self._checking:
            return
        self._checking = True
        try:
            actor = self._check(pin)
        except KioskError as error:
            # The answer takes the prompt's place; a resting PIN needs no keys, only help.
            self.prompt.hide()
            self.pin_pad.set_message(error.text(self.words.gettext))
            resting = isinstance(error, LockedOutError)
            self.pin_pad.setVisible(not resting)
            self.pin_pad.display.setVisible(not resting)
            return
        finally:
            self._checking = False
        self.unlocked.emit(actor)
