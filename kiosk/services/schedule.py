"""The week's activities (the coordinator's planner) and "How was it?" (residents' faces).

Anyone may read the activities and the week. Planning (activities, slots, repeats,
moves, cancellations, who came) needs the right to plan activities, checked before the
database is touched, and every change is in the audit log. A slot keeps where it came
from: a closed poll, or a resident's suggestion (whose activity it then names, as a
menu entry names the suggestion it answers), so the chain "residents said, we did" can
be shown. Slots are stored as UTC moments and shown in the home's time zone, the same
way "This week" reads them (services/week.py), so a move or a cancellation shows there.

After a slot ends, residents who were there (anyone, when nobody recorded who came) give
one face each, with words if they like; giving it again replaces it. The database holds
one per resident per slot, so two kiosks saving at once still leave one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, exists, func, not_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.domain.enums import (
    ProposalStatus,
    ProposalTopic,
    SlotSource,
    SlotStatus,
    StaffRole,
)
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.meals import match_key
from kiosk.domain.polls import PollOption
from kiosk.domain.schedule import (
    FACE_SCALE,
    REVIEW_WINDOW,
    Activity,
    FeedbackFace,
    FeedbackReport,
    FeedbackSummary,
    FeedbackWords,
    GivenFeedback,
    NewActivity,
    NewFeedback,
    NewSlot,
    Slot,
    SlotToReview,
    check_monday,
    check_repeat_weeks,
    check_times,
    clean_cancel_reason,
    clean_feedback,
    clean_new_activity,
    clean_new_slot,
    same_time_weeks_later,
    summarise,
)
from kiosk.domain.text import N_
from kiosk.domain.week import monday_of
from kiosk.services.audit import record
from kiosk.services.polls import count_results
from kiosk.services.week import home_zone_in
from kiosk.services.who import require_active_resident, require_resident
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now

_CANCELLED = SlotStatus.CANCELLED.value
_UNPLANNABLE = {
    ProposalStatus.WITHDRAWN.value: N_(
        "The resident took this suggestion back, so it cannot be planned."
    ),
    ProposalStatus.DECLINED.value: N_(
        "This suggestion was answered no. Please answer it again first."
    ),
}


class ScheduleService:
    def __init__(
        self, sessions: sessionmaker[Session], *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self._sessions = sessions
        self._now = now

    # -- the activities catalogue (anyone may read it) -----------------------------------

    def activities(self, viewer: Actor, *, include_archived: bool = False) -> list[Activity]:
        """Activities by title; archived ones only when asked for."""
        query = select(models.Activity)
        if not include_archived:
            query = query.where(models.Activity.archived_at.is_(None))
        with self._sessions() as session:
            rows = session.scalars(query).all()
            found = [_to_activity(row) for row in rows]
        return sorted(found, key=lambda activity: (activity.title.casefold(), activity.id))

    def add_activity(self, actor: Actor, new: NewActivity) -> Activity:
        actor.require(Capability.PLAN_ACTIVITIES)
        clean = clean_new_activity(new)
        with session_scope(self._sessions) as session:
            _refuse_same_title(session, clean.title)
            now = self._now()
            row = models.Activity(
                title=clean.title,
                description=clean.description,
                picture=clean.picture,
                default_place=clean.place,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            record(session, actor, "activity.add", record_type="activity", record_id=row.id)
            return _to_activity(row)

    # -- the week (anyone may read it; planning needs the right) ---------------------------

    def week(self, viewer: Actor, monday: date) -> list[Slot]:
        """Every slot from Monday to Sunday in the home's time zone, cancelled ones too,
        in time order. A week with nothing on it is an empty list."""
        check_monday(monday)
        with self._sessions() as session:
            zone = home_zone_in(session)
            rows = session.scalars(_in_week(zone, monday)).all()
            return _to_slots(session, zone, rows)

    def slot(self, viewer: Actor, slot_id: int) -> Slot:
        with self._sessions() as session:
            zone = home_zone_in(session)
            return _to_slots(session, zone, [_load_slot(session, slot_id)])[0]

    def add_slot(self, actor: Actor, new: NewSlot) -> Slot:
        """Plan one activity at one time; a poll's or a suggestion's slot remembers it."""
        actor.require(Capability.PLAN_ACTIVITIES)
        with session_scope(self._sessions) as session:
            zone = home_zone_in(session)
            clean = clean_new_slot(new, zone)
            activity = _live_activity(session, clean.activity_id)
            now = self._now()
            if clean.poll_id is not None:
                _check_poll(session, clean.poll_id, activity, now)
            proposal = (
                _plannable_proposal(session, clean.proposal_id, activity)
                if clean.proposal_id is not None
                else None
            )
            row = models.ScheduleSlot(
                activity_id=activity.id,
                starts_at=clean.starts_at,
                ends_at=clean.ends_at,
                place=clean.place,
                led_by=clean.led_by,
                source=clean.source.value,
                poll_id=clean.poll_id,
                proposal_id=clean.proposal_id,
                status=SlotStatus.PLANNED.value,
                note=clean.note,
                created_by_staff_id=actor.staff_id,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            if proposal is not None and proposal.activity_id is None:
                proposal.activity_id = activity.id  # the suggestion now names what it became
                proposal.updated_at = now
            session.flush()
            record(
                session,
                actor,
                "slot.add",
                record_type="schedule_slot",
                record_id=row.id,
                detail=f"activity {activity.id} at {_local(clean.starts_at, zone)}"
                f" ({clean.source.value})",
            )
            return _to_slots(session, zone, [row])[0]

    def repeat_weekly(self, actor: Actor, slot_id: int, weeks: int) -> list[Slot]:
        """Copy the slot into each of the next ``weeks`` weeks, at the same clock time.

        A week that already has a copy (even one moved to another day, or cancelled), or
        the same activity at the same time, is skipped, so running it twice makes no
        duplicates. Copies keep where the slot came from. Returns the copies made.
        """
        actor.require(Capability.PLAN_ACTIVITIES)
        check_repeat_weeks(weeks)
        with session_scope(self._sessions) as session:
            zone = home_zone_in(session)
            row = _load_slot(session, slot_id)
            _live_activity(session, row.activity_id)
            first = row.repeat_of_slot_id or row.id  # copies of copies point at the first
            taken = _weeks_with_copies(session, zone, first)
            now = self._now()
            made: list[models.ScheduleSlot] = []
            for week in range(1, weeks + 1):
                starts = same_time_weeks_later(row.starts_at, week, zone)
                ends = same_time_weeks_later(row.ends_at, week, zone)
                if monday_of(starts.date()) in taken or _utc(ends) <= _utc(starts):
                    continue
                if _same_activity_at(session, row.activity_id, starts):
                    continue
                made.append(_copy(row, first, starts, ends, actor, now))
            session.add_all(made)
            session.flush()
            if made:
                record(
                    session,
                    actor,
                    "slot.repeat",
                    record_type="schedule_slot",
                    record_id=row.id,
                    detail=f"{len(made)} weeks",
                )
            return _to_slots(session, zone, made)

    def move_slot(self, actor: Actor, slot_id: int, starts_at: datetime, ends_at: datetime) -> Slot:
        """A new day or time for the slot; "This week" shows the new time at once."""
        actor.require(Capability.PLAN_ACTIVITIES)
        with session_scope(self._sessions) as session:
            zone = home_zone_in(session)
            row = _load_slot(session, slot_id)
            starts, ends = check_times(starts_at, ends_at, zone)
            if row.status == _CANCELLED:
                raise ValidationError(
                    "slot", N_("This activity is cancelled, so it cannot be moved.")
                )
            if _feedback_count(session, row.id):
                raise ValidationError(
                    "slot",
                    N_("Residents have already said how this one went, so it cannot be moved."),
                )
            if _utc(row.starts_at) != _utc(starts) or _utc(row.ends_at) != _utc(ends):
                before = _local(row.starts_at, zone)
                row.starts_at, row.ends_at = starts, ends
                row.updated_at = self._now()
                session.flush()
                record(
                    session,
                    actor,
                    "slot.move",
                    record_type="schedule_slot",
                    record_id=row.id,
                    detail=f"{before} to {_local(starts, zone)}",
                )
            return _to_slots(session, zone, [row])[0]

    def cancel_slot(self, actor: Actor, slot_id: int, reason: str) -> Slot:
        """Call the slot off, saying why; it stays in the week, marked cancelled."""
        actor.require(Capability.PLAN_ACTIVITIES)
        words = clean_cancel_reason(reason)
        with session_scope(self._sessions) as session:
            zone = home_zone_in(session)
            row = _load_slot(session, slot_id)
            if row.status != _CANCELLED or row.cancel_reason != words:
                row.status = _CANCELLED
                row.cancel_reason = words
                row.updated_at = self._now()
                session.flush()
                record(session, actor, "slot.cancel", record_type="schedule_slot", record_id=row.id)
            return _to_slots(session, zone, [row])[0]

    def record_attendance(self, actor: Actor, slot_id: int, resident_ids: Iterable[int]) -> Slot:
        """Who came: the slot's attendance becomes exactly ``resident_ids``.

        An empty set means "not recorded": then anyone may say how it went.
        """
        actor.require(Capability.PLAN_ACTIVITIES)
        wanted = set(resident_ids)
        with session_scope(self._sessions) as session:
            zone = home_zone_in(session)
            row = _load_slot(session, slot_id)
            if row.status == _CANCELLED:
                raise ValidationError(
                    "slot", N_("This activity was cancelled, so nobody can be marked as there.")
                )
            now = self._now()
            if row.starts_at > now:
                raise ValidationError(
                    "slot",
                    N_("This activity has not started yet. Please record who came once it starts."),
                )
            _check_residents_exist(session, wanted)
            current = {
                attendance.resident_id: attendance
                for attendance in session.scalars(
                    select(models.Attendance).where(models.Attendance.slot_id == row.id)
                )
            }
            if set(current) != wanted:
                for resident_id, attendance in current.items():
                    if resident_id not in wanted:
                        session.delete(attendance)
                session.add_all(
                    models.Attendance(
                        slot_id=row.id,
                        resident_id=resident_id,
                        recorded_by_staff_id=actor.staff_id,
                        recorded_at=now,
                    )
                    for resident_id in sorted(wanted - set(current))
                )
                session.flush()
                record(
                    session,
                    actor,
                    "slot.attendance",
                    record_type="schedule_slot",
                    record_id=row.id,
                    detail=f"{len(wanted)} residents",
                )
            return _to_slots(session, zone, [row])[0]

    # -- "How was it?" (residents) -------------------------------------------------------

    def slots_to_review(self, actor: Actor, now: datetime | None = None) -> list[SlotToReview]:
        """Slots that ended in the last seven days, not cancelled, that this resident went
        to (or anyone, when nobody recorded who came) and has not yet said how it went
        about. Newest first."""
        resident_id = require_resident(actor)
        moment = now or self._now()
        slot = models.ScheduleSlot
        anyone_recorded = exists().where(models.Attendance.slot_id == slot.id)
        was_there = exists().where(
            models.Attendance.slot_id == slot.id, models.Attendance.resident_id == resident_id
        )
        said_already = exists().where(
            models.Feedback.slot_id == slot.id, models.Feedback.resident_id == resident_id
        )
        query = (
            select(slot, models.Activity)
            .join(models.Activity, models.Activity.id == slot.activity_id)
            .where(
                slot.status != _CANCELLED,
                slot.ends_at <= moment,
                slot.ends_at > moment - REVIEW_WINDOW,
                or_(was_there, not_(anyone_recorded)),
                not_(said_already),
            )
            .order_by(slot.starts_at.desc(), slot.id.desc())
        )
        with self._sessions() as session:
            zone = home_zone_in(session)
            return [
                SlotToReview(
                    slot_id=row.id,
                    activity_id=activity.id,
                    title=activity.title,
                    picture=activity.picture,
                    starts_at=row.starts_at.astimezone(zone),
                    ends_at=row.ends_at.astimezone(zone),
                    place=row.place or activity.default_place,
                    led_by=row.led_by,
                )
                for row, activity in session.execute(query).all()
            ]

    def give_feedback(
        self,
        actor: Actor,
        slot_id: int,
        face: FeedbackFace,
        words: str | None = None,
        now: datetime | None = None,
    ) -> GivenFeedback:
        """The resident's face (and words) for a slot that has ended; again replaces it."""
        resident_id = require_resident(actor)
        clean = clean_feedback(NewFeedback(face=face, words=words))
        moment = now or self._now()
        try:
            return self._save_feedback(resident_id, slot_id, clean, moment)
        except IntegrityError:
            # Another kiosk saved this resident's face for this slot a moment ago: the
            # database kept one, and this one replaces it.
            return self._save_feedback(resident_id, slot_id, clean, moment)

    def _save_feedback(
        self, resident_id: int, slot_id: int, new: NewFeedback, moment: datetime
    ) -> GivenFeedback:
        with session_scope(self._sessions) as session:
            require_active_resident(session, resident_id)
            slot = _load_slot(session, slot_id)
            _check_reviewable(session, slot, resident_id, moment)
            row = session.scalar(
                select(models.Feedback).where(
                    models.Feedback.slot_id == slot.id, models.Feedback.resident_id == resident_id
                )
            )
            if row is None:
                row = models.Feedback(
                    slot_id=slot.id,
                    resident_id=resident_id,
                    scale=FACE_SCALE,
                    created_at=moment,
                )
                session.add(row)
            row.face = int(new.face)
            row.words = new.words
            row.updated_at = moment
            session.flush()
            return GivenFeedback(
                id=row.id,
                slot_id=row.slot_id,
                resident_id=row.resident_id,
                face=FeedbackFace(row.face),
                words=row.words,
                given_at=row.created_at,
                changed_at=row.updated_at,
            )

    def feedback_reader(self, viewer: Actor) -> str | None:
        """The name of who reads residents' faces and words ("Priya will read this"): the
        activities coordinator (the first taken on, if there are several), or else a
        manager. None when the home has neither."""
        with self._sessions() as session:
            for role in (StaffRole.COORDINATOR, StaffRole.MANAGER):
                name = session.scalar(
                    select(models.Staff.name)
                    .where(models.Staff.role == role.value, models.Staff.active.is_(True))
                    .order_by(models.Staff.id)
                    .limit(1)
                )
                if name is not None:
                    return name
        return None

    # -- feedback for the coordinator ----------------------------------------------------

    def feedback_for_week(self, actor: Actor, monday: date) -> FeedbackReport:
        """Each slot of the week that has ended (or has faces), in time order, and the
        week's total."""
        actor.require(Capability.PLAN_ACTIVITIES)
        check_monday(monday)
        with self._sessions() as session:
            zone = home_zone_in(session)
            rows = session.scalars(_in_week(zone, monday)).all()
            return _feedback_report(session, zone, rows, self._now(), title=None, activity_id=None)

    def feedback_for_activity(self, actor: Actor, activity_id: int) -> FeedbackReport:
        """Each slot of the activity that has ended (or has faces), newest first, and the
        activity's total."""
        actor.require(Capability.PLAN_ACTIVITIES)
        with self._sessions() as session:
            zone = home_zone_in(session)
            activity = session.get(models.Activity, activity_id)
            if activity is None:
                raise NotFoundError(N_("We could not find that activity."))
            rows = session.scalars(
                select(models.ScheduleSlot)
                .where(models.ScheduleSlot.activity_id == activity_id)
                .order_by(models.ScheduleSlot.starts_at.desc(), models.ScheduleSlot.id.desc())
            ).all()
            return _feedback_report(
                session, zone, rows, self._now(), title=activity.title, activity_id=activity_id
            )


