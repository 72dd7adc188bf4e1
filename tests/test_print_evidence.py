"""The co-production evidence report, read back from the PDF: the summary on page 1 with
the right numbers, each section from page 2 on, suggestion trails with their dates and
days, poll turnouts, tables that say the same numbers as their charts, clear print, our
fonts embedded, hostile words printed exactly, Welsh dates, and a five-year report that
still builds."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable

from kiosk.domain.enums import Meal, PollKind, ProposalStatus, ProposalTopic
from kiosk.domain.evidence import (
    ActivityFeedback,
    DateRange,
    DoneKind,
    DoneThing,
    EvidenceReport,
    Faces,
    MonthFaces,
    MonthTaking,
    OptionResult,
    Participation,
    PlanEvent,
    PlanWork,
    PollOutcome,
    SuggestionChain,
    Taking,
    TalkEntry,
)
from kiosk.i18n import Words
from kiosk.printing.evidence import evidence_report_pdf, evidence_setup, evidence_story
from kiosk.printing.evidence_chart import BarChart, Pattern, patterned
from kiosk.printing.evidence_figure import ChartBeside
from kiosk.printing.evidence_table import Grid, fitted_columns
from tests.test_print_care_plan import OUR_FONTS
from tests.test_print_pdf_reading import (
    FONTS,
    PICTURES,
    ROOT,
    fonts_used,
    page_texts,
    rule_breaks,
    squashed,
    text_runs,
)

FIRST, LAST = date(2026, 8, 1), date(2026, 10, 31)
MADE_ON = date(2026, 11, 2)
HOSTILE_TITLE = "<b>Fish & chips</b> on Fridays &amp; <i>mushy</i> peas 🐟 ☕"
PUNJABI_NAME = "ਵਿਲੋ ਕੌਰ"
WELSH_TITLE = "Cawl a bara brith ar ddydd Sul, os gwelwch yn dda — mae'r ŵyr yn dŵad"
LONG_TITLE = " ".join(["A very long suggestion"] * 45)[:1000]


def chain(number: int, said_on: date, **changes: object) -> SuggestionChain:
    """An answered meal suggestion; ``changes`` replace any field."""
    plain = SuggestionChain(
        proposal_id=number,
        said_on=said_on,
        said_by="Margaret",
        topic=ProposalTopic.MEAL,
        title=f"Suggestion {number}",
        picture="fish",
        backed_by=0,
        status=ProposalStatus.AGREED,
        decided_on=said_on + timedelta(days=3),
        decided_by="Gareth Evans",
        reason=None,
        done=(),
        done_on=None,
        answered_by=LAST,
    )
    return replace(plain, **changes)  # type: ignore[arg-type]


def normal_chains() -> tuple[SuggestionChain, ...]:
    """Six suggestions, oldest first: done (a dish, an activity), not now, waiting,
    declined the same day, taken back."""
    chains = (
        chain(
            1,
            date(2026, 9, 3),
            title="Fish pie on Fridays",
            backed_by=2,
            status=ProposalStatus.DONE,
            decided_on=date(2026, 9, 6),
            reason="We will make it on Fridays",
            done=(DoneThing(DoneKind.MENU, date(2026, 9, 11), "Fish pie", Meal.LUNCH),),
            done_on=date(2026, 9, 11),
        ),
        chain(
            2,
            date(2026, 8, 10),
            said_by="Dai",
            topic=ProposalTopic.ACTIVITY,
            title="A trip to the seaside",
            picture="beach",
            decided_on=date(2026, 8, 12),
            decided_by="Priya Shah",
            reason="Yes, we booked the bus",
            status=ProposalStatus.DONE,
            done=(
                DoneThing(
                    DoneKind.ACTIVITY,
                    date(2026, 8, 28),
                    "Trip to Barry Island",
                    faces=Faces(good=2, all_right=1),
                ),
            ),
            done_on=date(2026, 8, 28),
        ),
        chain(
            3,
            date(2026, 8, 20),
            said_by=None,
            topic=ProposalTopic.HOME,
            title="A bench by the roses",
            picture=None,
            status=ProposalStatus.NOT_NOW,
            decided_on=date(2026, 9, 30),
            decided_by="Helen Carter",
            reason="The garden is being dug up until spring",
        ),
        chain(
            4,
            date(2026, 10, 11),
            said_by="Mr Patel",
            title="Dhal on Tuesdays",
            status=ProposalStatus.OPEN,
            decided_on=None,
            decided_by=None,
        ),
        chain(
            5,
            date(2026, 9, 15),
            title="Bingo every day",
            topic=ProposalTopic.ACTIVITY,
            status=ProposalStatus.DECLINED,
            decided_on=date(2026, 9, 15),
            reason="Twice a week is what most people asked for",
        ),
        chain(
            6,
            date(2026, 10, 1),
            title="Jelly for tea",
            status=ProposalStatus.WITHDRAWN,
            decided_on=None,
            decided_by=None,
        ),
    )
    return tuple(sorted(chains, key=lambda chain: chain.said_on))


MONTHS = (
    MonthTaking(date(2026, 8, 1), Taking(12, 3, 7, 8, 9)),
    MonthTaking(date(2026, 9, 1), Taking(12, 4, 0, 9, 10)),
    MonthTaking(date(2026, 10, 1), Taking(11, 2, 8, 6, 8)),
)
POLLS = (
    PollOutcome(
        poll_id=1,
        question="Which film on Friday?",
        kind=PollKind.CHOOSE_ONE,
        opened_on=date(2026, 9, 1),
        closed_on=date(2026, 9, 8),
        residents=12,
        voted=9,
        options=(
            OptionResult("Brief Encounter", chosen=5),
            OptionResult("Mary Poppins", chosen=3),
            OptionResult("The Sound of Music", chosen=1),
        ),
        done=(DoneThing(DoneKind.ACTIVITY, date(2026, 9, 11), "Film: Brief Encounter"),),
    ),
    PollOutcome(
        poll_id=2,
        question="Would you like these trips?",
        kind=PollKind.YES_MAYBE_NO,
        opened_on=date(2026, 10, 1),
        closed_on=date(2026, 10, 14),
        residents=11,
        voted=7,
        options=(
            OptionResult("The garden centre", yes=5, maybe=1, no=1),
            OptionResult("The seaside", yes=5, maybe=2, no=0),
            OptionResult("The museum", yes=1, maybe=2, no=4),
        ),
        done=(),
    ),
)
ACTIVITIES = (
    ActivityFeedback(
        1,
        "Singing",
        sessions=12,
        months=(
            MonthFaces(date(2026, 8, 1), Faces(7, 2, 1)),
            MonthFaces(date(2026, 9, 1), Faces(8, 1, 0)),
            MonthFaces(date(2026, 10, 1), Faces(6, 3, 2)),
        ),
    ),
    ActivityFeedback(2, "Quiz", sessions=6, months=(MonthFaces(date(2026, 9, 1), Faces(3, 3, 1)),)),
)
PLAN_EVENTS = (
    PlanEvent("Margaret", date(2026, 8, 5), PlanWork.REVIEW, True, "Tomasz Zieliński"),
    PlanEvent("Margaret", date(2026, 8, 5), PlanWork.VERSION, True, "Tomasz Zieliński"),
    PlanEvent("Mrs Kaur", date(2026, 9, 9), PlanWork.REVIEW, False, "Helen Carter"),
    PlanEvent("Dai", date(2026, 10, 20), PlanWork.REVIEW, True, None),
)
TALKS = (
    TalkEntry("Margaret", "what_matters", date(2026, 8, 3), date(2026, 8, 7), LAST),
    TalkEntry("Dai", None, date(2026, 9, 1), date(2026, 9, 3), LAST),
    TalkEntry("Ron", "wellness", date(2026, 10, 19), None, LAST),
)


def report(**changes: object) -> EvidenceReport:
    """A three-month report of a home like the demo's; ``changes`` replace any field."""
    plain = EvidenceReport(
        home_name="Willow Court",
        period=DateRange(FIRST, LAST),
        made_on=MADE_ON,
        participation=Participation(Taking(12, 6, 9, 10, 11), MONTHS),
        suggestions=normal_chains(),
        polls=POLLS,
        activities=ACTIVITIES,
        plan_events=PLAN_EVENTS,
        talk_requests=TALKS,
    )
    return replace(plain, **changes)  # type: ignore[arg-type]


