"""The monkey test (issue #10): 5,000 seeded random taps, swipes, key presses and wheel turns
on the real kiosk window, across every resident and staff screen. No exception escapes to
Qt, Qt complains of nothing critical, the window never closes, and Home always works.

The seed is fixed, so a failure can be replayed; ``MONKEY_SEED=n`` tries another. Nothing
leaves the kiosk meanwhile: no printer (every printout is kept as a file, as when a home
has none), no file dialogs (cancelled, as a manager who thinks better of it), and a
manager's "Close the kiosk" is noted, not done.
"""

from __future__ import annotations

import logging
import math
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.domain.errors import PrintError
from kiosk.printing.output import NO_PRINTERS
from kiosk.ui import records_builders, screen_builders
from kiosk.ui.background_job import BackgroundJob
from kiosk.ui.main_window import MainWindow
from kiosk.ui.speech_player import SpeechPlayer
from kiosk.ui.widgets import touch_button
from tests.helpers.monkey import (
    KINDS,
    STARTS,
    Monkey,
    Session,
    Spy,
    VirtualClock,
    landing,
    plan,
    spying,
)
from tests.helpers.shell import kiosk_window, settle

SEED = int(os.environ.get("MONKEY_SEED", "20240610"))
EVENTS = 5000
PER_SESSION = 100
# The run in five parts, each its own kiosk window on its own copy of the demo home, so
# that two test workers share them: at the residents' own text sizes (each sign-in
# restyles the window), and at four fixed sizes (every screen laid out large or small).
TEXT_SCALES: tuple[int | None, ...] = (None, 100, 200, 125, 175)
# Shown only on a new home with no manager yet; the demo home has one.
NOT_REACHABLE = frozenset({"first-manager"})


def part_of_plan(part: int) -> tuple[Session, ...]:
    sessions = plan(SEED, events=EVENTS, per_session=PER_SESSION)
    share = math.ceil(len(sessions) / len(TEXT_SCALES))
    return sessions[part * share : (part + 1) * share]


@dataclass
class Outside:
    """What the kiosk asked of the world beyond the window during the run."""

    printouts: list[str] = field(default_factory=list)
    file_dialogs: list[str] = field(default_factory=list)
    close_requests: int = 0


@pytest.fixture
def outside(monkeypatch: pytest.MonkeyPatch) -> Outside:
    """No printer, no file dialogs, no closing the kiosk: each noted instead."""
    noted = Outside()

    def no_printer(pdf_file: Path, *_args: object, **_kwargs: object) -> None:
        noted.printouts.append(pdf_file.name)
        raise PrintError(NO_PRINTERS)

    def cancelled_photo(_window: MainWindow) -> None:
        noted.file_dialogs.append("photo")

    def cancelled_folder(_window: MainWindow, caption: str) -> None:
        noted.file_dialogs.append(caption)

    def close_noted(_window: MainWindow) -> None:
        noted.close_requests += 1

    monkeypatch.setattr("kiosk.printing.desk.send_to_printer", no_printer)
    monkeypatch.setattr(screen_builders, "choose_photo", cancelled_photo)
    monkeypatch.setattr(records_builders, "choose_folder", cancelled_folder)
    monkeypatch.setattr(MainWindow, "leave_kiosk", close_noted)
    return noted


def test_the_same_seed_gives_the_same_events() -> None:
    first = plan(SEED, events=EVENTS, per_session=PER_SESSION)
    assert first == plan(SEED, events=EVENTS, per_session=PER_SESSION)
    assert first != plan(SEED + 1, events=EVENTS, per_session=PER_SESSION)
    moves = [move for session in first for move in session.moves]
    assert len(moves) == EVENTS
    assert {session.start for session in first} == set(STARTS)  # every start, at least once
    assert {move.kind for move in moves} == set(KINDS)
    parts = [part_of_plan(part) for part in range(len(TEXT_SCALES))]
    assert tuple(session for part in parts for session in part) == first


def test_every_screen_has_a_start() -> None:
    """A new screen needs a start here, or the monkey may never go there."""
    assert set(screen_builders.BUILDERS) - NOT_REACHABLE <= {landing(s) for s in STARTS}


def test_the_spy_sees_what_escapes_and_what_is_logged(qtbot: QtBot, demo_dir: Path) -> None:
    """The monkey's eyes work: an exception escaping a slot is seen (and the kiosk goes
    Home, as it does), and so is an error the kiosk logs."""

    def fail() -> None:
        raise RuntimeError("a slot that breaks")

    hook = sys.excepthook
    with kiosk_window(demo_dir, windowed=False) as (window, _), spying(window) as spy:
        button = window.home.task_buttons["this-week"]
        button.tapped.connect(fail)  # after the one that opens This week
        spy.at = "event 1"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        logging.getLogger("kiosk.somewhere").error("Could not do it")
        assert window.current is window.home  # gone Home gently
    assert [(t.at, t.what) for t in spy.escaped] == [
        ("event 1", "RuntimeError: a slot that breaks")
    ]
    assert "in fail" in spy.escaped[0].details
    assert [(t.at, t.what) for t in spy.logged] == [("event 1", "kiosk.somewhere: Could not do it")]
    assert sys.excepthook is hook


