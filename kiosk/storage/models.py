"""SQLAlchemy 2 typed models: the same tables as ``schema.sql``, column for column.

``schema.sql`` is the canonical DDL for a new SQLite database; ``tests/test_schema.py``
builds one database from it and one from these models and fails on any difference
(types, nullability, defaults, keys, ON DELETE, unique constraints, indexes, CHECKs,
triggers). Change both together.

Conventions:
- Every moment is a ``UtcDateTime`` (naive UTC in the database, aware in Python).
- Residents, staff, dishes, activities and care plans are archived, never deleted, so
  foreign keys to them are ``RESTRICT``; detail rows that only make sense with their
  parent (a version's sections, a poll's options) ``CASCADE``.
- Fixed vocabularies are ``VARCHAR`` with a CHECK built from the domain enum.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

from sqlalchemy import (
    DDL,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kiosk.domain import enums
from kiosk.domain.residents import DEFAULT_SPEECH_RATE
from kiosk.storage.types import UtcDateTime, utc_now

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
}

NOW = text("CURRENT_TIMESTAMP")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def one_of(column: str, vocabulary: type[Enum], *, nullable: bool = False) -> str:
    """CHECK text allowing only the enum's stored values (and NULL when ``nullable``)."""
    words = ", ".join(
        str(member.value) if isinstance(member.value, int) else f"'{member.value}'"
        for member in vocabulary
    )
    check = f"{column} IN ({words})"
    return f"{column} IS NULL OR {check}" if nullable else check


def created_at() -> Mapped[datetime]:
    return mapped_column(UtcDateTime, nullable=False, default=utc_now, server_default=NOW)


def updated_at() -> Mapped[datetime]:
    return mapped_column(
        UtcDateTime, nullable=False, default=utc_now, onupdate=utc_now, server_default=NOW
    )


def fk(target: str, ondelete: str) -> ForeignKey:
    return ForeignKey(target, ondelete=ondelete)


# ---------------------------------------------------------------------------------------
# The database itself and the home's settings


class SchemaMeta(Base):
    """Facts about the database file: schema version, live or demo, when it was made."""

    __tablename__ = "schema_meta"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class Setting(Base):
    """A home-wide setting staff can change (idle time-out, home name, results visibility…)."""

    __tablename__ = "setting"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)
    updated_at: Mapped[datetime] = updated_at()
    updated_by_staff_id: Mapped[int | None] = mapped_column(fk("staff.id", "RESTRICT"))


class Photo(Base):
    """A real photograph (of a resident, a dish, an activity) kept inside the database.

    Kept in the database rather than beside it so one backup file holds the whole home.
    """

    __tablename__ = "photo"
    __table_args__ = (
        CheckConstraint("mime_type IN ('image/jpeg', 'image/png', 'image/webp')", name="mime"),
        CheckConstraint("byte_size > 0", name="byte_size"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mime_type: Mapped[str] = mapped_column(String(32), nullable=False)
    byte_size: Mapped[int] = mapped_column(Integer, nullable=False)
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[datetime] = created_at()


# ---------------------------------------------------------------------------------------
# People


class Resident(Base):
    __tablename__ = "resident"
    __table_args__ = (
        CheckConstraint("text_scale BETWEEN 100 AND 200", name="text_scale"),
        CheckConstraint("speech_rate BETWEEN 80 AND 220", name="speech_rate"),
        CheckConstraint(one_of("contrast", enums.ContrastTheme), name="contrast"),
        CheckConstraint(one_of("care_plan_access", enums.CarePlanAccess), name="care_plan_access"),
        CheckConstraint("failed_pin_count >= 0", name="failed_pin_count"),
        CheckConstraint("lockout_count >= 0", name="lockout_count"),
        Index(None, "active", "preferred_name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    preferred_name: Mapped[str] = mapped_column(String(80), nullable=False)
    full_name: Mapped[str | None] = mapped_column(String(160))
    room: Mapped[str | None] = mapped_column(String(20))
    photo_id: Mapped[int | None] = mapped_column(fk("photo.id", "SET NULL"))
    language: Mapped[str] = mapped_column(String(16), nullable=False, server_default="en_GB")
    text_scale: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("100"))
    contrast: Mapped[str] = mapped_column(String(16), nullable=False, server_default="standard")
    speech_rate: Mapped[int] = mapped_column(
        Integer, nullable=False, server_default=text(str(DEFAULT_SPEECH_RATE))
    )
    talking_buttons: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=false())
    care_plan_access: Mapped[str] = mapped_column(
        String(16), nullable=False, server_default="staff"
    )
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    failed_pin_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))
    lockout_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    support_notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=true())
    archived_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    erased_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class Staff(Base):
    __tablename__ = "staff"
    __table_args__ = (
        CheckConstraint(one_of("role", enums.StaffRole), name="role"),
        CheckConstraint("failed_pin_count >= 0", name="failed_pin_count"),
        CheckConstraint("lockout_count >= 0", name="lockout_count"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    pin_hash: Mapped[str] = mapped_column(String(200), nullable=False)
    failed_pin_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))
    lockout_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=true())
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


