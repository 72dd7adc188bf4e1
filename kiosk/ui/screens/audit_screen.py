"""The audit log for the manager: who did what to which record, and when, newest first.

Filters are rows of big buttons (what happened, and when). Times are shown in the
kiosk's local time; the service keeps them in UTC. If the service says no (anyone but a
manager), its words show in the banner and the list stays empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any, Protocol

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.enums import ActorKind, StaffRole
from kiosk.domain.errors import KioskError
from kiosk.domain.staff import AuditEntry
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen, field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.words_label import WordsLabel

PAGE = 50  # events fetched at first, and how many more "Show more" adds
MOST = 500  # the service never returns more than this at once
SEPARATOR = " · "

ACTION_WORDS = {
    "staff.sign_in": N_("signed in"),
    "staff.first_manager": N_("set up the first manager"),
    "staff.add": N_("added a member of staff"),
    "staff.role": N_("changed a role"),
    "staff.pin_reset": N_("gave a new PIN"),
    "staff.disable": N_("switched off a sign-in"),
    "pin.failed": N_("typed a wrong PIN"),
    "pin.locked": N_("was locked out after wrong PINs"),
    "resident.add": N_("added a resident"),
    "resident.archive": N_("archived a resident"),
    "resident.pin_set": N_("set a resident's PIN"),
    "resident.update": N_("changed a resident's details"),
    "resident.photo": N_("changed a resident's photo"),
    "care_plan.view": N_("opened a care plan"),
    "care_plan.print": N_("printed a care plan"),
    "kiosk.exit": N_("closed the kiosk"),
    "print": N_("printed"),
    "backup": N_("made a backup"),
    "backup.folder": N_("chose where backups are copied"),
    "export.csv": N_("exported the records as CSV"),
    "report.evidence": N_("made the evidence report"),
    "resident.records": N_("saved a resident's own records"),
    "resident.erase": N_("erased a resident who had left"),
}

ROLE_WORDS = {
    StaffRole.MANAGER: N_("Manager"),
    StaffRole.COORDINATOR: N_("Activities coordinator"),
    StaffRole.KITCHEN: N_("Kitchen staff"),
    StaffRole.CARER: N_("Carer"),
}

CHANGES = (
    "staff.first_manager",
    "staff.add",
    "staff.role",
    "staff.pin_reset",
    "staff.disable",
    "resident.add",
    "resident.archive",
    "resident.pin_set",
    "resident.update",
    "resident.photo",
)

# What to show: its words on the button, and the queries whose results are merged.
Query = dict[str, Any]
WHAT: dict[str, tuple[str, tuple[Query, ...]]] = {
    "all": (N_("All"), ({},)),
    "sign-ins": (N_("Sign-ins"), ({"action": "staff.sign_in"},)),
    "wrong-pins": (N_("Wrong PINs"), ({"action": "pin.failed"}, {"action": "pin.locked"})),
    "care-plans": (N_("Care plans"), ({"record_type": "care_plan"},)),
    "changes": (N_("Staff & residents changes"), tuple({"action": a} for a in CHANGES)),
}
WHEN: dict[str, tuple[str, int | None]] = {  # words, and how many days back (None: all)
    "today": (N_("Today"), 0),
    "week": (N_("Last 7 days"), 6),
    "all": (N_("All"), None),
}


class AuditLog(Protocol):
    def events(
        self,
        actor: Actor,
        *,
        action: str | None = None,
        record_type: str | None = None,
        record_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = ...,
    ) -> Sequence[AuditEntry]: ...


class AuditScreen(StaffScreen):
    name = "audit"

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        audit: AuditLog,
        staff_name: Callable[[int], str],
        resident_name: Callable[[int], str],
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._audit = audit
        self._staff_name = staff_name
        self._resident_name = resident_name
        self._now = now
        self._names: dict[tuple[str, int], str] = {}
        self._entries: list[AuditEntry] = []
        self._limit = PAGE
        self.has_more = False
        self.what = "all"
        self.when = "week"

        self.what_label = field_label()
        self.when_label = field_label()
        self.what_buttons = self._choices(WHAT, self._on_what_tapped)
        self.when_buttons = self._choices(WHEN, self._on_when_tapped)
        self._what_grid = QGridLayout()
        self._when_grid = QGridLayout()
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.count_label.setProperty("role", "quiet")
        self._rows_host = QWidget()
        self._rows = QVBoxLayout(self._rows_host)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self.more_button = BigButton(None, "", pictures=pictures, theme=theme)
        self.more_button.tapped.connect(self._on_more_button_tapped)
        self.more_button.hide()

        self.content.addWidget(self.what_label)
        self.content.addLayout(self._what_grid)
        self.content.addWidget(self.when_label)
        self.content.addLayout(self._when_grid)
        self.content.addWidget(self.count_label)
        self.content.addWidget(self._rows_host)
        self.content.addWidget(self.more_button)
        self.content.addStretch(1)
        self._arrange()
        self._mark_choices()
        self.retranslate()

    # -- Screen ----------------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Audit log")

    def refresh(self) -> None:
        super().refresh()
        self._names.clear()
        self._load()

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.what_label.setText(gettext("What happened"))
        self.when_label.setText(gettext("When"))
        for key, button in self.what_buttons.items():
            button.set_words(gettext(WHAT[key][0]))
        for key, button in self.when_buttons.items():
            button.set_words(gettext(WHEN[key][0]))
        self.more_button.set_words(gettext("Show more"))
        self._show_rows()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._arrange()
        self._show_rows()

    # -- what tests and the window use -----------------------------------------------------

    def row_texts(self) -> list[str]:
        """The words of each row shown, newest first."""
        return [label.text() for label in self._rows_host.findChildren(QLabel)]

    def describe(self, entry: AuditEntry) -> str:
        """One event in words: "22 Nov 2026 14:03 · Grace Mensah (staff) · signed in"."""
        parts = [self._when_text(entry.occurred_at), self._who(entry), self._what(entry)]
        which = self._which(entry)
        if which:
            parts.append(which)
        detail = self._detail(entry)
        if detail:
            parts.append(detail)
        return SEPARATOR.join(parts)

    # -- slots -----------------------------------------------------------------------------

    def _on_what_tapped(self, key: str) -> None:
        self.what = key
        self._start_again()

    def _on_when_tapped(self, key: str) -> None:
        self.when = key
        self._start_again()

    def _on_more_button_tapped(self) -> None:
        self._limit = min(self._limit + PAGE, MOST)
        self._load()

    # -- loading ---------------------------------------------------------------------------

    def _start_again(self) -> None:
        self._mark_choices()
        self._limit = PAGE
        self._load()

    def _load(self) -> None:
        fetched = self.attempt(self._fetch)
        entries, more = fetched if fetched is not None else ([], False)
        self._entries, self.has_more = entries, more
        self._show_rows()

    def _fetch(self) -> tuple[list[AuditEntry], bool]:
        actor, since, limit = self.actor(), self._since(), self._limit
        found: dict[int, AuditEntry] = {}
        more = False
        for query in WHAT[self.what][1]:
            part = self._audit.events(actor, since=since, limit=limit, **query)
            more = more or len(part) >= limit
            found.update((entry.id, entry) for entry in part)
        newest_first = sorted(found.values(), key=lambda e: (_utc(e.occurred_at), e.id))[::-1]
        more = (more or len(newest_first) > limit) and limit < MOST
        return newest_first[:limit], more

    def _since(self) -> datetime | None:
        days_back = WHEN[self.when][1]
        if days_back is None:
            return None
        today = self._now().astimezone().date()
        midnight = datetime.combine(today - timedelta(days=days_back), time())
        return midnight.astimezone().astimezone(UTC)  # local midnight, in UTC

    # -- showing ---------------------------------------------------------------------------

    def _show_rows(self) -> None:
        for label in self._rows_host.findChildren(QLabel):
            self._rows.removeWidget(label)
            label.deleteLater()
            label.setParent(None)
        for entry in self._entries:
            self._rows.addWidget(self._row(entry))
        self._rows.setSpacing(self.theme.metrics.gap_px // 3)
        self.more_button.setVisible(self.has_more)
        self.count_label.setVisible(not self.problem.text())
        self.count_label.setText(self._count_words())

    def _count_words(self) -> str:
        count = len(self._entries)
        if not count:
            return self.words.gettext("Nothing to show for this choice.")
        return self.words.ngettext(
            "{count} event, newest first.", "{count} events, newest first.", count
        ).format(count=count)

    def _row(self, entry: AuditEntry) -> QLabel:
        label = WordsLabel(self.describe(entry))
        label.setWordWrap(True)
        label.setProperty("role", "card")
        label.setMargin(max(8, self.theme.metrics.gap_px // 3))
        return label

    def _when_text(self, moment: datetime) -> str:
        from babel.dates import format_date

        local = _utc(moment).astimezone()
        day = format_date(local.date(), "d MMM y", locale=self.words.language)
        return f"{day} {self.words.clock_time(local)}"

    def _who(self, entry: AuditEntry) -> str:
        gettext = self.words.gettext
        if entry.actor_kind == ActorKind.RESIDENT and entry.actor_resident_id is not None:
            name = self._name("resident", entry.actor_resident_id)
            if entry.actor_staff_id is not None:
                helper = self._name("staff", entry.actor_staff_id)
                return gettext("{name} (resident, with {helper})").format(name=name, helper=helper)
            return gettext("{name} (resident)").format(name=name)
        if entry.actor_kind == ActorKind.STAFF and entry.actor_staff_id is not None:
            return gettext("{name} (staff)").format(name=self._name("staff", entry.actor_staff_id))
        return gettext("The kiosk")

    def _what(self, entry: AuditEntry) -> str:
        words = ACTION_WORDS.get(entry.action)
        return self.words.gettext(words) if words else entry.action

    def _which(self, entry: AuditEntry) -> str:
        kind, number = entry.record_type, entry.record_id
        if kind is None or number is None:
            return ""
        if (kind == "staff" and entry.actor_staff_id == number) or (
            kind == "resident" and entry.actor_resident_id == number
        ):
            return ""  # the person did it to their own record: their name is already there
        if kind in ("staff", "resident"):
            return self._name(kind, number)
        if kind == "care_plan":
            return self.words.gettext("care plan number {number}").format(number=number)
        return f"{kind} {number}"

    def _detail(self, entry: AuditEntry) -> str:
        if entry.action == "staff.role" and entry.detail in StaffRole.values():
            role = self.words.gettext(ROLE_WORDS[StaffRole(entry.detail)])
            return self.words.gettext("new role: {role}").format(role=role)
        return entry.detail or ""

    def _name(self, kind: str, number: int) -> str:
        """A display name, asked for once per refresh; a number if it cannot be found."""
        key = (kind, number)
        if key not in self._names:
            lookup = self._staff_name if kind == "staff" else self._resident_name
            try:
                self._names[key] = lookup(number)
            except (KioskError, LookupError):
                return self._unknown(kind, number)
        return self._names[key]

    def _unknown(self, kind: str, number: int) -> str:
        if kind == "staff":
            return self.words.gettext("staff member {number}").format(number=number)
        return self.words.gettext("resident {number}").format(number=number)

    # -- the filter buttons ----------------------------------------------------------------

    def _choices(
        self, options: dict[str, Any], on_tapped: Callable[[str], None]
    ) -> dict[str, BigButton]:
        buttons = {}
        for key in options:
            button = BigButton(None, "", pictures=self.pictures, theme=self.theme)
            button.tapped.connect(lambda key=key: on_tapped(key))
            buttons[key] = button
        return buttons

    def _mark_choices(self) -> None:
        for key, button in self.what_buttons.items():
            button.set_chosen(key == self.what)
        for key, button in self.when_buttons.items():
            button.set_chosen(key == self.when)

    def _arrange(self) -> None:
        """The long "Staff & residents changes" gets two columns, so it fits on one line:
        one row of five at ordinary text sizes, two rows (three, then two) at large."""
        columns = 3 if self.theme.metrics.scale > 1.25 else 6
        what = [(b, 2 if key == "changes" else 1) for key, b in self.what_buttons.items()]
        _grid(self._what_grid, what, columns, self.theme)
        _grid(self._when_grid, [(b, 1) for b in self.when_buttons.values()], 3, self.theme)


def _grid(
    grid: QGridLayout, buttons: list[tuple[BigButton, int]], columns: int, theme: Theme
) -> None:
    """Buttons left to right in rows of ``columns`` cells; each takes its number of cells."""
    for button, _ in buttons:
        grid.removeWidget(button)
    row = column = 0
    for button, span in buttons:
        if column + span > columns:
            row, column = row + 1, 0
        grid.addWidget(button, row, column, 1, span)
        column += span
    for each in range(max(columns, grid.columnCount())):
        grid.setColumnStretch(each, 1 if each < columns else 0)
    grid.setSpacing(theme.metrics.gap_px)


def _utc(moment: datetime) -> datetime:
    """Stored times are UTC; a naive one is read as UTC too."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
