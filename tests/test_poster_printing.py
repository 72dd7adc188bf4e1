"""The "You said, we did" poster from the suggestion inboxes: through the window's print
job and the real print desk, kept as a PDF that names nobody, for kitchen and coordinator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.storage.demo_content import STAFF
from kiosk.ui.main_window import MainWindow
from kiosk.ui.speech_player import SpeechPlayer
from tests.helpers.person import CountingPerson
from tests.helpers.shell import kiosk_window
from tests.test_print_pdf_reading import page_texts


@pytest.fixture
def person(qtbot: QtBot) -> CountingPerson:
    return CountingPerson(qtbot)


@pytest.fixture
def kiosk(qtbot: QtBot, demo_dir: Path) -> Iterator[tuple[MainWindow, Services]]:
    with kiosk_window(demo_dir) as (window, services):
        window.connect_speech(SpeechPlayer(None, parent=window))
        yield window, services


@pytest.mark.parametrize(
    ("role", "inbox"), [("kitchen", "kitchen-inbox"), ("coordinator", "ideas-inbox")]
)
def test_the_poster_for_this_month_prints_from_the_inbox_naming_nobody(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, qtbot: QtBot, role: str, inbox: str
) -> None:
    window, services = kiosk
    demo = next(p for p in STAFF if p.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    window.on_staff_signed_in(services.staff.sign_in(member.id, demo.pin))
    window.open_screen(inbox)
    screen = window.current
    with qtbot.waitSignal(window.print_jobs.finished, timeout=60_000) as done:
        person.tap(screen.poster_button)  # type: ignore[attr-defined]
    month = window.home_data().today()
    kept = services.printer._out_dir / f"you-said-{month.year}-{month.month:02d}.pdf"
    assert str(kept) in done.args[0]
    text = " ".join(page_texts(kept.read_bytes()))
    assert text.startswith("You said, we did")
    assert "You said:" in text
    names = [r.preferred_name for r in services.residents.list_all()]
    assert names and not [name for name in names if name in text]
