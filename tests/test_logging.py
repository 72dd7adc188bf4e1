"""The log says what happened, never what was private."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from kiosk.app import build_services, open_home
from kiosk.config import AppConfig
from kiosk.domain.enums import CarePlanAccess
from kiosk.domain.residents import NewResident
from kiosk.logs import setup_logging
from kiosk.storage import models
from kiosk.storage.demo import DEMO_STAFF_PINS


def test_log_file_is_private_and_free_of_pins_and_care_plans(tmp_path: Path) -> None:
    config = AppConfig.build(data_dir=tmp_path / "demo", demo=True, environ={})
    log_path = setup_logging(config.log_dir, verbose=True)
    database = open_home(config)
    try:
        services = build_services(database, config)
        manager = next(m for m in services.staff.sign_in_choices() if m.role.value == "manager")
        actor = services.staff.sign_in(manager.id, DEMO_STAFF_PINS["manager"])
        services.residents.add(
            actor,
            NewResident(
                "Winifred",
                pin="2580",
                care_plan_access=CarePlanAccess.PIN,
                support_notes="Private note: hearing aid in the left ear only",
            ),
        )
        with database.sessions() as session:
            plan_texts = [row.body for row in session.query(models.CarePlanSectionText) if row.body]
    finally:
        database.dispose()
    for handler in logging.getLogger().handlers:
        handler.flush()

    log_text = log_path.read_text(encoding="utf-8")
    assert "Seeded the demo home" in log_text  # the log does record what happened
    assert "2580" not in log_text
    assert "hearing aid in the left ear" not in log_text
    assert plan_texts
    assert not any(text[:40] in log_text for text in plan_texts)
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(config.log_dir.stat().st_mode) == 0o700
