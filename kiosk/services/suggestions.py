"""Residents' meal suggestions: send, keep a draft, "me too", and the kitchen's answers.

Residents send meal ideas (a picture from the catalogue, or typed words, and why); other
residents say "me too"; the kitchen answers every one in plain words, and a "yes" puts the
dish on the menu, linked to the suggestion. The resident hears the answer the next time
they sign in ("You said, we did"). Everything typed is stored exactly as typed.

What meal suggestions share with ideas for activities and the home (sending once,
drafts, "me too", answers heard) lives in ``services/proposals.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.domain.enums import DietaryTag, Meal, MealSlot, ProposalStatus, ProposalTopic
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.meals import (
    ANSWER_STATUS,
    CHOICES_PER_MEAL_MAX,
    Answer,
    AnswerKind,
    MealSuggestion,
    NewMealSuggestion,
    answer_words,
    check_client_token,
    check_picture_key,
    clean_draft_title,
    clean_reason,
    clean_title,
    is_empty_draft,
)
from kiosk.domain.text import N_
from kiosk.services import proposals
from kiosk.services.proposals import MEALS
from kiosk.services.who import require_active_resident, require_resident
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now

_MEAL = ProposalTopic.MEAL.value
_DRAFT = ProposalStatus.DRAFT.value
_OPEN = ProposalStatus.OPEN.value
SIMILAR_LIMIT = proposals.SIMILAR_LIMIT

# The "me too" check, named here so a test can make it miss (as a racing tap would).
_has_supported = proposals.has_supported


class SuggestionsService:
    def __init__(
        self, sessions: sessionmaker[Session], *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self._sessions = sessions
        self._now = now

    # -- a resident sends an idea ----------------------------------------------------------

    def suggest_meal(
        self, actor: Actor, new: NewMealSuggestion, *, draft_id: int | None = None
    ) -> MealSuggestion:
        """Send a resident's meal idea; the same ``client_token`` again sends nothing new.

        When ``draft_id`` names this resident's meal draft, that draft is what is sent.
        """
        resident_id = require_resident(actor)
        token = check_client_token(new.client_token)

        def send(session: Session) -> MealSuggestion:
            row = self._send(session, resident_id, new, token, draft_id)
            return _suggestions(session, [row], viewer=resident_id)[0]

        return proposals.send_once(
            self._sessions,
            token,
            find=lambda token: self._by_token(token, resident_id),
            send=send,
        )

    def _send(
        self,
        session: Session,
        resident_id: int,
        new: NewMealSuggestion,
        token: str | None,
        draft_id: int | None,
    ) -> models.Proposal:
        require_active_resident(session, resident_id)
        dish = _live_dish(session, new.dish_id) if new.dish_id is not None else None
        title = clean_title(new.title, dish_name=dish.name if dish is not None else None)
        reason = clean_reason(new.reason)
        picture = check_picture_key(new.picture) or (dish.picture if dish is not None else None)
        dietary = frozenset(DietaryTag(tag) for tag in new.dietary)
        now = self._now()
        row = (
            proposals.own_draft(session, resident_id, draft_id, MEALS)
            if draft_id is not None
            else None
        )
        if row is None:
            row = models.Proposal(resident_id=resident_id, topic=_MEAL, created_at=now)
            session.add(row)
        row.title = title
        row.details = reason
        row.picture = picture
        row.meal_slot = MealSlot(new.meal_slot).value
        row.dish_id = dish.id if dish is not None else None
        row.status = _OPEN
        row.client_token = token
        row.submitted_at = now
        row.updated_at = now
        session.flush()
        _replace_tags(session, row.id, dietary)
        return row

    def _by_token(self, token: str, resident_id: int) -> MealSuggestion | None:
        with self._sessions() as session:
            row = proposals.by_token(session, token, resident_id, MEALS)
            return _suggestions(session, [row], viewer=resident_id)[0] if row else None

    # -- drafts: nothing is lost when a resident is signed out part-way ------------------

    def save_meal_draft(self, actor: Actor, new: NewMealSuggestion) -> int | None:
        """Keep what was gathered so far as the resident's one meal draft; returns its id.

        Nothing typed or picked beyond the meal slot: nothing is stored (None).
        """
        resident_id = require_resident(actor)
        if is_empty_draft(new):
            return None
        title = clean_draft_title(new.title)
        reason = clean_reason(new.reason)
        picture = check_picture_key(new.picture)
        dietary = frozenset(DietaryTag(tag) for tag in new.dietary)
        now = self._now()
        with session_scope(self._sessions) as session:
            require_active_resident(session, resident_id)
            # Looked up before a new row is added: a query would flush it half-filled.
            dish = session.get(models.Dish, new.dish_id) if new.dish_id is not None else None
            row = proposals.one_draft(session, resident_id, MEALS)
            if row is None:
                row = models.Proposal(
                    resident_id=resident_id, topic=_MEAL, status=_DRAFT, created_at=now
                )
                session.add(row)
            row.title = title
            row.details = reason
            row.picture = picture
            row.meal_slot = MealSlot(new.meal_slot).value
            row.dish_id = dish.id if dish is not None else None  # a vanished dish is dropped
            row.updated_at = now
            session.flush()
            _replace_tags(session, row.id, dietary)
            return row.id

    def meal_draft(self, actor: Actor) -> MealSuggestion | None:
        """The resident's meal draft, to carry on with, or None."""
        resident_id = require_resident(actor)
        with self._sessions() as session:
            drafts = proposals.drafts(session, resident_id, MEALS)
            return _suggestions(session, drafts[:1], viewer=resident_id)[0] if drafts else None

    def discard_meal_draft(self, actor: Actor) -> None:
        """Throw the resident's meal draft away."""
        proposals.discard_drafts(self._sessions, require_resident(actor), MEALS)

    # -- "me too" ------------------------------------------------------------------------

    def support(self, actor: Actor, proposal_id: int) -> MealSuggestion:
        """The resident says "me too", once; their own suggestion counts as supported."""
        resident_id = require_resident(actor)
        proposals.add_support(
            self._sessions,
            resident_id,
            proposal_id,
            MEALS,
            now=self._now(),
            answered_words=N_("The kitchen has already answered this one, so it is closed now."),
            supported=_has_supported,
        )
        with self._sessions() as session:
            row = proposals.load_sent(session, proposal_id, MEALS)
            return _suggestions(session, [row], viewer=resident_id)[0]

    # -- browsing --------------------------------------------------------------------------

    def open_meal_suggestions(self, viewer: Actor) -> list[MealSuggestion]:
        """Open meal suggestions, most "me too"s first, then the newest."""
        with self._sessions() as session:
            rows = session.scalars(proposals.still_open(MEALS)).all()
            found = _suggestions(session, rows, viewer=viewer.resident_id)
        return sorted(found, key=proposals.popular_then_newest)

    def similar_meal_suggestions(self, text: str, viewer: Actor) -> list[MealSuggestion]:
        """Open suggestions alike ``text`` (best first, at most three): "me too" instead?"""
        with self._sessions() as session:
            rows = proposals.similar_open(session, text, proposals.sent(MEALS))
            return _suggestions(session, rows, viewer=viewer.resident_id)

    # -- the kitchen's inbox and answers ---------------------------------------------------

    def inbox(self, actor: Actor) -> list[MealSuggestion]:
        """Every sent meal suggestion: unanswered (oldest first), then answered (newest first)."""
        actor.require(Capability.PLAN_MEALS)
        with self._sessions() as session:
            rows = session.scalars(proposals.sent(MEALS)).all()
            found = _suggestions(session, rows, viewer=None)
        return proposals.waiting_then_answered(found)

    def answer(self, actor: Actor, proposal_id: int, answer: Answer) -> MealSuggestion:
        """The kitchen's answer; "on the menu" puts the dish on that day's meal, linked."""
        actor.require(Capability.PLAN_MEALS)
        words = answer_words(answer)
        with session_scope(self._sessions) as session:
            row = proposals.load_sent(session, proposal_id, MEALS)
            proposals.refuse_withdrawn(row)
            entry = self._put_on_menu(session, actor, row, answer)
            _unlink_other_entries(session, row.id, keep=entry)
            proposals.set_answer(
                session,
                actor,
                row,
                status=ANSWER_STATUS[answer.kind],
                words=words,
                now=self._now(),
                detail=_answer_detail(answer, entry),
            )
            return _suggestions(session, [row], viewer=None)[0]

    def _put_on_menu(
        self, session: Session, actor: Actor, row: models.Proposal, answer: Answer
    ) -> models.MenuEntry | None:
        """The menu entry that carries out a "yes", made or found; None for other answers."""
        if answer.kind is not AnswerKind.ON_MENU:
            return None
        assert answer.menu_date is not None and answer.menu_meal is not None  # answer_words
        dish_id = answer.dish_id if answer.dish_id is not None else row.dish_id
        if dish_id is None:
            raise ValidationError(
                "dish",
                N_("Please choose the dish from the list, or add it to the dishes first."),
            )
        dish = session.get(models.Dish, dish_id)
        if dish is None:
            raise NotFoundError(N_("We could not find that dish."))
        entry = _entry_for(session, answer.menu_date, answer.menu_meal, dish_id)
        if entry is None:
            if dish.archived_at is not None:
                raise ValidationError(
                    "dish", N_("That dish is no longer made here. Please choose another.")
                )
            entry = _new_entry(session, actor, answer.menu_date, answer.menu_meal, dish_id)
        elif entry.proposal_id not in (None, row.id):
            raise ValidationError(
                "dish",
                N_(
                    "That dish on that day already answers another suggestion. "
                    "Please choose another day."
                ),
            )
        entry.proposal_id = row.id
        if row.dish_id is None:
            row.dish_id = dish_id
        return entry

    # -- "You said, we did" ----------------------------------------------------------------

    def answers_to_hear(self, actor: Actor) -> list[MealSuggestion]:
        """The resident's own answered suggestions they have not heard yet, oldest first."""
        resident_id = require_resident(actor)
        with self._sessions() as session:
            rows = proposals.answers_to_hear(session, resident_id, MEALS)
            return _suggestions(session, rows, viewer=resident_id)

    def mark_heard(self, actor: Actor, proposal_ids: Iterable[int]) -> None:
        """The resident has heard these answers (others' suggestions, and answers to ideas
        that are not about meals, are left alone)."""
        resident_id = require_resident(actor)
        proposals.mark_heard(self._sessions, resident_id, proposal_ids, MEALS, now=self._now())


