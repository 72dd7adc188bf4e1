"""The parent's side of the crash-safety tests: start a writer, let it write, SIGKILL it,
and read back what it promised (see ``tests/helpers/crash_writer.py`` for the child)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.domain.access import Actor

ROOT = Path(__file__).resolve().parent.parent.parent
_PATH = os.environ.get("PYTHONPATH", "")

Intent = dict[str, Any]


@dataclass(frozen=True)
class Write:
    """One write the child began: ``kept`` is what the service returned after its commit,
    or None when the kill came first (then it may or may not have landed)."""

    intent: Intent
    kept: Intent | None


@dataclass(frozen=True)
class Run:
    writes: tuple[Write, ...]

    @property
    def kept(self) -> list[Write]:
        return [write for write in self.writes if write.kept is not None]

    @property
    def promises(self) -> list[tuple[Intent, Intent]]:
        """What the child set out to write, and what the service returned, once kept."""
        return [(write.intent, write.kept) for write in self.writes if write.kept is not None]

    @property
    def cut_short(self) -> Write | None:
        """The write the kill interrupted, if it came mid-write."""
        last = self.writes[-1] if self.writes else None
        return last if last is not None and last.kept is None else None


def run_until_killed(
    part: str,
    url: str,
    label: str,
    staff: Actor,
    after_s: float,
    again: Sequence[Intent] = (),
) -> Run:
    """Start the writer, let it write for ``after_s`` seconds once ready, then SIGKILL it."""
    assert staff.staff_id is not None and staff.role is not None
    arguments = [part, url, label, str(staff.staff_id), staff.role.value, json.dumps(list(again))]
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.crash_writer", *arguments],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), _PATH)))},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    if child.stdout.readline().strip() != "ready":
        child.kill()
        child.wait()
        raise AssertionError(f"the {part} writer did not start: {child.stderr.read()}")
    time.sleep(after_s)
    child.send_signal(signal.SIGKILL)
    child.wait()
    # Read through the same buffered pipe as "ready": it may already hold the first writes.
    output, errors = child.stdout.read(), child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    assert child.returncode == -signal.SIGKILL, errors
    return Run(tuple(_writes(output.split("\n")[:-1])))  # the last piece may be cut short


def _writes(lines: list[str]) -> list[Write]:
    writes: list[Write] = []
    for line in lines:
        what, _, payload = line.partition(" ")
        if what == "try":
            writes.append(Write(json.loads(payload), None))
        elif what == "kept":
            writes[-1] = Write(writes[-1].intent, json.loads(payload))
        elif what == "failed":
            raise AssertionError(
                f"a write failed: {writes[-1].intent}\n{json.loads(payload)['error']}"
            )
        else:
            raise AssertionError(f"the writer said something unexpected: {line!r}")
    return writes
