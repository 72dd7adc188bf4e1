"""The systemd watchdog: READY once, then pings from the GUI thread; a unit that uses them;
and a manager's "Close the kiosk" that the unit's Restart=always does not undo."""

from __future__ import annotations

import configparser
import shlex
import socket
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import close_for_good
from kiosk.config import CLOSED_FLAG_ENV, AppConfig
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


def read_unit() -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]  # keep systemd's capitals
    unit.read(ROOT / "packaging" / "our-say.service")
    return unit


def test_the_unit_restarts_forever_and_watches_the_screen() -> None:
    unit = read_unit()
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"
    service = unit["Service"]
    assert service["Restart"] == "always"
    assert int(service["RestartSec"]) > 0
    assert service["Type"] == "notify" and service["NotifyAccess"] == "all"
    assert int(service["WatchdogSec"]) >= 10
    assert service["ExecStart"].startswith("/usr/bin/cage -- ")
    assert service["ExecStart"].endswith("/kiosk")


class App:
    def __init__(self) -> None:
        self.quit_calls = 0

    def quit(self) -> None:
        self.quit_calls += 1


def test_closing_leaves_the_flag_tells_systemd_and_quits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flag = tmp_path / "run" / "closed"
    flag.parent.mkdir()
    config = AppConfig.build(data_dir=tmp_path / "home", environ={CLOSED_FLAG_ENV: str(flag)})
    assert config.closed_flag == flag
    sock, path = listener(tmp_path)
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    app = App()
    try:
        close_for_good(config, app)  # type: ignore[arg-type]
        assert sock.recv(64) == b"STOPPING=1"
    finally:
        sock.close()
    assert flag.exists() and app.quit_calls == 1


def test_closing_still_quits_when_the_flag_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    flag = tmp_path / "no-such-folder" / "closed"
    config = AppConfig.build(data_dir=tmp_path / "home", environ={CLOSED_FLAG_ENV: str(flag)})
    app = App()
    close_for_good(config, app)  # type: ignore[arg-type]
    assert app.quit_calls == 1 and not flag.exists()


def test_without_a_flag_setting_nothing_is_written(tmp_path: Path) -> None:
    config = AppConfig.build(data_dir=tmp_path / "home", environ={})
    assert config.closed_flag is None


def test_the_unit_stays_closed_once_after_a_manager_closes_it(tmp_path: Path) -> None:
    """The unit's ExecCondition, run by a real shell as systemd would run it: no flag → go
    on (0); a flag → clear it and say no (1, a skip, which Restart=always respects); the
    next start after that → go on again."""
    service = read_unit()["Service"]
    unit_text = (ROOT / "packaging" / "our-say.service").read_text(encoding="utf-8")
    assert f"Environment={CLOSED_FLAG_ENV}=/run/our-say/closed" in unit_text
    assert "RuntimeDirectory=our-say" in unit_text and "RuntimeDirectoryPreserve=yes" in unit_text
    command = shlex.split(service["ExecCondition"].replace("$$", "$"))
    flag = tmp_path / "closed"

    def condition() -> int:
        env = {"PATH": "/usr/bin:/bin", CLOSED_FLAG_ENV: str(flag)}
        return subprocess.run(command, env=env, check=False, timeout=30).returncode

    assert condition() == 0
    flag.write_text("closed by a manager\n", encoding="utf-8")
    assert condition() == 1
    assert not flag.exists()
    assert condition() == 0