# ---------------------------------------------------------------------------------------
# Who is asking, and what they may touch


def _live_dish(session: Session, dish_id: int) -> models.Dish:
    dish = session.get(models.Dish, dish_id)
    if dish is None:
        raise NotFoundError(N_("We could not find that dish."))
    if dish.archived_at is not None:
        raise ValidationError(
            "dish", N_("That dish is no longer made here. Please choose another.")
        )
    return dish


def _replace_tags(session: Session, proposal_id: int, tags: frozenset[DietaryTag]) -> None:
    """The suggestion's dietary tags become exactly ``tags``."""
    have = {
        row.tag: row
        for row in session.scalars(
            select(models.ProposalDietaryTag).where(
                models.ProposalDietaryTag.proposal_id == proposal_id
            )
        )
    }
    wanted = {tag.value for tag in tags}
    for tag, row in have.items():
        if tag not in wanted:
            session.delete(row)
    session.add_all(
        models.ProposalDietaryTag(proposal_id=proposal_id, tag=tag)
        for tag in sorted(wanted - set(have))
    )


# ---------------------------------------------------------------------------------------
# The menu side of a "yes"


def _entry_for(session: Session, day: date, meal: Meal, dish_id: int) -> models.MenuEntry | None:
    return session.scalar(
        select(models.MenuEntry).where(
            models.MenuEntry.menu_date == day,
            models.MenuEntry.meal == Meal(meal).value,
            models.MenuEntry.dish_id == dish_id,
        )
    )


