"""Cutting text into sentences that keep their place in the text (for highlighting)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? … or the Gurmukhi danda (। ॥), followed by space, or at a line end.
_END = re.compile(r"(?<=[.!?…।॥])[\"'”’)\]]*\s+|\n+")


# Words that end in a full stop without ending a sentence ("Mr. Patel").
_TITLES = frozenset({"mr.", "mrs.", "ms.", "dr.", "st.", "rev.", "prof.", "no.", "e.g.", "i.e."})


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # span in the whole text: text[start:end] is this sentence
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in order; together their spans cover every character that is not space."""
    sentences: list[Sentence] = []
    position = 0
    for match in [*_END.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        stripped_start = position + (len(text[position:end]) - len(text[position:end].lstrip()))
        stripped_end = position + len(text[position:end].rstrip())
        if stripped_end > stripped_start:
            sentences.append(Sentence(len(sentences), stripped_start, stripped_end))
        if match is not None:
            position = match.end()
    return _rejoin_titles(text, sentences)


def _rejoin_titles(text: str, sentences: list[Sentence]) -> list[Sentence]:
    joined: list[Sentence] = []
    for sentence in sentences:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and _ends_with_title(previous.of(text))
            and "\n" not in text[previous.end : sentence.start]
        ):
            joined[-1] = Sentence(previous.index, previous.start, sentence.end)
        else:
            joined.append(Sentence(len(joined), sentence.start, sentence.end))
    return joined


def _ends_with_title(sentence: str) -> bool:
    words = sentence.split()
    return bool(words) and words[-1].casefold() in _TITLES
