"""The layers in DESIGN.md are enforced by import-linter; prove the contract bites."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def run_lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def tree_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "tree"
    shutil.copytree(ROOT / "kiosk", copy / "kiosk", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def test_the_project_keeps_its_layers(tree_copy: Path) -> None:
    result = run_lint_imports(tree_copy)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("kiosk/ui/leak.py", "import sqlalchemy", "never to the database"),
        ("kiosk/ui/leak.py", "from kiosk.storage import models", "never to the database"),
        ("kiosk/services/leak.py", "from PySide6 import QtWidgets", "No Qt below the ui"),
        ("kiosk/domain/leak.py", "from kiosk.storage import models", "imports nothing else"),
        ("kiosk/storage/leak.py", "from kiosk.services import residents", "Layers"),
        ("kiosk/printing/leak.py", "from kiosk.services import residents", "domain only"),
        ("kiosk/ui/leak.py", "from kiosk import app", "composition root"),
    ],
)
def test_a_wrong_import_breaks_a_contract(
    tree_copy: Path, module: str, line: str, broken: str
) -> None:
    (tree_copy / module).write_text(line + "\n", encoding="utf-8")
    result = run_lint_imports(tree_copy)
    assert result.returncode != 0
    assert broken in result.stdout
    assert "BROKEN" in result.stdout
