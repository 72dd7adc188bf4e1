"""The words of the "You said, we did" poster: what each suggestion was and what became of
it, in short, plain words ("We did: Fish pie, for lunch on Friday 13 November."), with the
month and days in the poster's language (through Babel). Marked with ``N_``; the caller's
``translate`` turns them into the poster's language.

The poster names nobody: a suggestion's ``said_by`` and ``decided_by`` are never read here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from kiosk.domain.enums import Meal, ProposalStatus, ProposalTopic
from kiosk.domain.evidence import DoneKind, DoneThing, SuggestionChain
from kiosk.domain.text import N_
from kiosk.printing.menu_words import Translate, unbroken
from kiosk.printing.schedule_words import day_of_month

TITLE = N_("You said, we did")
YOU_SAID = N_("You said: {what}")
WE_DID = N_("We did: {what}")
WE_DID_IT = N_("We did it!")
DOING = N_("We are doing it: {what}")
DOING_PLAIN = N_("Yes, we are doing it.")
NOT_NOW = N_("Not now: {reason}")
NOT_NOW_PLAIN = N_("Not now.")
SAID_NO = N_("We said no: {reason}")
SAID_NO_PLAIN = N_("We said no.")
THINKING = N_("We are still thinking about it.")
NOTHING_NEW = N_("No new ideas this month.")
TELL_US = N_("Tell us yours at the kiosk!")

ON_THE_MENU_FOR = N_("{what}, for {meal} on {days}.")
ON_THE_MENU = N_("{what}, on the menu on {days}.")
ON_DAYS = N_("{what}, on {days}.")
LAST_OF_LIST = N_("{first} and {last}")
OTHER_DAYS = N_("other days")
MOST_DAYS = 2  # days named for one dish or activity; any more are "other days"

# The same lower-case words as the "You said, we did" screen's.
MEAL_WORDS: dict[Meal, str] = {
    Meal.BREAKFAST: N_("breakfast"),
    Meal.LUNCH: N_("lunch"),
    Meal.TEA: N_("tea"),
    Meal.SUPPER: N_("supper"),
}

# A suggestion's picture when it has none of its own (keys into assets/pictures).
TOPIC_PICTURES: dict[ProposalTopic, str] = {
    ProposalTopic.MEAL: "lunch",
    ProposalTopic.ACTIVITY: "activity",
    ProposalTopic.HOME: "home-idea",
    ProposalTopic.OTHER: "idea",
}
NOTHING_NEW_PICTURE = "idea"


class Outcome(IntEnum):
    """What became of a suggestion, in the poster's order: good news first."""

    DID = 1
    DOING = 2
    THINKING = 3
    NOT_NOW = 4
    SAID_NO = 5


@dataclass(frozen=True, slots=True)
class PosterItem:
    """One suggestion as the poster prints it."""

    said: str  # "You said: Fish pie on Fridays"
    outcome: str  # "We did: Fish pie, for lunch on Friday 13 November."
    picture: str | None  # the suggestion's own picture
    fallback: str  # its topic's picture, when its own is missing


def outcome(chain: SuggestionChain) -> Outcome | None:
    """What became of ``chain``; None for one never sent or taken back (not on the poster)."""
    match chain.status:
        case ProposalStatus.DONE:
            return Outcome.DID
        case ProposalStatus.AGREED:
            return Outcome.DOING
        case ProposalStatus.OPEN:
            return Outcome.DOING if _held(chain.done) else Outcome.THINKING
        case ProposalStatus.NOT_NOW:
            return Outcome.NOT_NOW
        case ProposalStatus.DECLINED:
            return Outcome.SAID_NO
    return None


