"""The words of the co-production evidence report: headings, column names and the lines
of each suggestion's trail, marked with ``N_``; the caller's ``translate`` turns them into
the report's language. Numbers, shares and dates come from Babel, in that language.

Counts sit in sentences that need no plural ("Voted: 9 of 12"), except days, which have
their own words ("the same day", "1 day", "3 days").
"""

from __future__ import annotations

from datetime import date
from functools import cache

from kiosk.domain.enums import ProposalStatus, ProposalTopic
from kiosk.domain.evidence import ANSWER_WITHIN_DAYS, DateRange
from kiosk.domain.text import N_
from kiosk.printing.menu_words import Translate, long_date, unbroken

TITLE = N_("Co-production evidence")
PERIOD = N_("{first} to {last}")
MADE_ON = N_("Made on {date}.")
SHOWS = N_(
    "How residents shape daily life and their care: what they said, what staff decided, "
    "what was done, and how it went, with dates."
)
NOTHING_RECORDED = N_("Nothing was recorded between {first} and {last}.")
NOTHING_DETAIL = N_(
    "No suggestions, votes, feedback, care-plan reviews or requests to talk. "
    "Please choose other dates to see a report."
)
NUMBERED = N_("{number}. {title}")
NONE = "–"  # a dash where there is no number (no answers, so no median)

# -- the summary page: each line's words, then its number ------------------------------
SUMMARY = N_("Summary")
TOOK_PART = N_("Residents who took part")
SUGGESTIONS_MADE = N_("Suggestions made")
ANSWERED = N_("Suggestions answered")
ANSWERED_IN_TIME = N_("Answered within {days} days")
MEDIAN_TO_ANSWER = N_("Median days to answer")
WENT_AHEAD = N_("Went ahead")
POLLS_HELD = N_("Polls")
AVERAGE_TURNOUT = N_("Average turnout")
FEEDBACK_ANSWERS = N_("Feedback answers")
GOOD_FACES = N_("Good faces")
REVIEWS = N_("Care-plan reviews")
REVIEWS_WITH = N_("Reviews with the resident taking part")
VERSIONS = N_("New care-plan versions")
VERSIONS_WITH = N_("New versions written with the resident")
TALKS = N_("Requests to talk")
TALKS_RESOLVED = N_("Requests resolved")
MEDIAN_TO_RESOLVE = N_("Median days to resolve")
N_OF = N_("{part} of {whole} ({share})")

# -- 1. participation -------------------------------------------------------------------
PARTICIPATION = N_("Participation")
PARTICIPATION_SHOWS = N_(
    "How many residents suggested something, voted in a poll or said how an activity "
    "went, out of the residents living here, month by month."
)
PARTICIPATION_WHOLE = N_(
    "Over the whole period: {took_part} of {residents} residents took part ({share}). "
    "{suggested} suggested something, {voted} voted and {gave_feedback} gave feedback."
)
MONTH = N_("Month")
RESIDENTS = N_("Residents")
SUGGESTED = N_("Suggested")
VOTED = N_("Voted")
GAVE_FEEDBACK = N_("Gave feedback")
TOOK_PART_SHORT = N_("Took part")
COUNT_AND_SHARE = N_("{count} ({share})")

# -- 2. suggestions ---------------------------------------------------------------------
SUGGESTIONS = N_("Suggestions: said, decided, done, how it went")
SUGGESTIONS_SHORT = N_("Suggestions")  # in the running head: "2. Suggestions, continued"
SUGGESTIONS_SHOWS = N_(
    "Every suggestion made in this period, oldest first: who said it and when, what "
    "staff decided and why, what was done, and how it went."
)
NO_SUGGESTIONS = N_("No suggestions were made between {first} and {last}.")
BY_TOPIC = N_("Suggestions by topic")
BY_STATUS = N_("Where the suggestions are now")
TOPIC = N_("Topic")
MADE = N_("Made")
ANSWERED_SHORT = N_("Answered")
WENT_AHEAD_SHORT = N_("Went ahead")
NUMBER = N_("Number")
TRAIL = N_("Each suggestion's trail")
ALL_TOPICS = N_("All")

