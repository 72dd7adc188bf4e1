"""Child process for the start-up benchmark: start, paint the first screen, print, exit.

``kiosk DATA_DIR``: the real kiosk's start-up path (app.py's own functions) to a painted Home.
``bare N``: a bare PySide6 window with N plain widgets, painted: the baseline.
Prints the number of widgets painted, then exits.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _exit_on_first_paint(target: object, app: object, widgets: int) -> None:
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print(widgets, flush=True)
                os._exit(0)  # measured: no need to tidy up
            return False

    spy = FirstPaint()
    target.installEventFilter(spy)  # type: ignore[attr-defined]
    app.exec()  # type: ignore[attr-defined]


def kiosk(data_dir: str) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from kiosk.app import _application, build_window
    from kiosk.config import AppConfig

    # The same steps as kiosk.app.run_gui up to the first paint; the database opens after.
    config = AppConfig.build(data_dir=Path(data_dir), demo=True, windowed=True, environ={})
    app = _application()
    window = build_window(config)
    window.resize(*config.window_size)
    window.show()
    _exit_on_first_paint(window.home, app, len(window.findChildren(QWidget)))


def bare(count: int) -> None:
    from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QMainWindow, QWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    body = QWidget()
    grid = QGridLayout(body)
    for index in range(count):
        grid.addWidget(QLabel(f"Label {index}"), index // 10, index % 10)
    window.setCentralWidget(body)
    window.resize(1280, 800)
    window.show()
    _exit_on_first_paint(body, app, len(window.findChildren(QWidget)))


if __name__ == "__main__":
    if sys.argv[1] == "kiosk":
        kiosk(sys.argv[2])
    else:
        bare(int(sys.argv[2]))
