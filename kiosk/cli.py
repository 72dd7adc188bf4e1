"""The ``kiosk`` command: the kiosk window by default, and sub-commands for staff and set-up.

Exit codes: 0 done; 1 a check found problems; 2 could not be done (the message says why).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__
from kiosk.cli_backup import add_backup_commands, backup_command, restore_command
from kiosk.cli_export import add_export_command, export_command
from kiosk.cli_records import add_records_commands, resident_command
from kiosk.cli_report import add_report_command, add_you_said_command, report_command, you_said_pdf
from kiosk.cli_staff import read_pin, staff_member
from kiosk.config import AppConfig
from kiosk.domain.errors import KioskError

if TYPE_CHECKING:
    from kiosk.speech.voices import Voice
    from kiosk.storage.database import Database

NO_DISPLAY_HINT = (
    "No display found. To try the kiosk on a machine without a screen, run it under a "
    "virtual one:  xvfb-run -a -s '-screen 0 1280x800x24' make run"
)


def _data_dir_option(default: object) -> argparse.ArgumentParser:
    """``--data-dir``, accepted before or after the sub-command."""
    holder = argparse.ArgumentParser(add_help=False)
    holder.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        default=default,
        help="folder for the database, logs and backups (default: KIOSK_DATA_DIR or the "
        "platform's user data folder)",
    )
    return holder


def build_parser() -> argparse.ArgumentParser:
    # Sub-commands SUPPRESS their copy of an option's default, so a value given before the
    # sub-command ("kiosk --data-dir X check") is not reset by the sub-command's parser.
    common = _data_dir_option(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Our Say: a touch-screen kiosk for co-production in care homes.",
        parents=[_data_dir_option(None)],
    )
    parser.add_argument("--version", action="version", version=f"Our Say {__version__}")
    parser.add_argument("--windowed", action="store_true", help="a normal window, not full screen")
    parser.add_argument("--locale", metavar="L", help="language to start in, such as cy or pl")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the demo home in its own folder, seeding it the first time",
    )
    parser.add_argument(
        "--text-scale",
        type=int,
        metavar="S",
        choices=range(100, 201),
        help="text size in per cent, 100 to 200, for every screen",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE",
        help="draw one screen to a PNG file and exit (needs no display)",
    )
    parser.add_argument(
        "--screen", default="home", metavar="NAME", help="with --screenshot: which screen"
    )
    parser.add_argument(
        "--size",
        type=_size,
        default=(1280, 800),
        metavar="WxH",
        help="with --screenshot: the window size (default 1280x800)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo_data = commands.add_parser(
        "demo-data",
        parents=[common],
        help="seed the demo home (only ever into a demo database)",
        description="Create and fill the demo home. Refuses a database that holds a real home. "
        "With --scale, a bigger made-up home with years of history instead, to try the kiosk "
        "at scale (into a new demo folder: it refuses one that already holds a home).",
    )
    demo_data.add_argument(
        "--scale",
        type=_demo_scale,
        metavar="SIZE",
        help="5y: 200 residents over five years; 1y: 60 residents over one year; or "
        "RESIDENTSxYEARS, such as 12x0.5",
    )
    check = commands.add_parser(
        "check",
        parents=[common],
        help="check the database for damage and broken links",
        description="Run integrity and foreign-key checks. Exit 0 only when all is well.",
    )
    check.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help="check the demo home"
    )
    say = commands.add_parser(
        "say",
        parents=[common],
        help="speak some words with the kiosk's own voices (to test speech)",
        description="Speak TEXT through the same speech worker and voices the screens use: "
        "play it, or write it to a WAV file with --out.",
    )
    say.add_argument("text", metavar="TEXT")
    say.add_argument("--locale", default="en_GB", help="en_GB (default), cy, pl or pa")
    say.add_argument(
        "--rate", type=int, default=None, help="words a minute (default: the residents' default)"
    )
    say.add_argument("--out", type=Path, metavar="FILE.wav", help="write a WAV file; do not play")
    _add_print_commands(commands, common)
    add_backup_commands(commands, common)
    add_export_command(commands, common)
    add_report_command(commands, common)
    add_records_commands(commands, common)
    return parser


def _add_print_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    printing = commands.add_parser(
        "print",
        parents=[common],
        help="make large-print documents: save them as PDF, print them, or both",
        description="Make a large-print (clear print) document from the home's data.",
    )
    documents = printing.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    menu = documents.add_parser(
        "menu",
        parents=[common],
        help="the week's menu (or one day's table card)",
        description="The week's menu, one day to a page, with pictures and allergens in "
        "words; or, with --card, one day's menu card for the dining tables (A5). Give "
        "--out, --printer, or both.",
    )
    menu.add_argument(
        "--week", metavar="YYYY-Www", help="the week, such as 2026-W48 (default: this week)"
    )
    menu.add_argument(
        "--card", metavar="YYYY-MM-DD", help="a menu card for this day instead of the week"
    )
    _add_output_options(menu)
    schedule = documents.add_parser(
        "schedule",
        parents=[common],
        help="the week's activities (or a 'Today' poster)",
        description="The week's activities with pictures, times and places: on A4, one day "
        "to a page, or on A3, the week on one sheet. Or, with --today, one day's poster in "
        "the biggest print that fits A4. Give --out, --printer, or both.",
    )
    schedule.add_argument(
        "--week", metavar="YYYY-Www", help="the week, such as 2026-W48 (default: this week)"
    )
    schedule.add_argument(
        "--paper",
        choices=("a4", "a3"),
        default="a4",
        help="a4: a day to a page (the default); a3: the week on one sheet",
    )
    schedule.add_argument(
        "--today",
        nargs="?",
        const="",
        metavar="YYYY-MM-DD",
        help="a 'Today' poster for this day instead of the week (with no date: today)",
    )
    _add_output_options(schedule)
    _add_care_plan_command(documents, common)
    _add_output_options(add_you_said_command(documents, common))


def _add_output_options(document: argparse.ArgumentParser) -> None:
    """Where a printed document goes, in which language, from which home: the same for each."""
    document.add_argument("--out", type=Path, metavar="FILE.pdf", help="save the PDF here")
    document.add_argument(
        "--printer",
        nargs="?",
        const="",
        metavar="NAME",
        help="print on the printer NAME (with no name: on the usual printer)",
    )
    document.add_argument(
        "--locale",
        metavar="L",
        default=argparse.SUPPRESS,
        help="language: en_GB (default), cy, pl or pa",
    )
    document.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help="use the demo home"
    )


def _add_care_plan_command(
    documents: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    care_plan = documents.add_parser(
        "care-plan",
        parents=[common],
        help="a resident's own copy of their care plan (needs a staff PIN)",
        description="A resident's care plan in large print on A4, for them to keep. Only "
        "staff who write care plans may print one: give your name with --staff and type "
        "your PIN when asked (or pipe it in). Every print is recorded in the audit log. "
        "Give --out, --printer, or both.",
    )
    care_plan.add_argument(
        "--resident", type=int, required=True, metavar="ID", help="the resident's number"
    )
    care_plan.add_argument(
        "--staff",
        required=True,
        metavar="NAME_OR_ID",
        help="who is printing it: your name (or first name), or your staff number",
    )
    _add_output_options(care_plan)


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    env = os.environ if environ is None else environ
    handlers: dict[str | None, Callable[[argparse.Namespace, Mapping[str, str]], int]] = {
        None: _run_gui,
        "demo-data": _demo_data,
        "check": _check,
        "say": _say,
        "print": _print,
        "backup": backup_command,
        "restore": partial(restore_command, check=_check),
        "export": export_command,
        "report": report_command,
        "resident": resident_command,
    }
    try:
        return handlers[args.command](args, env)
    except KioskError as error:
        print(error.text(), file=sys.stderr)
        return 2


def _run_gui(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    config = AppConfig.build(
        data_dir=args.data_dir,
        demo=args.demo,
        locale=args.locale,
        windowed=args.windowed or args.screenshot is not None,
        text_scale=args.text_scale,
        environ=env,
    )
    if args.screenshot is not None:
        from kiosk.app import SCREEN_NAMES, take_screenshot

        if args.screen not in SCREEN_NAMES:
            print(f"No screen called {args.screen!r}. Try: {', '.join(SCREEN_NAMES)}.")
            return 2
        return take_screenshot(config, out=args.screenshot, screen=args.screen, size=args.size)
    if _lacks_display(env):
        print(NO_DISPLAY_HINT, file=sys.stderr)
        return 2
    from kiosk.app import run_gui

    return run_gui(config)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("a size is WIDTHxHEIGHT, like 1280x800") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError("that size is not a real screen's")
    return width, height


# ``demo-data --scale``: (residents living here at any one time, years of history).
DEMO_SCALES: dict[str, tuple[int, float]] = {"1y": (60, 1.0), "5y": (200, 5.0)}
MAX_SCALE = (1000, 10.0)


def _demo_scale(text: str) -> tuple[int, float]:
    """``5y``, ``1y``, or ``RESIDENTSxYEARS`` (``12x0.5``)."""
    if text in DEMO_SCALES:
        return DEMO_SCALES[text]
    try:
        residents, years = text.lower().split("x")
        scale = int(residents), float(years)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"a scale is {' or '.join(DEMO_SCALES)}, or RESIDENTSxYEARS like 12x0.5"
        ) from None
    if not (1 <= scale[0] <= MAX_SCALE[0] and 0 < scale[1] <= MAX_SCALE[1]):
        raise argparse.ArgumentTypeError(
            f"from 1 to {MAX_SCALE[0]} residents, over at most {MAX_SCALE[1]:g} years"
        )
    return scale


def _demo_data(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from kiosk.logs import setup_logging
    from kiosk.storage.database import ensure_private_dir, open_database
    from kiosk.storage.demo import seed_demo_home

    config = AppConfig.build(data_dir=args.data_dir, demo=True, environ=env)
    ensure_private_dir(config.data_dir)
    setup_logging(config.log_dir)
    database = open_database(config.database_url, create=True, kind=config.database_kind)
    try:
        if args.scale is not None:
            return _generate_demo(database, config, *args.scale)
        summary = seed_demo_home(database)
    finally:
        database.dispose()
    state = "Seeded" if summary.seeded else "Already seeded:"
    print(f"{state} the demo home in {config.data_dir}")
    print(
        f"  {summary.counts['resident']} residents, {summary.counts['dish']} dishes, "
        f"{summary.counts['activity']} activities, {summary.counts['proposal']} suggestions, "
        f"{summary.counts['care_plan']} care plans"
    )
    return 0


def _generate_demo(database: Database, config: AppConfig, residents: int, years: float) -> int:
    """A made-up home of ``residents`` beds over ``years``, ending today, into an empty demo
    database (a live one, or one already holding a home, is refused untouched)."""
    from datetime import datetime

    from kiosk.storage.demo import HOME_ZONE
    from kiosk.storage.generated import generate_home

    summary = generate_home(
        database, residents=residents, years=years, end=datetime.now(HOME_ZONE).date()
    )
    counts = summary.counts
    print(
        f"Generated a home of {residents} residents over {years:g} years "
        f"({summary.first_day} to {summary.last_day}) in {config.data_dir}, "
        f"in {summary.seconds:.1f} s"
    )
    print(
        f"  {counts.get('resident', 0)} residents in all, {counts.get('ballot', 0)} ballots, "
        f"{counts.get('proposal', 0)} suggestions, {counts.get('feedback', 0)} feedback, "
        f"{counts.get('care_plan_version', 0)} care-plan versions, "
        f"{counts.get('audit_event', 0)} audit events"
    )
    return 0


def _check(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from kiosk.storage.database import check_database, open_database

    config = AppConfig.build(data_dir=args.data_dir, demo=args.demo, environ=env)
    database = open_database(config.database_url, create=False)
    try:
        report = check_database(database)
    finally:
        database.dispose()
    print(f"Database: {database.location} ({database.kind.value})")
    for problem in report.problems:
        print(f"  PROBLEM {problem}")
    print(f"  {sum(report.counts.values())} rows in {len(report.counts)} tables")
    print("All checks passed." if report.ok else f"{len(report.problems)} problem(s) found.")
    return 0 if report.ok else 1


def _say(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    import tempfile

    from kiosk.domain.residents import DEFAULT_SPEECH_RATE, check_speech_rate
    from kiosk.speech.voices import VOICE_FOR_LANGUAGE, voice_for

    if args.locale not in VOICE_FOR_LANGUAGE:
        print(f"No voice for {args.locale!r}. Try: {', '.join(VOICE_FOR_LANGUAGE)}.")
        return 2
    if not args.text.strip():
        print("There are no words to say.")
        return 2
    rate = check_speech_rate(args.rate) if args.rate is not None else DEFAULT_SPEECH_RATE
    voice = voice_for(args.locale, rate)
    with tempfile.TemporaryDirectory(prefix="kiosk-say-") as scratch:
        if args.out is not None:
            return _say_to_file(args.text, voice, args.out, Path(scratch))
        return _say_aloud(args.text, voice, Path(scratch))


def _say_to_file(text: str, voice: Voice, out: Path, scratch: Path) -> int:
    import threading

    from kiosk.speech.cache import SpeechCache
    from kiosk.speech.recording import join_wavs
    from kiosk.speech.synthesizer import Synthesizer

    parts: list[Path] = []
    problem: list[str] = []
    done = threading.Event()

    class Collect:
        def sentence_ready(self, _utterance: int, _sentence: object, recording: Path) -> None:
            parts.append(recording)

        def finished(self, _utterance: int) -> None:
            done.set()

        def failed(self, _utterance: int, reason: str) -> None:
            problem.append(reason)
            done.set()

    synthesizer = Synthesizer(SpeechCache(scratch))
    try:
        synthesizer.speak(text, voice, Collect())
        done.wait()
    finally:
        synthesizer.close()
    if problem:
        print(f"Could not speak: {problem[0]}", file=sys.stderr)
        return 2
    seconds = join_wavs(parts, out)
    print(f"Wrote {out} ({seconds:.1f} s, {len(parts)} sentences, voice {voice.voice_id})")
    return 0


def _say_aloud(text: str, voice: Voice, scratch: Path) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # sound needs no window
    from PySide6.QtWidgets import QApplication

    from kiosk.speech.cache import SpeechCache
    from kiosk.speech.synthesizer import Synthesizer
    from kiosk.ui.speech_player import SpeechPlayer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    synthesizer = Synthesizer(SpeechCache(scratch))
    failures: list[str] = []
    try:
        player = SpeechPlayer(synthesizer)
        player.failed.connect(failures.append)
        player.stopped.connect(app.quit)
        if player.speak(text, voice):
            app.exec()
    finally:
        synthesizer.close()
    if failures or not synthesizer.available:
        print(f"Could not speak: {(failures or [synthesizer.unavailable_reason])[0]}")
        return 2
    print(f"Said it with voice {voice.voice_id} at {voice.rate} words a minute.")
    return 0


_ISO_WEEK = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)


def _print(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    """``kiosk print menu|schedule|care-plan|you-said``: read it from the database, lay it out, save
    and/or print."""
    from kiosk.i18n import SOURCE_LANGUAGE, available_languages

    locale = getattr(args, "locale", None) or SOURCE_LANGUAGE
    config = AppConfig.build(data_dir=args.data_dir, demo=args.demo, locale=locale, environ=env)
    languages = available_languages(config.locales_dir)
    if locale not in languages:
        print(f"No language {locale!r}. Try: {', '.join(sorted(languages))}.", file=sys.stderr)
        return 2
    if args.out is None and args.printer is None:
        what = args.document.replace("-", " ")
        print(
            f"Say where the {what} should go: --out FILE.pdf, --printer NAME, or both.",
            file=sys.stderr,
        )
        return 2
    if args.document == "schedule":
        return _print_schedule(args, config, locale)
    if args.document == "care-plan":
        return _print_care_plan(args, config, locale)
    if args.document == "you-said":
        poster = you_said_pdf(config, locale, args.month)
        if poster is None:
            return 2
        return _deliver(poster, out=args.out, printer=args.printer, title="Poster")
    card = _card_day(args.card)
    monday = _week_monday(args.week)
    if (args.card is not None and card is None) or (args.week is not None and monday is None):
        return 2
    if card is not None and monday is not None and not 0 <= (card - monday).days < 7:
        print(f"{card.isoformat()} is not in the week {args.week}.", file=sys.stderr)
        return 2
    pdf = _menu_pdf(config, locale, monday=monday, card=card)
    return _deliver(pdf, out=args.out, printer=args.printer, title="Menu")


def _print_schedule(args: argparse.Namespace, config: AppConfig, locale: str) -> int:
    """``kiosk print schedule``: the week on A4 or A3, or (``--today``) one day's poster."""
    poster = args.today is not None
    today = _card_day(args.today) if args.today else None
    monday = _week_monday(args.week)
    if (args.today and today is None) or (args.week is not None and monday is None):
        return 2
    if today is not None and monday is not None and not 0 <= (today - monday).days < 7:
        print(f"{today.isoformat()} is not in the week {args.week}.", file=sys.stderr)
        return 2
    if poster and not args.today and monday is not None:
        print(
            f"Say which day of {args.week} the poster is for: --today YYYY-MM-DD.",
            file=sys.stderr,
        )
        return 2
    if poster and args.paper == "a3":
        print("The 'Today' poster is printed on A4. Leave out --paper a3.", file=sys.stderr)
        return 2
    pdf = _schedule_pdf(config, locale, monday=monday, poster=poster, day=today, paper=args.paper)
    title = "Today poster" if poster else "Schedule"
    media = "A3" if args.paper == "a3" else None
    return _deliver(pdf, out=args.out, printer=args.printer, title=title, media=media)


