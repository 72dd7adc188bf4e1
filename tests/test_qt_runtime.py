"""The Qt binding itself must be safe to run for years.

PySide6 6.12.0 on Python 3.11 took a reference from None on every call that returned no
object (parentWidget() of a top-level widget, findChild() finding nothing, ...); after
some thousands of calls the process died with "none_dealloc". A kiosk makes such calls
all day, so this guards the pinned version.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot


def test_calls_that_return_nothing_do_not_leak_none(qtbot: QtBot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    calls = [top.parentWidget, top.parent, lambda: top.findChild(QLabel, "nothing-here")]
    for call in calls:
        assert call() is None
    before = sys.getrefcount(None)
    for _ in range(2000):
        for call in calls:
            call()
    assert abs(sys.getrefcount(None) - before) < 50


def test_a_qobject_without_parent_reports_none(qtbot: QtBot) -> None:
    assert QObject().parent() is None
