"""The "You said, we did" poster for the lounge: the month's suggestions and what became of
each, read back from the PDF itself (words, order, pictures, sizes, pages)."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date, timedelta

import pytest
from babel.messages.extract import extract_from_file
from pypdf import PdfReader

from kiosk.domain.enums import Meal, ProposalStatus, ProposalTopic
from kiosk.domain.evidence import DoneKind, DoneThing, SuggestionChain
from kiosk.i18n import Words
from kiosk.printing import you_said_words
from kiosk.printing.styles import BODY_PT
from kiosk.printing.you_said import MAX_SCALE, MIN_SCALE, you_said_poster_pdf, you_said_scale
from tests.test_plain_words import KEYWORDS, PLACEHOLDER, flesch_reading_ease
from tests.test_print_pdf_reading import (
    FONTS,
    PICTURES,
    ROOT,
    fonts_used,
    page_texts,
    rule_breaks,
    text_runs,
)

NOVEMBER = date(2026, 11, 1)
A4_PORTRAIT = (595, 842)
RESIDENT_NAMES = ("Margaret Jones", "Dai Morgan", "Mrs Kaur", "Mr Patel", "Helena Nowak")
STAFF_NAMES = ("Helen Carter", "Priya Shah")
HOSTILE = (
    "<b>bold</b>",
    "Cards & dominoes",
    "</para>",
    "a &lt; b &amp; <font name='Courier'>c</font>",
    "Tea ☕ & <i>cake</i>",
)
S = ProposalStatus
T = ProposalTopic


def chain(
    number: int,
    title: str,
    topic: ProposalTopic,
    status: ProposalStatus,
    *,
    picture: str | None = None,
    reason: str | None = None,
    done: tuple[DoneThing, ...] = (),
    said_on: date = date(2026, 11, 2),
    said_by: str | None = None,
) -> SuggestionChain:
    decided = None if status is S.OPEN else said_on + timedelta(days=3)
    return SuggestionChain(
        proposal_id=number,
        said_on=said_on,
        said_by=said_by if said_by is not None else RESIDENT_NAMES[number % len(RESIDENT_NAMES)],
        topic=topic,
        title=title,
        picture=picture,
        backed_by=number % 4,
        status=status,
        decided_on=decided,
        decided_by=None if decided is None else STAFF_NAMES[number % 2],
        reason=reason,
        done=done,
        done_on=max((thing.day for thing in done), default=None),
    )


def menu(day: int, dish: str, meal: Meal | None = Meal.LUNCH) -> DoneThing:
    return DoneThing(DoneKind.MENU, date(2026, 11, day), dish, meal)


def slot(day: date, activity: str, *, cancelled: bool = False) -> DoneThing:
    return DoneThing(DoneKind.ACTIVITY, day, activity, cancelled=cancelled)


def normal_month() -> list[SuggestionChain]:
    """A care home's November, in the order the service gives it: oldest first."""
    singing = tuple(slot(date(2026, 11, day), "Singing with Hannah") for day in (9, 16, 23, 30))
    return [
        chain(
            1,
            "Fish pie on Fridays",
            T.MEAL,
            S.DONE,
            picture="fish",
            reason="Yes! Chef will make it.",
            done=(menu(13, "Fish pie"), menu(27, "Fish pie")),
        ),
        chain(
            2,
            "A trip to the seaside",
            T.ACTIVITY,
            S.AGREED,
            picture="beach",
            reason="Yes. We will book the minibus.",
            done=(slot(date(2026, 12, 3), "Trip to Porthcawl"),),
            said_on=date(2026, 11, 3),
        ),
        chain(
            3,
            "More singing",
            T.ACTIVITY,
            S.DONE,
            picture="singing",
            done=(slot(date(2026, 11, 2), "Singing with Hannah", cancelled=True), *singing),
            said_on=date(2026, 11, 4),
        ),
        chain(
            4,
            "A bird feeder by the window",
            T.HOME,
            S.DONE,
            picture="bird",
            reason="Gareth put one up outside the lounge window.",
            said_on=date(2026, 11, 5),
        ),
        chain(
            5,
            "Swimming",
            T.ACTIVITY,
            S.NOT_NOW,
            reason="The pool in town is shut for repairs until spring.",
            said_on=date(2026, 11, 9),
        ),
        chain(
            6,
            "A cat of our own",
            T.HOME,
            S.DECLINED,
            reason="Some people here are allergic to cats. Bramble the dog still visits.",
            said_on=date(2026, 11, 10),
        ),
        chain(7, "Welsh cakes for tea", T.MEAL, S.OPEN, said_on=date(2026, 11, 20)),
    ]


