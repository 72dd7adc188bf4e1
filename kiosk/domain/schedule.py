"""The week's activities and "How was it?": what the planner and the faces are made of.

The coordinator plans slots (an activity, a start and an end in the home's time zone, a
place and who leads it); a slot remembers where it came from (a poll's winner or a
resident's suggestion), so "residents said, we did" can be shown. After a slot ends,
residents who were there choose a face (good, all right, not good) and may add words.
Pure rules: times are checked as moments, so a slot across a clock change is measured
in real hours, and a time the clocks skip is refused in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import IntEnum

from kiosk.domain.enums import SlotSource, SlotStatus
from kiosk.domain.errors import ValidationError
from kiosk.domain.meals import check_picture_key
from kiosk.domain.text import N_
from kiosk.domain.text_rules import clean_name, clean_text

ACTIVITY_TITLE_MAX = 120  # activity.title is VARCHAR(120)
ACTIVITY_DESCRIPTION_MAX = 1000
PLACE_MAX = 120  # schedule_slot.place and activity.default_place are VARCHAR(120)
LED_BY_MAX = 120  # schedule_slot.led_by is VARCHAR(120)
NOTE_MAX = 1000  # a note on a slot ("Bring a warm coat")
CANCEL_REASON_MAX = 1000  # why it was cancelled, in plain words residents will read
FEEDBACK_WORDS_MAX = 1000  # what a resident adds to their face
SLOT_LONGEST = timedelta(hours=24)  # a longer slot is a typing slip (a wrong day or month)
REPEAT_WEEKS_MAX = 52  # repeat weekly for up to a year at a time
REVIEW_WINDOW = timedelta(days=7)  # "How was it?" offers slots that ended in the last week
FACE_SCALE = 3  # feedback.scale: three faces


class FeedbackFace(IntEnum):
    """A resident's face for how it went, stored as 1 to 3 (3 is the happy face)."""

    NOT_GOOD = 1
    ALL_RIGHT = 2
    GOOD = 3

    @property
    def key(self) -> str:
        """A stable name for pictures and screens: ``good``, ``all_right``, ``not_good``."""
        return self.name.lower()

    @property
    def words(self) -> str:
        """The face in words (an English message id, translated by the screen)."""
        return _FACE_WORDS[self]


_FACE_WORDS = {
    FeedbackFace.GOOD: N_("Good"),
    FeedbackFace.ALL_RIGHT: N_("All right"),
    FeedbackFace.NOT_GOOD: N_("Not good"),
}

# The order faces are shown and counted in: the happy face first.
FACES_IN_ORDER: tuple[FeedbackFace, ...] = (
    FeedbackFace.GOOD,
    FeedbackFace.ALL_RIGHT,
    FeedbackFace.NOT_GOOD,
)


# ---------------------------------------------------------------------------------------
# What the coordinator enters


@dataclass(frozen=True, slots=True)
class Activity:
    """Something the home does (bingo, gardening club), in the activities catalogue."""

    id: int
    title: str
    picture: str | None  # a pictogram key in assets/pictures
    place: str | None  # where it usually happens
    description: str | None = None
    archived: bool = False


@dataclass(frozen=True, slots=True)
class NewActivity:
    """What the coordinator types to add an activity to the catalogue."""

    title: str
    picture: str | None = None
    place: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class NewSlot:
    """One activity at one time: what the planner gathers.

    ``starts_at`` and ``ends_at`` are timezone-aware (the planner builds them in the
    home's zone). ``source`` says where it came from: a closed poll (``poll_id``), a
    resident's suggestion (``proposal_id``), or the coordinator's own plan.
    """

    activity_id: int
    starts_at: datetime
    ends_at: datetime
    place: str | None = None  # None: the activity's usual place
    led_by: str | None = None
    source: SlotSource = SlotSource.PLANNED
    poll_id: int | None = None
    proposal_id: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    """A slot as the planner shows it: when, where, who leads, where it came from."""

    id: int
    activity_id: int
    title: str
    picture: str | None
    starts_at: datetime  # in the home's time zone
    ends_at: datetime
    place: str | None  # the slot's place, or the activity's usual place
    led_by: str | None
    source: SlotSource
    poll_id: int | None
    proposal_id: int | None
    came_from: str | None  # the poll's question or the suggestion's title
    repeat_of_slot_id: int | None
    status: SlotStatus
    cancel_reason: str | None
    note: str | None
    attended_by: frozenset[int]  # residents recorded as there (empty: not recorded)
    feedback_count: int  # residents who said how it went

    @property
    def cancelled(self) -> bool:
        return self.status is SlotStatus.CANCELLED

    @property
    def from_residents(self) -> bool:
        """It came from a poll or a resident's suggestion."""
        return self.source in (SlotSource.POLL, SlotSource.PROPOSAL)

    @property
    def attendance_recorded(self) -> bool:
        return bool(self.attended_by)


