"""Evidence report benchmark (issue #9): a generated home of 60 residents over one year;
the report for its last 365 days, from the database to the PDF, against the 3 s target,
with its peak memory; then a backup of that database while a writer keeps committing.

Baselines are measured in the same run: counting the rows of the tables the report reads
(for the report), a bare reportlab canvas of the PDF's own lines (for the PDF), a plain
file copy of the database (for the backup), and the writer's commits just before each
backup (for its commits during one).

``python -m bench.evidence`` runs it alone; ``python -m bench.evidence --generate 200 5``
only generates a home (200 residents, 5 years) and prints how long it took and its size.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.printing import FONTS, PICTURES, bare_canvas, pdf_lines
from bench.report import Result, print_table

if TYPE_CHECKING:
    from kiosk.domain.access import Actor
    from kiosk.storage.database import Database
    from kiosk.storage.generated import GeneratedSummary

RESIDENTS = 60
YEARS = 1.0
REPORT_DAYS = 365
RUNS = 5
BACKUPS = 3
TARGET = "< 3000 ms"
QUIET_S = 1.0  # the writer's commits before each backup: the baseline
WRITER_PAUSE_S = 0.002  # between the writer's transactions, as taps come one at a time
# What the report reads; counting their rows is the report's baseline.
REPORT_TABLES = (
    "resident",
    "proposal",
    "proposal_support",
    "menu_entry",
    "schedule_slot",
    "attendance",
    "feedback",
    "poll",
    "poll_option",
    "ballot",
    "ballot_choice",
    "care_plan",
    "care_plan_version",
    "care_plan_review",
    "talk_request",
)


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else max(samples)


def _ms(seconds: float) -> float:
    return seconds * 1000


def home_today() -> date:
    from kiosk.storage.demo import HOME_ZONE

    return datetime.now(HOME_ZONE).date()


def generate(folder: Path, residents: int, years: float) -> tuple[Database, GeneratedSummary]:
    """A new demo database in ``folder`` holding a generated home that ends today."""
    from kiosk.domain.enums import DatabaseKind
    from kiosk.storage.database import open_database, sqlite_url
    from kiosk.storage.generated import generate_home

    database = open_database(
        sqlite_url(folder / "our-say.sqlite3"), create=True, kind=DatabaseKind.DEMO
    )
    summary = generate_home(database, residents=residents, years=years, end=home_today())
    return database, summary


def _manager(database: Database) -> Actor:
    from kiosk.domain.enums import StaffRole
    from kiosk.services.staff import StaffService
    from kiosk.storage.demo_content import STAFF

    staff = StaffService(database.sessions)
    manager = next(person for person in STAFF if person.role is StaffRole.MANAGER)
    member = next(m for m in staff.sign_in_choices() if m.name == manager.name)
    return staff.sign_in(member.id, manager.pin)


def _report_maker(database: Database, actor: Actor, last: date) -> Callable[[], Any]:
    """The report for the ``REPORT_DAYS`` up to ``last``, as the manager asks for it."""
    from kiosk.services.evidence import EvidenceService

    service = EvidenceService(database.sessions, today=lambda: last)
    first = last - timedelta(days=REPORT_DAYS - 1)
    return lambda: service.report(actor, first, last)


def _pdf(report: Any) -> bytes:
    from kiosk.printing.evidence import evidence_report_pdf

    return evidence_report_pdf(
        report,
        locale="en_GB",
        translate=lambda words: words,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


def _count_rows(database: Database) -> None:
    from sqlalchemy import text

    with database.engine.connect() as connection:
        for table in REPORT_TABLES:
            connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()


def _timed(work: Callable[[], object]) -> tuple[float, Any]:
    started = time.perf_counter()
    made = work()
    return time.perf_counter() - started, made


def _median_s(work: Callable[[], object]) -> float:
    return statistics.median(_timed(work)[0] for _ in range(RUNS))


# ---------------------------------------------------------------------------------------
# The report and its PDF


def _report_results(database: Database, last: date) -> list[Result]:
    """Report and PDF against their baselines, run in turn so a busy moment on the machine
    hits them alike."""
    report = _report_maker(database, _manager(database), last)
    first_s, pdf = _timed(lambda: _pdf(report()))  # fonts registered, pictures read: once
    strings, pages = pdf_lines(pdf)
    times: dict[str, list[float]] = {"report": [], "count": [], "pdf": [], "bare": []}
    for _ in range(RUNS):
        report_s, made = _timed(report)
        times["report"].append(report_s)
        times["pdf"].append(_timed(lambda made=made: _pdf(made))[0])
        times["count"].append(_timed(lambda: _count_rows(database))[0])
        times["bare"].append(_timed(lambda: bare_canvas(strings))[0])
    report_s, count_s, pdf_s, bare_s = (statistics.median(times[k]) for k in times)
    total_s = statistics.median(r + p for r, p in zip(times["report"], times["pdf"], strict=True))
    summary = made.summary
    what = f"{summary.suggestions} suggestions, {summary.polls} polls"
    return [
        Result("evidence", "report + PDF, first in the process", _ms(first_s), "ms", ""),
        Result("evidence", f"report, {REPORT_DAYS} days ({what})", _ms(report_s), "ms", ""),
        Result(
            "evidence",
            f"count the rows of the {len(REPORT_TABLES)} tables it reads (baseline)",
            _ms(count_s),
            "ms",
            "",
        ),
        Result("evidence", "ratio report / counting", report_s / count_s, "x", ""),
        Result("evidence", f"PDF, {pages} pages", _ms(pdf_s), "ms", ""),
        Result(
            "evidence", f"bare canvas, same {len(strings)} lines (baseline)", _ms(bare_s), "ms", ""
        ),
        Result("evidence", "ratio PDF / bare canvas", pdf_s / bare_s, "x", ""),
        Result("evidence", "report + PDF, database to bytes", _ms(total_s), "ms", TARGET),
    ]


def _peak_rss_mb() -> float:
    """This process's peak resident memory. On Linux that is VmHWM: ``ru_maxrss`` would also
    count the peak of the process that started this one, which it inherits."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_memory(path: str, last: date) -> tuple[float, float, float]:
    """In a fresh process: (peak traced MB during report + PDF, peak RSS MB before, after).

    Runs in its own process so that generating the home is not counted."""
    import kiosk.printing.evidence  # noqa: F401 - imported before the baseline is read
    from kiosk.storage.database import open_database, sqlite_url

    database = open_database(sqlite_url(Path(path)))
    report = _report_maker(database, _manager(database), last)
    before = _peak_rss_mb()
    tracemalloc.start()
    _pdf(report())
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    after = _peak_rss_mb()
    database.dispose()
    return peak, before, after