TOPIC_WORDS: dict[ProposalTopic, str] = {  # the same words as the staff inboxes
    ProposalTopic.MEAL: N_("Meal"),
    ProposalTopic.ACTIVITY: N_("Activity"),
    ProposalTopic.HOME: N_("The home"),
    ProposalTopic.OTHER: N_("Other"),
}
TOPIC_PICTURES: dict[ProposalTopic, str] = {
    ProposalTopic.MEAL: "suggest-meal",
    ProposalTopic.ACTIVITY: "activity",
    ProposalTopic.HOME: "home-idea",
    ProposalTopic.OTHER: "idea",
}
STATUS_WORDS: dict[ProposalStatus, str] = {  # where a suggestion is now
    ProposalStatus.DRAFT: N_("Waiting for an answer"),
    ProposalStatus.OPEN: N_("Waiting for an answer"),
    ProposalStatus.AGREED: N_("Agreed, not done yet"),
    ProposalStatus.DONE: N_("Done"),
    ProposalStatus.NOT_NOW: N_("Not now"),
    ProposalStatus.DECLINED: N_("No"),
    ProposalStatus.WITHDRAWN: N_("Taken back by the resident"),
}
DECISION_WORDS: dict[ProposalStatus, str] = {  # what staff decided, whatever happened next
    ProposalStatus.DRAFT: N_("Waiting for an answer"),
    ProposalStatus.OPEN: N_("Waiting for an answer"),
    ProposalStatus.AGREED: N_("Yes"),
    ProposalStatus.DONE: N_("Yes"),
    ProposalStatus.NOT_NOW: N_("Not now"),
    ProposalStatus.DECLINED: N_("No"),
    ProposalStatus.WITHDRAWN: N_("Taken back by the resident"),
}
STATUS_ORDER = (
    ProposalStatus.OPEN,
    ProposalStatus.AGREED,
    ProposalStatus.DONE,
    ProposalStatus.NOT_NOW,
    ProposalStatus.DECLINED,
    ProposalStatus.WITHDRAWN,
)

CHAIN_TITLE = N_("{topic}: {title}")
SAID = N_("Said on {date} by {person}.")
SAID_FOR_HOME = N_("Written down by staff on {date}, for the home.")
BACKED = N_("{count} more backed it.")
DECIDED = N_("Decided on {date} ({days}) by {person}: {answer}")
DECIDED_BY_NOBODY = N_("Decided on {date} ({days}): {answer}")
WITH_REASON = N_("{answer}. “{reason}”")
WAITING_FOR = N_("Waiting for an answer for {days}.")
WAITING = N_("Waiting for an answer.")
TAKEN_BACK = N_("Taken back by the resident before an answer.")
DONE_MEAL = N_("Done: {meal} on {day}: {what}")
DONE_ACTIVITY = N_("Done: {day}: {what}")
CALLED_OFF = N_("Planned for {day}: {what}. It was called off.")
DONE_ON = N_("Done on {date}.")
NOT_DONE_YET = N_("Not done yet.")
HOW_IT_WENT = N_("How it went: {good} good, {all_right} all right, {not_good} not good.")
NO_FACES_YET = N_("How it went: nobody has said yet.")
SAME_DAY = N_("the same day")
ONE_DAY = N_("1 day")
DAYS = N_("{count} days")

# -- 3. polls ---------------------------------------------------------------------------
POLLS = N_("Polls")
POLLS_SHOWS = N_(
    "Each poll that closed in this period, or is still open: how many could vote and did, "
    "the results, what won, and what was planned from it."
)
NO_POLLS = N_("No polls closed between {first} and {last}.")
POLL_OPEN = N_("Open from {first} to {last}.")
TURNOUT = N_("Voted: {voted} of {residents} residents ({share}).")
CHOICE = N_("Choice")
VOTES = N_("Votes")
YES = N_("Yes")
MAYBE = N_("Maybe")
NO = N_("No")
WINNER = N_("Winner: {names}")
TIE = N_("A tie between: {names}")
LEADING = N_("Still open. Ahead so far: {names}")
STILL_OPEN = N_("Still open: nobody has voted yet.")
NOBODY_VOTED = N_("Nobody voted.")
NOTHING_WON = N_("Nobody said yes to any choice, so nothing won.")
PLANNED = N_("Planned from it: {day}: {what}")
NOTHING_PLANNED = N_("Nothing was planned from it yet.")
LIST_SEPARATOR = ", "

# -- 4. activities ----------------------------------------------------------------------
ACTIVITIES = N_("How activities went")
ACTIVITIES_SHOWS = N_(
    "What residents said after each activity, by the face they chose: good, all right "
    "or not good. Most answers first."
)
NO_ACTIVITIES = N_("Nobody said how an activity went between {first} and {last}.")
ACTIVITY_LINE = N_("Times held: {sessions}. Answers: {answers}. Good faces: {good} ({share}).")
YEAR = N_("Year")
GOOD = N_("Good")
ALL_RIGHT = N_("All right")
NOT_GOOD = N_("Not good")

