"""The trail from "residents said" to "we did", for the generated home.

Suggestions with the staff's answers and what was done about them; polls and ballots; the
weekly programme, with the slots that suggestions and polls asked for, who came and the
faces they gave; and the menus, with the dishes suggestions put on them. Part of
:mod:`kiosk.storage.generated`, which runs these steps in order.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from kiosk.domain.enums import (
    BallotAnswer,
    Course,
    Meal,
    MealSlot,
    PollKind,
    ProposalStatus,
    ProposalTopic,
    ResultsVisibility,
    SlotSource,
    SlotStatus,
    StaffRole,
)
from kiosk.domain.ideas import DEFAULT_ANSWER_WORDS, IdeaAnswerKind
from kiosk.domain.meals import AnswerKind
from kiosk.storage import demo_content
from kiosk.storage import generated_content as content
from kiosk.storage.generated_planner import (
    BALLOTS_PER_RESIDENT_YEAR,
    FEEDBACK_PER_RESIDENT_YEAR,
    SUGGESTIONS_PER_RESIDENT_YEAR,
    YEAR_DAYS,
    MenuLink,
    Person,
    PlannedSlot,
    Planner,
    Row,
    at,
    dish_row,
    local_day,
    monday_of,
    poisson,
)
from kiosk.storage.models import (
    Attendance,
    Ballot,
    BallotChoice,
    Dish,
    Feedback,
    MenuEntry,
    Poll,
    PollOption,
    Proposal,
    ProposalDietaryTag,
    ProposalSupport,
    ScheduleSlot,
)

_WEEKS_A_YEAR = YEAR_DAYS / 7
_TURNOUT = (0.5, 0.78)  # the share of residents who vote in a poll, lowest and highest
_FEEDBACK_SHARE = 0.6  # of those who came to an activity, how many gave a face
_CANCELLED_SHARE = 0.03


class TrailSteps(Planner):
    """Suggestions, polls, the programme and menus, in that order: each step plans what
    the ones before it asked for."""

    # -- suggestions: said, decided, done ----------------------------------------------------

    def _suggestions(self) -> None:
        rows: list[Row] = []
        supports: list[Row] = []
        tags: list[Row] = []
        new_dishes: list[Row] = []
        rate = SUGGESTIONS_PER_RESIDENT_YEAR / YEAR_DAYS
        for day, present in zip(self.days, self.present, strict=True):
            weights = [p.keen for p in present]
            if not any(weights):
                continue
            for _ in range(poisson(self.rng, len(present) * rate)):
                by = None if self._chance(0.04) else self.rng.choices(present, weights)[0]
                row = self._suggestion(day, by, new_dishes)
                rows.append(row)
                supports += self._supports(row, present, by)
                if row["topic"] == ProposalTopic.MEAL.value and by and by.diet:
                    tags.append({"proposal_id": row["id"], "tag": by.diet.value})
        self.writer.put(Dish, new_dishes)
        self.writer.put(Proposal, rows)
        self.writer.put(ProposalDietaryTag, tags)
        self.writer.put(ProposalSupport, supports)

    def _suggestion(self, day: date, by: Person | None, new_dishes: list[Row]) -> Row:
        rng = self.rng
        topic = rng.choices(tuple(content.TOPIC_WEIGHTS), tuple(content.TOPIC_WEIGHTS.values()))[0]
        if by is None:  # raised by staff at the residents' meeting
            topic = rng.choice((ProposalTopic.HOME, ProposalTopic.ACTIVITY))
        submitted = min(self._moment(day), self.now - timedelta(minutes=rng.randint(5, 90)))
        row: Row = {
            "id": self._id("proposal"),
            "resident_id": by.id if by else None,
            "raised_by_staff_id": None if by else self._one_of(StaffRole.COORDINATOR),
            "topic": topic.value,
            "details": self._why(by),
            "meal_slot": None,
            "dish_id": None,
            "activity_id": None,
            "status": ProposalStatus.OPEN.value,
            "response": None,
            "responded_by_staff_id": None,
            "responded_at": None,
            "response_heard_at": None,
            "done_at": None,
            "submitted_at": submitted,
            "created_at": submitted - timedelta(minutes=4),
        }
        plan_as = self._what_was_said(row, topic)
        roll = rng.random()
        if by is not None and roll < 0.02:
            row.update(status=ProposalStatus.DRAFT.value, submitted_at=None)
        elif roll < 0.04:
            row["status"] = ProposalStatus.WITHDRAWN.value
        else:
            self._answer(row, topic, plan_as, new_dishes)
        changes = ("created_at", "submitted_at", "responded_at", "response_heard_at")
        row["updated_at"] = max(row[name] for name in changes if row[name] is not None)
        return row

    def _why(self, by: Person | None) -> str | None:
        if by is None:
            return "Raised at the residents' meeting."
        return self.rng.choice(content.WHY) if self._chance(0.35) else None

    def _what_was_said(self, row: Row, topic: ProposalTopic) -> str | None:
        """Title, picture and what it is about; returns the activity it would be planned as
        (for activities) or the course of a typed dish (for meals)."""
        rng = self.rng
        if topic is ProposalTopic.MEAL:
            if self._chance(0.8):
                dish_id, name, picture, slot = rng.choice(self.dish_slots)
                row.update(title=name, picture=picture, dish_id=dish_id, meal_slot=slot.value)
                return None
            name, course, picture = rng.choice(content.MEAL_IDEAS)
            row.update(title=name, picture=picture, meal_slot=content.SLOT_FOR_COURSE[course].value)
            return course.value
        if topic is ProposalTopic.ACTIVITY:
            if self._chance(0.7):
                title = rng.choice(tuple(self.activities))
                row.update(
                    title=rng.choice(content.ACTIVITY_WISHES).format(title=title),
                    picture=self.activity_pictures[title],
                    activity_id=self.activities[title],
                )
                return title
            idea, picture, plan_as = rng.choice(content.ACTIVITY_IDEAS)
            row.update(title=idea, picture=picture)
            return plan_as
        idea, picture = rng.choice(
            content.HOME_IDEAS if topic is ProposalTopic.HOME else content.OTHER_IDEAS
        )
        row.update(title=idea, picture=picture)
        return None

    def _answer_delay(self) -> timedelta:
        rng = self.rng
        days = rng.choices(
            (rng.randint(0, 5), rng.randint(6, 14), rng.randint(15, 40)), (70, 22, 8)
        )[0]
        return timedelta(days=days, hours=rng.randint(2, 8))

    def _answer(
        self, row: Row, topic: ProposalTopic, plan_as: str | None, new_dishes: list[Row]
    ) -> None:
        """The staff's answer, if it has come by now, and what was done about it."""
        responded = row["submitted_at"] + self._answer_delay()
        if responded > self.now:
            return
        if topic is ProposalTopic.MEAL:
            self._meal_answer(row, responded, plan_as, new_dishes)
        else:
            self._idea_answer(row, responded, topic, plan_as)
        if row["resident_id"] is not None and self._chance(0.85):
            heard = row["responded_at"] + timedelta(hours=self.rng.randint(3, 96))
            row["response_heard_at"] = heard if heard <= self.now else None

    def _set_answer(
        self, row: Row, moment: datetime, status: ProposalStatus, words: str, staff: int
    ) -> None:
        row.update(
            status=status.value,
            response=words,
            responded_by_staff_id=staff,
            responded_at=moment,
        )

    def _meal_answer(
        self, row: Row, responded: datetime, course: str | None, new_dishes: list[Row]
    ) -> None:
        rng = self.rng
        kind = rng.choices(
            tuple(content.MEAL_ANSWER_WEIGHTS), tuple(content.MEAL_ANSWER_WEIGHTS.values())
        )[0]
        kitchen = self._one_of(StaffRole.KITCHEN)
        detail = kind.value
        if kind is AnswerKind.ON_MENU:
            if row["dish_id"] is None:
                row["dish_id"] = self._new_dish(row, course, responded, kitchen, new_dishes)
            link = self._menu_link(row, responded)
            detail = f"{kind.value}: {link.day.isoformat()} {link.meal.value}, dish {link.dish_id}"
            words = rng.choice(content.KITCHEN_WORDS) if self._chance(0.4) else ""
            self._set_answer(row, responded, ProposalStatus.AGREED, words, kitchen)
        else:
            reasons = content.NOT_NOW_WORDS if kind is AnswerKind.NOT_NOW else content.NO_WORDS
            words = rng.choice(reasons[ProposalTopic.MEAL])
            status = (
                ProposalStatus.NOT_NOW if kind is AnswerKind.NOT_NOW else ProposalStatus.DECLINED
            )
            self._set_answer(row, responded, status, words, kitchen)
        self._note(
            responded,
            "suggestion.answer",
            staff=kitchen,
            record=("proposal", row["id"]),
            detail=detail,
        )

    def _new_dish(
        self,
        row: Row,
        course: str | None,
        responded: datetime,
        kitchen: int,
        new_dishes: list[Row],
    ) -> int:
        """A dish residents asked for, added by the kitchen the first time it says yes."""
        name = row["title"]
        if name not in self.dishes:
            added = responded - timedelta(minutes=30)
            self.dishes[name] = self._id("dish")
            new_dishes.append(
                dish_row(self.dishes[name], name, Course(course), row["picture"], added)
            )
            self._note(added, "dish.add", staff=kitchen, record=("dish", self.dishes[name]))
        return self.dishes[name]

    def _menu_link(self, row: Row, responded: datetime) -> MenuLink:
        """The day and meal a "yes" puts the dish on: soon, and not on a day another
        suggestion already has it."""
        meal = content.MEAL_FOR_SLOT[MealSlot(row["meal_slot"])]
        day = local_day(responded) + timedelta(days=self.rng.randint(2, 12))
        while (day, meal, row["dish_id"]) in self.menu_taken:
            day += timedelta(days=1)
        link = MenuLink(row["id"], day, meal, row["dish_id"], responded)
        self.menu_links.append(link)
        self.menu_taken.add((day, meal, row["dish_id"]))
        return link

    def _idea_answer(
        self, row: Row, responded: datetime, topic: ProposalTopic, plan_as: str | None
    ) -> None:
        rng = self.rng
        kind = rng.choices(
            tuple(content.IDEA_ANSWER_WEIGHTS), tuple(content.IDEA_ANSWER_WEIGHTS.values())
        )[0]
        if topic is ProposalTopic.ACTIVITY and kind is IdeaAnswerKind.DONE:
            kind = IdeaAnswerKind.YES  # an activity is done once its slot has happened
        staff = self._one_of(rng.choice((StaffRole.COORDINATOR, StaffRole.MANAGER)))
        if kind in (IdeaAnswerKind.NOT_NOW, IdeaAnswerKind.NO):
            reasons = content.NOT_NOW_WORDS if kind is IdeaAnswerKind.NOT_NOW else content.NO_WORDS
            words = rng.choice(reasons.get(topic, reasons[ProposalTopic.HOME]))
            status = (
                ProposalStatus.NOT_NOW
                if kind is IdeaAnswerKind.NOT_NOW
                else ProposalStatus.DECLINED
            )
            self._set_answer(row, responded, status, words, staff)
        elif kind is IdeaAnswerKind.DONE:
            self._set_answer(row, responded, ProposalStatus.DONE, DEFAULT_ANSWER_WORDS[kind], staff)
            row["done_at"] = responded
        else:
            self._set_answer(
                row, responded, ProposalStatus.AGREED, DEFAULT_ANSWER_WORDS[kind], staff
            )
        self._note(
            responded,
            "suggestion.answer",
            staff=staff,
            record=("proposal", row["id"]),
            detail=kind.value,
        )
        if kind is IdeaAnswerKind.YES:
            self._carry_out(row, responded, topic, plan_as, staff)

    def _carry_out(
        self,
        row: Row,
        responded: datetime,
        topic: ProposalTopic,
        plan_as: str | None,
        staff: int,
    ) -> None:
        """An agreed idea: an activity gets a slot in the week; later, it may be marked done."""
        done_at = None
        if topic is ProposalTopic.ACTIVITY and plan_as is not None:
            day = local_day(responded) + timedelta(days=self.rng.randint(3, 16))
            if day > self.horizon:
                return
            hours = content.TRIP_TIMES if plan_as.startswith("Trip") else content.AFTERNOON
            self.planned_slots.append(
                PlannedSlot(plan_as, day, hours, SlotSource.PROPOSAL, proposal_id=row["id"])
            )
            row["activity_id"] = self.activities[plan_as]
            done_at = at(day, hours[1])
        elif topic is not ProposalTopic.ACTIVITY:
            done_at = responded + timedelta(days=self.rng.randint(7, 60))
        marked = None if done_at is None else done_at + timedelta(hours=self.rng.randint(2, 48))
        if marked is None or marked > self.now or not self._chance(0.6):
            return
        words = DEFAULT_ANSWER_WORDS[IdeaAnswerKind.DONE]
        self._set_answer(row, marked, ProposalStatus.DONE, words, staff)
        row["done_at"] = done_at
        self._note(
            marked,
            "suggestion.answer",
            staff=staff,
            record=("proposal", row["id"]),
            detail=IdeaAnswerKind.DONE.value,
        )

    def _supports(self, row: Row, present: list[Person], by: Person | None) -> list[Row]:
        """Other residents' "me too"s, in the days after it was sent."""
        if row["submitted_at"] is None:
            return []
        wanted = self.rng.choices((0, 1, 2, 3, 4, 5), (45, 25, 14, 8, 5, 3))[0]
        still_here = local_day(row["submitted_at"]) + timedelta(days=3)
        others = [p for p in present if p is not by and p.here_on(still_here)]
        rows = []
        for person in self._keen_sample(others, wanted):
            said = row["submitted_at"] + timedelta(hours=self.rng.randint(1, 72))
            if said <= self.now:
                rows.append(
                    {
                        "id": self._id("proposal_support"),
                        "proposal_id": row["id"],
                        "resident_id": person.id,
                        "created_at": said,
                    }
                )
        return rows

    # -- polls and ballots ---------------------------------------------------------------

    def _polls(self) -> None:
        polls: list[Row] = []
        options: list[Row] = []
        ballots: list[Row] = []
        choices: list[Row] = []
        per_week = BALLOTS_PER_RESIDENT_YEAR / (_WEEKS_A_YEAR * sum(_TURNOUT) / 2)
        monday = monday_of(self.first)
        while monday <= self.last:
            # About as many each week, as a coordinator runs them.
            for _ in range(int(per_week) + self._chance(per_week % 1)):
                opened = monday + timedelta(days=self.rng.randint(0, 6))
                if self.first <= opened <= self.last:
                    poll, its_options = self._poll(opened)
                    polls.append(poll)
                    options += its_options
                    self._ballots(poll, its_options, ballots, choices)
            monday += timedelta(days=7)
        self.writer.put(Poll, polls)
        self.writer.put(PollOption, options)
        self.writer.put(Ballot, ballots)
        self.writer.put(BallotChoice, choices)

    def _poll(self, opened: date) -> tuple[Row, list[Row]]:
        """A poll and its options: which activity, which film, where to go, or yes-maybe-no."""
        rng = self.rng
        poll_id = self._id("poll")
        opens_at = at(opened, time(9, 0))
        closes_at = at(opened + timedelta(days=rng.randint(3, 7)), time(17, 0))
        kind, question, choices, weekday = self._question()
        if weekday is not None:
            self.poll_weekdays[poll_id] = weekday
        early = max(opens_at + timedelta(days=1), closes_at - timedelta(days=1))
        if early > self.now or not self._chance(0.03):
            early = None
        coordinator = self._one_of(StaffRole.COORDINATOR)
        options = [
            {
                "id": self._id("poll_option"),
                "poll_id": poll_id,
                "position": position,
                "label": label,
                "picture": picture,
                "activity_id": self.activities[activity] if activity else None,
                "proposal_id": None,
            }
            for position, (label, picture, activity) in enumerate(choices, start=1)
        ]
        created = opens_at - timedelta(hours=1)
        self._note(
            created,
            "poll.create",
            staff=coordinator,
            record=("poll", poll_id),
            detail=f"{kind.value}, {len(choices)} choices",
        )
        if early is not None:
            self._note(early, "poll.close", staff=coordinator, record=("poll", poll_id))
        return {
            "id": poll_id,
            "question": question,
            "kind": kind.value,
            "results_visibility": (
                ResultsVisibility.LIVE if self._chance(0.2) else ResultsVisibility.AFTER_CLOSE
            ).value,
            "opens_at": opens_at,
            "closes_at": closes_at,
            "closed_early_at": early,
            "created_by_staff_id": coordinator,
            "created_at": created,
        }, options

    def _question(self) -> tuple[PollKind, str, list[tuple[str, str, str | None]], int | None]:
        """What is asked, the choices (label, picture, activity) and, when the question
        names one, the weekday the winner will be on (0 is Monday)."""
        rng = self.rng
        regular = [title for title in self.activities if not title.startswith("Trip")]
        roll = rng.random()
        if roll < 0.2:
            picked = rng.sample(regular, rng.randint(2, 3))
            choices = [(title, self.activity_pictures[title], title) for title in picked]
            return PollKind.YES_MAYBE_NO, "Would you like these on Saturdays?", choices, 5
        if roll < 0.35:
            films = [(film, "film", None) for film in rng.sample(content.FILMS, 3)]
            return PollKind.CHOOSE_ONE, "Which film shall we watch on Sunday?", films, 6
        if roll < 0.45:
            trips = content.TRIPS[: rng.randint(2, 3)]
            choices = [(label, picture, activity) for label, picture, activity, _ in trips]
            return PollKind.CHOOSE_ONE, "Where shall we go on our next trip?", choices, None
        picked = rng.sample(regular, rng.randint(2, 4))
        weekday = rng.randrange(7)
        question = f"What shall we do on {content.WEEKDAYS[weekday]} afternoon?"
        choices = [(title, self.activity_pictures[title], title) for title in picked]
        return PollKind.CHOOSE_ONE, question, choices, weekday

    def _ballots(
        self, poll: Row, options: list[Row], ballots: list[Row], choices: list[Row]
    ) -> None:
        """Residents' ballots, the keen more likely to vote; the winner goes in the week."""
        rng = self.rng
        ends = min(poll["closed_early_at"] or poll["closes_at"], self.now)
        if ends <= poll["opens_at"]:
            return
        closing = local_day(ends)
        eligible = [
            person
            for person in self._present_on(local_day(poll["opens_at"]))
            if person.left is None or person.left > closing
        ]
        voters = self._keen_sample(eligible, round(len(eligible) * rng.uniform(*_TURNOUT)))
        liking = [rng.random() + 0.2 for _ in options]
        scores = [0] * len(options)
        span = (ends - poll["opens_at"]).total_seconds()
        for voter in voters:
            cast = poll["opens_at"] + timedelta(seconds=rng.uniform(0, span))
            changed = cast + timedelta(hours=rng.randint(1, 24)) if self._chance(0.1) else cast
            ballot_id = self._id("ballot")
            ballots.append(
                {
                    "id": ballot_id,
                    "poll_id": poll["id"],
                    "resident_id": voter.id,
                    "cast_at": cast,
                    "updated_at": min(changed, ends),
                }
            )
            for position, answer in self._answers(poll["kind"], liking):
                if answer in (BallotAnswer.CHOSEN, BallotAnswer.YES):
                    scores[position] += 1
                choices.append(
                    {
                        "ballot_id": ballot_id,
                        "option_id": options[position]["id"],
                        "poll_id": poll["id"],
                        "answer": answer.value,
                    }
                )
        if poll["closes_at"] <= self.now or poll["closed_early_at"]:
            self._plan_winner(poll, options, scores, ends)

    def _answers(self, kind: str, liking: list[float]) -> list[tuple[int, BallotAnswer]]:
        rng = self.rng
        if kind == PollKind.CHOOSE_ONE.value:
            return [(rng.choices(range(len(liking)), liking)[0], BallotAnswer.CHOSEN)]
        answers = (BallotAnswer.YES, BallotAnswer.MAYBE, BallotAnswer.NO)
        return [
            (position, rng.choices(answers, (3 * like, 1.5, 1.5))[0])
            for position, like in enumerate(liking)
        ]

    def _plan_winner(
        self, poll: Row, options: list[Row], scores: list[int], closed: datetime
    ) -> None:
        if not any(scores):
            return
        winner = options[scores.index(max(scores))]
        day = local_day(closed) + timedelta(days=self.rng.randint(2, 8))
        weekday = self.poll_weekdays.get(poll["id"])
        if weekday is not None:  # the day the question named, at least two days on
            day = local_day(closed) + timedelta(days=2)
            day += timedelta(days=(weekday - day.weekday()) % 7)
        if day > self.horizon:
            return
        trip = next((t for t in content.TRIPS if t[0] == winner["label"]), None)
        poll_id = poll["id"]
        if trip is not None:
            slot = PlannedSlot(
                trip[2], day, content.TRIP_TIMES, SlotSource.POLL, poll_id=poll_id, place=trip[3]
            )
        elif winner["activity_id"] is None:  # a film
            note = f"{winner['label']}, chosen by vote"
            slot = PlannedSlot(
                "Film afternoon",
                day,
                content.AFTERNOON,
                SlotSource.POLL,
                poll_id=poll_id,
                note=note,
            )
        else:
            slot = PlannedSlot(
                winner["label"], day, content.AFTERNOON, SlotSource.POLL, poll_id=poll_id
            )
        self.planned_slots.append(slot)

    # -- the programme, who came and how it went -------------------------------------------

    def _programme(self) -> None:
        slots = self._regular_slots() + [self._planned_slot(p) for p in self.planned_slots]
        self.writer.put(ScheduleSlot, slots)
        held = [
            slot
            for slot in slots
            if slot["status"] == SlotStatus.PLANNED.value
            and slot["ends_at"] + timedelta(hours=1) <= self.now
        ]
        wanted = FEEDBACK_PER_RESIDENT_YEAR * self.resident_years
        mean_came = wanted / max(1, len(held)) / _FEEDBACK_SHARE
        liking = {
            activity_id: self.rng.uniform(0.5, 1.0) for activity_id in self.activities.values()
        }
        attendance: list[Row] = []
        feedback: list[Row] = []
        for slot in held:
            present = self._present_on(local_day(slot["starts_at"]))
            came = self._keen_sample(present, poisson(self.rng, mean_came))
            self._came_and_said(slot, came, liking[slot["activity_id"]], attendance, feedback)
        self.writer.put(Attendance, attendance)
        self.writer.put(Feedback, feedback)

    def _regular_slots(self) -> list[Row]:
        """The weekly programme, a new one each season (13 weeks), each slot a repeat of
        the same slot the week before."""
        rng = self.rng
        per_week = max(5, round(self.beds / 4))
        regular = [title for title in self.activities if not title.startswith("Trip")]
        rows: list[Row] = []
        monday = monday_of(self.first)
        template: list[tuple[int, str, tuple[time, time], str]] = []
        last_week: dict[int, int] = {}
        week = 0
        while monday <= self.horizon:
            if week % 13 == 0:
                template = [
                    (
                        n % 7,
                        rng.choice(regular),
                        rng.choice(content.REGULAR_TIMES),
                        rng.choice(content.LEADERS),
                    )
                    for n in range(per_week)
                ]
                last_week = {}
            planned = min(at(monday - timedelta(days=3), time(15, 0)), self.now)
            this_week = {}
            for number, (weekday, title, hours, leader) in enumerate(template):
                day = monday + timedelta(days=weekday)
                if not self.first <= day <= self.horizon:
                    continue
                row = self._slot_row(title, day, hours, planned)
                row.update(led_by=leader, repeat_of_slot_id=last_week.get(number))
                self._maybe_cancel(row)
                rows.append(row)
                this_week[number] = row["id"]
            last_week = this_week
            monday += timedelta(days=7)
            week += 1
        return rows

    def _slot_row(self, title: str, day: date, hours: tuple[time, time], planned: datetime) -> Row:
        return {
            "id": self._id("schedule_slot"),
            "activity_id": self.activities[title],
            "starts_at": at(day, hours[0]),
            "ends_at": at(day, hours[1]),
            "place": None,
            "led_by": None,
            "source": SlotSource.PLANNED.value,
            "poll_id": None,
            "proposal_id": None,
            "repeat_of_slot_id": None,
            "status": SlotStatus.PLANNED.value,
            "cancel_reason": None,
            "note": None,
            "created_by_staff_id": self._one_of(StaffRole.COORDINATOR),
            "created_at": planned,
            "updated_at": planned,
        }

    def _planned_slot(self, planned: PlannedSlot) -> Row:
        """A slot for a poll's winner or an agreed suggestion, planned the day before."""
        moment = min(at(planned.day - timedelta(days=1), time(10, 0)), self.now)
        row = self._slot_row(planned.activity, planned.day, planned.hours, moment)
        row.update(
            place=planned.place,
            led_by=self.rng.choice(content.LEADERS),
            source=planned.source.value,
            poll_id=planned.poll_id,
            proposal_id=planned.proposal_id,
            note=planned.note,
        )
        return row

    def _maybe_cancel(self, row: Row) -> None:
        if not self._chance(_CANCELLED_SHARE):
            return
        cancelled = min(row["starts_at"] - timedelta(hours=20), self.now)
        cancelled = max(cancelled, row["created_at"])
        row.update(
            status=SlotStatus.CANCELLED.value,
            cancel_reason=self.rng.choice(content.CANCEL_REASONS),
            updated_at=cancelled,
        )
        self._note(
            cancelled,
            "slot.cancel",
            staff=row["created_by_staff_id"],
            record=("schedule_slot", row["id"]),
        )

    def _came_and_said(
        self,
        slot: Row,
        came: list[Person],
        liking: float,
        attendance: list[Row],
        feedback: list[Row],
    ) -> None:
        rng = self.rng
        recorder = self._one_of(rng.choice((StaffRole.COORDINATOR, StaffRole.CARER)))
        for number, person in enumerate(came):
            attendance.append(
                {
                    "slot_id": slot["id"],
                    "resident_id": person.id,
                    "recorded_by_staff_id": recorder,
                    "recorded_at": slot["ends_at"] + timedelta(minutes=10),
                }
            )
            given = slot["ends_at"] + timedelta(minutes=30 + 3 * number)
            if given > self.now or not self._chance(_FEEDBACK_SHARE):
                continue
            scale = 5 if self._chance(0.1) else 3
            faces = range(scale, 0, -1)  # the happiest first
            if scale == 3:
                face = rng.choices(faces, (10 * liking, 4, 6 * (1 - liking) + 0.3))[0]
            else:
                face = rng.choices(faces, (8 * liking, 4, 3, 2, 6 * (1 - liking) + 0.3))[0]
            feedback.append(
                {
                    "id": self._id("feedback"),
                    "slot_id": slot["id"],
                    "resident_id": person.id,
                    "scale": scale,
                    "face": face,
                    "words": rng.choice(content.FEEDBACK_WORDS) if self._chance(0.12) else None,
                    "created_at": given,
                    "updated_at": given,
                }
            )

    # -- menus ---------------------------------------------------------------------------

    def _menus(self) -> None:
        """The demo's two-week menu cycle every day, and the dishes suggestions put on it."""
        cycle_start = monday_of(self.first)
        menus: dict[tuple[date, Meal], list[Row]] = {}
        day = self.first
        kitchen = self.staff[StaffRole.KITCHEN][0]
        last_day = max([self.horizon, *(link.day for link in self.menu_links)])
        while day <= last_day:
            today = demo_content.MENU_CYCLE[(day - cycle_start).days % len(demo_content.MENU_CYCLE)]
            planned = min(at(monday_of(day) - timedelta(days=3), time(11, 0)), self.now)
            for meal in Meal:
                menus[day, meal] = [
                    self._menu_row(day, meal, self.dishes[name], kitchen, planned)
                    for name in today.choices(meal)
                ]
            day += timedelta(days=1)
        for link in self.menu_links:
            entries = menus[link.day, link.meal]
            entry = next((e for e in entries if e["dish_id"] == link.dish_id), None)
            if entry is None:
                entry = self._menu_row(link.day, link.meal, link.dish_id, kitchen, link.planned_at)
                entries.append(entry)
            entry["proposal_id"] = link.proposal_id
        rows = []
        for entries in menus.values():
            for position, entry in enumerate(entries, start=1):
                rows.append({**entry, "id": self._id("menu_entry"), "position": position})
        self.writer.put(MenuEntry, rows)

    @staticmethod
    def _menu_row(day: date, meal: Meal, dish_id: int, kitchen: int, planned: datetime) -> Row:
        return {
            "menu_date": day,
            "meal": meal.value,
            "dish_id": dish_id,
            "proposal_id": None,
            "created_by_staff_id": kitchen,
            "created_at": planned,
        }
