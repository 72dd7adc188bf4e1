"""``python -m bench``: run every benchmark, print one table, write bench-results.json."""

from __future__ import annotations

import faulthandler
import os
import sys
from pathlib import Path

from bench import ballot, care_plan, care_plan_screen, evidence, printing, shell, speech
from bench.report import print_table, write_json

WATCHDOG_S = 900  # a benchmark stops by itself: stacks are printed and it exits


def main() -> int:
    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = shell.run_all() + speech.run_all() + printing.run_all() + ballot.run_all()
    results += care_plan.run_all() + care_plan_screen.run_all() + evidence.run_all()
    print_table(results)
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bench-results.json")
    write_json(results, out)
    print(f"(written to {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
