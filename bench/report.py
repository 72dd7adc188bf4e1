"""One row per figure; printed as a table and written as JSON."""

from __future__ import annotations

import json
import platform
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Result:
    area: str
    measure: str
    value: float
    unit: str
    target: str


def print_table(results: list[Result]) -> None:
    width = max(len(r.measure) for r in results)
    print(f"{'area':<8} {'measure':<{width}} {'value':>10}  {'target'}")
    for r in results:
        print(f"{r.area:<8} {r.measure:<{width}} {r.value:>8.1f} {r.unit:<2} {r.target}")


def write_json(results: list[Result], path: Path) -> None:
    machine = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "processor": platform.processor() or platform.machine(),
        "system": f"{platform.system()} {platform.release()}",
    }
    path.write_text(
        json.dumps({"machine": machine, "results": [asdict(r) for r in results]}, indent=2),
        encoding="utf-8",
    )
