"""Who are you? Faces (photo or initials) with big names, six to a page."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.residents import Resident
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.face_tile import FaceTile

MAX_PAGE_SIZE = 6  # never more than six choices at a time
COLUMNS = 3


class ResidentDirectory(Protocol):
    def list_active(self) -> Sequence[Resident]: ...
    def photo(self, resident_id: int) -> bytes | None: ...


class WhoScreen(Screen):
    name = "who"
    resident_chosen = Signal(int)

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        residents: ResidentDirectory,
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._residents = residents
        self._people: list[Resident] = []
        self._photos: dict[int, bytes | None] = {}  # read when first shown, kept until refresh
        self.page = 0
        self._shown_page_size = MAX_PAGE_SIZE
        self.prompt = QLabel()
        self.prompt.setProperty("role", "heading")
        self.prompt.setWordWrap(True)
        self._faces_host = QWidget()
        self._faces = QGridLayout(self._faces_host)
        self._faces.setContentsMargins(0, 0, 0, 0)
        self._faces.setSpacing(theme.metrics.gap_px)
        for column in range(COLUMNS):
            self._faces.setColumnStretch(column, 1)
        self.previous_button = BigButton(None, "", pictures=pictures, theme=theme)
        self.next_button = BigButton(None, "", pictures=pictures, theme=theme)
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button.tapped.connect(lambda: self._turn(-1))
        self.next_button.tapped.connect(lambda: self._turn(+1))
        pager = QHBoxLayout()
        pager.setSpacing(theme.metrics.gap_px)
        pager.addWidget(self.previous_button, 1)
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.next_button, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addWidget(self.prompt)
        layout.addWidget(self._faces_host, 1)
        layout.addLayout(pager)
        self.retranslate()

    @property
    def page_size(self) -> int:
        """Six faces in two rows when they fit; three in one row at large text on a small screen."""
        rows = 2 if self.height() >= self._height_for_rows(2) else 1
        return COLUMNS * rows

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self._people) / self.page_size))

    def _height_for_rows(self, rows: int) -> int:
        gap = self.theme.metrics.gap_px
        tile = FaceTile.height_for(self.theme)
        prompt = self.prompt.heightForWidth(max(1, self.width())) or self.prompt.sizeHint().height()
        pager = self.next_button.sizeHint().height()
        return prompt + rows * tile + (rows - 1) * gap + pager + 2 * gap

    def title(self) -> str:
        return self.words.gettext("Who are you?")

    def refresh(self) -> None:
        self._people = list(self._residents.list_active())
        self._photos.clear()  # a photo may have changed since
        self.page = min(self.page, self.pages - 1)
        self._show_page()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._show_page()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._shown_page_size != self.page_size:
            first_shown = self.page * self._shown_page_size
            self.page = first_shown // self.page_size
            self._show_page()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.prompt.setText(gettext("Touch your name."))
        self.previous_button.set_words(gettext("‹ Back a page"))
        self.next_button.set_words(gettext("More names ›"))
        self.page_label.setText(
            gettext("Page {page} of {pages}").format(page=self.page + 1, pages=self.pages)
        )

    def visible_faces(self) -> list[FaceTile]:
        return self._faces_host.findChildren(FaceTile)

    def _photo_of(self, resident: Resident) -> bytes | None:
        """Only residents with a photo cost a read, and each only once until the next refresh."""
        if not resident.has_photo:
            return None
        if resident.id not in self._photos:
            self._photos[resident.id] = self._residents.photo(resident.id)
        return self._photos[resident.id]

    def _turn(self, step: int) -> None:
        self.page = max(0, min(self.pages - 1, self.page + step))
        self._show_page()

    def _show_page(self) -> None:
        for tile in self.visible_faces():
            self._faces.removeWidget(tile)
            tile.deleteLater()
            tile.setParent(None)
        size = self._shown_page_size = self.page_size
        self.page = min(self.page, self.pages - 1)
        start = self.page * size
        for index, resident in enumerate(self._people[start : start + size]):
            tile = FaceTile(resident, theme=self.theme, photo=self._photo_of(resident))
            tile.tapped.connect(lambda rid=resident.id: self.resident_chosen.emit(rid))
            self._faces.addWidget(tile, index // COLUMNS, index % COLUMNS)
        many = self.pages > 1
        for widget in (self.previous_button, self.next_button, self.page_label):
            widget.setVisible(many)
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.pages - 1)
        self.retranslate()
