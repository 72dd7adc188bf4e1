"""A resident's own large-print copy of everything the kiosk keeps about them: A4 portrait,
in clear print, for them to keep (their right to see their records).

First their name and what this copy is; then, each under a heading with its picture: about
them and their settings, what staff noted, their suggestions and what became of them, the
ideas they backed, their votes, how activities went for them, what they went to, every
version of their care plan in full, its reviews, when they said "Yes, that's right", when
they asked to talk, and who looked at their plan. Their words print exactly as written,
never read as markup. A part with nothing in it says so. Built from the same pieces as the
printed care plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, tzinfo
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from kiosk.domain.care_plans import section_picture
from kiosk.domain.resident_records import PlanVersionRecord, ResidentRecords
from kiosk.printing import care_plan_words as plan_words
from kiosk.printing import resident_records_words as words
from kiosk.printing.care_plan import TITLE_PICTURE_SCALE
from kiosk.printing.care_plan_parts import (
    HeadingWithStart,
    PlanSetup,
    goal_item,
    item,
    paragraphs,
    part,
    risk_item,
    routine_item,
    written_lines,
)
from kiosk.printing.fonts import register_fonts
from kiosk.printing.layout import Beside, DocumentWords, build_pdf
from kiosk.printing.menu_words import PAGE_OF, Translate
from kiosk.printing.pictures import picture
from kiosk.printing.resident_records_words import Dates
from kiosk.printing.styles import A4_PAGE, clear_print

VERSION_PICTURE_SCALE = 1.5  # the clipboard beside a version's heading, against a row's
VERSION_SPACE_BEFORE = 12 * mm  # between the part before and a version's heading


def resident_records_pdf(
    records: ResidentRecords,
    *,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
    printed_on: date,
    zone: tzinfo = UTC,
) -> bytes:
    """``records`` as a PDF in ``locale`` (en_GB, cy, pl, pa) through ``translate``, with
    days on the home's clock (``zone``)."""
    styles = clear_print(register_fonts(fonts_dir))
    setup = PlanSetup(styles, A4_PAGE, translate, locale, pictures_dir)
    dates = Dates(locale, zone)
    story = [
        *_opening(records, home_name, printed_on, setup, dates),
        *_about_you(records, setup, dates),
        *_staff_notes(records, setup),
        *_suggestions(records, setup, dates),
        *_supports(records, setup, dates),
        *_votes(records, setup, dates),
        *_feedback(records, setup, dates),
        *_attended(records, setup, dates),
        *_care_plan(records, setup, dates),
        *_reviews(records, setup, dates),
        *_confirmations(records, setup, dates),
        *_talks(records, setup, dates),
        *_plan_access(records, setup, dates),
    ]
    return build_pdf(
        story, page=A4_PAGE, styles=styles, words=_document_words(records, home_name, setup)
    )


def _lines(texts: Sequence[str], setup: PlanSetup, style: str = "body") -> list[Flowable]:
    return [setup.text(text, style) for text in texts]


def _bold(text: str, setup: PlanSetup) -> Flowable:
    return setup.text(text, setup.lines.warning)


def _labelled(label: str, text: str | None, setup: PlanSetup) -> list[Flowable]:
    """A label in bold and the person's words under it; nothing when there are no words."""
    lines = written_lines(text or "", setup)
    return [_bold(label, setup), *lines] if lines else []


def _part(key: str, heading: str, body: Sequence[Flowable], setup: PlanSetup) -> list[Flowable]:
    """A part under its heading, or "Nothing kept here." when there is nothing in it."""
    return part(key, setup.translate(heading), list(body) or _nothing(setup), setup)


def _nothing(setup: PlanSetup) -> list[Flowable]:
    return [setup.text(setup.translate(words.NOTHING), "body")]


def _opening(
    records: ResidentRecords, home_name: str, printed_on: date, setup: PlanSetup, dates: Dates
) -> list[Flowable]:
    """The title and the person's name beside a padlock; the home; what this copy is."""
    size = setup.page.picture * TITLE_PICTURE_SCALE
    head = [setup.text(setup.translate(words.TITLE), "title")]
    head.append(setup.text(records.details.preferred_name, "heading"))
    if plan_words.given(home_name) is not None:
        head.append(setup.text(home_name, "body"))
    opening = Beside(
        picture(setup.pictures_dir, words.TITLE_PICTURE, size), head, size=size, gap=setup.page.gap
    )
    opening.spaceAfter = setup.styles.subtitle.spaceAfter
    translate = setup.translate
    return [
        opening,
        setup.text(translate(words.FOR_YOU), "body"),
        setup.text(translate(words.MADE_ON).format(date=dates.day(printed_on)), "body"),
    ]


