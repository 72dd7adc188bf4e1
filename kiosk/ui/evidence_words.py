"""The evidence report in words, for the staff screen: the summary's rows, and the lines of
each suggestion, poll, activity, care-plan event and request to talk.

Every number comes from :mod:`kiosk.domain.evidence` (shares with its ``share`` and
``percent``). Where the printed report has words for the same thing (the summary's rows,
what each section shows, "nothing in this period", poll and activity lines), the screen
uses them (:mod:`kiosk.printing.evidence_words`), so screen and paper say it alike and it
is translated once. Names and titles are people's own words: shown as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kiosk.domain.enums import CarePlanSection, PollKind, ProposalStatus
from kiosk.domain.evidence import (
    ActivityFeedback,
    DateRange,
    DoneKind,
    DoneThing,
    EvidenceSummary,
    Faces,
    OptionResult,
    PlanEvent,
    PlanWork,
    PollOutcome,
    SuggestionChain,
    Taking,
    TalkEntry,
    percent,
    share,
)
from kiosk.domain.schedule import FACES_IN_ORDER, FeedbackFace
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.printing import evidence_words as printed
from kiosk.printing.menu_words import MEAL_WORDS
from kiosk.ui.care_plan_pages import SECTION_HEADINGS
from kiosk.ui.talk_request_card import WHOLE_PLAN
from kiosk.ui.week_pager import date_range

FLAG = "⚑"  # beside a suggestion still waiting for an answer, and a request still open
SEPARATOR = " · "

DECISION_WORDS = {
    ProposalStatus.AGREED: N_("Yes"),
    ProposalStatus.DONE: N_("Yes"),
    ProposalStatus.NOT_NOW: N_("Not now"),
    ProposalStatus.DECLINED: N_("No"),
}
WORK_WORDS = {PlanWork.REVIEW: printed.REVIEW, PlanWork.VERSION: printed.NEW_VERSION}


# -- small pieces ------------------------------------------------------------------------------


def short_date(words: Words, day: date) -> str:
    """ "3 Mar 2026": the year too, for a report that may span years."""
    from babel.dates import format_date

    return format_date(day, "d MMM y", locale=words.language)


def month_name(words: Words, month: date, *, short: bool = False) -> str:
    """ "March 2026" (or "Mar 2026")."""
    from babel.dates import format_date

    return format_date(month, "MMM y" if short else "MMMM y", locale=words.language)


def period_words(words: Words, first: date, last: date) -> str:
    """ "16 February – 15 May 2026"."""
    return date_range(first, last, words.language)


def days_number(words: Words, days: float | None) -> str:
    """A median number of days: "3", "2.5" (a dash for none)."""
    from babel.numbers import format_decimal

    return "–" if days is None else format_decimal(days, "#,##0.#", locale=words.language)


def part_of(words: Words, part: int, whole: int) -> str:
    """ "9 of 12 (75%)"."""
    return words.gettext(printed.N_OF).format(
        part=part, whole=whole, share=percent(share(part, whole))
    )


def faces_line(words: Words, faces: Faces) -> str:
    """ "Good: 5   All right: 1   Not good: 0", as the coordinator's feedback screen says it."""
    counts = {
        FeedbackFace.GOOD: faces.good,
        FeedbackFace.ALL_RIGHT: faces.all_right,
        FeedbackFace.NOT_GOOD: faces.not_good,
    }
    return "   ".join(
        words.gettext("{face}: {count}").format(face=words.gettext(face.words), count=counts[face])
        for face in FACES_IN_ORDER
    )


def taking_parts(words: Words, taking: Taking) -> str:
    """ "Residents: 12 · Suggested: 3 · Voted: 8 · Gave feedback: 5"."""
    counts = (
        (printed.RESIDENTS, taking.residents),
        (printed.SUGGESTED, taking.suggested),
        (printed.VOTED, taking.voted),
        (printed.GAVE_FEEDBACK, taking.gave_feedback),
    )
    return SEPARATOR.join(
        words.gettext("{label}: {count}").format(label=words.gettext(label), count=count)
        for label, count in counts
    )


