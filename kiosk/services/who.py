"""Who is asking: checks every service that serves residents shares."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kiosk.domain.access import Actor
from kiosk.domain.errors import NotAllowedError, NotFoundError
from kiosk.domain.text import N_
from kiosk.storage import models


def require_resident(actor: Actor) -> int:
    """The signed-in resident's id; anyone else is refused."""
    if actor.resident_id is None:
        raise NotAllowedError(N_("Sorry, you are not allowed to do that."))
    return actor.resident_id


def require_active_resident(session: Session, resident_id: int) -> None:
    """Refuse a resident who is not (or no longer) living in the home."""
    resident = session.get(models.Resident, resident_id)
    if resident is None:
        raise NotFoundError(N_("We could not find that resident."))
    if not resident.active:
        raise NotAllowedError(N_("Sorry, you are not allowed to do that."))
