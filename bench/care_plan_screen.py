"""Opening "My care plan": tap on Home's button to the plan painted, for a resident whose
plan has 50 saved versions, against the same for a resident with one version (the
baseline, in the same run and window)."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.report import Result

ROOT = Path(__file__).resolve().parent.parent
OPENINGS = 60
VERSIONS = 50
WORDS = "Plain words about me. " * 40


def _seed(demo_dir: Path) -> None:
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, "-m", "kiosk", "demo-data", "--data-dir", str(demo_dir)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )


def _two_residents(services: object) -> tuple[int, int]:
    """Two new residents with open plans: one with VERSIONS versions, one with one."""
    from datetime import date

    from kiosk.domain.care_plans import (
        AgreedRisk,
        DailyRoutine,
        PlanDraft,
        PlanGoal,
        WhoTookPart,
    )
    from kiosk.domain.enums import CarePlanAccess, CarePlanSection, GoalStatus
    from kiosk.domain.residents import NewResident
    from kiosk.storage.demo_content import STAFF

    manager_pin = next(p for p in STAFF if p.role == "manager")
    member = next(
        m
        for m in services.staff.sign_in_choices()
        if m.name == manager_pin.name  # type: ignore[attr-defined]
    )
    manager = services.staff.sign_in(member.id, manager_pin.pin)  # type: ignore[attr-defined]
    ids = []
    for name, versions in (("Many Versions", VERSIONS), ("One Version", 1)):
        resident = services.residents.add(  # type: ignore[attr-defined]
            manager, NewResident(name, care_plan_access=CarePlanAccess.OPEN)
        )
        for number in range(versions):
            draft = PlanDraft(
                sections=dict.fromkeys(
                    CarePlanSection, f"Version {number}. " + "Plain words about me. " * 40
                ),
                goals=tuple(PlanGoal(f"Goal {g}", name, GoalStatus.ACTIVE, None) for g in range(5)),
                routines=(DailyRoutine("Morning", "About 8", "Tea, then wash.", None),),
                risks=(AgreedRisk("Falls", "Use the frame", name),),
                supported_by="Priya",
                next_review_on=date(2027, 3, 1),
            )
            services.care_plans.save(  # type: ignore[attr-defined]
                manager, resident.id, draft, WhoTookPart(f"{name} and Helen", True)
            )
        ids.append(resident.id)
    return ids[0], ids[1]


def _openings(demo_dir: Path) -> tuple[list[float], list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest

    from kiosk.app import _application, build_services, build_window, connect_window, open_home
    from kiosk.config import AppConfig

    config = AppConfig.build(data_dir=demo_dir, demo=True, windowed=True, environ={})
    app = _application()
    database = open_home(config)
    services = build_services(database, config)
    many, one = _two_residents(services)
    window = build_window(config)
    connect_window(window, services)
    window.resize(1280, 800)
    window.show()
    app.processEvents()

    def tap_my_care_plan(resident: int, shown: Callable[[], bool]) -> float:
        window.sign_in(resident)
        app.processEvents()
        button = window.home.task_buttons["my-care-plan"]
        button._last_accepted = None  # a person would not tap faster than the tremor guard
        painted[0] = False
        started = time.perf_counter()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        deadline = started + 5
        while not shown():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError(f"My care plan never painted (on {window.current.name})")
        took = (time.perf_counter() - started) * 1000
        window.sign_out()
        app.processEvents()
        return took

    painted = [False]
    # The first opening builds the screen: wait for it to be shown, then watch it paint.
    tap_my_care_plan(many, lambda: window.current.name == "my-care-plan")
    screen = window.screens["my-care-plan"]
    painted_flag = painted

    class PaintSpy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted_flag[0] = True
            return False

    spy = PaintSpy()
    screen.installEventFilter(spy)
    timings: dict[int, list[float]] = {many: [], one: []}
    for index in range(OPENINGS * 2):
        resident = many if index % 2 == 0 else one
        timings[resident].append(tap_my_care_plan(resident, lambda: painted[0]))
    window.allow_close()
    window.close()
    database.dispose()
    return timings[many], timings[one]


def run_all() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        demo_dir = Path(folder) / "demo"
        _seed(demo_dir)
        many, one = _openings(demo_dir)
    p95_many = statistics.quantiles(many, n=100)[94]
    p95_one = statistics.quantiles(one, n=100)[94]
    return [
        Result(
            "care plan",
            f"open My care plan, {VERSIONS} versions, p50",
            statistics.median(many),
            "ms",
            "",
        ),
        Result(
            "care plan",
            f"open My care plan, {VERSIONS} versions, p95",
            p95_many,
            "ms",
            "< 100 ms",
        ),
        Result("care plan", "open My care plan, 1 version, p95 (baseline)", p95_one, "ms", ""),
        Result("care plan", f"ratio {VERSIONS} versions / 1 version", p95_many / p95_one, "x", ""),
    ]