def took_part(words: Words, taking: Taking) -> str:
    """ "Took part: 9 of 12 (75%)"."""
    return words.gettext("{label}: {count}").format(
        label=words.gettext(printed.TOOK_PART_SHORT),
        count=part_of(words, taking.took_part, taking.residents),
    )


# -- the summary -------------------------------------------------------------------------------


def summary_rows(words: Words, summary: EvidenceSummary) -> list[list[tuple[str, str]]]:
    """The first page's numbers, as the printed report's summary table has them: a group of
    (words, number) rows for each section."""
    gettext = words.gettext

    def of(part: int, whole: int) -> str:
        return part_of(words, part, whole)

    faces = summary.feedback
    return [
        [(gettext(printed.TOOK_PART), of(summary.took_part, summary.residents))],
        [
            (gettext(printed.SUGGESTIONS_MADE), str(summary.suggestions)),
            (gettext(printed.ANSWERED), of(summary.answered, summary.suggestions)),
            (
                printed.answered_in_time_label(gettext),
                of(summary.answered_in_time, summary.suggestions),
            ),
            (gettext(printed.MEDIAN_TO_ANSWER), days_number(words, summary.median_days_to_answer)),
            (gettext(printed.WENT_AHEAD), of(summary.went_ahead, summary.suggestions)),
        ],
        [
            (gettext(printed.POLLS_HELD), str(summary.polls)),
            (gettext(printed.AVERAGE_TURNOUT), percent(summary.average_turnout)),
        ],
        [
            (gettext(printed.FEEDBACK_ANSWERS), str(faces.total)),
            (gettext(printed.GOOD_FACES), of(faces.good, faces.total)),
        ],
        [
            (gettext(printed.REVIEWS), str(summary.reviews)),
            (gettext(printed.REVIEWS_WITH), of(summary.reviews_with_resident, summary.reviews)),
            (gettext(printed.VERSIONS), str(summary.versions)),
            (gettext(printed.VERSIONS_WITH), of(summary.versions_with_resident, summary.versions)),
        ],
        [
            (gettext(printed.TALKS), str(summary.talk_requests)),
            (gettext(printed.TALKS_RESOLVED), of(summary.talk_resolved, summary.talk_requests)),
            (
                gettext(printed.MEDIAN_TO_RESOLVE),
                days_number(words, summary.median_days_to_resolve),
            ),
        ],
    ]


def nothing_recorded(words: Words, period: DateRange) -> str:
    """The friendly words of a period with nothing in it, as the printed report says them."""
    first = printed.in_period(printed.NOTHING_RECORDED, period, words.language, words.gettext)
    return f"{first} {words.gettext(printed.NOTHING_DETAIL)}"


# -- suggestions -------------------------------------------------------------------------------


def chain_title(chain: SuggestionChain) -> str:
    """Its words, flagged when it still waits for an answer."""
    return f"{FLAG} {chain.title}" if waiting(chain) else chain.title


def waiting(chain: SuggestionChain) -> bool:
    """Not answered yet, and not taken back: as the printed report counts them."""
    return not chain.answered and chain.status is not ProposalStatus.WITHDRAWN


def said_line(words: Words, chain: SuggestionChain) -> str:
    gettext = words.gettext
    day = short_date(words, chain.said_on)
    if chain.said_by is None:
        text = gettext("{day}, written by staff for the home.").format(day=day)
    else:
        text = gettext("{day}, by {name}.").format(day=day, name=chain.said_by)
    if chain.backed_by:
        text += " " + words.ngettext(
            "{count} other said “me too”.", "{count} others said “me too”.", chain.backed_by
        ).format(count=chain.backed_by)
    return text


