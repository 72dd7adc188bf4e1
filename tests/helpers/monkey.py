"""A monkey for the real kiosk window: seeded random taps, swipes, key presses and wheel
turns across every resident and staff screen, with a spy on anything that goes wrong.

The plan (the sessions, where each starts, and every event in them) comes from the seed
alone, so the same seed always gives the same sequence. What an event lands on depends on
what is on the screen at that moment ("the third button shown", "a point 40 % across").

Each session starts the way a person gets somewhere: a resident chooses their face and a
task, or a member of staff signs in (with their demo PIN; when the monkey has locked them
out or changed their PIN, as the member they are). Then the monkey is let loose.
"""

from __future__ import annotations

import logging
import math
import random
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import TracebackType

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from kiosk.app import Services
from kiosk.domain.access import Actor
from kiosk.domain.enums import CarePlanAccess, StaffRole
from kiosk.domain.errors import KioskError
from kiosk.domain.residents import Resident
from kiosk.logs import qt_message_level
from kiosk.storage.demo_content import STAFF
from kiosk.ui.idle_watch import WARNING_S
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.touch_button import LONG_PRESS_MS, REPEAT_GUARD_MS

# What the monkey does, and how often (out of 1000 events).
KINDS: dict[str, int] = {
    "tap": 420,  # a control on the screen: a button, a text box, a scroll bar
    "tap-anywhere": 60,  # any point of the window, the bar's buttons included
    "swipe": 90,  # press, drag, let go
    "key": 260,  # a key on a real keyboard plugged into the kiosk
    "wheel": 100,  # a mouse wheel
    "back": 35,  # the Back button
    "home": 15,  # the Home button
    "long-press": 2,  # held until the button says its words
    "idle-warn": 12,  # nobody touched it for a while: "Are you still there?"
    "idle-expire": 6,  # ... and nobody answered
}