# ---------------------------------------------------------------------------------------
# "How was it?"


@dataclass(frozen=True, slots=True)
class NewFeedback:
    """A resident's face and, if they like, their words."""

    face: FeedbackFace
    words: str | None = None


@dataclass(frozen=True, slots=True)
class GivenFeedback:
    """A resident's feedback on one slot, as stored (a second one replaces the first)."""

    id: int
    slot_id: int
    resident_id: int
    face: FeedbackFace
    words: str | None
    given_at: datetime  # first given
    changed_at: datetime  # last changed (the same as given_at until it is replaced)


@dataclass(frozen=True, slots=True)
class SlotToReview:
    """A slot a resident may say "How was it?" about."""

    slot_id: int
    activity_id: int
    title: str
    picture: str | None
    starts_at: datetime  # in the home's time zone
    ends_at: datetime
    place: str | None
    led_by: str | None


@dataclass(frozen=True, slots=True)
class FeedbackWords:
    """Words a resident added to their face."""

    resident_id: int
    resident_name: str
    face: FeedbackFace
    words: str
    given_at: datetime
    slot_id: int


@dataclass(frozen=True, slots=True)
class FeedbackSummary:
    """Faces and words for one slot, or added up over several (an activity, a week).

    ``faces`` holds a count for every face, happy face first. ``attended`` is how many
    residents were recorded as there, or None when nobody recorded it.
    """

    title: str | None  # None for a week's total over several activities
    activity_id: int | None  # None for a week's total
    slot_id: int | None  # None for a total over several slots
    starts_at: datetime | None  # the slot's start in the home's zone; None for a total
    faces: tuple[tuple[FeedbackFace, int], ...]
    words: tuple[FeedbackWords, ...]  # newest first
    residents: int  # residents who gave a face
    attended: int | None

    def count(self, face: FeedbackFace) -> int:
        return dict(self.faces).get(FeedbackFace(face), 0)


@dataclass(frozen=True, slots=True)
class FeedbackReport:
    """Feedback slot by slot (in time order for a week, newest first for an activity),
    with the total over them all."""

    slots: tuple[FeedbackSummary, ...]
    total: FeedbackSummary


def summarise(
    faces: list[FeedbackFace],
    words: list[FeedbackWords],
    *,
    title: str | None,
    residents: int,
    attended: int | None,
    activity_id: int | None = None,
    slot_id: int | None = None,
    starts_at: datetime | None = None,
) -> FeedbackSummary:
    """Count ``faces`` (every face gets a count, even 0) into a summary."""
    counts = dict.fromkeys(FACES_IN_ORDER, 0)
    for face in faces:
        counts[FeedbackFace(face)] += 1
    return FeedbackSummary(
        title=title,
        activity_id=activity_id,
        slot_id=slot_id,
        starts_at=starts_at,
        faces=tuple((face, counts[face]) for face in FACES_IN_ORDER),
        words=tuple(sorted(words, key=lambda said: (said.given_at, said.slot_id), reverse=True)),
        residents=residents,
        attended=attended,
    )


# ---------------------------------------------------------------------------------------
# Checking what people type and pick


def clean_new_activity(new: NewActivity) -> NewActivity:
    """The coordinator's activity, checked and tidied for storage."""
    return NewActivity(
        title=clean_name(new.title, field="title", max_length=ACTIVITY_TITLE_MAX),
        picture=check_picture_key(new.picture),
        place=clean_place(new.place),
        description=clean_text(
            new.description,
            field="description",
            max_length=ACTIVITY_DESCRIPTION_MAX,
            required=False,
            multiline=True,
        ),
    )


def clean_place(place: str | None) -> str | None:
    return clean_text(place, field="place", max_length=PLACE_MAX, required=False)


def clean_led_by(led_by: str | None) -> str | None:
    return clean_text(led_by, field="led_by", max_length=LED_BY_MAX, required=False)


def clean_note(note: str | None) -> str | None:
    return clean_text(note, field="note", max_length=NOTE_MAX, required=False, multiline=True)


