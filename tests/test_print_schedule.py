"""The large-print weekly schedule (A4, a day a page; A3, the week on one sheet) and the
"Today" poster, read back from the PDF itself; and the print desk that keeps, prints and
audits them."""

from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from kiosk.app import Services, build_services, open_home
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.errors import NotAllowedError
from kiosk.domain.week import ActivityOnDay, DayPlan, monday_of
from kiosk.i18n import Words, load_translations
from kiosk.printing.desk import PrintDesk
from kiosk.printing.schedule import Paper, weekly_schedule_pdf
from kiosk.printing.schedule_poster import MAX_SCALE, poster_scale, today_poster_pdf
from kiosk.printing.schedule_words import Kind, activity_lines
from tests.test_print_desk import Cups, staff
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

MONDAY = date(2026, 11, 23)
HOME = ZoneInfo("Europe/London")
OUR_FONTS = {
    "AtkinsonHyperlegibleNext-Regular",
    "AtkinsonHyperlegibleNext-Bold",
    "NotoSansGurmukhi-Regular",
    "NotoSansGurmukhi-Bold",
    "NotoSans-Regular",
    "NotoSans-Bold",
}
LONG_TEXT = (
    "A very long afternoon of music, dancing, tea and cake in the conservatory with the "
    "Willow Court choir and chapel friends"
)
assert len(LONG_TEXT) == 120  # as long as a title or a place can be
HOSTILE = (
    "<b>bold</b>",
    "Cards & dominoes",
    "</para>",
    "Tea ☕",
    "ਕੀਰਤਨ ਦਰਬਾਰ",
    LONG_TEXT,
    "a &lt; b &amp; <font name='Courier'>c</font>",
)
HOSTILE_PLACES = ("Lounge <upstairs>", "Café & bar", "</para> room", "ਬਾਗ", "Garden ☀", LONG_TEXT)
HOSTILE_LEADERS = (
    "Priya & Gareth",
    "<i>Tomasz</i>",
    "ਅਰਜੁਨ ਸਿੰਘ",
    "Sue ♥ and Bramble",
    "Hannah &amp; friends",
    "Hannah from Music Makers, who comes every week to play the piano and sing with everyone",
)
DAY_NAMES = (
    "Monday 23 November",
    "Tuesday 24 November",
    "Wednesday 25 November",
    "Thursday 26 November",
    "Friday 27 November",
    "Saturday 28 November",
    "Sunday 29 November",
)


def activity(
    number: int,
    day: date,
    title: str,
    *,
    at: tuple[int, int] = (10, 30),
    minutes: int = 60,
    picture: str | None = "music",
    place: str | None = "Lounge",
    led_by: str | None = "Priya",
    cancelled: bool = False,
    reason: str | None = None,
    asked: bool = False,
) -> ActivityOnDay:
    starts = datetime(day.year, day.month, day.day, *at, tzinfo=HOME)
    return ActivityOnDay(
        slot_id=number,
        title=title,
        picture=picture,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=minutes),
        place=place,
        led_by=led_by,
        cancelled=cancelled,
        cancel_reason=reason,
        from_residents=asked,
    )


def week_of(activities: dict[int, list[ActivityOnDay]]) -> list[DayPlan]:
    """A week whose days (0 is Monday) hold ``activities``; the rest have nothing on."""
    return [
        DayPlan(MONDAY + timedelta(days=offset), tuple(activities.get(offset, ())), ())
        for offset in range(7)
    ]


