"""A long, seeded walk through the real kiosk window: navigations and speech requests,
counted one by one, and the process's resources counted before and after (the soak test).

Every step is something a person does: a tap on a button on the screen (a real mouse
click; the button's own ``tapped`` signal when the same button was tapped less than
300 ms before, which a real tap would have been ignored for), choosing a face, typing a
PIN on the pad, "Read this to me", a button read aloud on a long press. Nothing reaches
into a screen's insides.
"""

from __future__ import annotations

import contextlib
import os
import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.app import Services
from kiosk.storage.demo_content import STAFF
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.touch_button import TouchButton

GUARD_S = 0.35  # a TouchButton ignores a second accepted tap on itself within 300 ms
MARGARET_PIN = "7314"
# Residents with no PIN to their plan, and different languages, text sizes and contrasts:
# each sign-in changes the window's theme and words, and back again.
VISITORS = ("Dot", "Ron", "Bill", "Eirlys", "Dai", "Helena", "Mr Patel", "Mrs Kaur")
RESIDENT_TASKS = ("this-week", "suggest-meal", "suggest-idea", "vote", "how-was-it", "language")
STAFF_TOOLS = {
    "manager": ("residents", "staff-list", "audit", "backups", "evidence", "care-plans"),
    "coordinator": ("ideas-inbox", "polls", "week-planner", "activity-feedback"),
    "kitchen": ("kitchen-inbox", "dishes", "menu-planner"),
    "carer": ("care-plans", "talk-requests"),
}
# Sentences no screen says: each is recorded once by the speech worker, then cached.
NEW_SENTENCE_CHANCE = 0.02
NEW_WORDS = (
    "Tea is at {n} o'clock today.",
    "Room {n} has a new plant.",
    "The bus comes at {n} past ten.",
    "We sang {n} songs in the lounge.",
)


@dataclass(frozen=True)
class Counts:
    """What the process holds at one moment."""

    rss_kb: int  # resident set size, /proc/self/status VmRSS
    widgets: int  # QApplication.allWidgets()
    python_threads: int  # threading.active_count()
    os_threads: int  # /proc/self/task: Qt's, the media backend's, SQLite's, Python's
    fds: int  # /proc/self/fd

    def line(self) -> str:
        return (
            f"RSS {self.rss_kb / 1024:.1f} MB, {self.widgets} widgets, "
            f"{self.python_threads} Python threads, {self.os_threads} OS threads, "
            f"{self.fds} open files"
        )


def open_files() -> list[str]:
    """What each of this process's open file descriptors points to ("pipe:[…]", a path…)."""
    targets = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            targets.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:  # closed while we looked (the listing's own descriptor)
            continue
    return sorted(targets)


def count_now() -> Counts:
    status = Path("/proc/self/status").read_text(encoding="ascii")
    rss = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return Counts(
        rss_kb=rss,
        widgets=len(QApplication.allWidgets()),
        python_threads=threading.active_count(),
        os_threads=len(os.listdir("/proc/self/task")),
        fds=len(os.listdir("/proc/self/fd")),
    )


