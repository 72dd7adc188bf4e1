"""Languages: gettext catalogues read from ``locales/<code>/LC_MESSAGES/kiosk.po``.

English (UK) is the source language. Adding a language is adding a folder with a
``kiosk.po``. Catalogues are read from the ``.po`` text at start-up (through Babel), so
there is no compiled ``.mo`` file to forget to rebuild.

Code marks words with ``gettext`` / ``ngettext`` calls on a :class:`Words` object (the
screens are handed one), or with ``N_`` for words defined before a language is known.
"""

from __future__ import annotations

import gettext
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en_GB"
DOMAIN = "kiosk"


def available_languages(locales_dir: Path) -> frozenset[str]:
    found = {SOURCE_LANGUAGE}
    if locales_dir.is_dir():
        found.update(
            entry.name
            for entry in locales_dir.iterdir()
            if (entry / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
        )
    return frozenset(found)


def catalogue_path(locales_dir: Path, language: str) -> Path:
    return locales_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def load_translations(locales_dir: Path, language: str) -> gettext.NullTranslations:
    """The catalogue for ``language``; English (the source) or a missing file gives identity."""
    path = catalogue_path(locales_dir, language)
    if language == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo  # imported when needed: start-up stays quick
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)  # a fuzzy guess is never shown
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@dataclass(frozen=True)
class LanguageChoice:
    code: str
    own_name: str  # the language's name in its own words and script ("Cymraeg", "ਪੰਜਾਬੀ")


def language_choices(languages: frozenset[str]) -> list[LanguageChoice]:
    """Each language named in itself, English first, then by that name."""
    choices = [LanguageChoice(code, own_name(code)) for code in languages]
    return sorted(choices, key=lambda c: (c.code != SOURCE_LANGUAGE, c.own_name.casefold()))


def own_name(code: str) -> str:
    from babel import Locale

    locale = Locale.parse(code)
    name = locale.get_language_name(code) or code
    return name[:1].upper() + name[1:]


class Words:
    """Translations for one language at a time; ``switch`` changes the language in place."""

    def __init__(self, locales_dir: Path, language: str = SOURCE_LANGUAGE) -> None:
        self._locales_dir = locales_dir
        self._cache: dict[str, gettext.NullTranslations] = {}
        self.languages = available_languages(locales_dir)
        self.language = SOURCE_LANGUAGE
        self._translations: gettext.NullTranslations = gettext.NullTranslations()
        self._listeners: list[Callable[[str], None]] = []
        self.switch(language)

    def switch(self, language: str) -> None:
        if language not in self.languages:
            log.warning("Language %s is not installed; keeping %s", language, self.language)
            return
        if language == self.language and language in self._cache:
            return  # already speaking it: nothing to redo
        if language not in self._cache:
            self._cache[language] = load_translations(self._locales_dir, language)
        self.language = language
        self._translations = self._cache[language]
        for listener in list(self._listeners):
            listener(language)

    def on_switch(self, listener: Callable[[str], None]) -> Callable[[], None]:
        """Call ``listener(language)`` after each switch; returns a function that stops it."""
        self._listeners.append(listener)

        def stop() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return stop

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._translations.ngettext(singular, plural, count)

    def day_and_date(self, day: date) -> str:
        """ "Sunday 22 November", "Dydd Sul 22 Tachwedd", "ਐਤਵਾਰ 22 ਨਵੰਬਰ"."""
        from babel.dates import format_date

        return format_date(day, "EEEE d MMMM", locale=self.language)

    def day_name(self, day: date) -> str:
        from babel.dates import format_date

        return format_date(day, "EEEE", locale=self.language)

    def clock_time(self, moment: datetime) -> str:
        from babel.dates import format_time

        return format_time(moment, "short", locale=self.language)