def poster_items(
    chains: Iterable[SuggestionChain], locale: str, translate: Translate
) -> list[PosterItem]:
    """The suggestions to print, good news first ("We did", "We are doing it", "still
    thinking", "Not now", "We said no"), each group oldest first."""
    ranked = [(found, chain) for chain in chains if (found := outcome(chain)) is not None]
    ranked.sort(key=lambda pair: (pair[0], pair[1].said_on, pair[1].proposal_id))
    return [
        PosterItem(
            said=translate(YOU_SAID).format(what=chain.title.strip()),
            outcome=outcome_line(chain, found, locale, translate),
            picture=chain.picture,
            fallback=TOPIC_PICTURES[chain.topic],
        )
        for found, chain in ranked
    ]


def outcome_line(chain: SuggestionChain, found: Outcome, locale: str, translate: Translate) -> str:
    """ "We did: …", "We are doing it: …", "Not now: {reason}", "We said no: {reason}" or
    "We are still thinking about it." What was done (with its days) comes before the
    staff's own words; with neither, the short words alone."""
    reason = _given(chain.reason)
    if found is Outcome.THINKING:
        return translate(THINKING)
    if found is Outcome.NOT_NOW:
        return translate(NOT_NOW).format(reason=reason) if reason else translate(NOT_NOW_PLAIN)
    if found is Outcome.SAID_NO:
        return translate(SAID_NO).format(reason=reason) if reason else translate(SAID_NO_PLAIN)
    what = done_words(chain.done, locale, translate) or reason
    if found is Outcome.DID:
        return translate(WE_DID).format(what=what) if what else translate(WE_DID_IT)
    return translate(DOING).format(what=what) if what else translate(DOING_PLAIN)


def done_words(things: Sequence[DoneThing], locale: str, translate: Translate) -> str | None:
    """ "Fish pie, for lunch on Friday 13 November." for each dish or activity put on the
    menu or the week (cancelled ones left out), or None when nothing was."""
    groups: dict[tuple[DoneKind, str, Meal | None], list[date]] = {}
    for thing in _held(things):
        groups.setdefault((thing.kind, thing.what.strip(), thing.meal), []).append(thing.day)
    sentences = []
    for (kind, what, meal), days in groups.items():
        named = _days(sorted(set(days)), locale, translate)
        if kind is DoneKind.ACTIVITY:
            sentences.append(translate(ON_DAYS).format(what=what, days=named))
        elif meal is None:
            sentences.append(translate(ON_THE_MENU).format(what=what, days=named))
        else:
            eaten_at = translate(MEAL_WORDS[meal])
            words = translate(ON_THE_MENU_FOR).format(what=what, meal=eaten_at, days=named)
            sentences.append(words)
    return " ".join(sentences) or None


def month_title(month: date, locale: str) -> str:
    """ "November 2026", "Tachwedd 2026", "Listopad 2026", "ਨਵੰਬਰ 2026": kept on one line."""
    from babel.dates import format_date

    words = format_date(month, "LLLL y", locale=locale)
    return unbroken(words[:1].upper() + words[1:])


def day_in_sentence(day: date, locale: str) -> str:
    """ "Friday 13 November", "dydd Gwener 13 Tachwedd", "piątek 13 listopada": a day as
    it is written inside a sentence, its date kept on one line."""
    from babel.dates import format_date

    return f"{format_date(day, 'EEEE', locale=locale)} {day_of_month(day, locale)}"


def _days(days: Sequence[date], locale: str, translate: Translate) -> str:
    """ "Friday 13 November and Friday 27 November"; after ``MOST_DAYS``, "and other days"."""
    named = [day_in_sentence(day, locale) for day in days[:MOST_DAYS]]
    if len(days) > MOST_DAYS:
        named.append(translate(OTHER_DAYS))
    if len(named) == 1:
        return named[0]
    return translate(LAST_OF_LIST).format(first=", ".join(named[:-1]), last=named[-1])


def _held(things: Iterable[DoneThing]) -> list[DoneThing]:
    return [thing for thing in things if not thing.cancelled]


def _given(text: str | None) -> str | None:
    """``text`` without spaces around it when it has any words in it; None for nothing or
    only spaces."""
    return text.strip() if text is not None and text.strip() else None
