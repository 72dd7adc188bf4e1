"""The evidence report's cards: one per suggestion (its trail, said → decided → done → how
it went, each link dated), one per poll and one per activity; and plain rows for the care
plans' events and requests to talk. Everything is words in plain-text labels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel

from kiosk.domain.evidence import ActivityFeedback, PollOutcome, SuggestionChain
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.printing import evidence_words as printed
from kiosk.ui import evidence_words as say
from kiosk.ui import form_parts as form
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import FONT_FAMILIES, Theme

LINKS = (N_("Said"), N_("Decided"), N_("Done"), N_("How it went"))  # a trail's links


class EvidenceCards:
    """Makes the cards, in the screen's words, pictures and theme."""

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        self.words = words
        self.pictures = pictures
        self.theme = theme

    @property
    def gap(self) -> int:
        return self.theme.metrics.gap_px

    def card(self, heading: str, lines: Sequence[str], *, picture: str | None = None) -> QFrame:
        """A framed card: a heading (with its picture), then a line each."""
        frame = form.card()
        inside = form.inside(frame, self.gap)
        inside.setSpacing(self.gap // 4)
        inside.addLayout(self._heading(heading, picture))
        for line in lines:
            inside.addWidget(form.plain_label(line))
        return frame

    def row(self, text: str) -> QLabel:
        """One line in a light card (a care-plan event, a request to talk)."""
        label = form.plain_label(text)
        label.setProperty("role", "card")
        label.setMargin(max(8, self.gap // 3))
        return label

    def chain(self, chain: SuggestionChain) -> QFrame:
        """A suggestion's trail: what was said, what was decided, what was done, how it went."""
        gettext = self.words.gettext
        frame = form.card()
        frame.setProperty("today", "true" if say.waiting(chain) else "false")  # it stands out
        inside = form.inside(frame, self.gap)
        inside.setSpacing(self.gap // 4)
        picture = chain.picture or printed.TOPIC_PICTURES.get(chain.topic, "idea")
        inside.addLayout(self._heading(say.chain_title(chain), picture))
        names = [gettext(name) for name in LINKS]
        said, decided, done, went = names
        links = [
            (said, say.said_line(self.words, chain)),
            (decided, say.decided_line(self.words, chain)),
        ]
        done_lines = say.done_lines(self.words, chain)
        if done_lines:
            links.append((done, "\n".join(done_lines)))
        went_line = say.went_line(self.words, chain)
        if went_line:
            links.append((went, went_line))
        grid = QGridLayout()
        grid.setHorizontalSpacing(self.gap // 2)
        grid.setVerticalSpacing(self.gap // 4)
        for row, (name, text) in enumerate(links):
            name_label = form.plain_label(name)
            name_label.setProperty("role", "strong")
            name_label.setWordWrap(False)
            grid.addWidget(name_label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(form.plain_label(text), row, 1)
        grid.setColumnMinimumWidth(0, self._widest(names))  # the same on every card
        grid.setColumnStretch(1, 1)
        inside.addLayout(grid)
        return frame

    def poll(self, poll: PollOutcome) -> QFrame:
        return self.card(poll.question, say.poll_lines(self.words, poll), picture="vote")

    def activity(self, activity: ActivityFeedback) -> QFrame:
        return self.card(
            activity.title, say.activity_lines(self.words, activity), picture="activity"
        )

    def _widest(self, names: Sequence[str]) -> int:
        """The width of the longest of ``names`` in bold body text."""
        font = QFont()
        font.setFamilies(list(FONT_FAMILIES))
        font.setPixelSize(self.theme.metrics.body_px)
        font.setBold(True)
        metrics = QFontMetrics(font)
        return max(metrics.horizontalAdvance(name) for name in names) + 2

    def _heading(self, text: str, picture: str | None) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(self.gap // 3)
        if picture is not None:
            size = self.theme.metrics.small_picture_px
            image = QLabel()
            image.setPixmap(self.pictures.pixmap(picture, size, text, self.theme.palette))
            image.setFixedSize(size, size)
            row.addWidget(image, 0, Qt.AlignmentFlag.AlignTop)
        title = form.plain_label(text)  # a title as a person typed it
        title.setProperty("role", "strong")
        row.addWidget(title, 1)
        return row
