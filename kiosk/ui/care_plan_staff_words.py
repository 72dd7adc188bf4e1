"""Words the carers' care-plan screens share: the parts of a plan, where each plan stands
against its review, and who took part."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from kiosk.domain.care_plan_records import PlanStatus, ReviewState
from kiosk.domain.enums import CarePlanSection, GoalStatus
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.care_plan_pages import SECTION_HEADINGS
from kiosk.ui.widgets.day_picker import date_words

#: The parts of a plan after its seven sections, as the comparison names them.
PART_HEADINGS = {
    "goals": N_("Goals, in their own words"),
    "routines": N_("Daily routines"),
    "risks": N_("Risks we agreed together"),
    "supported_by": N_("Supported to write this by"),
}
GOAL_STATUS_WORDS = {
    GoalStatus.ACTIVE: N_("Working on it"),
    GoalStatus.ACHIEVED: N_("Achieved"),
    GoalStatus.CHANGED: N_("Changed"),
    GoalStatus.STOPPED: N_("Stopped"),
}


def part_heading(words: Words, part: CarePlanSection | str) -> str:
    """A section's heading ("What matters most to me"), or "Daily routines"."""
    if isinstance(part, CarePlanSection):
        return words.gettext(SECTION_HEADINGS[part])
    return words.gettext(PART_HEADINGS.get(part, part))


def review_words(words: Words, status: PlanStatus) -> str:
    """Where a plan stands: "Review overdue since …", "Review due on …", "No review
    date", "No plan written yet". Overdue is flagged in words, never by colour alone."""
    gettext = words.gettext
    day = status.next_review_on
    if status.state is ReviewState.NO_PLAN:
        return gettext("No plan written yet")
    if status.state is ReviewState.NOT_SET or day is None:
        return gettext("No review date")
    when = date_words(words, day)
    if status.state is ReviewState.OVERDUE:
        return gettext("⚑ Review overdue since {date}").format(date=when)
    if status.state is ReviewState.DUE_SOON:
        return gettext("Review due soon, on {date}").format(date=when)
    return gettext("Review due on {date}").format(date=when)


def talks_words(words: Words, count: int) -> str:
    """ "2 requests to talk" ("" for none)."""
    if not count:
        return ""
    return words.ngettext("{count} request to talk", "{count} requests to talk", count).format(
        count=count
    )


def overview_words(words: Words, statuses: Sequence[PlanStatus]) -> str:
    """ "2 reviews overdue. 1 due in the next two weeks. 9 with no plan yet." (only the
    counts that are not nought; "No reviews are overdue." when none is)."""
    if not statuses:
        return words.gettext("Nobody lives here yet.")

    def count(state: ReviewState) -> int:
        return sum(1 for status in statuses if status.state is state)

    overdue, soon, none = (
        count(ReviewState.OVERDUE),
        count(ReviewState.DUE_SOON),
        count(ReviewState.NO_PLAN),
    )
    parts = [
        words.ngettext("{count} review overdue.", "{count} reviews overdue.", overdue).format(
            count=overdue
        )
        if overdue
        else words.gettext("No reviews are overdue.")
    ]
    if soon:
        parts.append(
            words.ngettext(
                "{count} due in the next two weeks.", "{count} due in the next two weeks.", soon
            ).format(count=soon)
        )
    if none:
        parts.append(
            words.ngettext("{count} with no plan yet.", "{count} with no plan yet.", none).format(
                count=none
            )
        )
    return " ".join(parts)


def took_part_words(words: Words, name: str, took_part: bool) -> str:
    """ "Margaret took part." or "Margaret did not take part." """
    if took_part:
        return words.gettext("{name} took part.").format(name=name)
    return words.gettext("{name} did not take part.").format(name=name)


def when_words(words: Words, moment: datetime, zone: tzinfo) -> str:
    """The day something was saved, on the home's clock, with its year."""
    return date_words(words, moment.astimezone(zone).date())
