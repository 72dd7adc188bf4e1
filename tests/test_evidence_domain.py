"""The evidence report's arithmetic: ranges, faces, days and the summary page's numbers."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.enums import PollKind, ProposalStatus, ProposalTopic
from kiosk.domain.errors import ValidationError
from kiosk.domain.evidence import (
    ActivityFeedback,
    DateRange,
    DoneKind,
    DoneThing,
    EvidenceReport,
    Faces,
    MonthFaces,
    OptionResult,
    Participation,
    PlanEvent,
    PlanWork,
    PollOutcome,
    SuggestionChain,
    Taking,
    TalkEntry,
    percent,
    share,
)


def test_a_range_lists_every_month_it_touches_across_a_new_year() -> None:
    period = DateRange.checked(date(2025, 11, 30), date(2026, 2, 1))
    assert period.months() == (
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    )
    assert period.days == 64
    assert date(2026, 1, 5) in period and date(2026, 2, 2) not in period


def test_a_range_backwards_or_over_five_years_is_refused_in_words() -> None:
    with pytest.raises(ValidationError, match="before the start"):
        DateRange.checked(date(2026, 3, 2), date(2026, 3, 1))
    with pytest.raises(ValidationError, match="five years"):
        DateRange.checked(date(2020, 1, 1), date(2025, 1, 10))
    assert DateRange.checked(date(2021, 1, 1), date(2025, 12, 31)).days == 1826


def test_faces_count_three_and_five_face_answers_by_their_nearest_face() -> None:
    faces = Faces.of([(3, 3), (2, 3), (1, 3), (5, 5), (4, 5), (3, 5), (2, 5), (1, 5)])
    assert faces == Faces(good=3, all_right=2, not_good=3)
    assert faces.total == 8 and faces.good_share == pytest.approx(3 / 8)
    assert Faces().good_share is None
    assert Faces(1, 2, 3) + Faces(1, 0, 1) == Faces(2, 2, 4)


def _chain(
    said: date, decided: date | None, status: ProposalStatus, **more: object
) -> SuggestionChain:
    values: dict[str, object] = {
        "proposal_id": 1,
        "said_on": said,
        "said_by": "Margaret",
        "topic": ProposalTopic.MEAL,
        "title": "Fish pie",
        "picture": None,
        "backed_by": 0,
        "status": status,
        "decided_on": decided,
        "decided_by": "Gareth" if decided else None,
        "reason": "Yes" if decided else None,
        "done": (),
        "done_on": None,
        "answered_by": date(2026, 10, 31),
    }
    values.update(more)
    return SuggestionChain(**values)  # type: ignore[arg-type]


def _report(**parts: object) -> EvidenceReport:
    values: dict[str, object] = {
        "home_name": "Willow Court",
        "period": DateRange(date(2026, 8, 1), date(2026, 10, 31)),
        "made_on": date(2026, 11, 1),
        "participation": Participation(Taking(10, 4, 6, 5, 8), ()),
        "suggestions": (),
        "polls": (),
        "activities": (),
        "plan_events": (),
        "talk_requests": (),
    }
    values.update(parts)
    return EvidenceReport(**values)  # type: ignore[arg-type]


def test_a_chain_counts_days_to_answer_and_days_still_waiting() -> None:
    answered = _chain(date(2026, 9, 1), date(2026, 9, 4), ProposalStatus.AGREED)
    waiting = _chain(date(2026, 10, 1), None, ProposalStatus.OPEN)
    assert answered.days_to_answer == 3 and answered.days_waiting is None
    assert waiting.days_to_answer is None and waiting.days_waiting == 30
    slot = DoneThing(DoneKind.ACTIVITY, date(2026, 9, 9), "Singing", faces=Faces(2, 0, 1))
    declined_but_held = _chain(
        date(2026, 9, 1), date(2026, 9, 2), ProposalStatus.DECLINED, done=(slot, slot)
    )
    assert declined_but_held.went_ahead and declined_but_held.faces == Faces(4, 0, 2)
    assert not _chain(date(2026, 9, 1), date(2026, 9, 2), ProposalStatus.NOT_NOW).went_ahead


def test_a_poll_knows_its_turnout_and_its_winners_and_has_none_without_votes() -> None:
    poll = PollOutcome(
        poll_id=1,
        question="Where shall we go?",
        kind=PollKind.CHOOSE_ONE,
        opened_on=date(2026, 9, 1),
        closed_on=date(2026, 9, 8),
        residents=12,
        voted=9,
        options=(
            OptionResult("Seaside", chosen=4),
            OptionResult("Garden centre", chosen=4),
            OptionResult("Zoo", chosen=1),
        ),
        done=(),
    )
    assert poll.turnout == pytest.approx(0.75)
    assert poll.winners == ("Seaside", "Garden centre")
    empty = PollOutcome(
        1,
        "?",
        PollKind.YES_MAYBE_NO,
        date(2026, 9, 1),
        date(2026, 9, 2),
        0,
        0,
        (OptionResult("Quiz", no=0),),
        (),
    )
    assert empty.turnout is None and empty.winners == ()


def test_the_summary_counts_what_the_sections_hold() -> None:
    chains = (
        _chain(date(2026, 8, 3), date(2026, 8, 6), ProposalStatus.DONE),  # 3 days
        _chain(date(2026, 8, 10), date(2026, 8, 30), ProposalStatus.NOT_NOW),  # 20 days
        _chain(date(2026, 9, 1), date(2026, 9, 8), ProposalStatus.AGREED),  # 7 days
        _chain(date(2026, 10, 20), None, ProposalStatus.OPEN),
    )
    polls = tuple(
        PollOutcome(
            i, "?", PollKind.CHOOSE_ONE, date(2026, 9, 1), date(2026, 9, 2), 10, voted, (), ()
        )
        for i, voted in ((1, 5), (2, 8))
    )
    activities = (
        ActivityFeedback(
            1,
            "Singing",
            4,
            (
                MonthFaces(date(2026, 8, 1), Faces(3, 1, 0)),
                MonthFaces(date(2026, 9, 1), Faces(2, 0, 1)),
            ),
        ),
        ActivityFeedback(2, "Bingo", 2, (MonthFaces(date(2026, 9, 1), Faces(1, 1, 1)),)),
    )
    plan_events = (
        PlanEvent("Margaret", date(2026, 8, 5), PlanWork.REVIEW, True, "Tomasz"),
        PlanEvent("Dai", date(2026, 8, 6), PlanWork.REVIEW, False, "Tomasz"),
        PlanEvent("Dai", date(2026, 8, 6), PlanWork.VERSION, True, "Tomasz"),
    )
    talks = (
        TalkEntry("Margaret", "wellness", date(2026, 9, 1), date(2026, 9, 5), date(2026, 10, 31)),
        TalkEntry("Dai", None, date(2026, 9, 1), date(2026, 9, 3), date(2026, 10, 31)),
        TalkEntry("Dot", None, date(2026, 10, 1), None, date(2026, 10, 31)),
    )
    summary = _report(
        suggestions=chains,
        polls=polls,
        activities=activities,
        plan_events=plan_events,
        talk_requests=talks,
    ).summary
    assert (summary.residents, summary.took_part) == (10, 8)
    assert (summary.suggestions, summary.answered, summary.answered_in_time) == (4, 3, 2)
    assert summary.median_days_to_answer == 7.0
    assert summary.went_ahead == 2
    assert summary.polls == 2 and summary.average_turnout == pytest.approx(0.65)
    assert summary.feedback == Faces(6, 2, 2)
    assert (summary.reviews, summary.reviews_with_resident) == (2, 1)
    assert (summary.versions, summary.versions_with_resident) == (1, 1)
    assert (summary.talk_requests, summary.talk_resolved) == (3, 2)
    assert summary.median_days_to_resolve == 3.0
    assert talks[2].days_open == 30 and talks[0].days_open == 4


def test_an_empty_range_is_empty_and_its_summary_has_no_medians() -> None:
    report = _report(participation=Participation(Taking(9, 0, 0, 0, 0), ()))
    assert report.empty
    summary = report.summary
    assert summary.median_days_to_answer is None and summary.average_turnout is None
    assert not _report().empty  # someone took part, even with no suggestion in range


def test_shares_and_percentages_round_and_never_divide_by_nothing() -> None:
    assert share(2, 3) == pytest.approx(2 / 3) and share(1, 0) is None
    assert percent(2 / 3) == "67%" and percent(None) == "–" and percent(1.0) == "100%"