# -- 5. care plans ----------------------------------------------------------------------
CARE_PLANS = N_("Care plans written with residents")
CARE_PLANS_SHOWS = N_(
    "Each care-plan review and each new version of a plan, and whether the resident took part."
)
NO_PLAN_WORK = N_("No care plans were reviewed or written between {first} and {last}.")
REVIEWS_LINE = N_("Reviews: {count}. The resident took part in {with_resident} ({share}).")
VERSIONS_LINE = N_("New versions: {count}. Written with the resident: {with_resident} ({share}).")
DATE = N_("Date")
RESIDENT = N_("Resident")
WHAT = N_("What")
STAFF = N_("Staff")
REVIEW = N_("Review")
NEW_VERSION = N_("New version")

# -- 6. requests to talk ----------------------------------------------------------------
TALK = N_("Requests to talk")
TALK_SHOWS = N_(
    "Each time a resident asked to talk about their care plan: when, about which part, "
    "and when it was sorted out."
)
NO_TALKS = N_("No resident asked to talk about their care plan between {first} and {last}.")
TALK_LINE = N_(
    "Requests: {count}. Resolved: {resolved} ({share}). Median days to resolve: {median}."
)
RAISED = N_("Asked on")
ABOUT = N_("About")
RESOLVED = N_("Resolved")
RESOLVED_AFTER = N_("{date}, after {days}")
RESOLVED_SAME_DAY = N_("{date}, the same day")
OPEN_FOR = N_("Open for {days}")
OPEN = N_("Not sorted out yet")
WHOLE_PLAN = N_("The whole plan")


# -- numbers and dates -------------------------------------------------------------------
# Cached: a year's report writes the same few hundred dates and numbers thousands of times,
# and Babel formatting them afresh each time was a fifth of the PDF's time.


@cache
def number(value: int, locale: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=locale)


def decimal(value: float | None, locale: str) -> str:
    """A median such as 3 or 3.5; a dash when there is none."""
    from babel.numbers import format_decimal

    return NONE if value is None else format_decimal(value, format="#,##0.#", locale=locale)


def percent(value: float | None, locale: str) -> str:
    """A share as a whole percentage ("83%"); a dash when there is none."""
    from babel.numbers import format_percent

    return NONE if value is None else format_percent(value, locale=locale)


def share_of(part: int, whole: int, locale: str) -> str:
    return percent(part / whole if whole else None, locale)


def n_of(part: int, whole: int, locale: str, translate: Translate) -> str:
    """ "10 of 12 (83%)"."""
    return translate(N_OF).format(
        part=number(part, locale), whole=number(whole, locale), share=share_of(part, whole, locale)
    )


def days_words(days: int, locale: str, translate: Translate) -> str:
    """ "the same day", "1 day", "12 days"."""
    if days == 0:
        return translate(SAME_DAY)
    if days == 1:
        return translate(ONE_DAY)
    return translate(DAYS).format(count=number(days, locale))


@cache
def table_date(day: date, locale: str) -> str:
    """ "3 Sept 2026", kept on one line: a date in a table."""
    from babel.dates import format_date

    return unbroken(format_date(day, "medium", locale=locale))


@cache
def day_with_name(day: date, locale: str) -> str:
    """ "Friday 11 September 2026"."""
    from babel.dates import format_date

    words = format_date(day, "EEEE d MMMM y", locale=locale)
    return words[:1].upper() + words[1:]


@cache
def month_label(month: date, locale: str) -> tuple[str, str]:
    """("Sept", "2026"): a month's short name and its year, on two lines."""
    from babel.dates import format_date

    return format_date(month, "LLL", locale=locale), format_date(month, "y", locale=locale)


def unbroken_words(parts: tuple[str, ...]) -> str:
    """Words joined by no-break spaces: "Sept 2026" on one line in a table."""
    return unbroken(" ".join(parts))


@cache
def month_and_year(month: date, locale: str) -> str:
    """ "September 2026"."""
    from babel.dates import format_date

    words = format_date(month, "LLLL y", locale=locale)
    return words[:1].upper() + words[1:]


def period_words(period: DateRange, locale: str, translate: Translate) -> str:
    """ "1 August 2026 to 31 October 2026"."""
    return translate(PERIOD).format(
        first=long_date(period.first, locale), last=long_date(period.last, locale)
    )


def in_period(message: str, period: DateRange, locale: str, translate: Translate) -> str:
    """A message with ``{first}`` and ``{last}`` filled with the period's dates."""
    return translate(message).format(
        first=long_date(period.first, locale), last=long_date(period.last, locale)
    )


def answered_in_time_label(translate: Translate) -> str:
    return translate(ANSWERED_IN_TIME).format(days=ANSWER_WITHIN_DAYS)


def numbered(position: int, title: str, translate: Translate) -> str:
    return translate(NUMBERED).format(number=position, title=title)