def _memory_results(database: Database, last: date) -> list[Result]:
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        peak, before, after = pool.submit(measure_memory, database.location, last).result()
    return [
        Result("evidence", "peak Python memory, report + PDF (tracemalloc)", peak, "MB", ""),
        Result("evidence", "peak RSS after imports and opening (baseline)", before, "MB", ""),
        Result("evidence", "peak RSS after report + PDF", after, "MB", ""),
    ]


# ---------------------------------------------------------------------------------------
# A backup while the kiosk keeps writing


@dataclass
class _Writer:
    """Keeps casting ballots, giving faces and logging events, one small transaction each,
    on its own connection, as residents at the kiosk would; times every commit."""

    database: Database
    stop: threading.Event = field(default_factory=threading.Event)
    backing_up: threading.Event = field(default_factory=threading.Event)
    quiet: list[float] = field(default_factory=list)  # commit seconds, no backup running
    during: list[float] = field(default_factory=list)  # commit seconds, a backup running
    failed: BaseException | None = None  # raised again once the thread has stopped

    def run(self) -> None:
        try:
            self._write_until_stopped()
        except BaseException as error:  # handed to the main thread, raised there
            self.failed = error

    def _write_until_stopped(self) -> None:
        from sqlalchemy import select

        from kiosk.storage import models

        with self.database.engine.connect() as connection:
            residents = list(connection.scalars(select(models.Resident.id)))
            activity = connection.scalars(select(models.Activity.id)).first()
        turn, poll, option, slot = 0, 0, 0, 0
        while not self.stop.is_set():
            backing_up = self.backing_up.is_set()
            started = time.perf_counter()
            with self.database.engine.begin() as connection:
                if turn % len(residents) == 0:  # everyone has voted: a new poll and slot
                    poll, option, slot = self._new_poll_and_slot(connection, activity)
                self._vote_face_and_log(
                    connection, poll, option, slot, residents[turn % len(residents)]
                )
            (self.during if backing_up else self.quiet).append(time.perf_counter() - started)
            turn += 1
            time.sleep(WRITER_PAUSE_S)

    @staticmethod
    def _vote_face_and_log(
        connection: Any, poll: int, option: int, slot: int, resident: int
    ) -> None:
        from sqlalchemy import insert

        from kiosk.storage import models

        now = datetime.now(UTC)
        ballot = connection.execute(
            insert(models.Ballot).values(
                poll_id=poll, resident_id=resident, cast_at=now, updated_at=now
            )
        ).inserted_primary_key[0]
        connection.execute(
            insert(models.BallotChoice).values(
                ballot_id=ballot, option_id=option, poll_id=poll, answer="chosen"
            )
        )
        connection.execute(
            insert(models.Feedback).values(
                slot_id=slot, resident_id=resident, face=3, created_at=now, updated_at=now
            )
        )
        connection.execute(
            insert(models.AuditEvent).values(
                occurred_at=now,
                actor_kind="resident",
                actor_resident_id=resident,
                action="bench.write",
            )
        )

    @staticmethod
    def _new_poll_and_slot(connection: Any, activity: int) -> tuple[int, int, int]:
        from sqlalchemy import insert

        from kiosk.storage import models

        now = datetime.now(UTC)
        poll = connection.execute(
            insert(models.Poll).values(
                question="Shall we have the piano tuned?",
                opens_at=now - timedelta(minutes=1),
                closes_at=now + timedelta(days=3),
            )
        ).inserted_primary_key[0]
        option = connection.execute(
            insert(models.PollOption).values(poll_id=poll, position=1, label="Yes, please")
        ).inserted_primary_key[0]
        slot = connection.execute(
            insert(models.ScheduleSlot).values(
                activity_id=activity,
                starts_at=now - timedelta(hours=2),
                ends_at=now - timedelta(hours=1),
            )
        ).inserted_primary_key[0]
        return poll, option, slot


