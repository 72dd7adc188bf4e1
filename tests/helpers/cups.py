"""A real printer for the tests: CUPS with a cups-pdf queue, set up once per test worker
(the ``cups_pdf`` fixture is registered in conftest, so every module shares the one queue),
and the PDFs it "prints", found by their CUPS job."""

from __future__ import annotations

import getpass
import os
import re
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
PRINTER = "OurSayTest"
CUPS_DEBS = ("cups", "printer-driver-cups-pdf")
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
INSTALL_HINT = (
    "The real-printer test needs CUPS with the cups-pdf printer, set up as root. Install "
    "them with: sudo apt-get install -y cups printer-driver-cups-pdf, then run the tests "
    "as root (CI does), so the test can start cupsd and add its own queue."
)


@dataclass(frozen=True)
class CupsPdf:
    name: str
    out_dirs: tuple[Path, ...]  # where cups-pdf writes the PDFs it "prints"


def _run(*command: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def _scheduler_running() -> bool:
    return "scheduler is running" in _run("lpstat", "-r").stdout


def _start_cupsd() -> subprocess.Popen[bytes] | None:
    """Start cupsd in the foreground (as our child) unless one is running already."""
    if _scheduler_running():
        return None
    daemon = subprocess.Popen(["cupsd", "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not _scheduler_running():
        if time.monotonic() > deadline or daemon.poll() is not None:
            daemon.kill()
            pytest.fail("cupsd did not start; see /var/log/cups/error_log")
        time.sleep(0.2)
    return daemon


def _cups_pdf_ppd() -> str:
    """The cups-pdf driver's name as CUPS lists it (``lpinfo -m``), not guessed."""
    listing = _run("lpinfo", "-m").stdout.splitlines()
    for line in listing:
        if line.split(" ", 1)[0].endswith("CUPS-PDF_opt.ppd"):
            return line.split(" ", 1)[0]
    pytest.fail("lpinfo -m lists no CUPS-PDF_opt.ppd: is printer-driver-cups-pdf installed?")


def _cups_pdf_out_dirs() -> tuple[Path, ...]:
    """Where cups-pdf puts its files: "Out" and "AnonDirName" in cups-pdf.conf."""
    settings = {
        "Out": "/var/spool/cups-pdf/${USER}",
        "AnonDirName": "/var/spool/cups-pdf/ANONYMOUS",
    }
    if CUPS_PDF_CONF.is_file():
        for line in CUPS_PDF_CONF.read_text(encoding="utf-8").splitlines():
            found = re.fullmatch(r"\s*(Out|AnonDirName)\s+(\S+)\s*", line)
            if found:
                settings[found[1]] = found[2]
    user = getpass.getuser()
    return tuple(
        Path(value.replace("${HOME}", str(Path.home())).replace("${USER}", user))
        for value in settings.values()
    )


@pytest.fixture(scope="session")
def cups_pdf() -> Iterator[CupsPdf]:
    """CUPS running with a cups-pdf queue called OurSayTest (installed when missing)."""
    if os.geteuid() != 0:
        pytest.fail(INSTALL_HINT)
    installed = subprocess.run(
        [str(ROOT / "scripts" / "ensure-debian-packages.sh"), *CUPS_DEBS],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    daemon = _start_cupsd()
    added = _run("lpadmin", "-p", PRINTER, "-E", "-v", "cups-pdf:/", "-m", _cups_pdf_ppd())
    assert added.returncode == 0, added.stderr
    try:
        yield CupsPdf(PRINTER, _cups_pdf_out_dirs())
    finally:
        _run("lpadmin", "-x", PRINTER)
        if daemon is not None:
            daemon.terminate()
            daemon.wait(timeout=30)


def pdfs(folders: tuple[Path, ...]) -> set[Path]:
    return {path for folder in folders if folder.is_dir() for path in folder.glob("*.pdf")}


def wait_for_new_pdf(folders: tuple[Path, ...], before: set[Path], job: str) -> Path:
    """The PDF cups-pdf wrote for ``job`` (CUPS's id, such as "Office-12"): its name ends
    "job_12.pdf". Another test's late job landing meanwhile is never taken for this one."""
    number = job.rsplit("-", 1)[-1]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for path in pdfs(folders) - before:
            if not path.name.endswith(f"job_{number}.pdf"):
                continue
            try:
                PdfReader(path)  # whole: cups-pdf has finished writing it
            except Exception:
                continue
            return path
        time.sleep(0.5)
    pytest.fail(f"cups-pdf wrote nothing new in {', '.join(map(str, folders))}")