def _print_care_plan(args: argparse.Namespace, config: AppConfig, locale: str) -> int:
    """``kiosk print care-plan``: a resident's own large-print copy, printed by a member of
    staff with the right to write care plans, after their PIN. Refusals exit 1."""
    from kiosk.app import open_home
    from kiosk.domain.errors import LockedOutError, NotAllowedError, WrongPinError
    from kiosk.i18n import load_translations
    from kiosk.printing.care_plan import care_plan_pdf
    from kiosk.services.care_plans import CarePlanService
    from kiosk.services.settings import SettingsService
    from kiosk.services.staff import StaffService
    from kiosk.services.week import WeekService
    from kiosk.storage.database import open_database

    database = open_home(config) if config.demo else open_database(config.database_url)
    try:
        staff = StaffService(database.sessions)
        member_id = staff_member(staff.sign_in_choices(), args.staff)
        if member_id is None:
            return 2
        pin = read_pin()
        if not pin:
            print("No PIN was given, so nothing was printed.", file=sys.stderr)
            return 2
        try:
            actor = staff.sign_in(member_id, pin)
            plan = CarePlanService(database.sessions).for_printing(actor, args.resident)
        except (WrongPinError, LockedOutError, NotAllowedError) as refused:
            print(refused.text(), file=sys.stderr)
            return 1
        if plan is None:
            print(
                "This resident's care plan has not been written yet, so there is nothing to print.",
                file=sys.stderr,
            )
            return 1
        home_name = SettingsService(database.sessions).home_name()
        printed_on = WeekService(database.sessions).today()
    finally:
        database.dispose()
    pdf = care_plan_pdf(
        plan,
        home_name=home_name,
        locale=locale,
        translate=load_translations(config.locales_dir, locale).gettext,
        pictures_dir=config.assets_dir / "pictures",
        fonts_dir=config.assets_dir / "fonts",
        printed_on=printed_on,
    )
    return _deliver(pdf, out=args.out, printer=args.printer, title="Care plan")


