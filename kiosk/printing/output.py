"""Where a finished PDF goes: a file, a printer (through CUPS's ``lp``), or both.

Plain Python, no Qt: the screens run this off the GUI thread. Every failure is a
:class:`PrintError` whose words say what happened and what to do.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.domain.errors import PrintError
from kiosk.domain.text import N_

LP_TIMEOUT_S = 60.0  # lp hands the job to CUPS and returns; it never waits for the paper
LPSTAT_TIMEOUT_S = 15.0

NO_CUPS = N_(
    "Printing is not set up on this computer: CUPS is not installed. Ask whoever looks "
    "after the kiosk to install it."
)
CUPS_NOT_RUNNING = N_(
    "The printing service (CUPS) is not running. Ask whoever looks after the kiosk to start it."
)
NO_PRINTERS = N_(
    "No printer is set up on this computer. Ask whoever looks after the kiosk to add one."
)
NO_SUCH_PRINTER = N_("There is no printer called {name}. The printers here are: {printers}.")
NO_DEFAULT_PRINTER = N_("No printer is chosen as the usual one. Please choose a printer by name.")
JOB_REFUSED = N_("The printer {name} did not take the job: {reason}")
PRINTER_SLOW = N_("The printer {name} did not answer in time. Please try again.")
CANNOT_SAVE = N_("Could not save the file {path}: {reason}")

Runner = Callable[..., subprocess.CompletedProcess[str]]


@dataclass(frozen=True, slots=True)
class Delivered:
    """What happened to a document: where it was saved and which printer took it."""

    saved_to: Path | None = None
    printer: str | None = None
    job: str | None = None  # CUPS's request id, such as "Office-12"


def save_pdf(pdf: bytes, path: Path) -> Path:
    """Write ``pdf`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    target = path.expanduser().resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".printing-", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(pdf)
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise PrintError(CANNOT_SAVE, path=str(target), reason=error.strerror or error) from error
    return target


def _run(
    command: Sequence[str], timeout: float, runner: Runner
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}  # CUPS's answers in words we can read
    try:
        return runner(
            list(command), capture_output=True, text=True, timeout=timeout, check=False, env=env
        )
    except FileNotFoundError as error:
        raise PrintError(NO_CUPS) from error


def _scheduler_down(result: subprocess.CompletedProcess[str]) -> bool:
    words = (result.stdout + result.stderr).lower()
    return "scheduler is not running" in words or "unable to connect" in words


def list_printers(*, runner: Runner = subprocess.run) -> list[str]:
    """The names of the printers CUPS knows, in its order (``lpstat -p``)."""
    try:
        result = _run(["lpstat", "-p"], LPSTAT_TIMEOUT_S, runner)
    except subprocess.TimeoutExpired as error:
        raise PrintError(CUPS_NOT_RUNNING) from error
    if _scheduler_down(result):
        raise PrintError(CUPS_NOT_RUNNING)
    return [
        line.split()[1]
        for line in result.stdout.splitlines()
        if line.startswith("printer ") and len(line.split()) > 1
    ]


def default_printer(*, runner: Runner = subprocess.run) -> str | None:
    """The printer CUPS uses when none is named (``lpstat -d``), or None."""
    try:
        result = _run(["lpstat", "-d"], LPSTAT_TIMEOUT_S, runner)
    except subprocess.TimeoutExpired as error:
        raise PrintError(CUPS_NOT_RUNNING) from error
    if _scheduler_down(result):
        raise PrintError(CUPS_NOT_RUNNING)
    for line in result.stdout.splitlines():
        if ":" in line and "destination" in line:
            name = line.rsplit(":", 1)[1].strip()
            return name or None
    return None


def choose_printer(name: str | None, *, runner: Runner = subprocess.run) -> str:
    """The printer to use: ``name`` if CUPS has it, or the usual one when ``name`` is None."""
    printers = list_printers(runner=runner)
    if not printers:
        raise PrintError(NO_PRINTERS)
    if name is None:
        chosen = default_printer(runner=runner)
        if chosen is None:
            raise PrintError(NO_DEFAULT_PRINTER)
        return chosen
    if name not in printers:
        raise PrintError(NO_SUCH_PRINTER, name=name, printers=", ".join(printers))
    return name


def send_to_printer(
    pdf_file: Path,
    printer: str | None = None,
    *,
    title: str = "Our Say",
    copies: int = 1,
    media: str | None = None,
    runner: Runner = subprocess.run,
) -> Delivered:
    """Print a PDF file with ``lp``; returns the printer and CUPS's job id.

    ``media`` ("A3") asks for that paper, so an A3 sheet is never shrunk to fit A4 (which
    would make its large print small).
    """
    name = choose_printer(printer, runner=runner)
    command = ["lp", "-d", name, "-t", title, "-n", str(max(1, copies))]
    if media:
        command += ["-o", f"media={media}"]
    command += ["--", str(pdf_file)]
    try:
        result = _run(command, LP_TIMEOUT_S, runner)
    except subprocess.TimeoutExpired as error:
        raise PrintError(PRINTER_SLOW, name=name) from error
    if result.returncode != 0:
        reason = (result.stderr or result.stdout).strip().removeprefix("lp:").strip()
        raise PrintError(JOB_REFUSED, name=name, reason=reason or f"lp exit {result.returncode}")
    job = next((word for word in result.stdout.split() if word.startswith(f"{name}-")), None)
    return Delivered(printer=name, job=job)


def deliver(
    pdf: bytes,
    *,
    out: Path | None = None,
    printer: str | None = None,
    use_printer: bool = False,
    title: str = "Our Say",
    media: str | None = None,
    runner: Runner = subprocess.run,
) -> Delivered:
    """Save ``pdf`` to ``out``, print it, or both.

    ``use_printer`` prints (on ``printer``, or the usual printer when that is None).
    """
    saved = save_pdf(pdf, out) if out is not None else None
    if not use_printer and printer is None:
        return Delivered(saved_to=saved)
    if saved is not None:
        printed = send_to_printer(saved, printer, title=title, media=media, runner=runner)
    else:
        with tempfile.TemporaryDirectory(prefix="our-say-print-") as folder:
            temporary = save_pdf(pdf, Path(folder) / "document.pdf")
            printed = send_to_printer(temporary, printer, title=title, media=media, runner=runner)
    return Delivered(saved_to=saved, printer=printed.printer, job=printed.job)
