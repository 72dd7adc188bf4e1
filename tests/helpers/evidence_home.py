"""A small home built by hand for the evidence report, with numbers counted by hand.

The report covers May and June 2024 (British Summer Time all through, so 23:30 UTC is
00:30 the next day at the home). Rows are written directly, so every moment is exact.

Residents (whole range 6; May 5; June 5):
  Margaret, Dai, Dot (a name with markup and an emoji): here since January.
  Ron: arrived 10 June.       Eirlys: left 20 May.       Bill: left in April (not counted).
  Gwen: left 1 June and was erased on 15 June (still counted: erasing keeps counts true).

Said (own suggestions, not drafts; withdrawn ones count as saying):
  May: Margaret (fish pie), Dai (beach trip, 23:30 UTC on 20 May = 21 May), Eirlys (withdrawn)
  June: Dot (bird feeder, 23:30 UTC on 31 May = 1 June), Ron's draft does not count.
  Staff raised "Singing on Sundays" for the home (no resident).
Voted: May: Margaret, Dai, Dot, Eirlys (Eirlys at 23:30 UTC on 30 April = 1 May)
       June: Ron, Dot
Feedback: May: Margaret, Dot; June: Margaret, Dai, Ron (Margaret's answer at 23:30 UTC on
       30 June is 1 July: outside)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from kiosk.domain.access import Actor
from kiosk.domain.enums import StaffRole
from kiosk.services.settings import HOME_NAME
from kiosk.services.staff import StaffService
from kiosk.storage import models
from kiosk.storage.database import Database, session_scope

FIRST = date(2024, 5, 1)
LAST = date(2024, 6, 30)
TODAY = date(2024, 7, 10)
HOME = "Willow Court"
HOSTILE_NAME = 'Dot <b>&amp;</b> & "Dottie" 🌼👵🏽'
SECRETS = (
    "SECRET-PLAN-WORDS",
    "SECRET-PEOPLE",
    "SECRET-CHANGE",
    "SECRET-NOTE",
    "SECRET-RESOLUTION",
    "Gwen Erased",
)


def utc(month: int, day: int, hour: int = 12, minute: int = 0, year: int = 2024) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@dataclass(frozen=True)
class EvidenceHome:
    manager: Actor
    coordinator: Actor
    kitchen: Actor
    carer: Actor
    resident: Actor  # Margaret at the kiosk
    proposals: dict[str, int]
    polls: dict[str, int]


def build_evidence_home(database: Database, manager: Actor) -> EvidenceHome:
    staff = StaffService(database.sessions)
    actors = {}
    for name, role, pin in (
        ("Priya Shah", StaffRole.COORDINATOR, "3719"),
        ("Gareth Evans", StaffRole.KITCHEN, "6053"),
        ("Tomasz Zieliński", StaffRole.CARER, "5281"),
    ):
        member = staff.add(manager, name, role, pin)
        actors[role] = staff.sign_in(member.id, pin)
    with session_scope(database.sessions) as session:
        built = _Builder(session, actors)
        built.all()
        proposals, polls = built.proposals, built.polls
        margaret = built.residents["Margaret"]
    return EvidenceHome(
        manager=manager,
        coordinator=actors[StaffRole.COORDINATOR],
        kitchen=actors[StaffRole.KITCHEN],
        carer=actors[StaffRole.CARER],
        resident=Actor.resident(margaret),
        proposals=proposals,
        polls=polls,
    )


class _Builder:
    def __init__(self, session: Session, actors: dict[StaffRole, Actor]) -> None:
        self.session = session
        self.staff = {role: actor.staff_id for role, actor in actors.items()}
        self.residents: dict[str, int] = {}
        self.proposals: dict[str, int] = {}
        self.polls: dict[str, int] = {}
        self.activities: dict[str, int] = {}
        self.slots: dict[str, int] = {}

    def add(self, row: models.Base) -> int:
        self.session.add(row)
        self.session.flush()
        return int(row.id)  # type: ignore[attr-defined]

    def all(self) -> None:
        self.session.add(models.Setting(name=HOME_NAME, value=HOME))
        self.people()
        self.suggestions()
        self.polls_and_votes()
        self.feedback()
        self.care_plans()
        self.talk()

    def people(self) -> None:
        january = utc(1, 5)
        for name, arrived, archived, erased in (
            ("Margaret", january, None, None),
            ("Dai", january, None, None),
            (HOSTILE_NAME, january, None, None),
            ("Ron", utc(6, 10, 9), None, None),
            ("Eirlys", january, utc(5, 20, 10), None),
            ("Bill", utc(1, 5, year=2023), utc(4, 20), None),
            ("Gwen Erased", january, utc(6, 1), utc(6, 15)),
        ):
            self.residents[name] = self.add(
                models.Resident(
                    preferred_name=name,
                    active=archived is None,
                    archived_at=archived,
                    erased_at=erased,
                    created_at=arrived,
                    updated_at=arrived,
                )
            )

    def suggestions(self) -> None:
        kitchen, coordinator = self.staff[StaffRole.KITCHEN], self.staff[StaffRole.COORDINATOR]
        fish_pie = self.add(models.Dish(name="Fish pie", course="main", picture="fish"))
        self.activities["beach"] = self.add(
            models.Activity(title="Trip to the beach", picture="beach")
        )
        self.activities["garden"] = self.add(models.Activity(title="Garden walk", picture="garden"))
        r = self.residents
        self.proposals["fish pie"] = self.proposal(
            r["Margaret"],
            "meal",
            "Fish pie on Fridays",
            utc(5, 2, 10),
            dish_id=fish_pie,
            status="done",
            responded=(utc(5, 5, 9), kitchen, "Yes, on Friday the 10th."),
            done_at=utc(5, 10, 11),
        )
        self.proposals["beach"] = self.proposal(
            r["Dai"],
            "activity",
            "A trip to the beach",
            utc(5, 20, 23, 30),
            picture="bus",
            activity_id=self.activities["beach"],
            status="agreed",
            responded=(utc(6, 10, 8), coordinator, "Yes: the minibus is booked."),
        )
        self.proposals["bird feeder"] = self.proposal(
            r[HOSTILE_NAME], "home", "A bird feeder <by the window> & seeds", utc(5, 31, 23, 30)
        )
        self.proposals["singing"] = self.proposal(
            None,
            "activity",
            "Singing on Sundays",
            utc(6, 12, 14),
            status="declined",
            responded=(utc(6, 14, 10), coordinator, "Not enough singers asked for it yet."),
        )
        self.proposals["withdrawn"] = self.proposal(
            r["Eirlys"], "home", "Taken back", utc(5, 15), status="withdrawn"
        )
        self.proposals["draft"] = self.proposal(
            r["Ron"], "meal", "Half typed", None, status="draft"
        )
        self.proposals["before"] = self.proposal(r["Dai"], "home", "Before", utc(4, 30, 22, 30))
        self.proposals["after"] = self.proposal(r["Dai"], "home", "After", utc(6, 30, 23, 30))
        for supporter in ("Dai", HOSTILE_NAME):
            self.add(
                models.ProposalSupport(
                    proposal_id=self.proposals["fish pie"],
                    resident_id=r[supporter],
                    created_at=utc(5, 3),
                )
            )
        self.add(
            models.MenuEntry(
                menu_date=date(2024, 5, 10),
                meal="lunch",
                dish_id=fish_pie,
                proposal_id=self.proposals["fish pie"],
            )
        )
        self.slots["beach"] = self.slot("beach", utc(6, 20, 13), proposal="beach")
        self.slots["beach again"] = self.slot(
            "beach", utc(6, 27, 13), proposal="beach", status="cancelled"
        )

    def proposal(
        self,
        resident_id: int | None,
        topic: str,
        title: str,
        submitted: datetime | None,
        *,
        status: str = "open",
        responded: tuple[datetime, int | None, str] | None = None,
        picture: str | None = None,
        dish_id: int | None = None,
        activity_id: int | None = None,
        done_at: datetime | None = None,
    ) -> int:
        answered_at, by, words = responded if responded else (None, None, None)
        return self.add(
            models.Proposal(
                resident_id=resident_id,
                raised_by_staff_id=self.staff[StaffRole.COORDINATOR]
                if resident_id is None
                else None,
                topic=topic,
                title=title,
                picture=picture,
                dish_id=dish_id,
                activity_id=activity_id,
                status=status,
                response=words,
                responded_by_staff_id=by,
                responded_at=answered_at,
                done_at=done_at,
                submitted_at=submitted,
                created_at=submitted or utc(6, 1),
            )
        )

    def slot(
        self,
        activity: str,
        starts: datetime,
        *,
        proposal: str | None = None,
        poll: str | None = None,
        status: str = "planned",
    ) -> int:
        source = "proposal" if proposal else "poll" if poll else "planned"
        return self.add(
            models.ScheduleSlot(
                activity_id=self.activities[activity],
                starts_at=starts,
                ends_at=starts.replace(hour=starts.hour + 1),
                source=source,
                proposal_id=self.proposals[proposal] if proposal else None,
                poll_id=self.polls[poll] if poll else None,
                status=status,
            )
        )

    def polls_and_votes(self) -> None:
        r = self.residents
        trip = self.poll("trip", "choose_one", utc(4, 30, 22), utc(5, 8, 16), None)
        beach, zoo, _garden = self.options(trip, ("Beach", "Zoo", "Garden"))
        for who, option, cast in (
            ("Margaret", beach, utc(5, 2)),
            ("Dai", beach, utc(5, 3)),
            (HOSTILE_NAME, zoo, utc(5, 4)),
            ("Eirlys", beach, utc(4, 30, 23, 30)),
        ):
            self.ballot(trip, r[who], cast, [(option, "chosen")])
        try_these = self.poll("try", "yes_maybe_no", utc(6, 20, 9), utc(7, 5, 16), utc(6, 25, 12))
        yoga, choir = self.options(try_these, ("Chair yoga", "Choir"))
        self.ballot(try_these, r["Ron"], utc(6, 21), [(yoga, "yes"), (choir, "no")])
        self.ballot(try_these, r[HOSTILE_NAME], utc(6, 22), [(yoga, "maybe"), (choir, "yes")])
        # Closed after the range (and before today), or before it: neither is in the report.
        self.poll("later", "choose_one", utc(6, 28), utc(7, 3), None)
        self.poll("earlier", "choose_one", utc(4, 1), utc(4, 30, 22, 59), None)
        self.slots["garden 15 May"] = self.slot("garden", utc(5, 15, 10), poll="trip")
        self.slots["garden 22 May"] = self.slot("garden", utc(5, 22, 10))
        self.slots["garden 3 June"] = self.slot("garden", utc(6, 3, 10))

    def poll(
        self, key: str, kind: str, opens: datetime, closes: datetime, closed_early: datetime | None
    ) -> int:
        self.polls[key] = self.add(
            models.Poll(
                question=f"The {key} poll?",
                kind=kind,
                opens_at=opens,
                closes_at=closes,
                closed_early_at=closed_early,
            )
        )
        return self.polls[key]

    def options(self, poll_id: int, labels: tuple[str, ...]) -> list[int]:
        return [
            self.add(models.PollOption(poll_id=poll_id, position=position, label=label))
            for position, label in enumerate(labels, start=1)
        ]

    def ballot(
        self, poll_id: int, resident_id: int, cast: datetime, answers: list[tuple[int, str]]
    ) -> None:
        ballot = self.add(models.Ballot(poll_id=poll_id, resident_id=resident_id, cast_at=cast))
        for option_id, answer in answers:
            self.session.add(
                models.BallotChoice(
                    ballot_id=ballot, option_id=option_id, poll_id=poll_id, answer=answer
                )
            )

    def feedback(self) -> None:
        r = self.residents
        for slot, who, face, scale, given in (
            ("beach", "Margaret", 3, 3, utc(6, 20, 15)),
            ("beach", "Dai", 3, 3, utc(6, 20, 15, 5)),
            ("beach", "Ron", 1, 3, utc(6, 20, 15, 10)),
            ("garden 15 May", "Margaret", 2, 3, utc(5, 15, 12)),
            ("garden 15 May", HOSTILE_NAME, 4, 5, utc(5, 15, 12, 5)),
            ("garden 3 June", "Ron", 1, 5, utc(6, 3, 12)),
            ("garden 3 June", "Margaret", 3, 3, utc(6, 30, 23, 30)),  # 1 July at the home
        ):
            self.add(
                models.Feedback(
                    slot_id=self.slots[slot],
                    resident_id=r[who],
                    face=face,
                    scale=scale,
                    words="SECRET-NOTE" if who == "Ron" else None,
                    created_at=given,
                    updated_at=given,
                )
            )

    def care_plans(self) -> None:
        carer = self.staff[StaffRole.CARER]
        margaret_plan = self.add(models.CarePlan(resident_id=self.residents["Margaret"]))
        self.version(margaret_plan, 1, utc(4, 1), carer, took_part=False)
        second = self.version(margaret_plan, 2, utc(5, 14, 23, 30), carer, took_part=True)
        self.review(margaret_plan, date(2024, 5, 15), carer, involved=True, version=second)
        dai_plan = self.add(models.CarePlan(resident_id=self.residents["Dai"]))
        self.review(dai_plan, date(2024, 6, 18), None, involved=False, version=None)  # no name
        self.review(dai_plan, date(2024, 7, 1), carer, involved=True, version=None)

    def version(
        self, plan: int, number: int, written: datetime, by: int | None, *, took_part: bool
    ) -> int:
        version = self.add(
            models.CarePlanVersion(
                care_plan_id=plan,
                version_number=number,
                written_by_staff_id=by,
                people_present="SECRET-PEOPLE",
                resident_took_part=took_part,
                change_summary="SECRET-CHANGE",
                created_at=written,
            )
        )
        self.add(
            models.CarePlanSectionText(
                version_id=version, section="what_matters", body="SECRET-PLAN-WORDS"
            )
        )
        return version

    def review(
        self, plan: int, on: date, by: int | None, *, involved: bool, version: int | None
    ) -> None:
        self.add(
            models.CarePlanReview(
                care_plan_id=plan,
                reviewed_on=on,
                reviewed_by_staff_id=by,
                people_present="SECRET-PEOPLE",
                resident_involved=involved,
                what_changed="SECRET-CHANGE",
                version_id=version,
            )
        )

    def talk(self) -> None:
        carer = self.staff[StaffRole.CARER]
        self.add(
            models.TalkRequest(
                resident_id=self.residents["Dai"],
                section="support",
                note="SECRET-NOTE",
                raised_at=utc(5, 10, 9),
                resolved_at=utc(5, 14, 15),
                resolved_by_staff_id=carer,
                resolution="SECRET-RESOLUTION",
            )
        )
        self.add(
            models.TalkRequest(
                resident_id=self.residents[HOSTILE_NAME],
                section=None,
                note="SECRET-NOTE",
                raised_at=utc(6, 22, 22, 30),
            )
        )
