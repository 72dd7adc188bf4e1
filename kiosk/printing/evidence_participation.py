"""Section 1 of the evidence report: how many residents took part, month by month.

A grouped bar chart the width of the page (suggested, voted, gave feedback, took part:
four patterns) over a table of the same numbers, with how many residents lived here each
month. Long reports come in runs of up to six months, each chart and table kept together,
so a five-year report is ten readable figures rather than one unreadable one.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from kiosk.domain.evidence import MonthTaking, Participation, Taking
from kiosk.printing import evidence_words as words
from kiosk.printing.evidence_figure import figure
from kiosk.printing.evidence_parts import EvidenceSetup, block, section, table

MONTHS_PER_FIGURE = 6
SHARES = (0.17, 0.17, 0.19, 0.12, 0.17, 0.18)  # month, residents, four counts
CHART_SPACE = 8.0  # between the chart and its table
SERIES = (words.SUGGESTED, words.VOTED, words.GAVE_FEEDBACK, words.TOOK_PART_SHORT)


def counts(taking: Taking) -> tuple[int, int, int, int]:
    """The four numbers a month's bars show, in the order of ``SERIES``."""
    return taking.suggested, taking.voted, taking.gave_feedback, taking.took_part


def participation_section(participation: Participation, setup: EvidenceSetup) -> list[Flowable]:
    body: list[Flowable] = [_whole(participation.whole, setup)]
    months = participation.months
    runs = [months[i : i + MONTHS_PER_FIGURE] for i in range(0, len(months), MONTHS_PER_FIGURE)]
    body.extend(months_figure(run, setup, titled=len(runs) > 1) for run in runs)
    return section(1, words.PARTICIPATION, words.PARTICIPATION_SHOWS, body, setup)


def _whole(whole: Taking, setup: EvidenceSetup) -> Flowable:
    locale = setup.locale
    text = setup.words(words.PARTICIPATION_WHOLE).format(
        took_part=words.number(whole.took_part, locale),
        residents=words.number(whole.residents, locale),
        share=words.share_of(whole.took_part, whole.residents, locale),
        suggested=words.number(whole.suggested, locale),
        voted=words.number(whole.voted, locale),
        gave_feedback=words.number(whole.gave_feedback, locale),
    )
    return setup.line(text, after=setup.styles.body.fontSize)


def months_figure(run: Sequence[MonthTaking], setup: EvidenceSetup, *, titled: bool) -> Flowable:
    """Up to six months: the chart over its table, with the months named above them when
    the report has more than one such figure."""
    locale = setup.locale
    series = [[counts(month.taking)[index] for month in run] for index in range(len(SERIES))]
    drawn = figure(
        series,
        [words.month_label(month.month, locale) for month in run],
        _table(run, setup),
        setup,
        legend=[setup.words(name) for name in SERIES],
        wide=True,
    )
    parts: list[Flowable] = []
    if titled:
        first, last = run[0].month, run[-1].month
        parts.append(
            setup.line(
                setup.words(words.PERIOD).format(
                    first=words.month_and_year(first, locale),
                    last=words.month_and_year(last, locale),
                ),
                setup.bold,
                after=CHART_SPACE,
            )
        )
    parts.append(drawn)
    return block(parts, setup)


def _table(run: Sequence[MonthTaking], setup: EvidenceSetup) -> Flowable:
    locale = setup.locale
    header = [setup.words(words.MONTH), setup.words(words.RESIDENTS)]
    header.extend(setup.words(name) for name in SERIES)
    rows = []
    for month in run:
        taking = month.taking
        took_part = setup.words(words.COUNT_AND_SHARE).format(
            count=words.number(taking.took_part, locale),
            share=words.share_of(taking.took_part, taking.residents, locale),
        )
        rows.append(
            [
                words.unbroken_words(words.month_label(month.month, locale)),
                words.number(taking.residents, locale),
                *(words.number(value, locale) for value in counts(taking)[:3]),
                took_part,
            ]
        )
    return table(header, rows, SHARES, setup)
