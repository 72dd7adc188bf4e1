"""The words of a resident's own copy of their records: headings, and each record as
plain lines. Marked with ``N_``; the caller's ``translate`` turns them into the copy's
language. Dates come from Babel in that language, on the home's clock.

The section headings of a care plan are the ones the printed plan and the "My care plan"
screen use, so they are translated once.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

from kiosk.domain.care_plan_records import ReviewRecord, TalkRequestView
from kiosk.domain.enums import (
    BallotAnswer,
    CarePlanAccess,
    CarePlanSection,
    ContrastTheme,
    MealSlot,
    PollKind,
    ProposalStatus,
    ProposalTopic,
    TalkRequestSource,
)
from kiosk.domain.resident_records import (
    FeedbackRecord,
    Mood,
    PersonalDetails,
    PlanAccessEvent,
    PlanAccessKind,
    PlanVersionRecord,
    SuggestionRecord,
    VoteRecord,
)
from kiosk.domain.text import N_
from kiosk.i18n import own_name
from kiosk.printing.care_plan_words import SECTION_HEADINGS, given
from kiosk.printing.menu_words import Translate, long_date

TITLE = N_("Everything Our Say keeps about you")
FOR_YOU = N_(
    "This copy is for you to keep. It holds all that the kiosk keeps about you. If "
    "something is wrong, please tell the manager."
)
MADE_ON = N_("Made on {date}.")
CONTINUED = N_("{section}, continued")
NOTHING = N_("Nothing kept here.")
YOUR_WORDS = N_("Your words:")

ABOUT_YOU = N_("About you")
NAME_WE_USE = N_("The name we use: {name}")
FULL_NAME = N_("Full name: {name}")
ROOM = N_("Room: {room}")
HERE_SINCE = N_("Here since {date}.")
MOVED_OUT = N_("Moved out on {date}.")
ERASED = N_("Your name and your words were taken out of our records on {date}.")
LANGUAGE = N_("Language on the kiosk: {language}")
TEXT_SIZE = N_("Text size: {size} per cent")
SPEAKING_SPEED = N_("Speaking speed: {rate} words a minute")
HIGH_CONTRAST = N_("Colours: high contrast")
STANDARD_CONTRAST = N_("Colours: standard")
TALKING_BUTTONS_ON = N_("Talking buttons: on")
TALKING_BUTTONS_OFF = N_("Talking buttons: off")
ACCESS_WORDS: dict[CarePlanAccess, str] = {
    CarePlanAccess.PIN: N_("Your care plan opens with your own PIN."),
    CarePlanAccess.STAFF: N_("Your care plan opens with a member of staff beside you."),
    CarePlanAccess.OPEN: N_("Your care plan opens without a PIN, as you chose."),
}
HAS_PIN = N_("You have a PIN. We never keep the PIN itself, only a scrambled check of it.")
NO_PIN = N_("You have no PIN.")
HAS_PHOTO = N_("We keep a photo of you.")
NO_PHOTO = N_("We keep no photo of you.")

STAFF_NOTES = N_("What staff wrote to help them help you")

SUGGESTIONS = N_("Your suggestions")
TOPIC_WORDS: dict[ProposalTopic, str] = {
    ProposalTopic.MEAL: N_("Meal"),  # the same word as the staff inboxes
    ProposalTopic.ACTIVITY: N_("Something to do"),
    ProposalTopic.HOME: N_("Our home"),
    ProposalTopic.OTHER: N_("Something else"),
}
MEAL_SLOT_WORDS: dict[MealSlot, str] = {
    MealSlot.BREAKFAST: N_("Breakfast"),
    MealSlot.LUNCH: N_("Lunch"),
    MealSlot.TEA: N_("Tea"),
    MealSlot.SUPPER: N_("Supper"),
    MealSlot.PUDDING: N_("Pudding"),
    MealSlot.SNACK: N_("Snack"),
}
SENT_ON = N_("{topic}. Sent on {date}.")
NOT_SENT = N_("{topic}. Started on {date}, not sent.")
STATUS_WORDS: dict[ProposalStatus, str] = {
    ProposalStatus.DRAFT: N_("Not sent yet."),
    ProposalStatus.OPEN: N_("Waiting for an answer."),
    ProposalStatus.AGREED: N_("The answer: yes."),
    ProposalStatus.NOT_NOW: N_("The answer: not now."),
    ProposalStatus.DECLINED: N_("The answer: no."),
    ProposalStatus.DONE: N_("Done."),
    ProposalStatus.WITHDRAWN: N_("You took it back."),
}
DONE_ON = N_("Done on {date}.")
ANSWER_BY = N_("{name} said, on {date}:")
ANSWER_ON = N_("The answer, on {date}:")
BACKED_BY = N_("People who said “Me too”: {count}")

SUPPORTS = N_("Ideas you said “Me too” to")
SUPPORT_LINE = N_("{title}. On {date}.")

VOTES = N_("Your votes")
YOU_CHOSE = N_("You chose: {choice}")
ANSWER_LINE = N_("{choice}: {answer}")
BALLOT_WORDS: dict[BallotAnswer, str] = {
    BallotAnswer.CHOSEN: N_("Yes"),
    BallotAnswer.YES: N_("Yes"),
    BallotAnswer.MAYBE: N_("Maybe"),
    BallotAnswer.NO: N_("No"),
}
VOTED_ON = N_("Voted on {date}.")
CHANGED_ON = N_("Voted on {date}, changed on {changed}.")

FEEDBACK = N_("How it went for you")
ACTIVITY_ON = N_("{activity}, {date}")
YOU_SAID = N_("You said: {face}")
MOOD_WORDS: dict[Mood, str] = {
    Mood.GOOD: N_("Good"),
    Mood.ALL_RIGHT: N_("All right"),
    Mood.NOT_GOOD: N_("Not good"),
}

ATTENDED = N_("Things you went to")

CARE_PLAN = N_("Your care plan")
NO_CARE_PLAN = N_("No care plan has been written with you yet.")
VERSION = N_("Your care plan, version {number}")
WRITTEN_ON_BY = N_("Written on {date} by {name}.")
WRITTEN_ON = N_("Written on {date}.")
WHO_WAS_THERE = N_("Who was there: {people}")
YOU_TOOK_PART = N_("You took part.")
YOU_DID_NOT_TAKE_PART = N_("You did not take part.")
WHAT_CHANGED = N_("What changed:")
SUPPORTED_BY = N_("Supported to write it by: {people}")
NEXT_REVIEW = N_("Next looked at again on {date}.")
NOT_WRITTEN = N_("Not written.")

REVIEWS = N_("Times we looked at your care plan together")
REVIEW_ON = N_("Looked at on {date}")
REVIEWED_BY = N_("With {name}, from the staff.")

CONFIRMATIONS = N_("When you said “Yes, that's right”")
CONFIRMED = N_("{section}, version {number}. On {date}.")
WHOLE_PLAN = N_("The whole plan")

TALKS = N_("When you asked to talk")
ASKED_ON = N_("You asked on {date}.")
ASKED_FOR_YOU_ON = N_("Staff asked for you on {date}.")
SORTED_OUT_BY = N_("Sorted out on {date} with {name}:")
SORTED_OUT = N_("Sorted out on {date}:")
NOT_SORTED_OUT = N_("Not sorted out yet.")

PLAN_ACCESS = N_("Who looked at your care plan")
ACCESS_LINE = N_("{date}: {who} {did}.")
YOU = N_("You")
YOU_WITH = N_("You, with {name},")
THE_KIOSK = N_("The kiosk")
DID_WORDS: dict[PlanAccessKind, str] = {
    PlanAccessKind.OPENED: N_("opened it"),
    PlanAccessKind.VIEWED: N_("looked at it"),
    PlanAccessKind.PRINTED: N_("printed it"),
    PlanAccessKind.EDITED: N_("wrote a new version"),
    PlanAccessKind.REVIEWED: N_("looked at it with you"),
    PlanAccessKind.COMPARED: N_("put two versions side by side"),
    PlanAccessKind.HISTORY: N_("looked at the list of versions"),
    PlanAccessKind.CONFIRMED: N_("said “Yes, that's right”"),
    PlanAccessKind.ASKED_TO_TALK: N_("asked to talk about it"),
    PlanAccessKind.TALK_RESOLVED: N_("sorted out a talk about it"),
}

# Pictures beside the headings (keys into assets/pictures).
TITLE_PICTURE = "lock"
ABOUT_YOU_PICTURE = "people"
STAFF_NOTES_PICTURE = "staff"
SUGGESTIONS_PICTURE = "idea"
SUPPORTS_PICTURE = "yes"
VOTES_PICTURE = "vote"
FEEDBACK_PICTURE = "feedback"
ATTENDED_PICTURE = "activity"
CARE_PLAN_PICTURE = "care-plan"
REVIEWS_PICTURE = "calendar"
CONFIRMATIONS_PICTURE = "check"
TALKS_PICTURE = "talk"
PLAN_ACCESS_PICTURE = "lock"


class Dates:
    """Moments and days in the copy's language, on the home's clock."""

    def __init__(self, locale: str, zone: tzinfo = UTC) -> None:
        self.locale = locale
        self.zone = zone

    def day(self, moment: datetime | date) -> str:
        if isinstance(moment, datetime):
            moment = moment.astimezone(self.zone).date()
        return long_date(moment, self.locale)


def about_you(details: PersonalDetails, dates: Dates, translate: Translate) -> list[str]:
    lines = [translate(NAME_WE_USE).format(name=details.preferred_name)]
    if given(details.full_name) is not None:
        lines.append(translate(FULL_NAME).format(name=details.full_name))
    if given(details.room) is not None:
        lines.append(translate(ROOM).format(room=details.room))
    lines.append(translate(HERE_SINCE).format(date=dates.day(details.moved_in)))
    if details.moved_out is not None:
        lines.append(translate(MOVED_OUT).format(date=dates.day(details.moved_out)))
    if details.erased_at is not None:
        lines.append(translate(ERASED).format(date=dates.day(details.erased_at)))
    lines += [
        translate(LANGUAGE).format(language=own_name(details.language)),
        translate(TEXT_SIZE).format(size=details.text_scale),
        translate(SPEAKING_SPEED).format(rate=details.speech_rate),
        translate(HIGH_CONTRAST if details.contrast is ContrastTheme.HIGH else STANDARD_CONTRAST),
        translate(TALKING_BUTTONS_ON if details.talking_buttons else TALKING_BUTTONS_OFF),
        translate(ACCESS_WORDS[details.care_plan_access]),
        translate(HAS_PIN if details.has_pin else NO_PIN),
        translate(HAS_PHOTO if details.has_photo else NO_PHOTO),
    ]
    return lines


def topic_words(suggestion: SuggestionRecord, translate: Translate) -> str:
    """ "Something to eat (Lunch)", or the topic alone."""
    topic = translate(TOPIC_WORDS[suggestion.topic])
    if suggestion.meal_slot is None:
        return topic
    return f"{topic} ({translate(MEAL_SLOT_WORDS[suggestion.meal_slot])})"


def suggestion_opening(suggestion: SuggestionRecord, dates: Dates, translate: Translate) -> str:
    topic = topic_words(suggestion, translate)
    if suggestion.sent_at is None:
        return translate(NOT_SENT).format(topic=topic, date=dates.day(suggestion.started_at))
    return translate(SENT_ON).format(topic=topic, date=dates.day(suggestion.sent_at))


def suggestion_status(suggestion: SuggestionRecord, dates: Dates, translate: Translate) -> str:
    if suggestion.status is ProposalStatus.DONE and suggestion.done_at is not None:
        return translate(DONE_ON).format(date=dates.day(suggestion.done_at))
    return translate(STATUS_WORDS[suggestion.status])


def answer_heading(suggestion: SuggestionRecord, dates: Dates, translate: Translate) -> str | None:
    """ "Gareth Evans said, on 12 November 2026:" before the staff member's answer."""
    if given(suggestion.answer) is None or suggestion.answered_at is None:
        return None
    when = dates.day(suggestion.answered_at)
    if suggestion.answered_by is None:
        return translate(ANSWER_ON).format(date=when)
    return translate(ANSWER_BY).format(name=suggestion.answered_by, date=when)