def _new_entry(
    session: Session, actor: Actor, day: date, meal: Meal, dish_id: int
) -> models.MenuEntry:
    """A new last choice at that meal, within the six-choice limit."""
    count, last = session.execute(
        select(func.count(), func.max(models.MenuEntry.position)).where(
            models.MenuEntry.menu_date == day, models.MenuEntry.meal == Meal(meal).value
        )
    ).one()
    if count >= CHOICES_PER_MEAL_MAX:
        raise ValidationError(
            "menu",
            N_("That meal already has {limit} choices. Please take one off first."),
            limit=CHOICES_PER_MEAL_MAX,
        )
    entry = models.MenuEntry(
        menu_date=day,
        meal=Meal(meal).value,
        position=(last or 0) + 1,
        dish_id=dish_id,
        created_by_staff_id=actor.staff_id,
    )
    session.add(entry)
    session.flush()
    return entry


def _unlink_other_entries(
    session: Session, proposal_id: int, *, keep: models.MenuEntry | None
) -> None:
    """A new answer replaces the old: earlier menu entries no longer carry this suggestion.

    The dishes stay on those menus; the kitchen takes them off in the planner if need be.
    """
    for entry in session.scalars(
        select(models.MenuEntry).where(models.MenuEntry.proposal_id == proposal_id)
    ).all():
        if keep is None or entry.id != keep.id:
            entry.proposal_id = None


