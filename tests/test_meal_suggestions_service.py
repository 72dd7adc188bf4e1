"""Residents' meal suggestions on a real SQLite file: send, drafts, "me too", answers."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from kiosk.domain.access import Actor
from kiosk.domain.enums import Course, DatabaseKind, Meal, MealSlot, ProposalStatus, StaffRole
from kiosk.domain.errors import NotAllowedError, NotFoundError, ValidationError
from kiosk.domain.meals import (
    CHOICES_PER_MEAL_MAX,
    Answer,
    AnswerKind,
    DishDetails,
    NewMealSuggestion,
)
from kiosk.domain.residents import NewResident
from kiosk.services import suggestions as suggestions_module
from kiosk.services.menus import MenusService
from kiosk.services.residents import ResidentsService
from kiosk.services.staff import StaffService
from kiosk.services.suggestions import SuggestionsService
from kiosk.storage import models
from kiosk.storage.database import Database, open_database, session_scope, sqlite_url
from tests.conftest import ALL_LANGUAGES

pytestmark = pytest.mark.both_engines

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
MONDAY = date(2026, 11, 16)
TUESDAY = MONDAY + timedelta(days=1)
STAFF_PINS = {StaffRole.CARER: "5555", StaffRole.KITCHEN: "6666", StaffRole.COORDINATOR: "7777"}
HOSTILE_TEXT = [
    "<b>Bold</b> & Co",
    "Mum's </para> pie & chips",
    "Cake 🎂🍰 please 👵🏽",
    "ਦਾਲ ਤੇ ਚੌਲ",  # dal and rice, in Gurmukhi
    "Cawl fel roedd Mam yn ei wneud",
    "Żurek z jajkiem",
    "حمص",  # right-to-left
]


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass(frozen=True)
class Home:
    database: Database
    clock: Clock
    service: SuggestionsService
    menus: MenusService
    staff: dict[StaffRole, Actor]
    ann: Actor
    bob: Actor
    cai: Actor
    fish_pie: int
    macaroni: int


@pytest.fixture
def home(database: Database, manager: Actor) -> Home:
    """A new home: staff of every role, three residents, two dishes, a clock to move."""
    staff_service = StaffService(database.sessions)
    staff = {StaffRole.MANAGER: manager}
    for role, pin in STAFF_PINS.items():
        member = staff_service.add(manager, f"{role.value.title()} Jones", role, pin)
        staff[role] = Actor.staff(member.id, role)
    residents = ResidentsService(database.sessions, languages=ALL_LANGUAGES)
    ann, bob, cai = (
        Actor.resident(residents.add(manager, NewResident(name)).id)
        for name in ("Ann", "Bob", "Cai")
    )
    clock = Clock(START)
    menus = MenusService(database.sessions, now=clock)
    fish_pie = menus.add_dish(manager, DishDetails("Fish pie", Course.MAIN, "fish", iddsi_level=6))
    macaroni = menus.add_dish(manager, DishDetails("Macaroni cheese", Course.MAIN, "pasta"))
    return Home(
        database,
        clock,
        SuggestionsService(database.sessions, now=clock),
        menus,
        staff,
        ann,
        bob,
        cai,
        fish_pie.id,
        macaroni.id,
    )


def _idea(title: str = "Fish pie", **more: object) -> NewMealSuggestion:
    return NewMealSuggestion(MealSlot.LUNCH, title, **more)  # type: ignore[arg-type]


def _count(database: Database, model: type[models.Base], *where: object) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _proposal(database: Database, proposal_id: int) -> models.Proposal:
    with database.sessions() as session:
        row = session.get(models.Proposal, proposal_id)
        assert row is not None
        return row


def _actions(database: Database) -> list[str]:
    with database.sessions() as session:
        return list(session.scalars(select(models.AuditEvent.action)).all())


def _entries(database: Database, day: date, meal: Meal) -> list[tuple[int, int | None]]:
    """(dish, proposal) for each menu entry at that meal, in order."""
    with database.sessions() as session:
        return [
            (row.dish_id, row.proposal_id)
            for row in session.scalars(
                select(models.MenuEntry)
                .where(models.MenuEntry.menu_date == day, models.MenuEntry.meal == meal.value)
                .order_by(models.MenuEntry.position)
            )
        ]


def _on_tuesday(dish_id: int | None = None, reason: str | None = None) -> Answer:
    return Answer(
        AnswerKind.ON_MENU, reason=reason, menu_date=TUESDAY, menu_meal=Meal.LUNCH, dish_id=dish_id
    )


# ---------------------------------------------------------------------------------------
# Sending an idea


def test_a_resident_sends_an_idea_with_a_picture_and_a_reason(home: Home) -> None:
    sent = home.service.suggest_meal(
        home.ann,
        NewMealSuggestion(
            MealSlot.TEA, "  Bara   brith ", picture="cake", reason="With butter.\nPlenty!"
        ),
    )
    assert (sent.title, sent.picture, sent.reason) == (
        "Bara brith",
        "cake",
        "With butter.\nPlenty!",
    )
    assert sent.status is ProposalStatus.OPEN and sent.submitted_at == START
    assert sent.resident_name == "Ann" and sent.supporters == 0 and sent.supported_by_viewer
    assert home.service.open_meal_suggestions(home.bob) == [
        dataclasses.replace(sent, supported_by_viewer=False)
    ]


def test_a_picked_dish_gives_the_title_and_must_still_be_made(home: Home) -> None:
    sent = home.service.suggest_meal(home.ann, _idea("", dish_id=home.fish_pie))
    assert (sent.title, sent.dish_id, sent.picture) == ("Fish pie", home.fish_pie, "fish")

    home.menus.archive_dish(home.staff[StaffRole.KITCHEN], home.macaroni)
    with pytest.raises(ValidationError, match="no longer made here"):
        home.service.suggest_meal(home.ann, _idea("", dish_id=home.macaroni))
    with pytest.raises(NotFoundError):
        home.service.suggest_meal(home.ann, _idea("", dish_id=999))
    assert _count(home.database, models.Proposal) == 1


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_typed_words_are_kept_exactly(home: Home, text: str) -> None:
    sent = home.service.suggest_meal(home.ann, _idea(text, reason=f"{text}\n{text}"))
    stored = _proposal(home.database, sent.id)
    assert (stored.title, stored.details) == (text, f"{text}\n{text}")
    [listed] = home.service.inbox(home.staff[StaffRole.KITCHEN])
    assert (listed.title, listed.reason) == (text, f"{text}\n{text}")


@pytest.mark.parametrize(
    ("new", "words"),
    [
        (_idea(""), "Please write something here first."),
        (_idea("   "), "Please write something here first."),
        (_idea("123 🙂"), "A name needs at least one letter."),
        (_idea("x" * 10_000), "This is too long: 10000 letters. Please keep it under 120."),
        (
            _idea("Pie", reason="x" * 10_000),
            "This is too long: 10000 letters. Please keep it under 1000.",
        ),
        (_idea("Pie\x00"), "hidden control character"),
    ],
)
def test_empty_or_too_long_words_are_refused_in_words(
    home: Home, new: NewMealSuggestion, words: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        home.service.suggest_meal(home.ann, new)
    assert words in refused.value.text()
    assert _count(home.database, models.Proposal) == 0


def test_a_double_tap_sends_one_suggestion(home: Home) -> None:
    first = home.service.suggest_meal(home.ann, _idea(client_token="tap-1"))
    home.clock.tick(seconds=1)
    again = home.service.suggest_meal(home.ann, _idea(client_token="tap-1"))
    assert again == first
    assert _count(home.database, models.Proposal) == 1
    other = home.service.suggest_meal(home.ann, _idea(client_token="tap-2"))
    assert other.id != first.id and _count(home.database, models.Proposal) == 2


def test_a_double_tap_racing_past_the_check_still_sends_one(
    home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = home.service.suggest_meal(home.ann, _idea(client_token="tap-1"))
    real = SuggestionsService._by_token
    misses = iter([True])  # the first look-up misses, as if the other tap had not landed yet

    def late(self: SuggestionsService, token: str, resident_id: int) -> object:
        return None if next(misses, False) else real(self, token, resident_id)

    monkeypatch.setattr(SuggestionsService, "_by_token", late)
    assert home.service.suggest_meal(home.ann, _idea(client_token="tap-1")).id == first.id
    assert _count(home.database, models.Proposal) == 1


@pytest.mark.parametrize("role", list(StaffRole))
def test_only_residents_send_ideas(home: Home, role: StaffRole) -> None:
    with pytest.raises(NotAllowedError):
        home.service.suggest_meal(home.staff[role], _idea())
    with pytest.raises(NotAllowedError):
        home.service.save_meal_draft(home.staff[role], _idea())
    with pytest.raises(NotAllowedError):
        home.service.support(home.staff[role], 1)
    assert _count(home.database, models.Proposal) == 0


# ---------------------------------------------------------------------------------------
# Drafts


def test_a_draft_is_replaced_not_piled_up_then_sent(home: Home) -> None:
    assert home.service.save_meal_draft(home.ann, NewMealSuggestion(MealSlot.TEA, " ")) is None
    assert _count(home.database, models.Proposal) == 0

    first = home.service.save_meal_draft(
        home.ann, NewMealSuggestion(MealSlot.TEA, "", picture="cake")
    )
    assert first is not None
    draft = home.service.meal_draft(home.ann)
    assert draft is not None and draft.title == "" and draft.picture == "cake"
    assert draft.status is ProposalStatus.DRAFT and draft.submitted_at is None

    second = home.service.save_meal_draft(home.ann, _idea("Fish p", reason="Like <Mum's>"))
    assert second == first
    assert _count(home.database, models.Proposal) == 1
    draft = home.service.meal_draft(home.ann)
    assert draft is not None and (draft.title, draft.reason, draft.picture) == (
        "Fish p",
        "Like <Mum's>",
        None,
    )
    # A draft is the resident's own: nobody browses it, supports it or answers it.
    assert home.service.open_meal_suggestions(home.bob) == []
    assert home.service.inbox(home.staff[StaffRole.KITCHEN]) == []
    assert home.service.meal_draft(home.bob) is None
    with pytest.raises(NotFoundError):
        home.service.support(home.bob, first)

    home.clock.tick(minutes=5)
    sent = home.service.suggest_meal(home.ann, _idea("Fish pie"), draft_id=first)
    assert sent.id == first and sent.status is ProposalStatus.OPEN
    assert sent.submitted_at == home.clock.now
    assert home.service.meal_draft(home.ann) is None
    assert _count(home.database, models.Proposal) == 1


def test_a_first_draft_with_a_dish_picked_is_kept(home: Home) -> None:
    """Signed out just after picking a dish, with no draft yet: the draft keeps the dish
    (looking the dish up must not store a half-made row first)."""
    draft_id = home.service.save_meal_draft(home.ann, _idea("", dish_id=home.fish_pie))
    assert draft_id is not None
    draft = home.service.meal_draft(home.ann)
    assert draft is not None and draft.dish_id == home.fish_pie


def test_another_residents_draft_is_never_taken_over(home: Home) -> None:
    bobs = home.service.save_meal_draft(home.bob, _idea("Trifle"))
    sent = home.service.suggest_meal(home.ann, _idea("Fish pie"), draft_id=bobs)
    assert sent.id != bobs
    bobs_draft = home.service.meal_draft(home.bob)
    assert bobs_draft is not None and bobs_draft.title == "Trifle"


def test_a_draft_can_be_thrown_away(home: Home) -> None:
    home.service.save_meal_draft(home.ann, _idea("Fish"))
    home.service.save_meal_draft(home.bob, _idea("Cake"))
    home.service.discard_meal_draft(home.ann)
    assert home.service.meal_draft(home.ann) is None
    assert home.service.meal_draft(home.bob) is not None
    assert _count(home.database, models.Proposal) == 1


# ---------------------------------------------------------------------------------------
# "Me too"


def test_me_too_counts_once_per_resident(home: Home) -> None:
    sent = home.service.suggest_meal(home.ann, _idea())
    once = home.service.support(home.bob, sent.id)
    twice = home.service.support(home.bob, sent.id)
    assert once.supporters == twice.supporters == 1 and twice.supported_by_viewer
    assert home.service.support(home.cai, sent.id).supporters == 2
    assert _count(home.database, models.ProposalSupport) == 2


def test_your_own_suggestion_already_counts_as_yours(home: Home) -> None:
    sent = home.service.suggest_meal(home.ann, _idea())
    own = home.service.support(home.ann, sent.id)
    assert own.supported_by_viewer and own.supporters == 0
    assert _count(home.database, models.ProposalSupport) == 0


def test_me_too_racing_past_the_check_counts_once(
    home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = home.service.suggest_meal(home.ann, _idea())
    home.service.support(home.bob, sent.id)
    real = suggestions_module._has_supported
    misses = iter([True])  # the check misses the row the other tap has just written

    def late(session: object, proposal_id: int, resident_id: int) -> bool:
        return False if next(misses, False) else real(session, proposal_id, resident_id)  # type: ignore[arg-type]

    monkeypatch.setattr(suggestions_module, "_has_supported", late)
    again = home.service.support(home.bob, sent.id)
    assert again.supporters == 1 and again.supported_by_viewer
    assert _count(home.database, models.ProposalSupport) == 1


def test_only_open_suggestions_take_me_too(home: Home) -> None:
    sent = home.service.suggest_meal(home.ann, _idea())
    home.service.answer(home.staff[StaffRole.KITCHEN], sent.id, Answer(AnswerKind.NO, "No fish."))
    with pytest.raises(ValidationError) as refused:
        home.service.support(home.bob, sent.id)
    assert "already answered" in refused.value.text()
    assert _count(home.database, models.ProposalSupport) == 0
    with pytest.raises(NotFoundError):
        home.service.support(home.bob, 999)


# ---------------------------------------------------------------------------------------
# Browsing


def test_open_ideas_most_supported_first_then_newest(home: Home) -> None:
    older = home.service.suggest_meal(home.ann, _idea("Trifle"))
    home.clock.tick(hours=1)
    popular = home.service.suggest_meal(home.ann, _idea("Jollof rice"))
    home.clock.tick(hours=1)
    newest = home.service.suggest_meal(home.bob, _idea("Kheer"))
    home.service.support(home.bob, popular.id)
    answered = home.service.suggest_meal(home.cai, _idea("Cawl"))
    home.service.answer(home.staff[StaffRole.KITCHEN], answered.id, Answer(AnswerKind.NO, "No."))

    listed = home.service.open_meal_suggestions(home.bob)
    assert [s.id for s in listed] == [popular.id, newest.id, older.id]
    assert [s.supported_by_viewer for s in listed] == [True, True, False]
    as_staff = home.service.open_meal_suggestions(home.staff[StaffRole.KITCHEN])
    assert not any(s.supported_by_viewer for s in as_staff)


def test_similar_ideas_are_offered_before_sending(home: Home) -> None:
    fish = home.service.suggest_meal(home.ann, _idea("Fish pie"))
    home.service.suggest_meal(home.ann, _idea("Trifle"))
    chips = home.service.suggest_meal(home.bob, _idea("Fish and chips"))
    for title in ("Fish cakes", "Fish fingers", "Fish soup"):
        home.service.suggest_meal(home.cai, _idea(title))
    answered = home.service.suggest_meal(home.cai, _idea("Fish pie"))
    home.service.answer(home.staff[StaffRole.KITCHEN], answered.id, Answer(AnswerKind.NO, "No."))

    found = home.service.similar_meal_suggestions("fish pie", home.cai)
    assert found[0].id == fish.id
    assert answered.id not in {s.id for s in found}
    assert len(home.service.similar_meal_suggestions("fish", home.cai)) == 3
    assert chips.id in {s.id for s in home.service.similar_meal_suggestions("chips", home.cai)}
    assert home.service.similar_meal_suggestions("curry", home.cai) == []


# ---------------------------------------------------------------------------------------
# The kitchen's inbox and answers


def test_inbox_unanswered_oldest_first_then_answered_newest_first(home: Home) -> None:
    kitchen = home.staff[StaffRole.KITCHEN]
    first = home.service.suggest_meal(home.ann, _idea("Trifle"))
    home.clock.tick(days=1)
    second = home.service.suggest_meal(home.bob, _idea("Cawl"))
    home.clock.tick(days=1)
    third = home.service.suggest_meal(home.cai, _idea("Kheer"))
    fourth = home.service.suggest_meal(home.cai, _idea("Dal"))
    home.service.save_meal_draft(home.ann, _idea("Soup"))
    home.clock.tick(hours=1)
    home.service.answer(kitchen, third.id, Answer(AnswerKind.NOT_NOW, "Soon."))
    home.clock.tick(hours=1)
    home.service.answer(kitchen, fourth.id, Answer(AnswerKind.NO, "No lentils."))

    inbox = home.service.inbox(kitchen)
    assert [s.id for s in inbox] == [first.id, second.id, fourth.id, third.id]
    assert [s.resident_name for s in inbox] == ["Ann", "Bob", "Cai", "Cai"]
    assert inbox[2].responded_by == "Kitchen Jones" and inbox[2].response == "No lentils."


@pytest.mark.parametrize("role", [StaffRole.COORDINATOR, StaffRole.CARER])
def test_only_the_kitchen_and_manager_read_the_inbox(home: Home, role: StaffRole) -> None:
    home.service.suggest_meal(home.ann, _idea())
    with pytest.raises(NotAllowedError):
        home.service.inbox(home.staff[role])
    with pytest.raises(NotAllowedError):
        home.service.inbox(home.ann)
    assert len(home.service.inbox(home.staff[StaffRole.MANAGER])) == 1


def test_an_unanswered_idea_is_flagged_after_fourteen_days(home: Home) -> None:
    sent = home.service.suggest_meal(home.ann, _idea())
    [waiting] = home.service.inbox(home.staff[StaffRole.KITCHEN])
    assert not waiting.overdue(START + timedelta(days=14))
    assert waiting.overdue(START + timedelta(days=14, minutes=1))
    home.clock.tick(days=20)
    home.service.answer(home.staff[StaffRole.KITCHEN], sent.id, Answer(AnswerKind.NO, "No."))
    [answered] = home.service.inbox(home.staff[StaffRole.KITCHEN])
    assert not answered.overdue(home.clock.now)


def test_yes_puts_the_dish_on_the_menu_once_linked(home: Home) -> None:
    kitchen = home.staff[StaffRole.KITCHEN]
    sent = home.service.suggest_meal(home.ann, _idea("", dish_id=home.fish_pie))
    home.clock.tick(days=2)
    answered = home.service.answer(kitchen, sent.id, _on_tuesday())
    assert answered.status is ProposalStatus.AGREED
    assert (answered.menu_date, answered.menu_meal) == (TUESDAY, Meal.LUNCH)
    assert answered.response == "" and answered.responded_at == home.clock.now
    assert _proposal(home.database, sent.id).response == ""
    assert _entries(home.database, TUESDAY, Meal.LUNCH) == [(home.fish_pie, sent.id)]
    assert [d.name for d in home.menus.week(MONDAY).choices(TUESDAY, Meal.LUNCH)] == ["Fish pie"]

    home.service.answer(kitchen, sent.id, _on_tuesday(reason="Made fresh."))
    assert _entries(home.database, TUESDAY, Meal.LUNCH) == [(home.fish_pie, sent.id)]
    assert _actions(home.database).count("suggestion.answer") == 2


def test_yes_links_the_dish_already_on_that_meal(home: Home) -> None:
    kitchen = home.staff[StaffRole.KITCHEN]
    home.menus.set_choices(kitchen, TUESDAY, Meal.LUNCH, [home.macaroni, home.fish_pie])
    sent = home.service.suggest_meal(home.ann, _idea("Fish pie please"))
    answered = home.service.answer(kitchen, sent.id, _on_tuesday(dish_id=home.fish_pie))
    assert _entries(home.database, TUESDAY, Meal.LUNCH) == [
        (home.macaroni, None),
        (home.fish_pie, sent.id),
    ]
    assert answered.dish_id == home.fish_pie  # the suggestion now names the dish

    other = home.service.suggest_meal(home.bob, _idea("Fish pie again"))
    with pytest.raises(ValidationError, match="already answers another suggestion"):
        home.service.answer(kitchen, other.id, _on_tuesday(dish_id=home.fish_pie))


def test_yes_needs_a_dish_a_day_and_room_on_the_menu(home: Home) -> None:
    kitchen = home.staff[StaffRole.KITCHEN]
    sent = home.service.suggest_meal(home.ann, _idea("Jollof rice"))
    with pytest.raises(ValidationError, match="add it to the dishes first"):
        home.service.answer(kitchen, sent.id, _on_tuesday())
    with pytest.raises(ValidationError, match="choose the day"):
        home.service.answer(kitchen, sent.id, Answer(AnswerKind.ON_MENU, dish_id=home.fish_pie))

    home.menus.archive_dish(kitchen, home.macaroni)
    with pytest.raises(ValidationError, match="no longer made here"):
        home.service.answer(kitchen, sent.id, _on_tuesday(dish_id=home.macaroni))

    full = [
        home.menus.add_dish(kitchen, DishDetails(f"Dish {n}", Course.MAIN)).id
        for n in range(CHOICES_PER_MEAL_MAX)
    ]
    home.menus.set_choices(kitchen, TUESDAY, Meal.LUNCH, full)
    with pytest.raises(ValidationError, match="already has 6 choices"):
        home.service.answer(kitchen, sent.id, _on_tuesday(dish_id=home.fish_pie))

    assert _proposal(home.database, sent.id).status == ProposalStatus.OPEN.value
    assert _entries(home.database, TUESDAY, Meal.LUNCH) == [(d, None) for d in full]
    assert "suggestion.answer" not in _actions(home.database)


@pytest.mark.parametrize("kind", [AnswerKind.NOT_NOW, AnswerKind.NO])
def test_not_now_and_no_need_a_reason(home: Home, kind: AnswerKind) -> None:
    kitchen = home.staff[StaffRole.KITCHEN]
    sent = home.service.suggest_meal(home.ann, _idea())
    for reason in (None, "", "  \n  "):
        with pytest.raises(ValidationError) as refused:
            home.service.answer(kitchen, sent.id, Answer(kind, reason))
        assert refused.value.text() == "Please say why, in plain words."
    with pytest.raises(ValidationError, match="Please keep it under 1000"):
        home.service.answer(kitchen, sent.id, Answer(kind, "x" * 10_000))
    assert _proposal(home.database, sent.id).status == ProposalStatus.OPEN.value

    answered = home.service.answer(kitchen, sent.id, Answer(kind, HOSTILE_TEXT[0]))
    assert answered.response == HOSTILE_TEXT[0]
    assert answered.status.value == {"not_now": "not_now", "no": "declined"}[kind.value]


@pytest.mark.parametrize("who", ["coordinator", "carer", "resident"])
def test_only_the_kitchen_and_manager_answer(home: Home, who: str) -> None:
    actor = {
        "coordinator": home.staff[StaffRole.COORDINATOR],
        "carer": home.staff[StaffRole.CARER],
        "resident": home.bob,
    }[who]
    sent = home.service.suggest_meal(home.ann, _idea("", dish_id=home.fish_pie))
    with pytest.raises(NotAllowedError):
        home.service.answer(actor, sent.id, _on_tuesday())
    with pytest.raises(NotAllowedError):
        home.service.answer(actor, 999, Answer(AnswerKind.NO, "No."))  # checked first
    row = _proposal(home.database, sent.id)
    assert row.status == ProposalStatus.OPEN.value and row.responded_at is None
    assert _count(home.database, models.MenuEntry) == 0
    assert "suggestion.answer" not in _actions(home.database)

    home.service.answer(home.staff[StaffRole.KITCHEN], sent.id, _on_tuesday())
    assert _count(home.database, models.MenuEntry) == 1


# ---------------------------------------------------------------------------------------
# "You said, we did"


def test_the_answer_reaches_the_resident_once(home: Home) -> None:
    kitchen = home.staff[StaffRole.KITCHEN]
    sent = home.service.suggest_meal(home.ann, _idea("", dish_id=home.fish_pie))
    bobs = home.service.suggest_meal(home.bob, _idea("Trifle"))
    assert home.service.answers_to_hear(home.ann) == []

    home.service.answer(kitchen, sent.id, Answer(AnswerKind.NOT_NOW, "No fish this week."))
    home.service.answer(kitchen, bobs.id, Answer(AnswerKind.NO, "No sherry."))
    [heard] = home.service.answers_to_hear(home.ann)
    assert (heard.id, heard.response, heard.menu_date) == (sent.id, "No fish this week.", None)

    home.service.mark_heard(home.ann, [sent.id, bobs.id])  # Bob's is not Ann's to mark
    assert home.service.answers_to_hear(home.ann) == []
    assert [s.id for s in home.service.answers_to_hear(home.bob)] == [bobs.id]

    home.clock.tick(days=3)
    home.service.answer(kitchen, sent.id, _on_tuesday(reason="Good news!"))
    [again] = home.service.answers_to_hear(home.ann)
    assert again.status is ProposalStatus.AGREED and again.response == "Good news!"
    assert (again.menu_date, again.menu_meal) == (TUESDAY, Meal.LUNCH)
    home.service.mark_heard(home.ann, [again.id])
    assert home.service.answers_to_hear(home.ann) == []
    assert _proposal(home.database, sent.id).response_heard_at == home.clock.now


def test_a_new_answer_unlinks_the_old_menu_entry(home: Home) -> None:
    kitchen = home.staff[StaffRole.KITCHEN]
    sent = home.service.suggest_meal(home.ann, _idea("", dish_id=home.fish_pie))
    home.service.answer(kitchen, sent.id, _on_tuesday())
    moved = home.service.answer(
        kitchen,
        sent.id,
        Answer(AnswerKind.ON_MENU, menu_date=MONDAY, menu_meal=Meal.SUPPER),
    )
    assert (moved.menu_date, moved.menu_meal) == (MONDAY, Meal.SUPPER)
    assert _entries(home.database, TUESDAY, Meal.LUNCH) == [(home.fish_pie, None)]
    assert _entries(home.database, MONDAY, Meal.SUPPER) == [(home.fish_pie, sent.id)]

    later = home.service.answer(kitchen, sent.id, Answer(AnswerKind.NOT_NOW, "Not now."))
    assert later.menu_date is None
    assert _count(home.database, models.MenuEntry, models.MenuEntry.proposal_id.is_not(None)) == 0


def test_withdrawn_ideas_are_not_answered(home: Home) -> None:
    sent = home.service.suggest_meal(home.ann, _idea())
    with session_scope(home.database.sessions) as session:
        row = session.get(models.Proposal, sent.id)
        assert row is not None
        row.status = ProposalStatus.WITHDRAWN.value
    assert home.service.inbox(home.staff[StaffRole.KITCHEN]) == []
    with pytest.raises(ValidationError, match="took this suggestion back"):
        home.service.answer(home.staff[StaffRole.KITCHEN], sent.id, Answer(AnswerKind.NO, "No."))


# ---------------------------------------------------------------------------------------
# The demo home


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Database]:
    opened = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    yield opened
    opened.dispose()


def _demo_actor(database: Database, name: str) -> Actor:
    with database.sessions() as session:
        resident_id = session.scalar(
            select(models.Resident.id).where(models.Resident.preferred_name == name)
        )
    assert resident_id is not None
    return Actor.resident(resident_id)


def test_the_demo_home_has_meal_ideas_in_every_state(demo: Database) -> None:
    with demo.sessions() as session:
        kitchen_id = session.scalar(
            select(models.Staff.id).where(models.Staff.role == StaffRole.KITCHEN.value)
        )
    assert kitchen_id is not None
    kitchen = Actor.staff(kitchen_id, StaffRole.KITCHEN)
    service = SuggestionsService(demo.sessions)
    now = datetime.now(UTC)

    browsing = service.open_meal_suggestions(_demo_actor(demo, "Margaret"))
    assert len(browsing) >= 5
    assert all(s.picture for s in browsing)
    assert sum(1 for s in browsing if s.supporters) >= 4
    assert browsing[0].supporters == max(s.supporters for s in browsing)
    assert any("ਦ" in s.title or "😋" in (s.reason or "") for s in browsing)

    inbox = service.inbox(kitchen)
    assert inbox[0].overdue(now) and not inbox[0].answered
    on_menu = [s for s in inbox if s.status is ProposalStatus.AGREED and s.menu_date]
    today = now.astimezone(ZoneInfo("Europe/London")).date()  # the home's today
    # "Yes, on the menu" points at a day still to come, in this week's menus or next week's
    monday = today - timedelta(days=today.weekday())
    assert on_menu
    assert all(today <= s.menu_date <= monday + timedelta(days=13) for s in on_menu)  # type: ignore[operator]
    assert any(s.status is ProposalStatus.NOT_NOW and s.response for s in inbox)

    patel = _demo_actor(demo, "Mr Patel")
    kheer = [s for s in service.answers_to_hear(patel) if s.title == "Kheer for pudding"]
    assert kheer and kheer[0].menu_meal is Meal.TEA
    draft = service.meal_draft(_demo_actor(demo, "Joan"))
    assert draft is not None and draft.status is ProposalStatus.DRAFT


def test_the_demo_ideas_take_me_too_and_answers(demo: Database) -> None:
    service = SuggestionsService(demo.sessions)
    ron = _demo_actor(demo, "Ron")
    idea = next(s for s in service.open_meal_suggestions(ron) if not s.supported_by_viewer)
    assert service.support(ron, idea.id).supporters == idea.supporters + 1