def test_a_closed_window_is_a_broken_home(
    qtbot: QtBot, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = VirtualClock(time.monotonic())
    monkeypatch.setattr(touch_button, "time", clock)
    with kiosk_window(demo_dir, windowed=False) as (window, services):
        monkey = Monkey(window, services, seed=SEED, clock=clock, spy=Spy())
        assert monkey.check_home(0)
        window.close()  # Alt+F4: the kiosk stays open
        assert monkey.check_home(1)
        window.allow_close()
        window.close()
        assert not monkey.check_home(2)
    assert [str(t) for t in monkey.broken] == ["checking Home after event 2: the window is closed"]


@pytest.mark.slow
@pytest.mark.parametrize("part", range(len(TEXT_SCALES)))
def test_random_events_leave_a_working_home(
    part: int, qtbot: QtBot, demo_dir: Path, outside: Outside, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = VirtualClock(time.monotonic())
    monkeypatch.setattr(touch_button, "time", clock)
    sessions = part_of_plan(part)
    began = time.monotonic()
    with kiosk_window(demo_dir, windowed=False, text_scale=TEXT_SCALES[part]) as (window, services):
        window.connect_speech(SpeechPlayer(None, parent=window))  # "Read this to me", silent
        window.watch_for_activity(QApplication.instance())  # as the kiosk does
        window.activateWindow()
        with spying(window) as spy:
            monkey = Monkey(window, services, seed=SEED, clock=clock, spy=spy)
            monkey.run(sessions)
            _let_workers_finish(window)
        still_open = window.isVisible()
    print(_summary(monkey, spy, outside, part, time.monotonic() - began))

    problems = [f"an exception escaped to Qt at {trouble}" for trouble in spy.escaped]
    problems += [f"a critical Qt message at {trouble}" for trouble in spy.qt_critical]
    problems += [f"Home stopped working: {trouble}" for trouble in monkey.broken]
    problems += [] if still_open else ["the window closed"]
    problems += [
        f"{session.start!r} led to {sorted(monkey.tally.landed[session.start])}"
        for session in sessions
        if landing(session.start) not in monkey.tally.landed.get(session.start, ())
        and session.start != "resident:home"  # "You said, we did" first, with news
        and session.start not in monkey.tally.fallbacks  # the monkey erased who it needed
    ]
    assert problems == [], (
        f"monkey seed {SEED}, part {part} (replay: MONKEY_SEED={SEED} pytest "
        f"'{__file__}::test_random_events_leave_a_working_home[{part}]'):\n" + "\n".join(problems)
    )
    assert sum(monkey.tally.events.values()) == sum(len(s.moves) for s in sessions)


def _let_workers_finish(window: MainWindow) -> None:
    """Printouts, reports and backups still being made finish before the window goes."""
    for job in window.findChildren(BackgroundJob):
        job.wait()
    settle()


def _summary(monkey: Monkey, spy: Spy, outside: Outside, part: int, seconds: float) -> str:
    tally = monkey.tally
    scale = TEXT_SCALES[part]
    lines = [
        f"monkey seed {monkey.seed}, part {part} (text {scale or 'as each resident has it'}): "
        f"{sum(tally.events.values())} events in {seconds:.0f} s, "
        f"{len(tally.starts)} kinds of start, {tally.checks} Home checks",
        "events: " + ", ".join(f"{kind} {n}" for kind, n in tally.events.most_common()),
        f"screens reached ({len(tally.screens)}): "
        + ", ".join(f"{name} {n}" for name, n in tally.screens.most_common()),
        f"staff started without their PIN (locked out by the monkey): {tally.staff_without_pin}; "
        f"starts with someone else: {sum(tally.fallbacks.values())}",
        f"printouts kept, not printed: {len(outside.printouts)}; "
        f"file dialogs cancelled: {len(outside.file_dialogs)}; "
        f"close requests: {outside.close_requests}",
        f"exceptions escaped: {len(spy.escaped)}; errors logged: {len(spy.logged)}; "
        f"critical Qt messages: {len(spy.qt_critical)}",
        *(f"  logged: {trouble.at}: {trouble.what}" for trouble in spy.logged),
        *(f"  Qt warning x{n}: {message}" for message, n in spy.qt_warnings.most_common(10)),
    ]
    return "\n".join(lines)
