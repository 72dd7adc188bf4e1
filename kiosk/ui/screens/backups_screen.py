"""Backups, for the manager: when the last good one was, "Back up now", where backups are
kept (and the folder for a second copy, such as a USB stick), and the last attempts.

"Back up now" runs in a worker, never on the GUI thread: the screen says "Backing up…"
and stays usable, a second tap meanwhile does nothing, and the outcome comes in words. A
USB stick taken out or a full disk is said in words too; the old backups are untouched.
If the service says no (anyone but a manager), its words show in the banner and nothing
else does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import tzinfo
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.backups import BackupAttempt, BackupRun, BackupSetup, BackupStatus
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import backups_words as say
from kiosk.ui import form_parts as form
from kiosk.ui.background_job import BackgroundJob
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen, field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

HISTORY_SHOWN = 14


class BackupKeeper(Protocol):
    """The backups service, as the manager's screen uses it."""

    def status(self, actor: Actor) -> BackupStatus: ...
    def setup(self, actor: Actor) -> BackupSetup: ...
    def history(self, actor: Actor, limit: int = ...) -> Sequence[BackupAttempt]: ...
    def set_copy_folder(self, actor: Actor, folder: Path | None) -> Path | None: ...
    def back_up_now_everywhere(self, actor: Actor) -> BackupRun: ...


