"""The week's rules without a database: times, clock changes, faces, limits in words."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.enums import SlotSource
from kiosk.domain.errors import ValidationError
from kiosk.domain.schedule import (
    FACES_IN_ORDER,
    FEEDBACK_WORDS_MAX,
    PLACE_MAX,
    REPEAT_WEEKS_MAX,
    FeedbackFace,
    FeedbackWords,
    NewActivity,
    NewFeedback,
    NewSlot,
    check_monday,
    check_repeat_weeks,
    check_times,
    clean_cancel_reason,
    clean_feedback,
    clean_new_activity,
    clean_new_slot,
    in_zone,
    same_time_weeks_later,
    summarise,
)

LONDON = ZoneInfo("Europe/London")
HOSTILE = [
    "<b>Bingo</b> & tea",
    "Songs </para> from the shows",
    "Cake 🎂 and a cuppa 👵🏽",
    "ਗਿੱਧਾ ਤੇ ਭੰਗੜਾ",  # giddha and bhangra, in Gurmukhi
    "Sgwrs dros baned",
    "Żurek i pierogi",
    "حفلة شاي",  # right-to-left
]


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def slot(starts: datetime, ends: datetime, **changes: object) -> NewSlot:
    return NewSlot(activity_id=1, starts_at=starts, ends_at=ends, **changes)  # type: ignore[arg-type]


# -- times -------------------------------------------------------------------------------


def test_a_slot_that_ends_before_it_starts_is_refused_in_words() -> None:
    day = date(2026, 11, 18)
    for ends in (at(day, 10), at(day, 9, 59)):
        with pytest.raises(ValidationError) as refused:
            clean_new_slot(slot(at(day, 10), ends), LONDON)
        assert refused.value.field == "ends_at"
        assert refused.value.text() == (
            "The activity must end after it starts. Please check the times."
        )


def test_a_slot_longer_than_a_day_is_a_slip() -> None:
    day = date(2026, 11, 18)
    with pytest.raises(ValidationError, match="one day at most"):
        check_times(at(day, 10), at(day + timedelta(days=30), 11), LONDON)


def test_naive_times_are_a_programming_slip() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        check_times(datetime(2026, 11, 18, 10), datetime(2026, 11, 18, 11), LONDON)


def test_times_come_back_in_the_home_zone_whatever_zone_they_were_given_in() -> None:
    starts, ends = check_times(
        datetime(2026, 7, 1, 9, 30, tzinfo=UTC), datetime(2026, 7, 1, 10, 30, tzinfo=UTC), LONDON
    )
    assert (starts.hour, ends.hour, starts.tzinfo) == (10, 11, LONDON)  # BST


def test_a_time_the_clocks_skip_is_refused() -> None:
    spring_forward = date(2026, 3, 29)  # 01:00 to 02:00 does not happen in London
    with pytest.raises(ValidationError) as refused:
        in_zone(at(spring_forward, 1, 30), LONDON, field="starts_at")
    assert refused.value.text() == (
        "There is no 01:30 on that day: the clocks go forward. Please choose another time."
    )
    assert in_zone(at(spring_forward, 2, 30), LONDON, field="starts_at").utcoffset() == (
        timedelta(hours=1)
    )


def test_a_slot_across_the_clocks_going_back_lasts_real_hours() -> None:
    fall_back = date(2026, 10, 25)
    starts, ends = check_times(at(fall_back, 0, 30), at(fall_back, 3), LONDON)
    assert ends.astimezone(UTC) - starts.astimezone(UTC) == timedelta(hours=3, minutes=30)
    # 01:30 happens twice; the first (summer time) is taken, and 01:30 to 01:15 is refused.
    with pytest.raises(ValidationError):
        check_times(at(fall_back, 1, 30), at(fall_back, 1, 15), LONDON)


def test_repeating_keeps_the_clock_time_across_a_clock_change() -> None:
    saturday = at(date(2026, 3, 28), 10, 30)  # GMT
    a_week_on = same_time_weeks_later(saturday, 1, LONDON)
    assert (a_week_on.date(), a_week_on.hour, a_week_on.minute) == (date(2026, 4, 4), 10, 30)
    assert a_week_on.utcoffset() == timedelta(hours=1)  # BST now
    assert a_week_on.astimezone(UTC) - saturday.astimezone(UTC) == timedelta(days=7, hours=-1)
    # A time the clocks skip moves on by the skipped hour, never to a time that is not there.
    early = same_time_weeks_later(at(date(2026, 3, 22), 1, 30), 1, LONDON)
    assert (early.date(), early.hour, early.minute) == (date(2026, 3, 29), 2, 30)


# -- sources -----------------------------------------------------------------------------


def test_a_source_needs_its_poll_or_suggestion() -> None:
    day = date(2026, 11, 18)
    with pytest.raises(ValidationError, match="poll this came from"):
        clean_new_slot(slot(at(day, 10), at(day, 11), source=SlotSource.POLL), LONDON)
    with pytest.raises(ValidationError, match="suggestion this came from"):
        clean_new_slot(slot(at(day, 10), at(day, 11), source=SlotSource.PROPOSAL), LONDON)
    with pytest.raises(ValueError, match="poll_id"):
        clean_new_slot(slot(at(day, 10), at(day, 11), poll_id=3), LONDON)
    with pytest.raises(ValueError, match="proposal_id"):
        clean_new_slot(
            slot(at(day, 10), at(day, 11), source=SlotSource.POLL, poll_id=1, proposal_id=2),
            LONDON,
        )
    made = clean_new_slot(slot(at(day, 10), at(day, 11), source="poll", poll_id=3), LONDON)
    assert made.source is SlotSource.POLL and made.poll_id == 3


# -- words -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_kept_exactly(text: str) -> None:
    day = date(2026, 11, 18)
    activity = clean_new_activity(NewActivity(text, place=text, description=text))
    assert (activity.title, activity.place, activity.description) == (text, text, text)
    made = clean_new_slot(
        slot(at(day, 10), at(day, 11), place=text, led_by=text, note=text), LONDON
    )
    assert (made.place, made.led_by, made.note) == (text, text, text)
    assert clean_feedback(NewFeedback(FeedbackFace.GOOD, text)).words == text
    assert clean_cancel_reason(text) == text


def test_ten_thousand_characters_are_refused_with_the_limit() -> None:
    day = date(2026, 11, 18)
    long = "a" * 10_000
    with pytest.raises(ValidationError) as refused:
        clean_new_activity(NewActivity(long))
    assert refused.value.text() == "This is too long: 10000 letters. Please keep it under 120."
    with pytest.raises(ValidationError) as refused:
        clean_new_slot(slot(at(day, 10), at(day, 11), place=long), LONDON)
    assert refused.value.field == "place" and refused.value.params["limit"] == PLACE_MAX
    with pytest.raises(ValidationError) as refused:
        clean_feedback(NewFeedback(FeedbackFace.GOOD, long))
    assert refused.value.text() == (
        f"This is too long: 10000 letters. Please keep it under {FEEDBACK_WORDS_MAX}."
    )
    assert clean_feedback(NewFeedback(FeedbackFace.GOOD, "b" * FEEDBACK_WORDS_MAX)).words


def test_empty_words() -> None:
    with pytest.raises(ValidationError) as refused:
        clean_new_activity(NewActivity("   "))
    assert refused.value.text() == "Please write something here first."
    with pytest.raises(ValidationError, match="at least one letter"):
        clean_new_activity(NewActivity("🎂🎂"))
    with pytest.raises(ValidationError, match="Residents will read this"):
        clean_cancel_reason("  \n ")
    empty = clean_feedback(NewFeedback(FeedbackFace.NOT_GOOD, "   "))
    assert empty == NewFeedback(FeedbackFace.NOT_GOOD, None)
    day = date(2026, 11, 18)
    made = clean_new_slot(slot(at(day, 10), at(day, 11), place="", led_by=" ", note=""), LONDON)
    assert (made.place, made.led_by, made.note) == (None, None, None)


def test_control_characters_are_refused() -> None:
    with pytest.raises(ValidationError, match="hidden control character"):
        clean_new_activity(NewActivity("Bingo\x00"))


# -- faces -------------------------------------------------------------------------------


def test_three_faces_with_keys_and_words() -> None:
    assert [face.value for face in FACES_IN_ORDER] == [3, 2, 1]
    assert [face.key for face in FACES_IN_ORDER] == ["good", "all_right", "not_good"]
    assert [face.words for face in FACES_IN_ORDER] == ["Good", "All right", "Not good"]
    assert clean_feedback(NewFeedback(2)).face is FeedbackFace.ALL_RIGHT  # type: ignore[arg-type]
    for wrong in (0, 4, 5):
        with pytest.raises(ValidationError) as refused:
            clean_feedback(NewFeedback(wrong))  # type: ignore[arg-type]
        assert refused.value.text() == "Please choose a face."


def test_a_summary_counts_every_face() -> None:
    when = datetime(2026, 11, 18, 12, tzinfo=UTC)
    said = FeedbackWords(1, "Ann", FeedbackFace.GOOD, "Lovely", when, 7)
    later = FeedbackWords(2, "Bob", FeedbackFace.NOT_GOOD, "Too loud", when + timedelta(1), 7)
    summary = summarise(
        [FeedbackFace.GOOD, FeedbackFace.GOOD, FeedbackFace.NOT_GOOD],
        [said, later],
        title="Quiz",
        residents=3,
        attended=None,
    )
    assert summary.faces == (
        (FeedbackFace.GOOD, 2),
        (FeedbackFace.ALL_RIGHT, 0),
        (FeedbackFace.NOT_GOOD, 1),
    )
    assert summary.count(FeedbackFace.ALL_RIGHT) == 0 and summary.count(3) == 2  # type: ignore[arg-type]
    assert summary.words == (later, said)  # newest first
    nothing = summarise([], [], title=None, residents=0, attended=0)
    assert [count for _, count in nothing.faces] == [0, 0, 0]


# -- weeks -------------------------------------------------------------------------------


def test_weeks_and_repeats() -> None:
    assert check_monday(date(2026, 11, 16)) == date(2026, 11, 16)
    with pytest.raises(ValidationError, match="starts on a Monday"):
        check_monday(date(2026, 11, 17))
    assert check_repeat_weeks(1) == 1 and check_repeat_weeks(REPEAT_WEEKS_MAX)
    for wrong in (0, -1, REPEAT_WEEKS_MAX + 1):
        with pytest.raises(ValidationError) as refused:
            check_repeat_weeks(wrong)
        assert refused.value.text() == "Please choose from 1 to 52 weeks."
