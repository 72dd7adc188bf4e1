"""A power cut must not lose a word the kiosk said it had kept.

A child process adds residents as fast as it can and reports each one after its commit;
it is killed with SIGKILL at random moments, again and again. Afterwards every reported
resident is in the database and SQLite's integrity check says ok.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.domain.access import Actor
from kiosk.storage import models
from kiosk.storage.database import Database, check_database, open_database, sqlite_url

ROOT = Path(__file__).resolve().parent.parent
KILLS = 24


@pytest.mark.slow
def test_every_reported_write_survives_sigkill(
    database: Database, database_path: Path, manager: Actor
) -> None:
    database.dispose()
    url = sqlite_url(database_path)
    chance = random.Random(20261122)
    promised: set[int] = set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for attempt in range(KILLS):
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.helpers.crash_writer",
                url,
                str(attempt),
                str(manager.staff_id),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read()  # type: ignore[union-attr]
        time.sleep(chance.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL
        lines = output.split("\n")
        promised.update(int(line) for line in lines[:-1] if line)  # the last may be cut short

    assert len(promised) > KILLS, "the child should have written something most times"
    reopened = open_database(url)
    try:
        report = check_database(reopened)
        assert report.ok, report.problems
        with reopened.sessions() as session:
            stored = {row.id for row in session.query(models.Resident.id)}
        assert promised <= stored
    finally:
        reopened.dispose()