def _week_monday(text: str | None) -> date | None:
    """The Monday of an ISO week such as ``2026-W48``; None (and a message) if it is not one."""
    if text is None:
        return None
    found = _ISO_WEEK.fullmatch(text.strip())
    try:
        if found is None:
            raise ValueError(text)
        return date.fromisocalendar(int(found[1]), int(found[2]), 1)
    except ValueError:
        print(
            f"{text!r} is not a week. Write it as year-W-week, such as 2026-W48.", file=sys.stderr
        )
        return None


def _card_day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        print(
            f"{text!r} is not a date. Write it as year-month-day, such as 2026-11-23.",
            file=sys.stderr,
        )
        return None


def _menu_pdf(config: AppConfig, locale: str, *, monday: date | None, card: date | None) -> bytes:
    from kiosk.app import open_home
    from kiosk.domain.meals import MenuWeek
    from kiosk.domain.week import monday_of
    from kiosk.i18n import load_translations
    from kiosk.printing.menu import weekly_menu_pdf
    from kiosk.printing.menu_card import menu_card_pdf
    from kiosk.services.settings import SettingsService
    from kiosk.services.week import WeekService
    from kiosk.storage.database import open_database

    database = open_home(config) if config.demo else open_database(config.database_url)
    try:
        week_service = WeekService(database.sessions)
        if monday is None:
            monday = monday_of(card or week_service.today())
        week = MenuWeek.from_days(week_service.days(monday, monday + timedelta(days=6)))
        home_name = SettingsService(database.sessions).home_name()
    finally:
        database.dispose()
    translate = load_translations(config.locales_dir, locale).gettext
    pictures_dir, fonts_dir = config.assets_dir / "pictures", config.assets_dir / "fonts"
    if card is not None:
        return menu_card_pdf(
            week,
            card,
            home_name=home_name,
            locale=locale,
            translate=translate,
            pictures_dir=pictures_dir,
            fonts_dir=fonts_dir,
        )
    return weekly_menu_pdf(
        week,
        home_name=home_name,
        locale=locale,
        translate=translate,
        pictures_dir=pictures_dir,
        fonts_dir=fonts_dir,
    )


