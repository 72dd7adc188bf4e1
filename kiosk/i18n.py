"""Which languages the kiosk can speak: English (UK) as the source, plus a folder per language.

Adding a language is adding ``locales/<code>/LC_MESSAGES/``.
"""

from __future__ import annotations

from pathlib import Path

SOURCE_LANGUAGE = "en_GB"


def available_languages(locales_dir: Path) -> frozenset[str]:
    found = {SOURCE_LANGUAGE}
    if locales_dir.is_dir():
        found.update(
            entry.name for entry in locales_dir.iterdir() if (entry / "LC_MESSAGES").is_dir()
        )
    return frozenset(found)
