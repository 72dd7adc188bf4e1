"""Residents: welcome, list, change how the kiosk looks and sounds for them, archive.

This module shows the pattern every service follows: it takes a session factory, opens
one session (one transaction) per call, validates in plain words before writing, and
returns frozen domain dataclasses, never ORM rows. Residents are archived, never deleted:
their words stay part of the home's record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import SYSTEM, Actor, Capability, LockoutPolicy
from kiosk.domain.enums import CarePlanAccess, ContrastTheme
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.photos import check_photo
from kiosk.domain.pins import check_pin, hash_pin
from kiosk.domain.residents import (
    FULL_NAME_MAX,
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
from kiosk.services.audit import record
from kiosk.services.pin_attempts import attempt, replace_pin
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now


class ResidentsService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        languages: frozenset[str],
        policy: LockoutPolicy | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._sessions = sessions
        self._languages = languages
        self._policy = policy or LockoutPolicy()
        self._clock = clock

    def add(self, actor: Actor, new: NewResident) -> Resident:
        """Welcome a new resident (staff who manage residents); returns them as stored."""
        actor.require(Capability.MANAGE_RESIDENTS)
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
            record(session, actor, "resident.add", record_type="resident", record_id=row.id)
            return to_resident(row, private=True)

    def get(self, resident_id: int, actor: Actor = SYSTEM) -> Resident:
        """A resident; their care notes only for staff who look after residents."""
        with self._sessions() as session:
            return to_resident(_load(session, resident_id), private=_sees_notes(actor))

    def list_active(self) -> list[Resident]:
        """Everyone who lives here now, in alphabetical order of the name they use."""
        return self._list(active_only=True)

    def list_all(self) -> list[Resident]:
        """Everyone, including archived residents (for staff records)."""
        return self._list(active_only=False)

    def update_preferences(
        self, actor: Actor, resident_id: int, changes: ResidentPreferences
    ) -> Resident:
        """The resident themselves, or staff who manage residents, may change these."""
        if not actor.is_resident(resident_id):
            actor.require(Capability.MANAGE_RESIDENTS)
        with session_scope(self._sessions) as session:
            row = _load_to_change(session, resident_id)
            self._apply_preferences(row, changes)
            session.flush()
            return to_resident(row, private=_sees_notes(actor))

    def update_details(
        self,
        actor: Actor,
        resident_id: int,
        *,
        preferred_name: str | None = None,
        full_name: str | None = None,
        room: str | None = None,
        support_notes: str | None = None,
        preferences: ResidentPreferences | None = None,
    ) -> Resident:
        """Change a resident's names, room or notes (staff who manage residents).

        ``None`` leaves a field as it is; an empty string clears an optional one. Staff
        editing a resident may change their ``preferences`` in the same go, so one Save is
        one change: all of it is kept, or none of it.
        """
        actor.require(Capability.MANAGE_RESIDENTS)
        values: dict[str, str | None] = {}
        if preferred_name is not None:
            values["preferred_name"] = clean_name(
                preferred_name, field="preferred_name", max_length=NAME_MAX
            )
        if full_name is not None:
            values["full_name"] = clean_text(
                full_name, field="full_name", max_length=FULL_NAME_MAX, required=False
            )
        if room is not None:
            values["room"] = clean_text(room, field="room", max_length=ROOM_MAX, required=False)
        if support_notes is not None:
            values["support_notes"] = clean_text(
                support_notes,
                field="support_notes",
                max_length=NOTES_MAX,
                required=False,
                multiline=True,
            )
        with session_scope(self._sessions) as session:
            row = _load_to_change(session, resident_id)
            changed = False
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
                    changed = True
            if preferences is not None:
                changed = self._apply_preferences(row, preferences) or changed
            if changed:
                session.flush()
                record(session, actor, "resident.update", record_type="resident", record_id=row.id)
            return to_resident(row, private=True)

    def set_photo(self, actor: Actor, resident_id: int, data: bytes) -> Resident:
        """Keep a photo of the resident (staff who manage residents); it replaces any old one."""
        actor.require(Capability.MANAGE_RESIDENTS)
        mime_type = check_photo(data)
        with session_scope(self._sessions) as session:
            row = _load_to_change(session, resident_id)
            old_photo_id = row.photo_id
            photo = models.Photo(mime_type=mime_type, byte_size=len(data), data=data)
            session.add(photo)
            session.flush()
            row.photo_id = photo.id
            session.flush()
            _drop_if_unused(session, old_photo_id)
            record(
                session,
                actor,
                "resident.photo",
                record_type="resident",
                record_id=row.id,
                detail="set",
            )
            return to_resident(row, private=True)

    def remove_photo(self, actor: Actor, resident_id: int) -> Resident:
        """Take the resident's photo away; their initials show instead."""
        actor.require(Capability.MANAGE_RESIDENTS)
        with session_scope(self._sessions) as session:
            row = _load_to_change(session, resident_id)
            old_photo_id = row.photo_id
            if old_photo_id is not None:
                row.photo_id = None
                session.flush()
                _drop_if_unused(session, old_photo_id)
                record(
                    session,
                    actor,
                    "resident.photo",
                    record_type="resident",
                    record_id=row.id,
                    detail="removed",
                )
            return to_resident(row, private=True)

    def photo(self, resident_id: int) -> bytes | None:
        """The resident's photo as stored, or None. Faces are shown to anyone at the kiosk."""
        with self._sessions() as session:
            data = session.scalar(
                select(models.Photo.data)
                .join(models.Resident, models.Resident.photo_id == models.Photo.id)
                .where(models.Resident.id == resident_id)
            )
        return bytes(data) if data is not None else None

    def _apply_preferences(self, row: models.Resident, changes: ResidentPreferences) -> bool:
        """Put checked ``changes`` on ``row``; True when anything is different."""
        before = _preferences_of(row)
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
        return _preferences_of(row) != before

    def archive(self, actor: Actor, resident_id: int) -> Resident:
        """Mark a resident as no longer living here. Everything they said is kept."""
        actor.require(Capability.MANAGE_RESIDENTS)
        with session_scope(self._sessions) as session:
            row = _load_to_change(session, resident_id)
            if row.active:
                row.active = False
                row.archived_at = self._clock()
                session.flush()
                record(session, actor, "resident.archive", record_type="resident", record_id=row.id)
            return to_resident(row, private=True)

    def set_pin(self, actor: Actor, resident_id: int, pin: str) -> Resident:
        """A new PIN for a resident (staff who manage residents); lifts any lock-out."""
        actor.require(Capability.MANAGE_RESIDENTS)
        with session_scope(self._sessions) as session:
            row = _load_to_change(session, resident_id)
            replace_pin(row, pin)
            record(session, actor, "resident.pin_set", record_type="resident", record_id=row.id)
            return to_resident(row, private=True)

    def verify_pin(self, resident_id: int, pin: str) -> Actor:
        """The resident, signed in for private screens, if ``pin`` is theirs.

        Wrong PINs are counted (five lock the resident out, for longer each time) and
        audited; the count is kept even though this raises.
        """
        with session_scope(self._sessions) as session:
            row = _load(session, resident_id)
            outcome = attempt(
                session,
                row,
                pin,
                who=Actor.resident(row.id),
                record_type="resident",
                policy=self._policy,
                now=self._clock(),
            )
        outcome.raise_if_refused()
        return Actor.resident(resident_id)

    def _list(self, *, active_only: bool) -> list[Resident]:
        query = select(models.Resident)
        if active_only:
            query = query.where(models.Resident.active.is_(True))
        with self._sessions() as session:
            rows = session.scalars(query).all()
            residents = [to_resident(row) for row in rows]  # faces for anyone: no notes
        return sorted(
            residents, key=lambda resident: (resident.preferred_name.casefold(), resident.id)
        )


