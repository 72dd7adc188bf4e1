"""The faces, the PIN pad and the on-screen keyboard, tapped as a resident would (offscreen Qt).

Geometry is measured, not trusted: every key at least the minimum target, every pair of
buttons at least the minimum gap apart, everything inside a 1280 x 800 window at 100 % and
200 % text, and no words cut.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Protocol

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontDatabase, QRawFont
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.i18n import Words
from kiosk.ui.fonts import register_fonts
from kiosk.ui.keyboard_layouts import MAX_KEYS, MAX_ROWS, KeyboardLayout, fit, layout_for
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import HIGH_CONTRAST, STANDARD, Metrics, Palette, Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.choice_grid import Choice, ChoiceGrid
from kiosk.ui.widgets.face_choice import FaceChoice
from kiosk.ui.widgets.on_screen_keyboard import OnScreenKeyboard
from kiosk.ui.widgets.pin_pad import PinPad
from kiosk.ui.widgets.touch_button import TouchButton
from tests.helpers.person import REPEAT_WAIT_MS, Person

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
PICTURES = ROOT / "assets" / "pictures"
FONTS = ROOT / "assets" / "fonts"
WINDOW = (1280, 800)
SCALES = [100, 200]
LANGUAGES = ["en_GB", "cy", "pl", "pa"]


def spaced(text: str) -> list[str]:
    """``"ą ć"`` → ``["ą", "ć"]`` (a Gurmukhi letter with its dot is two code points)."""
    return text.split()


WELSH_LETTERS = spaced("â ê î ô û ŵ ŷ á à ä é è ë í ì ï ó ò ö ú ù ü ẃ ẁ ẅ ý ỳ ÿ")
POLISH_LETTERS = spaced("ą ć ę ł ń ó ś ź ż")
GURMUKHI_LETTERS = spaced(
    "ਅ ਆ ਇ ਈ ਉ ਊ ਏ ਐ ਓ ਔ "
    "ਕ ਖ ਗ ਘ ਙ ਚ ਛ ਜ ਝ ਞ ਟ ਠ ਡ ਢ ਣ ਤ ਥ ਦ ਧ ਨ ਪ ਫ ਬ ਭ ਮ ਯ ਰ ਲ ਵ ੜ ਸ ਹ ਸ਼ ਖ਼ ਗ਼ ਜ਼ ਫ਼ ਲ਼ "
    "ਾ ਿ ੀ ੁ ੂ ੇ ੈ ੋ ੌ ਂ ੰ ੱ ਼ ੍"
)


# -- set-up ------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: object) -> None:
    if any(FONTS.glob("*.ttf")):
        register_fonts(FONTS)


@pytest.fixture
def pictures() -> PictureLibrary:
    return PictureLibrary(PICTURES)


def words_in(language: str = "en_GB") -> Words:
    return Words(LOCALES, language)


def theme_at(scale: int = 100, palette: Palette = STANDARD, dpi: float = 96) -> Theme:
    return Theme(palette, Metrics(dpi=dpi, text_scale=scale))


class Show(Protocol):
    def __call__(
        self, theme: Theme, *widgets: QWidget, size: tuple[int, int] = WINDOW
    ) -> QWidget: ...


@pytest.fixture
def show(qtbot: QtBot) -> Show:
    """Shows widgets in a window of ``size`` with the theme's style sheet, as a screen has
    them; the windows live until the test ends."""
    windows: list[QWidget] = []

    def show_in_window(theme: Theme, *widgets: QWidget, size: tuple[int, int] = WINDOW) -> QWidget:
        window = QWidget()
        window.setObjectName("screen")
        layout = QVBoxLayout(window)
        margin = max(12, theme.metrics.gap_px // 2)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(theme.metrics.gap_px)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        window.setStyleSheet(theme.stylesheet())
        qtbot.addWidget(window)
        windows.append(window)
        window.setProperty("asked_size", QSize(*size))
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(10)  # let re-flowing settle
        return window

    return show_in_window


class Resident(Person):
    """Taps as a person does: never the same button twice within 300 ms (that would be a
    tremor's double tap, which a TouchButton rightly ignores)."""

    def find_key(self, keyboard: OnScreenKeyboard, text: str) -> TouchButton:
        """Turn the pages with the page key until ``text`` shows."""
        for _ in range(keyboard.page_count):
            key = keyboard.key_for(text)
            if key is not None:
                return key
            self.tap(keyboard.page_key)
        raise AssertionError(f"no key for {text!r} on any page")

    def type(self, keyboard: OnScreenKeyboard, keys: list[str]) -> None:
        for text in keys:
            self.tap(self.find_key(keyboard, text))


@pytest.fixture
def resident(qtbot: QtBot) -> Resident:
    return Resident(qtbot)


def words_on(button: BigButton) -> str:
    """The words a person sees on a big button (tick and all)."""
    return button.findChild(QLabel, "words").text()


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def gap_between(a: QRect, b: QRect) -> int:
    horizontal = max(b.left() - a.right() - 1, a.left() - b.right() - 1)
    vertical = max(b.top() - a.bottom() - 1, a.top() - b.bottom() - 1)
    return max(horizontal, vertical)


def buttons_in(widget: QWidget) -> list[QAbstractButton]:
    return [b for b in widget.findChildren(QAbstractButton) if b.isVisible()]


def size_problems(widget: QWidget, window: QWidget, theme: Theme) -> list[str]:
    """Buttons too small, too close, unnamed or outside the window; words that do not fit."""
    metrics = theme.metrics
    problems = []
    asked = window.property("asked_size")
    if window.size() != asked:
        problems.append(f"the window grew from {asked} to {window.size()} to fit")
    buttons = buttons_in(widget)
    inside = window.rect()
    for button in buttons:
        name = button.accessibleName()
        box = rect_in(button, window)
        if not name.strip():
            problems.append(f"a button has no accessible name at {box}")
        if min(box.width(), box.height()) < metrics.min_target_px:
            problems.append(f"{name!r} is {box.width()}x{box.height()}")
        if not inside.contains(box):
            problems.append(f"{name!r} at {box} is outside the window")
    for first, second in combinations(buttons, 2):
        gap = gap_between(rect_in(first, window), rect_in(second, window))
        if gap < metrics.gap_px:
            problems.append(
                f"{first.accessibleName()!r} and {second.accessibleName()!r} are {gap}px apart"
            )
    for label in widget.findChildren(QLabel):
        if label.isVisible() and label.text():
            problems.extend(_words_cut(label))
    return problems


def _words_cut(label: QLabel) -> list[str]:
    box = label.contentsRect()
    metrics = label.fontMetrics()
    if label.wordWrap():
        flags = int(Qt.TextFlag.TextWordWrap)
        needed = metrics.boundingRect(QRect(0, 0, box.width(), 100_000), flags, label.text())
        too_big = needed.width() > box.width() + 1 or needed.height() > box.height() + 1
    else:
        too_big = (
            metrics.horizontalAdvance(label.text()) > box.width() + 1
            or metrics.height() > box.height() + 1
        )
    return [f"the words {label.text()!r} are cut ({box.width()}x{box.height()})"] if too_big else []


# -- faces -------------------------------------------------------------------------------


def test_three_faces_say_which_was_chosen_and_show_it(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    theme = theme_at()
    faces = FaceChoice(words=words_in(), pictures=pictures, theme=theme)
    show(theme, faces)
    said: list[int] = []
    faces.face_chosen.connect(said.append)
    assert [faces.buttons[v].picture_key for v in (1, 2, 3)] == [
        "face-sad",
        "face-neutral",
        "face-happy",
    ]
    assert [faces.buttons[v].accessibleName() for v in (1, 2, 3)] == [
        "Not good",
        "All right",
        "Good",
    ]
    assert faces.chosen is None
    for value in (1, 2, 3):
        resident.tap(faces.buttons[value])
        assert faces.chosen == value
        for other, button in faces.buttons.items():
            chosen = other == value
            assert (button.property("chosen") == "true") is chosen
            assert words_on(button).startswith("✓") is chosen  # never colour alone
    assert said == [1, 2, 3]
    assert words_on(faces.buttons[3]) == "✓ Good"
    faces.set_chosen(None)
    assert faces.chosen is None
    assert not any("✓" in words_on(b) for b in faces.buttons.values())


def test_five_faces_go_from_very_bad_to_very_good(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    theme = theme_at()
    faces = FaceChoice(words=words_in(), pictures=pictures, theme=theme, scale=5)
    show(theme, faces)
    said: list[int] = []
    faces.face_chosen.connect(said.append)
    assert len(buttons_in(faces)) == 5
    assert [b.picture_key for b in faces.buttons.values()] == [
        "face-very-sad",
        "face-sad",
        "face-neutral",
        "face-happy",
        "face-very-happy",
    ]
    assert [b.words for b in faces.buttons.values()] == [
        "Very bad",
        "Not good",
        "All right",
        "Good",
        "Very good",
    ]
    resident.tap(faces.buttons[5])
    resident.tap(faces.buttons[1])
    assert said == [5, 1]
    assert faces.chosen == 1


def test_a_face_scale_has_three_or_five_faces(pictures: PictureLibrary, qapp: object) -> None:
    for scale in (0, 2, 4, 7):
        with pytest.raises(ValueError):
            FaceChoice(words=words_in(), pictures=pictures, theme=theme_at(), scale=scale)


# -- PIN pad -----------------------------------------------------------------------------


@pytest.fixture
def pad(show: Show, pictures: PictureLibrary) -> Iterator[PinPad]:
    theme = theme_at()
    pin_pad = PinPad(words=words_in(), pictures=pictures, theme=theme)
    show(theme, pin_pad)
    yield pin_pad


def assert_no_digits_shown(pad: PinPad) -> None:
    shown = pad.display.text() + pad.display.accessibleName()
    assert not any(character.isdigit() for character in shown), shown


def test_the_pin_is_said_once_after_four_numbers_then_the_pad_clears(
    qtbot: QtBot, resident: Resident, pad: PinPad
) -> None:
    said: list[str] = []
    pad.pin_entered.connect(said.append)
    for count, digit in enumerate("2580", start=1):
        resident.tap(pad.digit_keys[digit])
        assert pad.entered_count == count
        assert pad.display.text() == " ".join("●" * count + "○" * (4 - count))
        assert pad.display.accessibleDescription() == f"{count} of 4 numbers entered"
        assert_no_digits_shown(pad)
    assert said == ["2580"]
    resident.tap(pad.digit_keys["1"])  # a fifth number is ignored
    assert said == ["2580"]
    assert pad.entered_count == 4
    qtbot.waitUntil(lambda: pad.entered_count == 0, timeout=2000)
    assert pad.display.text() == "○ ○ ○ ○"
    assert said == ["2580"]
    for digit in "1397":  # and the next PIN starts afresh
        resident.tap(pad.digit_keys[digit])
    assert said == ["2580", "1397"]


def test_delete_takes_back_one_number_and_clear_takes_them_all(
    qtbot: QtBot, resident: Resident, pad: PinPad
) -> None:
    said: list[str] = []
    pad.pin_entered.connect(said.append)
    resident.tap(pad.digit_keys["1"])
    resident.tap(pad.digit_keys["2"])
    resident.tap(pad.delete_key)
    assert pad.entered_count == 1
    assert pad.display.text() == "● ○ ○ ○"
    for digit in "345":
        resident.tap(pad.digit_keys[digit])
    assert said == ["1345"]
    pad.clear()
    resident.tap(pad.digit_keys["6"])
    resident.tap(pad.digit_keys["7"])
    resident.tap(pad.clear_key)
    assert pad.entered_count == 0
    assert pad.display.text() == "○ ○ ○ ○"
    assert pad.delete_key.accessibleName() == "Delete"
    assert pad.clear_key.accessibleName() == "Clear"


def test_a_shaky_double_tap_on_a_number_counts_once(qtbot: QtBot, pad: PinPad) -> None:
    seven = pad.digit_keys["7"]
    qtbot.mouseClick(seven, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(seven, Qt.MouseButton.LeftButton)  # within 300 ms
    assert pad.entered_count == 1
    qtbot.wait(REPEAT_WAIT_MS)
    qtbot.mouseClick(seven, Qt.MouseButton.LeftButton)
    assert pad.entered_count == 2


def test_a_message_shows_under_the_dots_and_hides_when_empty(qtbot: QtBot, pad: PinPad) -> None:
    assert not pad.message.isVisible()
    pad.set_message("That PIN did not match. Please try again.")
    assert pad.message.isVisible()
    assert pad.message.property("role") == "banner"
    assert pad.message.text() == "That PIN did not match. Please try again."
    assert rect_in(pad.message, pad).top() > rect_in(pad.display, pad).bottom()
    pad.set_message("")
    assert not pad.message.isVisible()


def test_the_pad_has_digits_in_a_telephone_grid(pad: PinPad) -> None:
    def centre(button: QWidget) -> QPoint:
        return rect_in(button, pad).center()

    keys = pad.digit_keys
    for row in ("123", "456", "789"):
        assert len({centre(keys[d]).y() for d in row}) == 1
        assert centre(keys[row[0]]).x() < centre(keys[row[1]]).x() < centre(keys[row[2]]).x()
    bottom = [pad.delete_key, keys["0"], pad.clear_key]
    assert len({centre(key).y() for key in bottom}) == 1
    assert centre(keys["8"]).x() == centre(keys["0"]).x()
    assert centre(keys["0"]).y() > centre(keys["8"]).y()
    assert rect_in(pad.display, pad).bottom() < rect_in(keys["1"], pad).top()


# -- the keyboard: its layouts -----------------------------------------------------------


def reachable(layout: KeyboardLayout) -> set[str]:
    return {unicodedata.normalize("NFC", key) for key in layout.all_keys()}


@pytest.mark.parametrize(
    ("language", "letters"),
    [("cy", WELSH_LETTERS), ("pl", POLISH_LETTERS), ("pa", GURMUKHI_LETTERS)],
)
def test_every_letter_of_the_language_has_a_key(language: str, letters: list[str]) -> None:
    keys = reachable(layout_for(language))
    missing = [x for x in letters if unicodedata.normalize("NFC", x) not in keys]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_is_bigger_than_four_rows_of_eleven(language: str) -> None:
    layout = layout_for(language)
    assert len(layout.pages) >= 2
    for page in layout.pages:
        assert 1 <= len(page) <= MAX_ROWS == 4
        assert all(1 <= len(row) <= MAX_KEYS == 11 for row in page)
    assert all(key == unicodedata.normalize("NFC", key) for key in layout.all_keys())
    assert layout.has_case is (language != "pa")


def test_latin_layouts_are_qwerty_with_digits_on_another_page() -> None:
    for language in ("en_GB", "cy", "pl"):
        layout = layout_for(language)
        assert "".join(layout.pages[0][0]) == "qwertyuiop"
        assert set("0123456789") <= layout.all_keys()
    assert "ł" not in layout_for("en_GB").all_keys()


def test_an_unknown_language_gets_the_english_keys() -> None:
    assert layout_for("xx") == layout_for("en_GB")
    assert layout_for("pl_PL") == layout_for("pl")


def test_fit_splits_rows_evenly_and_adds_pages_but_loses_no_key() -> None:
    layout = layout_for("pa")
    for per_row in (1, 4, 7, 10):
        fitted = fit(layout, per_row)
        assert fitted.all_keys() == layout.all_keys()
        assert len(fitted.pages) >= len(layout.pages)
        for page in fitted.pages:
            assert len(page) <= MAX_ROWS
            assert all(len(row) <= per_row for row in page)
        assert len(fitted.page_names) == len(fitted.pages)
    assert fit(layout, MAX_KEYS) == layout
    assert fit(layout_for("en_GB"), 8).pages[0][:2] == (tuple("qwert"), tuple("yuiop"))


# -- the keyboard: typing ----------------------------------------------------------------


def keyboard_in_window(
    show: Show,
    pictures: PictureLibrary,
    language: str = "en_GB",
    theme: Theme | None = None,
    size: tuple[int, int] = WINDOW,
) -> tuple[OnScreenKeyboard, QLineEdit, QWidget]:
    theme = theme or theme_at()
    keyboard = OnScreenKeyboard(words=words_in(language), pictures=pictures, theme=theme)
    line = QLineEdit()
    keyboard.attach(line)
    window = show(theme, line, keyboard, size=size)
    return keyboard, line, window


def test_keys_type_at_the_cursor_and_delete_takes_the_letter_before_it(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    keyboard, line, _ = keyboard_in_window(show, pictures)
    typed: list[str] = []
    keyboard.text_typed.connect(typed.append)
    resident.type(keyboard, list("fish"))
    resident.tap(keyboard.space_key)
    resident.type(keyboard, list("pie"))
    assert line.text() == "fish pie"
    assert typed == list("fish pie")
    line.setCursorPosition(4)
    resident.tap(keyboard.delete_key)
    assert line.text() == "fis pie"
    assert line.cursorPosition() == 3
    resident.tap(keyboard.key_for("h"))
    assert line.text() == "fish pie"
    line.setCursorPosition(0)
    resident.tap(keyboard.delete_key)  # nothing before the cursor: nothing goes
    assert line.text() == "fish pie"


def test_digits_are_on_the_123_page(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    keyboard, line, _ = keyboard_in_window(show, pictures)
    assert keyboard.page_key.words == "123"
    resident.type(keyboard, ["2", "0"])
    assert line.text() == "20"
    assert keyboard.page == 1
    assert keyboard.page_key.words == "abc"


def test_capital_letter_gives_one_capital_then_small_letters(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    keyboard, line, _ = keyboard_in_window(show, pictures)
    resident.tap(keyboard.shift_key)
    assert keyboard.shift_on
    assert keyboard.shift_key.property("chosen") == "true"
    assert words_on(keyboard.shift_key).startswith("✓")  # shown by more than colour
    assert keyboard.key_for("a").findChild(QLabel).text() == "A"
    resident.tap(keyboard.key_for("a"))
    resident.tap(keyboard.key_for("l"))
    resident.tap(keyboard.key_for("e"))
    assert line.text() == "Ale"
    assert not keyboard.shift_on
    assert keyboard.key_for("a").findChild(QLabel).text() == "a"


def test_done_says_done(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    keyboard, _, _ = keyboard_in_window(show, pictures)
    with qtbot.waitSignal(keyboard.done, timeout=1000):
        resident.tap(keyboard.done_key)


def test_new_keys_are_announced_so_they_can_be_wired_to_speak(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    """Another page means new key buttons: the keyboard says so, so the window can wire
    them to say their letter on a long press, as it wired the keys shown first."""
    keyboard, _, _ = keyboard_in_window(show, pictures)
    first = keyboard.visible_keys()  # held, so no new key can take an old one's id
    with qtbot.waitSignal(keyboard.keys_rebuilt, timeout=1000):
        resident.tap(keyboard.page_key)
    assert keyboard.key_for("1") is not None
    assert not {id(key) for key in first} & {id(key) for key in keyboard.visible_keys()}


def test_without_a_text_box_keys_are_still_said(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    theme = theme_at()
    keyboard = OnScreenKeyboard(words=words_in(), pictures=pictures, theme=theme)
    show(theme, keyboard)
    typed: list[str] = []
    keyboard.text_typed.connect(typed.append)
    resident.tap(keyboard.key_for("q"))
    resident.tap(keyboard.delete_key)
    assert typed == ["q"]


def test_polish_types_l_with_a_stroke(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    keyboard, line, _ = keyboard_in_window(show, pictures, "pl")
    resident.type(keyboard, ["ż", "u", "r", "e", "k"])
    resident.tap(keyboard.space_key)
    resident.tap(keyboard.shift_key)
    resident.type(keyboard, ["ł", "ó", "d", "ź"])
    assert line.text() == "żurek Łódź"


def test_welsh_types_w_with_a_circumflex_and_accents(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    keyboard, line, _ = keyboard_in_window(show, pictures, "cy")
    resident.type(keyboard, ["d", "ŵ", "r"])
    resident.tap(keyboard.space_key)
    resident.type(keyboard, ["c", "a", "n", "ï", "a", "d"])
    assert line.text() == "dŵr canïad"


def test_punjabi_types_a_consonant_with_its_vowel_sign(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    keyboard, line, _ = keyboard_in_window(show, pictures, "pa")
    assert not keyboard.shift_key.isVisible()  # Gurmukhi has no capitals
    resident.type(keyboard, ["ਦ", "ਾ", "ਲ"])
    assert line.text() == "ਦਾਲ"
    sign = keyboard.key_for("ਿ")
    assert sign is not None
    assert sign.findChild(QLabel).text() == "◌ਿ"  # a lone vowel sign sits on a dotted circle
    assert sign.accessibleName() == "ਿ"
    resident.type(keyboard, ["ਸ਼"])  # a letter with its dot is one key
    assert line.text() == unicodedata.normalize("NFC", "ਦਾਲਸ਼")


def test_gurmukhi_keys_are_drawn_with_a_font_that_has_the_letters(
    qtbot: QtBot, pictures: PictureLibrary, show: Show
) -> None:
    if not any(FONTS.glob("*.ttf")):
        pytest.skip("no fonts shipped")
    keyboard, _, _ = keyboard_in_window(show, pictures, "pa")
    label = keyboard.key_for("ਕ").findChild(QLabel)
    assert "Noto Sans Gurmukhi" in label.font().families()
    assert "Noto Sans Gurmukhi" in QFontDatabase.families()
    raw = QRawFont.fromFont(label.font(), QFontDatabase.WritingSystem.Gurmukhi)
    assert raw.familyName() == "Noto Sans Gurmukhi"
    for text in reachable(layout_for("pa")):
        assert all(raw.supportsCharacter(ord(c)) for c in text if not c.isascii()), text


def test_switching_language_rebuilds_the_keys(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    theme = theme_at()
    words = words_in("en_GB")
    keyboard = OnScreenKeyboard(words=words, pictures=pictures, theme=theme)
    line = QLineEdit()
    keyboard.attach(line)
    show(theme, line, keyboard)
    assert "ł" not in keyboard.layout_in_use.all_keys()
    with pytest.raises(AssertionError):
        resident.find_key(keyboard, "ł")
    words.switch("pl")
    assert keyboard.page == 0
    assert "ł" in keyboard.layout_in_use.all_keys()
    resident.tap(resident.find_key(keyboard, "ł"))
    assert line.text() == "ł"
    words.switch("pa")
    assert keyboard.key_for("ਕ") is not None
    assert not keyboard.shift_key.isVisible()
    words.switch("en_GB")
    assert keyboard.key_for("q") is not None
    assert keyboard.shift_key.isVisible()


def test_every_key_and_control_has_words_for_a_screen_reader(
    qtbot: QtBot, pictures: PictureLibrary, show: Show
) -> None:
    keyboard, _, _ = keyboard_in_window(show, pictures)
    assert keyboard.space_key.accessibleName() == "Space"
    assert keyboard.delete_key.accessibleName() == "Delete"
    assert keyboard.done_key.accessibleName() == "Done"
    assert keyboard.shift_key.accessibleName() == "Capital letter"
    assert keyboard.page_key.accessibleName() == "Other keys: 123"
    assert keyboard.key_for("m").accessibleName() == "m"


# -- sizes: every widget, every language, 100 % and 200 % ---------------------------------


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_keyboard_page_fits_with_big_keys_well_apart(
    qtbot: QtBot,
    resident: Resident,
    pictures: PictureLibrary,
    show: Show,
    language: str,
    scale: int,
) -> None:
    theme = theme_at(scale)
    keyboard, _, window = keyboard_in_window(show, pictures, language, theme)
    problems: list[str] = []
    for page in range(keyboard.page_count):
        if page:
            resident.tap(keyboard.page_key)
        assert keyboard.page == page
        problems += [f"page {page + 1}: {p}" for p in size_problems(keyboard, window, theme)]
        for key in keyboard.visible_keys():
            box = rect_in(key, window)
            assert box.width() >= theme.metrics.min_target_px
            assert box.height() >= theme.metrics.min_target_px
    assert problems == []
    # At 1280 px a full row of 11 keys fits: 11 x 61 + 10 x 31 = 981 px at the minimum.
    assert keyboard.layout_in_use == layout_for(language)


@pytest.mark.parametrize(
    ("language", "dpi", "target", "gap"),
    [
        ("cy", 149, 94, 47),  # a 10-inch 1280 x 800 tablet: 11 x 94 + 10 x 47 = 1504 px
        ("pa", 149, 94, 47),
        ("pa", 200, 126, 63),  # big pixels: 11 x 126 + 10 x 63 = 2016 px
    ],
)
def test_a_keyboard_without_room_for_its_rows_gets_more_pages_not_smaller_keys(
    qtbot: QtBot,
    resident: Resident,
    pictures: PictureLibrary,
    show: Show,
    language: str,
    dpi: int,
    target: int,
    gap: int,
) -> None:
    theme = theme_at(dpi=dpi)
    assert (theme.metrics.min_target_px, theme.metrics.gap_px) == (target, gap)
    assert 11 * target + 10 * gap > WINDOW[0]
    keyboard, line, window = keyboard_in_window(show, pictures, language, theme)
    fitted = keyboard.layout_in_use
    assert fitted.all_keys() == layout_for(language).all_keys()
    assert len(fitted.pages) > len(layout_for(language).pages)
    assert max(len(row) for page in fitted.pages for row in page) < MAX_KEYS
    problems: list[str] = []
    for page in range(keyboard.page_count):
        if page:
            resident.tap(keyboard.page_key)
        problems += [f"page {page + 1}: {p}" for p in size_problems(keyboard, window, theme)]
    assert problems == []
    letters = ["ਕ", "ੀ"] if language == "pa" else ["d", "ŵ", "r"]
    resident.type(keyboard, letters)
    assert line.text() == "".join(letters)


def test_the_keyboard_reflows_when_its_window_narrows(
    qtbot: QtBot, pictures: PictureLibrary, show: Show
) -> None:
    theme = theme_at()
    keyboard, _, window = keyboard_in_window(show, pictures, "en_GB", theme)
    assert keyboard.layout_in_use == layout_for("en_GB")
    window.setProperty("asked_size", QSize(700, 800))
    window.resize(700, 800)
    qtbot.waitUntil(lambda: keyboard.layout_in_use != layout_for("en_GB"), timeout=2000)
    assert size_problems(keyboard, window, theme) == []
    window.resize(*WINDOW)
    qtbot.waitUntil(lambda: keyboard.layout_in_use == layout_for("en_GB"), timeout=2000)


@pytest.mark.parametrize("palette", [STANDARD, HIGH_CONTRAST], ids=["standard", "high"])
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language", ["en_GB", "pa"])
def test_faces_and_pin_pad_fit_with_big_buttons_well_apart(
    qtbot: QtBot, pictures: PictureLibrary, show: Show, language: str, scale: int, palette: Palette
) -> None:
    theme = theme_at(scale, palette)
    words = words_in(language)
    for scale_of_faces in (3, 5):
        faces = FaceChoice(words=words, pictures=pictures, theme=theme, scale=scale_of_faces)
        faces.set_chosen(2)
        window = show(theme, faces)
        assert size_problems(faces, window, theme) == []
    pad = PinPad(words=words, pictures=pictures, theme=theme)
    window = show(theme, pad)
    pad.set_message("That PIN did not match. Please try again.")
    qtbot.wait(10)
    assert size_problems(pad, window, theme) == []
    assert rect_in(pad, window).bottom() < WINDOW[1]


def test_a_new_theme_resizes_the_keys(qtbot: QtBot, pictures: PictureLibrary, show: Show) -> None:
    keyboard, _, window = keyboard_in_window(show, pictures)
    small = rect_in(keyboard.key_for("q"), window).height()
    big = theme_at(200, HIGH_CONTRAST)
    window.setStyleSheet(big.stylesheet())
    keyboard.apply_theme(big)
    qtbot.wait(10)
    assert rect_in(keyboard.key_for("q"), window).height() > small
    assert size_problems(keyboard, window, big) == []


def test_a_keyboard_that_is_gone_ignores_a_language_switch(
    qtbot: QtBot, pictures: PictureLibrary
) -> None:
    words = words_in("en_GB")
    keyboard = OnScreenKeyboard(words=words, pictures=pictures, theme=theme_at())
    keyboard.deleteLater()
    qtbot.wait(10)
    del keyboard
    words.switch("pl")  # Words keeps its listeners; a deleted keyboard must not break it
    assert words.language == "pl"


def test_a_text_box_that_is_gone_is_let_go(
    qtbot: QtBot, resident: Resident, pictures: PictureLibrary, show: Show
) -> None:
    keyboard, line, _ = keyboard_in_window(show, pictures)
    typed: list[str] = []
    keyboard.text_typed.connect(typed.append)
    line.deleteLater()
    qtbot.wait(10)
    resident.tap(keyboard.key_for("a"))
    resident.tap(keyboard.delete_key)
    assert typed == ["a"]


def test_a_grid_fitted_to_its_height_shows_more_when_taller_and_never_squeezes(
    qtbot: QtBot, pictures: PictureLibrary
) -> None:
    theme = theme_at(200)
    grid = ChoiceGrid(words=words_in(), pictures=pictures, theme=theme, columns=1, horizontal=True)
    grid.set_choices(
        [
            Choice(f"dish{n}", "fish", f"Dish number {n}", "2 people asked for this")
            for n in range(9)
        ]
    )
    grid.fit_rows_to_height(4)
    window = QWidget()
    window.setStyleSheet(theme.stylesheet())
    QVBoxLayout(window).addWidget(grid)
    qtbot.addWidget(window)
    shown: dict[int, int] = {}
    for height in (320, 800, 2000, 320):
        window.resize(1280, height)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(10)
        shown[height] = len(grid.buttons)
        assert grid.per_page == len(grid.buttons)
        for button in grid.buttons.values():  # each at least as tall as its words need
            assert button.height() >= button.minimumSizeHint().height()
            assert button.geometry().bottom() <= grid.height()
    assert shown[320] == 1 and shown[800] > 1
    assert shown[2000] == 4  # never more than asked, however tall
    assert grid.page == 0 and grid.pages == 9
