"""``kiosk --screenshot`` draws one screen to a PNG with no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


def screenshot(demo_dir: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "--demo",
            "--data-dir",
            str(demo_dir),
            "--screenshot",
            str(out),
            *extra,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_screenshot_of_this_week_in_punjabi_at_200(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "shots" / "week.png"
    result = screenshot(
        demo_dir,
        out,
        "--screen",
        "this-week",
        "--size",
        "1920x1080",
        "--locale",
        "pa",
        "--text-scale",
        "200",
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)


def test_an_unknown_screen_is_named_not_crashed(demo_dir: Path, tmp_path: Path) -> None:
    result = screenshot(demo_dir, tmp_path / "x.png", "--screen", "the-moon")
    assert result.returncode == 2
    assert "No screen called 'the-moon'" in result.stdout
    assert "Traceback" not in result.stderr
