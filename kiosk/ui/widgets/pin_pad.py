"""A big keypad for a four-number PIN.

Above the keys, one dot for each number: ● entered, ○ still to come. The numbers
themselves are never shown, never logged and never put in an accessible name. After the
fourth number the pad says :attr:`pin_entered` once, shows four full dots for a moment
(taps then are ignored: a shaky hand's fifth tap does not start a new PIN), then clears.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import FONT_FAMILIES, Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui.widgets.words_label import WordsLabel

PIN_LENGTH = 4
CLEAR_AFTER_MS = 600  # four full dots stay this long before the pad clears itself
WORDS_MARGIN_PX = 12  # a BigButton's margin around its words
ENTERED = "●"
TO_COME = "○"
DIGIT_ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"))


class PinPad(QWidget):
    pin_entered = Signal(str)

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self._digits: list[str] = []
        self._clear_timer = QTimer(self, singleShot=True, interval=CLEAR_AFTER_MS)
        self._clear_timer.timeout.connect(self._on_clear_timer_timeout)

        self.display = QLabel()
        self.display.setProperty("role", "heading")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = WordsLabel()
        self.message.setProperty("role", "banner")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()

        self.digit_keys: dict[str, TouchButton] = {}
        self._keys = QGridLayout()
        for row, digits in enumerate(DIGIT_ROWS):
            for column, digit in enumerate(digits):
                self._keys.addWidget(self._digit_key(digit), row, column)
        self.delete_key = BigButton(None, "", pictures=pictures, theme=theme)
        self.clear_key = BigButton(None, "", pictures=pictures, theme=theme)
        self.delete_key.tapped.connect(self._on_delete_key_tapped)
        self.clear_key.tapped.connect(self._on_clear_key_tapped)
        self._keys.addWidget(self.delete_key, 3, 0)
        self._keys.addWidget(self._digit_key("0"), 3, 1)
        self._keys.addWidget(self.clear_key, 3, 2)
        for column in range(3):
            self._keys.setColumnStretch(column, 1)
        for row in range(4):
            self._keys.setRowStretch(row, 1)
        for key in self._all_keys():
            key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self._pad = QWidget()
        self._pad.setLayout(self._keys)
        self._keys.setContentsMargins(0, 0, 0, 0)
        self._pad.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self._pad, 100)  # as wide as it may be, then centred
        centred.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.display)
        layout.addWidget(self.message)
        layout.addLayout(centred, 1)
        self._size_keys()
        self._show_dots()
        self.retranslate()

    # -- what screens use -----------------------------------------------------------------

    @property
    def entered_count(self) -> int:
        """How many numbers are in (never which)."""
        return len(self._digits)

    def show_dots_in(self, layout: QBoxLayout) -> None:
        """Put the dots and the message in ``layout`` (a column beside the keys), so a
        long message never pushes the keys off a small screen."""
        own = self.layout()
        for widget in (self.display, self.message):
            own.removeWidget(widget)
            layout.addWidget(widget)

    def clear(self) -> None:
        self._clear_timer.stop()
        self._digits.clear()
        self._show_dots()

    def set_message(self, text: str) -> None:
        """A line of words under the dots ("That PIN did not match…"); "" hides it."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def retranslate(self) -> None:
        self.delete_key.set_words(self.words.gettext("Delete"))
        self.clear_key.set_words(self.words.gettext("Clear"))
        self.display.setAccessibleName(self.words.gettext("Your PIN"))
        self._show_dots()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.delete_key.set_theme(theme)
        self.clear_key.set_theme(theme)
        self._size_keys()

    # -- slots -----------------------------------------------------------------------------

    def _on_digit_key_tapped(self, digit: str) -> None:
        if len(self._digits) >= PIN_LENGTH:
            return  # full: waiting to clear
        self._digits.append(digit)
        self._show_dots()
        if len(self._digits) == PIN_LENGTH:
            self._clear_timer.start()
            self.pin_entered.emit("".join(self._digits))

    def _on_delete_key_tapped(self) -> None:
        if self._digits and not self._clear_timer.isActive():
            self._digits.pop()
            self._show_dots()

    def _on_clear_key_tapped(self) -> None:
        self.clear()

    def _on_clear_timer_timeout(self) -> None:
        self.clear()

    # -- inside ----------------------------------------------------------------------------

    def _digit_key(self, digit: str) -> TouchButton:
        key = TouchButton()
        label = QLabel(digit)
        label.setProperty("role", "heading")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        inside = QVBoxLayout(key)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.addWidget(label)
        key.setAccessibleName(digit)
        key.refresh_words_tone()
        key.tapped.connect(lambda digit=digit: self._on_digit_key_tapped(digit))
        self.digit_keys[digit] = key
        return key

    def _all_keys(self) -> list[TouchButton]:
        return [*self.digit_keys.values(), self.delete_key, self.clear_key]

    def _size_keys(self) -> None:
        """Keys grow with the room they have, up to a size that still reads as a keypad,
        and never shrink below their words (nor below the 16 mm minimum)."""
        metrics = self.theme.metrics
        gap = metrics.gap_px
        self.layout().setSpacing(gap)
        self._keys.setSpacing(gap)
        digits = QFont()
        digits.setFamilies(list(FONT_FAMILIES))
        digits.setBold(True)
        digits.setPixelSize(metrics.heading_px)
        words = QFont(digits)
        words.setPixelSize(metrics.body_px)
        border = metrics.border_px
        shortest = max(
            metrics.min_target_px,
            QFontMetrics(digits).height() + 2 * border,
            QFontMetrics(words).height() + 2 * WORDS_MARGIN_PX,
        )
        # In a style sheet, so that a theme's style sheet set later cannot undo it.
        self._pad.setStyleSheet(
            f"QPushButton {{ padding: 0px; min-height: {shortest - 2 * border}px; }}"
        )
        widest = max(round(metrics.min_target_px * 3.5), metrics.body_px * 7)
        tallest = max(metrics.min_target_px * 2, metrics.title_px * 3)
        for key in self._all_keys():
            key.setMaximumSize(widest, tallest)
        self._pad.setMaximumWidth(3 * widest + 2 * gap)

    def _show_dots(self) -> None:
        count = len(self._digits)
        self.display.setText(" ".join([ENTERED] * count + [TO_COME] * (PIN_LENGTH - count)))
        self.display.setAccessibleDescription(
            self.words.gettext("{count} of 4 numbers entered").format(count=count)
        )
