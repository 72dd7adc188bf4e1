"""``python -m bench``: run every benchmark, print one table, write bench-results.json."""

from __future__ import annotations

import faulthandler
import os
import resource
import sys
from pathlib import Path

from bench import (
    ballot,
    care_plan,
    care_plan_screen,
    evidence,
    five_years,
    printing,
    shell,
    soak,
    speech,
)
from bench.report import Result, print_table, write_json

# A benchmark stops by itself: stacks are printed and it exits. The whole run takes about
# 25 minutes on two cores (the five-year home about 8, the soak about 6).
WATCHDOG_S = 50 * 60


def peak_memory() -> list[Result]:
    """The most resident memory this process held at any moment, across every benchmark
    run in it (the five-year home is generated here, so it is the largest)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return [Result("memory", "peak resident memory, the benchmarks' own process", peak, "MB", "")]


def main() -> int:
    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = shell.run_all() + speech.run_all() + printing.run_all() + ballot.run_all()
    results += care_plan.run_all() + care_plan_screen.run_all() + evidence.run_all()
    results += five_years.run_all() + soak.run_all() + peak_memory()
    print_table(results)
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bench-results.json")
    write_json(results, out)
    print(f"(written to {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
