"""``kiosk report evidence`` and ``kiosk print you-said``: the co-production evidence report
for an inspector, and the "You said, we did" poster for the lounge.

Both run on the kiosk's own account (``COMMAND_LINE``): whoever can run them can read the
database file itself. With ``--staff`` the report is made as that member of staff instead,
after their PIN. Every evidence report is audited.

Exit codes as for every command: 0 done; 1 refused (a wrong PIN, no right); 2 could not be
done (the message says why).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from kiosk.config import AppConfig

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def add_report_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    reporting = commands.add_parser(
        "report",
        parents=[common],
        help="make a report from the home's records, as a PDF",
        description="Make a report from the home's records.",
    )
    kinds = reporting.add_subparsers(dest="kind", metavar="KIND", required=True)
    evidence = kinds.add_parser(
        "evidence",
        parents=[common],
        help="the co-production evidence report for a period",
        description="The co-production evidence report for a period, for an inspector: who "
        "took part, every suggestion from 'said' to 'done' and how it went, polls, feedback, "
        "care-plan reviews and requests to talk. A one-page summary comes first.",
    )
    evidence.add_argument(
        "--from", dest="first", required=True, metavar="YYYY-MM-DD", help="the first day"
    )
    evidence.add_argument(
        "--to", dest="last", required=True, metavar="YYYY-MM-DD", help="the last day (included)"
    )
    evidence.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    evidence.add_argument(
        "--staff",
        metavar="NAME_OR_ID",
        help="make it as this manager (their PIN is asked); otherwise as the kiosk itself",
    )
    evidence.add_argument(
        "--locale", metavar="L", default=argparse.SUPPRESS, help="en_GB (default), cy, pl or pa"
    )
    evidence.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help="use the demo home"
    )


def add_you_said_command(
    documents: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> argparse.ArgumentParser:
    """``kiosk print you-said``; the caller adds the usual output options."""
    poster = documents.add_parser(
        "you-said",
        parents=[common],
        help="the 'You said, we did' poster for a month",
        description="A large-print poster for the lounge: the month's suggestions and what "
        "happened to each. It names nobody. Give --out, --printer, or both.",
    )
    poster.add_argument(
        "--month", metavar="YYYY-MM", help="the month, such as 2026-11 (default: this month)"
    )
    return poster


def report_command(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from kiosk.app import open_home
    from kiosk.cli_staff import read_pin, staff_member
    from kiosk.domain.access import COMMAND_LINE
    from kiosk.domain.errors import KioskError, LockedOutError, NotAllowedError, WrongPinError
    from kiosk.i18n import SOURCE_LANGUAGE, available_languages, load_translations
    from kiosk.printing.evidence import evidence_report_pdf
    from kiosk.printing.output import save_pdf
    from kiosk.services.evidence import EvidenceService
    from kiosk.services.staff import StaffService
    from kiosk.storage.database import open_database

    first, last = _day(args.first), _day(args.last)
    if first is None or last is None:
        return 2
    locale = getattr(args, "locale", None) or SOURCE_LANGUAGE
    config = AppConfig.build(data_dir=args.data_dir, demo=args.demo, locale=locale, environ=env)
    if locale not in available_languages(config.locales_dir):
        print(f"No language {locale!r}.", file=sys.stderr)
        return 2
    translate = load_translations(config.locales_dir, locale).gettext
    database = open_home(config) if config.demo else open_database(config.database_url)
    try:
        actor = COMMAND_LINE
        if args.staff is not None:
            staff = StaffService(database.sessions)
            member_id = staff_member(staff.sign_in_choices(), args.staff)
            if member_id is None:
                return 2
            try:
                actor = staff.sign_in(member_id, read_pin())
            except (WrongPinError, LockedOutError) as refused:
                print(refused.text(translate), file=sys.stderr)
                return 1
        try:
            report = EvidenceService(database.sessions).report(actor, first, last)
        except NotAllowedError as refused:
            print(refused.text(translate), file=sys.stderr)
            return 1
        except KioskError as problem:
            print(problem.text(translate), file=sys.stderr)
            return 2
    finally:
        database.dispose()
    pdf = evidence_report_pdf(
        report,
        locale=locale,
        translate=translate,
        pictures_dir=config.assets_dir / "pictures",
        fonts_dir=config.assets_dir / "fonts",
    )
    saved = save_pdf(pdf, args.out)
    print(f"Saved the evidence report for {first} to {last} to {saved}")
    return 0


def you_said_pdf(config: AppConfig, locale: str, month_text: str | None) -> bytes | None:
    """The poster for the month ``month_text`` names (or this month); None, with a message,
    when it names none."""
    from kiosk.app import open_home
    from kiosk.domain.access import COMMAND_LINE
    from kiosk.i18n import load_translations
    from kiosk.printing.you_said import you_said_poster_pdf
    from kiosk.services.evidence import EvidenceService
    from kiosk.services.settings import SettingsService
    from kiosk.services.week import WeekService
    from kiosk.storage.database import open_database

    month = _month(month_text) if month_text is not None else None
    if month_text is not None and month is None:
        return None
    database = open_home(config) if config.demo else open_database(config.database_url)
    try:
        month = month or WeekService(database.sessions).today().replace(day=1)
        chains = EvidenceService(database.sessions).you_said_we_did(COMMAND_LINE, month)
        home_name = SettingsService(database.sessions).home_name()
    finally:
        database.dispose()
    return you_said_poster_pdf(
        chains,
        month,
        home_name=home_name,
        locale=locale,
        translate=load_translations(config.locales_dir, locale).gettext,
        pictures_dir=config.assets_dir / "pictures",
        fonts_dir=config.assets_dir / "fonts",
    )


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        print(
            f"{text!r} is not a date. Write it as year-month-day, such as 2026-11-23.",
            file=sys.stderr,
        )
        return None


def _month(text: str) -> date | None:
    found = _MONTH.fullmatch(text.strip())
    if found is not None and 1 <= int(found[2]) <= 12:
        return date(int(found[1]), int(found[2]), 1)
    print(f"{text!r} is not a month. Write it as year-month, such as 2026-11.", file=sys.stderr)
    return None
