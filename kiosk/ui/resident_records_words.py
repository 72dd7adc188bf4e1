"""What the manager is told about a resident's records: where their copy was saved, and
what erasing did, with where their name is still written in other people's words.

Places are named as staff know them ("the audit log", "other residents' feedback"),
never as the database's tables; a table not listed here is named as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.domain.resident_records import ErasedCounts, Mention
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.printing.records_output import SavedRecords
from kiosk.ui.backups_words import path_words

CARE_PLANS = N_("other residents' care plans")
# Where a name may still be written after erasing, by table, as staff know it.
PLACES = {
    "audit_event": N_("the audit log"),
    "feedback": N_("other residents' feedback"),
    "proposal": N_("suggestions and their answers"),
    "schedule_slot": N_("the week's plan"),
    "activity": N_("activities"),
    "poll": N_("votes"),
    "poll_option": N_("votes"),
    "care_plan_version": CARE_PLANS,
    "care_plan_section": CARE_PLANS,
    "care_plan_goal": CARE_PLANS,
    "care_plan_routine": CARE_PLANS,
    "care_plan_risk": CARE_PLANS,
    "care_plan_review": CARE_PLANS,
    "talk_request": N_("requests to talk"),
    "resident": N_("other residents' details"),
    "staff": N_("staff names"),
    "dish": N_("dishes"),
    "setting": N_("the home's settings"),
    "backup_record": N_("the list of backups"),
}


def saved_words(words: Words, name: str, saved: SavedRecords) -> str:
    """ "Saved Edna's records in /media/usb: resident-7-records.pdf and
    resident-7-records.json."."""
    return words.gettext("Saved {name}'s records in {folder}: {pdf} and {json}.").format(
        name=name, folder=path_words(saved.pdf.parent), pdf=saved.pdf.name, json=saved.json.name
    )


def erased_words(words: Words, erased: ErasedCounts) -> str:
    """What the records call them now, then where their name is still written, if
    anywhere."""
    said = words.gettext("Their records now call them {name}.").format(name=erased.anonymous_name)
    still = mentions_words(words, erased.mentions)
    return f"{said}\n{still}" if still else said


def mentions_words(words: Words, mentions: Sequence[Mention]) -> str:
    """ "Their name is still written in 3 places others wrote: the audit log (1), other
    residents' feedback (2). …"; "" when it is written nowhere."""
    counts: dict[str, int] = {}
    for mention in mentions:
        place = PLACES.get(mention.table)
        name = words.gettext(place) if place is not None else mention.table
        counts[name] = counts.get(name, 0) + mention.rows
    total = sum(counts.values())
    if not total:
        return ""
    places = ", ".join(f"{name} ({rows})" for name, rows in counts.items())
    where = words.ngettext(
        "Their name is still written in {count} place others wrote: {places}.",
        "Their name is still written in {count} places others wrote: {places}.",
        total,
    ).format(count=total, places=places)
    return (
        where
        + " "
        + words.gettext("Erasing does not change other people's words: please look there by hand.")
    )
