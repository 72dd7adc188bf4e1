"""Ideas for activities and for the home: residents say, the coordinator answers.

The same chain as a meal suggestion, for everything that is not a meal: a resident says
what they would like ("a trip to the seaside", "a bird feeder outside the window"), with a
picture and why; others add "me too"; the activities coordinator answers every one in
plain words (yes, done, not now or no, with a reason); the resident hears the answer the
next time they sign in ("You said, we did"). A "yes" to an activity can be planned into
the week: the schedule slot remembers the idea it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kiosk.domain.enums import ProposalStatus, ProposalTopic
from kiosk.domain.errors import ValidationError
from kiosk.domain.meals import ANSWER_MAX, UNANSWERED_AFTER
from kiosk.domain.text import N_
from kiosk.domain.text_rules import clean_text

# What residents may suggest on the ideas screens (meals have their own screens).
IDEA_TOPICS = frozenset({ProposalTopic.ACTIVITY, ProposalTopic.HOME, ProposalTopic.OTHER})


class IdeaAnswerKind(StrEnum):
    """What the coordinator says to an idea."""

    YES = "yes"  # agreed: it will happen
    DONE = "done"  # it has happened, or the change is made
    NOT_NOW = "not_now"  # not now, with a reason
    NO = "no"  # no, with a reason


IDEA_ANSWER_STATUS: dict[IdeaAnswerKind, ProposalStatus] = {
    IdeaAnswerKind.YES: ProposalStatus.AGREED,
    IdeaAnswerKind.DONE: ProposalStatus.DONE,
    IdeaAnswerKind.NOT_NOW: ProposalStatus.NOT_NOW,
    IdeaAnswerKind.NO: ProposalStatus.DECLINED,
}

# The words a plain "yes" or "done" is stored with. They are stored as these very words
# (English, the catalogues' source), so a screen may show ``gettext(idea.response)`` when
# the response is one of them, and the resident hears it in their own language.
DEFAULT_ANSWER_WORDS: dict[IdeaAnswerKind, str] = {
    IdeaAnswerKind.YES: N_("Yes, we will do this."),
    IdeaAnswerKind.DONE: N_("We have done this."),
}


@dataclass(frozen=True, slots=True)
class NewIdea:
    """A resident's idea, as the ideas screen gathers it.

    ``activity_id`` is set when they chose an activity from the catalogue ("more of
    this"); otherwise ``title`` is a picture's words or what they typed. ``client_token``
    is made once per idea on the screen, so a double-tapped "Send" stores one idea.
    """

    topic: ProposalTopic  # ACTIVITY, HOME or OTHER, never MEAL
    title: str
    picture: str | None = None
    activity_id: int | None = None
    reason: str | None = None
    client_token: str | None = None


@dataclass(frozen=True, slots=True)
class Idea:
    """An idea as residents and the coordinator see it."""

    id: int
    resident_id: int | None
    resident_name: str | None
    topic: ProposalTopic
    title: str
    picture: str | None
    activity_id: int | None
    reason: str | None
    status: ProposalStatus
    submitted_at: datetime | None  # None while it is a draft
    supporters: int  # residents who said "me too" (not counting the one who suggested it)
    supported_by_viewer: bool = False  # the resident asking said "me too" (or suggested it)
    response: str | None = None
    responded_by: str | None = None  # the staff member's name
    responded_at: datetime | None = None
    planned_for: datetime | None = None  # the next (or last) slot made from it, home time
    raised_by: str | None = None  # the staff member who wrote it down for the residents
    done_at: datetime | None = None  # when it happened, for "done"

    @property
    def answered(self) -> bool:
        return self.responded_at is not None

    def overdue(self, now: datetime) -> bool:
        """Sent, still unanswered, and older than 14 days: the inbox flags it."""
        return (
            self.status is ProposalStatus.OPEN
            and self.submitted_at is not None
            and now - self.submitted_at > UNANSWERED_AFTER
        )


@dataclass(frozen=True, slots=True)
class IdeaAnswer:
    """The coordinator's answer. ``reason`` is required for "not now" and "no", and may
    add words to "yes" and "done" ("We have booked the minibus for Tuesday")."""

    kind: IdeaAnswerKind
    reason: str | None = None


def check_idea_topic(topic: ProposalTopic) -> ProposalTopic:
    """An activity, the home, or something else; a meal idea belongs with the kitchen."""
    topic = ProposalTopic(topic)
    if topic not in IDEA_TOPICS:
        raise ValidationError(
            "topic", N_("Meal ideas go to the kitchen. Please use Suggest a meal.")
        )
    return topic


def is_empty_idea_draft(new: NewIdea) -> bool:
    """Nothing typed or picked yet, beyond what it is about: no draft worth keeping."""
    return (
        not (new.title or "").strip()
        and not (new.reason or "").strip()
        and new.activity_id is None
        and not new.picture
    )


def idea_answer_words(answer: IdeaAnswer) -> str:
    """The words stored with an answer: "not now" and "no" need a reason in plain words;
    a plain "yes" or "done" gets :data:`DEFAULT_ANSWER_WORDS`."""
    kind = IdeaAnswerKind(answer.kind)
    reason = clean_text(
        answer.reason, field="reason", max_length=ANSWER_MAX, required=False, multiline=True
    )
    if reason is not None:
        return reason
    if kind in DEFAULT_ANSWER_WORDS:
        return DEFAULT_ANSWER_WORDS[kind]
    raise ValidationError(
        "reason", N_("Please say why, in plain words. The resident will hear this answer.")
    )
