"""A care plan as the resident turns through it: one page per part, in plain words.

The seven "About Me" sections come first, in reading order, then "My goals" and "My day",
"Risks we agreed" when there are any, and who helped write the plan. A page holds the
words only (already in the resident's language); :mod:`kiosk.ui.care_plan_page_view` shows
it. Nothing here draws: it is kept apart so it can be read and tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kiosk.domain.care_plans import (
    AgreedRisk,
    CarePlanView,
    DailyRoutine,
    PlanGoal,
    section_picture,
)
from kiosk.domain.enums import CarePlanSection, GoalStatus
from kiosk.domain.text import N_
from kiosk.i18n import Words

SECTION_HEADINGS = {
    CarePlanSection.WHAT_MATTERS: N_("What matters most to me"),
    CarePlanSection.IMPORTANT_PEOPLE: N_("People who are important to me"),
    CarePlanSection.COMMUNICATION: N_("How I communicate, and how to talk with me"),
    CarePlanSection.WELLNESS: N_("My wellness"),
    CarePlanSection.DO_AND_DONT: N_("Please do, and please don't"),
    CarePlanSection.SUPPORT: N_("How and when to support me"),
    CarePlanSection.ALSO_KNOW: N_("Also worth knowing about me"),
}
GOALS, DAY, RISKS, HELPERS = (
    N_("My goals"),
    N_("My day"),
    N_("Risks we agreed"),
    N_("Who helped me write this"),
)
WHOLE_PLAN = N_("My care plan")
PART_PICTURES = {GOALS: "exercise", DAY: "clock", RISKS: "people", HELPERS: "care-plan"}
NOT_WRITTEN = N_("Not written yet. Would you like to talk about this with a member of staff?")
GOAL_STATUS_WORDS = {
    GoalStatus.ACHIEVED: N_("You have done this."),
    GoalStatus.CHANGED: N_("This goal has changed."),
    GoalStatus.STOPPED: N_("This goal has stopped."),
}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Words shown together; ``role`` is the label's style ("strong", "quiet" or None)."""

    text: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class PlanPage:
    """One page of the plan, in the resident's language.

    ``section`` is the "About Me" section it shows (None for goals, routines, risks and
    helpers, which the resident can talk about but not confirm one by one). ``part`` is
    the English name of the page, kept with a request to talk so staff know what it was
    about. ``written`` is False for a part with nothing in it yet.
    """

    picture: str | None
    heading: str
    paragraphs: tuple[Paragraph, ...]
    section: CarePlanSection | None
    part: str
    written: bool

    @property
    def text(self) -> str:
        """Every word of the page's body, one paragraph a line."""
        return "\n".join(paragraph.text for paragraph in self.paragraphs)

    @property
    def can_confirm(self) -> bool:
        return self.section is not None and self.written


def plan_pages(plan: CarePlanView, words: Words, today: date) -> tuple[PlanPage, ...]:
    """Every page of ``plan``, in the order the resident turns through them."""
    gettext = words.gettext
    pages = [
        _page(
            section_picture(shown.section),
            SECTION_HEADINGS[shown.section],
            (Paragraph(shown.body),) if shown.body.strip() else (),
            words,
            section=shown.section,
        )
        for shown in plan.sections
    ]
    goals = tuple(
        line for goal in plan.goals for line in _goal(goal, plan.resident_name, words, today)
    )
    pages.append(_page(PART_PICTURES[GOALS], GOALS, goals, words))
    day = tuple(line for routine in plan.routines for line in _routine(routine, gettext))
    pages.append(_page(PART_PICTURES[DAY], DAY, day, words))
    if plan.risks:
        risks = tuple(line for risk in plan.risks for line in _risk(risk, gettext))
        pages.append(_page(PART_PICTURES[RISKS], RISKS, risks, words))
    if plan.supported_by and plan.supported_by.strip():
        helpers = (Paragraph(plan.supported_by),)
        pages.append(_page(PART_PICTURES[HELPERS], HELPERS, helpers, words))
    return tuple(pages)


