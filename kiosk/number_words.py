"""Numbers in words ("seven", "saith", "siedem") for the screens, print and speech.

A count said in words is easier to take in than a digit alone, for a reader and for a
listener. The words come from ``num2words``, which knows English, Welsh and Polish. For a
language it lacks (Punjabi, for one) the digits are shown instead: espeak-ng reads digits
aloud in the voice's own language, so nothing is lost when it is heard.

Plain Python, no Qt: the ui, printing and speech may all use it.
"""

from __future__ import annotations

from functools import cache


def number_in_words(number: int, language: str) -> str:
    """``number`` in words in ``language`` (a code such as "en_GB", "cy", "pl", "pa"), or
    its digits where the words are not known."""
    convert = _converter(language)
    if convert is None:
        return str(number)
    return convert(number)


def has_number_words(language: str) -> bool:
    """True when numbers can be said in words in ``language`` (False: digits are shown)."""
    return _converter(language) is not None


@cache
def _converter(language: str) -> _Convert | None:
    from num2words import CONVERTER_CLASSES  # imported when first needed: start-up stays quick

    for code in _candidates(language):
        if code in CONVERTER_CLASSES:
            return _Convert(code)
    return None


def _candidates(language: str) -> list[str]:
    """ "en_GB" → ["en_GB", "en"]; "cy" → ["cy"]."""
    code = language.replace("-", "_")
    base = code.split("_", 1)[0]
    return [code, base] if base != code else [code]


class _Convert:
    """``num2words`` for one language; a number it cannot say comes back as digits."""

    def __init__(self, code: str) -> None:
        self.code = code

    def __call__(self, number: int) -> str:
        from num2words import num2words

        try:
            return str(num2words(number, lang=self.code))
        except (NotImplementedError, OverflowError, ValueError):
            return str(number)
