"""``python -m bench``: run every benchmark, print one table, write bench-results.json."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bench import shell
from bench.report import print_table, write_json


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = shell.run_all()
    print_table(results)
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bench-results.json")
    write_json(results, out)
    print(f"(written to {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
