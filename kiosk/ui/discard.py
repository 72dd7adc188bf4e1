"""Taking a widget off the screen for good, at once.

``deleteLater`` alone leaves the widget on screen (and in ``findChildren``) until the event
loop runs: long enough to be drawn over the new one, or read aloud. So: hide it, unparent
it, then let Qt delete it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def discard(widget: QWidget) -> None:
    widget.hide()
    widget.setParent(None)  # type: ignore[call-overload]
    widget.deleteLater()