# ---------------------------------------------------------------------------------------
# Who is asking, and what they may touch


def _check_residents_exist(session: Session, resident_ids: set[int]) -> None:
    if not resident_ids:
        return
    found = set(
        session.scalars(
            select(models.Resident.id).where(models.Resident.id.in_(resident_ids))
        ).all()
    )
    if found != resident_ids:
        raise NotFoundError(N_("We could not find that resident."))


def _check_reviewable(
    session: Session, slot: models.ScheduleSlot, resident_id: int, moment: datetime
) -> None:
    """Ended in the last seven days, not cancelled, and the resident was there (if anyone
    recorded who was): what :meth:`ScheduleService.slots_to_review` offers."""
    if slot.status == _CANCELLED:
        raise ValidationError("slot", N_("This activity was cancelled, so it did not happen."))
    if slot.ends_at > moment:
        raise ValidationError(
            "slot", N_("This activity has not finished yet. You can tell us how it was after.")
        )
    if slot.ends_at <= moment - REVIEW_WINDOW:  # as slots_to_review: it is no longer offered
        raise ValidationError("slot", N_("It is too long ago to say how this went."))
    came = set(
        session.scalars(
            select(models.Attendance.resident_id).where(models.Attendance.slot_id == slot.id)
        ).all()
    )
    if came and resident_id not in came:
        raise ValidationError(
            "slot",
            N_(
                "Our list says you were not at this one. "
                "Please ask a member of staff if that is wrong."
            ),
        )


