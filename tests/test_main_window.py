"""The window shows the real residents from the database (offscreen Qt)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.app import build_services, open_home
from kiosk.config import AppConfig
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.resident_card import ResidentCard


def test_window_shows_the_demo_homes_residents(qtbot: QtBot, tmp_path: Path) -> None:
    config = AppConfig.build(data_dir=tmp_path / "demo", demo=True, windowed=True, environ={})
    database = open_home(config)
    try:
        services = build_services(database, config)
        window = MainWindow(residents=services.residents, home_name=services.settings.home_name())
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        names = [card.accessibleName() for card in window.findChildren(ResidentCard)]
        assert names == [r.preferred_name for r in services.residents.list_active()]
        assert len(names) == 12
        assert services.settings.home_name() in window.windowTitle()
    finally:
        database.dispose()
