"""The staff's print desk: build a large-print document, keep a copy, send it to the printer.

Every printout is kept as a PDF in the home's ``printouts`` folder first, so a missing or
jammed printer never loses it, and every one is audited (who printed what, when). The
right to print is checked here, before anything is built. Plain Python: the screens call
it off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, timedelta, tzinfo
from pathlib import Path

from kiosk.domain.access import Actor, Capability
from kiosk.domain.care_plans import CarePlanView
from kiosk.domain.errors import NotFoundError, PrintError
from kiosk.domain.evidence import EvidenceReport, SuggestionChain
from kiosk.domain.meals import MenuWeek
from kiosk.domain.resident_records import ResidentRecords
from kiosk.domain.text import N_
from kiosk.domain.week import DayPlan, monday_of
from kiosk.printing.care_plan import care_plan_pdf
from kiosk.printing.evidence import evidence_report_pdf
from kiosk.printing.menu import weekly_menu_pdf
from kiosk.printing.menu_card import menu_card_pdf
from kiosk.printing.output import Runner, save_pdf, send_to_printer
from kiosk.printing.records_output import SavedRecords, save_resident_records
from kiosk.printing.schedule import Paper, weekly_schedule_pdf
from kiosk.printing.schedule_poster import today_poster_pdf
from kiosk.printing.you_said import you_said_poster_pdf

SENT = N_("Sent to the printer {printer}. A copy is kept as {path}.")
KEPT_ONLY = N_("{problem} The document is kept as {path}, to print later.")


@dataclass(frozen=True, slots=True)
class Printout:
    """What became of one printout, in words for the person who asked."""

    path: Path
    printer: str | None
    words: str


class PrintDesk:
    def __init__(
        self,
        *,
        menu_week: Callable[[date], MenuWeek],
        home_name: Callable[[], str],
        translations: Callable[[str], Callable[[str], str]],
        pictures_dir: Path,
        fonts_dir: Path,
        out_dir: Path,
        audit: Callable[[Actor, str, str], None],
        printer: str | None = None,
        runner: Runner | None = None,
        week_days: Callable[[date, date], Sequence[DayPlan]] | None = None,
        care_plan: Callable[[Actor, int], CarePlanView | None] | None = None,
        evidence: Callable[[Actor, date, date], EvidenceReport] | None = None,
        you_said: Callable[[Actor, date], Sequence[SuggestionChain]] | None = None,
        resident_records: Callable[[Actor, int], ResidentRecords] | None = None,
        languages: frozenset[str] = frozenset({"en_GB"}),
        zone: Callable[[], tzinfo] = lambda: UTC,
        today: Callable[[], date] = date.today,
    ) -> None:
        """``week_days(first, last)`` gives each day's plan in the home's time zone (as
        ``WeekService.days`` does); the schedule and the "Today" poster need it.
        ``care_plan(actor, resident_id)`` gives a resident's plan for printing, checking
        the right and auditing it (as ``CarePlanService.for_printing`` does);
        ``evidence(actor, first, last)`` and ``you_said(actor, month)`` are
        ``EvidenceService.report`` and ``.you_said_we_did``, which check their own rights."""
        self._menu_week = menu_week
        self._week_days = week_days
        self._home_name = home_name
        self._translations = translations
        self._pictures_dir = pictures_dir
        self._fonts_dir = fonts_dir
        self._out_dir = out_dir
        self._audit = audit
        self._printer = printer
        self._runner = runner
        self._care_plan = care_plan
        self._evidence = evidence
        self._you_said = you_said
        self._resident_records = resident_records
        self._languages = languages
        self._zone = zone
        self._today = today

    def menu_week(self, actor: Actor, monday: date, locale: str) -> Printout:
        """The week's large-print menu, a day a page."""
        actor.require(Capability.PRINT_FOR_HOME)
        pdf = weekly_menu_pdf(
            self._menu_week(monday),
            home_name=self._home_name(),
            locale=locale,
            translate=self._translations(locale),
            pictures_dir=self._pictures_dir,
            fonts_dir=self._fonts_dir,
        )
        year, week, _ = monday.isocalendar()
        return self._deliver(actor, pdf, f"menu-{year}-W{week:02d}.pdf", locale, "menu.week")

    def menu_card(self, actor: Actor, day: date, locale: str) -> Printout:
        """One day's menu card for the dining tables."""
        actor.require(Capability.PRINT_FOR_HOME)
        monday = date.fromordinal(day.toordinal() - day.weekday())
        pdf = menu_card_pdf(
            self._menu_week(monday),
            day,
            home_name=self._home_name(),
            locale=locale,
            translate=self._translations(locale),
            pictures_dir=self._pictures_dir,
            fonts_dir=self._fonts_dir,
        )
        return self._deliver(actor, pdf, f"menu-card-{day.isoformat()}.pdf", locale, "menu.card")

    def schedule_week(
        self, actor: Actor, monday: date, paper: Paper | str, locale: str
    ) -> Printout:
        """The week's large-print schedule: A4, a day a page, or A3, the week on one sheet."""
        actor.require(Capability.PRINT_FOR_HOME)
        paper = Paper(paper)
        monday = monday_of(monday)
        pdf = weekly_schedule_pdf(
            self._days(monday, monday + timedelta(days=6)),
            paper=paper,
            home_name=self._home_name(),
            locale=locale,
            translate=self._translations(locale),
            pictures_dir=self._pictures_dir,
            fonts_dir=self._fonts_dir,
        )
        year, week, _ = monday.isocalendar()
        name = f"schedule-{year}-W{week:02d}-{paper.value}.pdf"
        media = "A3" if paper is Paper.A3 else None
        return self._deliver(actor, pdf, name, locale, f"schedule.week.{paper.value}", media)

    def today_poster(self, actor: Actor, day: date, locale: str) -> Printout:
        """The "Today" poster for ``day``: its activities in the biggest print that fits A4."""
        actor.require(Capability.PRINT_FOR_HOME)
        [plan] = self._days(day, day)
        pdf = today_poster_pdf(
            plan,
            home_name=self._home_name(),
            locale=locale,
            translate=self._translations(locale),
            pictures_dir=self._pictures_dir,
            fonts_dir=self._fonts_dir,
        )
        return self._deliver(actor, pdf, f"today-{day.isoformat()}.pdf", locale, "schedule.today")

    def care_plan(self, actor: Actor, resident_id: int, locale: str) -> Printout:
        """A resident's own large-print copy of their plan (the care-plan service checks
        who may print it and audits it). The copy kept in the printouts folder is private."""
        if self._care_plan is None:
            raise RuntimeError("this print desk was made without care_plan: it cannot print")
        plan = self._care_plan(actor, resident_id)
        if plan is None:
            raise NotFoundError(N_("This care plan has not been written yet."))
        pdf = care_plan_pdf(
            plan,
            home_name=self._home_name(),
            locale=locale,
            translate=self._translations(locale),
            pictures_dir=self._pictures_dir,
            fonts_dir=self._fonts_dir,
            printed_on=self._today(),
        )
        name = f"care-plan-{resident_id}-v{plan.version_number}.pdf"
        return self._deliver(actor, pdf, name, locale, "care_plan")

    def evidence_report(self, actor: Actor, first: date, last: date, locale: str) -> Printout:
        """The co-production evidence report for ``first`` to ``last`` (managers only: the
        evidence service checks and audits it). The copy kept names residents: it is private."""
        if self._evidence is None:
            raise RuntimeError("this print desk was made without evidence: it cannot print")
        report = self._evidence(actor, first, last)
        pdf = evidence_report_pdf(
            report,
            locale=locale,
            translate=self._translations(locale),
            pictures_dir=self._pictures_dir,
            fonts_dir=self._fonts_dir,
        )
        name = f"evidence-{first.isoformat()}-to-{last.isoformat()}.pdf"
        return self._deliver(actor, pdf, name, locale, "evidence")

    def you_said_we_did(self, actor: Actor, month: date, locale: str) -> Printout:
        """The "You said, we did" poster for the lounge: the month's suggestions and what
        became of each, naming nobody."""
        if self._you_said is None:
            raise RuntimeError("this print desk was made without you_said: it cannot print")
        month = month.replace(day=1)
        pdf = you_said_poster_pdf(
            self._you_said(actor, month),
            month,
            home_name=self._home_name(),
            locale=locale,
            translate=self._translations(locale),
            pictures_dir=self._pictures_dir,
            fonts_dir=self._fonts_dir,
        )
        name = f"you-said-{month.year}-{month.month:02d}.pdf"
        return self._deliver(actor, pdf, name, locale, "you_said")

    def save_resident_records(self, actor: Actor, resident_id: int, folder: Path) -> SavedRecords:
        """Everything kept about one resident, as a large-print PDF (in their own language
        when the kiosk speaks it, else English) and a JSON file, saved in ``folder``: both or
        neither. ``resident_records`` checks the right and audits it."""
        if self._resident_records is None:
            raise RuntimeError("this print desk was made without resident_records")
        records = self._resident_records(actor, resident_id)
        own = records.details.language
        locale = own if own in self._languages else "en_GB"
        return save_resident_records(
            records,
            folder,
            home_name=self._home_name(),
            locale=locale,
            translate=self._translations(locale),
            pictures_dir=self._pictures_dir,
            fonts_dir=self._fonts_dir,
            printed_on=self._today(),
            zone=self._zone(),
        )

    def _days(self, first: date, last: date) -> Sequence[DayPlan]:
        if self._week_days is None:
            raise RuntimeError("this print desk was made without week_days: it cannot print")
        return self._week_days(first, last)

    def _deliver(
        self,
        actor: Actor,
        pdf: bytes,
        name: str,
        locale: str,
        what: str,
        media: str | None = None,
    ) -> Printout:
        translate = self._translations(locale)
        path = save_pdf(pdf, self._out_dir / name)
        try:
            extra = {"runner": self._runner} if self._runner is not None else {}
            title = f"Our Say: {name}"
            sent = send_to_printer(path, self._printer, title=title, media=media, **extra)
        except PrintError as problem:
            self._audit(actor, "print", f"{what} kept as {path.name}; not printed")
            words = translate(KEPT_ONLY).format(problem=problem.text(translate), path=path)
            return Printout(path=path, printer=None, words=words)
        self._audit(actor, "print", f"{what} to {sent.printer} ({path.name})")
        words = translate(SENT).format(printer=sent.printer, path=path)
        return Printout(path=path, printer=sent.printer, words=words)