class BackupsScreen(StaffScreen):
    name = "backups"

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        backups: BackupKeeper,
        choose_folder: Callable[[], Path | None],
        home_zone: Callable[[], tzinfo] | None = None,
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._backups = backups
        self._choose_folder = choose_folder
        self._home_zone = home_zone
        self._status: BackupStatus | None = None
        self._setup: BackupSetup | None = None
        self._history: Sequence[BackupAttempt] = ()
        self._outcome: BackupRun | str | None = None  # what the last "Back up now" did
        self.job = BackgroundJob(
            words.gettext,
            unexpected=N_("Sorry, the backup could not be made. It has been noted."),
            name="backup",
            parent=self,
        )
        self.job.started.connect(self._on_job_started)
        self.job.succeeded.connect(self._on_job_finished)
        self.job.failed.connect(self._on_job_failed)
        gap = theme.metrics.gap_px

        self.body = QWidget()
        body = form.column(self.body, gap)
        self.status_line = form.plain_label()
        self.back_up_button = BigButton("lock", "", pictures=pictures, theme=theme, horizontal=True)
        self.back_up_button.tapped.connect(self._on_back_up_button_tapped)
        self.result_line = form.plain_label()
        self.result_line.setMargin(max(8, gap // 3))
        self.result_line.hide()

        self.places_heading = form.section_heading()
        places = self._build_places(gap)
        self.notice = form.notice_card(gap)

        self.history_heading = form.section_heading()
        self.history_words = form.plain_label()
        self._rows_host = QWidget()
        self._rows = QVBoxLayout(self._rows_host)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(gap // 3)

        body.addWidget(self.status_line)
        body.addLayout(form.row_of([self.back_up_button], gap))
        body.addWidget(self.result_line)
        body.addWidget(self.places_heading)
        body.addWidget(places)
        body.addWidget(self.notice)
        body.addWidget(self.history_heading)
        body.addWidget(self.history_words)
        body.addWidget(self._rows_host)
        self.content.addWidget(self.body)
        self.content.addStretch(1)
        self.body.hide()
        self._arrange()
        self.retranslate()

    def _build_places(self, gap: int) -> QFrame:
        """Where the daily backups are, and the folder for a second copy with its buttons."""
        kit = {"pictures": self.pictures, "theme": self.theme, "horizontal": True, "small": True}
        places = form.card()
        inside = form.inside(places, gap)
        self.daily_label = field_label()
        self.daily_folder = form.plain_label()
        self.kept_words = form.plain_label()
        self.kept_words.setProperty("role", "quiet")
        self.copy_label = field_label()
        self.copy_folder = form.plain_label()
        self.choose_button = BigButton("place", "", **kit)
        self.choose_button.tapped.connect(self._on_choose_button_tapped)
        self.stop_button = BigButton("stop", "", **kit)
        self.stop_button.tapped.connect(self._on_stop_button_tapped)
        self._folder_buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._folder_buttons.setSpacing(gap)
        self._folder_buttons.addWidget(self.choose_button)
        self._folder_buttons.addWidget(self.stop_button)
        self._folder_buttons.addStretch(1)
        for part in (
            self.daily_label,
            self.daily_folder,
            self.kept_words,
            self.copy_label,
            self.copy_folder,
        ):
            inside.addWidget(part)
        inside.addLayout(self._folder_buttons)
        return places

    # -- Screen ----------------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Backups")

    def refresh(self) -> None:
        super().refresh()
        self.notice.hide()
        if not self.job.busy:
            self._outcome = None  # what happened meanwhile is in the list
        self._load()

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.back_up_button.set_words(gettext("Back up now"))
        self.places_heading.setText(gettext("Where backups are kept"))
        self.daily_label.setText(gettext("Every day, on this computer, in:"))
        self.copy_label.setText(gettext("A second copy of each backup (on a USB stick), in:"))
        self.stop_button.set_words(gettext("Stop copying there"))
        self.history_heading.setText(gettext("The last backups, newest first"))
        self._show()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._arrange()
        self._show()

    # -- what tests and the window use -----------------------------------------------------

    def reading_items(self) -> list[tuple[QWidget | None, str]]:
        """As every screen's, without the hidden breaks that let long paths wrap."""
        return [(widget, _unbroken(words)) for widget, words in super().reading_items()]

    def row_texts(self) -> list[str]:
        """The words of each attempt listed, newest first (as read: no hidden breaks)."""
        return [_unbroken(label.text()) for label in self._rows_host.findChildren(QLabel)]

    # -- slots -----------------------------------------------------------------------------

    def _on_back_up_button_tapped(self) -> None:
        actor = self.attempt(self.actor)
        if actor is not None:
            self.job.start(lambda: self._backups.back_up_now_everywhere(actor))

    def _on_choose_button_tapped(self) -> None:
        folder = self._choose_folder()
        if folder is None:  # they changed their minds
            return
        chosen = self.attempt(lambda: self._backups.set_copy_folder(self.actor(), folder))
        if chosen is None:
            return
        self._load()
        self._show_notice(
            self.words.gettext(
                "From now on, each backup is copied to {folder} as well. "
                "Tap “Back up now” to make a copy there now."
            ).format(folder=say.path_words(chosen))
        )

    def _on_stop_button_tapped(self) -> None:
        folder = self._setup.copy_folder if self._setup is not None else None

        def stop() -> bool:
            self._backups.set_copy_folder(self.actor(), None)
            return True

        if folder is None or not self.attempt(stop):
            return
        self._load()
        self._show_notice(
            self.words.gettext(
                "Backups are no longer copied to {folder}. The copies already there are kept."
            ).format(folder=say.path_words(folder))
        )

    def _on_job_started(self) -> None:
        self.notice.hide()
        self._show()

    def _on_job_finished(self, run: BackupRun) -> None:
        self._outcome = run
        self._load()

    def _on_job_failed(self, words: str) -> None:
        self._outcome = words
        self._load()

    # -- loading and showing ---------------------------------------------------------------

    def _load(self) -> None:
        loaded = self.attempt(self._read)
        if loaded is None:
            self._status, self._setup, self._history = None, None, ()
        else:
            self._status, self._setup, self._history = loaded
        self._show()

    def _read(self) -> tuple[BackupStatus, BackupSetup, Sequence[BackupAttempt]]:
        actor = self.actor()
        setup = self._backups.setup(actor)  # the manager's alone: asked first
        return (
            self._backups.status(actor),
            setup,
            self._backups.history(actor, HISTORY_SHOWN),
        )

    def _show(self) -> None:
        self.body.setVisible(self._setup is not None)
        self._show_status()
        self._show_outcome()
        self._show_places()
        self._show_history()

    def _show_status(self) -> None:
        status = self._status
        self.status_line.setText(
            say.status_words(self.words, status, self._zone(), tell_the_manager=False)
            if status is not None
            else ""
        )
        warn = status is not None and status.warning
        _set_role(self.status_line, "banner" if warn else "")
        self.status_line.setMargin(max(8, self.theme.metrics.gap_px // 3) if warn else 0)

    def _show_outcome(self) -> None:
        busy, outcome = self.job.busy, self._outcome
        if busy and self.back_up_button.hasFocus():
            self.back_up_button.clearFocus()  # else Qt moves it on, and the view jumps to it
        self.back_up_button.setEnabled(not busy)
        if busy:
            text, warn = self.words.gettext("Backing up… this takes a moment."), False
        elif isinstance(outcome, BackupRun):
            text, warn = say.run_words(self.words, outcome, self._zone()), not outcome.ok
        elif isinstance(outcome, str):
            text, warn = say.FLAG + outcome, True
        else:
            text, warn = "", False
        self.result_line.setText(text)
        self.result_line.setVisible(bool(text))
        _set_role(self.result_line, "banner" if warn else "card")

    def _show_places(self) -> None:
        setup, gettext = self._setup, self.words.gettext
        chosen = setup.copy_folder if setup is not None else None
        self.copy_folder.setText(
            say.path_words(chosen) if chosen is not None else gettext("Not chosen")
        )
        self.stop_button.setVisible(chosen is not None)
        self.choose_button.set_words(
            gettext("Choose another folder…") if chosen is not None else gettext("Choose a folder…")
        )
        if setup is not None:
            self.daily_folder.setText(say.path_words(setup.daily_folder))
            self.kept_words.setText(
                gettext(
                    "The last {days} days, and one a week for {weeks} weeks before that."
                ).format(days=setup.days_kept, weeks=setup.weeks_kept)
            )

    def _show_history(self) -> None:
        for label in self._rows_host.findChildren(QLabel):
            self._rows.removeWidget(label)
            discard(label)
        zone, margin = self._zone(), max(8, self.theme.metrics.gap_px // 3)
        for attempt in self._history:
            row = form.plain_label(say.attempt_words(self.words, attempt, zone))
            row.setProperty("role", "card" if attempt.ok else "banner")
            row.setMargin(margin if attempt.ok else 0)  # a banner has room of its own
            self._rows.addWidget(row)
        self.history_words.setText(self.words.gettext("No backups have been made yet."))
        self.history_words.setVisible(not self._history)

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def _arrange(self) -> None:
        """The folder buttons side by side, or one above the other at large text."""
        large_text = self.theme.metrics.scale >= 1.5
        self._folder_buttons.setDirection(
            QBoxLayout.Direction.TopToBottom if large_text else QBoxLayout.Direction.LeftToRight
        )

    def _zone(self) -> tzinfo | None:
        return self._home_zone() if self._home_zone is not None else None


def _set_role(label: QLabel, role: str) -> None:
    if label.property("role") == role:
        return
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


def _unbroken(text: str) -> str:
    return text.replace(say.BREAK, "")
