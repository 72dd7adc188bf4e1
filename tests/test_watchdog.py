"""The systemd watchdog: READY once, then pings from the GUI thread; a unit that uses them."""

from __future__ import annotations

import configparser
import socket
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.ui.watchdog import Watchdog, sd_notify

ROOT = Path(__file__).resolve().parent.parent


def listener(tmp_path: Path) -> tuple[socket.socket, str]:
    path = str(tmp_path / "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(5)
    return sock, path


def test_ready_then_pings_at_half_the_interval(qtbot: QtBot, tmp_path: Path) -> None:
    sock, path = listener(tmp_path)
    try:
        dog = Watchdog(environ={"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "400000"})
        assert dog.interval_ms == 200
        assert dog.start()
        assert sock.recv(64) == b"READY=1"
        qtbot.waitUntil(lambda: dog.pings >= 2, timeout=5000)
        assert sock.recv(64) == b"WATCHDOG=1"
    finally:
        sock.close()


def test_outside_systemd_it_stays_quiet() -> None:
    assert sd_notify("READY=1", {}) is False
    assert Watchdog(environ={}).start() is False


def test_a_vanished_socket_is_logged_not_fatal(tmp_path: Path) -> None:
    assert sd_notify("READY=1", {"NOTIFY_SOCKET": str(tmp_path / "gone.sock")}) is False


def test_the_unit_restarts_forever_and_watches_the_screen() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # keep systemd's capitals
    unit.read(ROOT / "packaging" / "our-say.service")
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"
    service = unit["Service"]
    assert service["Restart"] == "always"
    assert int(service["RestartSec"]) > 0
    assert service["Type"] == "notify" and service["NotifyAccess"] == "all"
    assert int(service["WatchdogSec"]) >= 10
    assert service["ExecStart"].startswith("/usr/bin/cage -- ")
    assert service["ExecStart"].endswith("/kiosk")
