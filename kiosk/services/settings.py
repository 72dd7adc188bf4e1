"""Home-wide settings (home name, time zone, idle time-out…), read and written by name."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.domain.text_rules import clean_name
from kiosk.services import audit
from kiosk.storage import models
from kiosk.storage.database import session_scope

HOME_NAME = "home_name"
DEFAULT_HOME_NAME = "Our home"
IDLE_TIMEOUT = "idle_timeout_seconds"
DEFAULT_IDLE_TIMEOUT_S = 90
LONGEST_IDLE_TIMEOUT_S = 60 * 60
LONGEST_HOME_NAME = 80


class SettingsService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def get(self, name: str, default: str) -> str:
        with self._sessions() as session:
            row = session.get(models.Setting, name)
            return row.value if row is not None else default

    def home_name(self) -> str:
        return self.get(HOME_NAME, DEFAULT_HOME_NAME)

    def set_home_name(self, actor: Actor, name: str) -> str:
        """The manager names the home (on every printout and the evidence report); a name
        with no letters, a hidden control character or over 80 letters is refused in words.
        """
        actor.require(Capability.MANAGE_STAFF)
        kept = clean_name(name, field=HOME_NAME, max_length=LONGEST_HOME_NAME)
        with session_scope(self._sessions) as session:
            session.merge(models.Setting(name=HOME_NAME, value=kept))
            audit.record(session, actor, "setting.home_name", detail=kept)
        return kept

    def idle_timeout_s(self) -> int:
        """Seconds without a touch before signing out; 0 means never (WCAG 2.2.1)."""
        try:
            seconds = int(self.get(IDLE_TIMEOUT, str(DEFAULT_IDLE_TIMEOUT_S)))
        except ValueError:
            return DEFAULT_IDLE_TIMEOUT_S
        return seconds if 0 <= seconds <= LONGEST_IDLE_TIMEOUT_S else DEFAULT_IDLE_TIMEOUT_S
