"""Section 2 of the evidence report: every suggestion's trail, said → decided → done → how
it went, each link dated, after the counts by topic (a chart over its table) and by where
the suggestions are now.

Each trail is one block beside its picture, never split across pages:

    Meal: Fish pie on Fridays
    Said on 3 September 2026 by Margaret. 2 more backed it.
    Decided on 6 September 2026 (3 days) by Gareth Evans: Yes. “We will make it on Fridays”
    Done: Lunch on Friday 11 September 2026: Fish pie
    How it went: 2 good, 1 all right, 0 not good.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from kiosk.domain.enums import ProposalStatus, ProposalTopic
from kiosk.domain.evidence import DoneKind, DoneThing, SuggestionChain
from kiosk.printing import evidence_words as words
from kiosk.printing.care_plan_words import given
from kiosk.printing.evidence_figure import figure
from kiosk.printing.evidence_parts import EvidenceSetup, block, quiet, section, table
from kiosk.printing.menu_words import MEAL_WORDS, long_date
from kiosk.printing.pictures import picture
from kiosk.printing.schedule_parts import Entry, Kept

TOPIC_SHARES = (0.28, 0.18, 0.18, 0.18, 0.18)  # topic, made, answered, went ahead, waiting
STATUS_SHARES = (0.7, 0.3)
CHAIN_SPACE_FACTOR = 0.9  # after a trail, as a share of the body text size
FIGURE_SPACE = 8.0
SERIES = (words.MADE, words.ANSWERED_SHORT, words.WENT_AHEAD_SHORT)


def suggestions_section(chains: Sequence[SuggestionChain], setup: EvidenceSetup) -> list[Flowable]:
    if not chains:
        body: list[Flowable] = [quiet(words.NO_SUGGESTIONS, setup)]
    else:
        trails = [trail(chain, setup) for chain in chains]
        heading = setup.text(setup.words(words.TRAIL), "subheading")
        body = [
            topic_figure(chains, setup),
            status_table(chains, setup),
            Kept([heading, trails[0]], limit=setup.frame_height),
            *trails[1:],
        ]
    return section(
        2, words.SUGGESTIONS, words.SUGGESTIONS_SHOWS, body, setup, short_id=words.SUGGESTIONS_SHORT
    )


# -- the counts ---------------------------------------------------------------------------


def topic_counts(chains: Sequence[SuggestionChain]) -> dict[ProposalTopic, tuple[int, ...]]:
    """For each topic: made, answered, went ahead, still waiting."""
    found: dict[ProposalTopic, list[int]] = {topic: [0, 0, 0, 0] for topic in ProposalTopic}
    for chain in chains:
        counts = found[chain.topic]
        counts[0] += 1
        counts[1] += chain.answered
        counts[2] += chain.went_ahead
        counts[3] += _waiting(chain)
    return {topic: tuple(counts) for topic, counts in found.items()}


def _waiting(chain: SuggestionChain) -> bool:
    return not chain.answered and chain.status is not ProposalStatus.WITHDRAWN


def topic_figure(chains: Sequence[SuggestionChain], setup: EvidenceSetup) -> Flowable:
    """Made, answered and went ahead for each topic: a chart over its table."""
    counts = topic_counts(chains)
    topics = list(ProposalTopic)
    header = [setup.words(words.TOPIC), *(setup.words(name) for name in SERIES)]
    header.append(setup.words(words.STATUS_WORDS[ProposalStatus.OPEN]))
    number = setup.number
    rows = [[setup.words(words.TOPIC_WORDS[t]), *map(number, counts[t])] for t in topics]
    totals = [sum(column) for column in zip(*counts.values(), strict=True)]
    rows.append([setup.words(words.ALL_TOPICS), *map(number, totals)])
    title = setup.line(setup.words(words.BY_TOPIC), setup.bold, after=FIGURE_SPACE)
    drawn = figure(
        [[counts[topic][index] for topic in topics] for index in range(len(SERIES))],
        [(setup.words(words.TOPIC_WORDS[topic]),) for topic in topics],
        table(header, rows, TOPIC_SHARES, setup, groups=[len(topics)]),
        setup,
        legend=[setup.words(name) for name in SERIES],
        wide=True,
    )
    return block([title, drawn], setup)


def status_table(chains: Sequence[SuggestionChain], setup: EvidenceSetup) -> Flowable:
    """How many suggestions are waiting, agreed, done, not now, declined or taken back."""
    found = dict.fromkeys(words.STATUS_ORDER, 0)
    for chain in chains:
        status = ProposalStatus.OPEN if chain.status is ProposalStatus.DRAFT else chain.status
        found[status] += 1
    rows = [[setup.words(words.STATUS_WORDS[s]), setup.number(n)] for s, n in found.items()]
    header = [setup.words(words.BY_STATUS), setup.words(words.NUMBER)]
    return block([table(header, rows, STATUS_SHARES, setup)], setup)


# -- each trail ---------------------------------------------------------------------------


def trail(chain: SuggestionChain, setup: EvidenceSetup) -> Flowable:
    """One suggestion's trail beside its picture, kept whole on a page."""
    title = setup.words(words.CHAIN_TITLE).format(
        topic=setup.words(words.TOPIC_WORDS[chain.topic]), title=chain.title.strip()
    )
    lines = [setup.text(title, setup.bold)]
    lines.extend(setup.text(line, "body") for line in trail_lines(chain, setup))
    size = setup.page.picture
    topic_picture = words.TOPIC_PICTURES[chain.topic]
    entry = Entry(
        picture(setup.pictures_dir, chain.picture, size)
        or picture(setup.pictures_dir, topic_picture, size),
        lines,
        size=size,
        gap=setup.page.gap,
        limit=setup.frame_height,
    )
    entry.spaceAfter = setup.styles.body.fontSize * CHAIN_SPACE_FACTOR
    return entry


