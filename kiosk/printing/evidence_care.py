"""Sections 5 and 6 of the evidence report: care plans written with residents (each review
and new version, whether the resident took part, and who from the staff), and requests to
talk about a care plan (when, about which part, and when each was resolved or how long it
has been open). Totals first, then a table that runs on over pages under its header.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from kiosk.domain.enums import CarePlanSection
from kiosk.domain.evidence import EvidenceSummary, PlanEvent, PlanWork, TalkEntry
from kiosk.printing import evidence_words as words
from kiosk.printing.care_plan_words import SECTION_HEADINGS, given
from kiosk.printing.evidence_parts import EvidenceSetup, quiet, section, table

PLAN_SHARES = (0.21, 0.23, 0.19, 0.13, 0.24)  # date, resident, what, took part, staff
TALK_SHARES = (0.2, 0.22, 0.3, 0.28)  # asked on, resident, about, resolved
WORK_WORDS = {PlanWork.REVIEW: words.REVIEW, PlanWork.VERSION: words.NEW_VERSION}


def care_plans_section(
    events: Sequence[PlanEvent], summary: EvidenceSummary, setup: EvidenceSetup
) -> list[Flowable]:
    if not events:
        body = [quiet(words.NO_PLAN_WORK, setup)]
    else:
        body = [*_plan_totals(summary, setup), plan_table(events, setup)]
    return section(5, words.CARE_PLANS, words.CARE_PLANS_SHOWS, body, setup)


def _plan_totals(summary: EvidenceSummary, setup: EvidenceSetup) -> list[Flowable]:
    locale = setup.locale
    reviews = setup.words(words.REVIEWS_LINE).format(
        count=setup.number(summary.reviews),
        with_resident=setup.number(summary.reviews_with_resident),
        share=words.share_of(summary.reviews_with_resident, summary.reviews, locale),
    )
    versions = setup.words(words.VERSIONS_LINE).format(
        count=setup.number(summary.versions),
        with_resident=setup.number(summary.versions_with_resident),
        share=words.share_of(summary.versions_with_resident, summary.versions, locale),
    )
    space = setup.styles.body.fontSize
    return [setup.line(reviews), setup.line(versions, after=space)]


def plan_table(events: Sequence[PlanEvent], setup: EvidenceSetup) -> Flowable:
    say = setup.words
    header = [say(words.DATE), say(words.RESIDENT), say(words.WHAT)]
    header.extend([say(words.TOOK_PART_SHORT), say(words.STAFF)])
    rows = [
        [
            words.table_date(event.day, setup.locale),
            event.resident.strip(),
            say(WORK_WORDS[event.work]),
            say(words.YES if event.took_part else words.NO),
            given(event.by) or words.NONE,
        ]
        for event in events
    ]
    return table(header, rows, PLAN_SHARES, setup)


def talk_section(
    requests: Sequence[TalkEntry], summary: EvidenceSummary, setup: EvidenceSetup
) -> list[Flowable]:
    if not requests:
        body = [quiet(words.NO_TALKS, setup)]
    else:
        line = setup.words(words.TALK_LINE).format(
            count=setup.number(summary.talk_requests),
            resolved=setup.number(summary.talk_resolved),
            share=words.share_of(summary.talk_resolved, summary.talk_requests, setup.locale),
            median=words.decimal(summary.median_days_to_resolve, setup.locale),
        )
        body = [setup.line(line, after=setup.styles.body.fontSize), talk_table(requests, setup)]
    return section(6, words.TALK, words.TALK_SHOWS, body, setup)


def section_words(section_value: str | None, setup: EvidenceSetup) -> str:
    """The care-plan part a request is about, in the same words as the plan's heading."""
    if section_value is None:
        return setup.words(words.WHOLE_PLAN)
    try:
        return setup.words(SECTION_HEADINGS[CarePlanSection(section_value)])
    except ValueError:
        return section_value  # a part this version does not know: its stored name


def talk_table(requests: Sequence[TalkEntry], setup: EvidenceSetup) -> Flowable:
    say, locale, translate = setup.words, setup.locale, setup.translate
    header = [say(words.RAISED), say(words.RESIDENT), say(words.ABOUT), say(words.RESOLVED)]
    rows = []
    for entry in requests:
        days = words.days_words(entry.days_open, locale, translate)
        if entry.resolved_on is None and entry.days_open == 0:
            resolved = say(words.OPEN)
        elif entry.resolved_on is None:
            resolved = say(words.OPEN_FOR).format(days=days)
        elif entry.days_open == 0:
            resolved = say(words.RESOLVED_SAME_DAY).format(
                date=words.table_date(entry.resolved_on, locale)
            )
        else:
            resolved = say(words.RESOLVED_AFTER).format(
                date=words.table_date(entry.resolved_on, locale), days=days
            )
        rows.append(
            [
                words.table_date(entry.raised_on, locale),
                entry.resident.strip(),
                section_words(entry.section, setup),
                resolved,
            ]
        )
    return table(header, rows, TALK_SHARES, setup)
