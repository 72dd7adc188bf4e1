"""The staff's print desk: build a large-print document, keep a copy, send it to the printer.

Every printout is kept as a PDF in the home's ``printouts`` folder first, so a missing or
jammed printer never loses it, and every one is audited (who printed what, when). The
right to print is checked here, before anything is built. Plain Python: the screens call
it off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.domain.access import Actor, Capability
from kiosk.domain.errors import PrintError
from kiosk.domain.meals import MenuWeek
from kiosk.domain.text import N_
from kiosk.printing.menu import weekly_menu_pdf
from kiosk.printing.menu_card import menu_card_pdf
from kiosk.printing.output import Runner, save_pdf, send_to_printer

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
    ) -> None:
        self._menu_week = menu_week
        self._home_name = home_name
        self._translations = translations
        self._pictures_dir = pictures_dir
        self._fonts_dir = fonts_dir
        self._out_dir = out_dir
        self._audit = audit
        self._printer = printer
        self._runner = runner

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

    def _deliver(self, actor: Actor, pdf: bytes, name: str, locale: str, what: str) -> Printout:
        translate = self._translations(locale)
        path = save_pdf(pdf, self._out_dir / name)
        try:
            extra = {"runner": self._runner} if self._runner is not None else {}
            sent = send_to_printer(path, self._printer, title=f"Our Say: {name}", **extra)
        except PrintError as problem:
            self._audit(actor, "print", f"{what} kept as {path.name}; not printed")
            words = translate(KEPT_ONLY).format(problem=problem.text(translate), path=path)
            return Printout(path=path, printer=None, words=words)
        self._audit(actor, "print", f"{what} to {sent.printer} ({path.name})")
        words = translate(SENT).format(printer=sent.printer, path=path)
        return Printout(path=path, printer=sent.printer, words=words)
