"""Section 3 of the evidence report: each poll that closed, as one block kept on a page:
the question, when it was open, the turnout, the results (a chart beside a table of the
same numbers, each choice numbered under its bars), what won, and what was planned from it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from kiosk.domain.enums import PollKind
from kiosk.domain.evidence import PollOutcome
from kiosk.printing import evidence_words as words
from kiosk.printing.evidence_chart import Pattern
from kiosk.printing.evidence_figure import figure
from kiosk.printing.evidence_parts import (
    EvidenceSetup,
    block,
    quiet,
    section,
    table,
)
from kiosk.printing.menu_words import long_date

ONE_CHOICE_SHARES = (0.7, 0.3)
THREE_ANSWER_SHARES = (0.4, 0.2, 0.22, 0.18)
THREE_ANSWER_PATTERNS = (Pattern.SOLID, Pattern.DIAGONAL, Pattern.WHITE)  # yes, maybe, no
FIGURE_SPACE = 8.0


def polls_section(polls: Sequence[PollOutcome], setup: EvidenceSetup) -> list[Flowable]:
    body = [poll_block(poll, setup) for poll in polls] or [quiet(words.NO_POLLS, setup)]
    return section(3, words.POLLS, words.POLLS_SHOWS, body, setup)


def poll_block(poll: PollOutcome, setup: EvidenceSetup) -> Flowable:
    locale, translate = setup.locale, setup.translate
    opened = translate(words.POLL_OPEN).format(
        first=long_date(poll.opened_on, locale), last=long_date(poll.closed_on, locale)
    )
    turnout = translate(words.TURNOUT).format(
        voted=setup.number(poll.voted),
        residents=setup.number(poll.residents),
        share=setup.percent(poll.turnout),
    )
    parts: list[Flowable] = [
        setup.text(poll.question.strip(), setup.bold),
        setup.text(opened, "body"),
        setup.line(turnout, after=FIGURE_SPACE),
    ]
    if poll.options:
        results = results_figure(poll, setup)
        results.spaceAfter = FIGURE_SPACE
        parts.append(results)
    parts.append(setup.text(outcome_line(poll, setup), setup.bold))
    parts.extend(setup.text(line, "body") for line in planned_lines(poll, setup))
    return block(parts, setup)


def results_figure(poll: PollOutcome, setup: EvidenceSetup) -> Flowable:
    """The results: bars for each numbered choice beside a table of the same numbers."""
    labels = [(setup.number(index),) for index in range(1, len(poll.options) + 1)]
    names = [
        f"{setup.number(index)}. {option.label.strip()}"
        for index, option in enumerate(poll.options, start=1)
    ]
    number = setup.number
    if poll.kind is PollKind.CHOOSE_ONE:
        header = [setup.words(words.CHOICE), setup.words(words.VOTES)]
        rows = [[name, number(o.chosen)] for name, o in zip(names, poll.options, strict=True)]
        numbers = table(header, rows, ONE_CHOICE_SHARES, setup)
        return figure([[option.chosen for option in poll.options]], labels, numbers, setup)
    answers = (words.YES, words.MAYBE, words.NO)
    series = [
        [option.yes for option in poll.options],
        [option.maybe for option in poll.options],
        [option.no for option in poll.options],
    ]
    header = [setup.words(words.CHOICE), *(setup.words(answer) for answer in answers)]
    rows = [
        [name, number(o.yes), number(o.maybe), number(o.no)]
        for name, o in zip(names, poll.options, strict=True)
    ]
    return figure(
        series,
        labels,
        table(header, rows, THREE_ANSWER_SHARES, setup),
        setup,
        legend=[setup.words(answer) for answer in answers],
        patterns=THREE_ANSWER_PATTERNS,
    )


def outcome_line(poll: PollOutcome, setup: EvidenceSetup) -> str:
    """ "Winner: Bingo", "A tie between: Bingo, Quiz", or why nothing won."""
    winners = poll.winners
    if poll.voted == 0:
        return setup.words(words.STILL_OPEN if poll.still_open else words.NOBODY_VOTED)
    if not winners:
        return setup.words(words.NOTHING_WON)
    names = words.LIST_SEPARATOR.join(name.strip() for name in winners)
    if poll.still_open:
        return setup.words(words.LEADING).format(names=names)
    message = words.WINNER if len(winners) == 1 else words.TIE
    return setup.words(message).format(names=names)


def planned_lines(poll: PollOutcome, setup: EvidenceSetup) -> list[str]:
    """Each activity planned from the poll, or that nothing was yet."""
    if not poll.done:
        return [setup.words(words.NOTHING_PLANNED)]
    lines = []
    for thing in poll.done:
        day = words.day_with_name(thing.day, setup.locale)
        message = words.CALLED_OFF if thing.cancelled else words.PLANNED
        lines.append(setup.words(message).format(day=day, what=thing.what.strip()))
    return lines
