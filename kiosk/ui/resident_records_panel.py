"""A resident's records, on their page of the Residents screen: the manager's alone.

"Save their records…" asks for a folder (a USB stick), then builds the large-print PDF
and the JSON file and saves both there off the GUI thread: the panel says "Saving…" and
stays usable, a second tap meanwhile does nothing, and the outcome (or the problem, such
as a USB stick taken out or a full disk) comes in words. For someone who has moved out,
"Erase their records" asks first, in plain words, then erases: the screen is told, and
says what the records call them now.

Staff who may not manage residents never see the panel; the service refuses them anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QWidget

from kiosk.domain.access import Actor, Capability
from kiosk.domain.errors import KioskError
from kiosk.domain.resident_records import ErasedCounts, ResidentRecords
from kiosk.domain.residents import Resident
from kiosk.i18n import Words
from kiosk.printing.records_output import SavedRecords
from kiosk.ui import form_parts as form
from kiosk.ui.backups_words import FLAG, path_words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.print_job import PrintJobs
from kiosk.ui.resident_records_words import saved_words
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

#: Builds a resident's copy and saves it in a folder: (who asks, the resident, the folder).
SaveRecords = Callable[[Actor, int, Path], SavedRecords]


class ResidentRecordsKeeper(Protocol):
    """The resident-records service, as the manager's tools use it."""

    def records(self, actor: Actor, resident_id: int) -> ResidentRecords: ...
    def erase(self, actor: Actor, resident_id: int) -> ErasedCounts: ...


@dataclass(frozen=True, slots=True)
class _Saved:
    """A saved copy, as the print worker hands it back: in words."""

    words: str


