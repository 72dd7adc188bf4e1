"""Home-wide settings (home name, time zone, idle time-out…), read and written by name."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from kiosk.storage import models

HOME_NAME = "home_name"
DEFAULT_HOME_NAME = "Our home"
IDLE_TIMEOUT = "idle_timeout_seconds"
DEFAULT_IDLE_TIMEOUT_S = 90
LONGEST_IDLE_TIMEOUT_S = 60 * 60


class SettingsService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def get(self, name: str, default: str) -> str:
        with self._sessions() as session:
            row = session.get(models.Setting, name)
            return row.value if row is not None else default

    def home_name(self) -> str:
        return self.get(HOME_NAME, DEFAULT_HOME_NAME)

    def idle_timeout_s(self) -> int:
        """Seconds without a touch before signing out; 0 means never (WCAG 2.2.1)."""
        try:
            seconds = int(self.get(IDLE_TIMEOUT, str(DEFAULT_IDLE_TIMEOUT_S)))
        except ValueError:
            return DEFAULT_IDLE_TIMEOUT_S
        return seconds if 0 <= seconds <= LONGEST_IDLE_TIMEOUT_S else DEFAULT_IDLE_TIMEOUT_S