def _about_you(records: ResidentRecords, setup: PlanSetup, dates: Dates) -> list[Flowable]:
    lines = words.about_you(records.details, dates, setup.translate)
    return _part(words.ABOUT_YOU_PICTURE, words.ABOUT_YOU, _lines(lines, setup), setup)


def _staff_notes(records: ResidentRecords, setup: PlanSetup) -> list[Flowable]:
    notes = paragraphs(records.details.support_notes or "", setup)
    return _part(words.STAFF_NOTES_PICTURE, words.STAFF_NOTES, notes, setup)


def _suggestions(records: ResidentRecords, setup: PlanSetup, dates: Dates) -> list[Flowable]:
    translate = setup.translate
    items = []
    for suggestion in records.suggestions:
        lines = [
            *written_lines(suggestion.title, setup, "item"),
            setup.text(words.suggestion_opening(suggestion, dates, translate), "body"),
            *_labelled(translate(words.YOUR_WORDS), suggestion.details, setup),
            setup.text(words.suggestion_status(suggestion, dates, translate), "body"),
        ]
        heading = words.answer_heading(suggestion, dates, translate)
        if heading is not None:
            lines += _labelled(heading, suggestion.answer, setup)
        if suggestion.backed_by:
            backed = translate(words.BACKED_BY).format(count=suggestion.backed_by)
            lines.append(setup.text(backed, "body"))
        items.append(item(lines, setup))
    return _part(words.SUGGESTIONS_PICTURE, words.SUGGESTIONS, items, setup)


def _supports(records: ResidentRecords, setup: PlanSetup, dates: Dates) -> list[Flowable]:
    line = setup.translate(words.SUPPORT_LINE)
    lines = [
        line.format(title=support.title, date=dates.day(support.said_at))
        for support in records.supports
    ]
    return _part(words.SUPPORTS_PICTURE, words.SUPPORTS, _lines(lines, setup), setup)


def _votes(records: ResidentRecords, setup: PlanSetup, dates: Dates) -> list[Flowable]:
    items = [
        item(
            [
                *written_lines(vote.question, setup, "item"),
                *_lines(words.vote_lines(vote, dates, setup.translate), setup),
            ],
            setup,
        )
        for vote in records.votes
    ]
    return _part(words.VOTES_PICTURE, words.VOTES, items, setup)


def _feedback(records: ResidentRecords, setup: PlanSetup, dates: Dates) -> list[Flowable]:
    translate = setup.translate
    items = [
        item(
            [
                setup.text(words.feedback_heading(feedback, dates, translate), "item"),
                setup.text(words.mood_line(feedback, translate), "body"),
                *_labelled(translate(words.YOUR_WORDS), feedback.words, setup),
            ],
            setup,
        )
        for feedback in records.feedback
    ]
    return _part(words.FEEDBACK_PICTURE, words.FEEDBACK, items, setup)


def _attended(records: ResidentRecords, setup: PlanSetup, dates: Dates) -> list[Flowable]:
    line = setup.translate(words.ACTIVITY_ON)
    lines = [
        line.format(activity=went.activity, date=dates.day(went.held_at))
        for went in records.attended
    ]
    return _part(words.ATTENDED_PICTURE, words.ATTENDED, _lines(lines, setup), setup)


def _care_plan(records: ResidentRecords, setup: PlanSetup, dates: Dates) -> list[Flowable]:
    """Every version in full, oldest first, each under its own heading."""
    if not records.plan_versions:
        empty = [setup.text(setup.translate(words.NO_CARE_PLAN), "body")]
        return _part(words.CARE_PLAN_PICTURE, words.CARE_PLAN, empty, setup)
    story: list[Flowable] = []
    for version in records.plan_versions:
        story += _version(version, setup, dates)
    return story