# ---------------------------------------------------------------------------------------
# Activities and slots


def _to_activity(row: models.Activity) -> Activity:
    return Activity(
        id=row.id,
        title=row.title,
        picture=row.picture,
        place=row.default_place,
        description=row.description,
        archived=row.archived_at is not None,
    )


def _refuse_same_title(session: Session, title: str) -> None:
    """Two activities on offer with the same title would confuse everyone."""
    key = match_key(title)
    for existing in session.scalars(
        select(models.Activity.title).where(models.Activity.archived_at.is_(None))
    ):
        if match_key(existing) == key:
            raise ValidationError(
                "title", N_("There is already an activity called {title}."), title=existing
            )


def _live_activity(session: Session, activity_id: int) -> models.Activity:
    row = session.get(models.Activity, activity_id)
    if row is None:
        raise NotFoundError(N_("We could not find that activity."))
    if row.archived_at is not None:
        raise ValidationError(
            "activity",
            N_("{title} is no longer offered here, so it cannot be planned."),
            title=row.title,
        )
    return row


def _load_slot(session: Session, slot_id: int) -> models.ScheduleSlot:
    row = session.get(models.ScheduleSlot, slot_id)
    if row is None:
        raise NotFoundError(N_("We could not find that activity."))
    return row


def _check_poll(session: Session, poll_id: int, activity: models.Activity, now: datetime) -> None:
    """A poll that has closed, whose winner (or one of the winners, in a tie) is this
    activity: a choice naming it, or a choice in words only with its title."""
    poll = session.get(models.Poll, poll_id)
    if poll is None:
        raise NotFoundError(N_("We could not find that poll."))
    closed = (poll.closed_early_at is not None and poll.closed_early_at <= now) or (
        poll.closes_at <= now
    )
    if not closed:
        raise ValidationError(
            "poll", N_("This poll is still open. Please plan its winner once it closes.")
        )
    results = count_results(session, poll_id, now)
    key = match_key(activity.title)

    def is_this_activity(option: PollOption) -> bool:
        if option.activity_id is not None:
            return option.activity_id == activity.id
        return match_key(option.label) == key

    if not any(is_this_activity(option) for option in results.poll.options):
        raise ValidationError(
            "activity",
            N_("{title} was not one of the choices in that poll."),
            title=activity.title,
        )
    winners = results.winners
    if not winners:
        raise ValidationError(
            "poll",
            N_("Nobody chose anything in that poll, so it has no winner to plan."),
        )
    if not any(is_this_activity(option) for option in winners):
        raise ValidationError(
            "activity",
            N_("{title} did not win that poll. Most votes went to {winners}."),
            title=activity.title,
            winners=", ".join(option.label for option in winners),
        )


