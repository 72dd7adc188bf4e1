"""Everything the kiosk keeps about one resident, for their right to see it (a large-print
copy and a JSON file), and what erasing a resident who has left changed.

Pure data: the records service fills these in, the printing and the JSON file read them.
Moments are timezone-aware (UTC, as stored). PIN hashes and lock-out state are never here:
only whether the resident has a PIN at all.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, StrEnum

from kiosk.domain.care_plan_records import ReviewRecord, TalkRequestView
from kiosk.domain.care_plans import AgreedRisk, DailyRoutine, PlanGoal, SectionText
from kiosk.domain.enums import (
    BallotAnswer,
    CarePlanAccess,
    CarePlanSection,
    ContrastTheme,
    MealSlot,
    PollKind,
    ProposalStatus,
    ProposalTopic,
)
from kiosk.domain.evidence import Faces
from kiosk.domain.residents import TITLES

JSON_FORMAT = "our-say-resident-records/1"
SHORTEST_NAME_WORD = 3  # shorter parts of a name ("Jo", "Li") are too common to look for


@dataclass(frozen=True, slots=True)
class PersonalDetails:
    """Who they are at the kiosk and how it looks and sounds for them."""

    resident_id: int
    preferred_name: str
    full_name: str | None
    room: str | None
    language: str
    text_scale: int
    contrast: ContrastTheme
    speech_rate: int
    talking_buttons: bool
    care_plan_access: CarePlanAccess
    has_pin: bool  # whether they have one; the PIN itself is never kept, only a check of it
    has_photo: bool
    support_notes: str | None  # what staff noted to help them
    moved_in: datetime
    moved_out: datetime | None
    erased_at: datetime | None


@dataclass(frozen=True, slots=True)
class SuggestionRecord:
    """A suggestion they made (or started), and what became of it."""

    proposal_id: int
    topic: ProposalTopic
    title: str
    details: str | None  # their own words about it
    meal_slot: MealSlot | None
    status: ProposalStatus
    started_at: datetime
    sent_at: datetime | None  # None for one never sent
    answer: str | None  # the staff member's words
    answered_by: str | None
    answered_at: datetime | None
    done_at: datetime | None
    backed_by: int  # other residents who said "me too"


@dataclass(frozen=True, slots=True)
class SupportRecord:
    """ "Me too": a suggestion of someone else's that they backed."""

    proposal_id: int
    topic: ProposalTopic
    title: str
    said_at: datetime


@dataclass(frozen=True, slots=True)
class VoteAnswer:
    option: str
    answer: BallotAnswer


@dataclass(frozen=True, slots=True)
class VoteRecord:
    """Their ballot in one poll: the question and their answers."""

    poll_id: int
    question: str
    kind: PollKind
    answers: tuple[VoteAnswer, ...]
    cast_at: datetime
    changed_at: datetime


class Mood(StrEnum):
    """A feedback face as one of three, whatever the scale it was given on."""

    GOOD = "good"
    ALL_RIGHT = "all_right"
    NOT_GOOD = "not_good"


@dataclass(frozen=True, slots=True)
class FeedbackRecord:
    """How an activity went for them: a face, and their words if they added some."""

    activity: str
    held_at: datetime
    face: int
    scale: int
    words: str | None
    given_at: datetime

    @property
    def mood(self) -> Mood:
        faces = Faces.of([(self.face, self.scale)])
        if faces.good:
            return Mood.GOOD
        return Mood.NOT_GOOD if faces.not_good else Mood.ALL_RIGHT


@dataclass(frozen=True, slots=True)
class AttendanceRecord:
    """An activity staff recorded them at."""

    activity: str
    held_at: datetime


@dataclass(frozen=True, slots=True)
class PlanVersionRecord:
    """One saved version of their care plan, in full, and who wrote it with them."""

    number: int
    written_at: datetime
    written_by: str | None
    people_present: str | None
    took_part: bool
    what_changed: str | None
    supported_by: str | None
    next_review_on: date | None
    sections: tuple[SectionText, ...]  # all seven, "" for one not written
    goals: tuple[PlanGoal, ...]
    routines: tuple[DailyRoutine, ...]
    risks: tuple[AgreedRisk, ...]


