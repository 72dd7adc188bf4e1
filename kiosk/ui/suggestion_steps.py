"""The steps every suggestion screen shares (a meal; an idea for something to do or for
the home): last time's unfinished idea offered back, typing with "me too" offers under the
box, hearing it read back before Send, and the thank-you. Each screen adds its own choices
and its own words; these parts keep the screens alike for the resident."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.typing_panel import TypingPanel
from kiosk.ui.widgets.words_label import WordsLabel

Gettext = Callable[[str], str]

SIMILAR_SHOWN = 2  # "me too" offers under the box while typing
TYPED_BEFORE_OFFERS = 3  # letters typed before ideas like them are offered


def prompt_label() -> QLabel:
    """The question above a step's choices."""
    label = WordsLabel()
    label.setProperty("role", "heading")
    label.setWordWrap(True)
    return label


def problem_label() -> QLabel:
    """Plain words when something cannot be done; hidden until there are some."""
    label = WordsLabel()
    label.setProperty("role", "banner")
    label.setWordWrap(True)
    label.hide()
    return label


class DraftOffer(QWidget):
    """Last time's unfinished idea: carry on with it, or start again."""

    def __init__(self, *, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self.carry_on_button = BigButton("yes", "", large=True, pictures=pictures, theme=theme)
        self.start_again_button = BigButton("no", "", large=True, pictures=pictures, theme=theme)
        row = QHBoxLayout(self)
        row.setSpacing(theme.metrics.gap_px)
        row.addWidget(self.carry_on_button)
        row.addWidget(self.start_again_button)
        self.apply_theme(theme)

    def retranslate(self, gettext: Gettext) -> None:
        self.carry_on_button.set_words(gettext("Yes, carry on"))
        self.start_again_button.set_words(gettext("No, start again"))

    def apply_theme(self, theme: Theme) -> None:
        fit_big_pictures(theme, self.carry_on_button, self.start_again_button)


class ReadBack(QWidget):
    """Hear it back: the picture beside the words, then "Say why" (and any ``extras``, such
    as dietary needs) and a big "Send it" in one row, so the page fits at large text. When
    the resident is backing someone else's idea, Send says "Me too" and the extras go."""

    def __init__(
        self,
        *,
        pictures: PictureLibrary,
        theme: Theme,
        extras: Sequence[tuple[BigButton, int]] = (),
    ) -> None:
        super().__init__()
        self._pictures = pictures
        self._extras = [button for button, _ in extras]
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = WordsLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.send_button = BigButton("yes", "", horizontal=True, pictures=pictures, theme=theme)
        self.why_button = BigButton(
            "talk", "", horizontal=True, small=True, pictures=pictures, theme=theme
        )
        top = QHBoxLayout()
        top.setSpacing(theme.metrics.gap_px)
        top.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.summary, 1)
        actions = QHBoxLayout()
        actions.setSpacing(theme.metrics.gap_px)
        actions.addWidget(self.why_button, 2)
        for button, stretch in extras:
            actions.addWidget(button, stretch)
        actions.addWidget(self.send_button, 3)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.metrics.gap_px)
        column.addLayout(top, 1)
        column.addLayout(actions)

    def retranslate(self, gettext: Gettext) -> None:
        self.why_button.set_words(gettext("Say why"))

    def show_words(self, summary: str, *, supporting: bool, gettext: Gettext) -> None:
        self.summary.setText(summary)
        self.send_button.set_words(gettext("Me too") if supporting else gettext("Send it"))
        for button in (self.why_button, *self._extras):
            button.setVisible(not supporting)

    def show_picture(self, picture: str | None, words: str, theme: Theme) -> None:
        """The picture, twice the usual size while the text is small enough to leave room."""
        size = theme.metrics.picture_px * (2 if theme.metrics.scale < 1.5 else 1)
        self.picture.setPixmap(self._pictures.pixmap(picture, size, words, theme.palette))


class ThankYou(QWidget):
    """Sent: calm words saying what happens next, then another idea, or Home. Big pictures
    above the words; at large text, beside them, so the words keep their room."""

    another_chosen = Signal()
    home_chosen = Signal()

    def __init__(self, another_picture: str, *, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self._another_picture = another_picture
        self._pictures = pictures
        self.thanks = WordsLabel()
        self.thanks.setWordWrap(True)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(theme.metrics.gap_px)
        self._large_text = _is_large_text(theme)
        self.another_button, self.home_button = self._make_buttons(theme, ("", ""))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.metrics.gap_px)
        column.addWidget(self.thanks)
        column.addStretch(1)
        column.addLayout(self._buttons)

    def retranslate(self, gettext: Gettext, another: str) -> None:
        self.another_button.set_words(another)
        self.home_button.set_words(gettext("Home"))

    def apply_theme(self, theme: Theme) -> None:
        if _is_large_text(theme) == self._large_text:
            return
        self._large_text = _is_large_text(theme)
        words = (self.another_button.words, self.home_button.words)
        for old in (self.another_button, self.home_button):
            self._buttons.removeWidget(old)
            discard(old)
        self.another_button, self.home_button = self._make_buttons(theme, words)

    def _make_buttons(self, theme: Theme, words: tuple[str, str]) -> tuple[BigButton, BigButton]:
        kit = {"pictures": self._pictures, "theme": theme}
        style = {"large": not self._large_text, "horizontal": self._large_text}
        another = BigButton(self._another_picture, words[0], **kit, **style)
        another.tapped.connect(self.another_chosen)
        home = BigButton("home", words[1], **kit, **style)
        home.tapped.connect(self.home_chosen)
        self._buttons.addWidget(another)
        self._buttons.addWidget(home)
        return another, home


def _is_large_text(theme: Theme) -> bool:
    return theme.metrics.scale >= 1.5


def fit_big_pictures(theme: Theme, *buttons: BigButton) -> None:
    """Big pictures while the text is small; smaller ones at large text, so the words
    above them keep their room on a small screen."""
    for button in buttons:
        button.set_size(small=_is_large_text(theme))


@dataclass(frozen=True, slots=True)
class SupportOffer:
    """An idea like the one being typed, offered under the box: "… Add your support?"."""

    picture: str | None
    words: str
    chosen: Callable[[], None]


def show_support_offers(
    panel: TypingPanel,
    offers: Sequence[SupportOffer],
    *,
    pictures: PictureLibrary,
    theme: Theme,
) -> None:
    """Put ``offers`` under the box in place of any shown before (none: the question comes
    back)."""
    while panel.hints.count():
        item = panel.hints.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            discard(widget)
    panel.hints.setSpacing(theme.metrics.gap_px)  # offers are targets: a full gap apart
    for offer in offers:
        button = BigButton(
            offer.picture or "idea",
            offer.words,
            pictures=pictures,
            theme=theme,
            horizontal=True,
            small=True,
        )
        button.tapped.connect(offer.chosen)
        panel.hints.addWidget(button)
    panel.show_hints(bool(offers))


def worth_offering(typed: str) -> bool:
    """Enough has been typed to look for ideas like it."""
    return len(typed.strip()) >= TYPED_BEFORE_OFFERS


def typing_problem(typed: str, *, limit: int, gettext: Gettext, empty: str) -> str:
    """Why what was typed cannot be used yet, in words (``empty`` when nothing was typed);
    "" when it can. What was typed stays in the box either way."""
    if not typed.strip():
        return empty
    if len(typed) > limit:
        return too_long(gettext, limit)
    return ""


def too_long(gettext: Gettext, limit: int) -> str:
    return gettext("This is too long. Please keep it under {limit} letters.").format(limit=limit)
