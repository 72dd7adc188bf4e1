"""A picture beside words: an activity, a dish. Not a button; the words wrap."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.words_label import WordsLabel


class PictureCard(QFrame):
    def __init__(
        self,
        picture: str | None,
        title: str,
        lines: list[str] | None = None,
        *,
        pictures: PictureLibrary,
        theme: Theme,
        notice: str | None = None,
        small: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        size = theme.metrics.small_picture_px if small else theme.metrics.picture_px
        picture_label = QLabel()
        picture_label.setPixmap(pictures.pixmap(picture, size, title, theme.palette))
        picture_label.setFixedSize(size, size)
        picture_label.setAccessibleName(title)
        self.title_label = WordsLabel(title)
        self.title_label.setWordWrap(True)
        self.title_label.setProperty("role", "heading" if not small else None)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.title_label)
        if notice:
            notice_label = WordsLabel(notice)
            notice_label.setProperty("role", "notice")
            notice_label.setWordWrap(True)
            text.addWidget(notice_label)
        for line in lines or []:
            label = WordsLabel(line)
            label.setWordWrap(True)
            label.setProperty("role", "quiet")
            text.addWidget(label)
        row = QHBoxLayout(self)
        margin = max(8, theme.metrics.gap_px // 3)
        row.setContentsMargins(margin, margin, margin, margin)
        row.setSpacing(margin)
        row.addWidget(picture_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.setAccessibleName(", ".join([title, *([notice] if notice else []), *(lines or [])]))
