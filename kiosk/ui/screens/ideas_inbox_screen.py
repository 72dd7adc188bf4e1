"""The coordinator's inbox: every idea residents sent for activities and the home, with how
many back it; answer each one.

Unanswered ideas come first, oldest first, and those waiting more than 14 days are flagged.
An answer is "Yes", "Done", "Not now" or "No"; "Not now" and "No" need a reason in plain
words, and "Yes" and "Done" may have some. An answered idea can be answered again: the
resident hears the new answer the next time they sign in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from kiosk.domain.access import Actor
from kiosk.domain.enums import ProposalStatus, ProposalTopic
from kiosk.domain.ideas import DEFAULT_ANSWER_WORDS, Idea, IdeaAnswer, IdeaAnswerKind
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import inbox_parts as inbox
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff
from kiosk.ui.suggestion_inbox_screen import SuggestionInboxScreen
from kiosk.ui.theme import Theme

TOPIC_WORDS = {
    ProposalTopic.ACTIVITY: N_("Activity"),
    ProposalTopic.HOME: N_("The home"),
    ProposalTopic.OTHER: N_("Other"),
    ProposalTopic.MEAL: N_("Meal"),
}
TOPIC_PICTURES = {
    ProposalTopic.ACTIVITY: "activity",
    ProposalTopic.HOME: "home-idea",
    ProposalTopic.OTHER: "idea",
    ProposalTopic.MEAL: "suggest-meal",
}
ANSWER_WORDS = {
    IdeaAnswerKind.YES: N_("Yes"),
    IdeaAnswerKind.DONE: N_("Done"),
    IdeaAnswerKind.NOT_NOW: N_("Not now"),
    IdeaAnswerKind.NO: N_("No"),
}
STATUS_WORDS = {
    ProposalStatus.AGREED: N_("Yes"),
    ProposalStatus.DONE: N_("Done"),
    ProposalStatus.NOT_NOW: N_("Not now"),
    ProposalStatus.DECLINED: N_("No"),
}
WORDS_NEEDED = frozenset({IdeaAnswerKind.NOT_NOW, IdeaAnswerKind.NO})


class IdeaInbox(Protocol):
    def inbox(self, actor: Actor) -> Sequence[Idea]: ...
    def answer(self, actor: Actor, proposal_id: int, answer: IdeaAnswer) -> Idea: ...


class IdeasInboxScreen(SuggestionInboxScreen[Idea, IdeaAnswerKind]):
    name = "ideas-inbox"
    kind_words = ANSWER_WORDS
    kinds_needing_words = WORDS_NEEDED
    none_yet_words = N_("No ideas from residents yet.")

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        ideas: IdeaInbox,
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
    ) -> None:
        super().__init__(
            words=words,
            pictures=pictures,
            theme=theme,
            signed_in=signed_in,
            kinds=IdeaAnswerKind,
            now=now,
        )
        self._ideas = ideas
        self._lay_out_panels()
        self._arrange_kind_buttons()
        self.retranslate()

    # -- Screen ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Ideas from residents")

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._arrange_kind_buttons()

    # -- the list ----------------------------------------------------------------------------

    def _read_inbox(self) -> list[Idea]:
        return list(self._ideas.inbox(self.actor()))

    def _picture_of(self, idea: Idea) -> str:
        return idea.picture or TOPIC_PICTURES[idea.topic]

    def idea_words(self, idea: Idea, now: datetime) -> str:
        """An idea as the list shows it: what, about what, from whom and when, how many
        want it, and how long it has waited (flagged after 14 days) or the answer."""
        gettext = self.words.gettext
        lines = [inbox.flagged(self.words, idea, now, idea.title), self._about(idea, now)]
        lines.append(inbox.backers(self.words, idea))
        if idea.answered:
            lines.append(gettext("Answered: {answer}").format(answer=self.answer_words(idea)))
        else:
            lines.append(inbox.days_waiting(self.words, idea, now))
        if idea.planned_for is not None:
            lines.append(
                gettext("In the week: {day} at {time}").format(
                    day=self.words.day_and_date(idea.planned_for.date()),
                    time=self.words.clock_time(idea.planned_for),
                )
            )
        return "\n".join(lines)

    def _about(self, idea: Idea, now: datetime) -> str:
        gettext = self.words.gettext
        if idea.resident_name is not None:
            who = idea.resident_name
        elif idea.raised_by is not None:
            who = gettext("{name} (staff), for the residents").format(name=idea.raised_by)
        else:
            who = gettext("a resident")
        sent = idea.submitted_at.astimezone(now.tzinfo) if idea.submitted_at else None
        return gettext("{topic}, from {name}, sent {day}").format(
            topic=gettext(TOPIC_WORDS[idea.topic]),
            name=who,
            day=self.words.day_and_date(sent.date()) if sent else "",
        )

    def answer_words(self, idea: Idea) -> str:
        """ "Yes: We have booked the minibus.", or a plain "Yes, we will do this." in the
        language of the screen."""
        gettext = self.words.gettext
        response = idea.response or ""
        if response in DEFAULT_ANSWER_WORDS.values():
            return gettext(response)
        kind = gettext(STATUS_WORDS.get(idea.status, ANSWER_WORDS[IdeaAnswerKind.NO]))
        return f"{kind}: {response}" if response else kind

    # -- answering -----------------------------------------------------------------------------

    def _answer_title(self, idea: Idea) -> str:
        return idea.title

    def _answer_details(self, idea: Idea) -> list[str]:
        return self.idea_words(idea, self._now()).split("\n")[1:]

    def _fill_answer(self) -> None:
        super()._fill_answer()
        if self.chosen is None:
            return
        gettext = self.words.gettext
        self.kind_label.setText(
            gettext("Answer again (they will hear the new answer)")
            if self.chosen.answered
            else gettext("Your answer")
        )

    def _arrange_kind_buttons(self) -> None:
        """Four in a row; two rows of two when the text is large."""
        self._place_kind_buttons(4 if self.theme.metrics.scale < 1.5 else 2)

    def _show_reason_words(self) -> None:
        super()._show_reason_words()
        self.reason_edit.setAccessibleName(self.reason_label.text())

    def _send_answer(self, idea: Idea, kind: IdeaAnswerKind) -> list[str]:
        self._ideas.answer(self.actor(), idea.id, IdeaAnswer(kind, reason=self.reason_edit.text()))
        if idea.resident_id is not None:
            return [inbox.answer_sent(self.words, idea.resident_name)]
        return [self.words.gettext("Answer sent.")]