def _plain_copy(source: Path, target: Path) -> None:
    """The baseline: the database file copied and flushed to disk, nothing checked."""
    shutil.copyfile(source, target)
    with target.open("rb+") as copied:
        os.fsync(copied.fileno())


def _backup_results(database: Database, folder: Path) -> list[Result]:
    from kiosk.storage.backup import backup_to, check_backup_file
    from kiosk.storage.database import check_database, open_database, sqlite_url

    source = Path(database.location)
    copy_s = _median_s(lambda: _plain_copy(source, folder / "plain-copy.sqlite3"))
    writer = _Writer(open_database(sqlite_url(source)))
    thread = threading.Thread(target=writer.run, name="bench-writer", daemon=True)
    thread.start()
    backup_times, sizes, done = [], [], None
    try:
        for number in range(BACKUPS):
            time.sleep(QUIET_S)
            writer.backing_up.set()
            started = time.perf_counter()
            done = backup_to(database, folder / f"backup-{number}.sqlite3")
            backup_times.append(time.perf_counter() - started)
            writer.backing_up.clear()
            sizes.append(done.byte_size)
    finally:
        writer.stop.set()
        thread.join()
        writer.database.dispose()
    if writer.failed is not None:
        raise writer.failed
    assert done is not None
    check_backup_file(done.path)  # every check a restore makes
    copied = open_database(sqlite_url(done.path))
    problems = len(check_database(copied).problems)  # what `kiosk check` checks
    copied.dispose()
    backup_s = statistics.median(backup_times)
    quiet_p95, during_p95 = _p95(writer.quiet), _p95(writer.during)
    size_mb = statistics.median(sizes) / 1e6
    return [
        Result("backup", f"backup of {size_mb:.1f} MB while writing", _ms(backup_s), "ms", ""),
        Result("backup", "plain copy of the file, synced (baseline)", _ms(copy_s), "ms", ""),
        Result("backup", "ratio backup / copy", backup_s / copy_s, "x", ""),
        Result("backup", "backup file size", size_mb, "MB", ""),
        Result(
            "backup",
            f"writer commits during {BACKUPS} backups",
            len(writer.during),
            "",
            "> 0 (never blocked)",
        ),
        Result("backup", "writer commit p95, no backup (baseline)", _ms(quiet_p95), "ms", ""),
        Result("backup", "writer commit p95, during a backup", _ms(during_p95), "ms", ""),
        Result("backup", "ratio commit p95 during / no backup", during_p95 / quiet_p95, "x", ""),
        Result("backup", "problems 'kiosk check' finds in the backup", problems, "", "0"),
    ]


# ---------------------------------------------------------------------------------------


def run_all() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="bench-evidence-") as folder:
        database, summary = generate(Path(folder), RESIDENTS, YEARS)
        try:
            size_mb = Path(database.location).stat().st_size / 1e6
            results = [
                Result(
                    "evidence",
                    f"generate {RESIDENTS} residents x {YEARS:g} year ({summary.rows} rows)",
                    summary.seconds,
                    "s",
                    "",
                ),
                Result("evidence", "generated database size", size_mb, "MB", ""),
            ]
            results += _report_results(database, summary.last_day)
            results += _memory_results(database, summary.last_day)
            results += _backup_results(database, Path(folder))
        finally:
            database.dispose()
    return results


def _generate_only(residents: int, years: float) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-generate-") as folder:
        database, summary = generate(Path(folder), residents, years)
        database.dispose()
        size_mb = Path(database.location).stat().st_size / 1e6
        print(f"{residents} residents x {years:g} years: {summary.seconds:.1f} s, ", end="")
        print(f"{summary.rows} rows, {size_mb:.1f} MB")
        for table, rows in sorted(summary.counts.items()):
            rate = summary.per_resident_year(table)
            print(f"  {table:<24} {rows:>8}  {rate:8.1f} per resident-year")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--generate"]:
        _generate_only(int(sys.argv[2]), float(sys.argv[3]))
    else:
        print_table(run_all())