def trail_lines(chain: SuggestionChain, setup: EvidenceSetup) -> list[str]:
    """Said, decided (or waiting), done, how it went: each a line of plain words."""
    lines = [said_line(chain, setup), decided_line(chain, setup)]
    lines.extend(done_lines(chain, setup))
    went = how_it_went(chain, setup)
    if went is not None:
        lines.append(went)
    return lines


def said_line(chain: SuggestionChain, setup: EvidenceSetup) -> str:
    when = long_date(chain.said_on, setup.locale)
    person = given(chain.said_by)
    if person is None:
        said = setup.words(words.SAID_FOR_HOME).format(date=when)
    else:
        said = setup.words(words.SAID).format(date=when, person=person)
    if chain.backed_by:
        backed = setup.words(words.BACKED).format(count=setup.number(chain.backed_by))
        said = f"{said} {backed}"
    return said


def decided_line(chain: SuggestionChain, setup: EvidenceSetup) -> str:
    locale, translate = setup.locale, setup.translate
    if chain.decided_on is None:
        if chain.status is ProposalStatus.WITHDRAWN:
            return translate(words.TAKEN_BACK)
        waiting = chain.days_waiting
        if not waiting:
            return translate(words.WAITING)
        return translate(words.WAITING_FOR).format(
            days=words.days_words(waiting, locale, translate)
        )
    answer = translate(words.DECISION_WORDS[chain.status])
    reason = given(chain.reason)
    if reason is not None:
        answer = translate(words.WITH_REASON).format(answer=answer, reason=reason.strip())
    days = words.days_words(chain.days_to_answer or 0, locale, translate)
    when = long_date(chain.decided_on, locale)
    person = given(chain.decided_by)
    if person is None:
        return translate(words.DECIDED_BY_NOBODY).format(date=when, days=days, answer=answer)
    return translate(words.DECIDED).format(date=when, days=days, person=person, answer=answer)


def done_lines(chain: SuggestionChain, setup: EvidenceSetup) -> list[str]:
    lines = [done_line(thing, setup) for thing in chain.done]
    if lines:
        return lines
    if chain.status is ProposalStatus.DONE:
        if chain.done_on is None:
            return [setup.words(words.STATUS_WORDS[ProposalStatus.DONE])]
        return [setup.words(words.DONE_ON).format(date=long_date(chain.done_on, setup.locale))]
    if chain.status is ProposalStatus.AGREED:
        return [setup.words(words.NOT_DONE_YET)]
    return []


def done_line(thing: DoneThing, setup: EvidenceSetup) -> str:
    """ "Done: Lunch on Friday 11 September 2026: Fish pie", or that it was called off."""
    day = words.day_with_name(thing.day, setup.locale)
    what = thing.what.strip()
    if thing.cancelled:
        return setup.words(words.CALLED_OFF).format(day=day, what=what)
    if thing.kind is DoneKind.MENU and thing.meal is not None:
        meal = setup.words(MEAL_WORDS[thing.meal])
        return setup.words(words.DONE_MEAL).format(meal=meal, day=day, what=what)
    return setup.words(words.DONE_ACTIVITY).format(day=day, what=what)


def how_it_went(chain: SuggestionChain, setup: EvidenceSetup) -> str | None:
    """The faces chosen after what was done; None when nothing was done that could have
    feedback (a dish on the menu, or nothing yet)."""
    faces = chain.faces
    held = any(t.kind is DoneKind.ACTIVITY and not t.cancelled for t in chain.done)
    if faces.total == 0:
        return setup.words(words.NO_FACES_YET) if held else None
    number = setup.number
    return setup.words(words.HOW_IT_WENT).format(
        good=number(faces.good), all_right=number(faces.all_right), not_good=number(faces.not_good)
    )
