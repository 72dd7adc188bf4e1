"""Building the real kiosk window on a copy of the demo home, as app.py does."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from kiosk.app import (
    Services,
    build_services,
    build_window,
    connect_window,
    open_home,
    start_speech,
)
from kiosk.config import AppConfig
from kiosk.ui.main_window import MainWindow


@contextmanager
def kiosk_window(
    data_dir: Path,
    *,
    language: str | None = None,
    text_scale: int | None = None,
    size: tuple[int, int] = (1280, 800),
    windowed: bool = True,
    speech: bool = False,
    database_url: str | None = None,
) -> Iterator[tuple[MainWindow, Services]]:
    """The kiosk on the demo home in ``data_dir`` (or, given ``database_url``, on that
    database: a copy of the demo home on a PostgreSQL server)."""
    config = AppConfig.build(
        data_dir=data_dir,
        demo=True,
        locale=language,
        windowed=windowed,
        text_scale=text_scale,
        environ={},
    )
    if database_url is not None:
        config = dataclasses.replace(config, database_url=database_url)
    database = open_home(config)
    services = build_services(database, config)
    window = build_window(config)
    connect_window(window, services)
    synthesizer = start_speech(config, window) if speech else None
    try:
        window.resize(*size)
        window.show()
        settle()
        yield window, services
    finally:
        if synthesizer is not None:
            synthesizer.close()
        window.allow_close()
        window.close()
        window.deleteLater()
        settle()
        # processEvents() leaves deleteLater()'s deletions for the event loop, which a test
        # never returns to: do them now, or every window of every test lives on (and its
        # timers keep firing through the tests after it).
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        database.dispose()


def settle() -> None:
    """Let Qt lay out and paint everything pending."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()
