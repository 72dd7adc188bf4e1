"""Looking back at a care plan: every version (when, by whom, with whom, whether the person
took part, what changed) and every review held. Two versions are chosen to compare; the
two newest are chosen to begin with, so one tap shows the latest change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import tzinfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.domain.care_plan_records import ReviewRecord, VersionSummary
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_staff_words import took_part_words, when_words
from kiosk.ui.discard import discard
from kiosk.ui.list_and_editor_screen import ListRow
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.day_picker import date_words

CHOOSE = 2  # versions compared at once


class HistoryPage(QWidget):
    compare_requested = Signal(int, int)  # the older version's number, then the newer's

    def __init__(
        self, *, words: Words, pictures: PictureLibrary, theme: Theme, zone: Callable[[], tzinfo]
    ) -> None:
        super().__init__()
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self._zone = zone
        self.name = ""
        self.versions: tuple[VersionSummary, ...] = ()
        self.reviews: tuple[ReviewRecord, ...] = ()
        self.chosen: list[int] = []  # version numbers, in the order they were chosen
        self.version_rows: dict[int, VersionRow] = {}
        self._review_labels: list[QLabel] = []
        gap = theme.metrics.gap_px

        self.heading = form.plain_label()
        self.heading.setProperty("role", "heading")
        self.intro = form.plain_label()
        self.compare_button = BigButton(
            None, "", pictures=pictures, theme=theme, horizontal=True, small=True
        )
        self.compare_button.tapped.connect(self._on_compare_button_tapped)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(gap)
        self.reviews_heading = form.section_heading()
        self._reviews = QVBoxLayout()
        self._reviews.setSpacing(gap // 2)

        column = form.column(self, gap // 2)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        column.addLayout(form.row_of([self.compare_button], gap))
        column.addSpacing(gap - gap // 2)  # a full gap between the buttons
        column.addLayout(self._rows)
        column.addSpacing(gap // 2)
        column.addWidget(self.reviews_heading)
        column.addLayout(self._reviews)

    # -- what the screen uses ----------------------------------------------------------------

    def show_history(
        self, name: str, versions: Sequence[VersionSummary], reviews: Sequence[ReviewRecord]
    ) -> None:
        """``versions`` newest first, as the service gives them; the two newest chosen."""
        self.name = name
        self.versions = tuple(versions)
        self.reviews = tuple(reviews)
        self.chosen = [version.number for version in self.versions[:CHOOSE]]
        self._fill()

    def retranslate(self) -> None:
        self._fill()

    # -- inside ------------------------------------------------------------------------------

    def _fill(self) -> None:
        gettext = self.words.gettext
        self.heading.setText(gettext("Versions of {name}'s plan").format(name=self.name))
        many = len(self.versions) >= CHOOSE
        self.intro.setText(
            gettext("Choose two versions, then compare them.")
            if many
            else gettext("There is only one version so far.")
        )
        self.compare_button.set_words(gettext("Compare the two chosen"))
        self.compare_button.setVisible(many)
        for row in self.version_rows.values():
            self._rows.removeWidget(row)
            discard(row)
        self.version_rows = {}
        for version in self.versions:
            row = VersionRow(
                version,
                name=self.name,
                words=self.words,
                pictures=self.pictures,
                theme=self.theme,
                zone=self._zone(),
            )
            row.tapped.connect(lambda number=version.number: self._on_version_tapped(number))
            self._rows.addWidget(row)
            self.version_rows[version.number] = row
        self._fill_reviews()
        self._mark()

    def _fill_reviews(self) -> None:
        gettext = self.words.gettext
        for label in self._review_labels:
            self._reviews.removeWidget(label)
            discard(label)
        self._review_labels = []
        self.reviews_heading.setText(gettext("Reviews held"))
        texts = [self._review_words(review) for review in self.reviews]
        for text in texts or [gettext("No reviews recorded yet.")]:
            label = form.plain_label(text)
            if texts:
                label.setProperty("role", "card")
                label.setMargin(max(8, self.theme.metrics.gap_px // 3))
            self._reviews.addWidget(label)
            self._review_labels.append(label)

    def _review_words(self, review: ReviewRecord) -> str:
        gettext = self.words.gettext
        when = date_words(self.words, review.reviewed_on)
        lines = [
            gettext("{date}, by {name}").format(date=when, name=review.reviewed_by)
            if review.reviewed_by
            else when
        ]
        if review.people_present:
            lines.append(gettext("Who was there: {people}").format(people=review.people_present))
        lines.append(took_part_words(self.words, self.name, review.resident_involved))
        if review.what_changed:
            lines.append(gettext("What changed: {words}").format(words=review.what_changed))
        if review.next_review_on is not None:
            lines.append(
                gettext("Next review: {date}").format(
                    date=date_words(self.words, review.next_review_on)
                )
            )
        return "\n".join(lines)

    def _mark(self) -> None:
        for number, row in self.version_rows.items():
            row.set_chosen(number in self.chosen)
        self.compare_button.setEnabled(len(self.chosen) == CHOOSE)

    def _on_version_tapped(self, number: int) -> None:
        if number in self.chosen:
            self.chosen.remove(number)
        else:
            self.chosen = [*self.chosen, number][-CHOOSE:]  # the earliest choice gives way
        self._mark()

    def _on_compare_button_tapped(self) -> None:
        if len(self.chosen) == CHOOSE:
            older, newer = sorted(self.chosen)
            self.compare_requested.emit(older, newer)


class VersionRow(ListRow):
    """One version: its number and day, then by whom, with whom and what changed. All one
    button: touching it chooses it for comparing. Chosen is shown by a tick picture, a tick
    before the words and a thick edge, never by colour alone."""

    def __init__(
        self,
        version: VersionSummary,
        *,
        name: str,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        zone: tzinfo,
    ) -> None:
        super().__init__()
        self.number = version.number
        self._words = words
        self._pictures = pictures
        self._theme = theme
        gettext = words.gettext
        self._title = gettext("Version {number}, {date}").format(
            number=version.number, date=when_words(words, version.created_at, zone)
        )
        details = []
        if version.written_by:
            details.append(gettext("Written by {name}").format(name=version.written_by))
        if version.people_present:
            details.append(gettext("Who was there: {people}").format(people=version.people_present))
        details.append(took_part_words(words, name, version.resident_took_part))
        if version.what_changed:
            details.append(gettext("What changed: {words}").format(words=version.what_changed))
        self._details = "\n".join(details)
        self.tick = QLabel()
        size = theme.metrics.small_picture_px
        self.tick.setFixedSize(size, size)
        self.name_label = form.plain_label()
        self.name_label.setProperty("role", "heading")
        self._lay_out(self.tick, self.name_label, form.plain_label(self._details))
        self.set_chosen(False)

    def set_chosen(self, chosen: bool) -> None:
        super().set_chosen(chosen)
        gettext = self._words.gettext
        size = self._theme.metrics.small_picture_px
        if chosen:
            self.tick.setPixmap(
                self._pictures.pixmap("check", size, gettext("chosen"), self._theme.palette)
            )
        else:
            self.tick.clear()
        self.name_label.setText(("✓ " if chosen else "") + self._title)
        state = gettext("chosen") if chosen else ""
        self.setAccessibleName(", ".join(part for part in (self._title, state) if part))
        self.setAccessibleDescription(self._details)