def _plannable_proposal(
    session: Session, proposal_id: int, activity: models.Activity
) -> models.Proposal:
    """A sent suggestion that is not about a meal, not taken back and not answered no."""
    row = session.get(models.Proposal, proposal_id)
    if row is None or row.status == ProposalStatus.DRAFT.value:
        raise NotFoundError(N_("We could not find that suggestion."))
    if row.topic == ProposalTopic.MEAL.value:
        raise ValidationError(
            "proposal",
            N_("That is a meal suggestion: it goes on the menu, not in the week's activities."),
        )
    refusal = _UNPLANNABLE.get(row.status)
    if refusal is not None:
        raise ValidationError("proposal", refusal)
    if row.activity_id is not None and row.activity_id != activity.id:
        raise ValidationError(
            "activity",
            N_("That suggestion is about another activity. Please plan that one."),
        )
    return row


def _in_week(zone: ZoneInfo, monday: date) -> Select[tuple[models.ScheduleSlot]]:
    """Slots starting from Monday 00:00 to the next Monday 00:00, home time."""
    start = datetime.combine(monday, time.min, tzinfo=zone)
    end = datetime.combine(monday + timedelta(days=7), time.min, tzinfo=zone)
    return (
        select(models.ScheduleSlot)
        .where(models.ScheduleSlot.starts_at >= start, models.ScheduleSlot.starts_at < end)
        .order_by(models.ScheduleSlot.starts_at, models.ScheduleSlot.id)
    )