def pages_to_show(
    plan: CarePlanView | None, problem: str | None, words: Words, today: date
) -> tuple[PlanPage, ...]:
    """The plan's pages; or one page saying what went wrong (``problem``), or that no
    plan has been written yet (with a way to ask about it)."""
    gettext = words.gettext
    if plan is not None:
        return plan_pages(plan, words, today)
    if problem is not None:
        return (message_page(problem, "", can_talk=False),)
    no_plan = gettext(
        "Your care plan has not been written yet. A member of staff will write it with you."
    )
    return (message_page(gettext("Your care plan"), no_plan, can_talk=True),)


def message_page(heading: str, body: str, *, can_talk: bool) -> PlanPage:
    """A page that is not part of a plan: no plan yet (``can_talk``), or a problem."""
    return PlanPage(
        picture="care-plan" if can_talk else None,
        heading=heading,
        paragraphs=(Paragraph(body),) if body else (),
        section=None,
        part=WHOLE_PLAN if can_talk else "",
        written=False,
    )


def review_words(words: Words, next_review_on: date | None, today: date) -> str:
    """When the plan will next be looked at together ("" when no date is set)."""
    if next_review_on is None:
        return ""
    if next_review_on < today:
        return words.gettext("It is time to look at your plan together again.")
    return words.gettext("We will look at your plan together again on {date}.").format(
        date=words.day_and_date(next_review_on)
    )


def confirmed_words(words: Words, confirmed_on: date, today: date) -> str:
    """ "You said this was right on Tuesday 3 November." (or "today")."""
    if confirmed_on == today:
        return words.gettext("You said this was right today.")
    return words.gettext("You said this was right on {date}.").format(
        date=words.day_and_date(confirmed_on)
    )


def _page(
    picture: str,
    part: str,
    paragraphs: tuple[Paragraph, ...],
    words: Words,
    *,
    section: CarePlanSection | None = None,
) -> PlanPage:
    written = bool(paragraphs)
    return PlanPage(
        picture=picture,
        heading=words.gettext(part),
        paragraphs=paragraphs if written else (Paragraph(words.gettext(NOT_WRITTEN)),),
        section=section,
        part=part,
        written=written,
    )


def _goal(goal: PlanGoal, own_name: str, words: Words, today: date) -> tuple[Paragraph, ...]:
    gettext = words.gettext
    lines = [Paragraph(goal.goal, "strong")]
    if goal.expressed_by and goal.expressed_by.strip() != own_name:  # said by someone else
        lines.append(Paragraph(gettext("Said by {name}.").format(name=goal.expressed_by)))
    if goal.status in GOAL_STATUS_WORDS:
        lines.append(Paragraph(gettext(GOAL_STATUS_WORDS[goal.status])))
    elif goal.review_on is not None and goal.review_on >= today:
        lines.append(
            Paragraph(
                gettext("We will look at this goal again on {date}.").format(
                    date=words.day_and_date(goal.review_on)
                )
            )
        )
    return tuple(lines)


def _routine(routine: DailyRoutine, gettext: Callable[[str], str]) -> tuple[Paragraph, ...]:
    lines = [Paragraph(routine.name, "strong")]
    if routine.timing:
        lines.append(Paragraph(gettext("When: {timing}").format(timing=routine.timing)))
    if routine.steps:
        lines.append(Paragraph(routine.steps))
    if routine.music:
        lines.append(Paragraph(gettext("Music: {music}").format(music=routine.music)))
    return tuple(lines)


def _risk(risk: AgreedRisk, gettext: Callable[[str], str]) -> tuple[Paragraph, ...]:
    lines = [Paragraph(risk.risk, "strong"), Paragraph(risk.agreement)]
    if risk.agreed_by:
        lines.append(Paragraph(gettext("Agreed by {names}.").format(names=risk.agreed_by)))
    return tuple(lines)
