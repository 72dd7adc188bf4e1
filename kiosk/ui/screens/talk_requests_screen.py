"""Requests to talk: residents who said "I want to talk about this" about their care plan.

The list shows the requests waiting, the one waiting longest first: whose, which section,
how long it has waited, how it was raised and the note with it. Touching one opens it, with
a box for what was agreed when staff and the resident talked it through; "Save what we
agreed" sorts it out, and the resident hears those words the next time they open their
plan. "Sorted out" shows the requests already dealt with: when, by whom, what was agreed.

The words typed stay if the carer goes back to the list, or the service refuses them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.care_plan_records import TalkRequestView
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui import talk_request_card as card
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen, field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

AGREED_QUESTION = N_("What did you agree together?")
FIELDS = {"resolution": N_("What you agreed")}  # the field the service names in a refusal


class TalkRequests(Protocol):
    """The care-plan talk service, as the carers' list uses it."""

    def requests(
        self, actor: Actor, *, include_resolved: bool = False
    ) -> Sequence[TalkRequestView]: ...
    def resolve(self, actor: Actor, request_id: int, resolution: str) -> TalkRequestView: ...


class TalkRequestsScreen(StaffScreen):
    name = "talk-requests"
    fields = FIELDS

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        talk: TalkRequests,
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._talk = talk
        self._now = now
        self.requests: list[TalkRequestView] = []
        self.showing_sorted_out = False
        self.chosen: TalkRequestView | None = None
        self._drafts: dict[tuple[int | None, int], str] = {}  # (staff, request): words typed
        self._saving = False
        kit = {"pictures": pictures, "theme": theme, "horizontal": True, "small": True}
        gap = theme.metrics.gap_px

        # The list: waiting or sorted out, and what was just saved
        self.list_panel = QWidget()
        self.waiting_tab = BigButton("talk", "", **kit)
        self.sorted_out_tab = BigButton("check", "", **kit)
        self.waiting_tab.tapped.connect(self._on_waiting_tab_tapped)
        self.sorted_out_tab.tapped.connect(self._on_sorted_out_tab_tapped)
        tabs = QHBoxLayout()
        tabs.setSpacing(gap)
        tabs.addWidget(self.waiting_tab, 1)
        tabs.addWidget(self.sorted_out_tab, 1)
        self.saved_notice = form.notice_card(gap)
        self.summary = form.plain_label()
        self.request_buttons: dict[int, BigButton] = {}
        self.sorted_out_cards: dict[int, QWidget] = {}
        self._items = QVBoxLayout()
        self._items.setSpacing(gap)
        column = form.column(self.list_panel, gap // 2)
        column.addLayout(tabs)
        column.addWidget(self.saved_notice)
        column.addWidget(self.summary)
        column.addLayout(self._items)

        # One request, and what was agreed
        self.resolve_panel = QWidget()
        self.back_button = BigButton("back", "", **kit)
        self.back_button.tapped.connect(self._on_back_button_tapped)
        self.request_title = form.section_heading()
        self.request_title.setTextFormat(Qt.TextFormat.PlainText)  # a resident's name
        self.request_details = form.plain_label()
        self.agreed_label = field_label()
        self.agreed_edit = QLineEdit()
        self.agreed_hint = form.plain_label()
        self.agreed_hint.setProperty("role", "quiet")
        self.save_button = BigButton("yes", "", horizontal=True, pictures=pictures, theme=theme)
        self.save_button.tapped.connect(self._on_save_button_tapped)
        column = form.column(self.resolve_panel, gap // 2)
        column.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        for part in (
            self.request_title,
            self.request_details,
            self.agreed_label,
            self.agreed_edit,
            self.agreed_hint,
            self.save_button,
        ):
            column.addWidget(part)

        self.content.addWidget(self.list_panel)
        self.content.addWidget(self.resolve_panel)
        self.content.addStretch(1)
        self.resolve_panel.hide()
        self.retranslate()

    # -- Screen ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Requests to talk")

    def refresh(self) -> None:
        self._keep_draft()
        super().refresh()
        self.saved_notice.hide()
        self.showing_sorted_out = False
        self._show_list()

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.waiting_tab.set_words(gettext("Waiting to talk"))
        self.sorted_out_tab.set_words(gettext("Sorted out"))
        self.back_button.set_words(gettext("Back to the list"))
        self.agreed_label.setText(gettext(AGREED_QUESTION))
        self.agreed_edit.setAccessibleName(gettext(AGREED_QUESTION))
        self.save_button.set_words(gettext("Save what we agreed"))
        if self.chosen is not None:
            self._fill_request()
        else:
            self._fill_list()

    def keep_unfinished(self) -> None:
        """Signed out part-way: the words typed come back when this carer opens it again."""
        self._keep_draft()

    def step_back(self) -> bool:
        """Back from a request goes to the list; from the list, it leaves the screen."""
        if self.chosen is None:
            return False
        self._on_back_button_tapped()
        return True

    # -- the list ----------------------------------------------------------------------------

    def _on_waiting_tab_tapped(self) -> None:
        self.saved_notice.hide()
        self.showing_sorted_out = False
        self._show_list()

    def _on_sorted_out_tab_tapped(self) -> None:
        self.saved_notice.hide()
        self.showing_sorted_out = True
        self._show_list()

    def _show_list(self) -> None:
        self.chosen = None
        self.resolve_panel.hide()
        self.list_panel.show()
        found = self.attempt(self._read)
        self.requests = found if found is not None else []
        self._fill_list()
        self.scroll.verticalScrollBar().setValue(0)

    def _read(self) -> list[TalkRequestView]:
        """Waiting: the one waiting longest first. Sorted out: the newest sorted out first."""
        actor = self.actor()
        if not self.showing_sorted_out:
            return list(self._talk.requests(actor))
        every = self._talk.requests(actor, include_resolved=True)
        done = [request for request in every if request.resolved_at is not None]
        done.sort(key=lambda request: request.resolved_at or request.raised_at, reverse=True)
        return done

    def _fill_list(self) -> None:
        for widget in [*self.request_buttons.values(), *self.sorted_out_cards.values()]:
            discard(widget)
        self.request_buttons, self.sorted_out_cards = {}, {}
        self.waiting_tab.set_chosen(not self.showing_sorted_out)
        self.sorted_out_tab.set_chosen(self.showing_sorted_out)
        self.summary.setText(self._summary_words())
        now = self._now()
        for request in self.requests:
            if self.showing_sorted_out:
                shown = card.sorted_out_card(self.words, request, now, self.theme.metrics.gap_px)
                self.sorted_out_cards[request.id] = shown
                self._items.addWidget(shown)
                continue
            lines = [card.heading(self.words, request), *card.open_lines(self.words, request, now)]
            button = BigButton(
                card.picture_of(request),
                "\n".join(lines),
                pictures=self.pictures,
                theme=self.theme,
                horizontal=True,
                small=True,
            )
            button.tapped.connect(lambda request=request: self._open(request))
            self.request_buttons[request.id] = button
            self._items.addWidget(button)

    def _summary_words(self) -> str:
        count = len(self.requests)
        if self.showing_sorted_out:
            if not count:
                return self.words.gettext("No requests have been sorted out yet.")
            return self.words.ngettext(
                "{count} request sorted out. The newest is first.",
                "{count} requests sorted out. The newest is first.",
                count,
            ).format(count=count)
        if not count:
            return self.words.gettext("Nobody is waiting to talk about their care plan.")
        return self.words.ngettext(
            "{count} request is waiting. Touch it to say what you agreed together.",
            "{count} requests are waiting, the longest wait first. Touch one to say what you "
            "agreed together.",
            count,
        ).format(count=count)

    # -- sorting one out ---------------------------------------------------------------------

    def _draft_key(self, request: TalkRequestView) -> tuple[int | None, int]:
        signed_in = self._signed_in()
        return (signed_in.staff_id if signed_in else None, request.id)

    def _open(self, request: TalkRequestView) -> None:
        self.chosen = request
        self.saved_notice.hide()
        self.show_problem("")
        self.agreed_edit.setText(self._drafts.get(self._draft_key(request), ""))
        self.list_panel.hide()
        self.resolve_panel.show()
        self._fill_request()
        self.scroll.verticalScrollBar().setValue(0)

    def _fill_request(self) -> None:
        request = self.chosen
        if request is None:
            return
        self.request_title.setText(card.heading(self.words, request))
        self.request_details.setText("\n".join(card.open_lines(self.words, request, self._now())))
        self.agreed_hint.setText(
            self.words.gettext(
                "{name} will hear these words the next time they open their care plan. "
                "Use plain words."
            ).format(name=request.resident_name)
        )

    def _keep_draft(self) -> None:
        if self.chosen is not None:
            self._drafts[self._draft_key(self.chosen)] = self.agreed_edit.text()

    def _on_back_button_tapped(self) -> None:
        self._keep_draft()
        self._on_keyboard_done()
        self._show_list()

    def _on_save_button_tapped(self) -> None:
        request = self.chosen
        if request is None or self._saving:
            return
        self._saving = True
        try:
            agreed = self.agreed_edit.text()
            done = self._attempt_form(lambda: self._talk.resolve(self.actor(), request.id, agreed))
        finally:
            self._saving = False
        if done is None:
            return  # the problem is shown in words; what was typed stays to put right
        self._drafts.pop(self._draft_key(request), None)
        self.agreed_edit.clear()
        self._on_keyboard_done()
        self._show_list()
        self.saved_notice.setText(
            self.words.gettext(
                "Saved. {name} will hear what you agreed the next time they open their care plan."
            ).format(name=done.resident_name)
        )
        self.saved_notice.show()