def decided_line(words: Words, chain: SuggestionChain) -> str:
    gettext, ngettext = words.gettext, words.ngettext
    if chain.decided_on is None:
        if chain.status is ProposalStatus.WITHDRAWN:
            return gettext("Taken back by the resident.")
        days = chain.days_waiting
        if days is None:
            return gettext("{flag} No answer yet.").format(flag=FLAG)
        return ngettext(
            "{flag} No answer yet: waiting {count} day.",
            "{flag} No answer yet: waiting {count} days.",
            days,
        ).format(flag=FLAG, count=days)
    days = chain.days_to_answer or 0
    answer = gettext(DECISION_WORDS.get(chain.status, N_("Answered")))
    text = ngettext(
        "{answer}, on {day} ({count} day later).",
        "{answer}, on {day} ({count} days later).",
        days,
    ).format(answer=answer, day=short_date(words, chain.decided_on), count=days)
    if chain.decided_by and chain.reason:
        text += " " + gettext("{name}: “{reason}”").format(
            name=chain.decided_by, reason=chain.reason
        )
    elif chain.decided_by:
        text += " " + gettext("By {name}.").format(name=chain.decided_by)
    elif chain.reason:
        text += " " + gettext("“{reason}”").format(reason=chain.reason)
    return text


def done_lines(words: Words, chain: SuggestionChain) -> list[str]:
    """What was put on the menu or the week for it, or why there is nothing (yet)."""
    if chain.done:
        return [done_thing(words, thing) for thing in chain.done]
    if chain.went_ahead:
        return [words.gettext("Nothing on the menu or the week for it yet.")]
    return []


def done_thing(words: Words, thing: DoneThing) -> str:
    """ "Fish pie, Lunch, 13 Mar 2026" or "Garden walk, 14 Mar 2026 (called off)"."""
    gettext = words.gettext
    parts = [thing.what]
    if thing.kind is DoneKind.MENU and thing.meal is not None:
        parts.append(gettext(MEAL_WORDS[thing.meal]))
    parts.append(short_date(words, thing.day))
    text = ", ".join(parts)
    if thing.cancelled:
        text = gettext("{what} (called off)").format(what=text)
    return text


def went_line(words: Words, chain: SuggestionChain) -> str:
    """How it went, when anything was done about it ("" when nothing was)."""
    if not any(thing.kind is DoneKind.ACTIVITY for thing in chain.done):
        return ""
    faces = chain.faces
    if not faces.total:
        return words.gettext("Nobody said how it went.")
    return faces_line(words, faces)


def suggestions_heading(words: Words, chains: Sequence[SuggestionChain]) -> str:
    waiting_count = sum(1 for chain in chains if waiting(chain))
    text = words.ngettext(
        "{count} suggestion, oldest first.", "{count} suggestions, oldest first.", len(chains)
    ).format(count=len(chains))
    if waiting_count:
        text += " " + words.ngettext(
            "{flag} {count} still waits for an answer.",
            "{flag} {count} still wait for an answer.",
            waiting_count,
        ).format(flag=FLAG, count=waiting_count)
    return text


# -- polls and activities ----------------------------------------------------------------------


def poll_lines(words: Words, poll: PollOutcome) -> list[str]:
    """When it was open, who voted, each choice's votes, what won, what was planned."""
    gettext = words.gettext
    lines = [
        gettext(printed.POLL_OPEN).format(
            first=short_date(words, poll.opened_on), last=short_date(words, poll.closed_on)
        ),
        gettext(printed.TURNOUT).format(
            voted=poll.voted, residents=poll.residents, share=percent(poll.turnout)
        ),
    ]
    lines += [option_line(words, poll.kind, option) for option in poll.options]
    names = ", ".join(poll.winners)
    if poll.still_open and poll.winners:
        lines.append(gettext(printed.LEADING).format(names=names))
    elif poll.still_open and not poll.voted:
        lines.append(gettext(printed.STILL_OPEN))
    elif len(poll.winners) > 1:
        lines.append(gettext(printed.TIE).format(names=names))
    elif poll.winners:
        lines.append(gettext(printed.WINNER).format(names=names))
    else:
        lines.append(gettext(printed.NOBODY_VOTED if not poll.voted else printed.NOTHING_WON))
    lines += [
        gettext(printed.PLANNED).format(day=short_date(words, thing.day), what=thing.what)
        for thing in poll.done
    ]
    if poll.winners and not poll.done:
        lines.append(gettext(printed.NOTHING_PLANNED))
    return lines


