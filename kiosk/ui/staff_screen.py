"""What every staff screen shares: who is signed in, plain-words problems, a keyboard.

Staff screens are reached only after a staff PIN, but the services check every right
again themselves: a screen calls a service with :meth:`StaffScreen.actor` and shows the
service's "not allowed" in words if it says no. Staff type on the same touch screen as
residents, so a big on-screen keyboard rises under the form while a text box has focus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar, TypeVar

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kiosk.domain.access import Actor
from kiosk.domain.errors import KioskError, NotAllowedError, ValidationError
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.on_screen_keyboard import OnScreenKeyboard
from kiosk.ui.widgets.words_label import WordsLabel

T = TypeVar("T")

SignedInStaff = Callable[[], Actor | None]


class StaffScreen(Screen):
    """A staff task. Subclasses add their widgets to :attr:`content` (it scrolls)."""

    resident_facing = False
    #: The fields the services name in their refusals, with the words staff see above each
    #: (marked with ``N_``).
    fields: ClassVar[Mapping[str, str]] = {}

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._signed_in = signed_in
        self.problem = WordsLabel()
        self.problem.setProperty("role", "banner")
        self.problem.setWordWrap(True)
        self.problem.hide()

        inner = QWidget()
        inner.setObjectName("content")
        self.content = QVBoxLayout(inner)
        self.content.setContentsMargins(0, 0, 0, 0)
        self.content.setSpacing(theme.metrics.gap_px // 2)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(inner)

        self.keyboard = OnScreenKeyboard(words=words, pictures=pictures, theme=theme)
        self.keyboard.done.connect(self._on_keyboard_done)
        self.keyboard.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.metrics.gap_px // 2)
        layout.addWidget(self.problem)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.keyboard)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    # -- who is signed in ------------------------------------------------------------------

    def actor(self) -> Actor:
        """The signed-in member of staff; "not allowed" if nobody is."""
        actor = self._signed_in()
        if actor is None or not actor.is_staff:
            raise NotAllowedError(N_("Please sign in as staff first."))
        return actor

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a service call; a refusal or a problem is shown in words, not raised."""
        try:
            result = action()
        except KioskError as error:
            self.show_problem(error.text(self.words.gettext))
            return None
        self.show_problem("")
        return result

    def _attempt_form(self, action: Callable[[], T]) -> T | None:
        """Like :meth:`attempt`; a refusal about one field of a form names the field
        ("Question: …", see :meth:`_field_words`). What was typed and chosen stays as it
        was, to put right and try again."""
        refused_field: list[str] = []

        def run() -> T:
            try:
                return action()
            except ValidationError as refused:
                refused_field.append(refused.field)
                raise

        result = self.attempt(run)
        if result is None and refused_field:
            field = self._field_words(refused_field[0])
            if field:
                self.show_problem(
                    self.words.gettext("{field}: {problem}").format(
                        field=field, problem=self.problem.text()
                    )
                )
        return result

    def _field_words(self, field: str) -> str:
        """The words staff see above ``field`` on the form ("" for none): :attr:`fields`."""
        words = self.fields.get(field)
        return self.words.gettext(words) if words else ""

    def show_problem(self, text: str) -> None:
        """Words at the top of the screen ("" hides them)."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def refresh(self) -> None:
        self.show_problem("")
        self._on_keyboard_done()

    def retranslate(self) -> None:
        self.keyboard.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.keyboard.apply_theme(theme)

    # -- building and scrolling ------------------------------------------------------------

    def _big(self, picture: str | None = None, *, small: bool = True) -> BigButton:
        """A button with its picture beside its words (set them with ``set_words``)."""
        return BigButton(
            picture, "", pictures=self.pictures, theme=self.theme, horizontal=True, small=small
        )

    def _stack_pages(self, *pages: QWidget) -> None:
        """Pages one above the other in :attr:`content`, a gap apart: show one at a time."""
        self.content.setSpacing(self.theme.metrics.gap_px)
        for page in pages:
            self.content.addWidget(page)
        self.content.addStretch(1)

    def _scroll_to_top_of(self, widget: QWidget, margin: int) -> None:
        """Bring a part just shown into sight, its top ``margin`` below the top of the view
        (its place is known once the layout has run)."""

        def scroll() -> None:
            inner = self.scroll.widget()
            if widget.isVisible() and inner.isAncestorOf(widget):
                top = widget.mapTo(inner, QPoint(0, 0)).y()
                self.scroll.verticalScrollBar().setValue(top - margin)

        QTimer.singleShot(0, self, scroll)

    # -- typing ----------------------------------------------------------------------------

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit) and self.isAncestorOf(new) and not new.isReadOnly():
            self.keyboard.attach(new)
            # The form keeps room for the field being typed in and its label, no more:
            # the rest goes to the keyboard, so big text still gets every row of keys.
            above = round(self.theme.metrics.body_px * 1.5)
            self.scroll.setMinimumHeight(new.sizeHint().height() + above)
            self.keyboard.show()
            # Once the keyboard has taken its room, bring the field (and its label) into view.
            QTimer.singleShot(0, self, lambda: self._bring_into_view(new, above))

    def _bring_into_view(self, field: QLineEdit, above: int) -> None:
        if isValid(field) and self.keyboard.isVisible() and self.isAncestorOf(field):
            top = field.mapTo(self.scroll.widget(), QPoint(0, 0)).y()
            self.scroll.verticalScrollBar().setValue(top - above)

    def _on_keyboard_done(self) -> None:
        self.keyboard.attach(None)
        self.keyboard.hide()
        self.scroll.setMinimumHeight(0)


def field_label(text: str = "") -> QLabel:
    """A label above a form field."""
    label = WordsLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("font-weight: bold;")
    return label
