"""Backups in words: when the last good one was, what "Back up now" did, each attempt.

Times are shown on the home's clock (``zone``; None: the computer's own). Sizes follow
the language's way of writing numbers ("2.1 MB").
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from kiosk.domain.backups import BackupAttempt, BackupPlace, BackupRun, BackupStatus
from kiosk.i18n import Words

SEPARATOR = "\u00a0· "  # the dot stays with the words before it
FLAG = "⚑ "
KILOBYTE = 1000
MEGABYTE = 1000 * 1000
BREAK = "\u200b"  # lets a long path wrap after each "/", and adds nothing to what is read


def moment_words(words: Words, moment: datetime, zone: tzinfo | None) -> str:
    """ "Sunday 22 November at 14:02"."""
    local = moment.astimezone(zone)
    return words.gettext("{day} at {time}").format(
        day=words.day_and_date(local.date()), time=words.clock_time(local)
    )


def status_words(
    words: Words, status: BackupStatus, zone: tzinfo | None, *, tell_the_manager: bool
) -> str:
    """When the last good backup was, flagged (⚑) when there is none or it is over two days
    old. Other staff are asked to tell the manager; the manager is not."""
    gettext = words.gettext
    if status.last_good_at is None:
        if tell_the_manager:
            return gettext("⚑ There is no good backup yet. Please tell the manager.")
        return gettext("⚑ There is no good backup yet.")
    when = moment_words(words, status.last_good_at, zone)
    if not status.warning:
        return gettext("Last good backup: {when}.").format(when=when)
    if tell_the_manager:
        return gettext(
            "⚑ The last good backup was on {when}, over two days ago. Please tell the manager."
        ).format(when=when)
    return gettext("⚑ The last good backup was on {when}, over two days ago.").format(when=when)


def size_words(words: Words, byte_size: int) -> str:
    """ "2.1 MB", "840 kB"."""
    from babel.units import format_unit

    if byte_size >= MEGABYTE:
        return _unbreakable(
            format_unit(
                byte_size / MEGABYTE, "digital-megabyte", "short", "#,##0.0", locale=words.language
            )
        )
    kilobytes = max(1, round(byte_size / KILOBYTE))
    size = format_unit(kilobytes, "digital-kilobyte", "short", locale=words.language)
    return _unbreakable(size)


def path_words(path: Path | str) -> str:
    """A path (or words with paths in them) that may wrap after each "/" when it is too
    long for its line."""
    return str(path).replace("/", "/" + BREAK)


def run_words(words: Words, run: BackupRun, zone: tzinfo | None) -> str:
    """What "Back up now" did, on this computer and in the folder for the copy."""
    gettext = words.gettext
    here = run.here
    if here.ok:
        first = gettext("Backed up at {time}: {size}, checked and kept on this computer.").format(
            time=words.clock_time(here.when.astimezone(zone)),
            size=size_words(words, here.byte_size or 0),
        )
    else:
        first = FLAG + gettext("Not backed up. {problem}").format(
            problem=path_words(here.problem or "")
        )
    copy = run.copy
    if copy is None:
        return first
    folder = path_words(copy.destination.parent)
    if copy.ok:
        second = gettext("A copy is in {folder} too.").format(folder=folder)
    else:
        second = FLAG + gettext("No copy was made. {problem}").format(
            problem=path_words(copy.problem or "")
        )
    return f"{first}\n{second}"


def attempt_words(words: Words, attempt: BackupAttempt, zone: tzinfo | None) -> str:
    """ "Sunday 22 November at 14:02 · On this computer · 2.1 MB · OK"; for one that failed,
    "… · ⚑ Not done:" and the problem on a line of its own."""
    parts = [moment_words(words, attempt.when, zone), place_words(words, attempt)]
    if attempt.ok:
        parts += [size_words(words, attempt.byte_size or 0), words.gettext("OK")]
        return SEPARATOR.join(parts)
    parts.append(FLAG + words.gettext("Not done:"))
    return SEPARATOR.join(parts) + "\n" + path_words(attempt.problem or "")


def place_words(words: Words, attempt: BackupAttempt) -> str:
    gettext = words.gettext
    if attempt.place is BackupPlace.THIS_COMPUTER:
        return gettext("On this computer")
    if attempt.place is BackupPlace.COPY_FOLDER:
        return gettext("Copy in {folder}").format(folder=path_words(attempt.destination.parent))
    return gettext("Saved as {file}").format(file=path_words(attempt.destination))


def _unbreakable(words: str) -> str:
    """ "2.1 MB" kept on one line."""
    return words.replace(" ", "\u00a0")