class ResidentRecordsPanel(QFrame):
    erased = Signal(object)  # the ErasedCounts, once a resident's records are erased
    told = Signal(str)  # words about a copy once it is saved, or why it was not
    scroll_wanted = Signal(QWidget)  # a part just shown, to bring into sight

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        actor: Callable[[], Actor],
        keeper: ResidentRecordsKeeper,
        save: SaveRecords,
        choose_folder: Callable[[], Path | None],
    ) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.words = words
        self.theme = theme
        self._actor = actor
        self._keeper = keeper
        self._save = save
        self._choose_folder = choose_folder
        self.resident: Resident | None = None
        self._asking = False  # "Erase … for good?" is shown
        self._erasing = False
        self._saving_name = ""  # whose copy is being saved
        self._outcome = ""  # what the last save or erase said ("" for nothing)
        self._outcome_is_problem = False
        self.jobs = PrintJobs(words.gettext, self)
        self.jobs.started.connect(self._on_jobs_started)
        self.jobs.finished.connect(self._on_jobs_finished)
        self.jobs.failed.connect(self._on_jobs_failed)

        gap = theme.metrics.gap_px
        kit = {"pictures": pictures, "theme": theme, "horizontal": True, "small": True}
        self.heading = form.section_heading()
        self.about = form.plain_label()
        self.save_button = BigButton("care-plan", "", **kit)
        self.save_button.tapped.connect(self._on_save_button_tapped)
        self.erase_button = BigButton("cross", "", **kit)
        self.erase_button.tapped.connect(self._on_erase_button_tapped)
        self.question = form.plain_label()  # names a person: plain text
        self.question.setProperty("role", "banner")
        # "No" where "Erase" was, so a shaky double tap never lands on "Yes".
        self.no_button = BigButton("no", "", **kit)
        self.no_button.tapped.connect(self._on_no_button_tapped)
        self.yes_button = BigButton("check", "", **kit)
        self.yes_button.tapped.connect(self._on_yes_button_tapped)
        self.result = form.plain_label()  # "Saving…", "Saved …"
        self.problem = form.plain_label()  # why it could not be done
        self.problem.setProperty("role", "banner")

        self._rows = [
            _row_of(self.save_button, self.erase_button, gap=gap),
            _row_of(self.no_button, self.yes_button, gap=gap),
        ]
        layout = form.inside(self, gap)
        layout.addWidget(self.heading)
        layout.addWidget(self.about)
        layout.addLayout(self._rows[0])
        layout.addWidget(self.question)
        layout.addLayout(self._rows[1])
        layout.addWidget(self.result)
        layout.addWidget(self.problem)
        self._arrange()
        self.retranslate()

    # -- what the screen uses --------------------------------------------------------------

    def show_for(self, resident: Resident | None) -> None:
        """The panel for ``resident`` (None while a new resident is being added)."""
        if resident is None or self.resident is None or resident.id != self.resident.id:
            self._asking = False
            self._outcome = ""
        self.resident = resident
        self._show()

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.heading.setText(gettext("Their records"))
        self.save_button.set_words(gettext("Save their records…"))
        self.erase_button.set_words(gettext("Erase their records"))
        self.no_button.set_words(gettext("No, keep them"))
        self.yes_button.set_words(gettext("Yes, erase"))
        self._show()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._arrange()

    def may_manage(self) -> bool:
        """True when the member of staff signed in may see and erase residents' records."""
        try:
            return self._actor().can(Capability.MANAGE_RESIDENTS)
        except KioskError:
            return False

    # -- slots -----------------------------------------------------------------------------

    def _on_save_button_tapped(self) -> None:
        resident = self.resident
        if resident is None or self.jobs.busy:
            return
        try:
            actor = self._actor()
        except KioskError as refused:
            self._tell(refused.text(self.words.gettext), problem=True)
            return
        folder = self._choose_folder()
        if folder is None:  # they changed their minds
            return
        save, words, resident_id = self._save, self.words, resident.id
        self._saving_name = resident.preferred_name
        self.jobs.start(
            lambda: _Saved(
                saved_words(words, resident.preferred_name, save(actor, resident_id, folder))
            )
        )

    def _on_erase_button_tapped(self) -> None:
        self._asking = True
        self._outcome = ""
        self._show()
        self.scroll_wanted.emit(self.yes_button)

    def _on_no_button_tapped(self) -> None:
        self._asking = False
        self._show()

    def _on_yes_button_tapped(self) -> None:
        resident = self.resident
        if resident is None or self._erasing or not self._asking:
            return
        self._erasing = True
        try:
            erased = self._keeper.erase(self._actor(), resident.id)
        except KioskError as refused:
            self._asking = False
            self._tell(refused.text(self.words.gettext), problem=True)
            return
        finally:
            self._erasing = False
        self._asking = False
        self._show()
        self.erased.emit(erased)

    def _on_jobs_started(self) -> None:
        self._outcome = ""
        self._show()

    def _on_jobs_finished(self, words: str) -> None:
        self._tell(words, problem=False)
        self.told.emit(words)

    def _on_jobs_failed(self, words: str) -> None:
        words = path_words(words)  # a long folder's name may wrap after each "/"
        self._tell(words, problem=True)
        self.told.emit(FLAG + words)

    # -- showing ---------------------------------------------------------------------------

    def _tell(self, words: str, *, problem: bool) -> None:
        self._outcome = words
        self._outcome_is_problem = problem
        self._show()

    def _show(self) -> None:
        resident, gettext = self.resident, self.words.gettext
        self.setVisible(resident is not None and self.may_manage())
        if resident is None:
            return
        moved_out = not resident.active
        if resident.erased:
            about = gettext(
                "Their records were erased. What is left keeps the counts true and holds no name."
            )
        elif moved_out:
            about = gettext(
                "A copy of everything the kiosk keeps about them: a large-print PDF to read "
                "and a file for other programs. Save it first if they want it: erasing their "
                "records cannot be undone."
            )
        else:
            about = gettext(
                "A copy of everything the kiosk keeps about them: a large-print PDF to read "
                "and a file for other programs. Choose where to save it, such as a USB stick."
            )
        self.about.setText(about)
        busy = self.jobs.busy
        if busy and self.save_button.hasFocus():
            self.save_button.clearFocus()  # else Qt moves it on, and the view jumps to it
        self.save_button.setEnabled(not busy)
        self.erase_button.setVisible(moved_out and not resident.erased and not self._asking)
        self.question.setText(
            gettext(
                "Erase {name}'s records for good? Their name, room, PIN, photo, notes and "
                "their own words will go. Counts stay the same."
            ).format(name=resident.preferred_name)
        )
        for part in (self.question, self.no_button, self.yes_button):
            part.setVisible(self._asking)
        if busy:
            text, problem = (
                gettext("Saving {name}'s records… this takes a moment.").format(
                    name=self._saving_name
                ),
                False,
            )
        else:
            text, problem = self._outcome, self._outcome_is_problem
        self.result.setText("" if problem else text)
        self.result.setVisible(bool(text) and not problem)
        self.problem.setText(FLAG + text if problem else "")
        self.problem.setVisible(bool(text) and problem)

    def _arrange(self) -> None:
        """Buttons side by side, or one above the other at large text."""
        large_text = self.theme.metrics.scale >= 1.5
        for row in self._rows:
            row.setDirection(
                QBoxLayout.Direction.TopToBottom if large_text else QBoxLayout.Direction.LeftToRight
            )


def _row_of(*buttons: BigButton, gap: int) -> QBoxLayout:
    """Buttons side by side from the left (turned one above the other by ``_arrange``)."""
    row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
    row.setSpacing(gap)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