def _weeks_with_copies(session: Session, zone: ZoneInfo, first: int) -> set[date]:
    """The Mondays of the weeks holding the first slot or any copy of it."""
    starts = session.scalars(
        select(models.ScheduleSlot.starts_at).where(
            or_(models.ScheduleSlot.id == first, models.ScheduleSlot.repeat_of_slot_id == first)
        )
    ).all()
    return {monday_of(moment.astimezone(zone).date()) for moment in starts}


def _same_activity_at(session: Session, activity_id: int, starts: datetime) -> bool:
    return (
        session.scalar(
            select(models.ScheduleSlot.id)
            .where(
                models.ScheduleSlot.activity_id == activity_id,
                models.ScheduleSlot.starts_at == starts,
            )
            .limit(1)
        )
        is not None
    )


def _copy(
    row: models.ScheduleSlot,
    first: int,
    starts: datetime,
    ends: datetime,
    actor: Actor,
    now: datetime,
) -> models.ScheduleSlot:
    """The slot again at another time: planned, where it came from kept."""
    return models.ScheduleSlot(
        activity_id=row.activity_id,
        starts_at=starts,
        ends_at=ends,
        place=row.place,
        led_by=row.led_by,
        source=row.source,
        poll_id=row.poll_id,
        proposal_id=row.proposal_id,
        repeat_of_slot_id=first,
        status=SlotStatus.PLANNED.value,
        note=row.note,
        created_by_staff_id=actor.staff_id,
        created_at=now,
        updated_at=now,
    )


