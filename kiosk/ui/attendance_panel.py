"""Who came to an activity: every resident's face (photo or initials) and name, touched to
tick. A ticked face shows more than colour: a thick edge and a tick before the name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.residents import Resident
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.face_tile import initials_avatar, photo_avatar
from kiosk.ui.widgets.touch_button import TouchButton


class AttendancePanel(QWidget):
    save_chosen = Signal()

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self.words = words
        self.theme = theme
        self.ticked: set[int] = set()
        self.people: dict[int, _Attendee] = {}
        self._residents: list[Resident] = []
        self._photos: Mapping[int, bytes | None] = {}
        self.heading = form.section_heading()
        self.count_label = form.plain_label()
        self.nobody_label = form.plain_label()
        self._grid = QGridLayout()
        self.save_button = BigButton(
            "check", "", pictures=pictures, theme=theme, horizontal=True, small=True
        )
        self.save_button.tapped.connect(self.save_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.count_label)
        layout.addWidget(self.nobody_label)
        layout.addLayout(self._grid)
        layout.addLayout(form.row_of([self.save_button], theme.metrics.gap_px))
        self.arrange(theme)

    def arrange(self, theme: Theme) -> None:
        self.theme = theme
        self.layout().setSpacing(theme.metrics.gap_px)
        self._fill()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.heading.setText(gettext("Who came? Touch each resident who was there."))
        self.nobody_label.setText(gettext("There are no residents to choose from."))
        self.save_button.set_words(gettext("Save who came"))
        self._count()

    def show_residents(
        self,
        residents: Sequence[Resident],
        photos: Mapping[int, bytes | None],
        ticked: Iterable[int],
    ) -> None:
        """Every resident, those in ``ticked`` already ticked."""
        self._residents = list(residents)
        self._photos = photos
        known = {resident.id for resident in self._residents}
        self.ticked = {resident_id for resident_id in ticked if resident_id in known}
        self._fill()

    def _fill(self) -> None:
        for person in self.people.values():
            self._grid.removeWidget(person)
            discard(person)
        self.people = {}
        columns = 2 if self.theme.metrics.scale >= 1.5 else 4
        for index, resident in enumerate(self._residents):
            person = _Attendee(resident, self._photos.get(resident.id), theme=self.theme)
            person.show_ticked(resident.id in self.ticked)
            person.tapped.connect(lambda resident_id=resident.id: self._toggle(resident_id))
            self.people[resident.id] = person
            self._grid.addWidget(person, index // columns, index % columns)
        for column in range(4):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self._grid.setSpacing(self.theme.metrics.gap_px)
        self.nobody_label.setVisible(not self._residents)
        self._count()

    def _toggle(self, resident_id: int) -> None:
        if resident_id in self.ticked:
            self.ticked.discard(resident_id)
        else:
            self.ticked.add(resident_id)
        self.people[resident_id].show_ticked(resident_id in self.ticked)
        self._count()

    def _count(self) -> None:
        count = len(self.ticked)
        self.count_label.setText(
            self.words.ngettext(
                "{count} resident ticked.", "{count} residents ticked.", count
            ).format(count=count)
            if count
            else self.words.gettext("Nobody ticked yet.")
        )


class _Attendee(TouchButton):
    """A resident's face and name; touched, it is ticked (or not)."""

    MARGIN = 8

    def __init__(self, resident: Resident, photo: bytes | None, *, theme: Theme) -> None:
        super().__init__("")
        self.resident_id = resident.id
        self.name = resident.preferred_name
        self.setProperty("role", "quiet")
        size = max(theme.metrics.min_target_px, theme.metrics.small_picture_px)
        face = QLabel()
        face.setPixmap(
            photo_avatar(photo, size, theme) or initials_avatar(resident.initials, size, theme)
        )
        face.setFixedSize(size, size)
        self.name_label = form.plain_label()
        for child in (face, self.name_label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(self.MARGIN, self.MARGIN, self.MARGIN, self.MARGIN)
        layout.setSpacing(4)
        layout.addWidget(face, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.name_label)
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(self.name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.ticked = False

    def show_ticked(self, ticked: bool) -> None:
        self.ticked = ticked
        self.set_chosen(ticked)
        self.name_label.setText(BigButton.CHOSEN_MARK + self.name if ticked else self.name)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().minimumSize()