def run_event_loop_once() -> None:
    """What returning to the event loop does between two touches: pending events, and the
    deletions asked for with deleteLater() (a test never returns to the loop itself)."""
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class SoakWalk:
    """Drives ``window`` through seeded journeys, one counted operation at a time."""

    def __init__(self, window: MainWindow, services: Services, *, seed: int = 10) -> None:
        self.window = window
        self.services = services
        self.random = random.Random(seed)
        self.operations = 0
        self.speech_requests = 0
        self.new_sentences = 0
        self.kinds: dict[str, int] = {}
        self._tapped_at: dict[int, float] = {}
        residents = services.residents.list_active()
        self._resident_ids = {r.preferred_name: r.id for r in residents}
        self._staff = {
            person.role: (
                next(m.id for m in services.staff.sign_in_choices() if m.name == person.name),
                person.pin,
            )
            for person in STAFF
        }
        self._staff_names = {m.id: m.name for m in services.staff.sign_in_choices()}

    # -- the walk ------------------------------------------------------------------------

    def tour(self) -> None:
        """Every journey once, every screen of it built: the start of the warm-up."""
        for name in VISITORS:
            self._finish(self._resident_visit(name, RESIDENT_TASKS))
        for name in ("Margaret", "Mrs Kaur"):
            self._finish(self._care_plan_visit(name))
        for role, tools in STAFF_TOOLS.items():
            self._finish(self._staff_visit(role, tools))
        self._finish(self._listen())

    def run(self, operations: int) -> None:
        """Walk on until ``operations`` more have been done (a journey may end a few past,
        so that every measurement is taken with nobody at the kiosk, at Home)."""
        target = self.operations + operations
        while self.operations < target:
            pick = self.random.choices(("resident", "care plan", "staff", "listen"), (4, 2, 2, 3))
            if pick == ["resident"]:
                tasks = self.random.sample(RESIDENT_TASKS, self.random.randint(2, 4))
                journey = self._resident_visit(self.random.choice(VISITORS), tasks)
            elif pick == ["care plan"]:
                journey = self._care_plan_visit(self.random.choice(("Margaret", "Mrs Kaur")))
            elif pick == ["staff"]:
                role = self.random.choice(tuple(STAFF_TOOLS))
                tools = self.random.sample(STAFF_TOOLS[role], min(3, len(STAFF_TOOLS[role])))
                journey = self._staff_visit(role, tools)
            else:
                journey = self._listen()
            self._finish(journey)

    def wait_for_quiet(self, timeout_s: float = 120) -> None:
        """Until the speech worker has caught up with every request and every sentence's
        player has finished and gone: what the kiosk is like between two visitors."""
        speech = self.window.speech
        if speech is not None and speech.available:
            finished: list[bool] = []

            def on_stopped() -> None:
                finished.append(True)

            self.window.read_words("That is all for now.")  # queued behind all the others
            speech.stopped.connect(on_stopped)  # after: speaking stops what was speaking
            self._wait_until(lambda: bool(finished), timeout_s)
            speech.stopped.disconnect(on_stopped)
        self._wait_until(lambda: not self.window.findChildren(_media_player()), timeout_s)
        run_event_loop_once()

    @staticmethod
    def _finish(journey: Iterator[str]) -> None:
        for _ in journey:
            pass

    # -- journeys: each yields once per operation done ----------------------------------------

    def _resident_visit(self, name: str, tasks: Sequence[str]) -> Iterator[str]:
        window = self.window
        yield from self._sign_in(name)
        for task in tasks:
            if window.current is not window.home:
                yield self._tap(window.home_button, "home")
            home = window.home
            button = home.language_button if task == "language" else home.task_buttons[task]
            yield self._tap(button, "open a screen")
            assert window.current.name == task, (task, window.current.name)
            yield from self._listen_here(self.random.randint(1, 4))
            yield self._tap(window.back_button, "back")
        yield self._do(window.sign_out, "sign out")

    def _care_plan_visit(self, name: str) -> Iterator[str]:
        window = self.window
        yield from self._sign_in(name)
        if window.current is not window.home:
            yield self._tap(window.home_button, "home")
        yield self._tap(window.home.task_buttons["my-care-plan"], "open a screen")
        if window.current.name == "private-pin":
            yield from self._type_pin(window.private_pin.pin_pad.digit_keys, MARGARET_PIN)
        assert window.current.name == "my-care-plan", window.current.name
        plan = window.current
        for _ in range(self.random.randint(1, 4)):
            yield from self._listen_here(self.random.randint(1, 3))
            if plan.next_button.isVisible():  # type: ignore[attr-defined]
                yield self._tap(plan.next_button, "turn a page")  # type: ignore[attr-defined]
        yield self._tap(window.home_button, "home")
        yield self._do(window.sign_out, "sign out")

    def _staff_visit(self, role: str, tools: Sequence[str]) -> Iterator[str]:
        window = self.window
        staff_id, pin = self._staff[role]
        yield self._tap(window.home.staff_button, "staff sign-in")
        screen = window.staff_sign_in
        name = self._staff_names[staff_id]
        button = next((b for b in screen.name_buttons if b.words == name), None)
        if button is not None and button.isVisible():
            yield self._tap(button, "choose a name")
        else:  # on another page of names
            yield self._do(lambda: screen.choose(staff_id), "choose a name")
        yield from self._type_pin(screen.pin_pad.digit_keys, pin)
        assert window.current.name == "staff-room", window.current.name
        room = window.current
        for tool in tools:
            yield self._tap(room.tool_buttons[tool], "open a staff tool")  # type: ignore[attr-defined]
            assert window.current.name == tool, (tool, window.current.name)
            yield self._tap(window.back_button, "back")
        yield self._tap(window.home_button, "home: staff signed out")

    def _listen(self) -> Iterator[str]:
        """Nobody signed in: This week, or the languages, heard."""
        window = self.window
        for task in self.random.sample(("this-week", "language"), self.random.randint(1, 2)):
            home = window.home
            button = home.language_button if task == "language" else home.task_buttons[task]
            yield self._tap(button, "open a screen")
            yield from self._listen_here(self.random.randint(2, 6))
            yield self._tap(window.back_button, "back")

    def _listen_here(self, times: int) -> Iterator[str]:
        """Speech requests on the screen on show: mostly "Read this to me", some a button's
        words (a long press), now and then a sentence never heard before."""
        for _ in range(times):
            chance = self.random.random()
            if chance < NEW_SENTENCE_CHANCE:
                self.new_sentences += 1
                words = NEW_WORDS[self.new_sentences % len(NEW_WORDS)]
                yield self._read_words(words.format(n=self.new_sentences), "new words")
            elif chance < 0.3:
                buttons = [
                    b for b in self.window.current.findChildren(TouchButton) if b.isVisible()
                ]
                labelled = [b for b in buttons if b.accessibleName()] or [self.window.back_button]
                button = self.random.choice(labelled)
                yield self._read_words(button.accessibleName(), "a button's words (long press)")
            else:
                yield self._read_screen()

    # -- single operations ------------------------------------------------------------------

    def _sign_in(self, name: str) -> Iterator[str]:
        window = self.window
        if window.current is not window.home:
            yield self._tap(window.home_button, "home")
        yield self._tap(window.home.who_button, "who are you?")
        tile = next(
            (t for t in window.who.visible_faces() if t.accessibleName() == name and t.isVisible()),
            None,
        )
        if tile is not None:
            yield self._tap(tile, "choose a face")
        else:  # on another page of faces
            rid = self._resident_ids[name]
            yield self._do(lambda: window.who.resident_chosen.emit(rid), "choose a face")
        if window.current.name == "answers":
            yield self._tap(window.current.thank_you_button, "thank you")  # type: ignore[attr-defined]

    def _type_pin(self, keys: dict[str, TouchButton], pin: str) -> Iterator[str]:
        for digit in pin:
            yield self._tap(keys[digit], "a PIN number")

    def _read_screen(self) -> str:
        self.speech_requests += 1
        return self._do(self.window.read_screen, "read this to me")

    def _read_words(self, words: str, kind: str) -> str:
        self.speech_requests += 1
        return self._do(lambda: self.window.read_words(words), kind)

    def _tap(self, button: QAbstractButton, kind: str) -> str:
        assert button.isVisible(), f"{kind}: {button.accessibleName()!r} is not on screen"
        now = time.monotonic()
        key = id(button)
        if now - self._tapped_at.get(key, 0.0) < GUARD_S:
            button.tapped.emit()  # type: ignore[attr-defined]
            return self._done(kind)
        self._tapped_at[key] = now
        if len(self._tapped_at) > 256:  # buttons made anew (names, faces) are forgotten
            self._tapped_at = {k: t for k, t in self._tapped_at.items() if now - t < GUARD_S}
        taps: list[bool] = []

        def on_tapped() -> None:
            taps.append(True)

        button.tapped.connect(on_tapped)  # type: ignore[attr-defined]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        with contextlib.suppress(RuntimeError):  # the tap may have deleted the button
            button.tapped.disconnect(on_tapped)  # type: ignore[attr-defined]
        if taps:
            return self._done(kind)
        # Not taken: with talking buttons on, a first tap reads the button's words aloud.
        assert getattr(button, "talking", False), f"{kind}: the tap was not taken"
        self.speech_requests += 1
        self._done("a button read aloud (talking buttons)")
        button.tapped.emit()  # type: ignore[attr-defined] - the second tap, which acts
        return self._done(kind)

    def _do(self, action: Callable[[], object], kind: str) -> str:
        action()
        return self._done(kind)

    def _done(self, kind: str) -> str:
        run_event_loop_once()
        self.operations += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        return kind

    @staticmethod
    def _wait_until(condition: Callable[[], bool], timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError("the kiosk did not settle in time")
            # Not QTest.qWait: it keeps Python's lock while Qt deletes a finished media
            # player, whose audio thread needs that lock to end: both wait for ever.
            time.sleep(0.02)
            run_event_loop_once()


def _media_player() -> type:
    from PySide6.QtMultimedia import QMediaPlayer

    return QMediaPlayer
