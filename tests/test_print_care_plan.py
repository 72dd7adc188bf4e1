"""The resident's large-print care plan, read back from the PDF itself: clear-print sizes,
our fonts embedded, the person's words exactly as written (hostile ones too), Punjabi
shaped in its own font, long sections flowing over pages line by line, and headings that
never end a page."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.domain.care_plans import (
    AgreedRisk,
    CarePlanView,
    DailyRoutine,
    PlanGoal,
    sections_in_order,
)
from kiosk.domain.enums import CarePlanSection, GoalStatus
from kiosk.i18n import Words
from kiosk.printing.care_plan import care_plan_pdf
from kiosk.printing.styles import A4_PAGE
from kiosk.storage.demo_content import KAUR_PLAN, MARGARET_PLAN, DemoCarePlan
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

WRITTEN = datetime(2026, 11, 2, 10, 30)
REVIEW = date(2027, 2, 1)
PRINTED = date(2026, 11, 23)
NOT_WRITTEN = "Not written yet. Would you like to talk about this?"
HEADINGS = (
    "What matters most to me",
    "People who are important to me",
    "How I communicate, and how to talk with me",
    "My wellness",
    "Please do, and please don't",
    "How and when to support me",
    "Also worth knowing about me",
)
OUR_FONTS = {
    "AtkinsonHyperlegibleNext-Regular",
    "AtkinsonHyperlegibleNext-Bold",
    "NotoSansGurmukhi-Regular",
    "NotoSansGurmukhi-Bold",
    "NotoSans-Regular",
    "NotoSans-Bold",
}
HOSTILE_SECTIONS = {
    CarePlanSection.WHAT_MATTERS: "<b>&amp;</b> my family & my <i>garden</i>",
    CarePlanSection.IMPORTANT_PEOPLE: "</para> Susan <font name='Courier'>and</font> Owen",
    CarePlanSection.COMMUNICATION: "Tea ☕ first, then talk. a &lt; b &amp; c",
    CarePlanSection.WELLNESS: "Zażółć gęślą jaźń. Mae'r ŵyr yn dŵad â ŷd i'r tŷ.",
    CarePlanSection.DO_AND_DONT: "Please don't say {name} or {0}: say Margaret %s",
    CarePlanSection.SUPPORT: "",
    CarePlanSection.ALSO_KNOW: "   ",
}
HOSTILE_NAME = "Margaret <O'Neill> & Co"


def view(**changes: object) -> CarePlanView:
    """A plan with every part filled in plainly; ``changes`` replace any field."""
    plan = CarePlanView(
        resident_id=1,
        version_number=3,
        created_at=WRITTEN,
        sections=sections_in_order(
            {section: f"{heading}: my own words." for section, heading in zip(
                CarePlanSection, HEADINGS, strict=True)}
        ),
        goals=(PlanGoal("I want to walk to the garden.", "Margaret", GoalStatus.ACTIVE, REVIEW),),
        routines=(DailyRoutine("Morning", "About 8", "Tea first.", "Radio 4"),),
        risks=(AgreedRisk("Falls.", "I use my frame.", "Margaret and Tomasz"),),
        supported_by="Tomasz, my carer",
        next_review_on=REVIEW,
        resident_name="Margaret",
    )  # fmt: skip
    return replace(plan, **changes)  # type: ignore[arg-type]


def english(plan: CarePlanView, *, pictures_dir: Path = PICTURES) -> bytes:
    return care_plan_pdf(
        plan,
        home_name="Willow Court <Care> & Co",
        locale="en_GB",
        translate=lambda words: words,
        pictures_dir=pictures_dir,
        fonts_dir=FONTS,
        printed_on=PRINTED,
    )


def in_language(plan: CarePlanView, language: str) -> bytes:
    return care_plan_pdf(
        plan,
        home_name="Willow Court",
        locale=language,
        translate=Words(ROOT / "locales", language).gettext,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
        printed_on=PRINTED,
    )


def demo_view(demo: DemoCarePlan, name: str, today: date = PRINTED) -> CarePlanView:
    """A demo plan's newest version, as the care-plan service gives it (each version
    carries the sections it does not change forward from the one before)."""
    bodies: dict[CarePlanSection, str] = {}
    for version in demo.versions:
        bodies.update(version.sections)
    newest = demo.versions[-1]
    written = today - timedelta(days=newest.written_days_ago)
    return CarePlanView(
        resident_id=1,
        version_number=len(demo.versions),
        created_at=datetime(written.year, written.month, written.day, 11, 0),
        sections=sections_in_order(bodies),
        goals=tuple(
            PlanGoal(g.goal, g.expressed_by, g.status, written + timedelta(g.review_after_days))
            for g in newest.goals
        ),
        routines=tuple(DailyRoutine(r.name, r.timing, r.steps, r.music) for r in newest.routines),
        risks=tuple(AgreedRisk(r.risk, r.agreement, r.agreed_by) for r in newest.risks),
        supported_by=newest.supported_by,
        next_review_on=written + timedelta(days=newest.next_review_after_days),
        resident_name=name,
    )


def hostile_view() -> CarePlanView:
    return view(
        sections=sections_in_order(HOSTILE_SECTIONS),
        resident_name=HOSTILE_NAME,
        goals=(
            PlanGoal("<b>Walk</b> & talk", "Me & <Susan>", GoalStatus.ACHIEVED, None),
            PlanGoal("Sing 🎵 on Sunday", None, GoalStatus.STOPPED, REVIEW),
        ),
        routines=(DailyRoutine("Bed <time>", None, "Tea & toast\nThen &amp; radio", None),),
        risks=(AgreedRisk("Falls & trips", "<br/>Frame always", None),),
        supported_by="Tomasz & <Priya>",
    )


@pytest.fixture(scope="module")
def plain_pdf() -> bytes:
    return english(view())


@pytest.fixture(scope="module")
def hostile_pdf() -> bytes:
    return english(hostile_view())


@pytest.fixture(scope="module")
def empty_pdf() -> bytes:
    return english(
        view(sections=sections_in_order({}), goals=(), routines=(), risks=(), supported_by=None)
    )


LONG_SENTENCE = (
    "On Sunday mornings I like to hear the bells from the chapel across the road, and "
    "then I like a slow breakfast with a pot of tea, the paper read to me, and no rush."
)


def long_section(lines: int) -> str:
    """Numbered sentences, so each can be found again in the PDF."""
    return " ".join(f"Sentence {n} of mine. {LONG_SENTENCE}" for n in range(1, lines + 1))


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    bodies = dict.fromkeys(CarePlanSection, "Short words here.")
    bodies[CarePlanSection.WHAT_MATTERS] = long_section(40)
    bodies[CarePlanSection.ALSO_KNOW] = "\n".join(f"- Item {n}: {LONG_SENTENCE}" for n in range(30))
    return english(view(sections=sections_in_order(bodies)))


@pytest.fixture(scope="module")
def punjabi_pdf() -> bytes:
    bodies = {
        CarePlanSection.WHAT_MATTERS: "ਮੇਰਾ ਪਰਿਵਾਰ ਅਤੇ ਮੇਰਾ ਧਰਮ",
        CarePlanSection.COMMUNICATION: "Punjabi is my language. ਕਿਰਪਾ ਕਰਕੇ ਹੌਲੀ ਬੋਲੋ",
    }
    return in_language(
        view(
            sections=sections_in_order(bodies),
            resident_name="ਵਿਲੋ ਕੌਰ",
            goals=(PlanGoal("ਗੁਰਦੁਆਰੇ ਜਾਣਾ", "Mrs Kaur", GoalStatus.ACTIVE, REVIEW),),
        ),
        "pa",
    )


# -- clear print -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["plain_pdf", "hostile_pdf", "empty_pdf", "long_pdf", "punjabi_pdf"]
)
def test_nothing_breaks_clear_print(name: str, request: pytest.FixtureRequest) -> None:
    pdf: bytes = request.getfixturevalue(name)
    assert rule_breaks(pdf) == []
    assert {font.name.split("+", 1)[-1] for font in fonts_used(pdf)} <= OUR_FONTS
    assert all(font.embedded for font in fonts_used(pdf))


def test_every_page_is_a4_portrait(long_pdf: bytes) -> None:
    pages = PdfReader(io.BytesIO(long_pdf)).pages
    assert len(pages) >= 4
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages} == {
        (595, 842)
    }


def test_body_is_18_pt_headings_bold_and_bigger(plain_pdf: bytes) -> None:
    runs = text_runs(plain_pdf)
    body = [run for run in runs if run.text.strip().endswith("my own words.")]
    assert len(body) == 7
    assert {round(run.size, 2) for run in body} == {18.0}
    assert all(run.font.endswith("AtkinsonHyperlegibleNext-Regular") for run in body)
    headings = [run for run in runs if run.size == pytest.approx(24)]
    assert all(run.font.endswith("AtkinsonHyperlegibleNext-Bold") for run in headings)
    heading_text = " ".join(run.text.strip() for run in headings)
    for heading in (*HEADINGS, "My goals", "My daily routines", "Risks we agreed together"):
        assert heading in heading_text, heading
    [title] = [run for run in runs if run.text.strip() == "My care plan"]
    assert title.size == pytest.approx(32)
    assert min(run.size for run in runs) >= 16


def test_the_first_page_says_whose_plan_and_when(plain_pdf: bytes) -> None:
    first = page_texts(plain_pdf)[0]
    assert first.startswith(
        "My care plan Margaret Willow Court <Care> & Co "
        "Written with Margaret on 2 November 2026. Version 3. "
        "We will look at it together again on 1 February 2027. "
        "Printed on 23 November 2026. "
        "What matters most to me What matters most to me: my own words."
    )
    info = PdfReader(io.BytesIO(plain_pdf)).metadata
    assert info is not None and info.title == "My care plan: Margaret"


def test_every_part_in_reading_order(plain_pdf: bytes) -> None:
    text = " ".join(page_texts(plain_pdf))
    order = [
        *HEADINGS,
        "My goals I want to walk to the garden. Said by Margaret How it is going: working "
        "on it We will look at this goal again on 1 February 2027.",
        "My daily routines Morning When: About 8 What happens, in order: Tea first. Music: Radio 4",
        "Risks we agreed together Falls. What we agreed: I use my frame. Agreed by "
        "Margaret and Tomasz",
        "Supported to write this by Tomasz, my carer",
    ]
    places = [text.index(part) for part in order]
    assert places == sorted(places)


def test_every_page_says_which_page_it_is_at_the_same_place(long_pdf: bytes) -> None:
    total = len(page_texts(long_pdf))
    footers = [run for run in placed_runs(long_pdf) if run.text.strip().startswith("Page ")]
    assert [run.text.strip() for run in footers] == [
        f"Page {n} of {total}" for n in range(1, total + 1)
    ]
    assert len({(round(run.x, 1), round(run.y, 1)) for run in footers}) == 1
    assert {round(run.size, 2) for run in footers} == {16.0}


def test_the_same_plan_gives_the_same_pdf() -> None:
    assert english(hostile_view()) == english(hostile_view())


# -- the person's words, exactly -------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        *(body for body in HOSTILE_SECTIONS.values() if body.strip()),
        HOSTILE_NAME,
        "<b>Walk</b> & talk",
        "Said by Me & <Susan>",
        "Bed <time>",
        "Falls & trips",
        "<br/>Frame always",
        "Tomasz & <Priya>",
        "Willow Court <Care> & Co",
    ],
)
def test_hostile_words_print_exactly_as_written(hostile_pdf: bytes, words: str) -> None:
    assert squashed(words) in " ".join(page_texts(hostile_pdf))


def test_markup_and_entities_are_never_read(hostile_pdf: bytes) -> None:
    runs = text_runs(hostile_pdf)
    [run] = [run for run in runs if "<b>&amp;</b>" in run.text]
    assert run.font.endswith("AtkinsonHyperlegibleNext-Regular")  # never made bold
    assert not any("Courier" in font.name for font in fonts_used(hostile_pdf))


def test_welsh_and_polish_letters_are_in_the_latin_font(hostile_pdf: bytes) -> None:
    [run] = [run for run in text_runs(hostile_pdf) if "gęślą" in run.text]
    assert run.text.strip() == HOSTILE_SECTIONS[CarePlanSection.WELLNESS]
    assert run.font.endswith("AtkinsonHyperlegibleNext-Regular")


def test_an_emoji_beyond_any_font_loses_no_words(hostile_pdf: bytes) -> None:
    text = " ".join(page_texts(hostile_pdf))
    assert "Sing" in text and "on Sunday" in text
    assert "How it is going: stopped" in text
    assert "How it is going: done, goal met" in text


def test_multi_line_words_keep_their_line_breaks(hostile_pdf: bytes) -> None:
    lines = [
        line.strip()
        for page in PdfReader(io.BytesIO(hostile_pdf)).pages
        for line in page.extract_text().splitlines()
    ]
    position = lines.index("Tea & toast")
    assert lines[position + 1] == "Then &amp; radio"


def test_blank_sections_and_parts_say_not_written_yet(empty_pdf: bytes) -> None:
    text = " ".join(page_texts(empty_pdf))
    for heading in (*HEADINGS, "My goals", "My daily routines", "Risks we agreed together"):
        assert f"{heading} {NOT_WRITTEN}" in text, heading
    assert text.count(NOT_WRITTEN) == 10
    assert "Supported to write this by" not in text  # nobody named: nothing to say


def test_spaces_only_is_not_written_yet(hostile_pdf: bytes) -> None:
    text = " ".join(page_texts(hostile_pdf))
    assert f"How and when to support me {NOT_WRITTEN}" in text
    assert f"Also worth knowing about me {NOT_WRITTEN}" in text


def test_no_review_date_and_no_name_still_read_well() -> None:
    pdf = english(view(next_review_on=None, resident_name=""))
    first = page_texts(pdf)[0]
    assert "Written on 2 November 2026. Version 3." in first
    assert "We will choose a day to look at it together again." in first


def test_a_missing_picture_leaves_the_words(tmp_path: Path) -> None:
    pdf = english(view(), pictures_dir=tmp_path)
    text = " ".join(page_texts(pdf))
    assert all(heading in text for heading in HEADINGS)
    assert rule_breaks(pdf) == []


# -- flowing over pages ----------------------------------------------------------------


@dataclass(frozen=True)
class PlacedRun:
    page: int
    text: str
    size: float
    font: str
    x: float
    y: float  # the baseline, from the bottom of the paper


def placed_runs(pdf: bytes) -> list[PlacedRun]:
    """Every piece of visible text with where it sits on its page."""
    runs: list[PlacedRun] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            font: dict[str, object] | None,
            size: float,
            number: int = number,
        ) -> None:
            if text.strip():
                name = str(font.get("/BaseFont", "?")) if font else "?"
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append(PlacedRun(number, text, size * abs(tm[0] * cm[0]), name, x, y))

        page.extract_text(visitor_text=visit)
    return runs


def test_a_long_section_flows_over_pages_with_every_line_whole(long_pdf: bytes) -> None:
    pages = page_texts(long_pdf)
    assert pages[1].startswith("What matters most to me, continued")
    # Every sentence is there, whole and in order, across the pages.
    body = " ".join(text.removeprefix("What matters most to me, continued ") for text in pages)
    assert squashed(long_section(40)) in _without_footers(body)
    # Each line sits inside the text frame: none is cut by the page's edge or its bands.
    height = A4_PAGE.size[1]
    for run in placed_runs(long_pdf):
        if run.size == pytest.approx(18) and "continued" not in run.text:
            assert A4_PAGE.bottom - 1 <= run.y <= height - A4_PAGE.top, run
            assert run.x >= A4_PAGE.margin - 1


def test_list_items_stay_whole_on_their_page(long_pdf: bytes) -> None:
    """Each item of the list (a line of the person's words, a few printed lines long) is
    whole on one page: no page ends inside one."""
    for text in _without_footers_each(page_texts(long_pdf)):
        for number in range(30):
            start = f"- Item {number}:"
            if start in text:
                assert f"{start} {LONG_SENTENCE}" in text, number


FOUR_LINES = f"Short start. {LONG_SENTENCE} Short end."


@pytest.mark.parametrize("filler", range(1, 31, 3))
def test_a_short_paragraph_moves_over_whole_with_its_heading(filler: int) -> None:
    """A four-line section is never split: near the foot of a page it goes over, whole,
    with its heading (the first section grows, so the others land everywhere)."""
    bodies = dict.fromkeys(CarePlanSection, FOUR_LINES)
    bodies[CarePlanSection.WHAT_MATTERS] = " ".join(["Word"] * (filler * 12))
    pages = _without_footers_each(page_texts(english(view(sections=sections_in_order(bodies)))))
    assert sum(text.count("Short start.") for text in pages) == 6
    assert sum(text.count(FOUR_LINES) for text in pages) == 6


@pytest.mark.parametrize("filler", range(1, 31))
def test_a_heading_never_ends_a_page(filler: int) -> None:
    """Whatever the length before it, each heading has at least two lines of words under
    it on its page (the first section grows a line at a time, so later headings land
    everywhere on the page)."""
    bodies = {section: long_section(3) for section in CarePlanSection}
    bodies[CarePlanSection.WHAT_MATTERS] = " ".join(["Word"] * (filler * 12))
    supported_by = "Tomasz, my carer,\nand my daughter Susan"
    pdf = english(view(sections=sections_in_order(bodies), supported_by=supported_by))
    by_page: dict[int, list[PlacedRun]] = {}
    for run in placed_runs(pdf):
        if not run.text.strip().startswith("Page ") and "continued" not in run.text:
            by_page.setdefault(run.page, []).append(run)
    headings_seen = 0
    for page, runs in by_page.items():
        for index, run in enumerate(runs):
            second_line = index > 0 and runs[index - 1].size == pytest.approx(24)
            if run.size != pytest.approx(24) or second_line:
                continue
            headings_seen += 1
            under = []  # the lines of words under it, up to the next heading
            for later in runs[index + 1 :]:
                if later.size < 22:
                    under.append(later)
                elif under or later.size != pytest.approx(24):
                    break
            assert len(under) >= 2, (filler, page, run.text)
    assert headings_seen == 11  # seven sections, goals, routines, risks, supported by


@pytest.mark.parametrize("words", [120, 134, 138, 142, 300])
def test_a_goal_nearly_a_page_long_still_prints_under_its_heading(words: int) -> None:
    """An item that fits a page, but not with its heading above it, is split rather than
    failing or leaving the heading alone (300 words is more than a page on its own)."""
    goal = " ".join(f"walk{n}" for n in range(words))
    pdf = english(view(goals=(PlanGoal(goal, "Margaret", GoalStatus.ACTIVE, REVIEW),)))
    text = _without_footers(" ".join(page_texts(pdf)))
    assert f"My goals {goal.split()[0]}" in text
    assert squashed(goal) in text.replace("My goals, continued ", "")
    assert rule_breaks(pdf) == []


def _without_footers(text: str) -> str:
    import re

    return re.sub(r" ?Page \d+ of \d+ ?", " ", text).strip()


def _without_footers_each(pages: list[str]) -> list[str]:
    return [_without_footers(text) for text in pages]


# -- languages -------------------------------------------------------------------------


def test_punjabi_is_shaped_in_the_gurmukhi_font(punjabi_pdf: bytes) -> None:
    runs = text_runs(punjabi_pdf)
    gurmukhi = [run for run in runs if any("\u0a00" <= c <= "\u0a7f" for c in run.text)]
    assert gurmukhi and all("NotoSansGurmukhi" in run.font for run in gurmukhi)
    text = unicodedata.normalize("NFC", " ".join(page_texts(punjabi_pdf)))
    assert "ਿਵਲੋ ਕੌਰ" in text  # shaped: the vowel sign ਿ is drawn before its letter
    assert "ਮੇਰਾ ਪਿਰਵਾਰ ਅਤੇ ਮੇਰਾ ਧਰਮ" in text
    assert "Punjabi is my language." in text
    latin = [run for run in runs if "Punjabi is my language." in run.text]
    assert latin and all(run.font.endswith("AtkinsonHyperlegibleNext-Regular") for run in latin)


def test_punjabi_headings_and_dates_come_from_the_catalogue_and_babel(punjabi_pdf: bytes) -> None:
    text = unicodedata.normalize("NFC", " ".join(page_texts(punjabi_pdf)))
    assert "2 ਨਵੰਬਰ 2026" in text
    words = Words(ROOT / "locales", "pa")
    title = unicodedata.normalize("NFC", words.gettext("My care plan"))
    assert title != "My care plan"
    assert _shaped_like(title) in text or title in text


def _shaped_like(words: str) -> str:
    """Gurmukhi as a PDF's text layer gives it back: the vowel sign ਿ before its letter."""
    out = list(words)
    for index in range(1, len(out)):
        if out[index] == "\u0a3f":
            out[index - 1], out[index] = out[index], out[index - 1]
    return "".join(out)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("cy", ("Fy nghynllun gofal", "Beth sydd bwysicaf i mi", "Tachwedd", "Tudalen 1 o")),
        ("pl", ("Mój plan opieki", "Co jest dla mnie najważniejsze", "listopada", "Strona 1 z")),
    ],
)
def test_welsh_and_polish(language: str, expected: tuple[str, ...]) -> None:
    pdf = in_language(view(), language)
    first = page_texts(pdf)[0]
    for words in expected:
        assert words in first, words
    assert rule_breaks(pdf) == []


@pytest.mark.parametrize(("demo", "name"), [(MARGARET_PLAN, "Margaret"), (KAUR_PLAN, "Mrs Kaur")])
def test_the_demo_plans_print_in_clear_print(demo: DemoCarePlan, name: str) -> None:
    plan = demo_view(demo, name)
    pdf = english(plan)
    text = " ".join(page_texts(pdf))
    assert rule_breaks(pdf) == []
    for section in plan.sections:
        assert squashed(section.body or NOT_WRITTEN) in _without_footers(text)
    for goal in plan.goals:
        assert squashed(goal.goal) in text