# ---------------------------------------------------------------------------------------
# Food


class Dish(Base):
    __tablename__ = "dish"
    __table_args__ = (
        CheckConstraint(one_of("course", enums.Course), name="course"),
        CheckConstraint(one_of("iddsi_level", enums.IddsiLevel), name="iddsi_level"),
        Index(None, "archived_at", "name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    description: Mapped[str | None] = mapped_column(Text)
    course: Mapped[str] = mapped_column(String(16), nullable=False)
    picture: Mapped[str | None] = mapped_column(String(64))
    photo_id: Mapped[int | None] = mapped_column(fk("photo.id", "SET NULL"))
    iddsi_level: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("7"))
    archived_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class DishAllergen(Base):
    __tablename__ = "dish_allergen"
    __table_args__ = (CheckConstraint(one_of("allergen", enums.Allergen), name="allergen"),)

    dish_id: Mapped[int] = mapped_column(fk("dish.id", "CASCADE"), primary_key=True)
    allergen: Mapped[str] = mapped_column(String(16), primary_key=True)


class DishDietaryTag(Base):
    __tablename__ = "dish_dietary_tag"
    __table_args__ = (CheckConstraint(one_of("tag", enums.DietaryTag), name="tag"),)

    dish_id: Mapped[int] = mapped_column(fk("dish.id", "CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(16), primary_key=True)


class MenuEntry(Base):
    """One dish offered at one meal on one day; a suggestion that made it onto the menu."""

    __tablename__ = "menu_entry"
    __table_args__ = (
        CheckConstraint(one_of("meal", enums.Meal), name="meal"),
        CheckConstraint("position >= 1", name="position"),
        UniqueConstraint("menu_date", "meal", "dish_id"),
        UniqueConstraint("menu_date", "meal", "position"),
        Index(None, "proposal_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    menu_date: Mapped[date] = mapped_column(Date, nullable=False)
    meal: Mapped[str] = mapped_column(String(16), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    dish_id: Mapped[int] = mapped_column(fk("dish.id", "RESTRICT"), nullable=False)
    proposal_id: Mapped[int | None] = mapped_column(fk("proposal.id", "RESTRICT"))
    created_by_staff_id: Mapped[int | None] = mapped_column(fk("staff.id", "RESTRICT"))
    created_at: Mapped[datetime] = created_at()


# ---------------------------------------------------------------------------------------
# Activities


class Activity(Base):
    __tablename__ = "activity"
    __table_args__ = (Index(None, "archived_at", "title"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(120), nullable=False)
    description: Mapped[str | None] = mapped_column(Text)
    picture: Mapped[str | None] = mapped_column(String(64))
    photo_id: Mapped[int | None] = mapped_column(fk("photo.id", "SET NULL"))
    default_place: Mapped[str | None] = mapped_column(String(120))
    archived_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


# ---------------------------------------------------------------------------------------
# Suggestions ("residents said")


class Proposal(Base):
    """A suggestion from a resident (or raised for them at a residents' meeting)."""

    __tablename__ = "proposal"
    __table_args__ = (
        CheckConstraint(one_of("topic", enums.ProposalTopic), name="topic"),
        CheckConstraint(one_of("status", enums.ProposalStatus), name="status"),
        CheckConstraint(one_of("meal_slot", enums.MealSlot, nullable=True), name="meal_slot"),
        CheckConstraint(
            "resident_id IS NOT NULL OR raised_by_staff_id IS NOT NULL", name="raised_by"
        ),
        CheckConstraint(
            "status IN ('draft', 'open', 'withdrawn') OR responded_at IS NOT NULL",
            name="answered",
        ),
        CheckConstraint(
            "responded_at IS NULL OR (response IS NOT NULL AND responded_by_staff_id IS NOT NULL)",
            name="answer_in_words",
        ),
        CheckConstraint("status = 'draft' OR submitted_at IS NOT NULL", name="submitted"),
        CheckConstraint("status <> 'done' OR done_at IS NOT NULL", name="done_when"),
        CheckConstraint("topic = 'meal' OR meal_slot IS NULL", name="meal_slot_for_meals"),
        Index(None, "status", "created_at"),
        Index(None, "resident_id"),
        Index(None, "topic", "status"),
        Index(None, "submitted_at"),  # the evidence report's year of suggestions
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resident_id: Mapped[int | None] = mapped_column(fk("resident.id", "RESTRICT"))
    raised_by_staff_id: Mapped[int | None] = mapped_column(fk("staff.id", "RESTRICT"))
    topic: Mapped[str] = mapped_column(String(16), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    details: Mapped[str | None] = mapped_column(Text)
    picture: Mapped[str | None] = mapped_column(String(64))
    photo_id: Mapped[int | None] = mapped_column(fk("photo.id", "SET NULL"))
    meal_slot: Mapped[str | None] = mapped_column(String(16))
    dish_id: Mapped[int | None] = mapped_column(fk("dish.id", "RESTRICT"))
    activity_id: Mapped[int | None] = mapped_column(fk("activity.id", "RESTRICT"))
    status: Mapped[str] = mapped_column(String(16), nullable=False, server_default="open")
    response: Mapped[str | None] = mapped_column(Text)
    responded_by_staff_id: Mapped[int | None] = mapped_column(fk("staff.id", "RESTRICT"))
    responded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    response_heard_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    client_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class ProposalDietaryTag(Base):
    __tablename__ = "proposal_dietary_tag"
    __table_args__ = (CheckConstraint(one_of("tag", enums.DietaryTag), name="tag"),)

    proposal_id: Mapped[int] = mapped_column(fk("proposal.id", "CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(16), primary_key=True)


class ProposalSupport(Base):
    """A resident's "me too": one per resident per suggestion, held by the database."""

    __tablename__ = "proposal_support"
    __table_args__ = (
        UniqueConstraint("proposal_id", "resident_id"),
        Index(None, "resident_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(fk("proposal.id", "CASCADE"), nullable=False)
    resident_id: Mapped[int] = mapped_column(fk("resident.id", "RESTRICT"), nullable=False)
    created_at: Mapped[datetime] = created_at()


# ---------------------------------------------------------------------------------------
# Polls


class Poll(Base):
    __tablename__ = "poll"
    __table_args__ = (
        CheckConstraint(one_of("kind", enums.PollKind), name="kind"),
        CheckConstraint(one_of("results_visibility", enums.ResultsVisibility), name="visibility"),
        CheckConstraint("closes_at > opens_at", name="closes_after_opening"),
        Index(None, "opens_at", "closes_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False, server_default="choose_one")
    results_visibility: Mapped[str] = mapped_column(
        String(16), nullable=False, server_default="after_close"
    )
    opens_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    closes_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    closed_early_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_by_staff_id: Mapped[int | None] = mapped_column(fk("staff.id", "RESTRICT"))
    created_at: Mapped[datetime] = created_at()


class PollOption(Base):
    __tablename__ = "poll_option"
    __table_args__ = (
        CheckConstraint("position BETWEEN 1 AND 6", name="position"),
        UniqueConstraint("poll_id", "position"),
        UniqueConstraint("id", "poll_id"),  # the target of ballot_choice's (option, poll) key
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    poll_id: Mapped[int] = mapped_column(fk("poll.id", "CASCADE"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    label: Mapped[str] = mapped_column(String(120), nullable=False)
    picture: Mapped[str | None] = mapped_column(String(64))
    activity_id: Mapped[int | None] = mapped_column(fk("activity.id", "RESTRICT"))
    proposal_id: Mapped[int | None] = mapped_column(fk("proposal.id", "RESTRICT"))


class Ballot(Base):
    """One resident's ballot in one poll: the database holds one per resident per poll."""

    __tablename__ = "ballot"
    __table_args__ = (
        UniqueConstraint("poll_id", "resident_id"),
        UniqueConstraint("id", "poll_id"),  # the target of ballot_choice's (ballot, poll) key
        Index(None, "resident_id"),
        Index(None, "cast_at", "resident_id"),  # who voted in a range: the index answers it
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    poll_id: Mapped[int] = mapped_column(fk("poll.id", "CASCADE"), nullable=False)
    resident_id: Mapped[int] = mapped_column(fk("resident.id", "RESTRICT"), nullable=False)
    cast_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class BallotChoice(Base):
    """What the ballot says about one option (``chosen``, or ``yes``/``maybe``/``no``).

    ``poll_id`` is repeated here so the database itself refuses a choice of an option from
    another poll: both composite keys must name the same poll.
    """

    __tablename__ = "ballot_choice"
    __table_args__ = (
        CheckConstraint(one_of("answer", enums.BallotAnswer), name="answer"),
        ForeignKeyConstraint(
            ["ballot_id", "poll_id"],
            ["ballot.id", "ballot.poll_id"],
            ondelete="CASCADE",
            name="fk_ballot_choice_ballot",
        ),
        ForeignKeyConstraint(
            ["option_id", "poll_id"],
            ["poll_option.id", "poll_option.poll_id"],
            ondelete="CASCADE",
            name="fk_ballot_choice_option",
        ),
        Index(None, "option_id"),
    )

    ballot_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    option_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    poll_id: Mapped[int] = mapped_column(Integer, nullable=False)
    answer: Mapped[str] = mapped_column(String(8), nullable=False)


# ---------------------------------------------------------------------------------------
# The week ("we did") and how it went


class ScheduleSlot(Base):
    __tablename__ = "schedule_slot"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint(one_of("source", enums.SlotSource), name="source"),
        CheckConstraint(one_of("status", enums.SlotStatus), name="status"),
        CheckConstraint("source <> 'poll' OR poll_id IS NOT NULL", name="poll_source"),
        CheckConstraint("source <> 'proposal' OR proposal_id IS NOT NULL", name="proposal_source"),
        Index(None, "starts_at"),
        Index(None, "ends_at"),  # "How was it?": what ended in the last seven days
        Index(None, "activity_id", "starts_at"),
        Index(None, "proposal_id"),
        Index(None, "poll_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(fk("activity.id", "RESTRICT"), nullable=False)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    place: Mapped[str | None] = mapped_column(String(120))
    led_by: Mapped[str | None] = mapped_column(String(120))
    source: Mapped[str] = mapped_column(String(16), nullable=False, server_default="planned")
    poll_id: Mapped[int | None] = mapped_column(fk("poll.id", "RESTRICT"))
    proposal_id: Mapped[int | None] = mapped_column(fk("proposal.id", "RESTRICT"))
    repeat_of_slot_id: Mapped[int | None] = mapped_column(fk("schedule_slot.id", "SET NULL"))
    status: Mapped[str] = mapped_column(String(16), nullable=False, server_default="planned")
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    created_by_staff_id: Mapped[int | None] = mapped_column(fk("staff.id", "RESTRICT"))
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class Attendance(Base):
    __tablename__ = "attendance"

    slot_id: Mapped[int] = mapped_column(fk("schedule_slot.id", "CASCADE"), primary_key=True)
    resident_id: Mapped[int] = mapped_column(fk("resident.id", "RESTRICT"), primary_key=True)
    recorded_by_staff_id: Mapped[int | None] = mapped_column(fk("staff.id", "RESTRICT"))
    recorded_at: Mapped[datetime] = created_at()


class Feedback(Base):
    """How was it? A face (1 to 3, or 1 to 5) and, if they like, some words."""

    __tablename__ = "feedback"
    __table_args__ = (
        CheckConstraint("scale IN (3, 5)", name="scale"),
        CheckConstraint("face BETWEEN 1 AND scale", name="face"),
        UniqueConstraint("slot_id", "resident_id"),
        Index(None, "resident_id"),
        Index(None, "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slot_id: Mapped[int] = mapped_column(fk("schedule_slot.id", "RESTRICT"), nullable=False)
    resident_id: Mapped[int] = mapped_column(fk("resident.id", "RESTRICT"), nullable=False)
    scale: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("3"))
    face: Mapped[int] = mapped_column(Integer, nullable=False)
    words: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


# ---------------------------------------------------------------------------------------
# Care plans, written with the person. Every save is a new version; nothing is overwritten.


class CarePlan(Base):
    __tablename__ = "care_plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        fk("resident.id", "RESTRICT"), nullable=False, unique=True
    )
    created_at: Mapped[datetime] = created_at()


class CarePlanVersion(Base):
    __tablename__ = "care_plan_version"
    __table_args__ = (
        CheckConstraint("version_number >= 1", name="version_number"),
        UniqueConstraint("care_plan_id", "version_number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    care_plan_id: Mapped[int] = mapped_column(fk("care_plan.id", "RESTRICT"), nullable=False)
    version_number: Mapped[int] = mapped_column(Integer, nullable=False)
    written_by_staff_id: Mapped[int | None] = mapped_column(fk("staff.id", "RESTRICT"))
    supported_by: Mapped[str | None] = mapped_column(Text)
    people_present: Mapped[str | None] = mapped_column(Text)
    resident_took_part: Mapped[bool] = mapped_column(Boolean, nullable=False)
    change_summary: Mapped[str | None] = mapped_column(Text)
    next_review_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = created_at()


class CarePlanSectionText(Base):
    """One "About Me" section of one version, in the person's own words."""

    __tablename__ = "care_plan_section"
    __table_args__ = (
        CheckConstraint(one_of("section", enums.CarePlanSection), name="section"),
        UniqueConstraint("version_id", "section"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(fk("care_plan_version.id", "CASCADE"), nullable=False)
    section: Mapped[str] = mapped_column(String(32), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False, server_default="")


class CarePlanGoal(Base):
    __tablename__ = "care_plan_goal"
    __table_args__ = (
        CheckConstraint(one_of("status", enums.GoalStatus), name="status"),
        UniqueConstraint("version_id", "position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(fk("care_plan_version.id", "CASCADE"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    goal: Mapped[str] = mapped_column(Text, nullable=False)
    expressed_by: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(16), nullable=False, server_default="active")
    review_on: Mapped[date | None] = mapped_column(Date)


class CarePlanRoutine(Base):
    """A daily routine the person chose: timing, order, music."""

    __tablename__ = "care_plan_routine"
    __table_args__ = (UniqueConstraint("version_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(fk("care_plan_version.id", "CASCADE"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    timing: Mapped[str | None] = mapped_column(String(120))
    steps: Mapped[str] = mapped_column(Text, nullable=False, server_default="")
    music: Mapped[str | None] = mapped_column(Text)


class CarePlanRisk(Base):
    """A risk talked through and agreed together, not imposed."""

    __tablename__ = "care_plan_risk"
    __table_args__ = (UniqueConstraint("version_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(fk("care_plan_version.id", "CASCADE"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    risk: Mapped[str] = mapped_column(Text, nullable=False)
    agreement: Mapped[str] = mapped_column(Text, nullable=False)
    agreed_by: Mapped[str | None] = mapped_column(Text)


class CarePlanConfirmation(Base):
    """The resident said "Yes, that's right" about a section (or the whole plan) on a date."""

    __tablename__ = "care_plan_confirmation"
    __table_args__ = (
        CheckConstraint(one_of("section", enums.CarePlanSection, nullable=True), name="section"),
        Index(None, "version_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(fk("care_plan_version.id", "RESTRICT"), nullable=False)
    section: Mapped[str | None] = mapped_column(String(32))
    resident_id: Mapped[int] = mapped_column(fk("resident.id", "RESTRICT"), nullable=False)
    confirmed_at: Mapped[datetime] = created_at()


class CarePlanReview(Base):
    __tablename__ = "care_plan_review"
    __table_args__ = (Index(None, "care_plan_id", "reviewed_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    care_plan_id: Mapped[int] = mapped_column(fk("care_plan.id", "RESTRICT"), nullable=False)
    reviewed_on: Mapped[date] = mapped_column(Date, nullable=False)
    reviewed_by_staff_id: Mapped[int | None] = mapped_column(fk("staff.id", "RESTRICT"))
    people_present: Mapped[str | None] = mapped_column(Text)
    resident_involved: Mapped[bool] = mapped_column(Boolean, nullable=False)
    what_changed: Mapped[str | None] = mapped_column(Text)
    version_id: Mapped[int | None] = mapped_column(fk("care_plan_version.id", "RESTRICT"))
    next_review_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = created_at()


class TalkRequest(Base):
    """The resident said "I want to talk about this"; staff resolve it with them."""

    __tablename__ = "talk_request"
    __table_args__ = (
        CheckConstraint(one_of("section", enums.CarePlanSection, nullable=True), name="section"),
        CheckConstraint(one_of("raised_via", enums.TalkRequestSource), name="raised_via"),
        CheckConstraint(
            "resolved_at IS NULL OR (resolution IS NOT NULL AND resolved_by_staff_id IS NOT NULL)",
            name="resolution_when_resolved",
        ),
        Index(None, "resident_id"),
        Index(None, "resolved_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resident_id: Mapped[int] = mapped_column(fk("resident.id", "RESTRICT"), nullable=False)
    version_id: Mapped[int | None] = mapped_column(fk("care_plan_version.id", "RESTRICT"))
    section: Mapped[str | None] = mapped_column(String(32))
    raised_via: Mapped[str] = mapped_column(String(16), nullable=False, server_default="kiosk")
    note: Mapped[str | None] = mapped_column(Text)
    raised_at: Mapped[datetime] = created_at()
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_by_staff_id: Mapped[int | None] = mapped_column(fk("staff.id", "RESTRICT"))
    resolution: Mapped[str | None] = mapped_column(Text)
    outcome_heard_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


# ---------------------------------------------------------------------------------------
# Records about the records


class AuditEvent(Base):
    """Append-only: who did what to which record, when. Triggers refuse UPDATE and DELETE.

    ``detail`` never holds PINs or care-plan text: only what an inspector may read.
    """

    __tablename__ = "audit_event"
    __table_args__ = (
        CheckConstraint(one_of("actor_kind", enums.ActorKind), name="actor_kind"),
        Index(None, "occurred_at"),
        Index(None, "record_type", "record_id"),
        Index(None, "action", "occurred_at"),
    )

    # BigInteger: half a million events in five years is fine, but an audit log outlives plans.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    occurred_at: Mapped[datetime] = created_at()
    actor_kind: Mapped[str] = mapped_column(String(16), nullable=False)
    actor_staff_id: Mapped[int | None] = mapped_column(fk("staff.id", "RESTRICT"))
    actor_resident_id: Mapped[int | None] = mapped_column(fk("resident.id", "RESTRICT"))
    action: Mapped[str] = mapped_column(String(64), nullable=False)
    record_type: Mapped[str | None] = mapped_column(String(32))
    record_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(Text)


class BackupRecord(Base):
    """Each backup attempt, so staff can see when the last good one was."""

    __tablename__ = "backup_record"
    __table_args__ = (Index(None, "finished_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = created_at()
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    destination: Mapped[str] = mapped_column(Text, nullable=False)
    byte_size: Mapped[int | None] = mapped_column(BigInteger)
    ok: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=false())
    message: Mapped[str | None] = mapped_column(Text)


# Trigger syntax differs per engine: SQLite raises from the trigger body, PostgreSQL from
# a function the triggers call (an integrity error on both, as a broken rule should be).
AUDIT_APPEND_ONLY_TRIGGERS = (
    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
)
AUDIT_APPEND_ONLY_POSTGRESQL = (
    "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit events are append-only' "
    "USING ERRCODE = 'restrict_violation'; END $$",
    "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
    "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()",
)
for _statement in AUDIT_APPEND_ONLY_TRIGGERS:
    event.listen(AuditEvent.__table__, "after_create", DDL(_statement).execute_if(dialect="sqlite"))
for _statement in AUDIT_APPEND_ONLY_POSTGRESQL:
    event.listen(
        AuditEvent.__table__, "after_create", DDL(_statement).execute_if(dialect="postgresql")
    )
