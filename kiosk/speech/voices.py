"""Which espeak-ng voice speaks each of the kiosk's languages."""

from __future__ import annotations

from dataclasses import dataclass

# espeak-ng voice ids as pyttsx3 lists them (`gmw/en` is British English).
VOICE_FOR_LANGUAGE = {
    "en_GB": "gmw/en",
    "cy": "cel/cy",
    "pl": "zlw/pl",
    "pa": "inc/pa",
}
DEFAULT_LANGUAGE = "en_GB"


@dataclass(frozen=True, slots=True)
class Voice:
    """A voice and a speed: with the words, the key of a cached recording."""

    voice_id: str
    rate: int  # words a minute


def voice_for(language: str, rate: int) -> Voice:
    return Voice(VOICE_FOR_LANGUAGE.get(language, VOICE_FOR_LANGUAGE[DEFAULT_LANGUAGE]), rate)