def _load(session: Session, resident_id: int) -> models.Resident:
    row = session.get(models.Resident, resident_id)
    if row is None:
        raise NotFoundError(N_("We could not find that resident."))
    return row


def _load_to_change(session: Session, resident_id: int) -> models.Resident:
    """The resident, unless their records were erased: an erased row stays anonymous."""
    row = _load(session, resident_id)
    if row.erased_at is not None:
        raise ValidationError(
            "resident", N_("This resident's records were erased, so they cannot be changed.")
        )
    return row


def _preferences_of(row: models.Resident) -> tuple[object, ...]:
    return (
        row.language,
        row.text_scale,
        row.contrast,
        row.speech_rate,
        row.talking_buttons,
        row.care_plan_access,
    )


def _drop_if_unused(session: Session, photo_id: int | None) -> None:
    """Delete a photo nobody points at any more, so old photos do not fill the database."""
    if photo_id is None:
        return
    for table in models.Base.metadata.sorted_tables:
        column = table.c.get("photo_id")
        if column is None:
            continue
        used = session.scalar(select(column).where(column == photo_id).limit(1))
        if used is not None:
            return
    photo = session.get(models.Photo, photo_id)
    if photo is not None:
        session.delete(photo)


def _sees_notes(actor: Actor) -> bool:
    return actor.can(Capability.MANAGE_RESIDENTS) or actor.can(Capability.WRITE_CARE_PLANS)


def to_resident(row: models.Resident, *, private: bool = False) -> Resident:
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
        support_notes=row.support_notes if private else None,
        active=row.active,
        archived_at=row.archived_at,
        full_name=row.full_name,
        erased_at=row.erased_at,
    )