def poster(
    chains: list[SuggestionChain],
    language: str = "en_GB",
    *,
    home: str = "Willow Court",
    month: date = NOVEMBER,
) -> bytes:
    return you_said_poster_pdf(
        chains,
        month,
        home_name=home,
        locale=language,
        translate=Words(ROOT / "locales", language).gettext,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


def scale_of(chains: list[SuggestionChain]) -> float:
    return you_said_scale(
        chains,
        NOVEMBER,
        home_name="Willow Court",
        locale="en_GB",
        translate=lambda words: words,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


def everything(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    return [
        (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def pictures_drawn(pdf: bytes) -> list[str]:
    """The pictures drawn, in order, named by their pictogram keys ("home_idea")."""
    drawn = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        content = page.get_contents().get_data().decode("latin-1")
        drawn += re.findall(r"/FormXob\.OurSayPicture_(\S+) Do", content)
    return drawn


def body_text(pdf: bytes) -> str:
    """All the pages' words without their bands, as one run of text."""
    bands = re.compile(r"^You said, we did: November 2026, continued | Page \d+ of \d+$")
    return " ".join(bands.sub("", page) for page in page_texts(pdf))


def is_band(text: str) -> bool:
    """The page number and "…, continued": page furniture, the same size on every document."""
    return text.startswith("Page ") or text.endswith("continued")


@pytest.fixture(scope="module")
def normal_pdf() -> bytes:
    return poster(normal_month())


def test_each_suggestion_says_what_was_said_and_what_happened(normal_pdf: bytes) -> None:
    text = everything(normal_pdf)
    assert text.startswith("You said, we did November 2026 Willow Court You said: Fish pie")
    for said, outcome in (
        (
            "Fish pie on Fridays",
            "We did: Fish pie, for lunch on Friday 13 November and Friday 27 November.",
        ),
        (
            "More singing",  # the cancelled Monday left out; after two days, "other days"
            "We did: Singing with Hannah, on Monday 9 November, Monday 16 November and other days.",
        ),
        ("A bird feeder by the window", "We did: Gareth put one up outside the lounge window."),
        ("A trip to the seaside", "We are doing it: Trip to Porthcawl, on Thursday 3 December."),
        ("Welsh cakes for tea", "We are still thinking about it."),
        ("Swimming", "Not now: The pool in town is shut for repairs until spring."),
        (
            "A cat of our own",
            "We said no: Some people here are allergic to cats. Bramble the dog still visits.",
        ),
    ):
        assert f"You said: {said} {outcome}" in text
    assert "Monday 2 November" not in text and "Monday 30 November" not in text


def test_it_is_large_print_on_a4_portrait(normal_pdf: bytes) -> None:
    pages = page_texts(normal_pdf)
    assert page_sizes(normal_pdf) == [A4_PORTRAIT] * len(pages) and len(pages) == 2
    assert pages[0].endswith("Page 1 of 2")
    assert pages[1].startswith("You said, we did: November 2026, continued")
    assert rule_breaks(normal_pdf) == []
    words = [run for run in text_runs(normal_pdf) if not is_band(run.text.strip())]
    assert min(run.size for run in words) >= BODY_PT * MIN_SCALE - 0.01
    title = next(run for run in words if run.text.strip() == "You said, we did")
    assert title.font.endswith("-Bold") and title.size > 40


def test_good_news_comes_first_then_the_rest_each_oldest_first(normal_pdf: bytes) -> None:
    said = re.findall(r"You said: (.+?) (?:We |Not now)", everything(normal_pdf))
    assert said == [
        "Fish pie on Fridays",  # done, 2 November
        "More singing",  # done, 4 November
        "A bird feeder by the window",  # done, 5 November
        "A trip to the seaside",  # being done
        "Welsh cakes for tea",  # still being thought about
        "Swimming",  # not now
        "A cat of our own",  # no
    ]


def test_every_suggestion_has_its_picture_or_its_topics(normal_pdf: bytes) -> None:
    assert pictures_drawn(normal_pdf) == [
        "fish",
        "singing",
        "bird",
        "beach",
        "lunch",  # a meal with no picture of its own
        "activity",
        "home_idea",
    ]
    missing = [
        chain(1, "Soup", T.MEAL, S.OPEN, picture="nowhere"),
        chain(2, "Darts", T.ACTIVITY, S.OPEN, picture="../fonts/AtkinsonHyperlegible-Regular"),
        chain(3, "A new kettle", T.HOME, S.OPEN),
        chain(4, "A post box", T.OTHER, S.OPEN),
    ]
    pdf = poster(missing)
    assert pictures_drawn(pdf) == ["lunch", "activity", "home_idea", "idea"]
    assert all(f"You said: {c.title} We are still thinking" in everything(pdf) for c in missing)


def test_plain_words_when_staff_gave_no_reason() -> None:
    chains = [
        chain(1, "Trifle", T.MEAL, S.DONE),
        chain(2, "Cards", T.ACTIVITY, S.AGREED, reason="   "),
        chain(3, "Bowls", T.ACTIVITY, S.NOT_NOW),
        chain(4, "A parrot", T.HOME, S.DECLINED),
        chain(5, "Jelly", T.MEAL, S.AGREED, done=(menu(20, "Jelly", meal=None),)),
        chain(6, "Film night", T.ACTIVITY, S.OPEN, done=(slot(date(2026, 11, 21), "Film"),)),
    ]
    text = everything(poster(chains))
    for line in (
        "You said: Trifle We did it!",
        "You said: Cards Yes, we are doing it.",
        "You said: Bowls Not now.",
        "You said: A parrot We said no.",
        "You said: Jelly We are doing it: Jelly, on the menu on Friday 20 November.",
        "You said: Film night We are doing it: Film, on Saturday 21 November.",
    ):
        assert line in text


def test_drafts_and_ideas_taken_back_are_left_out() -> None:
    chains = [
        chain(1, "Half-written idea", T.OTHER, S.DRAFT),
        chain(2, "Changed my mind", T.ACTIVITY, S.WITHDRAWN),
        chain(3, "Scones", T.MEAL, S.OPEN),
    ]
    text = everything(poster(chains))
    assert "Half-written" not in text and "Changed my mind" not in text
    assert "You said: Scones We are still thinking about it." in text


def test_nobody_is_named_even_when_the_chain_knows_who() -> None:
    chains = normal_month()
    assert {c.said_by for c in chains} <= set(RESIDENT_NAMES) and chains[0].said_by
    pdf = poster(chains)
    reader = PdfReader(io.BytesIO(pdf))
    seen = everything(pdf) + " " + " ".join(str(value) for value in reader.metadata.values())
    for name in (*RESIDENT_NAMES, *STAFF_NAMES):
        assert name not in seen
        assert name.split()[-1] not in seen


@pytest.mark.parametrize("hostile", HOSTILE)
def test_typed_words_print_exactly_and_never_as_markup(hostile: str) -> None:
    chains = [
        chain(1, hostile, T.MEAL, S.DONE, done=(menu(6, hostile),)),
        chain(2, "Bingo", T.ACTIVITY, S.NOT_NOW, reason=hostile),
    ]
    pdf = poster(chains, home=hostile)
    text = everything(pdf)
    assert f"You said: {hostile} We did: {hostile}, for lunch on Friday 6 November." in text
    assert f"Not now: {hostile}" in text
    assert text.count(hostile) == 4  # the home, the title, the dish, the reason
    assert not any("Courier" in font.name for font in fonts_used(pdf))
    assert rule_breaks(pdf) == []


def test_in_welsh_the_month_and_days_are_welsh() -> None:
    pdf = poster(normal_month()[:1], "cy", home="Cwrt Helyg")
    text = everything(pdf)
    assert text.startswith("Dywedoch chi, gwnaethon ni Tachwedd 2026 Cwrt Helyg")
    assert "Dydd Gwener 13 Tachwedd" in text and "Fish pie on Fridays" in text
    assert "November" not in text and "Friday 13" not in text
    assert rule_breaks(pdf) == []


def test_punjabi_words_are_shaped_in_their_font() -> None:
    chains = [chain(1, "ਦਾਲ ਤੇ ਚੌਲ", T.MEAL, S.DONE, done=(menu(12, "ਦਾਲ"),))]
    pdf = poster(chains, "pa", home="ਵਿਲੋ ਕੋਰਟ")
    text = unicodedata.normalize("NFC", everything(pdf))
    assert "ਨਵੰਬਰ 2026" in text and "ਿਵਲੋ ਕੋਰਟ" in text  # as the schedule poster reads back
    assert any("Gurmukhi" in font.name for font in fonts_used(pdf))
    assert rule_breaks(pdf) == []


def test_a_month_with_no_suggestions_is_one_friendly_page() -> None:
    pdf = poster([])
    assert page_texts(pdf) == [
        "You said, we did November 2026 Willow Court "
        "No new ideas this month. Tell us yours at the kiosk!"
    ]  # one sheet for the wall: no page number
    assert pictures_drawn(pdf) == ["idea"]
    assert scale_of([]) > MIN_SCALE and rule_breaks(pdf) == []


def forty() -> list[SuggestionChain]:
    """A very busy month: every kind of answer, long and short."""
    chains = []
    for number in range(1, 41):
        base = normal_month()[number % 7]
        chains.append(
            chain(
                number,
                f"{base.title} ({number})",
                base.topic,
                base.status,
                picture=base.picture,
                reason=None if base.reason is None else f"{base.reason} ({number})",
                done=base.done,
                said_on=NOVEMBER + timedelta(days=number % 30),
            )
        )
    return chains


def test_forty_suggestions_run_on_and_none_splits_across_pages() -> None:
    chains = forty()
    pdf = poster(chains)
    pages = page_texts(pdf)
    assert len(pages) >= 6
    assert all(page.endswith(f"Page {n} of {len(pages)}") for n, page in enumerate(pages, 1))
    assert all(p.startswith("You said, we did: November 2026, continued") for p in pages[1:])
    for item in chains:
        said = f"You said: {item.title}"
        holding = [number for number, page in enumerate(pages) if said in page]
        assert len(holding) == 1, said
        after = pages[holding[0]].split(said, 1)[1]
        assert re.match(r" (We |Not now)", after)
        if item.status in (S.NOT_NOW, S.DECLINED):
            assert item.reason and item.reason in after.split("You said:")[0]  # same page
    assert len(pictures_drawn(pdf)) == 40
    assert rule_breaks(pdf) == []
    assert MIN_SCALE <= scale_of(chains) < scale_of(normal_month()[:2])


def test_the_print_is_as_big_as_the_month_allows() -> None:
    one, normal, busy = normal_month()[:1], normal_month(), forty()
    assert scale_of(one) <= MAX_SCALE
    assert scale_of(one) > scale_of(normal) >= scale_of(busy) >= MIN_SCALE
    [page] = page_texts(poster(one))
    assert "Page" not in page  # one sheet: no page number


@pytest.mark.parametrize("title", ["Fish pie " * 111 + "please", "a" * 1000])
def test_a_thousand_character_title_still_builds(title: str) -> None:
    assert len(title) >= 1000
    chains = [chain(1, title, T.MEAL, S.DONE, reason="Yes."), *normal_month()[1:3]]
    pdf = poster(chains)
    assert len(page_texts(pdf)) > 2
    text = "".join(body_text(pdf).split())
    assert "".join(f"You said: {title} We did: Yes.".split()) in text
    assert "You said: More singing" in everything(pdf)
    assert rule_breaks(pdf) == []


def test_the_same_month_gives_the_same_pdf(normal_pdf: bytes) -> None:
    assert poster(normal_month()) == normal_pdf


def test_the_posters_words_are_plain() -> None:
    path = ROOT / "kiosk" / "printing" / "you_said_words.py"
    found = [
        PLACEHOLDER.sub("it", message).strip()
        for _, message, _, _ in extract_from_file(
            "python", str(path), keywords=KEYWORDS, comment_tags=()
        )
        if isinstance(message, str)
    ]
    sentences = [words if words[-1] in ".!?" else words + "." for words in found]
    assert len(sentences) >= 20
    score = flesch_reading_ease(" ".join(sentences))
    assert score >= 80, f"Flesch reading ease {score:.0f}"


def test_every_fallback_picture_is_shipped() -> None:
    keys = {*you_said_words.TOPIC_PICTURES.values(), you_said_words.NOTHING_NEW_PICTURE}
    assert set(you_said_words.TOPIC_PICTURES) == set(ProposalTopic)
    assert all((PICTURES / f"{key}.svg").is_file() for key in keys)
