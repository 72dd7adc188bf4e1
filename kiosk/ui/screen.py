"""What every screen shares: its words, pictures and theme, and how it is read aloud."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

# A widget with this property set to True is left out of "Read this to me", with all that
# is inside it: the on-screen keyboard's letter keys, which would otherwise be read one by
# one ("Q, W, E, R, T…") before the choices that matter. Each key keeps its accessible
# name, for screen readers and for saying its letter on a long press.
NOT_READ_ALOUD = "not_read_aloud"


class Screen(QWidget):
    """One task on one screen. Subclasses set ``name`` and fill in ``retranslate``."""

    name: ClassVar[str]
    resident_facing: ClassVar[bool] = True
    title_room_changed = Signal()  # ask the window to check ``title_can_give_way`` again

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self.setObjectName("screen")
        self.words = words
        self.pictures = pictures
        self.theme = theme

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every word on the screen in the current language."""

    def refresh(self) -> None:
        """Called each time the screen is shown: read fresh data."""

    def step_back(self) -> bool:
        """Back was tapped: go one step back within this screen and say True, or say False
        to leave the screen (most screens have one step)."""
        return False

    def keep_unfinished(self) -> None:
        """The person is being signed out (nobody touched the screen for a while): keep
        anything half-entered for them (a suggestion as a draft), so nothing is lost."""

    def forget_person(self) -> None:
        """The resident has gone: drop anything private shown for them (a care plan), so
        it does not wait in a hidden screen for the next person."""

    def title_can_give_way(self) -> bool:
        """True while this screen needs every line of its height (a question, a box and a
        keyboard): the window then leaves the title out when it would take a line of its
        own. The title is still the first thing read aloud."""
        return False

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        for button in self.findChildren(BigButton):
            button.set_theme(theme)

    def reading_order(self) -> list[str]:
        """The words to read aloud: the title, then the content, then the choices."""
        return [words for _, words in self.reading_items()]

    def reading_items(self) -> list[tuple[QWidget | None, str]]:
        """Each thing to read with the widget that shows it (None for the title, shown above)."""
        content: list[tuple[QWidget | None, str]] = []
        choices: list[tuple[QWidget | None, str]] = []
        for widget in self.findChildren(QWidget):
            if not widget.isVisibleTo(self) or _left_unread(widget, self):
                continue
            if isinstance(widget, QAbstractButton) and widget.accessibleName():
                if widget.isEnabled():
                    choices.append((widget, widget.accessibleName()))
            elif isinstance(widget, QLabel) and widget.text() and not _inside_button(widget):
                content.append((widget, widget.text()))
        return [(None, self.title()), *content, *choices]


def _inside_button(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractButton):
            return True
        parent = parent.parentWidget()
    return False


def _left_unread(widget: QWidget, screen: QWidget) -> bool:
    """True for a widget inside a part marked :data:`NOT_READ_ALOUD` (or that part)."""
    part: QWidget | None = widget
    while part is not None and part is not screen:
        if part.property(NOT_READ_ALOUD):
            return True
        part = part.parentWidget()
    return False
