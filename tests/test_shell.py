"""The kiosk shell: navigation, who is here, languages, errors, and staying open."""

from __future__ import annotations

import itertools
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFontInfo
from pytestqt.qtbot import QtBot

from kiosk.app import (
    _recover_from_unexpected_errors,
    build_services,
    build_window,
    connect_window,
)
from kiosk.config import AppConfig
from kiosk.storage.database import open_database
from kiosk.ui.screens.home_screen import TASKS
from kiosk.ui.widgets import touch_button
from kiosk.ui.widgets.face_tile import FaceTile
from tests.helpers.shell import kiosk_window, settle


def tap(qtbot: QtBot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.wait(320)  # past the tremor guard, as a person's next tap would be
    settle()


def test_home_offers_only_screens_that_exist(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        offered = set(window.home.task_buttons)
        assert offered == {name for name, _, _ in TASKS}
        assert offered <= window.screen_names
        assert not window.home_button.isVisible()  # already home


def test_home_and_back_stay_in_the_same_place(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        places = set()
        for name in ("this-week", "who", "language"):
            window.go_home()
            buttons = {"who": window.home.who_button, "language": window.home.language_button}
            tap(qtbot, window.home.task_buttons.get(name) or buttons[name])
            assert window.current.name == name
            places.add(
                (window.home_button.geometry().getRect(), window.back_button.geometry().getRect())
            )
        assert len(places) == 1


def test_back_retraces_and_home_clears_the_way(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        tap(qtbot, window.home.task_buttons["this-week"])
        window.open_screen("language")
        tap(qtbot, window.back_button)
        assert window.current.name == "this-week"
        window.open_screen("language")
        tap(qtbot, window.home_button)
        assert window.current is window.home
        assert window.history == []
        tap(qtbot, window.home.who_button)
        tap(qtbot, window.back_button)
        assert window.current is window.home


def test_choosing_your_face_brings_your_language_and_text_size(
    qtbot: QtBot, demo_dir: Path
) -> None:
    with kiosk_window(demo_dir) as (window, services):
        welsh = next(r for r in services.residents.list_active() if r.language == "cy")
        tap(qtbot, window.home.who_button)
        while not any(t.resident_id == welsh.id for t in window.who.visible_faces()):
            tap(qtbot, window.who.next_button)
        tile = next(t for t in window.who.visible_faces() if t.resident_id == welsh.id)
        tap(qtbot, tile)
        if window.current.name == "answers":  # "You said, we did" first, in Welsh
            assert window.title_label.text() == window.words.gettext("You said, we did")
            assert window.title_label.text() != "You said, we did"
            tap(qtbot, window.current.thank_you_button)  # type: ignore[attr-defined]
        assert window.current is window.home
        assert window.resident is not None and window.resident.id == welsh.id
        assert window.words.language == "cy"
        assert window.theme.metrics.text_scale == welsh.text_scale
        assert welsh.preferred_name in window.home.greeting.text()
        window.sign_out()
        assert window.theme.metrics.text_scale == 100


def test_screens_out_of_sight_take_a_new_language_and_size_when_next_shown(
    qtbot: QtBot, demo_dir: Path
) -> None:
    """Signing in re-lays out only the screen on show (so a face is answered at once);
    every other screen catches up, in words and size, the moment it is shown."""
    with kiosk_window(demo_dir) as (window, services):
        window.open_screen("who")
        assert window.who.prompt.text() == "Touch your name."
        home_sheet = window.styleSheet()
        usual_size = QFontInfo(window.who.prompt.font()).pixelSize()
        welsh = next(r for r in services.residents.list_active() if r.language == "cy")
        assert welsh.text_scale != 100
        window.go_home()
        window.sign_in(welsh.id)  # Home, or "You said, we did" first
        assert window.current.name in ("home", "answers")
        assert window.who.theme != window.theme  # out of sight: not redone yet
        assert window.who.prompt.text() == "Touch your name."
        # Not restyled either: the window keeps the home's style sheet (restyling it would
        # redo every widget of every screen), the screen on show carries the resident's.
        assert window.styleSheet() == home_sheet and window.who.styleSheet() == ""
        assert window.current.styleSheet() == window.theme.stylesheet()
        window.open_screen("who")
        assert window.who.theme == window.theme
        assert window.who.theme.metrics.text_scale == welsh.text_scale
        assert window.who.styleSheet() == window.theme.stylesheet()
        assert QFontInfo(window.who.prompt.font()).pixelSize() > usual_size
        touch = window.words.gettext("Touch your name.")
        assert touch != "Touch your name." and window.who.prompt.text() == touch
        window.sign_out()
        window.open_screen("who")
        assert window.who.styleSheet() == "" and window.styleSheet() == home_sheet
        assert QFontInfo(window.who.prompt.font()).pixelSize() == usual_size


def test_who_pages_through_everyone(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, services):
        window.open_screen("who")
        seen = [t.resident_id for t in window.who.visible_faces()]
        assert len(seen) == 6
        assert not window.who.previous_button.isEnabled()
        tap(qtbot, window.who.next_button)
        seen += [t.resident_id for t in window.who.visible_faces()]
        assert not window.who.next_button.isEnabled()
        assert sorted(seen) == sorted(r.id for r in services.residents.list_active())
        assert window.who.page_label.text() == "Page 2 of 2"


def test_switching_language_retranslates_the_screen_at_once(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        tap(qtbot, window.home.language_button)
        english_title = window.title_label.text()
        tap(qtbot, window.language.buttons["pa"])
        assert window.words.language == "pa"
        assert window.title_label.text() != english_title
        assert window.language.buttons["pa"].chosen
        assert window.language.buttons["pa"].accessibleName() == "ਪੰਜਾਬੀ"
        assert window.home_button.words != "Home"


def test_a_signed_in_residents_language_choice_is_kept(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, services):
        english = next(r for r in services.residents.list_active() if r.language == "en_GB")
        window.sign_in(english.id)
        window.open_screen("language")
        tap(qtbot, window.language.buttons["pl"])
        assert services.residents.get(english.id).language == "pl"


def test_this_week_shows_todays_activities_in_the_residents_language(
    qtbot: QtBot, demo_dir: Path
) -> None:
    with kiosk_window(demo_dir, language="cy") as (window, services):
        window.open_screen("this-week")
        today = services.week.today()
        plan = services.week.day(today)
        screen = window.this_week
        assert screen.day == today
        shown = " ".join(screen.reading_order())
        for activity in plan.activities:
            assert activity.title in shown
        assert window.words.day_and_date(today) in screen.day_label.text()
        assert screen.day_label.text().split(",")[-1].strip().startswith("Dydd")


def test_this_week_walks_days_within_two_weeks(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        window.open_screen("this-week")
        screen = window.this_week
        while screen.previous_button.isEnabled():
            tap(qtbot, screen.previous_button)
        assert screen.day == screen.first_day
        assert screen.day.weekday() == 0
        for _ in range(13):
            tap(qtbot, screen.next_button)
        assert screen.day == screen.last_day
        assert not screen.next_button.isEnabled()


def test_an_empty_day_says_so_kindly(qtbot: QtBot, tmp_path: Path) -> None:
    config = AppConfig.build(data_dir=tmp_path / "live", windowed=True, environ={})
    database = open_database(config.database_url, create=True)
    window = build_window(config)
    connect_window(window, build_services(database, config))
    try:
        window.resize(1280, 800)
        window.show()
        window.open_screen("this-week")
        settle()
        words = " ".join(window.this_week.reading_order())
        assert "Nothing planned yet." in words
        assert "The menu is not ready yet." in words
    finally:
        window.allow_close()
        window.close()
        database.dispose()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_takes_the_resident_home_gently(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        _recover_from_unexpected_errors(window)
        window.open_screen("this-week")

        def broken() -> None:
            raise RuntimeError("something unexpected")

        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: window.current is window.home, timeout=2000)
        assert window.isVisible()
        assert window.home.message.isVisibleTo(window)
        assert "Sorry" in window.home.message.text()
        assert "Traceback" not in window.home.message.text()


def test_kiosk_mode_cannot_be_closed_or_escaped(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir, windowed=False) as (window, _):
        assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
        event = QCloseEvent()
        window._may_close = False
        window.closeEvent(event)
        assert not event.isAccepted()
        for key in (Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_Q):
            qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
            qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.isVisible()
        window.allow_close()
        assert window.close()


def test_a_double_tap_on_a_task_opens_it_once(
    qtbot: QtBot, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The taps come 50 ms apart whatever else the machine is doing (a busy machine could
    # otherwise space them further apart than a tremor's double tap).
    ticks = itertools.count()
    clock = SimpleNamespace(monotonic=lambda: next(ticks) * 0.05)
    monkeypatch.setattr(touch_button, "time", clock)
    with kiosk_window(demo_dir) as (window, _):
        button = window.home.task_buttons["this-week"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        settle()
        assert window.history == ["home"]


def test_a_tap_before_the_homes_data_arrives_opens_its_screen_after(
    qtbot: QtBot, demo_dir: Path
) -> None:
    config = AppConfig.build(data_dir=demo_dir, demo=True, windowed=True, environ={})
    window = build_window(config)
    qtbot.addWidget(window)
    window.show()
    tap(qtbot, window.home.task_buttons["this-week"])
    assert window.current is window.home and not window.ready
    database = open_database(config.database_url)
    try:
        connect_window(window, build_services(database, config))
        assert window.current.name == "this-week"
        assert "Willow Court" in window.windowTitle()
    finally:
        window.allow_close()
        database.dispose()


def test_reading_order_is_title_then_content_then_choices(qtbot: QtBot, demo_dir: Path) -> None:
    with kiosk_window(demo_dir) as (window, _):
        window.open_screen("language")
        order = window.language.reading_order()
        assert order[0] == "Language"
        assert order[1] == "Which language would you like?"
        assert order[2:] == ["English", "Cymraeg", "Polski", "ਪੰਜਾਬੀ"]
        faces = window.who.findChildren(FaceTile)
        assert all(face.accessibleName() for face in faces)


def test_the_window_paints_before_the_database_layer_is_even_imported() -> None:
    """Start-up order is what keeps Home quick: guard it without timing anything."""
    import subprocess
    import sys

    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from pathlib import Path\n"
        "from kiosk.app import _application, build_window\n"
        "from kiosk.config import AppConfig\n"
        "config = AppConfig.build(data_dir=Path(sys.argv[1]), demo=True, windowed=True,"
        " environ={})\n"
        "app = _application(); window = build_window(config); window.show();"
        " app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'babel')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "/nonexistent/demo"],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"


def test_a_broken_database_at_start_gets_plain_words_and_is_left_alone(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kiosk.app import _open_and_connect

    folder = tmp_path / "home"
    folder.mkdir()
    (folder / "our-say.sqlite3").write_bytes(b"")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    exits: list[int] = []  # the real exit() would leave Qt quitting every later wait
    monkeypatch.setattr(QApplication, "exit", lambda *args: exits.append(args[-1]))
    config = AppConfig.build(data_dir=folder, windowed=True, environ={})
    window = build_window(config)
    qtbot.addWidget(window)
    opened: list[object] = []
    _open_and_connect(config, QApplication.instance(), window, opened)  # type: ignore[arg-type]
    assert opened == []
    assert exits == [2]
    assert len(shown) == 1 and "is empty" in shown[0] and "Traceback" not in shown[0]
    assert (folder / "our-say.sqlite3").read_bytes() == b""
    assert not window.ready


def test_answers_waiting_open_straight_from_the_face_and_back_leads_home(
    qtbot: QtBot, demo_dir: Path
) -> None:
    from kiosk.domain.access import Actor
    from kiosk.domain.enums import MealSlot
    from kiosk.domain.meals import Answer, AnswerKind, NewMealSuggestion
    from kiosk.storage.demo_content import STAFF

    with kiosk_window(demo_dir) as (window, services):
        bill = next(r.id for r in services.residents.list_active() if r.preferred_name == "Bill")
        meal = services.suggestions.suggest_meal(
            Actor.resident(bill), NewMealSuggestion(MealSlot.TEA, "Welsh cakes")
        )
        cook = next(person for person in STAFF if person.role == "kitchen")
        member = next(m for m in services.staff.sign_in_choices() if m.name == cook.name)
        kitchen = services.staff.sign_in(member.id, cook.pin)
        services.suggestions.answer(kitchen, meal.id, Answer(AnswerKind.NOT_NOW, "Next week."))
        shown: list[str] = []
        window.stack.currentChanged.connect(lambda _: shown.append(window.current.name))
        window.open_screen("who")
        shown.clear()
        window.who.resident_chosen.emit(bill)
        assert shown == ["answers"]  # Home is not drawn on the way
        assert window.history == ["home"]
        window.go_back()
        assert window.current is window.home


def test_this_week_redraws_only_when_what_it_shows_has_changed(
    qtbot: QtBot, demo_dir: Path
) -> None:
    from datetime import datetime, time, timedelta

    from kiosk.domain.access import Actor
    from kiosk.domain.enums import StaffRole
    from kiosk.domain.schedule import NewActivity, NewSlot
    from kiosk.ui.widgets.picture_card import PictureCard

    with kiosk_window(demo_dir) as (window, services):
        window.open_screen("this-week")
        first = set(window.this_week.findChildren(PictureCard))
        window.go_home()
        window.open_screen("this-week")
        assert set(window.this_week.findChildren(PictureCard)) == first  # nothing changed
        coordinator = Actor.staff(2, StaffRole.COORDINATOR)
        quiz = services.schedule.add_activity(coordinator, NewActivity("Pub quiz night"))
        today = services.week.today()
        starts = datetime.combine(today, time(22, 30), tzinfo=services.week.home_zone())
        services.schedule.add_slot(
            coordinator, NewSlot(quiz.id, starts, starts + timedelta(minutes=20))
        )
        window.go_home()
        window.open_screen("this-week")
        assert "Pub quiz night" in " ".join(window.this_week.reading_order())
        window.on_language_chosen("cy")  # redrawn at once, on show (its cards shown queued)
        window.go_home()
        window.open_screen("this-week")
        settle()
        assert window.words.gettext("What's on") in " ".join(window.this_week.reading_order())