def _version(version: PlanVersionRecord, setup: PlanSetup, dates: Dates) -> list[Flowable]:
    """A version as the printed care plan shows it, under a bigger heading of its own:
    when and with whom it was written, then each section and its goals, routines and
    risks beside their pictures."""
    translate = setup.translate
    heading = translate(words.VERSION).format(number=version.number)
    about = [
        *_lines(words.version_lines(version, dates, translate), setup),
        *_labelled(translate(words.WHAT_CHANGED), version.what_changed, setup),
    ]
    story: list[Flowable] = [
        HeadingWithStart(
            _version_heading(heading, setup),
            item(about, setup),
            section=heading,
            limit=setup.frame_height,
        )
    ]
    for section in version.sections:
        title = translate(plan_words.SECTION_HEADINGS[section.section])
        body = paragraphs(section.body, setup) or _lines([translate(words.NOT_WRITTEN)], setup)
        story += part(section_picture(section.section), title, body, setup)
    lists = (
        (plan_words.GOALS_PICTURE, plan_words.GOALS, [goal_item(g, setup) for g in version.goals]),
        (
            plan_words.ROUTINES_PICTURE,
            plan_words.ROUTINES,
            [routine_item(r, setup) for r in version.routines],
        ),
        (plan_words.RISKS_PICTURE, plan_words.RISKS, [risk_item(r, setup) for r in version.risks]),
    )
    for key, title, items in lists:
        if items:
            story += part(key, translate(title), items, setup)
    return story


def _version_heading(heading: str, setup: PlanSetup) -> Flowable:
    """ "Your care plan, version 2" in the day-heading size, beside a bigger clipboard."""
    size = setup.page.picture * VERSION_PICTURE_SCALE
    row = Beside(
        picture(setup.pictures_dir, words.CARE_PLAN_PICTURE, size),
        [setup.text(heading, "heading")],
        size=size,
        gap=setup.page.gap,
    )
    row.spaceBefore = VERSION_SPACE_BEFORE
    row.spaceAfter = setup.styles.heading.spaceAfter
    return row


def _reviews(records: ResidentRecords, setup: PlanSetup, dates: Dates) -> list[Flowable]:
    translate = setup.translate
    items = [
        item(
            [
                setup.text(
                    translate(words.REVIEW_ON).format(date=dates.day(review.reviewed_on)), "item"
                ),
                *_lines(words.review_lines(review, dates, translate), setup),
                *_labelled(translate(words.WHAT_CHANGED), review.what_changed, setup),
            ],
            setup,
        )
        for review in records.reviews
    ]
    return _part(words.REVIEWS_PICTURE, words.REVIEWS, items, setup)


def _confirmations(records: ResidentRecords, setup: PlanSetup, dates: Dates) -> list[Flowable]:
    translate = setup.translate
    lines = [
        translate(words.CONFIRMED).format(
            section=words.section_words(confirmation.section, translate),
            number=confirmation.version_number,
            date=dates.day(confirmation.confirmed_at),
        )
        for confirmation in records.confirmations
    ]
    return _part(words.CONFIRMATIONS_PICTURE, words.CONFIRMATIONS, _lines(lines, setup), setup)


def _talks(records: ResidentRecords, setup: PlanSetup, dates: Dates) -> list[Flowable]:
    translate = setup.translate
    items = []
    for talk in records.talk_requests:
        lines = [
            setup.text(words.section_words(talk.section, translate), "item"),
            setup.text(words.asked_line(talk, dates, translate), "body"),
            *_labelled(translate(words.YOUR_WORDS), talk.note, setup),
        ]
        outcome = words.sorted_out_heading(talk, dates, translate)
        resolution = _labelled(outcome, talk.resolution, setup)
        lines += resolution or [setup.text(outcome, "body")]
        items.append(item(lines, setup))
    return _part(words.TALKS_PICTURE, words.TALKS, items, setup)


def _plan_access(records: ResidentRecords, setup: PlanSetup, dates: Dates) -> list[Flowable]:
    lines = [words.access_line(event, dates, setup.translate) for event in records.plan_access]
    return _part(words.PLAN_ACCESS_PICTURE, words.PLAN_ACCESS, _lines(lines, setup), setup)


def _document_words(records: ResidentRecords, home_name: str, setup: PlanSetup) -> DocumentWords:
    translate = setup.translate
    return DocumentWords(
        title=f"{translate(words.TITLE)}: {records.details.preferred_name}",
        author=home_name,
        language=setup.locale.replace("_", "-"),
        page_of=lambda page, pages: translate(PAGE_OF).format(page=page, pages=pages),
        continued=lambda section: translate(words.CONTINUED).format(section=section),
    )
