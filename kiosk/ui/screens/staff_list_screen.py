"""The staff list for the manager: who works here, their role, a new PIN, switching off.

Three views on one screen: the list; one chosen member (role, new PIN, switch off); and
"Add a member of staff". Every change goes through the staff service, which checks the
right itself; a refusal shows in words. Names are shown exactly as typed (plain text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.enums import StaffRole
from kiosk.domain.staff import StaffMember
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen, field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.pin_pad import PinPad

ROLE_WORDS = {
    StaffRole.MANAGER: N_("Manager"),
    StaffRole.COORDINATOR: N_("Activities coordinator"),
    StaffRole.KITCHEN: N_("Kitchen staff"),
    StaffRole.CARER: N_("Carer"),
}
CAN_SIGN_IN_AS = {
    StaffRole.MANAGER: N_("{name} can now sign in as a manager."),
    StaffRole.COORDINATOR: N_("{name} can now sign in as an activities coordinator."),
    StaffRole.KITCHEN: N_("{name} can now sign in as kitchen staff."),
    StaffRole.CARER: N_("{name} can now sign in as a carer."),
}

LIST, MEMBER, ADD = "list", "member", "add"


class StaffDirectory(Protocol):
    def list(self, actor: Actor) -> Sequence[StaffMember]: ...
    def add(self, actor: Actor, name: str, role: StaffRole, pin: str) -> StaffMember: ...
    def set_role(self, actor: Actor, staff_id: int, role: StaffRole) -> StaffMember: ...
    def reset_pin(self, actor: Actor, staff_id: int, pin: str) -> StaffMember: ...
    def disable(self, actor: Actor, staff_id: int) -> StaffMember: ...


class StaffListScreen(StaffScreen):
    name = "staff-list"

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        staff: StaffDirectory,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._staff = staff
        self._now = now
        self._members: list[StaffMember] = []
        self.chosen: StaffMember | None = None
        self.view = LIST
        self._add_role: StaffRole | None = None
        self._new_pin: str | None = None
        self._saving = False
        self.member_buttons: dict[int, BigButton] = {}

        self.notice = form.notice_card(theme.metrics.gap_px)
        self.content.addWidget(self.notice)
        self._build_list()
        self._build_member()
        self._build_add()
        self.content.addStretch(1)
        self._arrange()
        self._show_view(LIST)
        self.retranslate()

    # -- building --------------------------------------------------------------------------

    def _build_list(self) -> None:
        self.list_panel = _panel(self.theme)
        self.add_button = self._button(self._on_add_button_tapped)
        self.list_heading = field_label()
        self._members_grid = QGridLayout()
        layout = self.list_panel.layout()
        layout.addWidget(self.add_button)
        layout.addWidget(self.list_heading)
        layout.addLayout(self._members_grid)
        self.content.addWidget(self.list_panel)

    def _build_member(self) -> None:
        self.member_panel = _panel(self.theme)
        self.back_button = self._button(self._on_back_button_tapped)
        self.member_name = form.plain_label()
        self.member_name.setProperty("role", "heading")
        self.member_status = form.plain_label()
        who = QVBoxLayout()
        who.setSpacing(4)
        who.addWidget(self.member_name)
        who.addWidget(self.member_status)
        self.member_role_label = field_label()
        self.member_roles = self._role_buttons(self._on_member_role_tapped)
        self._member_roles_grid = QGridLayout()
        self.sign_in_label = field_label()
        self.new_pin_button = self._button(self._on_new_pin_button_tapped)
        self.switch_off_button = self._button(self._on_switch_off_button_tapped)
        self._actions_grid = QGridLayout()
        self._build_confirm()
        self.member_pin = _NewPin(
            N_("Type the new PIN"), words=self.words, pictures=self.pictures, theme=self.theme
        )
        self.member_pin.pin_chosen.connect(self._on_member_pin_pin_chosen)
        self.cancel_pin_button = self._button(self._on_cancel_pin_button_tapped)
        for asking in (self.confirm_panel, self.member_pin, self.cancel_pin_button):
            asking.hide()
        layout = self.member_panel.layout()
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(who)
        layout.addWidget(self.member_role_label)
        layout.addLayout(self._member_roles_grid)
        layout.addWidget(self.sign_in_label)
        layout.addLayout(self._actions_grid)
        layout.addWidget(self.confirm_panel)
        layout.addWidget(self.member_pin)
        layout.addWidget(self.cancel_pin_button)
        self.content.addWidget(self.member_panel)

    def _build_confirm(self) -> None:
        """ "Are you sure?" with Yes and No, in a card of its own."""
        self.confirm_panel = _panel(self.theme, card=True)
        self.confirm_label = form.plain_label()
        self.confirm_label.setProperty("role", "heading")
        self.yes_button = self._button(self._on_yes_button_tapped)
        self.no_button = self._button(self._on_no_button_tapped)
        self._confirm_grid = QGridLayout()
        self.confirm_panel.layout().addWidget(self.confirm_label)
        self.confirm_panel.layout().addLayout(self._confirm_grid)

    def _build_add(self) -> None:
        self.add_panel = _panel(self.theme)
        self.add_heading = field_label()
        self.add_heading.setProperty("role", "heading")
        self.name_label = field_label()
        self.name_edit = QLineEdit()
        self.add_role_label = field_label()
        self.add_roles = self._role_buttons(self._on_add_role_tapped)
        self._add_roles_grid = QGridLayout()
        self.pin_label = field_label()
        self.add_pin = _NewPin(
            N_("Type a PIN for them"), words=self.words, pictures=self.pictures, theme=self.theme
        )
        self.add_pin.pin_chosen.connect(self._on_add_pin_pin_chosen)
        self.pin_ready = form.plain_label()
        self.pin_again_button = self._button(self._on_pin_again_button_tapped)
        self.save_button = self._button(self._on_save_button_tapped)
        self.cancel_add_button = self._button(self._on_back_button_tapped)
        self._save_grid = QGridLayout()
        layout = self.add_panel.layout()
        for item in (self.add_heading, self.name_label, self.name_edit, self.add_role_label):
            layout.addWidget(item)
        layout.addLayout(self._add_roles_grid)
        for item in (self.pin_label, self.add_pin, self.pin_ready):
            layout.addWidget(item)
        layout.addWidget(self.pin_again_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(self._save_grid)
        self.content.addWidget(self.add_panel)

    def _button(self, on_tapped: Callable[[], None]) -> BigButton:
        button = BigButton(None, "", pictures=self.pictures, theme=self.theme)
        button.tapped.connect(on_tapped)
        return button

    def _role_buttons(self, on_tapped: Callable[[StaffRole], None]) -> dict[StaffRole, BigButton]:
        buttons = {}
        for role in StaffRole:
            button = BigButton(None, "", pictures=self.pictures, theme=self.theme)
            button.tapped.connect(lambda role=role: on_tapped(role))
            buttons[role] = button
        return buttons

    def _arrange(self) -> None:
        """Roles four to a row (two at large text); members two to a row (one at large)."""
        large = self.theme.metrics.scale > 1.25
        roles = 2 if large else 4
        form.grid_of(
            self._member_roles_grid,
            list(self.member_roles.values()),
            roles,
            self.theme.metrics.gap_px,
        )
        form.grid_of(
            self._add_roles_grid, list(self.add_roles.values()), roles, self.theme.metrics.gap_px
        )
        form.grid_of(
            self._actions_grid,
            [self.new_pin_button, self.switch_off_button],
            2,
            self.theme.metrics.gap_px,
        )
        form.grid_of(
            self._confirm_grid, [self.yes_button, self.no_button], 2, self.theme.metrics.gap_px
        )
        form.grid_of(
            self._save_grid,
            [self.save_button, self.cancel_add_button],
            2,
            self.theme.metrics.gap_px,
        )
        buttons = list(self.member_buttons.values())
        form.grid_of(self._members_grid, buttons, 1 if large else 2, self.theme.metrics.gap_px)

    # -- Screen ----------------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Staff")

    def refresh(self) -> None:
        super().refresh()
        self._say("")
        self._load()
        self._show_view(LIST)

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.add_button.set_words(gettext("Add a member of staff"))
        self.list_heading.setText(gettext("Everyone who works here"))
        self.back_button.set_words(gettext("‹ Back to the list"))
        self.member_role_label.setText(gettext("Role"))
        self.sign_in_label.setText(gettext("Signing in"))
        self.new_pin_button.set_words(gettext("New PIN"))
        self.switch_off_button.set_words(gettext("Switch off sign-in"))
        self.yes_button.set_words(gettext("Yes, switch it off"))
        self.no_button.set_words(gettext("No, keep it"))
        self.cancel_pin_button.set_words(gettext("Cancel"))
        self.add_heading.setText(gettext("Add a member of staff"))
        self.name_label.setText(gettext("Name"))
        self.add_role_label.setText(gettext("Role"))
        self.pin_label.setText(gettext("PIN"))
        self.pin_ready.setText(gettext("The PIN is ready."))
        self.pin_again_button.set_words(gettext("Type a different PIN"))
        self.save_button.set_words(gettext("Save"))
        self.cancel_add_button.set_words(gettext("Cancel"))
        for roles in (self.member_roles, self.add_roles):
            for role, button in roles.items():
                button.set_words(gettext(ROLE_WORDS[role]))
        self.member_pin.retranslate()
        self.add_pin.retranslate()
        self._show_members()
        self._show_chosen()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.member_pin.apply_theme(theme)
        self.add_pin.apply_theme(theme)
        self._arrange()

    # -- the list --------------------------------------------------------------------------

    def _load(self) -> None:
        members = self.attempt(lambda: self._staff.list(self.actor()))
        self._members = list(members) if members is not None else []
        self.add_button.setVisible(members is not None)
        self.list_heading.setVisible(members is not None)
        if self.chosen is not None:
            self.chosen = next((m for m in self._members if m.id == self.chosen.id), None)
        self._show_members()

    def _show_members(self) -> None:
        for button in self.member_buttons.values():
            self._members_grid.removeWidget(button)
            button.deleteLater()
            button.setParent(None)
        self.member_buttons = {}
        for member in self._members:
            button = BigButton(
                None, self._member_words(member), pictures=self.pictures, theme=self.theme
            )
            _plain_words(button)
            button.tapped.connect(lambda staff_id=member.id: self._on_member_tapped(staff_id))
            self.member_buttons[member.id] = button
        self._arrange()

    def _member_words(self, member: StaffMember) -> str:
        return f"{member.name}\n{self.status_words(member)}"

    def status_words(self, member: StaffMember) -> str:
        """ "Kitchen staff", "Carer · switched off", "Manager · locked until 14:03"."""
        gettext = self.words.gettext
        parts = [gettext(ROLE_WORDS[member.role])]
        if not member.active:
            parts.append(gettext("switched off"))
        locked = member.locked_until
        if locked is not None and _utc(locked) > _utc(self._now()):
            time = self.words.clock_time(_utc(locked).astimezone())
            parts.append(gettext("locked until {time}").format(time=time))
        return " · ".join(parts)

    # -- one member ------------------------------------------------------------------------

    def _on_member_tapped(self, staff_id: int) -> None:
        self._say("")
        self.show_problem("")
        self.chosen = next((m for m in self._members if m.id == staff_id), None)
        if self.chosen is not None:
            self._show_view(MEMBER)

    def _show_chosen(self) -> None:
        member = self.chosen
        if member is None:
            return
        self.member_name.setText(member.name)
        self.member_status.setText(self.status_words(member))
        for role, button in self.member_roles.items():
            button.set_chosen(role == member.role)
        self.switch_off_button.setVisible(member.active and not self._busy())
        self.new_pin_button.setVisible(not self._busy())
        self.confirm_label.setText(
            self.words.gettext("Are you sure? {name} will not be able to sign in.").format(
                name=member.name
            )
        )

    def _busy(self) -> bool:
        """Asking "Are you sure?" or for a new PIN: the other actions wait."""
        return not self.confirm_panel.isHidden() or not self.member_pin.isHidden()

    def _on_member_role_tapped(self, role: StaffRole) -> None:
        member = self.chosen
        if member is None or role == member.role:
            return
        changed = self.attempt(lambda: self._staff.set_role(self.actor(), member.id, role))
        if changed is not None:
            self._changed(changed, self._can_sign_in_as(changed))

    def _on_new_pin_button_tapped(self) -> None:
        self._say("")
        self.member_pin.start()
        self._ask(pin=True)

    def _on_member_pin_pin_chosen(self, pin: str) -> None:
        member = self.chosen
        if member is None:
            return
        changed = self.attempt(lambda: self._staff.reset_pin(self.actor(), member.id, pin))
        self._ask()
        if changed is not None:
            words = self.words.gettext("{name} can sign in with the new PIN now.")
            self._changed(changed, words.format(name=changed.name))

    def _on_cancel_pin_button_tapped(self) -> None:
        self._ask()

    def _on_switch_off_button_tapped(self) -> None:
        self._say("")
        self._ask(confirm=True)

    def _on_yes_button_tapped(self) -> None:
        member = self.chosen
        self._ask()
        if member is None:
            return
        changed = self.attempt(lambda: self._staff.disable(self.actor(), member.id))
        if changed is not None:
            words = self.words.gettext(
                "{name} can no longer sign in. Everything they did stays on record."
            )
            self._changed(changed, words.format(name=changed.name))

    def _on_no_button_tapped(self) -> None:
        self._ask()

    def _ask(self, *, confirm: bool = False, pin: bool = False) -> None:
        """Show "Are you sure?" or the PIN pad (or neither) under the member's details."""
        self.confirm_panel.setVisible(confirm)
        self.member_pin.setVisible(pin)
        self.cancel_pin_button.setVisible(pin)
        self._show_chosen()
        shown = self.confirm_panel if confirm else self.member_pin if pin else None
        if shown is not None:
            self._scroll_to_top_of(shown, self.theme.metrics.gap_px // 2)

    def _changed(self, member: StaffMember, words: str) -> None:
        self.chosen = member
        self._load()
        self._show_chosen()
        self._say(self.words.gettext("Saved.") + " " + words)

    def _can_sign_in_as(self, member: StaffMember) -> str:
        return self.words.gettext(CAN_SIGN_IN_AS[member.role]).format(name=member.name)

    # -- adding ----------------------------------------------------------------------------

    def _on_add_button_tapped(self) -> None:
        self._say("")
        self.show_problem("")
        self.name_edit.clear()
        self._add_role = None
        for button in self.add_roles.values():
            button.set_chosen(False)
        self._on_pin_again_button_tapped()
        self._show_view(ADD)

    def _on_add_role_tapped(self, role: StaffRole) -> None:
        self._add_role = role
        for each, button in self.add_roles.items():
            button.set_chosen(each == role)

    def _on_add_pin_pin_chosen(self, pin: str) -> None:
        self._new_pin = pin
        self._show_pin_ready(True)

    def _on_pin_again_button_tapped(self) -> None:
        self._new_pin = None
        self.add_pin.start()
        self._show_pin_ready(False)

    def _show_pin_ready(self, ready: bool) -> None:
        self.add_pin.setVisible(not ready)
        self.pin_ready.setVisible(ready)
        self.pin_again_button.setVisible(ready)

    def _on_save_button_tapped(self) -> None:
        if self._saving or self.view != ADD:
            return  # a second tap while the first is saving, or after it saved
        self._saving = True
        self.save_button.setEnabled(False)
        try:
            added = self._save()
        finally:
            self._saving = False
            self.save_button.setEnabled(True)
        if added is not None:
            self._load()
            self._show_view(LIST)
            self._say(self.words.gettext("Saved.") + " " + self._can_sign_in_as(added))

    def _save(self) -> StaffMember | None:
        role, pin = self._add_role, self._new_pin
        if role is None:
            self.show_problem(self.words.gettext("Please choose a role."))
            return None
        if pin is None:
            self.show_problem(self.words.gettext("Please type the PIN twice first."))
            return None
        name = self.name_edit.text()
        return self.attempt(lambda: self._staff.add(self.actor(), name, role, pin))

    # -- views and words -------------------------------------------------------------------

    def _on_back_button_tapped(self) -> None:
        self._say("")
        self.show_problem("")
        self._show_view(LIST)

    def _show_view(self, view: str) -> None:
        self.view = view
        self.keyboard.attach(None)
        self.keyboard.hide()
        self.list_panel.setVisible(view == LIST)
        self.member_panel.setVisible(view == MEMBER)
        self.add_panel.setVisible(view == ADD)
        if view == MEMBER:
            self._ask()
        self.scroll.verticalScrollBar().setValue(0)

    def _say(self, text: str) -> None:
        """Plain words after a change ("Saved. …"); "" hides them."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))


class _NewPin(QWidget):
    """A PIN pad that asks twice and says :attr:`pin_chosen` only when both match."""

    pin_chosen = Signal(str)

    def __init__(
        self, first_prompt: str, *, words: Words, pictures: PictureLibrary, theme: Theme
    ) -> None:
        super().__init__()
        self.words = words
        self._first_prompt = first_prompt
        self._first: str | None = None
        self.prompt = QLabel()
        self.prompt.setProperty("role", "heading")
        self.prompt.setWordWrap(True)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pad = PinPad(words=words, pictures=pictures, theme=theme)
        self.pad.pin_entered.connect(self._on_pad_pin_entered)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addWidget(self.pad)
        self.retranslate()

    @property
    def asking_again(self) -> bool:
        return self._first is not None

    def start(self) -> None:
        self._first = None
        self.pad.clear()
        self.pad.set_message("")
        self.retranslate()

    def retranslate(self) -> None:
        self.pad.retranslate()
        again = self._first is not None
        prompt = N_("Type it again") if again else self._first_prompt
        self.prompt.setText(self.words.gettext(prompt))

    def apply_theme(self, theme: Theme) -> None:
        self.pad.apply_theme(theme)

    def _on_pad_pin_entered(self, pin: str) -> None:
        if self._first is None:
            self._first = pin
            self.pad.set_message("")
        elif pin == self._first:
            self._first = None
            self.pin_chosen.emit(pin)
        else:
            self._first = None
            self.pad.set_message(
                self.words.gettext(
                    "The two PINs were not the same, so nothing was changed. "
                    "Please type the new PIN again."
                )
            )
        self.retranslate()


def _panel(theme: Theme, *, card: bool = False) -> QWidget:
    """A column of widgets; a card (a white box with an edge) sets a question apart."""
    panel = QFrame()
    layout = QVBoxLayout(panel)
    margin = theme.metrics.gap_px // 2 if card else 0
    layout.setContentsMargins(margin, margin, margin, margin)
    if card:
        panel.setProperty("role", "card")
    layout.setSpacing(theme.metrics.gap_px)  # buttons one above another stay 8 mm apart
    return panel


def _plain_words(button: BigButton) -> None:
    for label in button.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
