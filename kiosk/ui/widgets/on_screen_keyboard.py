"""Big keys for typing a dish name or a few words, in the resident's language.

The keys come from :mod:`kiosk.ui.keyboard_layouts`; the control row under them has
Capital letter (Latin layouts only: one-shot, it turns off after one letter), the key
that shows the next page of keys, Space, Delete and Done. Switching language rebuilds the
keys at once.

Key sizes (DESIGN.md: targets at least 16 mm and never under 44 px, at least 8 mm apart).
At 96 dpi 16 mm is ceil(16 x 96 / 25.4) = 61 px and 8 mm is ceil(8 x 96 / 25.4) = 31 px, so
a full row of 11 keys needs at least 11 x 61 + 10 x 31 = 981 px. Keys are drawn at a
comfortable 20 mm where there is room (76 px: 11 x 76 + 310 = 1146 px), grow with spare
width up to half as wide again as they are tall (85 px in a 1280 px window with 15 px
margins: (1250 - 310) / 11), are never narrower than their widest letter (at 200 % text the
widest Gurmukhi letter needs 79 px: 11 x 79 + 310 = 1179 px, which still fits), and never
under the minimum. Four rows take 4 x 76 + 3 x 31 = 397 px (at 200 %: 4 x 92 + 93 = 461 px),
then a gap and the controls. The shared style sheet gives every button 8 px by 16 px of
padding on top of its minimum (99 px wide at 96 dpi, too wide for 11 in 1280 px), so the
keys set their exact size in their own style sheet.

When a row does not fit even at the minimum width, or four rows do not fit the height the
keyboard is given (a small window, or a screen with large pixels: a 10-inch 1280 x 800
tablet has 149 dpi, where 16 mm is 94 px and a row of 11 needs 11 x 94 + 10 x 47 = 1504 px),
the rows are split and the keyboard gets more pages instead: keys never shrink below the
minimum.
"""

from __future__ import annotations

import unicodedata
import weakref

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.i18n import Words
from kiosk.ui.keyboard_layouts import MAX_KEYS, MAX_ROWS, KeyboardLayout, fit, layout_for
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import FONT_FAMILIES, Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.touch_button import TouchButton

COMFORTABLE = 1.25  # keys of 20 mm where there is room; the minimum is 16 mm
WIDEST = 1.5  # with room to spare keys grow, up to half as wide again as they are tall
KEY_PADDING_PX = 4  # between a key's edge and its letter, inside the border
DOTTED_CIRCLE = "\u25cc"  # shows where a vowel sign goes: "◌ਿ"
CONTROL_MARGIN_PX = 12  # a BigButton's margin around its words
GURMUKHI_MIN_PX = 40


