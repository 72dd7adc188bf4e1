"""Care-plan printing benchmark: a resident's plan of about ten A4 pages (long "About Me"
sections, ten goals, routines and risks) against a bare reportlab canvas drawing the same
strings in the same fonts, in the same run."""

from __future__ import annotations

import time
from datetime import date, datetime

from bench.printing import FONTS, PICTURES, bare_canvas, pdf_lines, timed_against_bare
from bench.report import Result

PRINTED_ON = date(2026, 11, 23)
SENTENCES = (
    "My daughter Susan comes on Tuesdays and Saturdays, and we have tea in the garden.",
    "Please say your name when you come in, and tell me what you are doing.",
    "I like the radio on in the morning, not too loud, and The Archers at seven.",
    "I walk with my frame now, and I like someone with me when the path is wet.",
    "Please knock and wait, and put things back where I left them.",
    "I taught at a primary school in Wrexham for 35 years and still love a spelling game.",
)


def _words(sentences: int, start: int = 0) -> str:
    """A paragraph of plain sentences, with a line break every few, as people write."""
    chosen = [SENTENCES[(start + n) % len(SENTENCES)] for n in range(sentences)]
    return "\n".join(" ".join(chosen[n : n + 4]) for n in range(0, len(chosen), 4))


def sample_plan() -> object:
    """A full plan of ten pages: seven long sections, ten goals, four routines and four
    risks."""
    from kiosk.domain.care_plans import (
        AgreedRisk,
        CarePlanView,
        DailyRoutine,
        PlanGoal,
        sections_in_order,
    )
    from kiosk.domain.enums import CarePlanSection, GoalStatus

    statuses = list(GoalStatus)
    return CarePlanView(
        resident_id=1,
        version_number=7,
        created_at=datetime(2026, 11, 2, 10, 30),
        sections=sections_in_order(
            {section: _words(8, n) for n, section in enumerate(CarePlanSection)}
        ),
        goals=tuple(
            PlanGoal(
                f"Goal {n + 1}: I want to walk to the garden bench and sit in the sun.",
                "Margaret, with Susan helping",
                statuses[n % len(statuses)],
                date(2027, 2, 1),
            )
            for n in range(10)
        ),
        routines=tuple(
            DailyRoutine(name, "About 8, after my tea", _words(5, n), "Radio 4, not too loud")
            for n, name in enumerate(("Morning", "Lunch", "Afternoon", "Bedtime"))
        ),
        risks=tuple(
            AgreedRisk(f"Risk {n + 1}: falls in my room.", _words(3, n), "Margaret and Tomasz")
            for n in range(4)
        ),
        supported_by="Tomasz, my carer, and my daughter Susan",
        next_review_on=date(2027, 2, 1),
        resident_name="Margaret",
    )


def _care_plan(plan: object) -> bytes:
    from kiosk.printing.care_plan import care_plan_pdf

    return care_plan_pdf(
        plan,  # type: ignore[arg-type]
        home_name="Willow Court",
        locale="en_GB",
        translate=lambda words: words,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
        printed_on=PRINTED_ON,
    )


def run_all() -> list[Result]:
    plan = sample_plan()
    started = time.perf_counter()
    first = _care_plan(plan)  # fonts registered and pictures read: once per process
    first_s = time.perf_counter() - started
    strings, pages = pdf_lines(first)
    bare_canvas(strings)
    plan_s, bare_s = timed_against_bare(lambda: _care_plan(plan), strings)
    return [
        Result("print", "care plan, first in the process", first_s * 1000, "ms", ""),
        Result("print", f"care plan, {pages} pages, 10 goals", plan_s * 1000, "ms", "< 1000 ms"),
        Result(
            "print", f"bare canvas, same {len(strings)} lines (baseline)", bare_s * 1000, "ms", ""
        ),
        Result("print", "ratio care plan / bare canvas", plan_s / bare_s, "x", ""),
    ]