def _answer_detail(answer: Answer, entry: models.MenuEntry | None) -> str:
    if entry is None:
        return answer.kind.value
    return f"{answer.kind.value}: {entry.menu_date.isoformat()} {entry.meal}, dish {entry.dish_id}"


# ---------------------------------------------------------------------------------------
# Rows into what the screens see


@dataclass(frozen=True)
class _MealExtras:
    """What only a meal suggestion shows: its dietary tags and the menu that answers it."""

    tags: dict[int, set[DietaryTag]]
    menu: dict[int, tuple[date, Meal]]


def _suggestions(
    session: Session, rows: Sequence[models.Proposal], *, viewer: int | None
) -> list[MealSuggestion]:
    if not rows:
        return []
    shared = proposals.extras(session, rows, viewer)
    meal = _meal_extras(session, [row.id for row in rows])
    return [_to_suggestion(row, shared, meal, viewer) for row in rows]


def _meal_extras(session: Session, ids: list[int]) -> _MealExtras:
    tags: dict[int, set[DietaryTag]] = defaultdict(set)
    for proposal_id, tag in session.execute(
        select(models.ProposalDietaryTag.proposal_id, models.ProposalDietaryTag.tag).where(
            models.ProposalDietaryTag.proposal_id.in_(ids)
        )
    ):
        tags[proposal_id].add(DietaryTag(tag))
    menu: dict[int, tuple[date, Meal]] = {}
    for proposal_id, day, meal in session.execute(
        select(models.MenuEntry.proposal_id, models.MenuEntry.menu_date, models.MenuEntry.meal)
        .where(models.MenuEntry.proposal_id.in_(ids))
        .order_by(models.MenuEntry.menu_date.desc())
    ):
        menu[proposal_id] = (day, Meal(meal))  # the earliest day wins
    return _MealExtras(tags, menu)


def _to_suggestion(
    row: models.Proposal, shared: proposals.Extras, meal: _MealExtras, viewer: int | None
) -> MealSuggestion:
    status = ProposalStatus(row.status)
    on_menu = meal.menu.get(row.id) if status is not ProposalStatus.DRAFT else None
    return MealSuggestion(
        id=row.id,
        resident_id=row.resident_id,
        resident_name=shared.resident_name(row),
        title=row.title,
        meal_slot=MealSlot(row.meal_slot or MealSlot.LUNCH.value),
        dish_id=row.dish_id,
        picture=row.picture,
        reason=row.details,
        dietary=frozenset(meal.tags.get(row.id, ())),
        status=status,
        submitted_at=row.submitted_at,
        supporters=shared.supporters_of(row),
        supported_by_viewer=shared.supported_by(row, viewer),
        response=row.response if row.responded_at is not None else None,
        responded_by=shared.staff_name(row.responded_by_staff_id),
        responded_at=row.responded_at,
        menu_date=on_menu[0] if on_menu else None,
        menu_meal=on_menu[1] if on_menu else None,
    )
