"""``kiosk resident records`` and ``kiosk resident erase``: a resident's data rights at the
command line, after a manager's PIN.

``records`` saves everything the kiosk keeps about one resident in a folder, as a
large-print PDF for them to read and a JSON file for any other program, both or neither.
``erase`` takes a resident who has moved out out of the home's records (their words and
details go; the counts stay true), after typing ERASE (or with ``--yes``).

Exit codes as for every command: 0 done; 1 refused (a wrong PIN, no right to do it, a
resident who still lives here or was erased already); 2 could not be done (the message
says why, and nothing was changed).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.cli_staff import read_pin, staff_member
from kiosk.config import AppConfig

if TYPE_CHECKING:
    from kiosk.domain.access import Actor
    from kiosk.domain.resident_records import ErasedCounts
    from kiosk.storage.database import Database

CONFIRM_WORD = "ERASE"


def add_records_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    resident = commands.add_parser(
        "resident",
        parents=[common],
        help="a resident's own records: a copy for them, or erasing them after they have left",
        description="A resident's data rights, for the manager (their PIN is asked for). "
        "Every use is recorded in the audit log.",
    )
    actions = resident.add_subparsers(dest="action", metavar="ACTION", required=True)
    records = actions.add_parser(
        "records",
        parents=[common],
        help="save everything kept about a resident, as a large-print PDF and a JSON file",
        description="Save everything the kiosk keeps about one resident in FOLDER: "
        "resident-ID-records.pdf, in large print for them to read, and "
        "resident-ID-records.json for other programs. Both files are saved, or neither.",
    )
    _add_resident_and_staff(records)
    records.add_argument(
        "--out", type=Path, required=True, metavar="FOLDER", help="where to save the two files"
    )
    records.add_argument(
        "--locale",
        metavar="L",
        default=argparse.SUPPRESS,
        help="the PDF's language: en_GB, cy, pl or pa (default: the resident's own)",
    )
    erase = actions.add_parser(
        "erase",
        parents=[common],
        help="take a resident who has moved out out of the records, for good",
        description="Erase a resident who has moved out: their name, room, PIN, photo, "
        "notes and their own words go; every count stays true. Asks you to type ERASE "
        "unless --yes is given. It cannot be undone: save their records first if they "
        "want a copy.",
    )
    _add_resident_and_staff(erase)
    erase.add_argument("--yes", action="store_true", help="do not ask to type ERASE")


def _add_resident_and_staff(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--resident", type=int, required=True, metavar="ID", help="the resident's number"
    )
    command.add_argument(
        "--staff", required=True, metavar="NAME_OR_ID", help="the manager (their PIN is asked)"
    )
    command.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help="the demo home"
    )


def resident_command(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    """``kiosk resident records|erase``."""
    from kiosk.storage.database import open_database

    config = AppConfig.build(data_dir=args.data_dir, demo=args.demo, environ=env)
    database = open_database(config.database_url, create=False)
    try:
        if args.action == "records":
            return _records(args, config, database)
        return _erase(args, config, database)
    finally:
        database.dispose()


def _signed_in(database: Database, wanted: str, nothing_done: str) -> Actor | int:
    """The member of staff ``wanted``, signed in with the PIN they type; or the exit code
    (with a message) when that cannot be."""
    from kiosk.domain.errors import LockedOutError, WrongPinError
    from kiosk.services.staff import StaffService

    staff = StaffService(database.sessions)
    member_id = staff_member(staff.sign_in_choices(), wanted)
    if member_id is None:
        return 2
    pin = read_pin()
    if not pin:
        print(f"No PIN was given, so {nothing_done}.", file=sys.stderr)
        return 2
    try:
        return staff.sign_in(member_id, pin)
    except (WrongPinError, LockedOutError) as refused:
        print(refused.text(), file=sys.stderr)
        return 1


def _records(args: argparse.Namespace, config: AppConfig, database: Database) -> int:
    from kiosk.domain.errors import NotAllowedError
    from kiosk.i18n import SOURCE_LANGUAGE, available_languages, load_translations
    from kiosk.printing.records_output import RecordsNotSaved, save_resident_records
    from kiosk.services.resident_records import ResidentRecordsService
    from kiosk.services.settings import SettingsService
    from kiosk.services.week import WeekService

    languages = available_languages(config.locales_dir)
    wanted = getattr(args, "locale", None)
    if wanted is not None and wanted not in languages:
        print(f"No language {wanted!r}. Try: {', '.join(sorted(languages))}.", file=sys.stderr)
        return 2
    actor = _signed_in(database, args.staff, "nothing was saved")
    if isinstance(actor, int):
        return actor
    try:
        records = ResidentRecordsService(database.sessions).records(actor, args.resident)
    except NotAllowedError as refused:
        print(refused.text(), file=sys.stderr)
        return 1
    week = WeekService(database.sessions)
    own = records.details.language
    locale = wanted or (own if own in languages else SOURCE_LANGUAGE)
    folder: Path = args.out.expanduser().resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        saved = save_resident_records(
            records,
            folder,
            home_name=SettingsService(database.sessions).home_name(),
            locale=locale,
            translate=load_translations(config.locales_dir, locale).gettext,
            pictures_dir=config.assets_dir / "pictures",
            fonts_dir=config.assets_dir / "fonts",
            printed_on=week.today(),
            zone=week.home_zone(),
        )
    except OSError as error:  # the folder could not be made
        print(f"Could not save the files in {folder}: {error.strerror or error}.", file=sys.stderr)
        return 2
    except RecordsNotSaved as problem:
        print(f"Could not save the files in {folder}: {problem.reason}.", file=sys.stderr)
        return 2
    print(
        f"Saved resident {args.resident}'s records in {folder}: "
        f"{saved.pdf.name} and {saved.json.name}"
    )
    return 0


def _erase(args: argparse.Namespace, config: AppConfig, database: Database) -> int:
    from kiosk.domain.access import Capability
    from kiosk.domain.errors import NotAllowedError
    from kiosk.i18n import available_languages
    from kiosk.services.resident_records import STILL_LIVES_HERE, ResidentRecordsService
    from kiosk.services.residents import ResidentsService

    actor = _signed_in(database, args.staff, "nothing was erased")
    if isinstance(actor, int):
        return actor
    try:
        actor.require(Capability.MANAGE_RESIDENTS)  # refused before asking to confirm
    except NotAllowedError as refused:
        print(refused.text(), file=sys.stderr)
        return 1
    residents = ResidentsService(
        database.sessions, languages=available_languages(config.locales_dir)
    )
    resident = residents.get(args.resident, actor)
    if resident.active or resident.archived_at is None:  # refused before asking to confirm
        print(STILL_LIVES_HERE.format(name=resident.preferred_name), file=sys.stderr)
        return 1
    if not args.yes and not _confirmed(resident.preferred_name, args.resident):
        print("Nothing was erased.", file=sys.stderr)
        return 2
    try:
        erased = ResidentRecordsService(database.sessions).erase(actor, args.resident)
    except NotAllowedError as refused:
        print(refused.text(), file=sys.stderr)
        return 1
    _tell(erased)
    return 0


def _confirmed(name: str, resident_id: int) -> bool:
    """Asks for ERASE, typed at a terminal or as the next line piped in (after the PIN)."""
    print(
        f"This takes {name} (resident {resident_id}) out of the home's records for good: "
        "their name, room, PIN, photo, notes and all their own words. Every count stays "
        "as it is. It cannot be undone."
    )
    prompt = f"Type {CONFIRM_WORD} to confirm: "
    if sys.stdin is not None and sys.stdin.isatty():
        answer = input(prompt)
    else:
        print(prompt)
        answer = sys.stdin.readline() if sys.stdin is not None else ""
    return answer.strip() == CONFIRM_WORD


def _tell(erased: ErasedCounts) -> None:
    print(
        f"Erased resident {erased.resident_id}. The records now call them {erased.anonymous_name}."
    )
    print(
        f"Words taken out of {erased.suggestions} suggestions, {erased.feedback} feedback, "
        f"{erased.plan_versions} care-plan versions, {erased.reviews} reviews and "
        f"{erased.talk_requests} talk requests; {erased.photos} photos deleted."
    )
    if erased.mentions:
        places = ", ".join(
            f"{mention.table}.{mention.column} ({mention.rows})" for mention in erased.mentions
        )
        print(
            f"Their name is still written in: {places}. Those are other people's words or "
            "the audit log, which erasing does not change: please look at them by hand."
        )
