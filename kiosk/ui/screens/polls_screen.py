"""Polls (the activities coordinator): make a vote, watch it, close it, see what won.

The list shows every poll, newest first, with where it is at in words ("Open until
Friday 27 November at 17:00"), how many have voted, and for a closed one the winner or
the tie. "New poll" opens the form (:class:`~kiosk.ui.poll_form.PollForm`): the question,
how residents answer, when it opens and closes, and two to six picture choices. A seventh
is never offered; fewer than two is refused in words by the polls service, whose answer
this screen shows, keeping everything typed and chosen.

Touching a poll shows its counts (staff who plan activities see them while it is open,
counted again every half minute), "Close now" (asked twice), and once it has closed,
"Plan it in the week" (:attr:`PollsScreen.plan_requested`: the window opens the planner).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.ideas import Idea
from kiosk.domain.polls import (
    NewPoll,
    Poll,
    PollResults,
    PollState,
)
from kiosk.domain.schedule import Activity
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.discard import discard
from kiosk.ui.list_and_editor_screen import ListRow
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.poll_form import KIND_WORDS, VISIBILITY_WORDS, PollForm
from kiosk.ui.poll_words import (
    count_words,
    mark_words,
    outcome_words,
    sentence,
    state_words,
    voted_words,
)
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.picture_card import PictureCard

# Fields the polls service names in its refusals, with the words staff see above each.
FIELDS = {
    "question": N_("Question"),
    "options": N_("Choices"),
    "activity": N_("Choices"),
    "proposal": N_("Choices"),
    "opens_at": N_("When it opens"),
    "closes_at": N_("When it closes"),
}
LIST, EDITOR, POLL = "list", "editor", "poll"
POLLS_PER_PAGE = 6
COUNT_AGAIN_MS = 30_000  # an open poll's counts are read again this often while shown


class PollDesk(Protocol):
    """What this screen needs from the polls service."""

    def create_poll(self, actor: Actor, new: NewPoll, *, now: datetime | None = None) -> Poll: ...
    def close_early(self, actor: Actor, poll_id: int, *, now: datetime | None = None) -> Poll: ...
    def all_polls(self, actor: Actor) -> Sequence[Poll]: ...
    def results(
        self, viewer: Actor, poll_id: int, *, now: datetime | None = None
    ) -> PollResults: ...


class ActivityCatalogue(Protocol):
    """The activities the home offers (the schedule service)."""

    def activities(self, viewer: Actor) -> Sequence[Activity]: ...


class ActivityIdeas(Protocol):
    """Residents' ideas, as the coordinator's inbox holds them (the ideas service)."""

    def inbox(self, actor: Actor) -> Sequence[Idea]: ...


class PollsScreen(StaffScreen):
    name = "polls"
    fields = FIELDS
    plan_requested = Signal(int)  # a closed poll's id: plan its winner into the week

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        polls: PollDesk,
        activities: ActivityCatalogue,
        ideas: ActivityIdeas,
        now: Callable[[], datetime],
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._polls = polls
        self._activities = activities
        self._ideas = ideas
        self._now = now
        self.view = LIST
        # The list
        self.polls: list[Poll] = []
        self.list_page = 0
        self.counted: dict[int, PollResults] = {}  # the results of the polls shown
        self.rows: list[_PollRow] = []
        self._saving = False  # a poll being saved: a second tap on Save waits
        # One poll
        self.poll: Poll | None = None
        self.results: PollResults | None = None
        self.result_cards: list[PictureCard] = []
        self._count_again = QTimer(self, interval=COUNT_AGAIN_MS)
        self._count_again.timeout.connect(self._on_count_again_timeout)

        self.list_view = QWidget()
        self.form = PollForm(words=words, pictures=pictures, theme=theme, now=now)
        self.form.problem.connect(self.show_problem)
        self.form.typing_done.connect(self._on_keyboard_done)
        self.poll_view = QWidget()
        self._build_list()
        self._build_poll()
        self._build_save_bar()
        self._stack_pages(self.list_view, self.form, self.poll_view)
        self._arrange()
        self._show_view(LIST)
        self.retranslate()

    # -- building --------------------------------------------------------------------------

    def _build_list(self) -> None:
        gap = self.theme.metrics.gap_px
        self.list_notice = form.notice_card(gap)
        self.new_button = self._big("vote", small=False)
        self.new_button.tapped.connect(self._on_new_button_tapped)
        self.none_label = QLabel()
        self.none_label.setWordWrap(True)
        self._rows_host = QWidget()
        self._rows = QVBoxLayout(self._rows_host)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self.previous_page_button = self._big()
        self.next_page_button = self._big()
        self.previous_page_button.tapped.connect(lambda: self._turn_list(-1))
        self.next_page_button.tapped.connect(lambda: self._turn_list(+1))
        self.page_label = form.page_label()
        layout = form.column(self.list_view, gap)
        layout.addWidget(self.list_notice)
        layout.addLayout(form.row_of([self.new_button], gap))
        layout.addWidget(self.none_label)
        layout.addWidget(self._rows_host)
        layout.addLayout(
            form.pager(self.previous_page_button, self.page_label, self.next_page_button, gap)
        )

    def _build_poll(self) -> None:
        gap = self.theme.metrics.gap_px
        self.back_to_list_button = self._big("back")
        self.back_to_list_button.tapped.connect(self._on_back_to_list_button_tapped)
        self.poll_heading = form.plain_label()
        self.poll_heading.setProperty("role", "title")
        self.state_label = form.plain_label()
        self.state_label.setStyleSheet("font-weight: bold;")
        self.settings_label = form.plain_label()
        self.voted_label = form.plain_label()
        self.winner_label = form.plain_label()
        self.winner_label.setProperty("role", "heading")
        self.poll_notice = form.notice_card(gap)
        self._cards_host = QWidget()
        self._cards = QVBoxLayout(self._cards_host)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self.count_again_button = self._big("clock")
        self.count_again_button.tapped.connect(self._on_count_again_button_tapped)
        self.close_button = self._big("stop")
        self.close_button.tapped.connect(self._on_close_button_tapped)
        self.close_question = form.plain_label()
        self.close_question.setProperty("role", "banner")
        self.close_yes_button = self._big("check")
        self.close_no_button = self._big("no")
        self.close_yes_button.tapped.connect(self._on_close_yes_button_tapped)
        self.close_no_button.tapped.connect(self._on_close_no_button_tapped)
        self.plan_button = self._big("calendar", small=False)
        self.plan_button.tapped.connect(self._on_plan_button_tapped)
        for button in (self.count_again_button, self.close_button, self.plan_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._poll_actions = form.row_of(
            [self.count_again_button, self.close_button, self.plan_button], gap
        )
        self._close_answers = QGridLayout()
        # The question and where it is at, close together; then what can be done (in
        # sight without scrolling); then each choice's counts.
        about = QVBoxLayout()
        about.setSpacing(gap // 4)
        for label in (self.poll_heading, self.state_label, self.settings_label):
            about.addWidget(label)
        about.addWidget(self.voted_label)
        about.addWidget(self.winner_label)
        layout = form.column(self.poll_view, gap)
        layout.addLayout(form.row_of([self.back_to_list_button], gap))
        layout.addWidget(self.poll_notice)
        layout.addLayout(about)
        layout.addLayout(self._poll_actions)
        layout.addWidget(self.close_question)
        layout.addLayout(self._close_answers)
        layout.addWidget(self._cards_host)

    def _build_save_bar(self) -> None:
        """Save and Cancel: always in sight under the new poll; they step aside while the
        on-screen keyboard is up ("Done" on the keyboard brings them back)."""
        gap = self.theme.metrics.gap_px
        self.save_button = self._big("check", small=False)
        self.cancel_button = self._big("cross", small=False)
        self.save_button.tapped.connect(self._on_save_button_tapped)
        self.cancel_button.tapped.connect(self._on_cancel_button_tapped)
        self.save_bar = QWidget()
        row = QHBoxLayout(self.save_bar)
        row.setContentsMargins(0, gap // 2, 0, 0)
        row.setSpacing(gap)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(outer.indexOf(self.scroll) + 1, self.save_bar)
        self.keyboard.installEventFilter(self)

    @property
    def _large(self) -> bool:
        return self.theme.metrics.scale >= 1.5

    def _arrange(self) -> None:
        """Rows of buttons; fewer to a row when the text is large, so every word fits."""
        gap = self.theme.metrics.gap_px
        large = self._large
        self.content.setSpacing(gap)
        for view in (self.list_view, self.poll_view):
            view_layout = view.layout()
            if view_layout is not None:
                view_layout.setSpacing(gap)
        self._rows.setSpacing(gap)
        self._cards.setSpacing(gap // 2)
        self._poll_actions.setSpacing(gap)
        form.grid_of(
            self._close_answers,
            [self.close_yes_button, self.close_no_button],
            1 if large else 2,
            gap,
        )

    # -- what the window uses ----------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Polls")

    def refresh(self) -> None:
        """Shown again: every poll, fresh from the records."""
        super().refresh()
        self._show_list()

    def step_back(self) -> bool:
        """Back from the new poll or one poll goes to the list; from the list, out."""
        if self.view == LIST:
            return False
        self.show_problem("")
        self._show_list()
        return True

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.new_button.set_words(gettext("New poll"))
        self.none_label.setText(gettext("No polls yet. Make the first one with New poll."))
        self.previous_page_button.set_words(gettext("‹ Back a page"))
        self.next_page_button.set_words(gettext("More polls ›"))
        self.form.retranslate()
        self.save_button.set_words(gettext("Save the poll"))
        self.cancel_button.set_words(gettext("Cancel"))
        self.back_to_list_button.set_words(gettext("All polls"))
        self.count_again_button.set_words(gettext("Count again"))
        self.close_button.set_words(gettext("Close now"))
        self.close_yes_button.set_words(gettext("Yes, close it now"))
        self.close_no_button.set_words(gettext("No, keep it open"))
        self.plan_button.set_words(gettext("Plan it in the week"))
        self._fill_list()
        self._show_poll()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.form.apply_theme(theme)
        self._arrange()
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.keyboard and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._show_save_bar()
        return super().eventFilter(watched, event)

    # -- views -----------------------------------------------------------------------------

    def _show_view(self, view: str) -> None:
        self.view = view
        self._on_keyboard_done()
        self.list_view.setVisible(view == LIST)
        self.form.setVisible(view == EDITOR)
        self.poll_view.setVisible(view == POLL)
        self._show_save_bar()
        if view == POLL:
            self._count_again.start()
        else:
            self._count_again.stop()
        self.scroll.verticalScrollBar().setValue(0)

    def _show_save_bar(self) -> None:
        self.save_bar.setVisible(self.view == EDITOR and not self.keyboard.isVisible())

    # -- the list --------------------------------------------------------------------------

    def _show_list(self, notice: str = "") -> None:
        self.poll = None
        self.results = None
        found = self.attempt(lambda: list(self._polls.all_polls(self.actor())))
        self.polls = found if found is not None else []
        self.none_label.setVisible(found is not None and not self.polls)
        self.list_page = 0
        self.list_notice.setText(notice)
        self.list_notice.setVisible(bool(notice))
        self._show_view(LIST)
        self._count_page()

    @property
    def list_pages(self) -> int:
        return max(1, math.ceil(len(self.polls) / POLLS_PER_PAGE))

    def _on_page(self) -> list[Poll]:
        start = self.list_page * POLLS_PER_PAGE
        return self.polls[start : start + POLLS_PER_PAGE]

    def _count_page(self) -> None:
        """The counts for the polls on this page (read a page at a time), then the rows."""
        now = self._now()
        self.counted = {}
        for poll in self._on_page():
            counted = self.attempt(
                lambda poll=poll: self._polls.results(self.actor(), poll.id, now=now)
            )
            if counted is None:
                break
            self.counted[poll.id] = counted
        self._fill_list()

    def _fill_list(self) -> None:
        for row in self.rows:
            self._rows.removeWidget(row)
            discard(row)
        self.rows = []
        now = self._now()
        for poll in self._on_page():
            row = _PollRow(poll, self.poll_words(poll, now), self._row_picture(poll))
            row.tapped.connect(lambda poll=poll: self._open(poll))
            self._rows.addWidget(row)
            self.rows.append(row)
        many = self.list_pages > 1
        for widget in (self.previous_page_button, self.next_page_button, self.page_label):
            widget.setVisible(many)
        self.previous_page_button.setEnabled(self.list_page > 0)
        self.next_page_button.setEnabled(self.list_page < self.list_pages - 1)
        self.page_label.setText(
            self.words.gettext("Page {page} of {pages}").format(
                page=self.list_page + 1, pages=self.list_pages
            )
        )

    def _row_picture(self, poll: Poll) -> QPixmap:
        """The winner's picture once it has closed; until then, a ballot box."""
        counted = self.counted.get(poll.id)
        winner = counted.winner if counted is not None and counted.final else None
        key = (winner.picture if winner is not None else None) or "vote"
        size = self.theme.metrics.small_picture_px
        return self.pictures.pixmap(key, size, winner.label if winner else "", self.theme.palette)

    def poll_words(self, poll: Poll, now: datetime) -> list[str]:
        """A poll in the list: where it is at, how many voted, and what won."""
        lines = [state_words(self.words, poll, now)]
        counted = self.counted.get(poll.id)
        if counted is not None:
            lines.append(voted_words(self.words, counted))
            if counted.final:
                lines.append(outcome_words(self.words, counted))
        return lines

    def _turn_list(self, step: int) -> None:
        self.list_page = max(0, min(self.list_pages - 1, self.list_page + step))
        self.show_problem("")
        self._count_page()
        self.scroll.verticalScrollBar().setValue(0)

    # -- one poll --------------------------------------------------------------------------

    def _open(self, poll: Poll) -> None:
        self.show_problem("")
        self.poll = poll
        self.results = self.counted.get(poll.id)
        self._say_on_poll("")
        self._hide_close_question()
        self._show_view(POLL)
        self._count()

    def _count(self) -> None:
        poll = self.poll
        if poll is None:
            return
        now = self._now()
        counted = self.attempt(lambda: self._polls.results(self.actor(), poll.id, now=now))
        if counted is not None:
            self.results = counted
            self.poll = counted.poll
        self._show_poll()

    def _show_poll(self) -> None:
        poll = self.poll
        if poll is None:
            return
        gettext = self.words.gettext
        now = self._now()
        state = poll.state(now)
        self.poll_heading.setText(poll.question)
        self.state_label.setText(state_words(self.words, poll, now))
        self.settings_label.setText(
            gettext("{kind}. Results for residents: {visibility}.").format(
                kind=gettext(KIND_WORDS[poll.kind]),
                visibility=gettext(VISIBILITY_WORDS[poll.visibility]).lower(),
            )
        )
        counted = self.results
        self.voted_label.setText(voted_words(self.words, counted) if counted else "")
        self.winner_label.setText(outcome_words(self.words, counted) if counted else "")
        self._fill_result_cards(counted)
        closed = state is PollState.CLOSED
        asking = self.close_question.isVisibleTo(self.poll_view)
        self.count_again_button.setVisible(not closed)
        self.close_button.setVisible(not closed and not asking)
        self.plan_button.setVisible(closed and counted is not None and counted.winner is not None)
        self.close_question.setText(
            gettext(
                "Are you sure? Residents will not be able to vote any more, and the "
                "results will be final."
            )
        )

    def _fill_result_cards(self, counted: PollResults | None) -> None:
        for card in self.result_cards:
            self._cards.removeWidget(card)
            discard(card)
        self.result_cards = []
        if counted is None:
            return
        for count in counted.counts:
            card = PictureCard(
                count.option.picture,
                count.option.label,
                [count_words(self.words, counted, count)],
                pictures=self.pictures,
                theme=self.theme,
                notice=mark_words(self.words, counted, count),
                small=True,
            )
            self._cards.addWidget(card)
            self.result_cards.append(card)

    def _say_on_poll(self, text: str) -> None:
        self.poll_notice.setText(text)
        self.poll_notice.setVisible(bool(text))

    def _on_back_to_list_button_tapped(self) -> None:
        self.show_problem("")
        self._show_list()

    def _on_count_again_button_tapped(self) -> None:
        self._say_on_poll("")
        self._count()

    def _on_count_again_timeout(self) -> None:
        poll = self.poll
        shown = self.view == POLL and poll is not None and self.isVisible()
        if shown and poll is not None and poll.state(self._now()) is not PollState.CLOSED:
            self._count()

    def _on_close_button_tapped(self) -> None:
        self.show_problem("")
        self.close_button.hide()
        for widget in (self.close_question, self.close_yes_button, self.close_no_button):
            widget.show()
        self._scroll_to_top_of(self.close_question, self.theme.metrics.gap_px)

    def _hide_close_question(self) -> None:
        for widget in (self.close_question, self.close_yes_button, self.close_no_button):
            widget.hide()

    def _on_close_no_button_tapped(self) -> None:
        self._hide_close_question()
        self._show_poll()

    def _on_close_yes_button_tapped(self) -> None:
        poll = self.poll
        self._hide_close_question()
        if poll is None:
            return
        now = self._now()
        closed = self.attempt(lambda: self._polls.close_early(self.actor(), poll.id, now=now))
        if closed is None:
            self._show_poll()
            return
        self.poll = closed
        self._count()
        self._say_on_poll(self.words.gettext("The poll is closed. These are the final results."))
        self.scroll.verticalScrollBar().setValue(0)

    def _on_plan_button_tapped(self) -> None:
        if self.poll is not None:
            self.plan_requested.emit(self.poll.id)

    # -- a new poll ------------------------------------------------------------------------

    def _on_new_button_tapped(self) -> None:
        """A fresh form, with the activities and residents' ideas to choose from (a
        refusal is shown in words; whatever could be read is still offered)."""
        self.show_problem("")
        activities = self.attempt(lambda: list(self._activities.activities(self.actor())))
        ideas = self.attempt(lambda: list(self._ideas.inbox(self.actor())))
        self._show_view(EDITOR)
        self.form.start(activities or [], ideas or [])

    def _on_cancel_button_tapped(self) -> None:
        self.show_problem("")
        self._show_list()

    def _on_save_button_tapped(self) -> None:
        if self._saving:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        try:
            saved = self._save()
        finally:
            self._saving = False
            self.save_button.setEnabled(True)
        if saved is None:
            self.scroll.verticalScrollBar().setValue(0)  # the words are at the top
            return  # everything typed and chosen stays, to put right and save again
        gettext = self.words.gettext
        now = self._now()
        self._show_list(
            "\n".join(
                [
                    gettext("Saved: {question}").format(question=saved.question),
                    sentence(state_words(self.words, saved, now)),
                ]
            )
        )

    def _save(self) -> Poll | None:
        now = self._now()
        new = self.form.new_poll(now)
        return self._attempt_form(lambda: self._polls.create_poll(self.actor(), new, now=now))

    def _field_words(self, field: str) -> str:
        if field.startswith("option_") and field[len("option_") :].isdigit():
            number = int(field[len("option_") :])
            return self.words.gettext("Choice {number}").format(number=number)
        return super()._field_words(field)


class _PollRow(ListRow):
    """One poll in the list: a picture, the question, then where it is at."""

    def __init__(self, poll: Poll, lines: list[str], picture: QPixmap) -> None:
        super().__init__()
        self.poll_id = poll.id
        self.setAccessibleName(" ".join(sentence(part) for part in [poll.question, *lines]))
        avatar = QLabel()
        avatar.setPixmap(picture)
        avatar.setFixedSize(picture.size())
        self.name = form.plain_label(poll.question)
        self.name.setProperty("role", "heading")
        self.detail = form.plain_label("\n".join(lines))
        self._lay_out(avatar, self.name, self.detail)
