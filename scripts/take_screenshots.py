"""Render the kiosk's screens to PNG files on a copy of the demo home, offscreen.

    .venv/bin/python scripts/take_screenshots.py OUT_DIR [--size 1280x800] [--text-scale 200]
        [--locale cy] [--only NAME ...]

Each screen is reached the way a person reaches it (signing in as a resident or a
member of staff first), so what is drawn is what someone would see.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the scenes live in tests/

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app import build_services, build_window, connect_window, open_home
from kiosk.config import AppConfig
from kiosk.speech.synthesizer import SpeechListener
from kiosk.speech.voices import Voice
from kiosk.ui.speech_player import SpeechPlayer
from tests.helpers.scenes import SCENES


class Silent:
    """A speech source that says nothing and is done at once: a screen that reads itself
    aloud is drawn as residents see it, not with "Sorry, I can't speak just now"."""

    available = True

    def __init__(self) -> None:
        self._spoken = 0

    def speak(self, text: str, voice: Voice, listener: SpeechListener) -> int:
        self._spoken += 1
        number = self._spoken
        QTimer.singleShot(0, lambda: listener.finished(number))  # as a real one: later
        return number

    def cancel(self, number: int | None = None) -> None:
        pass


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--text-scale", type=int, default=None)
    parser.add_argument("--locale", default=None)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    app = QApplication.instance() or QApplication([])
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = f"-{args.size}" + (f"-{args.text_scale}" if args.text_scale else "")
    suffix += f"-{args.locale}" if args.locale else ""
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "template"
        for name, go in SCENES.items():
            if args.only and name not in args.only:
                continue
            data = Path(folder) / name
            config = AppConfig.build(
                data_dir=data,
                demo=True,
                windowed=True,
                locale=args.locale,
                text_scale=args.text_scale,
                environ={},
            )
            if template.exists():
                shutil.copytree(template, data)
            database = open_home(config)
            if not template.exists():
                shutil.copytree(data, template)
            window = build_window(config)
            connect_window(window, build_services(database, config))
            window.connect_speech(SpeechPlayer(Silent(), parent=window))
            window.resize(width, height)
            window.show()
            settle()
            go(window, build_services(database, config))
            settle()
            path = args.out / f"{name}{suffix}.png"
            window.grab().save(str(path), "PNG")
            print(path)
            window.allow_close()
            window.close()
            window.deleteLater()
            settle()
            database.dispose()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