def day(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


def normal_week() -> list[DayPlan]:
    """A care home's usual week: two or three things a day, Sunday quiet."""
    plan = {
        0: [
            activity(1, day(0), "Armchair exercise", picture="exercise"),
            activity(2, day(0), "Gardening club", at=(14, 30), picture="garden", asked=True),
        ],
        1: [
            activity(3, day(1), "Welsh chat (Sgwrs)", picture="talk", place="Conservatory"),
            activity(
                4,
                day(1),
                "Bingo",
                at=(14, 30),
                picture="bingo",
                cancelled=True,
                reason="Priya is off sick. Bingo is back next Tuesday.",
            ),
        ],
        2: [
            activity(5, day(2), "Music and movement", led_by="Hannah from Music Makers"),
            activity(6, day(2), "Baking", at=(14, 0), picture="cake", place="Kitchen"),
        ],
        3: [
            activity(7, day(3), "Hand massage", picture="massage", led_by="Tomasz"),
            activity(8, day(3), "Pet therapy", at=(14, 30), picture="dog"),
            activity(9, day(3), "Quiz", at=(18, 30), picture="quiz", cancelled=True),
        ],
        4: [activity(10, day(4), "Film afternoon", at=(14, 0), minutes=120, picture="film")],
        5: [activity(11, day(5), "Flower arranging", picture="flower")],
    }
    return week_of(plan)


def hostile_week() -> list[DayPlan]:
    """Monday holds every hostile title; Tuesday every hostile place and leader."""
    monday = [
        activity(index, day(0), title, at=(9 + index, 0), picture=None if index % 2 else "tea")
        for index, title in enumerate(HOSTILE)
    ]
    tuesday = [
        activity(20 + index, day(1), f"Tuesday club {index}", place=place, led_by=leader)
        for index, (place, leader) in enumerate(zip(HOSTILE_PLACES, HOSTILE_LEADERS, strict=True))
    ]
    return week_of({0: monday, 1: tuesday})


def english(days: list[DayPlan], paper: str = "a4", home: str = "Willow Court <Care> & Co"):
    return weekly_schedule_pdf(
        days,
        paper=paper,
        home_name=home,
        locale="en_GB",
        translate=lambda words: words,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


def in_language(days: list[DayPlan], language: str, paper: str = "a4") -> bytes:
    return weekly_schedule_pdf(
        days,
        paper=paper,
        home_name="Willow Court",
        locale=language,
        translate=Words(ROOT / "locales", language).gettext,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


def poster(plan: DayPlan, language: str = "en_GB", home: str = "Willow Court") -> bytes:
    translate = Words(ROOT / "locales", language).gettext
    return today_poster_pdf(
        plan,
        home_name=home,
        locale=language,
        translate=translate,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


def page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    return [
        (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def everything(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


A4_PORTRAIT = (595, 842)
A3_LANDSCAPE = (1191, 842)


@pytest.fixture(scope="module")
def hostile_a4() -> bytes:
    return english(hostile_week(), "a4")


@pytest.fixture(scope="module")
def hostile_a3() -> bytes:
    return english(hostile_week(), "a3")


@pytest.fixture(scope="module")
def normal_a4() -> bytes:
    return english(normal_week(), "a4")


@pytest.fixture(scope="module")
def normal_a3() -> bytes:
    return english(normal_week(), "a3")


@pytest.fixture(scope="module")
def punjabi_a4() -> bytes:
    plan = {
        0: [
            activity(1, day(0), "ਕਿਤਾਬ ਪੜ੍ਹਨਾ", picture="newspaper", led_by="ਅਰਜੁਨ"),
            activity(2, day(0), "Bingo", at=(14, 30), picture="bingo", asked=True),
        ]
    }
    return in_language(week_of(plan), "pa")


# -- clear print, in every layout ------------------------------------------------------


@pytest.mark.parametrize("name", ["hostile_a4", "hostile_a3", "normal_a4", "normal_a3"])
def test_nothing_breaks_clear_print(name: str, request: pytest.FixtureRequest) -> None:
    pdf = request.getfixturevalue(name)
    assert rule_breaks(pdf) == []  # nothing under 16 pt, every font embedded, none slanted
    assert min(run.size for run in text_runs(pdf)) >= 16
    names = {font.name.split("+", 1)[-1] for font in fonts_used(pdf)}
    assert names <= OUR_FONTS


def test_body_is_18_pt_titles_bold_and_no_italic_anywhere(normal_a4: bytes) -> None:
    runs = text_runs(normal_a4)
    place = [run for run in runs if run.text.strip() == "Lounge"]
    assert place and all(run.size == pytest.approx(18) for run in place)
    assert all(run.font.endswith("AtkinsonHyperlegibleNext-Regular") for run in place)
    title = [run for run in runs if run.text.strip() == "Armchair exercise"]
    assert title and title[0].font.endswith("-Bold") and title[0].size >= 18
    heading = [run for run in runs if run.text.strip().startswith("Monday")]
    assert heading and heading[0].size >= 22 and heading[0].font.endswith("-Bold")
    assert not any("Italic" in run.font or "Oblique" in run.font for run in runs)


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("pdf_name", ["hostile_a4", "hostile_a3"])
def test_every_title_prints_exactly_as_given(
    name: str, pdf_name: str, request: pytest.FixtureRequest
) -> None:
    pdf = request.getfixturevalue(pdf_name)
    assert squashed(name) in everything(pdf).replace("\u00a0", " ")


@pytest.mark.parametrize("words", HOSTILE_PLACES + tuple(f"With {p}" for p in HOSTILE_LEADERS))
@pytest.mark.parametrize("pdf_name", ["hostile_a4", "hostile_a3"])
def test_every_place_and_leader_prints_exactly_as_given(
    words: str, pdf_name: str, request: pytest.FixtureRequest
) -> None:
    pdf = request.getfixturevalue(pdf_name)
    text = everything(pdf)
    if any("\u0a00" <= c <= "\u0a7f" for c in words):  # shaped: compare in the PDF's order
        text = unicodedata.normalize("NFC", text)
        words = words.replace("ਸਿੰਘ", "ਿਸੰਘ")
    assert squashed(words) in text


def test_the_home_name_is_escaped_too(hostile_a4: bytes) -> None:
    first = page_texts(hostile_a4)[0]
    assert first.startswith("What's on in the week of 23 November 2026 Willow Court <Care> & Co")


# -- A4: a day to a page ---------------------------------------------------------------


def test_a4_is_portrait_with_one_day_to_a_page(normal_a4: bytes) -> None:
    pages = page_texts(normal_a4)
    assert page_sizes(normal_a4) == [A4_PORTRAIT] * 7
    assert pages[0].startswith("What's on in the week of 23 November 2026")
    for number, (text, name) in enumerate(zip(pages, DAY_NAMES, strict=True)):
        heading = text if number else text.split("Co ", 1)[1]
        assert heading.startswith(name), name
        assert not any(other in text for other in DAY_NAMES if other != name)


def test_a_full_day_goes_two_to_a_row_and_stays_on_its_page() -> None:
    """Six activities do not fit one column of an A4 page: they go two to a row, in time
    order, rather than leave one activity alone on a second page."""
    titles = ["Exercise", "Welsh chat", "Music", "Baking", "Pet therapy", "Quiz"]
    full = [
        activity(index, day(0), title, at=(9 + 2 * index, 0), asked=index == 1)
        for index, title in enumerate(titles)
    ]
    pdf = english(week_of({0: full}))
    pages = page_texts(pdf)
    assert len(pages) == 7
    positions = [pages[0].index(title) for title in titles]
    assert positions == sorted(positions)
    lefts: dict[str, float] = {}

    def note(text: str, cm: list[float], matrix: list[float], *_: object) -> None:
        if text.strip() in titles:
            lefts[text.strip()] = cm[4] + matrix[4]

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=note)
    assert len(lefts) == 6
    assert len({round(x) for x in lefts.values()}) == 2  # two columns
    assert rule_breaks(pdf) == []


def test_a_full_day_with_a_long_word_keeps_one_column() -> None:
    """A word too wide for half the page is never broken: the day keeps one column and
    runs on to a second page instead."""
    long_word = "Gwersyllt-Rhosllannerchrugog"  # fits the page's width, not half of it
    full = [
        activity(index, day(0), f"Trip to {long_word}" if index == 0 else "Club", at=(9 + index, 0))
        for index in range(8)
    ]
    pages = page_texts(english(week_of({0: full})))
    assert long_word in pages[0]
    assert pages[1].startswith("Monday 23 November, continued")


def test_each_activity_reads_time_title_place_leader(normal_a4: bytes) -> None:
    monday = page_texts(normal_a4)[0]
    assert (
        "Monday 23 November 10:30 to 11:30 Armchair exercise Lounge With Priya "
        "14:30 to 15:30 Gardening club Lounge With Priya You asked for this"
    ) in monday


def test_cancelled_is_said_in_bold_words(normal_a4: bytes) -> None:
    tuesday, thursday = page_texts(normal_a4)[1], page_texts(normal_a4)[3]
    assert "Bingo Cancelled: Priya is off sick. Bingo is back next Tuesday. Lounge" in tuesday
    assert "Quiz Cancelled Lounge With Priya" in thursday
    runs = text_runs(normal_a4)
    warning = [run for run in runs if run.text.strip().startswith("Cancelled")]
    assert len(warning) == 2 and all(run.font.endswith("-Bold") for run in warning)


def test_a_day_with_nothing_on_says_so(normal_a4: bytes) -> None:
    sunday = page_texts(normal_a4)[6]
    assert sunday.startswith("Sunday 29 November Nothing is planned for this day yet.")


def test_page_numbers_are_in_the_same_place_and_size(normal_a4: bytes) -> None:
    runs = text_runs(normal_a4)
    footers = [run for run in runs if run.text.strip().startswith("Page ")]
    assert [run.text.strip() for run in footers] == [f"Page {n} of 7" for n in range(1, 8)]
    assert {round(run.size, 2) for run in footers} == {16.0}
    from pypdf import PdfReader

    places = set()
    for page in PdfReader(io.BytesIO(normal_a4)).pages:
        found: list[tuple[float, float]] = []

        def visit(text: str, cm: list, tm: list, *_: object, found: list = found) -> None:
            if text.strip().startswith("Page "):
                found.append((round(tm[4], 1), round(tm[5], 1)))

        page.extract_text(visitor_text=visit)
        places.update(found)
    assert len(places) == 1


def test_a_busy_day_runs_on_and_never_splits_an_activity() -> None:
    busy = [
        activity(
            n,
            day(0),
            f"Activity number {n}",
            at=(8 + n // 2, 30 * (n % 2)),
            place=f"Room {n}",
            led_by=f"Leader {n}",
        )
        for n in range(14)
    ]
    pdf = english(week_of({0: busy}))
    pages = page_texts(pdf)
    assert pages[1].startswith("Monday 23 November, continued")
    for n in range(14):
        [page] = [text for text in pages if f"Activity number {n} " in text]
        assert f"Activity number {n} Room {n} With Leader {n}" in page
    assert rule_breaks(pdf) == []


def test_an_enormous_cancellation_note_runs_on_rather_than_failing() -> None:
    reason = " ".join(f"word{n}" for n in range(900))
    long_one = activity(1, day(0), "Outing", cancelled=True, reason=reason)
    for paper in ("a4", "a3"):
        pdf = english(week_of({0: [long_one]}), paper)
        text = everything(pdf)
        assert "Cancelled: word0 word1" in text and "word899" in text
        assert page_texts(pdf)[1].startswith("Monday 23 November, continued word")
        assert rule_breaks(pdf) == []
    assert rule_breaks(poster(week_of({0: [long_one]})[0])) == []


def test_a_week_with_nothing_on_is_one_friendly_page() -> None:
    for paper, size in (("a4", A4_PORTRAIT), ("a3", A3_LANDSCAPE)):
        pdf = english(week_of({}), paper)
        assert page_sizes(pdf) == [size]
        text = page_texts(pdf)[0]
        assert "Nothing is planned for this week yet." in text
        assert "Please ask a member of staff what is on." in text
        assert rule_breaks(pdf) == []


def test_a_missing_or_broken_picture_leaves_the_words(tmp_path: Path) -> None:
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "broken.svg").write_text("<svg><path d='M 0 0 L", encoding="utf-8")
    plan = week_of(
        {
            0: [
                activity(1, day(0), "Broken picture club", picture="broken"),
                activity(2, day(0), "Missing picture club", picture="nowhere"),
                activity(3, day(0), "Sneaky picture club", picture="../fonts/OFL"),
            ]
        }
    )
    for paper in Paper:
        pdf = weekly_schedule_pdf(
            plan,
            paper=paper,
            home_name="",
            locale="en_GB",
            translate=lambda words: words,
            pictures_dir=pictures,
            fonts_dir=FONTS,
        )
        for name in ("Broken picture club", "Missing picture club", "Sneaky picture club"):
            assert name in page_texts(pdf)[0]


def test_the_same_week_gives_the_same_pdf() -> None:
    assert english(normal_week(), "a3") == english(normal_week(), "a3")
    assert english(normal_week(), "a4") == english(normal_week(), "a4")


def test_an_empty_list_of_days_is_a_mistake() -> None:
    with pytest.raises(ValueError, match="at least one day"):
        english([])


# -- A3: the week on one sheet ---------------------------------------------------------


def test_a3_is_landscape_with_the_normal_week_on_one_sheet(normal_a3: bytes) -> None:
    assert page_sizes(normal_a3) == [A3_LANDSCAPE]
    [text] = page_texts(normal_a3)
    assert text.startswith("What's on in the week of 23 November 2026 Willow Court")
    positions = [text.index(name) for name in DAY_NAMES]
    assert positions == sorted(positions)  # a column a day, Monday first
    for words in ("Armchair exercise", "Flower arranging", "With Hannah from Music Makers"):
        assert words in text
    assert "Cancelled: Priya is off sick." in text
    assert "Sunday 29 November Nothing is planned for this day yet." in text
    assert "Page 1 of 1" in text


def test_a3_keeps_every_word_whole_in_its_column(normal_a3: bytes) -> None:
    """Long names wrap at spaces; no word is cut in two to fit a column."""
    text = page_texts(normal_a3)[0]
    for word in ("Conservatory", "afternoon", "arranging", "Gardening", "Makers"):
        assert word in text


def test_a_busy_week_on_a3_runs_the_days_in_rows_and_loses_nothing() -> None:
    names = ["Armchair exercise", "Gardening club", "Welsh chat", "Baking", "Quiz"]
    busy = {
        offset: [
            activity(
                offset * 10 + n,
                day(offset),
                f"{name} {offset}",
                at=(9 + 2 * n, 0),
                picture="music",
                led_by="Gareth and Eirlys from the chapel",
            )
            for n, name in enumerate(names)
        ]
        for offset in range(7)
    }
    pdf = english(week_of(busy), "a3")
    assert set(page_sizes(pdf)) == {A3_LANDSCAPE}
    text = everything(pdf)
    for offset in range(7):
        for name in names:
            assert f"{name} {offset} Lounge With Gareth and Eirlys from the chapel" in text
    assert rule_breaks(pdf) == []


def test_a3_rows_say_which_day_runs_on_to_the_next_sheet(hostile_a3: bytes) -> None:
    pages = page_texts(hostile_a3)
    assert pages[0].startswith("What's on in the week of")
    assert pages[1].startswith("Tuesday 24 November, continued 10:30 to 11:30 Tuesday club")


def test_a3_with_one_very_long_word_uses_rows_rather_than_breaking_it() -> None:
    word = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
    pdf = english(week_of({2: [activity(1, day(2), f"Trip to {word}")]}), "a3")
    assert f"Trip to {word}" in everything(pdf)
    assert rule_breaks(pdf) == []


# -- languages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "monday", "sunday", "with_words"),
    [
        ("cy", "Dydd Llun 23 Tachwedd", "Dydd Sul 29 Tachwedd", "Gyda Priya"),
        ("pl", "Poniedziałek 23 listopada", "Niedziela 29 listopada", "Priya"),
    ],
)
@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_welsh_and_polish_day_names(
    language: str, monday: str, sunday: str, with_words: str, paper: str
) -> None:
    pdf = in_language(normal_week(), language, paper)
    text = everything(pdf)
    if paper == "a4":
        assert page_texts(pdf)[0].split("Willow Court ", 1)[1].startswith(monday)
    assert monday in text and sunday in text
    assert with_words in text
    assert rule_breaks(pdf) == []


def test_welsh_uses_the_catalogue_for_cancelled_and_asked_for() -> None:
    text = everything(in_language(normal_week(), "cy"))
    assert "Wedi'i ganslo: Priya is off sick." in text
    assert "Chi ofynnodd am hyn" in text
    assert "Tudalen 1 o 7" in text


def test_punjabi_is_shaped_in_the_gurmukhi_font(punjabi_a4: bytes) -> None:
    assert rule_breaks(punjabi_a4) == []
    runs = text_runs(punjabi_a4)
    gurmukhi = [run for run in runs if any("\u0a00" <= c <= "\u0a7f" for c in run.text)]
    assert gurmukhi and all("NotoSansGurmukhi" in run.font for run in gurmukhi)
    latin = [run for run in runs if run.text.strip() == "Bingo"]
    assert latin and latin[0].font.endswith("AtkinsonHyperlegibleNext-Bold")
    text = unicodedata.normalize("NFC", everything(punjabi_a4))
    assert "ਿਕਤਾਬ" in text  # shaped: the vowel sign ਿ is drawn before its letter
    assert "ਸੋਮਵਾਰ 23 ਨਵੰਬਰ" in text  # Monday, by Babel
    assert "ਐਤਵਾਰ 29 ਨਵੰਬਰ" in text  # Sunday


def test_punjabi_a3_week_on_one_sheet() -> None:
    plan = normal_week()
    pdf = in_language(plan, "pa", "a3")
    assert page_sizes(pdf) == [A3_LANDSCAPE]
    assert rule_breaks(pdf) == []
    text = unicodedata.normalize("NFC", everything(pdf))
    for name in ("ਸੋਮਵਾਰ", "ਐਤਵਾਰ", "23 ਨਵੰਬਰ"):
        assert name in text


# -- the words of an activity ----------------------------------------------------------


def test_an_activitys_lines_in_order() -> None:
    one = activity(1, day(0), "Bingo", cancelled=True, reason="  ", asked=True, place=" ")
    lines = activity_lines(one, "en_GB", lambda words: words)
    assert [(line.kind, line.text) for line in lines] == [
        (Kind.TIME, "10:30 to 11:30"),
        (Kind.TITLE, "Bingo"),
        (Kind.WARNING, "Cancelled"),
        (Kind.DETAIL, "With Priya"),
        (Kind.DETAIL, "You asked for this"),
    ]


def test_times_are_the_homes_clock_in_the_language() -> None:
    one = activity(1, day(0), "Quiz", at=(18, 30))
    [time_line, *_] = activity_lines(one, "pa", Words(ROOT / "locales", "pa").gettext)
    assert time_line.text.startswith("6:30\u00a0")


# -- the "Today" poster ----------------------------------------------------------------


def test_the_poster_is_one_a4_page_in_big_print() -> None:
    plan = normal_week()[3]
    pdf = poster(plan)
    assert page_sizes(pdf) == [A4_PORTRAIT]
    [text] = page_texts(pdf)
    assert text.startswith("Today Thursday 26 November Willow Court 10:30 to 11:30 Hand massage")
    assert "Quiz Cancelled" in text
    assert "Page" not in text  # one sheet for the wall: no page number
    runs = text_runs(pdf)
    assert min(run.size for run in runs) > 18  # bigger than clear print's body
    assert rule_breaks(pdf) == []


def test_the_poster_uses_the_biggest_print_that_fits() -> None:
    kwargs = {
        "home_name": "Willow Court",
        "locale": "en_GB",
        "translate": lambda words: words,
        "pictures_dir": PICTURES,
        "fonts_dir": FONTS,
    }
    quiet, normal = week_of({})[6], normal_week()[3]
    busy = week_of({0: [activity(n, day(0), f"Club {n}", at=(8 + n, 0)) for n in range(12)]})[0]
    scales = [poster_scale(plan, **kwargs) for plan in (quiet, normal, busy)]  # type: ignore[arg-type]
    assert scales[0] == MAX_SCALE
    assert 1 < scales[1] < MAX_SCALE
    assert scales[2] == 1.0
    pdf = poster(busy)
    pages = page_texts(pdf)
    assert len(pages) > 1 and pages[1].startswith("Monday 23 November, continued")
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert all(f"Club {n} " in everything(pdf) for n in range(12))


def test_a_poster_for_a_day_with_nothing_on_is_friendly() -> None:
    pdf = poster(week_of({})[6])
    [text] = page_texts(pdf)
    assert text == "Today Sunday 29 November Willow Court Nothing is planned for today yet."
    assert rule_breaks(pdf) == []


def test_a_punjabi_poster_is_shaped_and_in_its_words() -> None:
    plan = week_of({0: [activity(1, day(0), "ਕਿਤਾਬ ਪੜ੍ਹਨਾ", picture="newspaper")]})[0]
    pdf = poster(plan, "pa", home="ਵਿਲੋ ਕੋਰਟ")
    assert rule_breaks(pdf) == []
    text = unicodedata.normalize("NFC", page_texts(pdf)[0])
    assert text.startswith("ਅੱਜ ਸੋਮਵਾਰ 23 ਨਵੰਬਰ")  # "Today", from the catalogue
    assert "ਿਕਤਾਬ" in text and "ਿਵਲੋ ਕੋਰਟ" in text


@pytest.mark.parametrize("title", HOSTILE)
def test_hostile_titles_on_the_poster(title: str) -> None:
    pdf = poster(week_of({0: [activity(1, day(0), title)]})[0])
    assert squashed(title) in everything(pdf)
    assert rule_breaks(pdf) == []


# -- the print desk --------------------------------------------------------------------


Desk = tuple[PrintDesk, Services, Cups, list]


@pytest.fixture
def desk_and_home(demo_dir: Path, tmp_path: Path) -> Desk:
    """A print desk on the demo home, as app.py makes it, with CUPS replayed."""
    config = AppConfig.build(data_dir=demo_dir, demo=True, environ={})
    services = build_services(open_home(config), config)
    cups, notes = Cups("Office"), []
    desk = PrintDesk(
        menu_week=services.menus.week,
        week_days=services.week.days,
        home_name=services.settings.home_name,
        translations=lambda locale: load_translations(ROOT / "locales", locale).gettext,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
        out_dir=tmp_path / "printouts",
        audit=lambda actor, action, detail: notes.append((actor, action, detail)),
        runner=cups,
    )
    return desk, services, cups, notes


def test_the_desk_keeps_prints_and_audits_the_weeks_schedule(
    desk_and_home: Desk,
) -> None:
    desk, home, cups, notes = desk_and_home
    coordinator = staff(home, "coordinator")
    monday = monday_of(home.week.today())
    printout = desk.schedule_week(coordinator, monday + timedelta(days=2), "a3", "en_GB")
    year, week, _ = monday.isocalendar()
    assert printout.path.name == f"schedule-{year}-W{week:02d}-a3.pdf"
    assert printout.printer == "Office" and printout.path.is_file()
    assert cups.printed[0][-1] == str(printout.path)
    assert cups.printed[0][-4:-2] == ["-o", "media=A3"]  # never shrunk to A4
    pdf = printout.path.read_bytes()
    assert page_sizes(pdf) == [A3_LANDSCAPE]
    titles = {a.title for plan in home.week.days(monday, monday + timedelta(days=6))
              for a in plan.activities}  # fmt: skip
    assert titles and all(title in everything(pdf) for title in titles)
    assert rule_breaks(pdf) == []
    assert [(a.staff_id, action) for a, action, _ in notes] == [(coordinator.staff_id, "print")]
    assert "schedule.week.a3" in notes[0][2]
    a4 = desk.schedule_week(coordinator, monday, Paper.A4, "cy")
    assert len(page_sizes(a4.path.read_bytes())) == 7 and "-o" not in cups.printed[1]


def test_the_desk_prints_todays_poster(
    desk_and_home: Desk,
) -> None:
    desk, home, _, notes = desk_and_home
    today = home.week.today()
    printout = desk.today_poster(staff(home, "coordinator"), today, "pa")
    assert printout.path.name == f"today-{today.isoformat()}.pdf"
    pdf = printout.path.read_bytes()
    assert page_sizes(pdf)[0] == A4_PORTRAIT
    assert unicodedata.normalize("NFC", page_texts(pdf)[0]).startswith("ਅੱਜ")
    assert rule_breaks(pdf) == []
    assert "schedule.today" in notes[0][2]


def test_the_desk_refuses_without_the_right_to_print(desk_and_home: Desk, tmp_path: Path) -> None:
    desk, home, cups, notes = desk_and_home
    with pytest.raises(NotAllowedError):
        desk.schedule_week(staff(home, "carer"), MONDAY, "a4", "en_GB")
    with pytest.raises(NotAllowedError):
        desk.today_poster(Actor.resident(1), MONDAY, "en_GB")
    assert not (tmp_path / "printouts").exists() and notes == [] and cups.printed == []
