"""A resident's data rights: everything the kiosk keeps about them, and erasing a resident
who has left. Both are the manager's alone (the right to manage residents) and audited;
the audit events never hold a name.

Erasing keeps every row and takes the person out of it, so every count the home reports
(suggestions, "me too"s, ballots, feedback faces, attendance, care-plan versions and
reviews, talk requests) stays true and every foreign key still holds. In one transaction:

- The resident row stays, as "Former resident 2": a fixed word and the order in which
  residents were erased, never their id (which is printed on old exports and screens), so
  a report can still tell two former residents apart without pointing at either. Their full
  name, room, PIN hash, lock-out state and support notes go; their look-and-sound settings
  go back to the defaults; ``erased_at`` is set. Their photo is deleted.
- Their suggestions keep their topic, status, dates and links to menus, polls and the
  week. Their own words about one (``details``) go, as does any photo sent with it. The
  title is what the evidence report shows as "residents said", so it stays unless it names
  them ("Margaret's birthday tea" becomes "A suggestion"); the same goes for the staff
  member's answer ("An answer was given." when it names them). "Names them" means any of
  their names or any part of one, as a whole word in any case: better one title too many.
- Feedback keeps its face and loses its words. Talk requests keep their section and dates
  and lose their note; one that was resolved says only "Talked about and sorted out." (the
  database asks for words whenever a request is resolved).
- Care-plan versions keep their number, date, writer, next review date and whether the
  person took part; every section is emptied; who was there, who supported them and what
  changed go. Goals, routines and risks keep their rows (so a count of goals met stays
  true) with their words replaced by "A goal", "A routine" or "A risk". Reviews keep their
  dates and whether the person took part, and lose who was there and what changed.
  Confirmations hold no words and stay.

What erasing does not change: other people's words (another resident's feedback, a staff
member's notes on the week) and the append-only audit log. Where the person's name is
still written in any of those, the result says where, for the manager to look at by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from sqlalchemy import String, delete, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.domain.care_plan_records import ReviewRecord, TalkRequestView
from kiosk.domain.enums import (
    BallotAnswer,
    CarePlanAccess,
    CarePlanSection,
    ContrastTheme,
    MealSlot,
    PollKind,
    ProposalStatus,
    ProposalTopic,
    TalkRequestSource,
)
from kiosk.domain.errors import NotAllowedError, NotFoundError
from kiosk.domain.resident_records import (
    AttendanceRecord,
    ConfirmationRecord,
    ErasedCounts,
    FeedbackRecord,
    Mention,
    PersonalDetails,
    PlanAccessEvent,
    PlanAccessKind,
    PlanVersionRecord,
    ResidentRecords,
    SuggestionRecord,
    SupportRecord,
    VoteAnswer,
    VoteRecord,
    mentions,
    name_words,
    names_pattern,
)
from kiosk.domain.residents import DEFAULT_SPEECH_RATE, TEXT_SCALE_MIN
from kiosk.domain.text import N_
from kiosk.services import care_plan_talk, care_plans, private_access
from kiosk.services.audit import record
from kiosk.services.care_plan_rows import plan_of, staff_names, to_view
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now

RECORDS_ACTION = "resident.records"
ERASE_ACTION = "resident.erase"

ANONYMOUS_NAME = N_("Former resident {number}")
ANONYMOUS_TITLE = N_("A suggestion")
ANONYMOUS_ANSWER = N_("An answer was given.")
ERASED_RESOLUTION = N_("Talked about and sorted out.")
ERASED_GOAL = N_("A goal")
ERASED_ROUTINE = N_("A routine")
ERASED_RISK = N_("A risk")
STILL_LIVES_HERE = N_(
    "{name} still lives here. Archive them as moved out first; then their records can be erased."
)
ALREADY_ERASED = N_("These records were erased already.")
NOT_FOUND = N_("We could not find that resident.")

PLAN_ACCESS: dict[str, PlanAccessKind] = {
    private_access.UNLOCKED: PlanAccessKind.OPENED,
    care_plans.VIEW_ACTION: PlanAccessKind.VIEWED,
    care_plans.PRINT_ACTION: PlanAccessKind.PRINTED,
    care_plans.EDIT_ACTION: PlanAccessKind.EDITED,
    care_plans.REVIEW_ACTION: PlanAccessKind.REVIEWED,
    care_plans.COMPARE_ACTION: PlanAccessKind.COMPARED,
    care_plans.HISTORY_ACTION: PlanAccessKind.HISTORY,
    care_plan_talk.CONFIRM_ACTION: PlanAccessKind.CONFIRMED,
    care_plan_talk.TALK_ACTION: PlanAccessKind.ASKED_TO_TALK,
    care_plan_talk.RESOLVE_ACTION: PlanAccessKind.TALK_RESOLVED,
}


class ResidentRecordsService:
    def __init__(
        self, sessions: sessionmaker[Session], *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self._sessions = sessions
        self._now = now

    def records(self, actor: Actor, resident_id: int) -> ResidentRecords:
        """Everything kept about the resident (living here, moved out, or erased)."""
        actor.require(Capability.MANAGE_RESIDENTS)
        with session_scope(self._sessions) as session:
            row = _resident(session, resident_id)
            plan = plan_of(session, resident_id)
            talks = _talk_requests(session, row)
            found = ResidentRecords(
                details=_details(row),
                made_at=self._now(),
                suggestions=_suggestions(session, resident_id),
                supports=_supports(session, resident_id),
                votes=_votes(session, resident_id),
                feedback=_feedback(session, resident_id),
                attended=_attended(session, resident_id),
                plan_versions=_plan_versions(session, resident_id, plan),
                reviews=_reviews(session, plan),
                confirmations=_confirmations(session, resident_id),
                talk_requests=talks,
                plan_access=_plan_access(session, resident_id, plan, talks),
            )
            record(session, actor, RECORDS_ACTION, record_type="resident", record_id=resident_id)
            return found

    def erase(self, actor: Actor, resident_id: int) -> ErasedCounts:
        """Take a resident who has moved out out of the home's records (see the module's
        words for exactly what goes and what stays). Refused for someone who still lives
        here, and a second time."""
        actor.require(Capability.MANAGE_RESIDENTS)
        now = self._now()
        with session_scope(self._sessions) as session:
            row = _resident(session, resident_id)
            if row.erased_at is not None:
                raise NotAllowedError(ALREADY_ERASED)
            if row.active or row.archived_at is None:
                raise NotAllowedError(STILL_LIVES_HERE, name=row.preferred_name)
            names = (row.preferred_name, row.full_name)
            photos = {row.photo_id}
            suggestions, sent_photos = _erase_suggestions(session, resident_id, names, now)
            photos |= sent_photos
            feedback = _erase_feedback(session, resident_id, now)
            talks = _erase_talk_requests(session, resident_id)
            versions, reviews = _erase_care_plan(session, resident_id)
            anonymous = _anonymise(session, row, now)
            session.flush()
            dropped = [photo for photo in photos if photo is not None]
            if dropped:
                session.execute(delete(models.Photo).where(models.Photo.id.in_(dropped)))
            erased = ErasedCounts(
                resident_id=resident_id,
                anonymous_name=anonymous,
                suggestions=suggestions,
                feedback=feedback,
                plan_versions=versions,
                reviews=reviews,
                talk_requests=talks,
                photos=len(dropped),
                mentions=_mentions(session, names),
            )
            record(
                session,
                actor,
                ERASE_ACTION,
                record_type="resident",
                record_id=resident_id,
                detail=_erase_detail(erased),
            )
            return erased


# ---------------------------------------------------------------------------------------
# Reading


def _resident(session: Session, resident_id: int) -> models.Resident:
    row = session.get(models.Resident, resident_id)
    if row is None:
        raise NotFoundError(NOT_FOUND)
    return row


def _details(row: models.Resident) -> PersonalDetails:
    return PersonalDetails(
        resident_id=row.id,
        preferred_name=row.preferred_name,
        full_name=row.full_name,
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
        moved_in=row.created_at,
        moved_out=row.archived_at,
        erased_at=row.erased_at,
    )


def _suggestions(session: Session, resident_id: int) -> tuple[SuggestionRecord, ...]:
    rows = session.scalars(
        select(models.Proposal)
        .where(models.Proposal.resident_id == resident_id)
        .order_by(models.Proposal.created_at, models.Proposal.id)
    ).all()
    backers = dict(
        session.execute(
            select(models.ProposalSupport.proposal_id, func.count())
            .where(
                models.ProposalSupport.proposal_id.in_([row.id for row in rows]),
                models.ProposalSupport.resident_id != resident_id,
            )
            .group_by(models.ProposalSupport.proposal_id)
        ).all()
    )
    names = staff_names(session, {row.responded_by_staff_id for row in rows})
    return tuple(
        SuggestionRecord(
            proposal_id=row.id,
            topic=ProposalTopic(row.topic),
            title=row.title,
            details=row.details,
            meal_slot=MealSlot(row.meal_slot) if row.meal_slot else None,
            status=ProposalStatus(row.status),
            started_at=row.created_at,
            sent_at=row.submitted_at,
            answer=row.response,
            answered_by=names.get(row.responded_by_staff_id),
            answered_at=row.responded_at,
            done_at=row.done_at,
            backed_by=backers.get(row.id, 0),
        )
        for row in rows
    )


def _supports(session: Session, resident_id: int) -> tuple[SupportRecord, ...]:
    rows = session.execute(
        select(models.ProposalSupport, models.Proposal)
        .join(models.Proposal, models.Proposal.id == models.ProposalSupport.proposal_id)
        .where(models.ProposalSupport.resident_id == resident_id)
        .order_by(models.ProposalSupport.created_at, models.ProposalSupport.id)
    ).all()
    return tuple(
        SupportRecord(
            proposal_id=proposal.id,
            topic=ProposalTopic(proposal.topic),
            title=proposal.title,
            said_at=support.created_at,
        )
        for support, proposal in rows
    )


def _votes(session: Session, resident_id: int) -> tuple[VoteRecord, ...]:
    ballots = session.execute(
        select(models.Ballot, models.Poll)
        .join(models.Poll, models.Poll.id == models.Ballot.poll_id)
        .where(models.Ballot.resident_id == resident_id)
        .order_by(models.Ballot.cast_at, models.Ballot.id)
    ).all()
    answers: dict[int, list[VoteAnswer]] = {ballot.id: [] for ballot, _ in ballots}
    for ballot_id, label, answer in session.execute(
        select(models.BallotChoice.ballot_id, models.PollOption.label, models.BallotChoice.answer)
        .join(models.PollOption, models.PollOption.id == models.BallotChoice.option_id)
        .where(models.BallotChoice.ballot_id.in_(list(answers)))
        .order_by(models.PollOption.position)
    ):
        answers[ballot_id].append(VoteAnswer(label, BallotAnswer(answer)))
    return tuple(
        VoteRecord(
            poll_id=poll.id,
            question=poll.question,
            kind=PollKind(poll.kind),
            answers=tuple(answers[ballot.id]),
            cast_at=ballot.cast_at,
            changed_at=ballot.updated_at,
        )
        for ballot, poll in ballots
    )


def _feedback(session: Session, resident_id: int) -> tuple[FeedbackRecord, ...]:
    rows = session.execute(
        select(models.Feedback, models.ScheduleSlot.starts_at, models.Activity.title)
        .join(models.ScheduleSlot, models.ScheduleSlot.id == models.Feedback.slot_id)
        .join(models.Activity, models.Activity.id == models.ScheduleSlot.activity_id)
        .where(models.Feedback.resident_id == resident_id)
        .order_by(models.ScheduleSlot.starts_at, models.Feedback.id)
    ).all()
    return tuple(
        FeedbackRecord(
            activity=title,
            held_at=starts_at,
            face=row.face,
            scale=row.scale,
            words=row.words,
            given_at=row.created_at,
        )
        for row, starts_at, title in rows
    )


def _attended(session: Session, resident_id: int) -> tuple[AttendanceRecord, ...]:
    rows = session.execute(
        select(models.Activity.title, models.ScheduleSlot.starts_at)
        .select_from(models.Attendance)
        .join(models.ScheduleSlot, models.ScheduleSlot.id == models.Attendance.slot_id)
        .join(models.Activity, models.Activity.id == models.ScheduleSlot.activity_id)
        .where(models.Attendance.resident_id == resident_id)
        .order_by(models.ScheduleSlot.starts_at, models.ScheduleSlot.id)
    ).all()
    return tuple(AttendanceRecord(title, starts_at) for title, starts_at in rows)


def _plan_versions(
    session: Session, resident_id: int, plan: models.CarePlan | None
) -> tuple[PlanVersionRecord, ...]:
    if plan is None:
        return ()
    rows = session.scalars(
        select(models.CarePlanVersion)
        .where(models.CarePlanVersion.care_plan_id == plan.id)
        .order_by(models.CarePlanVersion.version_number)
    ).all()
    names = staff_names(session, {row.written_by_staff_id for row in rows})
    versions = []
    for row in rows:
        view = to_view(session, resident_id, row)
        versions.append(
            PlanVersionRecord(
                number=row.version_number,
                written_at=row.created_at,
                written_by=names.get(row.written_by_staff_id),
                people_present=row.people_present,
                took_part=row.resident_took_part,
                what_changed=row.change_summary,
                supported_by=row.supported_by,
                next_review_on=row.next_review_on,
                sections=view.sections,
                goals=view.goals,
                routines=view.routines,
                risks=view.risks,
            )
        )
    return tuple(versions)


def _reviews(session: Session, plan: models.CarePlan | None) -> tuple[ReviewRecord, ...]:
    if plan is None:
        return ()
    rows = session.scalars(
        select(models.CarePlanReview)
        .where(models.CarePlanReview.care_plan_id == plan.id)
        .order_by(models.CarePlanReview.reviewed_on, models.CarePlanReview.id)
    ).all()
    names = staff_names(session, {row.reviewed_by_staff_id for row in rows})
    numbers = _version_numbers(session, [row.version_id for row in rows])
    return tuple(
        ReviewRecord(
            reviewed_on=row.reviewed_on,
            reviewed_by=names.get(row.reviewed_by_staff_id),
            people_present=row.people_present,
            resident_involved=row.resident_involved,
            what_changed=row.what_changed,
            next_review_on=row.next_review_on,
            version_number=numbers.get(row.version_id),
        )
        for row in rows
    )


def _version_numbers(session: Session, version_ids: Iterable[int | None]) -> dict[int | None, int]:
    wanted = [each for each in version_ids if each is not None]
    return dict(
        session.execute(
            select(models.CarePlanVersion.id, models.CarePlanVersion.version_number).where(
                models.CarePlanVersion.id.in_(wanted)
            )
        ).all()
    )


def _confirmations(session: Session, resident_id: int) -> tuple[ConfirmationRecord, ...]:
    rows = session.execute(
        select(
            models.CarePlanVersion.version_number,
            models.CarePlanConfirmation.section,
            models.CarePlanConfirmation.confirmed_at,
        )
        .join(
            models.CarePlanVersion,
            models.CarePlanVersion.id == models.CarePlanConfirmation.version_id,
        )
        .where(models.CarePlanConfirmation.resident_id == resident_id)
        .order_by(models.CarePlanConfirmation.confirmed_at, models.CarePlanConfirmation.id)
    ).all()
    return tuple(
        ConfirmationRecord(number, CarePlanSection(section) if section else None, at)
        for number, section, at in rows
    )


def _talk_requests(session: Session, resident: models.Resident) -> tuple[TalkRequestView, ...]:
    rows = session.scalars(
        select(models.TalkRequest)
        .where(models.TalkRequest.resident_id == resident.id)
        .order_by(models.TalkRequest.raised_at, models.TalkRequest.id)
    ).all()
    names = staff_names(session, {row.resolved_by_staff_id for row in rows})
    return tuple(
        TalkRequestView(
            id=row.id,
            resident_id=resident.id,
            resident_name=resident.preferred_name,
            section=CarePlanSection(row.section) if row.section else None,
            note=row.note,
            raised_at=row.raised_at,
            raised_via=TalkRequestSource(row.raised_via),
            resolved_at=row.resolved_at,
            resolved_by=names.get(row.resolved_by_staff_id),
            resolution=row.resolution,
        )
        for row in rows
    )


def _plan_access(
    session: Session,
    resident_id: int,
    plan: models.CarePlan | None,
    talks: Sequence[TalkRequestView],
) -> tuple[PlanAccessEvent, ...]:
    """Audit events about their care plan, whichever record they were filed against: the
    resident, their plan, or one of their requests to talk."""
    event = models.AuditEvent
    about = [(event.record_type == "resident") & (event.record_id == resident_id)]
    if plan is not None:
        about.append((event.record_type == "care_plan") & (event.record_id == plan.id))
    if talks:
        about.append(
            (event.record_type == "talk_request") & event.record_id.in_([talk.id for talk in talks])
        )
    rows = session.scalars(
        select(event)
        .where(event.action.in_(list(PLAN_ACCESS)), or_(*about))
        .order_by(event.occurred_at, event.id)
    ).all()
    names = staff_names(session, {row.actor_staff_id for row in rows})
    return tuple(
        PlanAccessEvent(
            at=row.occurred_at,
            kind=PLAN_ACCESS[row.action],
            by_staff=names.get(row.actor_staff_id),
            by_themselves=row.actor_resident_id == resident_id,
        )
        for row in rows
    )


# ---------------------------------------------------------------------------------------
# Erasing


def _erase_suggestions(
    session: Session, resident_id: int, names: tuple[str, str | None], now: datetime
) -> tuple[int, set[int | None]]:
    """Their words about their suggestions; a title or answer that names them. Returns how
    many suggestions, and the photos sent with them."""
    pattern = names_pattern(name_words(*names))
    rows = session.scalars(
        select(models.Proposal).where(models.Proposal.resident_id == resident_id)
    ).all()
    photos: set[int | None] = set()
    for row in rows:
        row.details = None
        if mentions(row.title, pattern):
            row.title = ANONYMOUS_TITLE
        if mentions(row.response, pattern):
            row.response = ANONYMOUS_ANSWER
        photos.add(row.photo_id)
        row.photo_id = None
        row.updated_at = now
    return len(rows), photos


def _erase_feedback(session: Session, resident_id: int, now: datetime) -> int:
    rows = session.scalars(
        select(models.Feedback).where(models.Feedback.resident_id == resident_id)
    ).all()
    for row in rows:
        row.words = None
        row.updated_at = now
    return len(rows)


def _erase_talk_requests(session: Session, resident_id: int) -> int:
    rows = session.scalars(
        select(models.TalkRequest).where(models.TalkRequest.resident_id == resident_id)
    ).all()
    for row in rows:
        row.note = None
        row.resolution = ERASED_RESOLUTION if row.resolved_at is not None else None
    return len(rows)


def _erase_care_plan(session: Session, resident_id: int) -> tuple[int, int]:
    """Every version's words and every review's; returns how many of each."""
    plan = plan_of(session, resident_id)
    if plan is None:
        return 0, 0
    versions = session.scalars(
        select(models.CarePlanVersion).where(models.CarePlanVersion.care_plan_id == plan.id)
    ).all()
    ids = [version.id for version in versions]
    for version in versions:
        version.supported_by = version.people_present = version.change_summary = None
    for section in session.scalars(
        select(models.CarePlanSectionText).where(models.CarePlanSectionText.version_id.in_(ids))
    ):
        section.body = ""
    for goal in session.scalars(
        select(models.CarePlanGoal).where(models.CarePlanGoal.version_id.in_(ids))
    ):
        goal.goal, goal.expressed_by = ERASED_GOAL, None
    for routine in session.scalars(
        select(models.CarePlanRoutine).where(models.CarePlanRoutine.version_id.in_(ids))
    ):
        routine.name, routine.timing, routine.steps, routine.music = ERASED_ROUTINE, None, "", None
    for risk in session.scalars(
        select(models.CarePlanRisk).where(models.CarePlanRisk.version_id.in_(ids))
    ):
        risk.risk, risk.agreement, risk.agreed_by = ERASED_RISK, "", None
    reviews = session.scalars(
        select(models.CarePlanReview).where(models.CarePlanReview.care_plan_id == plan.id)
    ).all()
    for review in reviews:
        review.people_present = review.what_changed = None
    return len(versions), len(reviews)


def _anonymise(session: Session, row: models.Resident, now: datetime) -> str:
    """The resident row, without the person: returns what it calls them now."""
    erased_before = session.scalar(
        select(func.count())
        .select_from(models.Resident)
        .where(models.Resident.erased_at.is_not(None))
    )
    name = ANONYMOUS_NAME.format(number=(erased_before or 0) + 1)
    row.preferred_name = name
    row.full_name = row.room = row.support_notes = row.pin_hash = None
    row.photo_id = None
    row.locked_until = None
    row.failed_pin_count = row.lockout_count = 0
    row.language = "en_GB"
    row.text_scale = TEXT_SCALE_MIN
    row.contrast = ContrastTheme.STANDARD.value
    row.speech_rate = DEFAULT_SPEECH_RATE
    row.talking_buttons = False
    row.care_plan_access = CarePlanAccess.STAFF.value
    row.active = False
    row.erased_at = now
    row.updated_at = now
    return name


def _mentions(session: Session, names: tuple[str, str | None]) -> tuple[Mention, ...]:
    """Where either of the person's whole names is still written, table by table."""
    whole = tuple(" ".join(name.split()) for name in names if name and name.strip())
    pattern = names_pattern(whole, ignore_case=False)
    if pattern is None:
        return ()
    found = []
    for table in models.Base.metadata.sorted_tables:
        for column in table.columns:
            if not isinstance(column.type, String):
                continue
            near = or_(*(column.like(f"%{_like_escaped(name)}%", escape="\\") for name in whole))
            values = session.scalars(select(column).where(near)).all()
            rows = sum(1 for value in values if mentions(value, pattern))
            if rows:
                found.append(Mention(table.name, column.name, rows))
    return tuple(found)


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _erase_detail(erased: ErasedCounts) -> str:
    """Counts only: an audit event never names anyone."""
    return (
        f"{erased.suggestions} suggestions, {erased.feedback} feedback, "
        f"{erased.plan_versions} care-plan versions, {erased.reviews} reviews, "
        f"{erased.talk_requests} talk requests, {erased.photos} photos"
    )
