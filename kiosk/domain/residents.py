"""Residents: who they are at the kiosk and how it should look and sound for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.enums import CarePlanAccess, ContrastTheme
from kiosk.domain.errors import ValidationError
from kiosk.domain.text import N_

TEXT_SCALE_MIN = 100
TEXT_SCALE_MAX = 200
SPEECH_RATE_MIN = 80  # words per minute
SPEECH_RATE_MAX = 220
DEFAULT_SPEECH_RATE = 135  # slower than espeak's 175 for older listeners
NAME_MAX = 80
ROOM_MAX = 20
NOTES_MAX = 2000
FULL_NAME_MAX = 160


@dataclass(frozen=True, slots=True)
class Resident:
    id: int
    preferred_name: str
    room: str | None
    language: str
    text_scale: int
    contrast: ContrastTheme
    speech_rate: int
    talking_buttons: bool
    care_plan_access: CarePlanAccess
    has_pin: bool
    has_photo: bool
    support_notes: str | None
    active: bool
    archived_at: datetime | None
    full_name: str | None = None  # the name on their records, if it differs
    erased_at: datetime | None = None  # set once their records were erased, after they left

    @property
    def erased(self) -> bool:
        """True once their records were erased: they are shown only by an anonymous name."""
        return self.erased_at is not None

    @property
    def initials(self) -> str:
        """One or two letters for an avatar when there is no photo ("Mr Patel" gives "P")."""
        return initials_of(self.preferred_name)


TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "rev", "lady", "lord"})


def initials_of(name: str) -> str:
    """The first letters of the first and last words of a name, leaving out titles."""
    words = [word for word in name.split() if word.rstrip(".").casefold() not in TITLES]
    letters = [word[0] for word in words or name.split() if word[0].isalpha()]
    if not letters:
        return name.strip()[:1]
    return (letters[0] + letters[-1]).upper() if len(letters) > 1 else letters[0].upper()


@dataclass(frozen=True, slots=True)
class NewResident:
    """What staff enter to welcome a new resident. Only the name is required."""

    preferred_name: str
    full_name: str | None = None
    room: str | None = None
    language: str = "en_GB"
    text_scale: int = TEXT_SCALE_MIN
    contrast: ContrastTheme = ContrastTheme.STANDARD
    speech_rate: int = DEFAULT_SPEECH_RATE
    talking_buttons: bool = False
    care_plan_access: CarePlanAccess = CarePlanAccess.STAFF
    pin: str | None = None
    support_notes: str | None = None


@dataclass(frozen=True, slots=True)
class ResidentPreferences:
    """What a resident (or staff for them) may change about how the kiosk treats them.

    ``None`` means "leave as it is".
    """

    language: str | None = None
    text_scale: int | None = None
    contrast: ContrastTheme | None = None
    speech_rate: int | None = None
    talking_buttons: bool | None = None
    care_plan_access: CarePlanAccess | None = None


def check_text_scale(value: int) -> int:
    if not TEXT_SCALE_MIN <= value <= TEXT_SCALE_MAX:
        raise ValidationError(
            "text_scale",
            N_("Text size must be between {low} and {high} per cent."),
            low=TEXT_SCALE_MIN,
            high=TEXT_SCALE_MAX,
        )
    return value


def check_speech_rate(value: int) -> int:
    if not SPEECH_RATE_MIN <= value <= SPEECH_RATE_MAX:
        raise ValidationError(
            "speech_rate",
            N_("Speaking speed must be between {low} and {high} words a minute."),
            low=SPEECH_RATE_MIN,
            high=SPEECH_RATE_MAX,
        )
    return value


def check_access(access: CarePlanAccess, *, has_pin: bool) -> CarePlanAccess:
    if access is CarePlanAccess.PIN and not has_pin:
        raise ValidationError(
            "care_plan_access", N_("Set a PIN first, then the care plan can be opened with it.")
        )
    return access


def check_language(value: str, available: frozenset[str]) -> str:
    if value not in available:
        raise ValidationError("language", N_("That language is not available on this kiosk."))
    return value
