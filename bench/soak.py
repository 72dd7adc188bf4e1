"""The soak (issue #10) as part of ``make bench``: tests/test_soak.py run as it is (10,000
navigations and speech requests through the real window and speech stack, pass or fail),
and its figures put in the table: memory growth after warm-up, and widgets, threads and
open files at the warm-up and at the end.

It takes about six minutes on two cores, which is why it is here and not in ``make test``.
``python -m bench.soak`` runs it alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.report import Result, print_table

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 20 * 60


def run_all() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="our-say-soak-") as folder:
        figures_file = Path(folder) / "soak.json"
        environ = {**os.environ, "SOAK_FIGURES": str(figures_file), "QT_QPA_PLATFORM": "offscreen"}
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "soak"]
        finished = subprocess.run(
            [*command, "tests/test_soak.py"],
            cwd=ROOT,
            env=environ,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
        )
        passed = finished.returncode == 0
        if not passed:  # the test's own report says which count grew
            print(finished.stdout[-6000:])
        if not figures_file.exists():  # it failed before it could count
            return [Result("soak", "test passed (1 = yes)", 0.0, "", "1")]
        figures = json.loads(figures_file.read_text(encoding="utf-8"))
    warm, end = figures["warm"], figures["end"]
    return [
        Result(
            "soak",
            "navigations and speech requests, one process",
            figures["operations"],
            "",
            "10,000",
        ),
        Result("soak", "of which speech requests", figures["speech_requests"], "", ""),
        Result("soak", "time taken", figures["seconds"], "s", ""),
        Result("soak", "resident memory after warm-up", warm["rss_kb"] / 1024, "MB", ""),
        Result(
            "soak",
            "resident memory growth after warm-up",
            (end["rss_kb"] - warm["rss_kb"]) / 1024,
            "MB",
            "< 20 MB",
        ),
        Result("soak", "widgets, warm / end", warm["widgets"], "", f"end {end['widgets']}"),
        Result(
            "soak", "OS threads, warm / end", warm["os_threads"], "", f"end {end['os_threads']}"
        ),
        Result("soak", "open files, warm / end", warm["fds"], "", f"end {end['fds']}"),
        Result("soak", "test passed (1 = yes)", float(passed), "", "1"),
    ]


if __name__ == "__main__":
    print_table(run_all())
