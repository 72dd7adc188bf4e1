"""A big button with a picture above its words (the words wrap; they are never cut)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui.widgets.words_label import WordsLabel


class BigButton(TouchButton):
    def __init__(
        self,
        picture: str | None,
        words: str,
        *,
        pictures: PictureLibrary,
        theme: Theme,
        parent: QWidget | None = None,
        horizontal: bool = False,
        large: bool = False,
        small: bool = False,
    ) -> None:
        super().__init__("", parent)
        self.picture_key = picture
        self._large = large
        self._small = small
        self._chosen = False
        self._plain_words = words
        self._pictures = pictures
        self._theme = theme
        self._picture = QLabel()
        self._picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._words = WordsLabel()
        self._words.setObjectName("words")
        self._words.setWordWrap(True)
        self._words.setAlignment(
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            if horizontal
            else Qt.AlignmentFlag.AlignCenter
        )
        for child in (self._picture, self._words):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout: QBoxLayout = QHBoxLayout(self) if horizontal else QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self._picture, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self._words, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.set_words(words)
        self.refresh_words_tone()

    CHOSEN_MARK = "✓ "

    @property
    def words(self) -> str:
        return self._plain_words

    def set_words(self, words: str) -> None:
        self._plain_words = words
        self._show_words()
        self._draw_picture()

    def set_chosen(self, chosen: bool) -> None:
        """Chosen is shown three ways, never by colour alone: colour, a thick edge, a tick."""
        self._chosen = chosen
        super().set_chosen(chosen)
        self._show_words()

    @property
    def chosen(self) -> bool:
        return self._chosen

    def _show_words(self) -> None:
        mark = self.CHOSEN_MARK if self._chosen else ""
        self._words.setText(mark + self._plain_words)
        self.setAccessibleName(self._plain_words)  # the tick is for the eye; speech says "chosen"

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._draw_picture()

    def set_size(self, *, small: bool) -> None:
        """Draw the picture small (a button among many at large text) or at full size."""
        self._small = small
        self._draw_picture()
        self.updateGeometry()

    def _draw_picture(self) -> None:
        size = (
            self._theme.metrics.small_picture_px if self._small else self._theme.metrics.picture_px
        )
        if self._large:
            size = round(size * 1.6)
        self._picture.setPixmap(
            self._pictures.pixmap(self.picture_key, size, self.words, self._theme.palette)
        )
        self._picture.setFixedSize(size, size)
        self._picture.setVisible(self.picture_key is not None)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = self.layout().minimumSize()
        target = self._theme.metrics.min_target_px
        return QSize(max(hint.width(), target), max(hint.height(), target))
