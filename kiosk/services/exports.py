"""CSV files of the home's main records, for its own analysis (a spreadsheet, a report).

One file per record type, a header row of column names, one row per record, UTF-8 with a
byte-order mark so spreadsheet programs show every script. Manager only, and audited.

What is never exported: PINs and lock-out state, photos, residents' support notes, and the
words of anyone's care plan or requests to talk (those go only to the person themselves,
in their own export). Dates and times are ISO 8601 (times in UTC, as stored). Words that
a spreadsheet would take for a formula (starting "=", "+", "-" or "@") begin with "'".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.services.audit import record
from kiosk.storage import models
from kiosk.storage.database import session_scope

EXPORT_ACTION = "export.csv"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run these


@dataclass(frozen=True, slots=True)
class Table:
    """One CSV file: the model and the columns it carries, in order."""

    model: type[models.Base]
    columns: tuple[str, ...]


def columns(names: str) -> tuple[str, ...]:
    return tuple(names.split())


TABLES: Mapping[str, Table] = {
    "residents": Table(
        models.Resident,
        columns(
            "id preferred_name room language text_scale contrast speech_rate care_plan_access "
            "active archived_at created_at"
        ),
    ),
    "staff": Table(models.Staff, columns("id name role active created_at")),
    "suggestions": Table(
        models.Proposal,
        columns(
            "id resident_id raised_by_staff_id topic title details picture meal_slot dish_id "
            "activity_id status response responded_by_staff_id responded_at done_at "
            "submitted_at created_at"
        ),
    ),
    "suggestion_support": Table(
        models.ProposalSupport, columns("id proposal_id resident_id created_at")
    ),
    "dishes": Table(
        models.Dish, columns("id name description course picture iddsi_level archived_at")
    ),
    "menu": Table(models.MenuEntry, columns("id menu_date meal position dish_id proposal_id")),
    "activities": Table(
        models.Activity, columns("id title description picture default_place archived_at")
    ),
    "polls": Table(
        models.Poll,
        columns(
            "id question kind results_visibility opens_at closes_at closed_early_at "
            "created_by_staff_id created_at"
        ),
    ),
    "poll_choices": Table(
        models.PollOption, columns("id poll_id position label picture activity_id proposal_id")
    ),
    "ballots": Table(models.Ballot, columns("id poll_id resident_id cast_at updated_at")),
    "ballot_answers": Table(models.BallotChoice, columns("ballot_id option_id poll_id answer")),
    "schedule": Table(
        models.ScheduleSlot,
        columns(
            "id activity_id starts_at ends_at place led_by source poll_id proposal_id "
            "repeat_of_slot_id status cancel_reason created_at"
        ),
    ),
    "attendance": Table(models.Attendance, columns("slot_id resident_id recorded_at")),
    "feedback": Table(
        models.Feedback, columns("id slot_id resident_id scale face words created_at")
    ),
    "care_plan_versions": Table(
        models.CarePlanVersion,
        columns(
            "id care_plan_id version_number written_by_staff_id resident_took_part "
            "next_review_on created_at"
        ),
    ),
    "care_plan_reviews": Table(
        models.CarePlanReview,
        columns(
            "id care_plan_id reviewed_on reviewed_by_staff_id resident_involved version_id "
            "next_review_on created_at"
        ),
    ),
    "talk_requests": Table(
        models.TalkRequest,
        columns(
            "id resident_id section raised_via raised_at resolved_at resolved_by_staff_id "
            "outcome_heard_at"
        ),
    ),
}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value  # typed words, never a spreadsheet formula
    return str(value)


class ExportsService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def csv_files(self, actor: Actor) -> dict[str, bytes]:
        """Every table as a CSV file's bytes, by file name ("residents.csv", ...)."""
        actor.require(Capability.EXPORT_RECORDS)
        files: dict[str, bytes] = {}
        with session_scope(self._sessions) as session:
            for name, table in TABLES.items():
                out = io.StringIO(newline="")
                writer = csv.writer(out)
                writer.writerow(table.columns)
                attributes = [getattr(table.model, column) for column in table.columns]
                order = list(table.model.__table__.primary_key.columns)
                for row in session.execute(select(*attributes).order_by(*order)):
                    writer.writerow([_cell(value) for value in row])
                files[f"{name}.csv"] = out.getvalue().encode("utf-8-sig")
            record(
                session,
                actor,
                EXPORT_ACTION,
                detail=f"{len(files)} CSV files",
            )
        return files
