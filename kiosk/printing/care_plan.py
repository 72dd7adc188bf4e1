"""The resident's own large-print copy of their care plan: A4 portrait, in clear print.

First their name, when it was written with them and when it will be looked at again;
then each "About Me" section with its picture beside its heading and their words under it
(or "Not written yet. Would you like to talk about this?"); then their goals, daily
routines, the risks agreed together, and who supported them to write it. Long sections
run on to the next page between lines, under "…, continued"; every page says "Page 2 of 5".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable

from kiosk.domain.care_plans import CarePlanView, section_picture
from kiosk.printing import care_plan_words as words
from kiosk.printing.care_plan_parts import (
    PlanSetup,
    goal_item,
    paragraphs,
    part,
    risk_item,
    routine_item,
)
from kiosk.printing.fonts import register_fonts
from kiosk.printing.layout import Beside, DocumentWords, build_pdf
from kiosk.printing.menu_words import PAGE_OF, Translate
from kiosk.printing.pictures import picture
from kiosk.printing.styles import A4_PAGE, clear_print

TITLE_PICTURE_SCALE = 2  # the clipboard beside the title, twice a row's picture


def care_plan_pdf(
    plan: CarePlanView,
    *,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
    printed_on: date,
) -> bytes:
    """``plan`` as a PDF, in ``locale`` (en_GB, cy, pl, pa) through ``translate``. The
    person's own words print exactly as written, never read as markup."""
    styles = clear_print(register_fonts(fonts_dir))
    setup = PlanSetup(styles, A4_PAGE, translate, locale, pictures_dir)
    story = [
        *_opening(plan, home_name, printed_on, setup),
        *_about_me(plan, setup),
        *_goals(plan, setup),
        *_routines(plan, setup),
        *_risks(plan, setup),
        *_supported_by(plan, setup),
    ]
    return build_pdf(
        story, page=A4_PAGE, styles=styles, words=_document_words(plan, home_name, setup)
    )


def _opening(
    plan: CarePlanView, home_name: str, printed_on: date, setup: PlanSetup
) -> list[Flowable]:
    """ "My care plan" and the person's name beside a clipboard; the home; then when it was
    written with them, when it is looked at again, and when this copy was printed."""
    size = setup.page.picture * TITLE_PICTURE_SCALE
    head = [setup.text(setup.translate(words.TITLE), "title")]
    name = words.given(plan.resident_name)
    if name is not None:
        head.append(setup.text(name, "heading"))
    if words.given(home_name) is not None:
        head.append(setup.text(home_name, "body"))
    opening = Beside(
        picture(setup.pictures_dir, words.TITLE_PICTURE, size), head, size=size, gap=setup.page.gap
    )
    opening.spaceAfter = setup.styles.subtitle.spaceAfter
    translate, locale = setup.translate, setup.locale
    return [
        opening,
        setup.text(words.written_line(plan, locale, translate), "body"),
        setup.text(words.review_line(plan, locale, translate), "body"),
        setup.text(words.printed_line(printed_on, locale, translate), "body"),
    ]


def _about_me(plan: CarePlanView, setup: PlanSetup) -> list[Flowable]:
    story: list[Flowable] = []
    for section in plan.sections:
        heading = setup.translate(words.SECTION_HEADINGS[section.section])
        key = section_picture(section.section)
        story.extend(part(key, heading, paragraphs(section.body, setup), setup))
    return story


def _goals(plan: CarePlanView, setup: PlanSetup) -> list[Flowable]:
    items = [goal_item(goal, setup) for goal in plan.goals]
    return part(words.GOALS_PICTURE, setup.translate(words.GOALS), items, setup)


def _routines(plan: CarePlanView, setup: PlanSetup) -> list[Flowable]:
    items = [routine_item(routine, setup) for routine in plan.routines]
    return part(words.ROUTINES_PICTURE, setup.translate(words.ROUTINES), items, setup)


def _risks(plan: CarePlanView, setup: PlanSetup) -> list[Flowable]:
    items = [risk_item(risk, setup) for risk in plan.risks]
    return part(words.RISKS_PICTURE, setup.translate(words.RISKS), items, setup)


def _supported_by(plan: CarePlanView, setup: PlanSetup) -> list[Flowable]:
    """Who supported the person to write it; left out when nobody is named."""
    lines = paragraphs(plan.supported_by or "", setup)
    if not lines:
        return []
    return part(words.SUPPORTED_BY_PICTURE, setup.translate(words.SUPPORTED_BY), lines, setup)


def _document_words(plan: CarePlanView, home_name: str, setup: PlanSetup) -> DocumentWords:
    translate = setup.translate
    title = translate(words.TITLE)
    name = words.given(plan.resident_name)
    return DocumentWords(
        title=title if name is None else f"{title}: {name}",
        author=home_name,
        language=setup.locale.replace("_", "-"),
        page_of=lambda page, pages: translate(PAGE_OF).format(page=page, pages=pages),
        continued=lambda section: translate(words.CONTINUED).format(section=section),
    )
