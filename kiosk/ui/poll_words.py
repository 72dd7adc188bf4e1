"""A poll in words: where it is at, how many voted, what won, and each choice's counts.

Plain functions of a :class:`~kiosk.i18n.Words`, so any screen (the coordinator's Polls,
a resident's results, a printout's preview) says a poll the same way.
"""

from __future__ import annotations

from datetime import datetime

from babel.numbers import format_percent

from kiosk.domain.enums import PollKind
from kiosk.domain.polls import OptionCount, Poll, PollResults, PollState
from kiosk.i18n import Words
from kiosk.ui.widgets.when_picker import when_words


def state_words(words: Words, poll: Poll, now: datetime) -> str:
    """ "Not open yet: opens 09:00 tomorrow", "Open until Friday 27 November at 17:00",
    "Closed on Friday 27 November" (in ``now``'s time zone, the home's)."""
    gettext = words.gettext
    state = poll.state(now)
    if state is PollState.UPCOMING:
        return gettext("Not open yet: opens {when}").format(
            when=when_words(words, poll.opens_at, now)
        )
    if state is PollState.OPEN:
        return gettext("Open until {when}").format(when=when_words(words, poll.closes_at, now))
    closed = poll.closed_at.astimezone(now.tzinfo).date()
    return gettext("Closed on {day}").format(day=words.day_and_date(closed))


def voted_words(words: Words, counted: PollResults) -> str:
    """ "7 residents have voted"."""
    return words.ngettext(
        "{count} resident has voted", "{count} residents have voted", counted.ballots
    ).format(count=counted.ballots)


def outcome_words(words: Words, counted: PollResults) -> str:
    """The winner, the tie, or why there is neither (while it is open: who is ahead)."""
    gettext = words.gettext
    winner = counted.winner
    if counted.ballots == 0:
        return gettext("Nobody voted.") if counted.final else gettext("Nobody has voted yet.")
    if winner is None:
        return gettext("Nobody said yes to any choice, so nothing won.")
    if counted.tied:
        names = ", ".join(count.option.label for count in level_with_winner(counted))
        return gettext("A tie between {names}. {first} is first on the list.").format(
            names=names, first=winner.label
        )
    if counted.final:
        return gettext("Winner: {choice}").format(choice=winner.label)
    return gettext("Ahead so far: {choice}").format(choice=winner.label)


def mark_words(words: Words, counted: PollResults, count: OptionCount) -> str | None:
    """ "Winner", "Ahead so far" or "Tie" beside a choice at the top; None for the rest."""
    gettext = words.gettext
    if count.option.id not in {top.option.id for top in level_with_winner(counted)}:
        return None
    if counted.tied:
        return gettext("Tie")
    return gettext("Winner") if counted.final else gettext("Ahead so far")


def count_words(words: Words, counted: PollResults, count: OptionCount) -> str:
    """ "3 of 7 votes (43%)", or "Yes 5 (71%) · Maybe 1 (14%) · No 1 (14%)"."""
    total = counted.ballots

    def percent(part: int) -> str:
        return format_percent(part / total if total else 0, locale=words.language)

    if counted.poll.kind is PollKind.CHOOSE_ONE:
        return words.ngettext(
            "{count} of {total} vote ({percent})",
            "{count} of {total} votes ({percent})",
            total,
        ).format(count=count.chosen, total=total, percent=percent(count.chosen))
    return words.gettext(
        "Yes {yes} ({yes_percent}) · Maybe {maybe} ({maybe_percent}) · No {no} ({no_percent})"
    ).format(
        yes=count.yes,
        yes_percent=percent(count.yes),
        maybe=count.maybe,
        maybe_percent=percent(count.maybe),
        no=count.no,
        no_percent=percent(count.no),
    )


def level_with_winner(counted: PollResults) -> list[OptionCount]:
    """The winner and every choice level with it (more than one: a tie), in screen order."""
    winner = counted.winner
    if winner is None:
        return []

    def score(count: OptionCount) -> tuple[int, int]:
        if counted.poll.kind is PollKind.CHOOSE_ONE:
            return (count.chosen, 0)
        return (count.yes, -count.no)

    top = next(score(count) for count in counted.counts if count.option.id == winner.id)
    return [count for count in counted.counts if score(count) == top]


def sentence(text: str) -> str:
    """Words read aloud as a sentence of their own: a full stop, unless they end in one."""
    return text if text.rstrip().endswith((".", "?", "!")) else f"{text}."
