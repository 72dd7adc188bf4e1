"""How was it? Three faces in a row (or five), each a picture with its words.

The chosen face is shown by more than colour: a thick edge, and a tick before its words
("✓ Good"). :attr:`face_chosen` says 1 (the saddest) up to 3 or 5 (the happiest).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

SCALES = (3, 5)
PICTURES = {
    3: ("face-sad", "face-neutral", "face-happy"),
    5: ("face-very-sad", "face-sad", "face-neutral", "face-happy", "face-very-happy"),
}


class FaceChoice(QWidget):
    face_chosen = Signal(int)

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        scale: int = 3,
        parent: QWidget | None = None,
    ) -> None:
        if scale not in SCALES:
            raise ValueError(f"a face scale has 3 or 5 faces, not {scale}")
        super().__init__(parent)
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self.scale = scale
        self._chosen: int | None = None
        # As tall as the faces and their words need; a screen puts its room elsewhere.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.buttons: dict[int, BigButton] = {}
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(theme.metrics.gap_px)
        for value, picture in enumerate(PICTURES[scale], start=1):
            button = BigButton(picture, "", pictures=pictures, theme=theme, large=True)
            button.tapped.connect(lambda value=value: self._on_face_tapped(value))
            self.buttons[value] = button
            self._row.addWidget(button, 1)
        self.retranslate()

    @property
    def chosen(self) -> int | None:
        return self._chosen

    def set_chosen(self, value: int | None) -> None:
        if value is not None and value not in self.buttons:
            raise ValueError(f"no face {value} on a scale of {self.scale}")
        self._chosen = value
        for face, button in self.buttons.items():
            button.set_chosen(face == value)

    def retranslate(self) -> None:
        if self.scale == 3:
            names = [
                self.words.gettext("Not good"),
                self.words.gettext("All right"),
                self.words.gettext("Good"),
            ]
        else:
            names = [
                self.words.gettext("Very bad"),
                self.words.gettext("Not good"),
                self.words.gettext("All right"),
                self.words.gettext("Good"),
                self.words.gettext("Very good"),
            ]
        for button, name in zip(self.buttons.values(), names, strict=True):
            button.set_words(name)

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._row.setSpacing(theme.metrics.gap_px)
        for button in self.buttons.values():
            button.set_theme(theme)

    def _on_face_tapped(self, value: int) -> None:
        self.set_chosen(value)
        self.face_chosen.emit(value)