def option_line(words: Words, kind: PollKind, option: OptionResult) -> str:
    """ "Bingo: 6", or "The beach: yes 4, maybe 1, no 1"."""
    if kind is PollKind.CHOOSE_ONE:
        return words.gettext("{label}: {count}").format(label=option.label, count=option.chosen)
    return words.gettext("{label}: yes {yes}, maybe {maybe}, no {no}").format(
        label=option.label, yes=option.yes, maybe=option.maybe, no=option.no
    )


def activity_lines(words: Words, activity: ActivityFeedback) -> list[str]:
    """Times held, answers and good faces; then each month's faces."""
    faces = activity.faces
    lines = [
        words.gettext(printed.ACTIVITY_LINE).format(
            sessions=activity.sessions,
            answers=faces.total,
            good=faces.good,
            share=percent(faces.good_share),
        )
    ]
    lines += [
        words.gettext("{month}: {faces}").format(
            month=month_name(words, month.month), faces=faces_line(words, month.faces)
        )
        for month in activity.months
    ]
    return lines


# -- care plans and requests to talk -----------------------------------------------------------


def plan_event_line(words: Words, event: PlanEvent) -> str:
    """ "12 Mar 2026 · Margaret · Review · Took part: Yes · Helen Carter"."""
    gettext = words.gettext
    parts = [
        short_date(words, event.day),
        event.resident,
        gettext(WORK_WORDS[event.work]),
        gettext("Took part: {answer}").format(
            answer=gettext("Yes") if event.took_part else gettext("No")
        ),
    ]
    if event.by:
        parts.append(event.by)
    return SEPARATOR.join(parts)


def plan_totals(words: Words, events: Sequence[PlanEvent]) -> list[str]:
    """Reviews and new versions, and how many the resident took part in."""
    lines = []
    for work, text in (
        (PlanWork.REVIEW, printed.REVIEWS_LINE),
        (PlanWork.VERSION, printed.VERSIONS_LINE),
    ):
        chosen = [event for event in events if event.work is work]
        with_them = sum(1 for event in chosen if event.took_part)
        lines.append(
            words.gettext(text).format(
                count=len(chosen),
                with_resident=with_them,
                share=percent(share(with_them, len(chosen))),
            )
        )
    return lines


def talk_totals(words: Words, summary: EvidenceSummary) -> str:
    return words.gettext(printed.TALK_LINE).format(
        count=summary.talk_requests,
        resolved=summary.talk_resolved,
        share=percent(share(summary.talk_resolved, summary.talk_requests)),
        median=days_number(words, summary.median_days_to_resolve),
    )


def talk_line(words: Words, entry: TalkEntry) -> str:
    """ "Margaret: My wellness · asked 3 Mar 2026 · sorted out 5 Mar 2026, after 2 days"."""
    gettext, ngettext = words.gettext, words.ngettext
    section = SECTION_HEADINGS[CarePlanSection(entry.section)] if entry.section else WHOLE_PLAN
    parts = [
        gettext("{name}: {section}").format(name=entry.resident, section=gettext(section)),
        gettext("asked {day}").format(day=short_date(words, entry.raised_on)),
    ]
    days = entry.days_open
    if entry.resolved_on is not None:
        parts.append(
            ngettext(
                "sorted out {day}, after {count} day",
                "sorted out {day}, after {count} days",
                days,
            ).format(day=short_date(words, entry.resolved_on), count=days)
        )
    else:
        parts.append(
            ngettext(
                "{flag} still open after {count} day",
                "{flag} still open after {count} days",
                days,
            ).format(flag=FLAG, count=days)
        )
    return SEPARATOR.join(parts)


def in_period(words: Words, message: str, period: DateRange) -> str:
    """A printed report's message with the period's dates in it ("No polls closed between
    16 February 2026 and 15 May 2026.")."""
    return printed.in_period(message, period, words.language, words.gettext)