def vote_lines(vote: VoteRecord, dates: Dates, translate: Translate) -> list[str]:
    if vote.kind is PollKind.CHOOSE_ONE:
        lines = [translate(YOU_CHOSE).format(choice=answer.option) for answer in vote.answers]
    else:
        lines = [
            translate(ANSWER_LINE).format(
                choice=answer.option, answer=translate(BALLOT_WORDS[answer.answer])
            )
            for answer in vote.answers
        ]
    cast, changed = dates.day(vote.cast_at), dates.day(vote.changed_at)
    if changed == cast:
        lines.append(translate(VOTED_ON).format(date=cast))
    else:
        lines.append(translate(CHANGED_ON).format(date=cast, changed=changed))
    return lines


def feedback_heading(feedback: FeedbackRecord, dates: Dates, translate: Translate) -> str:
    return translate(ACTIVITY_ON).format(
        activity=feedback.activity, date=dates.day(feedback.held_at)
    )


def mood_line(feedback: FeedbackRecord, translate: Translate) -> str:
    return translate(YOU_SAID).format(face=translate(MOOD_WORDS[feedback.mood]))


def version_lines(version: PlanVersionRecord, dates: Dates, translate: Translate) -> list[str]:
    """When and by whom it was written, who was there, and whether the person took part."""
    when = dates.day(version.written_at)
    if version.written_by is None:
        lines = [translate(WRITTEN_ON).format(date=when)]
    else:
        lines = [translate(WRITTEN_ON_BY).format(date=when, name=version.written_by)]
    if given(version.people_present) is not None:
        lines.append(translate(WHO_WAS_THERE).format(people=version.people_present))
    lines.append(translate(YOU_TOOK_PART if version.took_part else YOU_DID_NOT_TAKE_PART))
    if given(version.supported_by) is not None:
        lines.append(translate(SUPPORTED_BY).format(people=version.supported_by))
    if version.next_review_on is not None:
        lines.append(translate(NEXT_REVIEW).format(date=dates.day(version.next_review_on)))
    return lines


