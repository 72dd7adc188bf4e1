"""Residents (staff): everyone who lives here, and everyone who has moved out.

Staff choose a resident from the list to change their name, room, photo, PIN and how the
kiosk looks and sounds for them, or welcome someone new. Choices are big buttons, never
drop-down lists or spin boxes: staff use the same touch screen as residents. Nothing is
kept until Save (a photo and a new PIN are kept as soon as they are chosen), and the
services decide what is allowed: this screen shows their answer in words.

A manager also sees each resident's records (:mod:`kiosk.ui.resident_records_panel`):
a copy to save for them, and, for someone who has moved out, erasing their records. For
someone who has moved out it comes first on their page; for anyone else, after the form.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.enums import CarePlanAccess, ContrastTheme
from kiosk.domain.resident_records import ErasedCounts
from kiosk.domain.residents import (
    DEFAULT_SPEECH_RATE,
    NewResident,
    Resident,
    ResidentPreferences,
)
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.list_and_editor_screen import ListAndEditorScreen, ListRow
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.resident_records_panel import (
    ResidentRecordsKeeper,
    ResidentRecordsPanel,
    SaveRecords,
)
from kiosk.ui.resident_records_words import erased_words
from kiosk.ui.staff_screen import SignedInStaff, field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.face_tile import initials_avatar, photo_avatar
from kiosk.ui.widgets.pin_pad import PinPad

T = TypeVar("T")

TEXT_SCALES = (100, 125, 150, 175, 200)
# (words, words a minute): slower than espeak's usual 175 all round, for older listeners
SPEEDS = ((N_("Slower"), 110), (N_("Normal"), DEFAULT_SPEECH_RATE), (N_("Faster"), 165))
CONTRASTS = ((ContrastTheme.STANDARD, N_("Standard")), (ContrastTheme.HIGH, N_("High contrast")))
TALKING = ((True, N_("On")), (False, N_("Off")))
# (how, the button's words, what it means in one plain line)
ACCESS = (
    (
        CarePlanAccess.PIN,
        N_("With their own PIN"),
        N_("They type their own four numbers to open it."),
    ),
    (
        CarePlanAccess.STAFF,
        N_("With staff only"),
        N_("A member of staff opens it with them, using a staff PIN."),
    ),
    (
        CarePlanAccess.OPEN,
        N_("Open"),
        N_("It opens when they touch their face. There is no PIN."),
    ),
)
# Fields the services name in their refusals, with the words staff see above each field.
FIELDS = {
    "preferred_name": N_("Name they like to be called"),
    "full_name": N_("Full name"),
    "room": N_("Room"),
}


class ResidentRecords(Protocol):
    """What this screen needs from the residents service."""

    def list_all(self) -> Sequence[Resident]: ...
    def get(self, resident_id: int, actor: Actor = ...) -> Resident: ...
    def add(self, actor: Actor, new: NewResident) -> Resident: ...
    def update_details(
        self,
        actor: Actor,
        resident_id: int,
        *,
        preferred_name: str | None = ...,
        full_name: str | None = ...,
        room: str | None = ...,
        support_notes: str | None = ...,
        preferences: ResidentPreferences | None = ...,
    ) -> Resident: ...
    def set_pin(self, actor: Actor, resident_id: int, pin: str) -> Resident: ...
    def set_photo(self, actor: Actor, resident_id: int, data: bytes) -> Resident: ...
    def remove_photo(self, actor: Actor, resident_id: int) -> Resident: ...
    def photo(self, resident_id: int) -> bytes | None: ...
    def archive(self, actor: Actor, resident_id: int) -> Resident: ...


@dataclass
class _Choices:
    """The choices on the editor, not yet saved."""

    language: str
    text_scale: int
    contrast: ContrastTheme
    speech_rate: int
    talking_buttons: bool
    care_plan_access: CarePlanAccess

    @classmethod
    def of(cls, resident: Resident) -> _Choices:
        return cls(
            resident.language,
            resident.text_scale,
            resident.contrast,
            resident.speech_rate,
            resident.talking_buttons,
            resident.care_plan_access,
        )


class ResidentsScreen(ListAndEditorScreen):
    name = "residents"
    fields = FIELDS

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        residents: ResidentRecords,
        languages: Sequence[tuple[str, str]],
        choose_photo: Callable[[], bytes | None],
        records: ResidentRecordsKeeper | None = None,
        save_records: SaveRecords | None = None,
        choose_folder: Callable[[], Path | None] | None = None,
    ) -> None:
        """``records``, ``save_records`` and ``choose_folder`` bring the manager's tools
        for a resident's records; without all three, they are not offered."""
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._residents = residents
        self.records_panel: ResidentRecordsPanel | None = None
        if records is not None and save_records is not None and choose_folder is not None:
            self.records_panel = ResidentRecordsPanel(
                words=words,
                pictures=pictures,
                theme=theme,
                actor=self.actor,
                keeper=records,
                save=save_records,
                choose_folder=choose_folder,
            )
            self.records_panel.erased.connect(self._on_records_panel_erased)
            self.records_panel.told.connect(self._on_records_panel_told)
            self.records_panel.scroll_wanted.connect(self._scroll_to)
        self._languages = list(languages)
        self._choose_photo = choose_photo
        self._people: list[Resident] = []
        self.resident: Resident | None = None  # the one being changed; None while adding
        self._choices = self._new_choices()
        self._first_pin: str | None = None
        self._saving = False
        self._photo_data: bytes | None = None
        self._build_pages()
        self.retranslate()

    # -- building --------------------------------------------------------------------------

    def _build_list_page(self) -> None:
        self.list_notice = form.plain_label()
        self.list_notice.setProperty("role", "heading")
        self.list_notice.hide()
        self.add_button = self._big("people")
        self.add_button.tapped.connect(self._on_add_button_tapped)
        self.nobody_label = QLabel()
        self.nobody_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addStretch(1)
        self._lay_out_list(top, self.nobody_label)
        self._rows.setSpacing(self.theme.metrics.gap_px)

    def _build_editor_page(self) -> None:
        gap = self.theme.metrics.gap_px
        # Who: photo, heading, moved out, and the photo's buttons
        self.photo_label = QLabel()
        self.moved_out_label = QLabel()
        self.moved_out_label.setWordWrap(True)
        self.moved_out_label.setProperty("role", "notice")
        layout = self._begin_editor(self.photo_label, self.moved_out_label)
        # Their records: here for someone who has moved out, after the form for others
        self._records_first = QWidget()
        self._records_last = QWidget()
        for host in (self._records_first, self._records_last):
            form.column(host, 0)
            host.hide()
        layout.addWidget(self._records_first)

        # Names and room
        self.names_heading = form.section_heading()
        self.field_labels: dict[str, QLabel] = {}
        self.preferred_name_edit = QLineEdit()
        self.full_name_edit = QLineEdit()
        self.room_edit = QLineEdit()
        edits = {
            "preferred_name": self.preferred_name_edit,
            "full_name": self.full_name_edit,
            "room": self.room_edit,
        }
        names = form.card()
        names_layout = form.inside(names, gap)
        names_layout.setSpacing(gap // 3)
        names_layout.addWidget(self.names_heading)
        for field, edit in edits.items():
            label = field_label()
            label.setBuddy(edit)
            self.field_labels[field] = label
            names_layout.addWidget(label)
            names_layout.addWidget(edit)
            names_layout.addSpacing(gap // 3)
        layout.addWidget(names)

        # How the kiosk looks and sounds for them
        self.language_heading = form.section_heading()
        self.language_buttons: dict[str, BigButton] = {}
        for code, own_name in self._languages:
            button = self._big()
            button.set_words(own_name)
            button.tapped.connect(lambda code=code: self._choose(language=code))
            self.language_buttons[code] = button
        self.text_size_heading = form.section_heading()
        self.text_size_buttons: dict[int, BigButton] = {}
        for scale in TEXT_SCALES:
            button = self._big()
            button.tapped.connect(lambda scale=scale: self._choose(text_scale=scale))
            self.text_size_buttons[scale] = button
        self.contrast_heading = form.section_heading()
        self.contrast_buttons: dict[ContrastTheme, BigButton] = {}
        for contrast, _ in CONTRASTS:
            button = self._big()
            button.tapped.connect(lambda contrast=contrast: self._choose(contrast=contrast))
            self.contrast_buttons[contrast] = button
        self.speed_heading = form.section_heading()
        self.speed_buttons: dict[int, BigButton] = {}
        for _, rate in SPEEDS:
            button = self._big()
            button.tapped.connect(lambda rate=rate: self._choose(speech_rate=rate))
            self.speed_buttons[rate] = button
        self.speed_label = QLabel()
        self.speed_label.setWordWrap(True)
        self.talking_heading = form.section_heading()
        self.talking_buttons: dict[bool, BigButton] = {}
        for talking, _ in TALKING:
            button = self._big()
            button.tapped.connect(lambda talking=talking: self._choose(talking_buttons=talking))
            self.talking_buttons[talking] = button
        self.talking_label = QLabel()
        self.talking_label.setWordWrap(True)
        self._choice_groups: list[tuple[QGridLayout, list[BigButton], int]] = []
        looks = form.card()
        looks_layout = form.inside(looks, gap)
        for heading, buttons, most, after in (
            (self.language_heading, self.language_buttons, 4, None),
            (self.text_size_heading, self.text_size_buttons, 5, None),
            (self.contrast_heading, self.contrast_buttons, 2, None),
            (self.speed_heading, self.speed_buttons, 3, self.speed_label),
            (self.talking_heading, self.talking_buttons, 2, self.talking_label),
        ):
            grid = QGridLayout()
            grid.setSpacing(gap)
            self._choice_groups.append((grid, list(buttons.values()), most))
            looks_layout.addWidget(heading)
            looks_layout.addLayout(grid)
            if after is not None:
                looks_layout.addWidget(after)
            looks_layout.addSpacing(gap // 2)
        layout.addWidget(looks)

        # The care plan, and the PIN that may open it
        self.access_heading = form.section_heading()
        self.access_buttons: dict[CarePlanAccess, BigButton] = {}
        self.access_labels: dict[CarePlanAccess, QLabel] = {}
        access_grid = QGridLayout()
        access_grid.setSpacing(gap)
        access_grid.setColumnStretch(0, 2)
        access_grid.setColumnStretch(1, 3)
        for row, (access, _, _) in enumerate(ACCESS):
            button = self._big()
            button.tapped.connect(lambda access=access: self._choose(care_plan_access=access))
            explained = QLabel()
            explained.setWordWrap(True)
            self.access_buttons[access] = button
            self.access_labels[access] = explained
            access_grid.addWidget(button, row, 0)
            access_grid.addWidget(explained, row, 1)
        self.pin_state_label = QLabel()
        self.pin_state_label.setWordWrap(True)
        self.set_pin_button = self._big("lock")
        self.set_pin_button.tapped.connect(self._on_set_pin_button_tapped)
        self.pin_prompt = QLabel()
        self.pin_prompt.setWordWrap(True)
        self.pin_prompt.setProperty("role", "heading")
        self.pin_pad = PinPad(words=self.words, pictures=self.pictures, theme=self.theme)
        self.pin_pad.pin_entered.connect(self._on_pin_pad_pin_entered)
        self.pin_cancel_button = self._big("cross")
        self.pin_cancel_button.tapped.connect(self._hide_pin_panel)
        self.pin_panel = QWidget()
        pin_layout = form.column(self.pin_panel, gap)
        pin_layout.addWidget(self.pin_prompt)
        pin_layout.addWidget(self.pin_pad)
        cancel_row = QHBoxLayout()
        cancel_row.addWidget(self.pin_cancel_button)
        cancel_row.addStretch(1)
        pin_layout.addLayout(cancel_row)
        self.pin_panel.hide()
        care = form.card()
        care_layout = form.inside(care, gap)
        care_layout.addWidget(self.access_heading)
        care_layout.addLayout(access_grid)
        care_layout.addSpacing(gap // 2)
        care_layout.addWidget(self.pin_state_label)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.set_pin_button)
        pin_row.addStretch(1)
        care_layout.addLayout(pin_row)
        care_layout.addWidget(self.pin_panel)
        layout.addWidget(care)

        layout.addWidget(self._records_last)

        # Moved out
        self.archive_button = self._big("cross")
        self.archive_button.tapped.connect(self._on_archive_button_tapped)
        self.archive_question = QLabel()
        self.archive_question.setProperty("role", "banner")
        self.archive_question.setWordWrap(True)
        self.archive_yes_button = self._big("check")
        self.archive_no_button = self._big("no")
        self.archive_yes_button.tapped.connect(self._on_archive_yes_button_tapped)
        self.archive_no_button.tapped.connect(self._hide_archive_question)
        layout.addSpacing(gap)
        layout.addWidget(self.archive_question)
        layout.addLayout(
            form.row_of([self.archive_button, self.archive_yes_button, self.archive_no_button], gap)
        )
        self._hide_archive_question()

        self._arrange_choices()

    def _arrange_choices(self) -> None:
        """Choice buttons in rows; fewer to a row when the text is large, so words fit."""
        large = self.theme.metrics.scale >= 1.5
        for grid, buttons, most in self._choice_groups:
            columns = min(most, 3) if large else most
            if len(buttons) == 4 and large:
                columns = 2  # two and two, not three and one
            for button in buttons:
                grid.removeWidget(button)
            for index, button in enumerate(buttons):
                grid.addWidget(button, index // columns, index % columns)
            for column in range(max(most, 5)):
                grid.setColumnStretch(column, 1 if column < columns else 0)

    # -- what the window uses ----------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Residents")

    def refresh(self) -> None:
        super().refresh()
        self._show_list()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.pin_pad.apply_theme(theme)
        if self.records_panel is not None:
            self.records_panel.apply_theme(theme)
        self._arrange_choices()
        self._fill_list()
        if self.editing:
            self._show_photo()

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.add_button.set_words(gettext("Add a resident"))
        self.nobody_label.setText(gettext("Nobody is here yet. Add the first resident."))
        self.back_to_list_button.set_words(gettext("All residents"))
        self.names_heading.setText(gettext("Names and room"))
        edits = {
            "preferred_name": self.preferred_name_edit,
            "full_name": self.full_name_edit,
            "room": self.room_edit,
        }
        for field, words in FIELDS.items():
            self.field_labels[field].setText(gettext(words))
            edits[field].setAccessibleName(gettext(words))
        self.language_heading.setText(gettext("Language"))
        self.text_size_heading.setText(gettext("Text size"))
        for scale, button in self.text_size_buttons.items():
            button.set_words(gettext("{percent}%").format(percent=scale))
        self.contrast_heading.setText(gettext("Colours"))
        for contrast, words in CONTRASTS:
            self.contrast_buttons[contrast].set_words(gettext(words))
        self.speed_heading.setText(gettext("Speaking speed"))
        for words, rate in SPEEDS:
            self.speed_buttons[rate].set_words(gettext(words))
        self.talking_heading.setText(gettext("Talking buttons"))
        for talking, words in TALKING:
            self.talking_buttons[talking].set_words(gettext(words))
        self.talking_label.setText(
            gettext("When they are on, the first tap reads a button aloud. A second tap does it.")
        )
        self.access_heading.setText(gettext("How they open their care plan"))
        for access, words, explained in ACCESS:
            self.access_buttons[access].set_words(gettext(words))
            self.access_labels[access].setText(gettext(explained))
        self.set_pin_button.set_words(gettext("Set a new PIN"))
        self.pin_cancel_button.set_words(gettext("Cancel"))
        self.later_label.setText(gettext("Save first. Then you can add a photo and set a PIN."))
        self.archive_button.set_words(gettext("Moved out (archive)"))
        self.archive_question.setText(gettext("Are you sure? Everything they said is kept."))
        self.archive_yes_button.set_words(gettext("Yes, they have moved out"))
        self.archive_no_button.set_words(gettext("No"))
        self.pin_pad.retranslate()
        if self.records_panel is not None:
            self.records_panel.retranslate()
        self._fill_list()
        self._show_editor_words()

    # -- the list --------------------------------------------------------------------------

    def _show_list(self, notice: str = "") -> None:
        self.editing = False
        self.resident = None
        self._photo_data = None
        self._hide_pin_panel()
        self.keyboard.hide()
        people = list(self._residents.list_all())
        # Everyone who lives here first, then those who have moved out (both by name).
        self._people = [p for p in people if p.active] + [p for p in people if not p.active]
        self._show_list_page(notice)

    def _fill_list(self) -> None:
        self._show_rows(
            (person.id, _ResidentRow(person, words=self.words, theme=self.theme))
            for person in self._people
        )
        self.nobody_label.setVisible(not self._people)

    def _on_add_button_tapped(self) -> None:
        self.show_problem("")
        self.resident = None
        self._choices = self._new_choices()
        self._photo_data = None
        for edit in (self.preferred_name_edit, self.full_name_edit, self.room_edit):
            edit.clear()
        self._show_editor(saved="")

    def _open(self, resident_id: int) -> None:
        resident = self.attempt(lambda: self._residents.get(resident_id, self.actor()))
        if resident is None:
            return
        self._load(resident)
        self._show_editor(saved="")

    def _load(self, resident: Resident) -> None:
        self.resident = resident
        self._choices = _Choices.of(resident)
        self._show_names(resident)
        self._photo_data = self._residents.photo(resident.id) if resident.has_photo else None

    def _show_names(self, resident: Resident) -> None:
        self.preferred_name_edit.setText(resident.preferred_name)
        self.full_name_edit.setText(resident.full_name or "")
        self.room_edit.setText(resident.room or "")

    # -- the editor ------------------------------------------------------------------------

    def _new_choices(self) -> _Choices:
        codes = [code for code, _ in self._languages]
        language = "en_GB" if "en_GB" in codes or not codes else codes[0]
        return _Choices(
            language=language,
            text_scale=TEXT_SCALES[0],
            contrast=ContrastTheme.STANDARD,
            speech_rate=DEFAULT_SPEECH_RATE,
            talking_buttons=False,
            care_plan_access=CarePlanAccess.STAFF,
        )

    def _show_editor(self, *, saved: str) -> None:
        self.editing = True
        self._hide_pin_panel()
        self._hide_archive_question()
        self._show_editor_page(saved)
        self._show_editor_words()
        self._show_choices()
        self._show_photo()
        if not saved:
            self.scroll.verticalScrollBar().setValue(0)

    def _show_editor_words(self) -> None:
        gettext = self.words.gettext
        resident = self.resident
        adding = resident is None
        self.heading.setText(gettext("A new resident") if adding else resident.preferred_name)
        self.moved_out_label.setText(
            gettext("Moved out. Their records were erased.")
            if resident is not None and resident.erased
            else gettext("Moved out. Everything they said is kept.")
        )
        self.moved_out_label.setVisible(resident is not None and not resident.active)
        has_pin = resident is not None and resident.has_pin
        self.pin_state_label.setText(
            gettext("They have a PIN.") if has_pin else gettext("They do not have a PIN yet.")
        )
        # No new photo or PIN for someone whose records were erased: they would name them.
        named = resident is not None and not resident.erased
        for widget in (self.pin_state_label, self.set_pin_button, self.choose_photo_button):
            widget.setVisible(named)
        self.set_pin_button.setVisible(named and not self.pin_panel.isVisible())
        self.later_label.setVisible(adding)
        self.remove_photo_button.setVisible(resident is not None and resident.has_photo)
        self.archive_button.setVisible(
            resident is not None and resident.active and not self.archive_question.isVisible()
        )
        rate = self._choices.speech_rate
        self.speed_label.setText(gettext("{rate} words a minute").format(rate=rate))
        self._show_records_panel()

    def _show_records_panel(self) -> None:
        """Their records, for a manager: first for someone who has moved out, else last."""
        panel, resident = self.records_panel, self.resident
        if panel is None:
            return
        first = resident is not None and not resident.active
        host = self._records_first if first else self._records_last
        if panel.parentWidget() is not host:
            host.layout().addWidget(panel)
        panel.show_for(resident)
        self._records_first.setVisible(first and not panel.isHidden())
        self._records_last.setVisible(not first and not panel.isHidden())

    def _show_choices(self) -> None:
        choices = self._choices
        for code, button in self.language_buttons.items():
            button.set_chosen(code == choices.language)
        for scale, button in self.text_size_buttons.items():
            button.set_chosen(scale == choices.text_scale)
        for contrast, button in self.contrast_buttons.items():
            button.set_chosen(contrast == choices.contrast)
        for rate, button in self.speed_buttons.items():
            button.set_chosen(rate == choices.speech_rate)
        for talking, button in self.talking_buttons.items():
            button.set_chosen(talking == choices.talking_buttons)
        for access, button in self.access_buttons.items():
            button.set_chosen(access == choices.care_plan_access)
        self._show_editor_words()

    def _choose(self, **change: Any) -> None:
        for key, value in change.items():
            setattr(self._choices, key, value)
        self.saved_label.setText("")  # something is not saved now
        self._show_choices()

    def _show_photo(self) -> None:
        size = max(
            self.theme.metrics.min_target_px, round(120 * min(self.theme.metrics.scale, 1.5))
        )
        picture = photo_avatar(self._photo_data, size, self.theme)
        if picture is None:
            initials = self.resident.initials if self.resident is not None else "+"
            picture = initials_avatar(initials, size, self.theme)
        self.photo_label.setPixmap(picture)
        self.photo_label.setFixedSize(size, size)
        self.photo_label.setAccessibleName(self.words.gettext("Photo"))

    def _scroll_to(self, widget: QWidget) -> None:
        """Bring a part just shown into sight (its place is known once the layout has run)."""
        QTimer.singleShot(0, widget, lambda: self._scroll_now(widget))

    def _scroll_now(self, widget: QWidget) -> None:
        margin = self.theme.metrics.gap_px
        if widget.height() + 2 * margin <= self.scroll.viewport().height():
            self.scroll.ensureWidgetVisible(widget, 0, margin)
        else:  # taller than the view: show its top, where its words begin
            top = widget.mapTo(self.scroll.widget(), QPoint(0, 0)).y()
            self.scroll.verticalScrollBar().setValue(top - margin)

    # -- saving ----------------------------------------------------------------------------

    def _on_save_button_tapped(self) -> None:
        if self._saving:
            return
        self._saving = True
        try:
            saved = self._add() if self.resident is None else self._update()
        finally:
            self._saving = False
        if saved is not None:
            self.resident = saved
            self._show_names(saved)  # as kept: trimmed, spaces folded
            self.saved_label.setText(self.words.gettext("Saved."))
            self._show_editor_words()
            self._show_photo()

    def _add(self) -> Resident | None:
        choices = self._choices
        new = NewResident(
            preferred_name=self.preferred_name_edit.text(),
            full_name=self.full_name_edit.text(),
            room=self.room_edit.text(),
            language=choices.language,
            text_scale=choices.text_scale,
            contrast=choices.contrast,
            speech_rate=choices.speech_rate,
            talking_buttons=choices.talking_buttons,
            care_plan_access=choices.care_plan_access,
        )
        return self._attempt_form(lambda: self._residents.add(self.actor(), new))

    def _update(self) -> Resident | None:
        resident, choices = self.resident, self._choices
        assert resident is not None

        def changed(new: T, old: T) -> T | None:
            return new if new != old else None

        preferences = ResidentPreferences(
            language=changed(choices.language, resident.language),
            text_scale=changed(choices.text_scale, resident.text_scale),
            contrast=changed(choices.contrast, resident.contrast),
            speech_rate=changed(choices.speech_rate, resident.speech_rate),
            talking_buttons=changed(choices.talking_buttons, resident.talking_buttons),
            care_plan_access=changed(choices.care_plan_access, resident.care_plan_access),
        )
        return self._attempt_form(
            lambda: self._residents.update_details(
                self.actor(),
                resident.id,
                preferred_name=self.preferred_name_edit.text(),
                full_name=self.full_name_edit.text(),
                room=self.room_edit.text(),
                preferences=preferences,
            )
        )

    # -- a new PIN -------------------------------------------------------------------------

    def _on_set_pin_button_tapped(self) -> None:
        self._first_pin = None
        self.pin_pad.clear()
        self.pin_pad.set_message("")
        self.pin_prompt.setText(self.words.gettext("Type the new PIN: four numbers."))
        self.set_pin_button.hide()
        self.pin_panel.show()
        self._scroll_to(self.pin_panel)

    def _on_pin_pad_pin_entered(self, pin: str) -> None:
        gettext = self.words.gettext
        if self._first_pin is None:
            self._first_pin = pin
            self.pin_pad.set_message("")
            self.pin_prompt.setText(gettext("Type the same PIN again, to check it."))
            return
        first, self._first_pin = self._first_pin, None
        if not hmac.compare_digest(first, pin):
            self.pin_pad.set_message(
                gettext("The two PINs were different, so nothing has changed. Please start again.")
            )
            self.pin_prompt.setText(gettext("Type the new PIN: four numbers."))
            return
        resident = self.resident
        if resident is None:
            return
        updated = self.attempt(lambda: self._residents.set_pin(self.actor(), resident.id, pin))
        if updated is None:
            self.pin_prompt.setText(gettext("Type the new PIN: four numbers."))
            return
        self.resident = updated
        self._hide_pin_panel()
        self.saved_label.setText(gettext("The new PIN is saved."))
        self._show_editor_words()

    def _hide_pin_panel(self) -> None:
        self._first_pin = None
        self.pin_pad.clear()
        self.pin_pad.set_message("")
        self.pin_panel.hide()
        resident = self.resident
        self.set_pin_button.setVisible(
            self.editing and resident is not None and not resident.erased
        )

    # -- the photo -------------------------------------------------------------------------

    def _on_choose_photo_button_tapped(self) -> None:
        resident = self.resident
        if resident is None:
            return
        data = self._photo_from_file()
        if data is None:
            return  # they changed their mind, or the file could not be read
        updated = self.attempt(lambda: self._residents.set_photo(self.actor(), resident.id, data))
        if updated is None:
            return
        self.resident = updated
        self._photo_data = data
        self.saved_label.setText(self.words.gettext("The photo is saved."))
        self._show_photo()
        self._show_editor_words()

    def _on_remove_photo_button_tapped(self) -> None:
        resident = self.resident
        if resident is None:
            return
        updated = self.attempt(lambda: self._residents.remove_photo(self.actor(), resident.id))
        if updated is None:
            return
        self.resident = updated
        self._photo_data = None
        self.saved_label.setText(self.words.gettext("The photo is removed."))
        self._show_photo()
        self._show_editor_words()

    # -- moved out -------------------------------------------------------------------------

    def _on_archive_button_tapped(self) -> None:
        self.archive_button.hide()
        for widget in (self.archive_question, self.archive_yes_button, self.archive_no_button):
            widget.show()
        self._scroll_to(self.archive_no_button)

    def _hide_archive_question(self) -> None:
        for widget in (self.archive_question, self.archive_yes_button, self.archive_no_button):
            widget.hide()
        resident = self.resident
        self.archive_button.setVisible(resident is not None and resident.active)

    def _on_archive_yes_button_tapped(self) -> None:
        resident = self.resident
        if resident is None:
            return
        archived = self.attempt(lambda: self._residents.archive(self.actor(), resident.id))
        if archived is None:
            self._hide_archive_question()
            return
        self._show_list(
            notice=self.words.gettext("{name} has moved out. Everything they said is kept.").format(
                name=archived.preferred_name
            )
        )

    # -- their records ---------------------------------------------------------------------

    def _on_records_panel_erased(self, erased: ErasedCounts) -> None:
        self.show_problem("")
        self._show_list(notice=erased_words(self.words, erased))

    def _on_records_panel_told(self, words: str) -> None:
        """A copy was saved (or not) after staff went back to the list: say so there."""
        if not self.editing:
            self.list_notice.setText(words)
            self.list_notice.show()


class _ResidentRow(ListRow):
    """One resident in the list: their initials, name and room (or that they moved out)."""

    def __init__(self, resident: Resident, *, words: Words, theme: Theme) -> None:
        super().__init__()
        self.resident_id = resident.id
        gettext = words.gettext
        details = []
        if resident.room:
            details.append(gettext("Room {room}").format(room=resident.room))
        if not resident.active:
            details.append(gettext("Moved out"))
        if resident.erased:
            details.append(gettext("Records erased"))
        detail = " · ".join(details)
        self.setAccessibleName(", ".join([resident.preferred_name, *details]))
        size = max(theme.metrics.min_target_px, round(64 * min(theme.metrics.scale, 1.5)))
        avatar = QLabel()
        avatar.setPixmap(initials_avatar(resident.initials, size, theme))
        avatar.setFixedSize(size, size)
        name = form.plain_label(resident.preferred_name)
        name.setProperty("role", "heading")
        self.detail = form.plain_label(detail)
        self.detail.setVisible(bool(detail))
        self._lay_out(avatar, name, self.detail)
