"""Pure poll rules: what the coordinator types, what residents answer, who wins."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.enums import BallotAnswer, PollKind, ResultsVisibility
from kiosk.domain.errors import KioskError, ValidationError
from kiosk.domain.polls import (
    OPTION_LABEL_MAX,
    OPTIONS_MAX,
    OPTIONS_MIN,
    QUESTION_MAX,
    MyBallot,
    NewPoll,
    NewPollOption,
    Poll,
    PollClosedError,
    PollNotOpenError,
    PollOption,
    PollState,
    ResultsHiddenError,
    check_answers,
    check_option_count,
    clean_new_poll,
    tally,
)

NOW = datetime(2026, 11, 12, 15, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=7)
HOSTILE = [
    "<b>Bold</b> & Co",
    "Tea </para> & <i>cake</i>",
    "Cake 🎂🍰 please 👵🏽",
    "ਬਾਗ਼ ਵਿੱਚ ਸੈਰ",  # a walk in the garden, in Gurmukhi
    "Żurek z jajkiem",
    "حمص",  # right-to-left
]
Y, M, N, C = BallotAnswer.YES, BallotAnswer.MAYBE, BallotAnswer.NO, BallotAnswer.CHOSEN


def _new(*labels: str, question: str = "What shall we do on Saturday?", **more: object) -> NewPoll:
    options = tuple(NewPollOption(label) for label in (labels or ("Bingo", "A film")))
    fields: dict[str, object] = {"opens_at": NOW, "closes_at": LATER} | more
    return NewPoll(question, options, **fields)  # type: ignore[arg-type]


def _poll(
    kind: PollKind = PollKind.CHOOSE_ONE,
    *,
    options: int = 3,
    visibility: ResultsVisibility = ResultsVisibility.AFTER_CLOSE,
    closed_early_at: datetime | None = None,
) -> Poll:
    return Poll(
        id=1,
        question="Which?",
        kind=kind,
        visibility=visibility,
        opens_at=NOW,
        closes_at=LATER,
        closed_early_at=closed_early_at,
        options=tuple(
            PollOption(id=10 + n, position=n, label=f"Choice {n}", picture=None)
            for n in range(1, options + 1)
        ),
    )


# ---------------------------------------------------------------------------------------
# What the coordinator types


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_words_are_kept_exactly(text: str) -> None:
    clean = clean_new_poll(_new(text, "Plain", question=text), NOW)
    assert clean.question == text
    assert [option.label for option in clean.options] == [text, "Plain"]


def test_a_question_at_the_limit_is_kept_and_one_over_is_refused_in_words() -> None:
    assert clean_new_poll(_new(question="Q" * QUESTION_MAX), NOW).question == "Q" * QUESTION_MAX
    with pytest.raises(ValidationError) as refused:
        clean_new_poll(_new(question="Q" * 10_000), NOW)
    assert refused.value.field == "question"
    assert refused.value.text() == "This is too long: 10000 letters. Please keep it under 200."


def test_a_long_choice_is_refused_and_says_which() -> None:
    label = "L" * OPTION_LABEL_MAX
    assert clean_new_poll(_new("Bingo", label), NOW).options[1].label == label
    with pytest.raises(ValidationError) as refused:
        clean_new_poll(_new("Bingo", label + "L"), NOW)
    assert refused.value.field == "option_2"
    assert "Please keep it under 120" in refused.value.text()


@pytest.mark.parametrize("question", ["", "   ", "\n"])
def test_an_empty_question_is_refused(question: str) -> None:
    with pytest.raises(ValidationError) as refused:
        clean_new_poll(_new(question=question), NOW)
    assert refused.value.field == "question"
    assert refused.value.text() == "Please write something here first."


def test_an_empty_choice_and_hidden_characters_are_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        clean_new_poll(_new("Bingo", "  "), NOW)
    assert refused.value.field == "option_2"
    with pytest.raises(ValidationError, match="hidden control character"):
        clean_new_poll(_new(question="Bingo\x00?"), NOW)
    with pytest.raises(ValidationError, match="hidden control character"):
        clean_new_poll(_new(question="Bingo\nor film?"), NOW)


def test_words_are_trimmed_and_normalised_but_not_otherwise_changed() -> None:
    clean = clean_new_poll(_new("  Cafe\u0301  trip ", "Bingo", question="  Where?  "), NOW)
    assert clean.question == "Where?"
    assert clean.options[0].label == "Café  trip"


@pytest.mark.parametrize("count", [0, 1, 7, 12])
def test_one_choice_or_seven_are_refused_in_words(count: int) -> None:
    labels = [f"Choice {n}" for n in range(count)]
    with pytest.raises(ValidationError) as refused:
        clean_new_poll(_new(*labels) if labels else replace(_new(), options=()), NOW)
    assert refused.value.field == "options"
    words = refused.value.text()
    if count < OPTIONS_MIN:
        assert words == "A vote needs at least 2 choices. Please add another one."
    else:
        assert (
            words == "A vote can have at most 6 choices, so all can be seen. Please take some off."
        )


@pytest.mark.parametrize("count", range(OPTIONS_MIN, OPTIONS_MAX + 1))
def test_two_to_six_choices_are_fine(count: int) -> None:
    check_option_count(count)
    clean = clean_new_poll(_new(*(f"Choice {n}" for n in range(count))), NOW)
    assert len(clean.options) == count


def test_two_choices_saying_the_same_are_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        clean_new_poll(_new("Bingo", "Film", " bingo "), NOW)
    assert refused.value.field == "option_3"
    assert refused.value.text() == "Two choices say the same: bingo. Please change one of them."
    # Different pictures with no letters are different choices.
    assert len(clean_new_poll(_new("🎂", "🍰"), NOW).options) == 2


def test_an_unknown_picture_key_is_refused() -> None:
    new = _new()
    bad = replace(new, options=(NewPollOption("Bingo", picture="../etc/passwd"), new.options[1]))
    with pytest.raises(ValidationError, match="That picture is not one we know"):
        clean_new_poll(bad, NOW)


def test_times_must_be_in_order_in_the_future_and_have_a_zone() -> None:
    with pytest.raises(ValidationError) as refused:
        clean_new_poll(_new(opens_at=LATER, closes_at=NOW), NOW)
    assert refused.value.field == "closes_at"
    assert "close after it opens" in refused.value.text()
    with pytest.raises(ValidationError, match="already passed"):
        clean_new_poll(_new(opens_at=NOW - timedelta(days=2), closes_at=NOW), NOW)
    with pytest.raises(ValueError, match="timezone-aware"):
        clean_new_poll(_new(opens_at=NOW.replace(tzinfo=None)), NOW)


def test_times_are_kept_in_utc() -> None:
    london = ZoneInfo("Europe/London")
    clean = clean_new_poll(
        _new(opens_at=NOW.astimezone(london), closes_at=LATER.astimezone(london)), NOW
    )
    assert clean.opens_at == NOW and clean.opens_at.tzinfo is UTC
    assert clean.closes_at == LATER


# ---------------------------------------------------------------------------------------
# Open, closed, and what residents see


def test_a_poll_is_upcoming_then_open_then_closed() -> None:
    poll = _poll()
    assert poll.state(NOW - timedelta(seconds=1)) is PollState.UPCOMING
    assert poll.is_open(NOW) and not poll.is_closed(NOW)
    assert poll.is_open(LATER - timedelta(seconds=1))
    assert poll.is_closed(LATER) and not poll.is_open(LATER)
    assert not poll.is_open(NOW - timedelta(seconds=1))
    assert not poll.is_closed(NOW - timedelta(seconds=1))


def test_closing_early_ends_the_vote_then() -> None:
    early = NOW + timedelta(days=1)
    poll = _poll(closed_early_at=early)
    assert poll.closed_at == early
    assert poll.is_open(early - timedelta(seconds=1))
    assert poll.is_closed(early)


def test_results_are_public_when_live_or_closed() -> None:
    assert not _poll().results_public(NOW)
    assert _poll().results_public(LATER)
    assert _poll(visibility=ResultsVisibility.LIVE).results_public(NOW)


def test_a_ballot_knows_its_choice() -> None:
    ballot = MyBallot(1, 1, 7, ((11, N), (12, Y)), NOW, NOW)
    assert ballot.answer_for(12) is Y and ballot.answer_for(13) is None
    assert ballot.chosen is None
    assert MyBallot(1, 1, 7, ((12, C),), NOW, NOW).chosen == 12


def test_refusals_speak_plainly_and_carry_their_facts() -> None:
    closed = PollClosedError(3)
    assert isinstance(closed, KioskError) and closed.poll_id == 3
    assert closed.text() == "Sorry, this vote has closed. Thank you for taking part."
    early = PollNotOpenError(3, LATER)
    assert early.opens_at == LATER and "not started yet" in early.text()
    hidden = ResultsHiddenError(3, LATER)
    assert hidden.closes_at == LATER
    assert hidden.text() == "You will see the results when the vote closes."


# ---------------------------------------------------------------------------------------
# Answers


def test_choose_one_takes_exactly_one_chosen() -> None:
    assert check_answers(PollKind.CHOOSE_ONE, [11, 12, 13], {12: C}) == {12: C}
    assert check_answers(PollKind.CHOOSE_ONE, [11, 12], {11: "chosen"}) == {11: C}  # type: ignore[dict-item]
    for wrong in ({}, {11: C, 12: C}, {11: Y}, {11: "banana"}):
        with pytest.raises(ValidationError) as refused:
            check_answers(PollKind.CHOOSE_ONE, [11, 12, 13], wrong)  # type: ignore[arg-type]
        assert refused.value.text() == "Please choose one."


def test_yes_maybe_no_needs_a_face_for_every_choice() -> None:
    assert check_answers(PollKind.YES_MAYBE_NO, [11, 12, 13], {13: N, 11: Y, 12: M}) == {
        11: Y,
        12: M,
        13: N,
    }
    for wrong in ({11: Y, 12: M}, {11: Y, 12: M, 13: C}, {11: Y, 12: M, 13: "perhaps"}, {}):
        with pytest.raises(ValidationError) as refused:
            check_answers(PollKind.YES_MAYBE_NO, [11, 12, 13], wrong)  # type: ignore[arg-type]
        assert refused.value.text() == "Please say yes, maybe or no to each one."


def test_a_choice_from_elsewhere_is_refused() -> None:
    for kind in PollKind:
        with pytest.raises(ValidationError, match="not in this vote"):
            check_answers(kind, [11, 12], {99: C})


# ---------------------------------------------------------------------------------------
# Counting and the winner


def test_counts_come_in_screen_order_and_unknown_rows_are_ignored() -> None:
    poll = _poll()
    results = tally(poll, [(13, C, 2), (11, C, 1), (99, C, 5)], ballots=3, now=NOW)
    assert [(c.option.position, c.chosen) for c in results.counts] == [(1, 1), (2, 0), (3, 2)]
    assert results.ballots == 3 and not results.final
    assert results.winner == poll.options[2] and not results.tied
    assert tally(poll, [], ballots=0, now=LATER).final


def test_no_ballots_no_winner() -> None:
    results = tally(_poll(), [], ballots=0, now=NOW)
    assert results.winner is None and not results.tied
    assert all(c.chosen == c.yes == c.maybe == c.no == 0 for c in results.counts)


def test_a_choose_one_tie_goes_to_the_choice_shown_first() -> None:
    poll = _poll()
    results = tally(poll, [(13, C, 2), (12, C, 2), (11, C, 1)], ballots=5, now=NOW)
    assert results.winner == poll.options[1] and results.tied


def test_yes_maybe_no_most_yes_then_fewest_no_then_first_shown() -> None:
    poll = _poll(PollKind.YES_MAYBE_NO)
    rows = [(11, Y, 2), (11, N, 2), (12, Y, 2), (12, N, 1), (12, M, 1), (13, Y, 1), (13, M, 3)]
    results = tally(poll, rows, ballots=4, now=NOW)
    assert results.winner == poll.options[1] and not results.tied  # 2 yes, only 1 no
    counts = results.counts[1]
    assert (counts.yes, counts.maybe, counts.no, counts.chosen) == (2, 1, 1, 0)

    more_yes = tally(poll, [*rows, (13, Y, 2)], ballots=4, now=NOW)
    assert more_yes.winner == poll.options[2]  # 3 yes beats fewer no

    level = [(11, Y, 2), (11, N, 1), (12, Y, 2), (12, N, 1)]
    tie = tally(poll, level, ballots=3, now=NOW)
    assert tie.winner == poll.options[0] and tie.tied


def test_yes_maybe_no_with_no_yes_at_all_has_no_winner() -> None:
    poll = _poll(PollKind.YES_MAYBE_NO)
    results = tally(poll, [(11, M, 1), (12, N, 1), (13, N, 1)], ballots=1, now=NOW)
    assert results.winner is None and not results.tied
