"""Every shipped language translates every word, with nothing fuzzy and nothing lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from kiosk.i18n import SOURCE_LANGUAGE, Words, available_languages, catalogue_path, own_name

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
SHIPPED = sorted(available_languages(LOCALES) - {SOURCE_LANGUAGE})
KEYWORDS = {"gettext": None, "ngettext": (1, 2), "N_": None}
PLACEHOLDER = re.compile(r"\{\w*\}")


def source_messages() -> set[str]:
    found = set()
    for _, _, message, _, _ in extract_from_dir(
        str(ROOT / "kiosk"), [("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def catalogue(language: str) -> Catalog:
    with catalogue_path(LOCALES, language).open("rb") as handle:
        return read_po(handle, locale=language)


def problems_in(cat: Catalog, wanted: set[str]) -> list[str]:
    problems = []
    entries = {m.id if isinstance(m.id, str) else m.id[0]: m for m in cat if m.id}
    for message in sorted(wanted):
        entry = entries.get(message)
        if entry is None:
            problems.append(f"missing: {message!r}")
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not all(strings):
            problems.append(f"untranslated: {message!r}")
        if entry.fuzzy:
            problems.append(f"fuzzy: {message!r}")
        for string in strings:
            if sorted(PLACEHOLDER.findall(string)) != sorted(PLACEHOLDER.findall(message)):
                problems.append(f"placeholders differ: {message!r} -> {string!r}")
    problems.extend(f"stale: {m!r}" for m in sorted(set(entries) - wanted))
    return problems


def test_four_languages_are_shipped() -> None:
    assert SHIPPED == ["cy", "pa", "pl"]


@pytest.mark.parametrize("language", SHIPPED)
def test_every_word_is_translated(language: str) -> None:
    assert problems_in(catalogue(language), source_messages()) == []


def test_the_check_catches_untranslated_fuzzy_and_broken_entries() -> None:
    cat = Catalog(locale="cy")
    cat.add("Home", "Hafan")
    cat.add("Back", "")
    cat.add("Hello, {name}!", "Helo!")
    cat.add("Today", "Heddiw", flags=["fuzzy"])
    cat.add("Gone", "Wedi mynd")
    problems = problems_in(cat, {"Home", "Back", "Hello, {name}!", "Today", "Lunch"})
    assert problems == [
        "untranslated: 'Back'",
        "placeholders differ: 'Hello, {name}!' -> 'Helo!'",
        "missing: 'Lunch'",
        "fuzzy: 'Today'",
        "stale: 'Gone'",
    ]


@pytest.mark.parametrize("language", SHIPPED)
def test_words_switch_to_the_catalogue(language: str) -> None:
    words = Words(LOCALES, language)
    assert words.gettext("Home") != "Home"
    assert words.gettext("Home") == catalogue(language).get("Home").string


def test_language_names_are_in_their_own_script() -> None:
    assert [own_name(code) for code in ("en_GB", "cy", "pl", "pa")] == [
        "English",
        "Cymraeg",
        "Polski",
        "ਪੰਜਾਬੀ",
    ]


def test_an_unknown_language_keeps_the_current_one() -> None:
    words = Words(LOCALES, "cy")
    words.switch("xx")
    assert words.language == "cy"
