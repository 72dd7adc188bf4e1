"""Home-wide settings (home name, time zone, idle time-out…), read and written by name."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from kiosk.storage import models

HOME_NAME = "home_name"
DEFAULT_HOME_NAME = "Our home"


class SettingsService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def get(self, name: str, default: str) -> str:
        with self._sessions() as session:
            row = session.get(models.Setting, name)
            return row.value if row is not None else default

    def home_name(self) -> str:
        return self.get(HOME_NAME, DEFAULT_HOME_NAME)