@dataclass(frozen=True, slots=True)
class ConfirmationRecord:
    """ "Yes, that's right" about a section of a version (None: the whole plan)."""

    version_number: int
    section: CarePlanSection | None
    confirmed_at: datetime


class PlanAccessKind(StrEnum):
    OPENED = "opened"  # at the kiosk, past their PIN or a staff member's
    VIEWED = "viewed"
    PRINTED = "printed"
    EDITED = "edited"  # a new version saved
    REVIEWED = "reviewed"
    COMPARED = "compared"  # two versions side by side
    HISTORY = "history"  # the list of versions
    CONFIRMED = "confirmed"
    ASKED_TO_TALK = "asked_to_talk"
    TALK_RESOLVED = "talk_resolved"


@dataclass(frozen=True, slots=True)
class PlanAccessEvent:
    """From the audit log: who opened, printed or changed their care plan, and when.

    ``by_themselves`` is set when the resident did it (``by_staff`` then names the member
    of staff who helped them in, if any); otherwise ``by_staff`` names who did it (None
    when the kiosk did it by itself).
    """

    at: datetime
    kind: PlanAccessKind
    by_staff: str | None
    by_themselves: bool


@dataclass(frozen=True, slots=True)
class ResidentRecords:
    """Everything about one resident, each list oldest first."""

    details: PersonalDetails
    made_at: datetime
    suggestions: tuple[SuggestionRecord, ...]
    supports: tuple[SupportRecord, ...]
    votes: tuple[VoteRecord, ...]
    feedback: tuple[FeedbackRecord, ...]
    attended: tuple[AttendanceRecord, ...]
    plan_versions: tuple[PlanVersionRecord, ...]
    reviews: tuple[ReviewRecord, ...]
    confirmations: tuple[ConfirmationRecord, ...]
    talk_requests: tuple[TalkRequestView, ...]
    plan_access: tuple[PlanAccessEvent, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a resident's name is still written after their records were erased: in
    other people's words or the home's records, which erasing does not change."""

    table: str
    column: str
    rows: int


@dataclass(frozen=True, slots=True)
class ErasedCounts:
    """What erasing a resident changed. Every row stays (so counts stay true); these
    are the rows whose words were taken out."""

    resident_id: int
    anonymous_name: str  # what the records call them now: "Former resident 2"
    suggestions: int
    feedback: int
    plan_versions: int
    reviews: int
    talk_requests: int
    photos: int  # deleted
    mentions: tuple[Mention, ...]  # their name, still written elsewhere


# ---------------------------------------------------------------------------------------
# Finding a name in words


def name_words(*names: str | None) -> tuple[str, ...]:
    """What names a person: each whole name, and each part of it of three letters or more
    that is not a title ("Mrs Kaur" and "Gurdev Kaur" give those two, "Kaur" and "Gurdev")."""
    found: dict[str, None] = {}
    for name in names:
        if name is None or not name.strip():
            continue
        found[" ".join(name.split())] = None
        for word in name.split():
            bare = word.strip(".,'’\"()")
            if len(bare) >= SHORTEST_NAME_WORD and bare.casefold() not in TITLES:
                found[bare] = None
    return tuple(found)


def names_pattern(words: tuple[str, ...], *, ignore_case: bool = True) -> re.Pattern[str] | None:
    """Any of ``words`` as a whole word (in any case, unless told); None for no words."""
    if not words:
        return None
    longest_first = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in longest_first)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags)


def mentions(text: str | None, pattern: re.Pattern[str] | None) -> bool:
    return text is not None and pattern is not None and pattern.search(text) is not None


# ---------------------------------------------------------------------------------------
# The machine-readable copy


def records_json(records: ResidentRecords) -> bytes:
    """The records as UTF-8 JSON: fields in a fixed order, moments and dates in ISO 8601,
    fixed words (topics, answers, sections) as their stored values."""
    document = {"format": JSON_FORMAT, **_plain(records)}
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)
    return (text + "\n").encode("utf-8")


def _plain(value: object) -> object:
    """``value`` as JSON's types, dataclass fields in their declared order."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