def _feedback_count(session: Session, slot_id: int) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(models.Feedback)
            .where(models.Feedback.slot_id == slot_id)
        )
        or 0
    )


def _local(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).isoformat(timespec="minutes")


def _to_slots(session: Session, zone: ZoneInfo, rows: Sequence[models.ScheduleSlot]) -> list[Slot]:
    if not rows:
        return []
    ids = [row.id for row in rows]
    activities = {
        row.id: row
        for row in session.scalars(
            select(models.Activity).where(models.Activity.id.in_({row.activity_id for row in rows}))
        )
    }
    came = _attendance(session, ids)
    faces = dict(
        session.execute(
            select(models.Feedback.slot_id, func.count())
            .where(models.Feedback.slot_id.in_(ids))
            .group_by(models.Feedback.slot_id)
        ).all()
    )
    polls = dict(
        session.execute(
            select(models.Poll.id, models.Poll.question).where(
                models.Poll.id.in_({row.poll_id for row in rows if row.poll_id is not None})
            )
        ).all()
    )
    proposals = dict(
        session.execute(
            select(models.Proposal.id, models.Proposal.title).where(
                models.Proposal.id.in_(
                    {row.proposal_id for row in rows if row.proposal_id is not None}
                )
            )
        ).all()
    )
    slots = []
    for row in rows:
        activity = activities[row.activity_id]
        came_from = None
        if row.poll_id is not None:
            came_from = polls.get(row.poll_id)
        elif row.proposal_id is not None:
            came_from = proposals.get(row.proposal_id)
        slots.append(
            Slot(
                id=row.id,
                activity_id=activity.id,
                title=activity.title,
                picture=activity.picture,
                starts_at=row.starts_at.astimezone(zone),
                ends_at=row.ends_at.astimezone(zone),
                place=row.place or activity.default_place,
                led_by=row.led_by,
                source=SlotSource(row.source),
                poll_id=row.poll_id,
                proposal_id=row.proposal_id,
                came_from=came_from,
                repeat_of_slot_id=row.repeat_of_slot_id,
                status=SlotStatus(row.status),
                cancel_reason=row.cancel_reason,
                note=row.note,
                attended_by=frozenset(came.get(row.id, ())),
                feedback_count=int(faces.get(row.id, 0)),
            )
        )
    return slots