def clean_cancel_reason(reason: str | None) -> str:
    """Why a slot is cancelled: residents read it on "This week", so it is required."""
    text = clean_text(
        reason, field="reason", max_length=CANCEL_REASON_MAX, required=False, multiline=True
    )
    if text is None:
        raise ValidationError(
            "reason", N_("Please say why it is cancelled. Residents will read this.")
        )
    return text


def clean_new_slot(new: NewSlot, zone: tzinfo) -> NewSlot:
    """The slot checked: real times in order, text within limits, a source that fits.

    The times come back in ``zone`` (the home's). A poll id goes with a poll source
    and a suggestion id with a suggestion source; anything else is a programming slip.
    """
    source = SlotSource(new.source)
    if source is SlotSource.POLL and new.poll_id is None:
        raise ValidationError("poll", N_("Please choose the poll this came from."))
    if source is SlotSource.PROPOSAL and new.proposal_id is None:
        raise ValidationError("proposal", N_("Please choose the suggestion this came from."))
    if new.poll_id is not None and source is not SlotSource.POLL:
        raise ValueError("a poll_id needs source=SlotSource.POLL")
    if new.proposal_id is not None and source is not SlotSource.PROPOSAL:
        raise ValueError("a proposal_id needs source=SlotSource.PROPOSAL")
    starts_at, ends_at = check_times(new.starts_at, new.ends_at, zone)
    return NewSlot(
        activity_id=new.activity_id,
        starts_at=starts_at,
        ends_at=ends_at,
        place=clean_place(new.place),
        led_by=clean_led_by(new.led_by),
        source=source,
        poll_id=new.poll_id,
        proposal_id=new.proposal_id,
        note=clean_note(new.note),
    )


def check_times(starts_at: datetime, ends_at: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """A start and an end that exist in ``zone``, the end after the start, at most a day.

    Returns both in ``zone``. Compared as moments (in UTC), never as clock faces: a slot
    from 00:30 to 03:00 on the night the clocks go back lasts three and a half hours.
    """
    start = in_zone(starts_at, zone, field="starts_at")
    end = in_zone(ends_at, zone, field="ends_at")
    length = end.astimezone(UTC) - start.astimezone(UTC)
    if length <= timedelta(0):
        raise ValidationError(
            "ends_at",
            N_("The activity must end after it starts. Please check the times."),
        )
    if length > SLOT_LONGEST:
        raise ValidationError(
            "ends_at",
            N_("An activity can last one day at most. Please check the day and the times."),
        )
    return start, end


def in_zone(moment: datetime, zone: tzinfo, *, field: str) -> datetime:
    """``moment`` as a time in ``zone``; a clock time the clocks skip is refused in words.

    A naive datetime is a programming slip (whose clock would it be?), so ValueError.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("slot times must be timezone-aware")
    local = moment.astimezone(zone)
    real = local.astimezone(UTC).astimezone(zone)
    if real.replace(tzinfo=None) != local.replace(tzinfo=None):
        raise ValidationError(
            field,
            N_(
                "There is no {time} on that day: the clocks go forward. Please choose another time."
            ),
            time=local.strftime("%H:%M"),
        )
    return real


def check_repeat_weeks(weeks: int) -> int:
    if not 1 <= weeks <= REPEAT_WEEKS_MAX:
        raise ValidationError(
            "weeks",
            N_("Please choose from 1 to {limit} weeks."),
            limit=REPEAT_WEEKS_MAX,
        )
    return weeks


def clean_feedback(new: NewFeedback) -> NewFeedback:
    """A face from the three, and the resident's words kept exactly (or None)."""
    try:
        face = FeedbackFace(new.face)
    except ValueError:
        raise ValidationError("face", N_("Please choose a face.")) from None
    words = clean_text(
        new.words, field="words", max_length=FEEDBACK_WORDS_MAX, required=False, multiline=True
    )
    return NewFeedback(face=face, words=words)


def check_monday(monday: date) -> date:
    if monday.weekday() != 0:
        raise ValidationError("monday", N_("Please choose a Monday: a week starts on a Monday."))
    return monday


def same_time_weeks_later(moment: datetime, weeks: int, zone: tzinfo) -> datetime:
    """The same clock time in ``zone``, ``weeks`` weeks on (10:30 stays 10:30 across a
    clock change). A time the clocks skip that day moves on by the hour they skip."""
    local = moment.astimezone(zone)
    later = datetime.combine(local.date() + timedelta(weeks=weeks), local.time(), tzinfo=zone)
    return later.astimezone(UTC).astimezone(zone)
