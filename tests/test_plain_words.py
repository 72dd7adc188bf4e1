"""Plain words (DESIGN.md): everything a resident reads or hears, taken together, scores
at least 80 on Flesch reading ease in English, the source language of every catalogue.

The words are the source strings of the modules that build resident screens and the
resident's own printouts, read by Babel's extractor as ``make messages`` reads them;
syllables are counted with Pyphen's English hyphenation patterns.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyphen
from babel.messages.extract import extract_from_file

ROOT = Path(__file__).resolve().parent.parent
RESIDENT_MODULES = (
    "kiosk/ui/main_window.py",  # notices, the idle warning, "Read this to me"
    "kiosk/ui/idle_watch.py",
    "kiosk/ui/screens/home_screen.py",
    "kiosk/ui/screens/who_screen.py",
    "kiosk/ui/screens/language_screen.py",
    "kiosk/ui/screens/this_week_screen.py",
    "kiosk/ui/screens/suggest_meal_screen.py",
    "kiosk/ui/screens/suggest_idea_screen.py",
    "kiosk/ui/suggestion_screen.py",
    "kiosk/ui/suggestion_steps.py",
    "kiosk/ui/screens/answers_screen.py",
    "kiosk/ui/screens/vote_screen.py",
    "kiosk/ui/poll_words.py",
    "kiosk/ui/screens/how_was_it_screen.py",
    "kiosk/ui/screens/private_pin_screen.py",
    "kiosk/ui/screens/my_care_plan_screen.py",
    "kiosk/ui/care_plan_pages.py",
    "kiosk/ui/care_plan_book.py",
    "kiosk/ui/care_plan_outcomes.py",
    "kiosk/printing/care_plan_words.py",
    "kiosk/printing/you_said_words.py",  # the lounge poster
    "kiosk/printing/resident_records_words.py",  # a resident's own copy of their records
)
KEYWORDS = {"gettext": None, "ngettext": (1, 2), "N_": None}
PLACEHOLDER = re.compile(r"\{[^}]*\}")
SENTENCE_END = re.compile(r"[.!?]+")
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
HYPHENATION = pyphen.Pyphen(lang="en_GB", left=1, right=1)


def resident_words() -> list[str]:
    """Every source string in the resident modules, placeholders read as "it", each ended
    as a sentence (a button's words are a sentence to the ear)."""
    found = []
    for module in RESIDENT_MODULES:
        with (ROOT / module).open("rb") as source:
            for _, message, _, _ in extract_from_file(
                "python", source.name, keywords=KEYWORDS, comment_tags=()
            ):
                for text in message if isinstance(message, tuple) else (message,):
                    words = PLACEHOLDER.sub("it", text).strip()
                    if WORD.search(words):
                        found.append(words if words[-1] in ".!?" else words + ".")
    return found


def syllables(word: str) -> int:
    return len(HYPHENATION.positions(word.lower())) + 1


def flesch_reading_ease(text: str) -> float:
    words = WORD.findall(text)
    sentences = max(1, len(SENTENCE_END.findall(text)))
    per_sentence = len(words) / sentences
    per_word = sum(syllables(word) for word in words) / len(words)
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word


def test_the_measure_tells_plain_words_from_hard_ones() -> None:
    plain = "Would you like a cup of tea? Touch your face. We will come and talk with you."
    hard = (
        "Individualised multidisciplinary interventions necessitate comprehensive "
        "documentation, notwithstanding organisational considerations."
    )
    assert flesch_reading_ease(plain) > 90
    assert flesch_reading_ease(hard) < 0
    assert syllables("afternoon") == 3 and syllables("tea") == 1


def test_resident_words_together_read_easily() -> None:
    words = resident_words()
    assert len(words) > 200  # the modules above really hold the resident's words
    score = flesch_reading_ease(" ".join(words))
    assert score >= 80, f"Flesch reading ease {score:.0f} (at least 80)"