# Keys by name: (key, modifiers), or the text typed.
NAMED_KEYS: dict[str, tuple[Qt.Key, Qt.KeyboardModifier]] = {
    "Escape": (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    "Alt+F4": (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    "Tab": (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    "Shift+Tab": (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier),
    "Return": (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    "Enter": (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier),
    "Space": (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
    "Backspace": (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
    "Delete": (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    "Left": (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
    "Right": (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
    "Up": (Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier),
    "Down": (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
    "PageUp": (Qt.Key.Key_PageUp, Qt.KeyboardModifier.NoModifier),
    "PageDown": (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier),
    "Home": (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier),
    "End": (Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier),
    "F1": (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
    "Ctrl+A": (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+Z": (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+V": (Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier),
}
TYPED = ("a", "e", "M", "z", " ", "0", "4", "7", "9", "<", "&", "'", "é", "ł", "ŵ", "ਸ")
KEYS: tuple[str, ...] = (*NAMED_KEYS, *TYPED)

# Where a session starts: a screen reached as a person reaches it. "role:screen" for
# staff; "resident:screen" for a resident who has chosen their face.
STARTS: tuple[str, ...] = (
    "home",
    "who",
    "language",
    "this-week",
    "staff-sign-in",
    "resident:home",
    "resident:answers",
    "resident:suggest-meal",
    "resident:suggest-idea",
    "resident:vote",
    "resident:how-was-it",
    "resident:my-care-plan",
    "resident:private-pin",
    "resident:staff-help",
    "manager:staff-room",
    "manager:residents",
    "manager:staff-list",
    "manager:audit",
    "manager:backups",
    "manager:evidence",
    "kitchen:kitchen-inbox",
    "kitchen:dishes",
    "kitchen:menu-planner",
    "coordinator:ideas-inbox",
    "coordinator:polls",
    "coordinator:week-planner",
    "coordinator:activity-feedback",
    "carer:staff-room",
    "carer:care-plans",
    "carer:talk-requests",
)

# Every monkey event is this far apart on the buttons' clock, so the tremor guard
# (a second tap within 300 ms is ignored) never drops one, however fast the machine.
EVENT_SPACING_S = (REPEAT_GUARD_MS + 100) / 1000
SWIPE_STEPS = 4


@dataclass(frozen=True, slots=True)
class Move:
    """One event, drawn from the seed: what to do, and where, as shares of what is shown."""

    kind: str
    pick: float  # which widget: a share of the widgets on screen
    x: float  # where: a share of the widget's (or the window's) width ...
    y: float  # ... and height
    to_x: float  # where a swipe ends
    to_y: float
    key: str  # a name from KEYS, for "key"
    notches: int  # wheel notches, up (+) or down (-)

    def describe(self) -> str:
        if self.kind == "key":
            return f"key {self.key!r}"
        if self.kind == "swipe":
            return f"swipe ({self.x:.2f},{self.y:.2f})→({self.to_x:.2f},{self.to_y:.2f})"
        if self.kind == "wheel":
            return f"wheel {self.notches:+d} at ({self.x:.2f},{self.y:.2f})"
        return f"{self.kind} (pick {self.pick:.2f}, at {self.x:.2f},{self.y:.2f})"


@dataclass(frozen=True, slots=True)
class Session:
    number: int  # counted from 1 in the whole plan
    first_event: int  # the number of its first event in the whole plan, from 1
    start: str  # a name from STARTS
    who: float  # which resident, as a share of those living there
    moves: tuple[Move, ...]


def plan(seed: int, *, events: int, per_session: int) -> tuple[Session, ...]:
    """The whole run, from the seed alone: every start at least once (in an order the seed
    chooses), then starts drawn at random, ``per_session`` events each."""
    rng = random.Random(seed)
    count = math.ceil(events / per_session)
    starts = list(STARTS)
    rng.shuffle(starts)
    starts += [rng.choice(STARTS) for _ in range(max(0, count - len(starts)))]
    kinds, weights = list(KINDS), list(KINDS.values())
    sessions = []
    for index in range(count):
        first = index * per_session
        size = min(per_session, events - first)
        moves = tuple(_move(rng, rng.choices(kinds, weights)[0]) for _ in range(size))
        sessions.append(Session(index + 1, first + 1, starts[index], rng.random(), moves))
    return tuple(sessions)


def landing(start: str) -> str:
    """The screen a session's start leads to (a private screen's check, for two of them)."""
    screen = start.rpartition(":")[2]
    return {"private-pin": "private-pin", "staff-help": "staff-sign-in"}.get(screen, screen)


def _move(rng: random.Random, kind: str) -> Move:
    return Move(
        kind=kind,
        pick=rng.random(),
        x=rng.random(),
        y=rng.random(),
        to_x=rng.random(),
        to_y=rng.random(),
        key=rng.choice(KEYS),
        notches=rng.choice((-3, -1, 1, 3)),
    )


class VirtualClock:
    """Stands in for :mod:`time` in the touch buttons: it moves on only when told."""

    def __init__(self, start: float) -> None:
        self.now = start

    def monotonic(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


# -- the spy -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trouble:
    """Something that went wrong, and the event that was being made when it did."""

    at: str
    what: str
    details: str = ""

    def __str__(self) -> str:
        return f"{self.at}: {self.what}" + (f"\n{self.details}" if self.details else "")


@dataclass
class Spy:
    """What went wrong during a run: exceptions that escaped to Qt (the kiosk logged them
    and went Home), errors the kiosk caught and logged, and Qt's own complaints."""

    at: str = "before the first event"
    escaped: list[Trouble] = field(default_factory=list)
    logged: list[Trouble] = field(default_factory=list)
    qt_critical: list[Trouble] = field(default_factory=list)
    qt_warnings: Counter[str] = field(default_factory=Counter)
    _in_hook: bool = False

    def on_exception(self, trace: str, summary: str) -> None:
        self.escaped.append(Trouble(self.at, summary, trace))

    def on_record(self, record: logging.LogRecord) -> None:
        if self._in_hook or record.levelno < logging.ERROR:
            return
        trace = "".join(traceback.format_exception(*record.exc_info)) if record.exc_info else ""
        self.logged.append(Trouble(self.at, f"{record.name}: {record.getMessage()}", trace))

    def on_qt_message(self, mode: QtMsgType, message: str) -> None:
        if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.qt_critical.append(Trouble(self.at, message))
        elif qt_message_level(mode.name, message) >= logging.WARNING:  # not known chatter
            self.qt_warnings[message] += 1


class _SpyHandler(logging.Handler):
    def __init__(self, spy: Spy) -> None:
        super().__init__(logging.ERROR)
        self.spy = spy

    def emit(self, record: logging.LogRecord) -> None:
        self.spy.on_record(record)


@contextmanager
def spying(window: MainWindow) -> Iterator[Spy]:
    """Watch for trouble while the window runs as the kiosk runs it: an exception that
    escapes a slot is logged and the resident goes Home (kiosk.app's own hook); the spy
    sees it first. Qt's messages and the log's errors are watched too."""
    from kiosk.app import _recover_from_unexpected_errors

    spy = Spy()
    before_hook = sys.excepthook
    _recover_from_unexpected_errors(window)
    kiosk_hook = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        spy.on_exception(
            "".join(traceback.format_exception(kind, error, trace)), f"{kind.__name__}: {error}"
        )
        spy._in_hook = True
        try:
            kiosk_hook(kind, error, trace)
        finally:
            spy._in_hook = False

    def qt_handler(mode: QtMsgType, context: object, message: str) -> None:
        spy.on_qt_message(mode, message)
        if callable(before_handler):
            before_handler(mode, context, message)

    handler = _SpyHandler(spy)
    root = logging.getLogger()
    root.addHandler(handler)
    sys.excepthook = hook
    before_handler = qInstallMessageHandler(qt_handler)
    try:
        yield spy
    finally:
        qInstallMessageHandler(before_handler)
        sys.excepthook = before_hook
        root.removeHandler(handler)


# -- the monkey ----------------------------------------------------------------------------

INTERACTIVE = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSlider)


@dataclass
class Tally:
    """What a run did: events by kind, the screens it was on, what it asked of the world."""

    events: Counter[str] = field(default_factory=Counter)
    screens: Counter[str] = field(default_factory=Counter)
    starts: Counter[str] = field(default_factory=Counter)
    landed: dict[str, set[str]] = field(default_factory=dict)  # where each start led
    fallbacks: Counter[str] = field(default_factory=Counter)  # starts that could not be had
    checks: int = 0
    staff_without_pin: int = 0  # sessions started as a member of staff the monkey locked out


class Monkey:
    """Plays a plan's sessions on the real window, and checks Home every ``check_every``
    events and at the end (what is wrong goes in :attr:`broken`; the run stops there)."""

    def __init__(
        self,
        window: MainWindow,
        services: Services,
        *,
        seed: int,
        clock: VirtualClock,
        spy: Spy,
        check_every: int = 250,
    ) -> None:
        self.window = window
        self.services = services
        self.seed = seed
        self.clock = clock
        self.spy = spy
        self.check_every = check_every
        self.tally = Tally()
        self.broken: list[Trouble] = []
        members = {m.name: m.id for m in services.staff.sign_in_choices()}
        self._staff = {demo.role: (members[demo.name], demo.pin) for demo in STAFF}

    # -- the run ---------------------------------------------------------------------------

    def run(self, sessions: Sequence[Session]) -> None:
        """Every session, every event; stops early only when Home no longer works."""
        done = last = 0
        for session in sessions:
            self.spy.at = f"starting session {session.number} at {session.start!r}"
            self.start(session.start, session.who)
            self.tally.starts[session.start] += 1
            self.tally.landed.setdefault(session.start, set()).add(self.window.current.name)
            self._note_screen()
            for number, move in enumerate(session.moves, session.first_event):
                self.spy.at = (
                    f"event {number} (session {session.number}, from {session.start!r}), "
                    f"{move.describe()} on {self.window.current.name!r}"
                )
                self.play(move)
                self._note_screen()
                done, last = done + 1, number
                if done % self.check_every == 0 and not self.check_home(number):
                    return
        if done % self.check_every:
            self.check_home(last)

    def _note_screen(self) -> None:
        self.tally.screens[self.window.current.name] += 1

    def check_home(self, after_event: int) -> bool:
        """The window is open, and Home works: going there, then tapping "This week"."""
        self.tally.checks += 1
        self.spy.at = f"checking Home after event {after_event}"
        problem = self._home_problem()
        if problem is not None:
            self.broken.append(Trouble(self.spy.at, problem))
        return problem is None

    def _home_problem(self) -> str | None:
        window = self.window
        if not window.isVisible():
            return "the window is closed"
        if window.still_here.isVisible() and not self._press_button(
            window.still_here.button, lambda: not window.still_here.isVisible()
        ):
            return '"I\'m still here" did not bring the screen back'
        was_on = window.current.name
        if window.current is not window.home and not self._press_button(
            window.home_button, lambda: window.current is window.home
        ):
            return f"the Home button did not go Home from {was_on!r}"
        if not window.home.isVisible():
            return f"Home is not on screen after going Home from {was_on!r}"
        this_week = window.home.task_buttons.get("this-week")
        if this_week is None or not this_week.isVisible():
            return "Home has no This week button"
        if not self._press_button(this_week, lambda: window.current.name == "this-week"):
            return f"tapping This week on Home opened {window.current.name!r}"
        if not window.current.isVisible():
            return "This week is not on screen"
        self._press_button(window.home_button, lambda: window.current is window.home)
        if window.current is not window.home:
            return "the Home button did not go Home from This week"
        return None

    def _press_button(self, button: QAbstractButton, done: Callable[[], bool]) -> bool:
        """Tap as a person does; a second time if the first was read aloud (talking buttons)."""
        for _ in range(2):
            self.clock.tick(EVENT_SPACING_S)
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            settle()
            if done():
                return True
        return False

    # -- where sessions start --------------------------------------------------------------

    def start(self, start: str, who: float) -> None:
        """Nobody at the kiosk, then the start's screen, reached as a person reaches it."""
        window = self.window
        window.sign_out()
        who_or_role, _, screen = start.rpartition(":")
        try:
            if who_or_role == "resident":
                self._start_as_resident(screen, who)
            elif who_or_role:
                self._start_as_staff(StaffRole(who_or_role), screen)
            elif screen == "staff-sign-in":
                window.open_staff_tools()
            elif screen != "home":
                window.open_screen(screen)
        except KioskError as error:  # the monkey changed something the start relied on
            self.broken.append(Trouble(self.spy.at, f"could not start: {error.text()}"))
            window.sign_out()
        settle()

    def _start_as_staff(self, role: StaffRole, screen: str) -> None:
        staff_id, pin = self._staff[role]
        try:
            actor = self.services.staff.sign_in(staff_id, pin)
        except KioskError:  # locked out by the monkey's wrong PINs, or given a new PIN
            actor = Actor.staff(staff_id, role)
            self.tally.staff_without_pin += 1
        self.window.on_staff_signed_in(actor)
        if screen != "staff-room":
            self.window.open_screen(screen)

    def _start_as_resident(self, screen: str, who: float) -> None:
        access = self.services.private_access
        wanted: Callable[[Resident], bool] = {
            "private-pin": lambda r: access.access_mode(r.id) is CarePlanAccess.PIN,
            "staff-help": lambda r: access.access_mode(r.id) is CarePlanAccess.STAFF,
        }.get(screen, lambda _: True)
        everyone = self.services.residents.list_active()
        living = [r for r in everyone if wanted(r)]
        if not living:  # the monkey changed or erased them all: someone else, or Home
            self.tally.fallbacks[f"resident:{screen}"] += 1
            living = everyone
            if not living:
                return
        resident = living[int(who * len(living))]
        window = self.window
        window.sign_in(resident.id)
        if screen == "home":
            return  # "You said, we did" comes first when there is news
        if window.current.name == "answers":
            if screen == "answers":
                return
            window.after_answers()
        if screen in ("private-pin", "staff-help"):
            window.open_screen("my-care-plan")  # their PIN, or a member of staff
            return
        window.open_screen(screen)
        if screen == "my-care-plan" and window.current.name != screen:
            window.on_private_unlocked(Actor.resident_in_private(resident.id))

    # -- the events ------------------------------------------------------------------------

    def play(self, move: Move) -> None:
        self.clock.tick(EVENT_SPACING_S)
        self.tally.events[move.kind] += 1
        getattr(self, "_" + move.kind.replace("-", "_"))(move)
        QApplication.processEvents()
        # What the event loop does between touches: widgets a screen let go of are deleted.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _candidates(self) -> list[QWidget]:
        """What a finger could land on: the screen's controls (the bar's Home and Back have
        their own events, so the monkey spends its time on the screens themselves)."""
        window = self.window
        root = window.still_here if window.still_here.isVisible() else window.current
        found: list[QWidget] = []
        for kind in INTERACTIVE:
            found += root.findChildren(kind)  # type: ignore[arg-type]
        return [w for w in found if w.isVisible()]

    def _tap(self, move: Move) -> None:
        shown = self._candidates()
        if not shown:
            self._tap_anywhere(move)
            return
        target = shown[min(len(shown) - 1, int(move.pick * len(shown)))]
        QTest.mouseClick(
            target,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            _inside(target, move.x, move.y),
        )

    def _tap_anywhere(self, move: Move) -> None:
        target, where = self._under(move.x, move.y)
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)

    def _swipe(self, move: Move) -> None:
        target, start = self._under(move.x, move.y)
        end = target.mapFrom(self.window, _point(self.window, move.to_x, move.to_y))
        left = Qt.MouseButton.LeftButton
        QTest.mousePress(target, left, Qt.KeyboardModifier.NoModifier, start)
        for step in range(1, SWIPE_STEPS + 1):
            QTest.mouseMove(target, start + (end - start) * (step / SWIPE_STEPS))
            QApplication.processEvents()
        if _alive(target):
            QTest.mouseRelease(target, left, Qt.KeyboardModifier.NoModifier, end)

    def _long_press(self, move: Move) -> None:
        shown = self._candidates()
        if not shown:
            return
        target = shown[min(len(shown) - 1, int(move.pick * len(shown)))]
        where = _inside(target, move.x, move.y)
        QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
        QTest.qWait(LONG_PRESS_MS + 50)
        if _alive(target):
            QTest.mouseRelease(
                target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where
            )

    def _key(self, move: Move) -> None:
        focused = QApplication.focusWidget()
        window = self.window
        target = focused if focused is not None and window.isAncestorOf(focused) else window
        if move.key in NAMED_KEYS:
            key, modifiers = NAMED_KEYS[move.key]
            QTest.keyClick(target, key, modifiers)
            if move.key == "Alt+F4":
                window.close()  # what a window manager does on Alt+F4
        elif move.key.isascii():
            QTest.keyClicks(target, move.key)
        else:  # QTest knows only ASCII: a key from a Welsh, Polish or Punjabi keyboard
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, move.key)
                QApplication.sendEvent(target, event)

    def _wheel(self, move: Move) -> None:
        target, where = self._under(move.x, move.y)
        area = _scroll_area_of(target)
        if area is not None:  # a wheel turns what the pointer is over: the scrolling part
            where = area.viewport().mapFromGlobal(target.mapToGlobal(where))
            target = area.viewport()
        spot = QPointF(where)
        event = QWheelEvent(
            spot,
            QPointF(target.mapToGlobal(where)),
            QPoint(),
            QPoint(0, 120 * move.notches),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(target, event)

    def _back(self, move: Move) -> None:
        self._bar_button(self.window.back_button, move)

    def _home(self, move: Move) -> None:
        self._bar_button(self.window.home_button, move)

    def _bar_button(self, button: QAbstractButton, move: Move) -> None:
        if button.isVisible():
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            self._tap(move)

    def _idle_warn(self, move: Move) -> None:
        window = self.window
        if window.idle.armed and not window.still_here.isVisible():
            window.idle.warn.emit(WARNING_S)
        else:
            self._tap(move)

    def _idle_expire(self, move: Move) -> None:
        if self.window.idle.armed:
            self.window.idle.expired.emit()
        else:
            self._tap(move)

    def _under(self, x: float, y: float) -> tuple[QWidget, QPoint]:
        """The widget at a point of the window (as a finger finds it), and the point in it."""
        spot = _point(self.window, x, y)
        target = self.window.childAt(spot) or self.window
        return target, target.mapFrom(self.window, spot)


def _point(widget: QWidget, x: float, y: float) -> QPoint:
    return QPoint(int(x * (widget.width() - 1)), int(y * (widget.height() - 1)))


def _inside(widget: QWidget, x: float, y: float) -> QPoint:
    """A point well inside the widget, where a finger aiming at it lands."""
    return QPoint(int(widget.width() * (0.2 + 0.6 * x)), int(widget.height() * (0.2 + 0.6 * y)))


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    here: QWidget | None = widget
    while here is not None:
        if isinstance(here, QAbstractScrollArea):
            return here
        here = here.parentWidget()
    return None


def _alive(widget: QWidget) -> bool:
    """False once Qt has deleted the widget (a tap can rebuild a screen's buttons)."""
    from shiboken6 import isValid

    return isValid(widget)


def settle() -> None:
    for _ in range(2):
        QApplication.processEvents()