class OnScreenKeyboard(QWidget):
    text_typed = Signal(str)  # the text of each key typed (" " for Space)
    text_deleted = Signal()  # Delete was tapped
    done = Signal()
    keys_rebuilt = Signal()  # new key buttons (another page, size or language): wire them

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
        self._line_edit: QLineEdit | None = None
        self._layout: KeyboardLayout = layout_for(words.language)
        self._pages: KeyboardLayout = self._layout
        self._page = 0
        self._shift = False
        self._keys: dict[str, TouchButton] = {}
        self._keys_host: QWidget | None = None
        self._key_size = QSize()
        self._per_row = MAX_KEYS
        self._rows_per_page = MAX_ROWS
        self._min_key_width = 0
        self._min_key_height = 0
        self._comfortable_width = 0
        self._comfortable_height = 0

        self._keys_area = QWidget()
        self._keys_area.setObjectName("keys")
        # "Read this to me" leaves the letter keys out (kiosk.ui.screen.NOT_READ_ALOUD):
        # a resident hears the controls (Space, Delete, Done), not "Q, W, E, R, T…". Each
        # key keeps its accessible name, for screen readers and a long press.
        self._keys_area.setProperty("not_read_aloud", True)
        area_layout = QVBoxLayout(self._keys_area)
        area_layout.setContentsMargins(0, 0, 0, 0)

        self.shift_key = self._control_key()
        self.page_key = self._control_key()
        self.space_key = self._control_key()
        self.delete_key = self._control_key()
        self.done_key = self._control_key()
        self.shift_key.tapped.connect(self._on_shift_key_tapped)
        self.page_key.tapped.connect(self._on_page_key_tapped)
        self.space_key.tapped.connect(self._on_space_key_tapped)
        self.delete_key.tapped.connect(self._on_delete_key_tapped)
        self.done_key.tapped.connect(self._on_done_key_tapped)
        # One row of controls, or two when their words would not fit side by side.
        self._control_rows = (QHBoxLayout(), QHBoxLayout())
        self._controls = QVBoxLayout()
        for row in self._control_rows:
            self._controls.addLayout(row)
        self._controls_split: bool | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The keys re-flow to the width they are given, so their row must not fix ours.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self._keys_area)
        layout.addLayout(self._controls)
        layout.addStretch(1)

        self._stale_language: str | None = None  # switched while hidden: apply when shown
        self._listen_for_language_switches()
        self._measure_keys()
        self._reflow(self._natural_size(), force=True)
        self.retranslate()

    # -- what screens use -----------------------------------------------------------------

    def attach(self, line_edit: QLineEdit | None) -> None:
        """Type into ``line_edit`` (at its cursor) from now on; ``None`` to stop."""
        if self._line_edit is not None and shiboken6.isValid(self._line_edit):
            self._line_edit.destroyed.disconnect(self._on_line_edit_destroyed)
        self._line_edit = line_edit
        if line_edit is not None:
            line_edit.destroyed.connect(self._on_line_edit_destroyed)

    @property
    def page(self) -> int:
        return self._page

    @property
    def page_count(self) -> int:
        return len(self._pages.pages)

    @property
    def shift_on(self) -> bool:
        return self._shift

    @property
    def layout_in_use(self) -> KeyboardLayout:
        """The pages as shown now (re-flowed for the width we have)."""
        return self._pages

    def key_for(self, text: str) -> TouchButton | None:
        """The key on the page shown now that types ``text`` (lower case), if any."""
        return self._keys.get(unicodedata.normalize("NFC", text))

    def visible_keys(self) -> list[TouchButton]:
        return list(self._keys.values())

    def retranslate(self) -> None:
        self.shift_key.set_words(self.words.gettext("Capital letter"))
        self.shift_key.set_chosen(self._shift)
        self.space_key.set_words(self.words.gettext("Space"))
        self.delete_key.set_words(self.words.gettext("Delete"))
        self.done_key.set_words(self.words.gettext("Done"))
        self._show_page_key()
        self._place_controls(self._size_now().width())
        self.updateGeometry()  # the words, and so the size it would like, may have changed

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        for key in (self.shift_key, self.page_key, self.space_key, self.delete_key, self.done_key):
            key.set_theme(theme)
        self._measure_keys()
        self._reflow(self._size_now(), force=True)

    # -- Qt --------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._natural_size()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """One row of keys at the minimum size, and the controls: with less room than it
        would like, the keyboard shows fewer rows a page (and more pages)."""
        controls = self._controls.minimumSize()
        gap = self.theme.metrics.gap_px
        return QSize(
            max(self._min_key_width, controls.width()),
            self._min_key_height + gap + controls.height(),
        )

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        # The words on the controls wrap, but the keyboard's height is its own choice (the
        # keys re-flow to the room they get): ask the size hints, not the layout inside.
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._reflow(event.size())

    # -- slots -----------------------------------------------------------------------------

    def _on_character_key_tapped(self, text: str) -> None:
        if self._shift and self._pages.has_case:
            text = text.upper()
        self._type(text)
        if self._shift:
            self._set_shift(False)

    def _on_shift_key_tapped(self) -> None:
        self._set_shift(not self._shift)

    def _on_page_key_tapped(self) -> None:
        self._page = (self._page + 1) % self.page_count
        self._show_keys()

    def _on_space_key_tapped(self) -> None:
        self._type(" ")

    def _on_delete_key_tapped(self) -> None:
        if self._line_edit is not None:
            self._line_edit.backspace()
        self.text_deleted.emit()

    def _on_done_key_tapped(self) -> None:
        self.done.emit()

    def _on_line_edit_destroyed(self) -> None:
        self._line_edit = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if self._stale_language is not None:
            self._apply_language(self._stale_language)
        super().showEvent(event)

    def _on_words_switched(self, language: str) -> None:
        """A hidden keyboard changes its keys when it is next shown: a kiosk has several
        (one per typing screen), and rebuilding them all on every sign-in is slow."""
        if not self.isVisible():
            self._stale_language = language
            return
        self._apply_language(language)

    def _apply_language(self, language: str) -> None:
        self._stale_language = None
        self._layout = layout_for(language)
        self._page = 0
        self._shift = False
        self._measure_keys()
        self._reflow(self._size_now(), force=True)
        self.retranslate()

    # -- inside ----------------------------------------------------------------------------

    def _listen_for_language_switches(self) -> None:
        # Words keeps its listeners for good; hold this keyboard weakly, and ignore the
        # call once Qt has deleted it.
        method = weakref.WeakMethod(self._on_words_switched)

        def listener(language: str) -> None:
            slot = method()
            if slot is not None and shiboken6.isValid(slot.__self__):
                slot(language)

        self.words.on_switch(listener)

    def _control_key(self) -> BigButton:
        key = BigButton(None, "", pictures=self.pictures, theme=self.theme)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text box keeps its cursor
        return key

    def _type(self, text: str) -> None:
        if self._line_edit is not None:
            self._line_edit.insert(text)
        self.text_typed.emit(text)

    def _set_shift(self, on: bool) -> None:
        self._shift = on and self._pages.has_case
        self.shift_key.set_chosen(self._shift)
        for text, key in self._keys.items():
            self._label_key(key, text)

    def _letter_px(self) -> int:
        """Letters on keys are heading size; Gurmukhi, whose letters and vowel signs are
        small for their size, is never under GURMUKHI_MIN_PX."""
        heading = self.theme.metrics.heading_px
        gurmukhi = any(_is_gurmukhi(key) for key in self._layout.all_keys())
        return max(heading, GURMUKHI_MIN_PX) if gurmukhi else heading

    def _key_font(self) -> QFont:
        """The font of the letters on the keys."""
        font = QFont()
        font.setFamilies(list(FONT_FAMILIES))
        font.setPixelSize(self._letter_px())
        font.setBold(True)
        return font

    def _measure_keys(self) -> None:
        """Key sizes for this theme and language: the letters and the 16 mm minimum decide."""
        metrics = self.theme.metrics
        font = self._key_font()
        letters = QFontMetrics(font)
        gurmukhi = QFont(font)
        gurmukhi.setFamilies(["Noto Sans Gurmukhi", *FONT_FAMILIES])
        tallest = max(letters.height(), QFontMetrics(gurmukhi).height())
        labels = [_label(key, upper) for key in self._layout.all_keys() for upper in (False, True)]
        widest = max((letters.horizontalAdvance(label) for label in labels), default=0)
        inside = 2 * (metrics.border_px + KEY_PADDING_PX)
        target = metrics.min_target_px
        comfortable = round(target * COMFORTABLE)
        self._min_key_width = max(target, widest + inside)
        self._min_key_height = max(target, tallest + inside)
        self._comfortable_width = max(self._min_key_width, comfortable)
        self._comfortable_height = max(self._min_key_height, comfortable)
        self.layout().setSpacing(metrics.gap_px)
        self._controls.setSpacing(metrics.gap_px)
        for row in self._control_rows:
            row.setSpacing(metrics.gap_px)
        self._controls_split = None  # place them again for the new sizes

    def _size_now(self) -> QSize:
        return self.size() if self.isVisible() else self._natural_size()

    def _span(self, keys: int, key_size: int) -> int:
        """Room for ``keys`` keys of ``key_size`` px in a line, with the gaps between."""
        return keys * key_size + (keys - 1) * self.theme.metrics.gap_px

    def _natural_size(self) -> QSize:
        """Every row of every page at the comfortable size, and the controls."""
        rows = max(len(page) for page in self._layout.pages)
        width = max(
            self._span(_longest_row(self._layout), self._comfortable_width),
            self._controls.sizeHint().width(),
        )
        return QSize(
            width,
            self._span(rows, self._comfortable_height)
            + self.theme.metrics.gap_px
            + self._controls_height(width),
        )

    def _controls_height(self, width: int) -> int:
        """How tall the controls are at ``width`` (their words may wrap)."""
        controls = self._controls
        if controls.hasHeightForWidth():
            return max(controls.heightForWidth(width), controls.minimumSize().height())
        return controls.sizeHint().height()

    def _keys_area_height(self) -> int:
        rows = max(len(page) for page in self._pages.pages)
        return self._span(rows, self._key_size.height())

    def _reflow(self, size: QSize, *, force: bool = False) -> None:
        """Choose the key size, keys per row and rows per page for ``size``; rebuild the
        keys if any changed. Keys are comfortable where there is room, smaller (never under
        the minimum) where there is not, and past that the keyboard gets more pages."""
        gap = self.theme.metrics.gap_px
        width = size.width()
        self._place_controls(width)
        longest = _longest_row(self._layout)
        widest = max(self._comfortable_width, round(self._comfortable_height * WIDEST))
        if self._span(longest, self._comfortable_width) <= width:
            per_row = longest
            key_width = min(widest, (width - (longest - 1) * gap) // longest)
        elif self._span(longest, self._min_key_width) <= width:
            per_row, key_width = longest, (width - (longest - 1) * gap) // longest
        else:
            per_row = max(1, (width + gap) // (self._min_key_width + gap))
            key_width = self._min_key_width
        per_row = min(per_row, MAX_KEYS)
        room = size.height() - gap - self._controls_height(width)
        rows = max(len(page) for page in fit(self._layout, per_row, MAX_ROWS).pages)
        if self._span(rows, self._comfortable_height) <= room:
            rows_per_page, key_height = MAX_ROWS, self._comfortable_height
        elif self._span(rows, self._min_key_height) <= room:
            rows_per_page, key_height = MAX_ROWS, (room - (rows - 1) * gap) // rows
        else:
            rows_per_page = max(1, (room + gap) // (self._min_key_height + gap))
            key_height = self._min_key_height
        key_size = QSize(key_width, key_height)
        unchanged = (per_row, rows_per_page, key_size) == (
            self._per_row,
            self._rows_per_page,
            self._key_size,
        )
        if unchanged and not force:
            return
        first_key = self._pages.pages[self._page][0][0] if self._pages.pages else None
        self._per_row = per_row
        self._rows_per_page = rows_per_page
        self._key_size = key_size
        self._pages = fit(self._layout, per_row, rows_per_page)
        self._page = next(
            (i for i, page in enumerate(self._pages.pages) if page[0][0] == first_key), 0
        )
        self._style_keys()
        self._show_keys()
        self.updateGeometry()

    def _place_controls(self, width: int) -> None:
        """Controls in one row when their words fit on one line side by side, else two."""
        plan = (self.shift_key, self.page_key, self.space_key, self.delete_key, self.done_key)
        shown = [key for key in plan if not key.isHidden()]
        edges = 2 * (CONTROL_MARGIN_PX + self.theme.metrics.border_px)
        needed = sum(
            max(key.minimumWidth(), key.fontMetrics().horizontalAdvance(key.words) + edges)
            for key in shown
        ) + self.theme.metrics.gap_px * (len(shown) - 1)
        split = needed > width
        if split == self._controls_split:
            return
        self._controls_split = split
        first, second = self._control_rows
        for row in self._control_rows:
            while row.count():
                row.takeAt(0)
        # No stretch factors: each key gets the room its words need, then an equal share.
        for key in plan:
            lower = split and key in (self.space_key, self.done_key)
            (second if lower else first).addWidget(key)
        self.updateGeometry()

    def _style_keys(self) -> None:
        """Exact key sizes, in a style sheet so a later theme style sheet cannot undo them."""
        border = self.theme.metrics.border_px
        width = self._key_size.width() - 2 * border
        height = self._key_size.height() - 2 * border
        self._keys_area.setStyleSheet(
            f'QPushButton[key="true"] {{ padding: 0px; min-width: {width}px; '
            f"max-width: {width}px; min-height: {height}px; max-height: {height}px; }}\n"
            f'QPushButton[key="true"] QLabel {{ font-size: {self._letter_px()}px; }}'
        )
        self._keys_area.setFixedHeight(self._keys_area_height())

    def _show_keys(self) -> None:
        """Build the keys of the page shown now (the old page's keys go)."""
        if self._keys_host is not None:
            self._keys_host.hide()
            self._keys_area.layout().removeWidget(self._keys_host)
            self._keys_host.setParent(None)
            self._keys_host.deleteLater()
        self._keys = {}
        host = QWidget()
        rows = QVBoxLayout(host)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(self.theme.metrics.gap_px)
        for row in self._pages.pages[self._page]:
            line = QHBoxLayout()
            line.setSpacing(self.theme.metrics.gap_px)
            line.addStretch(1)
            for text in row:
                key = self._character_key(text)
                self._keys[text] = key
                line.addWidget(key)
            line.addStretch(1)
            rows.addLayout(line)
        rows.addStretch(1)
        self._keys_host = host
        self._keys_area.layout().addWidget(host)
        host.show()  # a widget added to a shown one waits to be shown
        self._show_page_key()
        self.keys_rebuilt.emit()

    def _character_key(self, text: str) -> TouchButton:
        key = TouchButton()
        key.setProperty("key", "true")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        label = QLabel()
        label.setProperty("role", "heading")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        inside = QVBoxLayout(key)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.addWidget(label)
        self._label_key(key, text)
        key.refresh_words_tone()
        key.tapped.connect(lambda text=text: self._on_character_key_tapped(text))
        return key

    def _label_key(self, key: TouchButton, text: str) -> None:
        shown = _label(text, self._shift and self._pages.has_case)
        label = key.findChild(QLabel)
        if label is not None:
            label.setText(shown)
        key.setAccessibleName(shown.replace(DOTTED_CIRCLE, ""))

    def _show_page_key(self) -> None:
        many = self.page_count > 1
        self.page_key.setVisible(many)
        self.shift_key.setVisible(self._pages.has_case)
        if not many:
            return
        following = self._pages.name_of((self._page + 1) % self.page_count)
        self.page_key.set_words(following)
        self.page_key.setAccessibleName(
            self.words.gettext("Other keys: {keys}").format(keys=following)
        )
        self.page_key.setAccessibleDescription(
            self.words.gettext("Page {page} of {pages}").format(
                page=self._page + 1, pages=self.page_count
            )
        )


def _longest_row(layout: KeyboardLayout) -> int:
    return max((len(row) for page in layout.pages for row in page), default=1)


def _is_gurmukhi(text: str) -> bool:
    return any("\u0a00" <= character <= "\u0a7f" for character in text)


def _label(text: str, upper: bool) -> str:
    """What a key shows: capitals when asked; a lone vowel sign on a dotted circle."""
    if upper:
        text = text.upper()
    if text and unicodedata.category(text[0]) in {"Mn", "Mc"}:
        return DOTTED_CIRCLE + text
    return text