def _attendance(session: Session, slot_ids: Iterable[int]) -> dict[int, set[int]]:
    came: dict[int, set[int]] = defaultdict(set)
    for slot_id, resident_id in session.execute(
        select(models.Attendance.slot_id, models.Attendance.resident_id).where(
            models.Attendance.slot_id.in_(set(slot_ids))
        )
    ):
        came[slot_id].add(resident_id)
    return came


# ---------------------------------------------------------------------------------------
# Feedback, added up


def _feedback_report(
    session: Session,
    zone: ZoneInfo,
    rows: Sequence[models.ScheduleSlot],
    now: datetime,
    *,
    title: str | None,
    activity_id: int | None,
) -> FeedbackReport:
    """A summary for each slot in ``rows`` (in their order) that has ended, not cancelled,
    or that has faces; and the total, counting each resident once."""
    ids = [row.id for row in rows]
    given: dict[int, list[tuple[models.Feedback, str]]] = defaultdict(list)
    if ids:
        for feedback, name in session.execute(
            select(models.Feedback, models.Resident.preferred_name)
            .join(models.Resident, models.Resident.id == models.Feedback.resident_id)
            .where(models.Feedback.slot_id.in_(ids))
        ).all():
            given[feedback.slot_id].append((feedback, name))
    came = _attendance(session, ids)
    titles = dict(
        session.execute(
            select(models.Activity.id, models.Activity.title).where(
                models.Activity.id.in_({row.activity_id for row in rows})
            )
        ).all()
    )
    summaries: list[FeedbackSummary] = []
    people: set[int] = set()
    for row in rows:
        said = given.get(row.id, [])
        happened = row.status != _CANCELLED and row.ends_at <= now
        if not said and not happened:
            continue
        people.update(feedback.resident_id for feedback, _ in said)
        summaries.append(
            summarise(
                [FeedbackFace(feedback.face) for feedback, _ in said],
                [_words(feedback, name) for feedback, name in said if feedback.words],
                title=titles[row.activity_id],
                residents=len(said),
                attended=len(came[row.id]) if row.id in came else None,
                activity_id=row.activity_id,
                slot_id=row.id,
                starts_at=row.starts_at.astimezone(zone),
            )
        )
    recorded = [summary.attended for summary in summaries if summary.attended is not None]
    total = summarise(
        [face for summary in summaries for face, n in summary.faces for _ in range(n)],
        [said for summary in summaries for said in summary.words],
        title=title,
        residents=len(people),
        attended=sum(recorded) if recorded else None,
        activity_id=activity_id,
    )
    return FeedbackReport(slots=tuple(summaries), total=total)


def _words(feedback: models.Feedback, name: str) -> FeedbackWords:
    assert feedback.words is not None  # only rows with words are passed
    return FeedbackWords(
        resident_id=feedback.resident_id,
        resident_name=name,
        face=FeedbackFace(feedback.face),
        words=feedback.words,
        given_at=feedback.updated_at,
        slot_id=feedback.slot_id,
    )


def _utc(moment: datetime) -> datetime:
    """For comparing moments: two times in one zone compare by clock face, fold ignored."""
    return moment.astimezone(UTC)
