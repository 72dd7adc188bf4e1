"""The first page of the evidence report: its title, the home, the dates it covers and when
it was made; then the key numbers of every section in a two-column table, one group of
rows per section. A report with nothing in it is this page's opening and one friendly
line instead.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from kiosk.domain.evidence import EvidenceReport
from kiosk.printing import evidence_words as words
from kiosk.printing.evidence_parts import EvidenceSetup, table
from kiosk.printing.menu_words import long_date
from kiosk.printing.schedule_parts import quiet

LABEL_SHARE = 0.58  # of the summary table's width, for the words


def opening(report: EvidenceReport, setup: EvidenceSetup) -> list[Flowable]:
    """ "Co-production evidence", the home, the period and the day it was made."""
    styles, translate, locale = setup.styles, setup.translate, setup.locale
    made_on = translate(words.MADE_ON).format(date=long_date(report.made_on, locale))
    story = [setup.text(translate(words.TITLE), "title")]
    if report.home_name.strip():
        story.append(setup.line(report.home_name, "subtitle", after=styles.title.spaceAfter))
    story.append(setup.line(words.period_words(report.period, locale, translate), setup.bold))
    story.append(setup.line(made_on, after=styles.subtitle.spaceAfter))
    return story


def summary_page(report: EvidenceReport, setup: EvidenceSetup) -> list[Flowable]:
    """The opening, what the report shows, and every section's key numbers."""
    styles = setup.styles
    heading = ParagraphStyle("SummaryHeading", parent=styles.subheading, spaceBefore=0,
                             keepWithNext=0)  # fmt: skip
    return [
        *opening(report, setup),
        setup.line(setup.words(words.SHOWS), after=styles.body.fontSize),
        setup.line(setup.words(words.SUMMARY), heading, after=styles.subheading.spaceAfter),
        summary_table(report, setup),
    ]


def summary_table(report: EvidenceReport, setup: EvidenceSetup) -> Flowable:
    rows, groups = summary_rows(report, setup)
    return table(
        None, rows, (LABEL_SHARE, 1 - LABEL_SHARE), setup, groups=groups, bold_columns=(1,)
    )


def summary_rows(
    report: EvidenceReport, setup: EvidenceSetup
) -> tuple[list[tuple[str, str]], list[int]]:
    """Each line of the summary (its words, its number) and where each section's begin."""
    numbers = report.summary
    locale, translate, say = setup.locale, setup.translate, setup.words

    def of(part: int, whole: int) -> str:
        return words.n_of(part, whole, locale, translate)

    def count(value: int) -> str:
        return words.number(value, locale)

    faces = numbers.feedback
    in_time = words.answered_in_time_label(translate)
    sections: list[list[tuple[str, str]]] = [
        [(say(words.TOOK_PART), of(numbers.took_part, numbers.residents))],
        [
            (say(words.SUGGESTIONS_MADE), count(numbers.suggestions)),
            (say(words.ANSWERED), of(numbers.answered, numbers.suggestions)),
            (in_time, of(numbers.answered_in_time, numbers.suggestions)),
            (say(words.MEDIAN_TO_ANSWER), words.decimal(numbers.median_days_to_answer, locale)),
            (say(words.WENT_AHEAD), of(numbers.went_ahead, numbers.suggestions)),
        ],
        [
            (say(words.POLLS_HELD), count(numbers.polls)),
            (say(words.AVERAGE_TURNOUT), words.percent(numbers.average_turnout, locale)),
        ],
        [
            (say(words.FEEDBACK_ANSWERS), count(faces.total)),
            (say(words.GOOD_FACES), of(faces.good, faces.total)),
        ],
        [
            (say(words.REVIEWS), count(numbers.reviews)),
            (say(words.REVIEWS_WITH), of(numbers.reviews_with_resident, numbers.reviews)),
            (say(words.VERSIONS), count(numbers.versions)),
            (say(words.VERSIONS_WITH), of(numbers.versions_with_resident, numbers.versions)),
        ],
        [
            (say(words.TALKS), count(numbers.talk_requests)),
            (say(words.TALKS_RESOLVED), of(numbers.talk_resolved, numbers.talk_requests)),
            (say(words.MEDIAN_TO_RESOLVE), words.decimal(numbers.median_days_to_resolve, locale)),
        ],
    ]  # fmt: skip
    rows: list[tuple[str, str]] = []
    groups: list[int] = []
    for lines in sections:
        groups.append(len(rows))
        rows.extend(lines)
    return rows, groups[1:]


def nothing_page(report: EvidenceReport, setup: EvidenceSetup) -> list[Flowable]:
    """The whole of a report with nothing in it: the opening and one friendly line."""
    locale, translate = setup.locale, setup.translate
    nothing = words.in_period(words.NOTHING_RECORDED, report.period, locale, translate)
    return [*opening(report, setup), quiet([nothing, translate(words.NOTHING_DETAIL)], setup)]
