"""What the staff screens for a catalogue of things (dishes, residents) share: a list of
the things, and an editor for one of them.

The list page shows words after a change, the Add button (and any the screen puts beside
it), words for when there is nothing yet, and a row for each thing: touching a row opens
it in the editor page. The editor begins with the way back to the list, then the thing's
picture beside its name, with the buttons for its photo. Save stays in sight under the
form, and steps aside while the on-screen keyboard is up. A refusal about one field of
the form names the field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.touch_button import TouchButton

T = TypeVar("T")


class ListAndEditorScreen(StaffScreen):
    """A list of things and an editor for one. A subclass sets up its own state, then calls
    :meth:`_build_pages`; it builds its pages in :meth:`_build_list_page` (with
    :meth:`_lay_out_list`) and :meth:`_build_editor_page` (with :meth:`_begin_editor`)."""

    #: Words after a change, above the list: the subclass makes it, in its own style.
    list_notice: QLabel
    #: Asks staff for a photo file (the subclass sets it): its bytes, or None for none.
    _choose_photo: Callable[[], bytes | None]

    def __init__(
        self, *, words: Words, pictures: PictureLibrary, theme: Theme, signed_in: SignedInStaff
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self.editing = False  # True while the editor page is shown
        self.rows: list[TouchButton] = []

    # -- building --------------------------------------------------------------------------

    def _build_pages(self) -> None:
        """Build the list page and the editor page, one above the other (the list shows
        first), and Save under them."""
        self.list_page = QWidget()
        self.editor_page = QWidget()
        self._build_list_page()
        self._build_editor_page()
        self._build_save_bar()
        self._stack_pages(self.list_page, self.editor_page)
        self.editor_page.hide()

    def _build_list_page(self) -> None:
        raise NotImplementedError

    def _build_editor_page(self) -> None:
        raise NotImplementedError

    def _lay_out_list(self, top: QLayout, empty: QLabel) -> None:
        """The list page: :attr:`list_notice`, ``top`` (the Add button and any others),
        ``empty`` (shown while there is nothing to list), then the rows."""
        self._rows_host = QWidget()
        self._rows = QGridLayout(self._rows_host)
        self._rows.setContentsMargins(0, 0, 0, 0)
        layout = form.column(self.list_page, self.theme.metrics.gap_px)
        layout.addWidget(self.list_notice)
        layout.addLayout(top)
        layout.addWidget(empty)
        layout.addWidget(self._rows_host)

    def _begin_editor(self, picture: QLabel, notice: QLabel) -> QVBoxLayout:
        """The editor page's column, begun: the button back to the list, then ``picture``
        beside the name (:attr:`heading`), ``notice`` (that it is archived, say),
        :attr:`later_label` (what can be done once it is saved) and the photo's buttons.
        The rest of the form goes into the column returned."""
        gap = self.theme.metrics.gap_px
        layout = form.column(self.editor_page, gap)
        self.back_to_list_button = self._big("back")
        self.back_to_list_button.tapped.connect(self._on_back_to_list_button_tapped)
        top = QHBoxLayout()
        top.addWidget(self.back_to_list_button)
        top.addStretch(1)
        layout.addLayout(top)

        self.heading = form.plain_label()
        self.heading.setProperty("role", "title")
        self.later_label = QLabel()
        self.later_label.setWordWrap(True)
        self.choose_photo_button = self._big("photo-album")
        self.choose_photo_button.tapped.connect(self._on_choose_photo_button_tapped)
        self.remove_photo_button = self._big("cross")
        self.remove_photo_button.tapped.connect(self._on_remove_photo_button_tapped)
        about = QVBoxLayout()
        about.setSpacing(gap // 2)
        about.addWidget(self.heading)
        about.addWidget(notice)
        about.addWidget(self.later_label)
        about.addLayout(form.row_of([self.choose_photo_button, self.remove_photo_button], gap))
        about.addStretch(1)
        who = QHBoxLayout()
        who.setSpacing(gap)
        who.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        who.addLayout(about, 1)
        layout.addLayout(who)
        return layout

    def _build_save_bar(self) -> None:
        """Save, and :attr:`saved_label` beside it: always in sight under the form. While the
        keyboard is up, Save steps aside: no Save right beside the keys, and more room for
        the form. "Done" on the keyboard brings it back."""
        gap = self.theme.metrics.gap_px
        self.save_button = self._big("check", small=False)
        self.save_button.tapped.connect(self._on_save_button_tapped)
        self.saved_label = QLabel()
        self.saved_label.setProperty("role", "heading")
        self.saved_label.setWordWrap(True)
        self.save_bar = QWidget()
        save_row = QHBoxLayout(self.save_bar)
        save_row.setContentsMargins(0, gap // 2, 0, 0)  # a full gap from the form's buttons
        save_row.setSpacing(gap)
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_label, 1)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(outer.indexOf(self.scroll) + 1, self.save_bar)
        self.save_bar.hide()
        self.keyboard.installEventFilter(self)

    # -- what the window uses ----------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.choose_photo_button.set_words(gettext("Choose a photo"))
        self.remove_photo_button.set_words(gettext("Remove photo"))
        self.save_button.set_words(gettext("Save"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.keyboard and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._show_save_bar()
        return super().eventFilter(watched, event)

    def _show_save_bar(self) -> None:
        self.save_bar.setVisible(self.editing and not self.keyboard.isVisible())

    # -- the list and the editor -----------------------------------------------------------

    def _show_list(self, notice: str = "") -> None:
        """The list, read again, with ``notice`` above it ("" for none)."""
        raise NotImplementedError

    def _fill_list(self) -> None:
        """The rows again, for the things last read (see :meth:`_show_rows`)."""
        raise NotImplementedError

    def _open(self, item_id: int) -> None:
        """A row was touched: the editor for that thing."""
        raise NotImplementedError

    def _show_list_page(self, notice: str) -> None:
        """The list page in place of the editor, filled again, with ``notice`` above it
        ("" for none), from its top."""
        self.list_notice.setText(notice)
        self.list_notice.setVisible(bool(notice))
        self._fill_list()
        self.editor_page.hide()
        self._show_save_bar()
        self.list_page.show()
        self.scroll.verticalScrollBar().setValue(0)

    def _show_rows(self, rows: Iterable[tuple[int, TouchButton]]) -> None:
        """These rows in place of those shown, two to a line (one at large text). Each comes
        with the id that touching it opens."""
        for row in self.rows:
            self._rows.removeWidget(row)
            discard(row)
        self.rows = []
        columns = 1 if self.theme.metrics.scale >= 1.5 else 2
        for index, (item_id, row) in enumerate(rows):
            row.tapped.connect(lambda item_id=item_id: self._open(item_id))
            self._rows.addWidget(row, index // columns, index % columns)
            self.rows.append(row)
        for column in range(2):
            self._rows.setColumnStretch(column, 1 if column < columns else 0)

    def _show_editor_page(self, saved: str) -> None:
        """The editor page in place of the list, with ``saved`` beside Save ("" for none)."""
        self.saved_label.setText(saved)
        self.list_page.hide()
        self.editor_page.show()
        self._show_save_bar()

    def _on_back_to_list_button_tapped(self) -> None:
        self.show_problem("")
        self._show_list()

    # -- saving and the photo --------------------------------------------------------------

    def _on_save_button_tapped(self) -> None:
        raise NotImplementedError

    def _attempt_form(self, action: Callable[[], T]) -> T | None:
        """As :meth:`StaffScreen._attempt_form`; a refusal also takes away "Saved"."""
        result = super()._attempt_form(action)
        if result is None:
            self.saved_label.setText("")
        return result

    def _photo_from_file(self) -> bytes | None:
        """A photo chosen from a file; None if they changed their mind, or if it could not
        be read (then they are told)."""
        try:
            return self._choose_photo()
        except OSError:  # a card taken out, a file that vanished
            self.show_problem(self.words.gettext("We could not read that file. Please try again."))
            return None

    def _on_choose_photo_button_tapped(self) -> None:
        raise NotImplementedError

    def _on_remove_photo_button_tapped(self) -> None:
        raise NotImplementedError


class ListRow(TouchButton):
    """One thing in the list, all one button: its picture, then its name over a line of
    details. A subclass makes the parts, then puts them in place with :meth:`_lay_out`."""

    MARGIN = 10

    def __init__(self) -> None:
        super().__init__("")
        self.setProperty("role", "quiet")

    def _lay_out(self, picture: QLabel, name: QLabel, detail: QLabel) -> None:
        """Put the parts in place; touches go through them to the row."""
        for child in (picture, name, detail):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(name)
        text.addWidget(detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(self.MARGIN, self.MARGIN, self.MARGIN, self.MARGIN)
        layout.setSpacing(self.MARGIN * 2)
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(text, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.refresh_words_tone()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().minimumSize()
