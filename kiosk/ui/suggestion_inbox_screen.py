"""What the staff inboxes of residents' suggestions share as a screen: the kitchen's (meals)
and the coordinator's (activities and the home).

The list: how many wait, then a button for each suggestion (flagged after 14 days);
touching one opens it. The answer: the way back to the list, the suggestion and why, the
kinds of answer, then any parts of the screen's own (the day, meal and dish of "Yes, on
the menu"), the words to go with the answer and "Send the answer". Once it is sent, the
list comes back with what was done above it.

A subclass sets its class attributes and fills in the methods that raise
:class:`NotImplementedError`, builds any parts of its own, then calls
:meth:`SuggestionInboxScreen._lay_out_panels` and :meth:`retranslate`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.meals import ANSWER_MAX
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui import inbox_parts as inbox
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen, field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton


class Answerable(inbox.Waiting, Protocol):
    """A suggestion as an inbox lists it and answers it."""

    @property
    def id(self) -> int: ...
    @property
    def reason(self) -> str | None: ...


ItemT = TypeVar("ItemT", bound=Answerable)
KindT = TypeVar("KindT")


class SuggestionInboxScreen(StaffScreen, Generic[ItemT, KindT]):
    """Residents' suggestions, and an answer to one."""

    #: The words on each kind of answer's button (marked with ``N_``).
    kind_words: ClassVar[Mapping[Any, str]]
    #: The kinds of answer that need words with them; the others may have some.
    kinds_needing_words: ClassVar[frozenset[Any]]
    #: What the list says when nothing has been sent yet (marked with ``N_``).
    none_yet_words: ClassVar[str]

    print_poster_requested = Signal()  # "You said, we did" for this month; the window prints

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        kinds: Iterable[KindT],
        now: Callable[[], datetime],
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._now = now
        self.ideas: list[ItemT] = []
        self.chosen: ItemT | None = None
        self.kind: KindT | None = None
        self._sending = False
        kit = {"pictures": pictures, "theme": theme}

        # The list
        self.list_panel = QWidget()
        self.summary = form.plain_label()
        self.poster_button = BigButton("newspaper", "", horizontal=True, small=True, **kit)
        self.poster_button.tapped.connect(self.print_poster_requested)
        self.idea_buttons: dict[int, BigButton] = {}
        self._ideas_column = QVBoxLayout()
        self._ideas_column.setSpacing(theme.metrics.gap_px)
        column = QVBoxLayout(self.list_panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.poster_button)
        column.addWidget(self.summary)
        column.addLayout(self._ideas_column)

        # One suggestion, and the answer
        self.answer_panel = QWidget()
        self.back_button = BigButton("back", "", horizontal=True, small=True, **kit)
        self.back_button.tapped.connect(self._on_back_button_tapped)
        self.idea_title = form.plain_label()
        self.idea_title.setProperty("role", "heading")
        self.idea_details = form.plain_label()
        self.kind_label = field_label()
        self.kind_buttons = {kind: BigButton(None, "", small=True, **kit) for kind in kinds}
        for kind, button in self.kind_buttons.items():
            button.tapped.connect(lambda kind=kind: self._choose_kind(kind))
        self._kinds_grid = QGridLayout()
        self.reason_label = field_label()
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(ANSWER_MAX + 1)  # one more: "too long" is said in words
        self.send_button = BigButton("yes", "", horizontal=True, **kit)
        self.send_button.tapped.connect(self._on_send_button_tapped)

    def _lay_out_panels(self, *own_parts: QWidget | QLayout) -> None:
        """The list, then the answer (hidden), with ``own_parts`` between the kinds of
        answer and the words to go with it."""
        column = QVBoxLayout(self.answer_panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(self.theme.metrics.gap_px // 2)
        column.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.idea_title)
        column.addWidget(self.idea_details)
        column.addWidget(self.kind_label)
        column.addLayout(self._kinds_grid)
        for part in own_parts:
            if isinstance(part, QLayout):
                column.addLayout(part)
            else:
                column.addWidget(part)
        column.addWidget(self.reason_label)
        column.addWidget(self.reason_edit)
        column.addWidget(self.send_button)

        self.content.addWidget(self.list_panel)
        self.content.addWidget(self.answer_panel)
        self.content.addStretch(1)
        self.answer_panel.hide()

    # -- Screen ------------------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        self._show_list()

    def retranslate(self) -> None:
        """The shared words; a subclass sets its own first, then calls this."""
        super().retranslate()
        gettext = self.words.gettext
        self.back_button.set_words(gettext("Back to the list"))
        self.poster_button.set_words(gettext("Print “You said, we did” for this month"))
        self.kind_label.setText(gettext("Your answer"))
        for kind, button in self.kind_buttons.items():
            button.set_words(gettext(self.kind_words[kind]))
        self.send_button.set_words(gettext("Send the answer"))
        self._show_reason_words()
        if self.chosen is not None:
            self._fill_answer()
        else:
            self._fill_list()

    # -- the list ----------------------------------------------------------------------------

    def step_back(self) -> bool:
        """Back from a suggestion goes to the list; from the list, it leaves the screen."""
        if self.chosen is None:
            return False
        self._show_list()
        return True

    def _show_list(self) -> None:
        self.chosen = None
        self.kind = None
        self.answer_panel.hide()
        self.list_panel.show()
        result = self.attempt(self._read_inbox)
        self.ideas = result if result is not None else []
        self._fill_list()
        self.scroll.verticalScrollBar().setValue(0)  # "Answer sent" and the list, from the top

    def _fill_list(self) -> None:
        for button in self.idea_buttons.values():
            discard(button)
        self.idea_buttons = {}
        now = self._now()
        none_yet = self.words.gettext(self.none_yet_words)
        self.summary.setText(inbox.waiting_summary(self.words, self.ideas, now, none_yet))
        for idea in self.ideas:
            button = BigButton(
                self._picture_of(idea),
                self.idea_words(idea, now),
                pictures=self.pictures,
                theme=self.theme,
                horizontal=True,
                small=True,
            )
            button.tapped.connect(lambda idea=idea: self._open(idea))
            self.idea_buttons[idea.id] = button
            self._ideas_column.addWidget(button)

    # -- answering -----------------------------------------------------------------------------

    def _open(self, idea: ItemT) -> None:
        self.chosen = idea
        self.kind = None
        self.reason_edit.clear()
        self.show_problem("")
        self.list_panel.hide()
        self.answer_panel.show()
        self._fill_answer()
        self.scroll.verticalScrollBar().setValue(0)

    def _fill_answer(self) -> None:
        idea = self.chosen
        if idea is None:
            return
        self.idea_title.setText(self._answer_title(idea))
        lines = self._answer_details(idea)
        if idea.reason:
            lines.append(self.words.gettext("Why: {reason}").format(reason=idea.reason))
        self.idea_details.setText("\n".join(lines))
        for kind, button in self.kind_buttons.items():
            button.set_chosen(kind is self.kind)
        self._show_reason_words()
        for part in (self.reason_label, self.reason_edit, self.send_button):
            part.setVisible(self.kind is not None)

    def _place_kind_buttons(self, columns: int) -> None:
        """The kinds of answer in rows of ``columns``, every column the same width."""
        buttons = list(self.kind_buttons.values())
        form.grid_of(self._kinds_grid, buttons, columns, self.theme.metrics.gap_px)

    def _show_reason_words(self) -> None:
        needed = self.kind in self.kinds_needing_words
        self.reason_label.setText(
            self.words.gettext(inbox.WORDS_NEEDED if needed else inbox.WORDS_OPTIONAL)
        )

    def _choose_kind(self, kind: KindT) -> None:
        self.kind = kind
        self._fill_answer()

    def _on_back_button_tapped(self) -> None:
        self._show_list()

    def _on_send_button_tapped(self) -> None:
        idea, kind = self.chosen, self.kind
        if idea is None or kind is None or self._sending:
            return
        self._sending = True
        try:
            done = self.attempt(lambda: self._send_answer(idea, kind))
        finally:
            self._sending = False
        if done is None:
            return  # the problem is shown in words; the answer and its words stay as they were
        self._show_list()
        self.summary.setText("\n".join([*done, self.summary.text()]))

    # -- what each inbox fills in ----------------------------------------------------------------

    def _read_inbox(self) -> list[ItemT]:
        """Every suggestion to list, in order (the service's refusal is shown in words)."""
        raise NotImplementedError

    def _picture_of(self, idea: ItemT) -> str:
        """The picture on ``idea``'s button in the list."""
        raise NotImplementedError

    def idea_words(self, idea: ItemT, now: datetime) -> str:
        """A suggestion as the list shows it."""
        raise NotImplementedError

    def answer_words(self, idea: ItemT) -> str:
        """The answer ``idea`` was given, in the language of the screen."""
        raise NotImplementedError

    def _answer_title(self, idea: ItemT) -> str:
        """The heading over the answer."""
        raise NotImplementedError

    def _answer_details(self, idea: ItemT) -> list[str]:
        """The lines under the heading, before why."""
        raise NotImplementedError

    def _send_answer(self, idea: ItemT, kind: KindT) -> list[str]:
        """Send the answer chosen; the lines to show above the list once it is sent."""
        raise NotImplementedError
