"""A child process for the crash-safety tests: writes through the real services until killed.

    python -m tests.helpers.crash_writer PART URL LABEL STAFF_ID ROLE [AGAIN]

PART is residents, ballots, suggestions or care-plans. The child prints ``ready`` once
the database is open, then for every write a line ``try <json>`` (what it is about to
write) before the service call and ``kept <json>`` (what the service returned) after it,
that is after the commit: every ``kept`` is a promise, and a ``try`` with no ``kept`` was
cut short and may or may not have landed. A write that raises is reported as ``failed``
(with the traceback) and the child waits for its kill. AGAIN (JSON, suggestions only)
lists suggestions to send again first, as a kiosk does when the resident taps "Send" once
more after a restart.

What a write holds is made from its label alone (:func:`plan_for`), so the parent can
tell exactly what a stored care-plan version must contain.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from kiosk.domain.access import Actor
from kiosk.domain.care_plans import AgreedRisk, DailyRoutine, PlanDraft, PlanGoal, WhoTookPart
from kiosk.domain.enums import (
    BallotAnswer,
    CarePlanSection,
    DietaryTag,
    GoalStatus,
    MealSlot,
    PollKind,
    ProposalTopic,
    StaffRole,
)
from kiosk.domain.ideas import NewIdea
from kiosk.domain.meals import NewMealSuggestion
from kiosk.domain.residents import NewResident
from kiosk.services.care_plans import CarePlanService
from kiosk.services.ideas import IdeasService
from kiosk.services.polls import PollsService
from kiosk.services.residents import ResidentsService
from kiosk.services.suggestions import SuggestionsService
from kiosk.storage.database import Database, open_database

Intent = dict[str, Any]
Write = tuple[Intent, Callable[[], Intent]]
IDEA_TOPICS = (ProposalTopic.ACTIVITY, ProposalTopic.HOME, ProposalTopic.OTHER)
CARE_PLAN_RESIDENTS = 3  # a few plans, many versions each


def main(part: str, url: str, label: str, staff_id: str, role: str, again: str = "[]") -> None:
    database = open_database(url)
    staff = Actor.staff(int(staff_id), StaffRole(role))  # signed in by the parent test
    writes = _WRITERS[part](database, label, staff, json.loads(again))
    print("ready", flush=True)
    try:
        for intent, write in writes:
            _say("try", intent)
            _say("kept", write())
    except Exception:
        # A write that fails is a finding, not the end: say so and wait for the kill.
        _say("failed", {"error": traceback.format_exc()})
        while True:
            time.sleep(1)


def _say(what: str, payload: Intent) -> None:
    print(what, json.dumps(payload, sort_keys=True), flush=True)


# ---------------------------------------------------------------------------------------
# Residents


def _residents(
    database: Database, label: str, staff: Actor, _again: list[Intent]
) -> Iterator[Write]:
    residents = ResidentsService(database.sessions, languages=frozenset({"en_GB"}))
    number = 0
    while True:
        number += 1
        name = f"Resident {label}-{number}"
        new = NewResident(name, room=str(number))
        yield {"name": name}, lambda new=new: {"id": residents.add(staff, new).id}


# ---------------------------------------------------------------------------------------
# Ballots: any resident changes their vote in any open poll, again and again


def _ballots(database: Database, label: str, staff: Actor, _again: list[Intent]) -> Iterator[Write]:
    polls = PollsService(database.sessions)
    voters = [resident.id for resident in _active(database)]
    open_polls = polls.polls_open(staff)
    chance = random.Random(label)
    while True:
        poll = chance.choice(open_polls)
        voter = chance.choice(voters)
        options = [option.id for option in poll.options]
        if poll.kind is PollKind.CHOOSE_ONE:
            answers = {chance.choice(options): BallotAnswer.CHOSEN}
        else:
            answers = {
                option: chance.choice((BallotAnswer.YES, BallotAnswer.MAYBE, BallotAnswer.NO))
                for option in options
            }

        def cast(poll_id: int = poll.id, voter: int = voter, answers: Any = answers) -> Intent:
            ballot = polls.cast_ballot(Actor.resident(voter), poll_id, answers)
            return {"answers": {str(key): value.value for key, value in ballot.answers}}

        intent = {
            "poll": poll.id,
            "resident": voter,
            "answers": {str(key): value.value for key, value in answers.items()},
        }
        yield intent, cast


# ---------------------------------------------------------------------------------------
# Suggestions: meal suggestions and ideas, each with the one-off token a screen makes


def _suggestions(
    database: Database, label: str, staff: Actor, again: list[Intent]
) -> Iterator[Write]:
    meals = SuggestionsService(database.sessions)
    ideas = IdeasService(database.sessions)
    senders = [resident.id for resident in _active(database)]
    chance = random.Random(label)

    def send(intent: Intent) -> Intent:
        resident = Actor.resident(intent["resident"])
        if intent["kind"] == "meal":
            new = NewMealSuggestion(
                MealSlot(intent["slot"]),
                intent["title"],
                dietary=frozenset(DietaryTag(tag) for tag in intent["tags"]),
                client_token=intent["token"],
            )
            return {"id": meals.suggest_meal(resident, new).id}
        idea = NewIdea(
            ProposalTopic(intent["topic"]), intent["title"], client_token=intent["token"]
        )
        return {"id": ideas.suggest_idea(resident, idea).id}

    for intent in again:
        yield {**intent, "again": True}, lambda intent=intent: send(intent)
    number = 0
    while True:
        number += 1
        intent = {
            "resident": chance.choice(senders),
            "title": f"Suggestion {label}-{number}",
            "token": uuid.uuid4().hex,
        }
        if chance.random() < 0.5:
            tags = chance.sample(sorted(DietaryTag), chance.randint(0, 3))
            intent |= {
                "kind": "meal",
                "slot": chance.choice(sorted(MealSlot)).value,
                "tags": sorted(tag.value for tag in tags),
            }
        else:
            intent |= {"kind": "idea", "topic": chance.choice(IDEA_TOPICS).value}
        yield intent, lambda intent=intent: send(intent)


# ---------------------------------------------------------------------------------------
# Care plans: a new version of one of a few plans, again and again


def plan_for(label: str) -> tuple[PlanDraft, WhoTookPart]:
    """The plan a save labelled ``label`` writes: every section, some goals, routines and
    risks (how many depends on the label), and the label as "what changed"."""
    chance = random.Random(label)
    sections = {section: f"{section.value} for save {label}." for section in CarePlanSection}
    goals = tuple(
        PlanGoal(
            f"Goal {number} of save {label}.",
            "Said by the person",
            chance.choice(sorted(GoalStatus)),
            date(2030, 1, 1 + number),
        )
        for number in range(chance.randint(1, 4))
    )
    routines = tuple(
        DailyRoutine(f"Routine {number}", "Mornings", f"Steps of save {label}.", None)
        for number in range(chance.randint(0, 3))
    )
    risks = tuple(
        AgreedRisk(f"Risk {number} of save {label}.", "Agreed together.", "The person")
        for number in range(chance.randint(0, 2))
    )
    draft = PlanDraft(sections, goals, routines, risks, supported_by="Helen Carter")
    return draft, WhoTookPart("The person and Helen Carter", True, what_changed=label)


def _care_plans(
    database: Database, label: str, staff: Actor, _again: list[Intent]
) -> Iterator[Write]:
    plans = CarePlanService(database.sessions)
    writers = [resident.id for resident in _active(database)][:CARE_PLAN_RESIDENTS]
    chance = random.Random(label)
    number = 0
    while True:
        number += 1
        resident, save_label = chance.choice(writers), f"{label}-{number}"

        def save(resident: int = resident, save_label: str = save_label) -> Intent:
            draft, took_part = plan_for(save_label)
            return {"version": plans.save(staff, resident, draft, took_part).version_number}

        yield {"resident": resident, "label": save_label}, save


def _active(database: Database) -> list[Any]:
    return ResidentsService(database.sessions, languages=frozenset({"en_GB"})).list_active()


_WRITERS: dict[str, Callable[[Database, str, Actor, list[Intent]], Iterator[Write]]] = {
    "residents": _residents,
    "ballots": _ballots,
    "suggestions": _suggestions,
    "care-plans": _care_plans,
}


if __name__ == "__main__":
    main(*sys.argv[1:])
