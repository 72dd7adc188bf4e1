"""Residents: welcome, list, change how the kiosk looks and sounds for them, archive.

This module shows the pattern every service follows: it takes a session factory, opens
one session (one transaction) per call, validates in plain words before writing, and
returns frozen domain dataclasses, never ORM rows. Residents are archived, never deleted:
their words stay part of the home's record.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.enums import CarePlanAccess, ContrastTheme
from kiosk.domain.errors import NotFoundError
from kiosk.domain.pins import check_pin, hash_pin
from kiosk.domain.residents import (
    NAME_MAX,
    NOTES_MAX,
    ROOM_MAX,
    NewResident,
    Resident,
    ResidentPreferences,
    check_access,
    check_language,
    check_speech_rate,
    check_text_scale,
)
from kiosk.domain.text import N_
from kiosk.domain.text_rules import clean_name, clean_text
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now

FULL_NAME_MAX = 160


class ResidentsService:
    def __init__(self, sessions: sessionmaker[Session], *, languages: frozenset[str]) -> None:
        self._sessions = sessions
        self._languages = languages

    def add(self, new: NewResident) -> Resident:
        """Welcome a new resident; returns them as stored."""
        pin_hash = hash_pin(check_pin(new.pin)) if new.pin is not None else None
        row = models.Resident(
            preferred_name=clean_name(
                new.preferred_name, field="preferred_name", max_length=NAME_MAX
            ),
            full_name=clean_text(
                new.full_name, field="full_name", max_length=FULL_NAME_MAX, required=False
            ),
            room=clean_text(new.room, field="room", max_length=ROOM_MAX, required=False),
            language=check_language(new.language, self._languages),
            text_scale=check_text_scale(new.text_scale),
            contrast=ContrastTheme(new.contrast).value,
            speech_rate=check_speech_rate(new.speech_rate),
            talking_buttons=new.talking_buttons,
            care_plan_access=check_access(
                CarePlanAccess(new.care_plan_access), has_pin=pin_hash is not None
            ).value,
            pin_hash=pin_hash,
            support_notes=clean_text(
                new.support_notes,
                field="support_notes",
                max_length=NOTES_MAX,
                required=False,
                multiline=True,
            ),
        )
        with session_scope(self._sessions) as session:
            session.add(row)
            session.flush()
            return to_resident(row)

    def get(self, resident_id: int) -> Resident:
        with self._sessions() as session:
            return to_resident(_load(session, resident_id))

    def list_active(self) -> list[Resident]:
        """Everyone who lives here now, in alphabetical order of the name they use."""
        return self._list(active_only=True)

    def list_all(self) -> list[Resident]:
        """Everyone, including archived residents (for staff records)."""
        return self._list(active_only=False)

    def update_preferences(self, resident_id: int, changes: ResidentPreferences) -> Resident:
        with session_scope(self._sessions) as session:
            row = _load(session, resident_id)
            if changes.language is not None:
                row.language = check_language(changes.language, self._languages)
            if changes.text_scale is not None:
                row.text_scale = check_text_scale(changes.text_scale)
            if changes.contrast is not None:
                row.contrast = ContrastTheme(changes.contrast).value
            if changes.speech_rate is not None:
                row.speech_rate = check_speech_rate(changes.speech_rate)
            if changes.talking_buttons is not None:
                row.talking_buttons = changes.talking_buttons
            if changes.care_plan_access is not None:
                row.care_plan_access = check_access(
                    CarePlanAccess(changes.care_plan_access), has_pin=row.pin_hash is not None
                ).value
            session.flush()
            return to_resident(row)

    def archive(self, resident_id: int) -> Resident:
        """Mark a resident as no longer living here. Everything they said is kept."""
        with session_scope(self._sessions) as session:
            row = _load(session, resident_id)
            if row.active:
                row.active = False
                row.archived_at = utc_now()
                session.flush()
            return to_resident(row)

    def _list(self, *, active_only: bool) -> list[Resident]:
        query = select(models.Resident)
        if active_only:
            query = query.where(models.Resident.active.is_(True))
        with self._sessions() as session:
            rows = session.scalars(query).all()
            residents = [to_resident(row) for row in rows]
        return sorted(
            residents, key=lambda resident: (resident.preferred_name.casefold(), resident.id)
        )


def _load(session: Session, resident_id: int) -> models.Resident:
    row = session.get(models.Resident, resident_id)
    if row is None:
        raise NotFoundError(N_("We could not find that resident."))
    return row


def to_resident(row: models.Resident) -> Resident:
    return Resident(
        id=row.id,
        preferred_name=row.preferred_name,
        room=row.room,
        language=row.language,
        text_scale=row.text_scale,
        contrast=ContrastTheme(row.contrast),
        speech_rate=row.speech_rate,
        talking_buttons=row.talking_buttons,
        care_plan_access=CarePlanAccess(row.care_plan_access),
        has_pin=row.pin_hash is not None,
        has_photo=row.photo_id is not None,
        support_notes=row.support_notes,
        active=row.active,
        archived_at=row.archived_at,
    )