def empty_report() -> EvidenceReport:
    months = tuple(MonthTaking(m, Taking(12, 0, 0, 0, 0)) for m in DateRange(FIRST, LAST).months())
    return report(
        participation=Participation(Taking(12, 0, 0, 0, 0), months),
        suggestions=(),
        polls=(),
        activities=(),
        plan_events=(),
        talk_requests=(),
    )


def big_report(*, years: int, suggestions: int) -> EvidenceReport:
    """``years`` of a busy home of 60: a suggestion every day or so, a poll a fortnight,
    twenty activities, reviews and requests to talk."""
    first = date(2022, 1, 1)
    period = DateRange(first, date(first.year + years - 1, 12, 31))
    months = period.months()
    days = period.days
    chains = tuple(
        _busy_chain(n, first + timedelta(days=n * days // suggestions), period)
        for n in range(suggestions)
    )
    polls = tuple(
        replace(
            POLLS[n % 2],
            poll_id=n,
            opened_on=first + timedelta(days=14 * n),
            closed_on=first + timedelta(days=14 * n + 7),
            residents=60,
            voted=30 + n % 30,
        )
        for n in range(days // 14)
    )
    activities = tuple(
        ActivityFeedback(
            n,
            f"Activity {n}",
            sessions=50 * years,
            months=tuple(MonthFaces(m, Faces(5 + n % 3, 2, n % 2)) for m in months),
        )
        for n in range(20)
    )
    events = tuple(
        PlanEvent(
            f"Resident {n % 60}",
            first + timedelta(days=n * days // (60 * 4 * years)),
            PlanWork.REVIEW if n % 2 else PlanWork.VERSION,
            n % 5 != 0,
            "Helen Carter",
        )
        for n in range(60 * 4 * years)
    )
    talks = tuple(
        TalkEntry(
            f"Resident {n % 60}",
            "wellness",
            first + timedelta(days=n * 7),
            None if n % 5 == 0 else first + timedelta(days=n * 7 + n % 6),
            period.last,
        )
        for n in range(days // 7)
    )
    return EvidenceReport(
        home_name="Willow Court",
        period=period,
        made_on=period.last + timedelta(days=1),
        participation=Participation(
            Taking(60, 50, 55, 58, 59),
            tuple(MonthTaking(m, Taking(60, 10 + m.month, 20 + m.month, 30, 40)) for m in months),
        ),
        suggestions=chains,
        polls=polls,
        activities=activities,
        plan_events=events,
        talk_requests=talks,
    )


def _busy_chain(n: int, said_on: date, period: DateRange) -> SuggestionChain:
    """One of a busy home's suggestions: done (with faces), waiting, or not now."""
    done_on = said_on + timedelta(days=12)
    done = DoneThing(DoneKind.ACTIVITY, done_on, f"Activity {n % 20}", faces=Faces(n % 4, 1, n % 2))
    return chain(
        n,
        said_on,
        said_by=f"Resident {n % 60}",
        topic=list(ProposalTopic)[n % 4],
        status=[ProposalStatus.DONE, ProposalStatus.OPEN, ProposalStatus.NOT_NOW][n % 3],
        decided_on=None if n % 3 == 1 else said_on + timedelta(days=n % 9),
        reason="Because we asked everyone first" if n % 3 == 2 else None,
        done=(done,) if n % 3 == 0 else (),
        done_on=done_on if n % 3 == 0 else None,
        answered_by=period.last,
    )


def english_story(evidence: EvidenceReport) -> list[Flowable]:
    setup = evidence_setup(
        evidence, locale="en_GB", translate=lambda w: w, pictures_dir=PICTURES, fonts_dir=FONTS
    )
    return evidence_story(evidence, setup)


def english(evidence: EvidenceReport) -> bytes:
    return evidence_report_pdf(
        evidence,
        locale="en_GB",
        translate=lambda words: words,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


def in_language(evidence: EvidenceReport, language: str) -> bytes:
    return evidence_report_pdf(
        evidence,
        locale=language,
        translate=Words(ROOT / "locales", language).gettext,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


def hostile_report() -> EvidenceReport:
    """Words that look like markup, an emoji, Punjabi, Welsh, and a title of 1,000
    characters, in every place user words print."""
    first, *rest = normal_chains()
    hostile = replace(
        first,
        title=HOSTILE_TITLE,
        said_by=PUNJABI_NAME,
        decided_by="Gareth <Evans> & Co",
        reason="<br/>Fish &amp; chips </para> next week",
    )
    long = chain(
        99,
        date(2026, 10, 30),
        title=LONG_TITLE,
        said_by="Dai",
        decided_on=None,
        decided_by=None,
        status=ProposalStatus.OPEN,
    )
    options = (OptionResult("Brief <Encounter>", chosen=6), *POLLS[0].options[1:])
    poll = replace(POLLS[0], question="<b>Which</b> film & <i>why</i>?", options=options)
    return report(
        home_name="Willow Court <Care> & Co",
        suggestions=(hostile, *rest, long),
        polls=(poll, POLLS[1]),
        activities=(replace(ACTIVITIES[0], title=WELSH_TITLE), ACTIVITIES[1]),
        plan_events=(
            PlanEvent(PUNJABI_NAME, date(2026, 8, 5), PlanWork.REVIEW, True, "&lt;Tomasz&gt;"),
        ),
        talk_requests=(TalkEntry("Ron & <Dot>", "no_such_part", date(2026, 8, 3), None, LAST),),
    )


@pytest.fixture(scope="module")
def normal_pdf() -> bytes:
    return english(report())


@pytest.fixture(scope="module")
def normal_pages(normal_pdf: bytes) -> list[str]:
    return page_texts(normal_pdf)


@pytest.fixture(scope="module")
def hostile_pdf() -> bytes:
    return english(hostile_report())


@pytest.fixture(scope="module")
def welsh_pdf() -> bytes:
    return in_language(report(), "cy")


def _all_text(pages: list[str]) -> str:
    return " ".join(pages)


# -- page 1: the summary -----------------------------------------------------------------

SUMMARY_LINES = (
    "Co-production evidence Willow Court 1 August 2026 to 31 October 2026 Made on 2 November 2026.",
    "Summary",
    "Residents who took part 11 of 12 (92%)",
    "Suggestions made 6",
    "Suggestions answered 4 of 6 (67%)",
    "Answered within 14 days 3 of 6 (50%)",
    "Median days to answer 2.5",  # of 3, 2, 41 and 0 days
    "Went ahead 2 of 6 (33%)",
    "Polls 2",
    "Average turnout 69%",  # 75% and 64%
    "Feedback answers 37",
    "Good faces 24 of 37 (65%)",
    "Care-plan reviews 3",
    "Reviews with the resident taking part 2 of 3 (67%)",
    "New care-plan versions 1",
    "New versions written with the resident 1 of 1 (100%)",
    "Requests to talk 3",
    "Requests resolved 2 of 3 (67%)",
    "Median days to resolve 3",  # of 4 and 2 days
)


def test_page_one_is_the_whole_summary_with_hand_counted_numbers(normal_pages: list[str]) -> None:
    first = normal_pages[0]
    assert first.startswith(SUMMARY_LINES[0])
    places = [first.index(line) for line in SUMMARY_LINES]
    assert places == sorted(places)
    assert first.endswith(f"{SUMMARY_LINES[-1]} Page 1 of {len(normal_pages)}")
    assert normal_pages[1].startswith("1. Participation How many residents")


def test_each_section_begins_a_page_in_order(normal_pages: list[str]) -> None:
    headings = [
        "1. Participation",
        "2. Suggestions: said, decided, done, how it went",
        "3. Polls",
        "4. How activities went",
        "5. Care plans written with residents",
        "6. Requests to talk",
    ]
    starts = [
        next(number for number, text in enumerate(normal_pages) if text.startswith(heading))
        for heading in headings
    ]
    assert starts == sorted(starts)
    assert starts[0] == 1


def test_every_page_says_which_page_it_is(normal_pages: list[str]) -> None:
    total = len(normal_pages)
    assert total >= 7
    for number, text in enumerate(normal_pages, start=1):
        assert text.endswith(f"Page {number} of {total}")


def test_a_page_that_carries_a_section_on_says_so(normal_pages: list[str]) -> None:
    continued = [text for text in normal_pages if ", continued " in text[:60]]
    assert any(text.startswith("2. Suggestions, continued") for text in continued)
    assert any(text.startswith("3. Polls, continued") for text in continued)


def test_the_pdf_is_titled_for_the_home_and_period(normal_pdf: bytes) -> None:
    info = PdfReader(io.BytesIO(normal_pdf)).metadata
    assert info is not None
    assert info.title == "Co-production evidence: Willow Court, 1 August 2026 to 31 October 2026"


# -- the sections --------------------------------------------------------------------------


def test_participation_table_says_each_month(normal_pages: list[str]) -> None:
    page = normal_pages[1]
    assert (
        "Over the whole period: 11 of 12 residents took part (92%). "
        "6 suggested something, 9 voted and 10 gave feedback." in page
    )
    assert "Month Residents Suggested Voted Gave feedback Took part" in page
    for row in (
        "Aug 2026 12 3 7 8 9 (75%)",
        "Sept 2026 12 4 0 9 10 (83%)",
        "Oct 2026 11 2 8 6 8 (73%)",
    ):
        assert row in page


def test_a_trail_gives_every_date_and_the_days_taken(normal_pages: list[str]) -> None:
    text = _all_text(normal_pages)
    assert (
        "Meal: Fish pie on Fridays "
        "Said on 3 September 2026 by Margaret. 2 more backed it. "
        "Decided on 6 September 2026 (3 days) by Gareth Evans: Yes. “We will make it on Fridays” "
        "Done: Lunch on Friday 11 September 2026: Fish pie"
    ) in text
    assert (
        "Activity: A trip to the seaside Said on 10 August 2026 by Dai. "
        "Decided on 12 August 2026 (2 days) by Priya Shah: Yes. “Yes, we booked the bus” "
        "Done: Friday 28 August 2026: Trip to Barry Island "
        "How it went: 2 good, 1 all right, 0 not good."
    ) in text
    assert (
        "The home: A bench by the roses Written down by staff on 20 August 2026, for the home. "
        "Decided on 30 September 2026 (41 days) by Helen Carter: Not now."
    ) in text
    assert "Said on 11 October 2026 by Mr Patel. Waiting for an answer for 20 days." in text
    assert "Decided on 15 September 2026 (the same day) by Gareth Evans: No." in text
    assert "Jelly for tea Said on 1 October 2026 by Margaret. Taken back by the resident" in text


def test_trails_are_oldest_first(normal_pages: list[str]) -> None:
    text = _all_text(normal_pages)
    titles = [chain.title for chain in normal_chains()]
    places = [
        text.index(f": {title} Said")
        if f": {title} Said" in text
        else text.index(f": {title} Written")
        for title in titles
    ]
    assert places == sorted(places)


def test_counts_by_topic_and_by_status(normal_pages: list[str]) -> None:
    text = _all_text(normal_pages)
    assert "Topic Made Answered Went ahead Waiting for an answer" in text
    for row in (
        "Meal 3 1 1 1",
        "Activity 2 2 1 0",
        "The home 1 1 0 0",
        "Other 0 0 0 0",
        "All 6 4 2 1",
    ):
        assert row in text
    assert (
        "Waiting for an answer 1 Agreed, not done yet 0 Done 2 Not now 1 No 1 "
        "Taken back by the resident 1"
    ) in text


def test_a_poll_shows_turnout_results_winner_and_what_came_of_it(normal_pages: list[str]) -> None:
    text = _all_text(normal_pages)
    assert (
        "Which film on Friday? Open from 1 September 2026 to 8 September 2026. "
        "Voted: 9 of 12 residents (75%)."
    ) in text
    assert "Choice Votes 1. Brief Encounter 5 2. Mary Poppins 3 3. The Sound of Music 1" in text
    assert (
        "Winner: Brief Encounter Planned from it: Friday 11 September 2026: Film: Brief Encounter"
        in text
    )
    assert "Voted: 7 of 11 residents (64%)." in text
    assert (
        "Choice Yes Maybe No 1. The garden centre 5 1 1 2. The seaside 5 2 0 3. The museum 1 2 4"
        in text
    )
    assert "A tie between: The garden centre, The seaside Nothing was planned from it yet." in text


def test_a_poll_still_open_says_who_is_ahead_not_who_won() -> None:
    still_open = tuple(replace(poll, still_open=True) for poll in POLLS)
    text = _all_text(page_texts(english(report(polls=still_open))))
    assert "Still open. Ahead so far: Brief Encounter" in text
    assert "Winner:" not in text and "A tie between" not in text
    nobody = replace(POLLS[0], still_open=True, voted=0, options=())
    assert "Still open: nobody has voted yet." in _all_text(
        page_texts(english(report(polls=(nobody,))))
    )


def test_activities_faces_by_month(normal_pages: list[str]) -> None:
    text = _all_text(normal_pages)
    assert "Singing Times held: 12. Answers: 30. Good faces: 21 (70%)." in text
    assert "Month Good All right Not good Aug 2026 7 2 1 Sept 2026 8 1 0 Oct 2026 6 3 2" in text
    assert text.index("Singing Times held") < text.index("Quiz Times held")  # most answered first


def test_care_plans_and_requests_to_talk(normal_pages: list[str]) -> None:
    text = _all_text(normal_pages)
    assert (
        "Reviews: 3. The resident took part in 2 (67%). "
        "New versions: 1. Written with the resident: 1 (100%)." in text
    )
    assert "Date Resident What Took part Staff" in text
    assert "5 Aug 2026 Margaret New version Yes Tomasz Zieliński" in text
    assert "9 Sept 2026 Mrs Kaur Review No Helen Carter" in text
    assert "20 Oct 2026 Dai Review Yes –" in text
    assert "Requests: 3. Resolved: 2 (67%). Median days to resolve: 3." in text
    assert "3 Aug 2026 Margaret What matters most to me 7 Aug 2026, after 4 days" in text
    assert "1 Sept 2026 Dai The whole plan 3 Sept 2026, after 2 days" in text
    assert "19 Oct 2026 Ron My wellness Open for 12 days" in text


# -- charts and their tables -----------------------------------------------------------------


def _walk(flowable: object) -> list[object]:
    """A flowable and everything inside it, depth first."""
    found = [flowable]
    for name in ("parts", "words"):
        for child in getattr(flowable, name, None) or []:
            found.extend(_walk(child))
    if isinstance(flowable, ChartBeside):
        found.extend([*_walk(flowable.chart), *_walk(flowable.table)])
    return found


def _cell_text(cell: object) -> str:
    return " ".join(str(getattr(cell, "text", "")).split())


def _figures(story: list[Flowable]) -> list[tuple[BarChart, Grid]]:
    """Each chart with the table that stands beside it (or under it)."""
    pairs = []
    for flowable in story:
        inside = _walk(flowable)
        charts = [f for f in inside if isinstance(f, BarChart)]
        grids = [f for f in inside if isinstance(f, Grid)]
        for drawn in charts:
            pairs.append((drawn, grids[charts.index(drawn)] if grids else None))
    return pairs


def test_every_chart_has_a_table_with_the_same_numbers() -> None:
    evidence = report()
    story = english_story(evidence)
    figures = _figures(story)
    assert len(figures) == 6  # participation, topics, two polls, two activities
    for drawn, numbers in figures:
        assert numbers is not None
        columns = list(
            zip(*[[_cell_text(cell) for cell in row] for row in numbers.rows], strict=True)
        )
        # Each series of bars is a column of the table, as printed.
        for series in drawn.data:
            as_text = tuple(str(value) for value in series)
            assert any(
                tuple(cell.split(" ")[0] for cell in column[: len(series)]) == as_text
                for column in columns
            ), (series, columns)
        assert len(drawn.labels) == len(drawn.data[0])
    participation = figures[0][0]
    assert participation.data == ((3, 4, 2), (7, 0, 8), (8, 9, 6), (9, 10, 8))
    assert participation.labels == (("Aug", "2026"), ("Sept", "2026"), ("Oct", "2026"))
    assert participation.legend == ("Suggested", "Voted", "Gave feedback", "Took part")


def test_each_series_has_its_own_pattern_not_only_a_colour() -> None:
    evidence = report()
    story = english_story(evidence)
    for drawn, _ in _figures(story):
        used = drawn.patterns[: len(drawn.data)]
        assert len(set(used)) == len(drawn.data)
        if len(drawn.data) > 1:
            assert len(drawn.legend) == len(drawn.data)
    solid = patterned((0, 0, 10, 40), Pattern.SOLID)
    diagonal = patterned((0, 0, 10, 40), Pattern.DIAGONAL)
    crossed = patterned((0, 0, 10, 40), Pattern.CROSSED)
    white = patterned((0, 0, 10, 40), Pattern.WHITE)
    assert [len(solid.contents), len(white.contents)] == [1, 1]  # a box: filled, or not
    assert solid.contents[0].fillColor != white.contents[0].fillColor
    diagonal_lines = len(diagonal.contents[1].points) // 4  # lines across the bar
    crossed_lines = len(crossed.contents[1].points) // 4
    assert diagonal_lines > 5 and crossed_lines == 2 * diagonal_lines


# -- clear print, fonts and words as written ------------------------------------------------------


@pytest.mark.parametrize("name", ["normal_pdf", "hostile_pdf", "welsh_pdf"])
def test_clear_print_and_only_our_fonts_embedded(name: str, request: pytest.FixtureRequest) -> None:
    pdf: bytes = request.getfixturevalue(name)
    assert rule_breaks(pdf) == []
    fonts = fonts_used(pdf)
    assert {font.name.split("+", 1)[-1] for font in fonts} <= OUR_FONTS
    assert all(font.embedded for font in fonts)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages} == {
        (595, 842)
    }


def test_sizes_body_18_tables_16_headings_bigger(normal_pdf: bytes) -> None:
    runs = text_runs(normal_pdf)
    assert min(run.size for run in runs) >= 16
    [title] = [run for run in runs if run.text.strip() == "Co-production evidence"]
    assert title.size == pytest.approx(32)
    heading = [run for run in runs if run.text.strip() == "3. Polls"]
    assert heading and heading[0].size == pytest.approx(28)
    assert heading[0].font.endswith("AtkinsonHyperlegibleNext-Bold")
    body = [run for run in runs if run.text.strip().startswith("Said on 3 September 2026")]
    assert body and {round(run.size) for run in body} == {18}


@pytest.mark.parametrize(
    "words",
    [
        "Activity: <b>Fish & chips</b> on Fridays &amp; <i>mushy</i> peas",
        "Gareth <Evans> & Co",
        "<br/>Fish &amp; chips </para> next week",
        "<b>Which</b> film & <i>why</i>?",
        "1. Brief <Encounter> 6",
        "Winner: Brief <Encounter>",
        WELSH_TITLE,
        "Willow Court <Care> & Co",
        "&lt;Tomasz&gt;",
        "Ron & <Dot>",
        "no_such_part",
    ],
)
def test_hostile_words_print_exactly_as_written(hostile_pdf: bytes, words: str) -> None:
    assert squashed(words) in _all_text(page_texts(hostile_pdf))


def test_markup_is_never_read(hostile_pdf: bytes) -> None:
    [run] = [run for run in text_runs(hostile_pdf) if "<b>Which</b>" in run.text]
    assert run.font.endswith("AtkinsonHyperlegibleNext-Bold")  # the question's own weight
    assert not any("Courier" in font.name for font in fonts_used(hostile_pdf))


def test_punjabi_names_are_shaped_in_their_own_font(hostile_pdf: bytes) -> None:
    gurmukhi = [r for r in text_runs(hostile_pdf) if any("\u0a00" <= c <= "\u0a7f" for c in r.text)]
    assert gurmukhi and all("NotoSansGurmukhi" in run.font for run in gurmukhi)
    text = unicodedata.normalize("NFC", _all_text(page_texts(hostile_pdf)))
    assert "ਿਵਲੋ ਕੌਰ" in text  # shaped: the vowel sign ਿ is drawn before its letter


def test_a_thousand_character_title_prints_whole_on_one_page(hostile_pdf: bytes) -> None:
    pages = page_texts(hostile_pdf)
    [page] = [text for text in pages if "A very long suggestion" in text]
    assert squashed(LONG_TITLE) in page
    assert "Waiting for an answer for 1 day." in page


# -- a report with nothing in it, another language, and a long one ---------------------------------


def test_an_empty_report_is_one_friendly_page() -> None:
    pdf = english(empty_report())
    [page] = page_texts(pdf)
    assert page == (
        "Co-production evidence Willow Court 1 August 2026 to 31 October 2026 "
        "Made on 2 November 2026. Nothing was recorded between 1 August 2026 and "
        "31 October 2026. No suggestions, votes, feedback, care-plan reviews or requests to "
        "talk. Please choose other dates to see a report. Page 1 of 1"
    )
    assert rule_breaks(pdf) == []


def test_welsh_months_and_numbers(welsh_pdf: bytes) -> None:
    pages = page_texts(welsh_pdf)
    assert "1 Awst 2026" in pages[0] and "31 Hydref 2026" in pages[0]
    assert "Tudalen 1 o" in pages[0]
    text = _all_text(pages)
    assert "Medi 2026" in text  # September, in the participation table
    assert "August" not in text and "October" not in text


def test_a_long_table_runs_on_under_its_header_without_losing_a_row() -> None:
    events = tuple(
        PlanEvent(
            f"Resident {n}",
            FIRST + timedelta(days=n % 90),
            PlanWork.REVIEW,
            n % 3 != 0,
            "Helen Carter",
        )
        for n in range(150)
    )
    pages = page_texts(english(report(plan_events=events)))
    plan_pages = [text for text in pages if text.startswith("5. Care plans written with residents")]
    assert len(plan_pages) >= 4
    for text in plan_pages:
        assert "Date Resident What Took part Staff" in text
    rows = re.findall(r"Resident (\d+) Review (?:Yes|No)", _all_text(plan_pages))
    assert sorted(map(int, rows)) == list(range(150))
    assert "Reviews: 150. The resident took part in 100 (67%)." in plan_pages[0]


def test_column_widths_keep_every_word_whole() -> None:
    columns = fitted_columns(400, (0.5, 0.25, 0.25), (40, 150, 20))
    assert sum(columns) == pytest.approx(400)
    assert columns[1] == pytest.approx(150)
    assert columns[0] >= 40 and columns[2] >= 20
    squeezed = fitted_columns(100, (0.5, 0.5), (80, 80))
    assert sum(squeezed) == pytest.approx(100)


@pytest.mark.slow
def test_a_five_year_report_of_a_busy_home_builds_and_stays_readable() -> None:
    evidence = big_report(years=5, suggestions=2000)
    pdf = english(evidence)
    reader = PdfReader(io.BytesIO(pdf))
    total = len(reader.pages)
    assert total > 300
    first = [" ".join(page.extract_text().split()) for page in reader.pages[:12]]
    assert "Suggestions made 2,000" in first[0]
    assert first[0].endswith(f"Page 1 of {total}")
    # Participation in runs of six months, each chart with its table on one page.
    assert first[1].startswith("1. Participation")
    runs = [text for text in first if "to June" in text or "to December" in text]
    assert len(runs) == 10
    for text in runs:
        assert re.search(r"Month Residents Suggested Voted Gave feedback Took part", text)
    assert "July 2026 to December 2026" in _all_text(first)
    last = " ".join(reader.pages[-1].extract_text().split())
    assert last.endswith(f"Page {total} of {total}")


def test_a_section_with_nothing_in_it_says_so_in_a_line() -> None:
    pages = page_texts(english(report(polls=(), activities=(), plan_events=(), talk_requests=())))
    text = _all_text(pages)
    for words in (
        "3. Polls Each poll that closed in this period, or is still open: how many could vote "
        "and did, the results, what won, and what was planned from it. No polls closed between "
        "1 August 2026 and 31 October 2026.",
        "Nobody said how an activity went between 1 August 2026 and 31 October 2026.",
        "No care plans were reviewed or written between 1 August 2026 and 31 October 2026.",
        "No resident asked to talk about their care plan between 1 August 2026 and "
        "31 October 2026.",
    ):
        assert words in text
    assert "Polls 0" in pages[0] and "Average turnout –" in pages[0]
    assert "Median days to resolve –" in pages[0]


def test_the_same_report_gives_the_same_pdf() -> None:
    assert english(hostile_report()) == english(hostile_report())


def test_a_results_table_taller_than_a_page_runs_on_beside_its_chart() -> None:
    labels = [f"Choice {n}: " + " ".join(f"w{n}x{k}" for k in range(70)) for n in range(6)]
    options = tuple(OptionResult(label, chosen=n) for n, label in enumerate(labels))
    pdf = english(report(polls=(replace(POLLS[0], options=options),)))
    pages = [text for text in page_texts(pdf) if text.startswith("3. Polls")]
    with_rows = [text for text in pages if re.search(r"\d\. Choice \d", text)]
    assert len(with_rows) >= 2
    assert all("Choice Votes" in text for text in with_rows)
    text = _all_text(pages)
    for number, label in enumerate(labels, start=1):
        assert f"{number}. {label}" in re.sub(r" 3\. Polls, continued Choice Votes", "", text)
    assert rule_breaks(pdf) == []