def review_lines(review: ReviewRecord, dates: Dates, translate: Translate) -> list[str]:
    lines = []
    if given(review.reviewed_by) is not None:
        lines.append(translate(REVIEWED_BY).format(name=review.reviewed_by))
    if given(review.people_present) is not None:
        lines.append(translate(WHO_WAS_THERE).format(people=review.people_present))
    lines.append(translate(YOU_TOOK_PART if review.resident_involved else YOU_DID_NOT_TAKE_PART))
    if review.next_review_on is not None:
        lines.append(translate(NEXT_REVIEW).format(date=dates.day(review.next_review_on)))
    return lines


def section_words(section: CarePlanSection | None, translate: Translate) -> str:
    """A care-plan section's heading, or "The whole plan" for none."""
    return translate(WHOLE_PLAN if section is None else SECTION_HEADINGS[section])


def asked_line(talk: TalkRequestView, dates: Dates, translate: Translate) -> str:
    words = ASKED_FOR_YOU_ON if talk.raised_via is TalkRequestSource.STAFF else ASKED_ON
    return translate(words).format(date=dates.day(talk.raised_at))


def sorted_out_heading(talk: TalkRequestView, dates: Dates, translate: Translate) -> str:
    if talk.resolved_at is None:
        return translate(NOT_SORTED_OUT)
    when = dates.day(talk.resolved_at)
    if talk.resolved_by is None:
        return translate(SORTED_OUT).format(date=when)
    return translate(SORTED_OUT_BY).format(date=when, name=talk.resolved_by)


def access_line(event: PlanAccessEvent, dates: Dates, translate: Translate) -> str:
    """ "3 November 2026: Tomasz Zieliński looked at it." """
    if event.by_themselves:
        who = translate(YOU) if event.by_staff is None else translate(YOU_WITH)
        who = who.format(name=event.by_staff)
    else:
        who = event.by_staff if event.by_staff is not None else translate(THE_KIOSK)
    return translate(ACCESS_LINE).format(
        date=dates.day(event.at), who=who, did=translate(DID_WORDS[event.kind])
    )
