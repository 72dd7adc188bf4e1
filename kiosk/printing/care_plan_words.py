"""The words a printed care plan uses: its headings (the "About Me" sections say the same as
the "My care plan" screen, so they are translated once), goals' progress in words, and the
lines about who wrote it with whom and when. Marked with ``N_``; the caller's ``translate``
turns them into the plan's language. Dates come from Babel, in that language.
"""

from __future__ import annotations

from datetime import date

from kiosk.domain.care_plans import AgreedRisk, CarePlanView, DailyRoutine, PlanGoal
from kiosk.domain.enums import CarePlanSection, GoalStatus
from kiosk.domain.text import N_
from kiosk.printing.menu_words import Translate, long_date

TITLE = N_("My care plan")
WRITTEN_WITH = N_("Written with {name} on {date}. Version {number}.")
WRITTEN_ON = N_("Written on {date}. Version {number}.")
NEXT_REVIEW = N_("We will look at it together again on {date}.")
NO_REVIEW_DATE = N_("We will choose a day to look at it together again.")
PRINTED_ON = N_("Printed on {date}.")
NOT_WRITTEN = N_("Not written yet. Would you like to talk about this?")
CONTINUED = N_("{section}, continued")

# The same English words as the "My care plan" screen's headings.
SECTION_HEADINGS: dict[CarePlanSection, str] = {
    CarePlanSection.WHAT_MATTERS: N_("What matters most to me"),
    CarePlanSection.IMPORTANT_PEOPLE: N_("People who are important to me"),
    CarePlanSection.COMMUNICATION: N_("How I communicate, and how to talk with me"),
    CarePlanSection.WELLNESS: N_("My wellness"),
    CarePlanSection.DO_AND_DONT: N_("Please do, and please don't"),
    CarePlanSection.SUPPORT: N_("How and when to support me"),
    CarePlanSection.ALSO_KNOW: N_("Also worth knowing about me"),
}
GOALS = N_("My goals")
ROUTINES = N_("My daily routines")
RISKS = N_("Risks we agreed together")
SUPPORTED_BY = N_("Supported to write this by")

GOAL_SAID_BY = N_("Said by {person}")
GOAL_PROGRESS = N_("How it is going: {status}")
GOAL_REVIEW = N_("We will look at this goal again on {date}.")
GOAL_STATUS_WORDS: dict[GoalStatus, str] = {
    GoalStatus.ACTIVE: N_("working on it"),
    GoalStatus.ACHIEVED: N_("done, goal met"),
    GoalStatus.CHANGED: N_("changed"),
    GoalStatus.STOPPED: N_("stopped"),
}

ROUTINE_WHEN = N_("When: {timing}")
ROUTINE_STEPS = N_("What happens, in order:")
ROUTINE_MUSIC = N_("Music: {music}")

RISK_AGREED = N_("What we agreed:")
RISK_AGREED_BY = N_("Agreed by {people}")

# Pictures beside the headings (keys into assets/pictures).
TITLE_PICTURE = "care-plan"
GOALS_PICTURE = "check"
ROUTINES_PICTURE = "clock"
RISKS_PICTURE = "people"
SUPPORTED_BY_PICTURE = "talking"


def given(text: str | None) -> str | None:
    """``text`` when it has any words in it; None for nothing or only spaces."""
    return text if text is not None and text.strip() else None


def written_line(plan: CarePlanView, locale: str, translate: Translate) -> str:
    """ "Written with Margaret on 3 March 2026. Version 3." """
    when = long_date(plan.created_at.date(), locale)
    name = given(plan.resident_name)
    if name is None:
        return translate(WRITTEN_ON).format(date=when, number=plan.version_number)
    return translate(WRITTEN_WITH).format(name=name, date=when, number=plan.version_number)


def review_line(plan: CarePlanView, locale: str, translate: Translate) -> str:
    """When the plan will next be looked at together, or that a day will be chosen."""
    if plan.next_review_on is None:
        return translate(NO_REVIEW_DATE)
    return translate(NEXT_REVIEW).format(date=long_date(plan.next_review_on, locale))


def printed_line(printed_on: date, locale: str, translate: Translate) -> str:
    return translate(PRINTED_ON).format(date=long_date(printed_on, locale))


def goal_lines(goal: PlanGoal, locale: str, translate: Translate) -> list[str]:
    """After the goal itself: who said it, how it is going, when it is looked at again."""
    lines = []
    person = given(goal.expressed_by)
    if person is not None:
        lines.append(translate(GOAL_SAID_BY).format(person=person))
    status = translate(GOAL_STATUS_WORDS[goal.status])
    lines.append(translate(GOAL_PROGRESS).format(status=status))
    if goal.review_on is not None:
        lines.append(translate(GOAL_REVIEW).format(date=long_date(goal.review_on, locale)))
    return lines


def routine_when(routine: DailyRoutine, translate: Translate) -> str | None:
    timing = given(routine.timing)
    return None if timing is None else translate(ROUTINE_WHEN).format(timing=timing)


def routine_music(routine: DailyRoutine, translate: Translate) -> str | None:
    music = given(routine.music)
    return None if music is None else translate(ROUTINE_MUSIC).format(music=music)


def risk_agreed_by(risk: AgreedRisk, translate: Translate) -> str | None:
    people = given(risk.agreed_by)
    return None if people is None else translate(RISK_AGREED_BY).format(people=people)