def _schedule_pdf(
    config: AppConfig,
    locale: str,
    *,
    monday: date | None,
    poster: bool,
    day: date | None,
    paper: str,
) -> bytes:
    """The week's schedule (from ``monday``, or this week), or the poster for ``day`` (or,
    with no day, for today in the home's time zone)."""
    from kiosk.app import open_home
    from kiosk.domain.week import monday_of
    from kiosk.i18n import load_translations
    from kiosk.printing.schedule import weekly_schedule_pdf
    from kiosk.printing.schedule_poster import today_poster_pdf
    from kiosk.services.settings import SettingsService
    from kiosk.services.week import WeekService
    from kiosk.storage.database import open_database

    database = open_home(config) if config.demo else open_database(config.database_url)
    try:
        week_service = WeekService(database.sessions)
        if poster:
            day = day or week_service.today()
            days = week_service.days(day, day)
        else:
            monday = monday or monday_of(week_service.today())
            days = week_service.days(monday, monday + timedelta(days=6))
        home_name = SettingsService(database.sessions).home_name()
    finally:
        database.dispose()
    translate = load_translations(config.locales_dir, locale).gettext
    pictures_dir, fonts_dir = config.assets_dir / "pictures", config.assets_dir / "fonts"
    if poster:
        return today_poster_pdf(
            days[0],
            home_name=home_name,
            locale=locale,
            translate=translate,
            pictures_dir=pictures_dir,
            fonts_dir=fonts_dir,
        )
    return weekly_schedule_pdf(
        days,
        paper=paper,
        home_name=home_name,
        locale=locale,
        translate=translate,
        pictures_dir=pictures_dir,
        fonts_dir=fonts_dir,
    )


def _deliver(
    pdf: bytes, *, out: Path | None, printer: str | None, title: str, media: str | None = None
) -> int:
    """Save first (and say where), then print: a printer problem never loses the file.

    ``printer`` "" means the usual printer; None, no printing.
    """
    from kiosk.printing.output import deliver, save_pdf, send_to_printer

    saved = None
    if out is not None:
        saved = save_pdf(pdf, out)
        print(f"Saved the {title.lower()} to {saved}")
    if printer is not None:
        job_title = f"Our Say: {title}"
        if saved is not None:
            sent = send_to_printer(saved, printer or None, title=job_title, media=media)
        else:
            sent = deliver(
                pdf, printer=printer or None, use_printer=True, title=job_title, media=media
            )
        print(f"Sent it to the printer {sent.printer} (job {sent.job or 'queued'}).")
    return 0


def _lacks_display(env: Mapping[str, str]) -> bool:
    """True on Linux with no X or Wayland display and no Qt platform chosen by hand."""
    if not sys.platform.startswith("linux"):
        return False
    return not any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
