"""A whole care home over months or years, made up, for benchmarks and load tests.

:func:`generate_home` fills an empty demo database with a believable home, "Alder House":
staff; residents moving in and out; dishes and menus; suggestions with the staff's answers
and what was done about them; polls and ballots; a weekly programme with who came and
the faces they gave; care plans with versions, reviews and requests to talk; daily
backups; and the audit trail. How much of each follows the rates per resident-year below
(a resident-year is one resident living here for a year), taken from issue #10's
five-year home of 200 residents.

The story: the home began using Our Say on the first day of the range, so every record
is dated from then on; residents who lived here before keep their real moving-in dates.
"Now" is midday on ``end``; menus and the programme are planned up to two weeks ahead.

The same arguments always give the same rows (``random.Random(seed)``); only PIN hashes,
which are salted, differ. Everything is written with SQLAlchemy Core ``executemany`` in
one transaction, so a generated home is either all there or not there at all. Like the
demo home it goes only into a demo database, and only into an empty one.
"""

from __future__ import annotations

import heapq
import math
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import count, islice
from operator import itemgetter
from time import perf_counter
from typing import Any

from sqlalchemy import Connection, func, insert, select

from kiosk.domain.enums import (
    ActorKind,
    BallotAnswer,
    CarePlanAccess,
    CarePlanSection,
    ContrastTheme,
    Course,
    DatabaseKind,
    DietaryTag,
    GoalStatus,
    Meal,
    MealSlot,
    PollKind,
    ProposalStatus,
    ProposalTopic,
    ResultsVisibility,
    SlotSource,
    SlotStatus,
    StaffRole,
    TalkRequestSource,
)
from kiosk.domain.ideas import DEFAULT_ANSWER_WORDS, IdeaAnswerKind
from kiosk.domain.meals import AnswerKind
from kiosk.domain.pins import hash_pin
from kiosk.domain.text import N_
from kiosk.storage import demo_content as content
from kiosk.storage.backup import backup_name
from kiosk.storage.database import Database
from kiosk.storage.demo import HOME_ZONE, SEEDED_MARKER, NotADemoDatabase
from kiosk.storage.errors import DatabaseError
from kiosk.storage.models import (
    Activity,
    Attendance,
    AuditEvent,
    BackupRecord,
    Ballot,
    BallotChoice,
    Base,
    CarePlan,
    CarePlanConfirmation,
    CarePlanGoal,
    CarePlanReview,
    CarePlanRisk,
    CarePlanRoutine,
    CarePlanSectionText,
    CarePlanVersion,
    Dish,
    DishAllergen,
    DishDietaryTag,
    Feedback,
    MenuEntry,
    Poll,
    PollOption,
    Proposal,
    ProposalDietaryTag,
    ProposalSupport,
    Resident,
    ScheduleSlot,
    SchemaMeta,
    Setting,
    Staff,
    TalkRequest,
)

__all__ = [
    "AUDIT_EVENTS_PER_RESIDENT_YEAR",
    "BALLOTS_PER_RESIDENT_YEAR",
    "FEEDBACK_PER_RESIDENT_YEAR",
    "GENERATED_MARKER",
    "SUGGESTIONS_PER_RESIDENT_YEAR",
    "GeneratedSummary",
    "HomeNotEmpty",
    "generate_home",
]

GENERATED_MARKER = "generated_home"
HOME_NAME = "Alder House"

# How much happens per resident-year.
BALLOTS_PER_RESIDENT_YEAR = 100
SUGGESTIONS_PER_RESIDENT_YEAR = 20
FEEDBACK_PER_RESIDENT_YEAR = 50
AUDIT_EVENTS_PER_RESIDENT_YEAR = 500
TALK_REQUESTS_PER_RESIDENT_YEAR = 1.0

_YEAR_DAYS = 365.25
_WEEKS_A_YEAR = _YEAR_DAYS / 7
_TURNOUT = (0.5, 0.78)  # the share of residents who vote in a poll, lowest and highest
_FEEDBACK_SHARE = 0.6  # of those who came to an activity, how many gave a face
_CANCELLED_SHARE = 0.03
_MEAN_STAY_DAYS = 900  # about two and a half years
_REVIEW_EVERY_DAYS = (90, 150)
_NEW_VERSION_AT_REVIEW = 0.45  # most reviews find the plan still right
_PLANNED_AHEAD = timedelta(days=13)  # menus and the programme: this week and next
_CHUNK = 5_000  # rows per executemany
_DAY = timedelta(days=1)

Row = dict[str, Any]


class HomeNotEmpty(DatabaseError):
    """A home is generated only into a database that holds none yet."""

    def __init__(self, location: str) -> None:
        super().__init__(
            N_("The database {location} already holds a home. The generated home was not added."),
            location=location,
        )


@dataclass(frozen=True)
class GeneratedSummary:
    beds: int  # residents living here at any one time (a few beds stand empty between)
    first_day: date
    last_day: date
    resident_years: float  # the days everyone lived here within the range, in years
    seconds: float  # how long generating took
    counts: Mapping[str, int]  # rows written, by table

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def per_resident_year(self, table: str) -> float:
        return self.counts.get(table, 0) / self.resident_years


def generate_home(
    database: Database, *, residents: int, years: float, end: date, seed: int = 1
) -> GeneratedSummary:
    """Fill an empty demo database with ``years`` of a home of ``residents`` beds, ending on
    ``end``. Refuses a live database, and one that already holds a home."""
    if residents < 1 or years <= 0:
        raise ValueError("a generated home needs at least one resident and some time")
    if database.kind != DatabaseKind.DEMO:
        raise NotADemoDatabase(database.location)
    started = perf_counter()
    first = end - timedelta(days=max(1, round(years * _YEAR_DAYS)) - 1)
    with database.engine.begin() as connection:
        _refuse_unless_empty_demo(connection, database.location)
        writer = _Writer(connection)
        home = _Home(writer, random.Random(seed), beds=residents, first=first, last=end)
        home.build()
        writer.put(
            SchemaMeta,
            [
                {
                    "name": GENERATED_MARKER,
                    "value": f"{residents} residents, {years:g} years to {end}, seed {seed}",
                },
                # A home is here now: the demo home is never seeded on top of it.
                {"name": SEEDED_MARKER, "value": home.now.isoformat()},
            ],
        )
    return GeneratedSummary(
        beds=residents,
        first_day=first,
        last_day=end,
        resident_years=home.resident_years,
        seconds=perf_counter() - started,
        counts=dict(writer.counts),
    )


def _refuse_unless_empty_demo(connection: Connection, location: str) -> None:
    meta = dict(connection.execute(select(SchemaMeta.name, SchemaMeta.value)).all())
    if meta.get("kind") != DatabaseKind.DEMO.value:
        raise NotADemoDatabase(location)
    people = sum(
        connection.execute(select(func.count()).select_from(model)).scalar_one()
        for model in (Staff, Resident)
    )
    if people or GENERATED_MARKER in meta or SEEDED_MARKER in meta:
        raise HomeNotEmpty(location)


class _Writer:
    """Bulk inserts in chunks, counting the rows written."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self.counts: Counter[str] = Counter()

    def put(self, model: type[Base], rows: Iterable[Row]) -> None:
        statement = insert(model)
        found = iter(rows)
        while chunk := list(islice(found, _CHUNK)):
            self._connection.execute(statement, chunk)
            self.counts[model.__tablename__] += len(chunk)


# ---------------------------------------------------------------------------------------
# Words: names, ideas, answers, care-plan sections. The people are made up.

_NAMES: Mapping[str, tuple[str, str, str, str]] = {
    # group: women's first names, men's, women's surnames, men's surnames
    "en_GB": (
        "Margaret Joan Dorothy Betty Irene Doris Edna Peggy Mavis Sheila Barbara Audrey Vera "
        "Pat Maureen Dot Jean Brenda",
        "Ron Bill Frank Arthur Harold Ken Stan Albert George Jim Derek Roy Tony Dennis",
        "Ellis Hughes Walker Turner Baker Wright Cooper Shaw Hall Green Wood Clarke Patel",
        "Ellis Hughes Walker Turner Baker Wright Cooper Shaw Hall Green Wood Clarke Patel",
    ),
    "cy": (
        "Eirlys Gwen Megan Nia Dilys Glenys Myfanwy Bronwen Ceinwen",
        "Dai Emrys Gwilym Idris Huw Rhys Aled Iolo",
        "Jones Davies Williams Evans Roberts Griffiths Pritchard Lloyd",
        "Jones Davies Williams Evans Roberts Griffiths Pritchard Lloyd",
    ),
    "pl": (
        "Helena Zofia Krystyna Halina Jadwiga Wanda Irena",
        "Stanisław Józef Tadeusz Kazimierz Jan Zbigniew",
        "Kowalska Wiśniewska Zielińska Nowak Wójcik Kamińska",
        "Kowalski Wiśniewski Zieliński Nowak Wójcik Kamiński",
    ),
    "pa": (
        "Harbhajan Manjit Surinder Kuldip Amrit Paramjit Gurdev",
        "Jaswant Balwinder Baldev Gurnam Ajit Mohan",
        "Kaur",
        "Singh Sandhu Gill Dhillon Grewal Sidhu",
    ),
}
_NAME_GROUP_WEIGHTS = {"en_GB": 55, "cy": 20, "pl": 12, "pa": 13}
_DIETS: Mapping[str, tuple[DietaryTag, ...]] = {  # one resident in six has one
    "en_GB": (DietaryTag.DIABETIC, DietaryTag.VEGETARIAN, DietaryTag.LOW_SALT),
    "cy": (DietaryTag.DIABETIC, DietaryTag.LOW_SALT),
    "pl": (DietaryTag.DIABETIC, DietaryTag.FORTIFIED),
    "pa": (DietaryTag.VEGETARIAN, DietaryTag.NO_BEEF),
}
_OWN_LANGUAGE_SHARE = 0.65  # Welsh, Polish and Punjabi speakers who chose their language
_RESIDENT_PINS = tuple(content.RESIDENT_PINS.values())  # hashed once each, then shared
_SUPPORT_NOTES = (
    "Low vision: big text and the read-aloud button help. Say your name when you come in.",
    "Hard of hearing in the left ear. Sit on her right and face her.",
    "Early dementia: give one choice at a time, and time to answer.",
    "Tremor in both hands: the big buttons work well for him.",
    "Aphasia after a stroke: pictures and yes or no questions work best.",
)
_KIN = ("Susan", "David", "Anne", "Gareth", "Kasia", "Harpreet", "Paul", "Carol", "Sian", "Tom")
# fmt: off
_STAFF_NAMES = (
    "Hannah Price", "Sue Morgan", "Kasia Nowak", "Daniel Roberts", "Amrit Sandhu",
    "Lowri Evans", "Mark Jenkins", "Joy Okafor", "Rhian Thomas", "Piotr Lewandowski",
    "Grace Mensah", "Ben Clarke", "Nadia Hussain", "Owen Hughes", "Ffion Davies",
    "Ravi Gill", "Emma Walsh", "Chris Baker", "Megan Lloyd", "Sam Turner",
    "Aisha Khan", "Tom Pritchard", "Beth Williams", "Maria Silva", "Jack Wood",
    "Zofia Kamińska", "Leah Griffiths", "Dev Patel", "Carys Jones", "Ian Shaw",
)
# fmt: on
_EXTRA_STAFF_ROLES = (
    StaffRole.CARER,
    StaffRole.CARER,
    StaffRole.KITCHEN,
    StaffRole.CARER,
    StaffRole.COORDINATOR,
    StaffRole.CARER,
    StaffRole.CARER,
    StaffRole.MANAGER,
)
_LEADERS = ("Priya", "Tomasz", "Hannah", "Sue", "Gareth", "Kasia", "Volunteers")

_SLOT_FOR_COURSE = {
    Course.BREAKFAST: MealSlot.BREAKFAST,
    Course.SOUP: MealSlot.TEA,
    Course.MAIN: MealSlot.LUNCH,
    Course.SIDE: MealSlot.LUNCH,
    Course.PUDDING: MealSlot.PUDDING,
    Course.SNACK: MealSlot.SNACK,
    Course.DRINK: MealSlot.SUPPER,
}
_MEAL_FOR_SLOT = {
    MealSlot.BREAKFAST: Meal.BREAKFAST,
    MealSlot.LUNCH: Meal.LUNCH,
    MealSlot.TEA: Meal.TEA,
    MealSlot.SUPPER: Meal.SUPPER,
    MealSlot.PUDDING: Meal.TEA,
    MealSlot.SNACK: Meal.SUPPER,
}
# Dishes residents type in; the kitchen adds one to its dishes the first time it says yes.
_MEAL_IDEAS: tuple[tuple[str, Course, str], ...] = (
    ("Lamb hotpot", Course.MAIN, "stew"),
    ("Bread and butter pudding", Course.PUDDING, "pudding"),
    ("Faggots and peas", Course.MAIN, "sausage"),
    ("Gołąbki", Course.MAIN, "pie"),
    ("Saag with makki di roti", Course.MAIN, "curry"),
    ("Sherry trifle", Course.PUDDING, "pudding"),
    ("Pancakes with lemon and sugar", Course.PUDDING, "cake"),
    ("Peaches and evaporated milk", Course.PUDDING, "fruit"),
    ("Corned beef hash", Course.MAIN, "potato"),
    ("Pea and ham soup", Course.SOUP, "soup"),
    ("Welsh cakes", Course.SNACK, "cake"),
    ("Barszcz with uszka", Course.SOUP, "soup"),
)
_ACTIVITY_WISHES = ("{title}, please", "{title} more often", "{title} at the weekend")
# Activities residents type in: (title, picture, the activity it is planned as, if any).
_ACTIVITY_IDEAS: tuple[tuple[str, str, str | None], ...] = (
    ("A trip to the zoo", "bus", None),
    ("Line dancing in our chairs", "music", "Music and movement"),
    ("The school choir to come and sing", "singing", "Singing for fun"),
    ("A cream tea in the garden", "tea", "Baking"),
    ("Bowls on the lawn", "garden", None),
    ("A talk about old Wrexham", "photo-album", "Memory lane"),
    ("Watch the rugby together", "football", "Film afternoon"),
    ("Learn to use a tablet", "idea", None),
    ("A Diwali party", "drum", "Punjabi music afternoon"),
    ("Polish Christmas Eve supper", "tea", "Polish tea afternoon"),
)
_HOME_IDEAS: tuple[tuple[str, str], ...] = (
    ("A bird feeder outside the lounge window", "bird"),
    ("Brighter lights in the corridor", "home-idea"),
    ("A bench by the front door", "garden"),
    ("Bigger clocks in the dining room", "clock"),
    ("Could we have a cat living here?", "cat"),
    ("Breakfast a bit later at weekends", "breakfast"),
    ("Plants in the conservatory", "flower"),
    ("Photos of the staff by the door, with their names", "people"),
    ("Quieter music at teatime", "music"),
    ("A hand rail along the garden path", "garden"),
)
_OTHER_IDEAS: tuple[tuple[str, str], ...] = (
    ("Visits from the library van", "newspaper"),
    ("The hairdresser twice a week", "idea"),
    ("Help to phone my family on video", "talk"),
    ("Large-print newspapers", "newspaper"),
)
_WHY = (
    "I used to love it.",
    "It reminds me of home.",
    "We all talked about it at lunch.",
    "My husband and I had it every Sunday.",
    "It would cheer us all up.",
)
_TOPIC_WEIGHTS = {
    ProposalTopic.MEAL: 45,
    ProposalTopic.ACTIVITY: 30,
    ProposalTopic.HOME: 20,
    ProposalTopic.OTHER: 5,
}
_MEAL_ANSWER_WEIGHTS = {AnswerKind.ON_MENU: 55, AnswerKind.NOT_NOW: 25, AnswerKind.NO: 20}
_IDEA_ANSWER_WEIGHTS = {
    IdeaAnswerKind.YES: 40,
    IdeaAnswerKind.DONE: 20,
    IdeaAnswerKind.NOT_NOW: 25,
    IdeaAnswerKind.NO: 15,
}
_KITCHEN_WORDS = (
    "We will make it with extra gravy.",
    "Gareth will make it the way you told us.",
    "It will be a choice, with a soft one too.",
)
# Reasons for "not now" and "no", in the staff's words, by what the suggestion is about.
_NOT_NOW_WORDS: Mapping[ProposalTopic, tuple[str, ...]] = {
    ProposalTopic.MEAL: (
        "We cannot get it from our supplier this month. We will try again in the spring.",
        "It is on the new menu, from next month.",
        "We need to find a soft version first, so everyone can have it.",
    ),
    ProposalTopic.ACTIVITY: (
        "The minibus is being mended. We will ask again in the summer.",
        "We need more helpers first. We are asking families.",
        "It costs too much this year. We will look again in April.",
    ),
    ProposalTopic.HOME: (
        "We have asked the owners. We will know in the spring.",
        "It costs too much this year. We will look again in April.",
        "The builders come in May. We will do it then.",
    ),
}
_NO_WORDS: Mapping[ProposalTopic, tuple[str, ...]] = {
    ProposalTopic.MEAL: (
        "It has nuts in it, and some people here are allergic to nuts.",
        "We cannot make it safely in our kitchen.",
        "Most people at the residents' meeting did not want it.",
    ),
    ProposalTopic.ACTIVITY: (
        "It is too far for the minibus and too tiring for most of us.",
        "It would not be safe for everyone.",
        "Most people at the residents' meeting did not want it.",
    ),
    ProposalTopic.HOME: (
        "The fire rules do not allow it.",
        "It would not be safe for everyone.",
        "Most people at the residents' meeting did not want it.",
    ),
}
_CANCEL_REASONS = (
    "Priya is off sick. It is on again next week.",
    "The minibus would not start.",
    "Too wet and windy. We will try again soon.",
)
_FEEDBACK_WORDS = tuple(said.words for said in content.FEEDBACK_WORDS)

_REGULAR_TIMES = (
    (time(10, 30), time(11, 30)),
    (time(14, 30), time(15, 30)),
    (time(14, 0), time(16, 0)),
    (time(18, 30), time(19, 30)),
    (time(11, 0), time(12, 0)),
    (time(15, 45), time(16, 45)),
)
_TRIP_TIMES = (time(10, 0), time(16, 0))
_AFTERNOON = (time(14, 30), time(15, 30))
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FILMS = ("The Sound of Music", "Brief Encounter", "Mary Poppins", "Calamity Jane", "Zulu")
_TRIPS = (  # (label, picture, the trip activity, place)
    ("The seaside", "beach", "Trip to the seaside", "Rhyl seafront"),
    ("The garden centre", "bus", "Trip to the garden centre", "Meadow Garden Centre"),
    ("The pier at Llandudno", "beach", "Trip to the seaside", "Llandudno pier"),
)

_SECTION_WORDS: Mapping[CarePlanSection, tuple[str, ...]] = {
    CarePlanSection.WHAT_MATTERS: (
        "My family, my garden and a good cup of tea.",
        "Going to chapel on Sundays and singing the old hymns.",
        "Being asked, not told. I have always made up my own mind.",
        "Seeing {kin} at the weekend, and the photos of my grandchildren.",
    ),
    CarePlanSection.IMPORTANT_PEOPLE: (
        "{kin}, who visits on Tuesdays and Saturdays.",
        "{kin} phones every evening at six. Please help me to the phone.",
        "My friends from chapel, and {kin}.",
    ),
    CarePlanSection.COMMUNICATION: (
        "Speak slowly and face me. I lip-read a little.",
        "Give me time to find my words. Please do not finish my sentences.",
        "I speak my first language best when I am tired.",
    ),
    CarePlanSection.WELLNESS: (
        "I take my tablets with breakfast. I get tired after lunch.",
        "My knees hurt in the cold. A warm blanket helps.",
        "I sleep badly if my room is too warm.",
    ),
    CarePlanSection.DO_AND_DONT: (
        "Please knock and wait. Please don't move my things.",
        "Please call me {name}. Please don't rush me.",
        "Please tell me what you are doing before you do it.",
    ),
    CarePlanSection.SUPPORT: (
        "Help me to stand with the frame. I can wash my face myself.",
        "Remind me where I am going, and walk with me.",
        "Cut my food small, and let me feed myself.",
    ),
    CarePlanSection.ALSO_KNOW: (
        "I was a nurse for forty years.",
        "I drove buses in Cardiff.",
        "I ran a shop with my husband for thirty years.",
        "I sang in a choir all my life.",
    ),
}
_GOALS = (
    "Walk to the garden bench on my own",
    "Go to chapel once a month",
    "Phone my sister every Sunday",
    "Help in the activity kitchen",
    "Sleep better at night",
    "Sit out in the sun when it is warm",
    "Go to the shops with {kin}",
)
_ROUTINES = (
    ("Morning", "About 8", "Tea first, then a wash. I choose my clothes.", "Radio 2, quietly"),
    ("Bedtime", "About 10", "Hot milk, then the lamp on low.", None),
    ("After lunch", "About 2", "A rest in my chair with my feet up.", None),
)
_RISKS = (
    ("Falls when I get up at night", "A sensor mat, and I will ring the bell."),
    ("Choking on dry food", "Soft food, sitting up, with someone nearby."),
    ("Going out alone", "I tell the office when I go to the shop, and take my phone."),
)
_CHANGES = (
    "Changed how I like my mornings.",
    "A new goal, in my own words.",
    "Updated who visits and when.",
    "Changed after a fall: more help at night.",
)
_RESOLUTIONS = (
    "We talked it through with {name} and changed the plan together.",
    "We talked with {name} and {kin}. Nothing needed to change.",
    "{name} wanted a later breakfast. It is in the plan now.",
)

# Everyday audit events, and how often each comes up.
_EVERYDAY = {
    "staff.sign_in": 52,
    "care_plan.view": 30,
    "care_plan.view.own": 6,
    "care_plan.unlock": 4,
    "care_plan.history": 3,
    "care_plan.print": 3,
    "pin.failed": 2,
}


# ---------------------------------------------------------------------------------------
# The planner


def _at(day: date, clock: time) -> datetime:
    """``clock`` on ``day`` in the home, as an aware UTC moment."""
    return datetime.combine(day, clock, tzinfo=HOME_ZONE).astimezone(UTC)


def _local_day(moment: datetime) -> date:
    return moment.astimezone(HOME_ZONE).date()


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, found, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        found += 1
        product *= rng.random()
    return found


@dataclass
class _Resident:
    id: int
    name: str
    moved_in: date
    left: date | None  # the day they moved out; None while they live here
    keen: float  # how much they join in (0: never): weighs who suggests, votes, comes along
    kin: str
    plan_access: CarePlanAccess
    diet: DietaryTag | None  # said with every meal they suggest

    def here_on(self, day: date) -> bool:
        """Here all day: not the day they moved in, nor the day they left."""
        return self.moved_in < day and (self.left is None or day < self.left)


@dataclass(frozen=True)
class _PlannedSlot:
    """A slot planned because of a suggestion or a poll."""

    activity: str
    day: date
    hours: tuple[time, time]
    source: SlotSource
    proposal_id: int | None = None
    poll_id: int | None = None
    place: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class _MenuLink:
    proposal_id: int
    day: date
    meal: Meal
    dish_id: int
    planned_at: datetime


@dataclass
class _Plan:
    """A care plan's current state, as versions are written."""

    plan_id: int
    versions: list[tuple[date, int]] = field(default_factory=list)  # (written on, id)
    sections: dict[CarePlanSection, int] = field(default_factory=dict)  # chosen words

    def version_on(self, day: date) -> int:
        return [version for written, version in self.versions if written <= day][-1]


AuditTuple = tuple[
    datetime, ActorKind, int | None, int | None, str, str | None, int | None, str | None
]


class _Home:
    """Plans the home day by day and writes it table by table, parents first."""

    def __init__(
        self, writer: _Writer, rng: random.Random, *, beds: int, first: date, last: date
    ) -> None:
        self.writer = writer
        self.rng = rng
        self.beds = beds
        self.first = first
        self.last = last
        self.now = _at(last, time(12, 0))
        self.horizon = last + _PLANNED_AHEAD
        self.days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        self.ids: defaultdict[str, Iterator[int]] = defaultdict(lambda: count(1))
        self.staff: dict[StaffRole, list[int]] = defaultdict(list)
        self.staff_names: dict[int, str] = {}
        self.residents: list[_Resident] = []
        self.present: list[list[_Resident]] = []
        self.dishes: dict[str, int] = {}
        self.dish_slots: list[tuple[int, str, str, MealSlot]] = []  # id, name, picture, slot
        self.activities: dict[str, int] = {}
        self.activity_pictures: dict[str, str] = {}
        self.planned_slots: list[_PlannedSlot] = []
        self.poll_weekdays: dict[int, int] = {}
        self.talks_owed = 0.5  # requests to talk not yet given to anyone, as a fraction
        self.menu_links: list[_MenuLink] = []
        self.menu_taken: set[tuple[date, Meal, int]] = set()
        self.audit: defaultdict[date, list[AuditTuple]] = defaultdict(list)

    @property
    def resident_years(self) -> float:
        return sum(len(present) for present in self.present) / _YEAR_DAYS

    def build(self) -> None:
        self._staff_and_settings()
        self._residents()
        self._food_and_activities()
        self._suggestions()
        self._polls()
        self._programme()
        self._menus()
        self._care_plans()
        self._backups_and_exports()
        self.writer.put(AuditEvent, self._audit_rows())

    # -- helpers -------------------------------------------------------------------------

    def _id(self, table: str) -> int:
        return next(self.ids[table])

    def _one_of(self, role: StaffRole) -> int:
        return self.rng.choice(self.staff[role])

    def _chance(self, share: float) -> bool:
        return self.rng.random() < share

    def _moment(self, day: date, earliest: int = 9, latest: int = 19) -> datetime:
        return _at(day, time(self.rng.randint(earliest, latest), self.rng.randrange(60)))

    def _keen_sample(self, people: Sequence[_Resident], wanted: int) -> list[_Resident]:
        """``wanted`` of ``people``, the keener more likely (Efraimidis and Spirakis)."""
        willing = [person for person in people if person.keen > 0]
        if wanted >= len(willing):
            return willing
        rng = self.rng
        return heapq.nlargest(wanted, willing, key=lambda p: rng.random() ** (1 / p.keen))

    def _present_on(self, day: date) -> list[_Resident]:
        index = (min(day, self.last) - self.first).days
        return self.present[index] if index >= 0 else []

    def _note(
        self,
        moment: datetime,
        action: str,
        *,
        staff: int | None = None,
        resident: int | None = None,
        record: tuple[str, int] | None = None,
        detail: str | None = None,
    ) -> None:
        """An audit event tied to a record, written with the day's everyday events."""
        if moment > self.now:
            return
        kind = ActorKind.RESIDENT if resident else ActorKind.STAFF if staff else ActorKind.SYSTEM
        record_type, record_id = record if record else (None, None)
        self.audit[_local_day(moment)].append(
            (moment, kind, staff, resident, action, record_type, record_id, detail)
        )

    # -- people --------------------------------------------------------------------------

    def _staff_and_settings(self) -> None:
        joined = _at(self.first - timedelta(days=900), time(9, 0))
        people = [(member.name, member.role, member.pin) for member in content.STAFF]
        for number in range(self.beds // 8):
            name = _STAFF_NAMES[number % len(_STAFF_NAMES)]
            if number >= len(_STAFF_NAMES):
                name = f"{name} {number // len(_STAFF_NAMES) + 1}"
            role = _EXTRA_STAFF_ROLES[number % len(_EXTRA_STAFF_ROLES)]
            people.append((name, role, f"{(2713 + 7919 * number) % 10000:04d}"))
        rows = []
        for name, role, pin in people:
            staff_id = self._id("staff")
            self.staff[role].append(staff_id)
            self.staff_names[staff_id] = name
            rows.append(
                {
                    "id": staff_id,
                    "name": name,
                    "role": role.value,
                    "pin_hash": hash_pin(pin),
                    "created_at": joined,
                    "updated_at": joined,
                }
            )
        self.writer.put(Staff, rows)
        manager = self.staff[StaffRole.MANAGER][0]
        settings = {
            "home_name": HOME_NAME,
            "timezone": content.HOME_TIMEZONE,
            "idle_timeout_seconds": str(content.IDLE_TIMEOUT_SECONDS),
        }
        self.writer.put(
            Setting,
            (
                {"name": name, "value": value, "updated_at": joined, "updated_by_staff_id": manager}
                for name, value in settings.items()
            ),
        )

    def _stays(self) -> list[tuple[date, int, date | None]]:
        """Who lived in each room, as (moved in, room, moved out or None), in moving order.

        Each room has someone from before the range; when they leave, it stands empty for
        one to five weeks before the next person moves in."""
        stays = []
        for room in range(1, self.beds + 1):
            moved_in = self.first - timedelta(days=self.rng.randint(20, 1500))
            while moved_in <= self.last:
                stay = 30 + int(self.rng.expovariate(1 / _MEAN_STAY_DAYS))
                left = moved_in + timedelta(days=stay)
                if left > self.first:
                    stays.append((moved_in, room, left if left <= self.last else None))
                moved_in = left + timedelta(days=self.rng.randint(7, 35))
        return sorted(stays, key=lambda stay: (stay[0], stay[1]))

    def _residents(self) -> None:
        pin_hashes = {pin: hash_pin(pin) for pin in _RESIDENT_PINS}
        rows = []
        for moved_in, room, left in self._stays():
            resident, row = self._resident(moved_in, room, left, pin_hashes)
            self.residents.append(resident)
            rows.append(row)
            if moved_in >= self.first:
                self._note(
                    row["created_at"],
                    "resident.add",
                    staff=self._one_of(StaffRole.MANAGER),
                    record=("resident", resident.id),
                )
            if row["archived_at"] is not None:
                self._note(
                    row["archived_at"],
                    "resident.archive",
                    staff=self._one_of(StaffRole.MANAGER),
                    record=("resident", resident.id),
                )
        self.writer.put(Resident, rows)
        self.present = [[r for r in self.residents if r.here_on(day)] for day in self.days]

    def _resident(
        self, moved_in: date, room: int, left: date | None, pin_hashes: Mapping[str, str]
    ) -> tuple[_Resident, Row]:
        rng = self.rng
        group = rng.choices(tuple(_NAME_GROUP_WEIGHTS), tuple(_NAME_GROUP_WEIGHTS.values()))[0]
        woman = self._chance(0.7)
        women, men, women_surnames, men_surnames = _NAMES[group]
        first_name = rng.choice((women if woman else men).split())
        surname = rng.choice((women_surnames if woman else men_surnames).split())
        title = "Mrs" if woman else "Mr"
        access = rng.choices(
            (CarePlanAccess.STAFF, CarePlanAccess.PIN, CarePlanAccess.OPEN), (70, 20, 10)
        )[0]
        resident_id = self._id("resident")
        resident = _Resident(
            id=resident_id,
            name=f"{title} {surname}" if self._chance(0.12) else first_name,
            moved_in=moved_in,
            left=left,
            # One in twelve never joins in (too frail, or not wanting to); the rest vary.
            keen=0.0 if resident_id % 12 == 0 else rng.uniform(0.3, 1.7),
            kin=rng.choice(_KIN),
            plan_access=access,
            diet=rng.choice(_DIETS[group]) if resident_id % 6 == 1 else None,
        )
        own_language = group != "en_GB" and self._chance(_OWN_LANGUAGE_SHARE)
        arrived = _at(moved_in, time(11, 0))
        archived = _at(left, time(11, 0)) if left else None
        pin = rng.choice(_RESIDENT_PINS) if access is CarePlanAccess.PIN else None
        return resident, {
            "id": resident.id,
            "preferred_name": resident.name,
            "full_name": f"{first_name} {surname}",
            "room": str(room),
            "language": group if own_language else "en_GB",
            "text_scale": rng.choices((100, 125, 150, 200), (5, 2, 2, 1))[0],
            "contrast": (ContrastTheme.HIGH if self._chance(0.1) else ContrastTheme.STANDARD).value,
            "speech_rate": rng.randrange(110, 155, 5),
            "talking_buttons": self._chance(0.2),
            "care_plan_access": access.value,
            "pin_hash": pin_hashes[pin] if pin else None,
            "support_notes": rng.choice(_SUPPORT_NOTES) if self._chance(0.3) else None,
            "active": archived is None,
            "archived_at": archived,
            "created_at": arrived,
            "updated_at": archived or arrived,
        }

    # -- food and activities ---------------------------------------------------------------

    def _food_and_activities(self) -> None:
        added = _at(self.first - timedelta(days=30), time(10, 0))
        rows = []
        for dish in content.DISHES:
            dish_id = self._id("dish")
            self.dishes[dish.name] = dish_id
            self.dish_slots.append(
                (dish_id, dish.name, dish.picture, _SLOT_FOR_COURSE[dish.course])
            )
            rows.append(self._dish_row(dish_id, dish.name, dish.course, dish.picture, added))
            rows[-1].update(description=dish.description, iddsi_level=dish.iddsi.value)
        self.writer.put(Dish, rows)
        self.writer.put(
            DishAllergen,
            (
                {"dish_id": self.dishes[dish.name], "allergen": allergen.value}
                for dish in content.DISHES
                for allergen in dish.allergens
            ),
        )
        self.writer.put(
            DishDietaryTag,
            (
                {"dish_id": self.dishes[dish.name], "tag": tag.value}
                for dish in content.DISHES
                for tag in dish.tags
            ),
        )
        activities = []
        for activity in content.ACTIVITIES:
            activity_id = self._id("activity")
            self.activities[activity.title] = activity_id
            self.activity_pictures[activity.title] = activity.picture
            activities.append(
                {
                    "id": activity_id,
                    "title": activity.title,
                    "description": activity.description,
                    "picture": activity.picture,
                    "default_place": activity.default_place,
                    "created_at": added,
                    "updated_at": added,
                }
            )
        self.writer.put(Activity, activities)

    @staticmethod
    def _dish_row(dish_id: int, name: str, course: Course, picture: str, added: datetime) -> Row:
        return {
            "id": dish_id,
            "name": name,
            "description": None,
            "course": course.value,
            "picture": picture,
            "iddsi_level": 7,
            "created_at": added,
            "updated_at": added,
        }

    # -- suggestions: said, decided, done ----------------------------------------------------

    def _suggestions(self) -> None:
        rows: list[Row] = []
        supports: list[Row] = []
        tags: list[Row] = []
        new_dishes: list[Row] = []
        rate = SUGGESTIONS_PER_RESIDENT_YEAR / _YEAR_DAYS
        for day, present in zip(self.days, self.present, strict=True):
            weights = [p.keen for p in present]
            if not any(weights):
                continue
            for _ in range(_poisson(self.rng, len(present) * rate)):
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

    def _suggestion(self, day: date, by: _Resident | None, new_dishes: list[Row]) -> Row:
        rng = self.rng
        topic = rng.choices(tuple(_TOPIC_WEIGHTS), tuple(_TOPIC_WEIGHTS.values()))[0]
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

    def _why(self, by: _Resident | None) -> str | None:
        if by is None:
            return "Raised at the residents' meeting."
        return self.rng.choice(_WHY) if self._chance(0.35) else None

    def _what_was_said(self, row: Row, topic: ProposalTopic) -> str | None:
        """Title, picture and what it is about; returns the activity it would be planned as
        (for activities) or the course of a typed dish (for meals)."""
        rng = self.rng
        if topic is ProposalTopic.MEAL:
            if self._chance(0.8):
                dish_id, name, picture, slot = rng.choice(self.dish_slots)
                row.update(title=name, picture=picture, dish_id=dish_id, meal_slot=slot.value)
                return None
            name, course, picture = rng.choice(_MEAL_IDEAS)
            row.update(title=name, picture=picture, meal_slot=_SLOT_FOR_COURSE[course].value)
            return course.value
        if topic is ProposalTopic.ACTIVITY:
            if self._chance(0.7):
                title = rng.choice(tuple(self.activities))
                row.update(
                    title=rng.choice(_ACTIVITY_WISHES).format(title=title),
                    picture=self.activity_pictures[title],
                    activity_id=self.activities[title],
                )
                return title
            idea, picture, plan_as = rng.choice(_ACTIVITY_IDEAS)
            row.update(title=idea, picture=picture)
            return plan_as
        idea, picture = rng.choice(_HOME_IDEAS if topic is ProposalTopic.HOME else _OTHER_IDEAS)
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
        kind = rng.choices(tuple(_MEAL_ANSWER_WEIGHTS), tuple(_MEAL_ANSWER_WEIGHTS.values()))[0]
        kitchen = self._one_of(StaffRole.KITCHEN)
        detail = kind.value
        if kind is AnswerKind.ON_MENU:
            if row["dish_id"] is None:
                row["dish_id"] = self._new_dish(row, course, responded, kitchen, new_dishes)
            link = self._menu_link(row, responded)
            detail = f"{kind.value}: {link.day.isoformat()} {link.meal.value}, dish {link.dish_id}"
            words = rng.choice(_KITCHEN_WORDS) if self._chance(0.4) else ""
            self._set_answer(row, responded, ProposalStatus.AGREED, words, kitchen)
        else:
            reasons = _NOT_NOW_WORDS if kind is AnswerKind.NOT_NOW else _NO_WORDS
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
                self._dish_row(self.dishes[name], name, Course(course), row["picture"], added)
            )
            self._note(added, "dish.add", staff=kitchen, record=("dish", self.dishes[name]))
        return self.dishes[name]

    def _menu_link(self, row: Row, responded: datetime) -> _MenuLink:
        """The day and meal a "yes" puts the dish on: soon, and not on a day another
        suggestion already has it."""
        meal = _MEAL_FOR_SLOT[MealSlot(row["meal_slot"])]
        day = _local_day(responded) + timedelta(days=self.rng.randint(2, 12))
        while (day, meal, row["dish_id"]) in self.menu_taken:
            day += timedelta(days=1)
        link = _MenuLink(row["id"], day, meal, row["dish_id"], responded)
        self.menu_links.append(link)
        self.menu_taken.add((day, meal, row["dish_id"]))
        return link

    def _idea_answer(
        self, row: Row, responded: datetime, topic: ProposalTopic, plan_as: str | None
    ) -> None:
        rng = self.rng
        kind = rng.choices(tuple(_IDEA_ANSWER_WEIGHTS), tuple(_IDEA_ANSWER_WEIGHTS.values()))[0]
        if topic is ProposalTopic.ACTIVITY and kind is IdeaAnswerKind.DONE:
            kind = IdeaAnswerKind.YES  # an activity is done once its slot has happened
        staff = self._one_of(rng.choice((StaffRole.COORDINATOR, StaffRole.MANAGER)))
        if kind in (IdeaAnswerKind.NOT_NOW, IdeaAnswerKind.NO):
            reasons = _NOT_NOW_WORDS if kind is IdeaAnswerKind.NOT_NOW else _NO_WORDS
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
            day = _local_day(responded) + timedelta(days=self.rng.randint(3, 16))
            if day > self.horizon:
                return
            hours = _TRIP_TIMES if plan_as.startswith("Trip") else _AFTERNOON
            self.planned_slots.append(
                _PlannedSlot(plan_as, day, hours, SlotSource.PROPOSAL, proposal_id=row["id"])
            )
            row["activity_id"] = self.activities[plan_as]
            done_at = _at(day, hours[1])
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

    def _supports(self, row: Row, present: list[_Resident], by: _Resident | None) -> list[Row]:
        """Other residents' "me too"s, in the days after it was sent."""
        if row["submitted_at"] is None:
            return []
        wanted = self.rng.choices((0, 1, 2, 3, 4, 5), (45, 25, 14, 8, 5, 3))[0]
        still_here = _local_day(row["submitted_at"]) + timedelta(days=3)
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
        monday = _monday(self.first)
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
        opens_at = _at(opened, time(9, 0))
        closes_at = _at(opened + timedelta(days=rng.randint(3, 7)), time(17, 0))
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
            films = [(film, "film", None) for film in rng.sample(_FILMS, 3)]
            return PollKind.CHOOSE_ONE, "Which film shall we watch on Sunday?", films, 6
        if roll < 0.45:
            trips = _TRIPS[: rng.randint(2, 3)]
            choices = [(label, picture, activity) for label, picture, activity, _ in trips]
            return PollKind.CHOOSE_ONE, "Where shall we go on our next trip?", choices, None
        picked = rng.sample(regular, rng.randint(2, 4))
        weekday = rng.randrange(7)
        question = f"What shall we do on {_WEEKDAYS[weekday]} afternoon?"
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
        closing = _local_day(ends)
        eligible = [
            person
            for person in self._present_on(_local_day(poll["opens_at"]))
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
        day = _local_day(closed) + timedelta(days=self.rng.randint(2, 8))
        weekday = self.poll_weekdays.get(poll["id"])
        if weekday is not None:  # the day the question named, at least two days on
            day = _local_day(closed) + timedelta(days=2)
            day += timedelta(days=(weekday - day.weekday()) % 7)
        if day > self.horizon:
            return
        trip = next((t for t in _TRIPS if t[0] == winner["label"]), None)
        poll_id = poll["id"]
        if trip is not None:
            slot = _PlannedSlot(
                trip[2], day, _TRIP_TIMES, SlotSource.POLL, poll_id=poll_id, place=trip[3]
            )
        elif winner["activity_id"] is None:  # a film
            note = f"{winner['label']}, chosen by vote"
            slot = _PlannedSlot(
                "Film afternoon", day, _AFTERNOON, SlotSource.POLL, poll_id=poll_id, note=note
            )
        else:
            slot = _PlannedSlot(winner["label"], day, _AFTERNOON, SlotSource.POLL, poll_id=poll_id)
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
            present = self._present_on(_local_day(slot["starts_at"]))
            came = self._keen_sample(present, _poisson(self.rng, mean_came))
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
        monday = _monday(self.first)
        template: list[tuple[int, str, tuple[time, time], str]] = []
        last_week: dict[int, int] = {}
        week = 0
        while monday <= self.horizon:
            if week % 13 == 0:
                template = [
                    (n % 7, rng.choice(regular), rng.choice(_REGULAR_TIMES), rng.choice(_LEADERS))
                    for n in range(per_week)
                ]
                last_week = {}
            planned = min(_at(monday - timedelta(days=3), time(15, 0)), self.now)
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
            "starts_at": _at(day, hours[0]),
            "ends_at": _at(day, hours[1]),
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

    def _planned_slot(self, planned: _PlannedSlot) -> Row:
        """A slot for a poll's winner or an agreed suggestion, planned the day before."""
        moment = min(_at(planned.day - timedelta(days=1), time(10, 0)), self.now)
        row = self._slot_row(planned.activity, planned.day, planned.hours, moment)
        row.update(
            place=planned.place,
            led_by=self.rng.choice(_LEADERS),
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
            cancel_reason=self.rng.choice(_CANCEL_REASONS),
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
        came: list[_Resident],
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
                    "words": rng.choice(_FEEDBACK_WORDS) if self._chance(0.12) else None,
                    "created_at": given,
                    "updated_at": given,
                }
            )

    # -- menus ---------------------------------------------------------------------------

    def _menus(self) -> None:
        """The demo's two-week menu cycle every day, and the dishes suggestions put on it."""
        cycle_start = _monday(self.first)
        menus: dict[tuple[date, Meal], list[Row]] = {}
        day = self.first
        kitchen = self.staff[StaffRole.KITCHEN][0]
        last_day = max([self.horizon, *(link.day for link in self.menu_links)])
        while day <= last_day:
            today = content.MENU_CYCLE[(day - cycle_start).days % len(content.MENU_CYCLE)]
            planned = min(_at(_monday(day) - timedelta(days=3), time(11, 0)), self.now)
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

    # -- care plans ----------------------------------------------------------------------

    def _care_plans(self) -> None:
        tables: dict[type[Base], list[Row]] = {
            model: []
            for model in (
                CarePlan,
                CarePlanVersion,
                CarePlanSectionText,
                CarePlanGoal,
                CarePlanRoutine,
                CarePlanRisk,
                CarePlanConfirmation,
                CarePlanReview,
                TalkRequest,
            )
        }
        for resident in self.residents:
            self._care_plan(resident, tables)
        for model, rows in tables.items():
            self.writer.put(model, rows)

    def _care_plan(self, resident: _Resident, tables: dict[type[Base], list[Row]]) -> None:
        """The first plan soon after moving in (or after the home began using the kiosk),
        reviewed every few months; some reviews write a new version."""
        rng = self.rng
        start = max(resident.moved_in, self.first) + timedelta(days=rng.randint(2, 14))
        until = self.last if resident.left is None else min(self.last, resident.left - _DAY)
        if start > until:
            return
        plan = _Plan(self._id("care_plan"))
        tables[CarePlan].append(
            {"id": plan.plan_id, "resident_id": resident.id, "created_at": _at(start, time(14))}
        )
        self._version(resident, plan, start, True, tables)
        # Newcomers' plans are reviewed after their first month; others carry on as before.
        first_review = (28, 56) if resident.moved_in >= self.first else (7, _REVIEW_EVERY_DAYS[1])
        day = start + timedelta(days=rng.randint(*first_review))
        while day <= until and _at(day, time(15)) <= self.now:
            self._review(resident, plan, day, tables)
            day += timedelta(days=rng.randint(*_REVIEW_EVERY_DAYS))
        self._talk_requests(resident, plan, start, until, tables)

    def _version(
        self,
        resident: _Resident,
        plan: _Plan,
        day: date,
        took_part: bool,
        tables: dict[type[Base], list[Row]],
    ) -> int:
        rng = self.rng
        number = len(plan.versions) + 1
        version_id = self._id("care_plan_version")
        plan.versions.append((day, version_id))
        changing = list(CarePlanSection) if number == 1 else rng.sample(list(CarePlanSection), 2)
        for section in changing:
            plan.sections[section] = rng.randrange(len(_SECTION_WORDS[section]))
        writer = self._one_of(rng.choice((StaffRole.CARER, StaffRole.MANAGER)))
        written = _at(day, time(14, 0))
        tables[CarePlanVersion].append(
            {
                "id": version_id,
                "care_plan_id": plan.plan_id,
                "version_number": number,
                "written_by_staff_id": writer,
                "supported_by": f"{resident.kin}, and {self.staff_names[writer]}",
                "people_present": f"{resident.name}, {resident.kin}",
                "resident_took_part": took_part,
                "change_summary": "First plan, written together."
                if number == 1
                else rng.choice(_CHANGES),
                "next_review_on": day + timedelta(days=120),
                "created_at": written,
            }
        )
        names = {"name": resident.name, "kin": resident.kin}
        tables[CarePlanSectionText].extend(
            {
                "id": self._id("care_plan_section"),
                "version_id": version_id,
                "section": section.value,
                "body": _SECTION_WORDS[section][plan.sections[section]].format(**names),
            }
            for section in CarePlanSection
        )
        self._goals_routines_risks(version_id, day, names, tables)
        self._note(
            written,
            "care_plan.edit",
            staff=writer,
            record=("resident", resident.id),
            detail=f"version {number}",
        )
        if self._chance(0.35):
            confirmed = _at(day + timedelta(days=rng.randint(1, 14)), time(11, 30))
            section = rng.choice((None, *CarePlanSection))
            if confirmed <= self.now and resident.here_on(_local_day(confirmed)):
                tables[CarePlanConfirmation].append(
                    {
                        "id": self._id("care_plan_confirmation"),
                        "version_id": version_id,
                        "section": section.value if section else None,
                        "resident_id": resident.id,
                        "confirmed_at": confirmed,
                    }
                )
                detail = section.value if section else None
                self._note(
                    confirmed,
                    "care_plan.confirm",
                    resident=resident.id,
                    record=("resident", resident.id),
                    detail=detail,
                )
        return version_id

    def _goals_routines_risks(
        self,
        version_id: int,
        day: date,
        names: Mapping[str, str],
        tables: dict[type[Base], list[Row]],
    ) -> None:
        rng = self.rng
        for position, goal in enumerate(rng.sample(_GOALS, rng.randint(2, 3)), start=1):
            tables[CarePlanGoal].append(
                {
                    "id": self._id("care_plan_goal"),
                    "version_id": version_id,
                    "position": position,
                    "goal": goal.format(**names),
                    "expressed_by": names["name"],
                    "status": (
                        GoalStatus.ACHIEVED if self._chance(0.2) else GoalStatus.ACTIVE
                    ).value,
                    "review_on": day + timedelta(days=90),
                }
            )
        for position, (name, timing, steps, music) in enumerate(
            rng.sample(_ROUTINES, rng.randint(1, 2)), start=1
        ):
            tables[CarePlanRoutine].append(
                {
                    "id": self._id("care_plan_routine"),
                    "version_id": version_id,
                    "position": position,
                    "name": name,
                    "timing": timing,
                    "steps": steps,
                    "music": music,
                }
            )
        for position, (risk, agreement) in enumerate(
            rng.sample(_RISKS, rng.randint(0, 2)), start=1
        ):
            tables[CarePlanRisk].append(
                {
                    "id": self._id("care_plan_risk"),
                    "version_id": version_id,
                    "position": position,
                    "risk": risk,
                    "agreement": agreement,
                    "agreed_by": f"{names['name']} and {names['kin']}",
                }
            )

    def _review(
        self, resident: _Resident, plan: _Plan, day: date, tables: dict[type[Base], list[Row]]
    ) -> None:
        involved = self._chance(0.85)
        if self._chance(_NEW_VERSION_AT_REVIEW):
            version_id = self._version(resident, plan, day, involved, tables)
            changed = "We wrote a new version together."
        else:
            version_id = plan.versions[-1][1]
            changed = f"Nothing changed. {resident.name} is happy with it."
        staff = self._one_of(self.rng.choice((StaffRole.CARER, StaffRole.MANAGER)))
        moment = _at(day, time(15, 0))
        tables[CarePlanReview].append(
            {
                "id": self._id("care_plan_review"),
                "care_plan_id": plan.plan_id,
                "reviewed_on": day,
                "reviewed_by_staff_id": staff,
                "people_present": f"{resident.name}, {resident.kin}, {self.staff_names[staff]}",
                "resident_involved": involved,
                "what_changed": changed,
                "version_id": version_id,
                "next_review_on": day + timedelta(days=120),
                "created_at": moment,
            }
        )
        self._note(moment, "care_plan.review", staff=staff, record=("resident", resident.id))

    def _talk_requests(
        self,
        resident: _Resident,
        plan: _Plan,
        start: date,
        until: date,
        tables: dict[type[Base], list[Row]],
    ) -> None:
        """ "I want to talk about this": raised at the kiosk or with staff, mostly resolved."""
        rng = self.rng
        span = (until - start).days
        # Few enough to count out evenly: the home's total follows the rate closely.
        self.talks_owed += span * TALK_REQUESTS_PER_RESIDENT_YEAR / _YEAR_DAYS
        requests, self.talks_owed = divmod(self.talks_owed, 1)
        for _ in range(int(requests)):
            day = start + timedelta(days=rng.randint(0, span))
            raised = min(self._moment(day), self.now)
            via = TalkRequestSource.KIOSK if self._chance(0.75) else TalkRequestSource.STAFF
            section = rng.choice(list(CarePlanSection)) if self._chance(0.7) else None
            request_id = self._id("talk_request")
            row: Row = {
                "id": request_id,
                "resident_id": resident.id,
                "version_id": plan.version_on(day),
                "section": section.value if section else None,
                "raised_via": via.value,
                "note": None if via is TalkRequestSource.KIOSK else "Asked at the review.",
                "raised_at": raised,
                "resolved_at": None,
                "resolved_by_staff_id": None,
                "resolution": None,
                "outcome_heard_at": None,
            }
            raiser = self._one_of(StaffRole.CARER)
            self._note(
                raised,
                "care_plan.talk_request",
                staff=raiser if via is TalkRequestSource.STAFF else None,
                resident=resident.id if via is TalkRequestSource.KIOSK else None,
                record=("talk_request", request_id),
                detail=row["section"],
            )
            resolved = raised + timedelta(days=rng.randint(1, 21), hours=rng.randint(1, 6))
            if resolved <= self.now and self._chance(0.92):
                staff = self._one_of(rng.choice((StaffRole.CARER, StaffRole.MANAGER)))
                heard = resolved + timedelta(days=rng.randint(1, 3))
                row.update(
                    resolved_at=resolved,
                    resolved_by_staff_id=staff,
                    resolution=rng.choice(_RESOLUTIONS).format(
                        name=resident.name, kin=resident.kin
                    ),
                    outcome_heard_at=heard if heard <= self.now and self._chance(0.7) else None,
                )
                self._note(
                    resolved,
                    "care_plan.talk_resolved",
                    staff=staff,
                    record=("talk_request", request_id),
                )
            tables[TalkRequest].append(row)

    # -- records about the records -------------------------------------------------------

    def _backups_and_exports(self) -> None:
        """A checked backup every night, and the manager's CSV export once a month."""
        rows = []
        manager = self.staff[StaffRole.MANAGER][0]
        for number, day in enumerate(self.days[1:], start=1):
            started = _at(day, time(2, 30))
            backup_id = self._id("backup_record")
            destination = f"/var/lib/our-say/backups/{backup_name(day)}"
            rows.append(
                {
                    "id": backup_id,
                    "started_at": started,
                    "finished_at": started + timedelta(seconds=self.rng.randint(4, 40)),
                    "destination": destination,
                    "byte_size": 400_000 + number * self.beds * 3_000,
                    "ok": True,
                    "message": None,
                }
            )
            self._note(started, "backup", record=("backup", backup_id), detail=destination)
            if day.day == 1:
                self._note(
                    _at(day, time(10, 0)), "export.csv", staff=manager, detail="14 CSV files"
                )
        self.writer.put(BackupRecord, rows)

    def _audit_rows(self) -> Iterator[Row]:
        """Every day's events in time order: those tied to records above, and enough
        everyday ones (sign-ins, care plans looked at) to reach the rate per resident-year."""
        ids = count(1)
        rate = AUDIT_EVENTS_PER_RESIDENT_YEAR / _YEAR_DAYS
        names = tuple(_EVERYDAY)
        weights = tuple(_EVERYDAY.values())
        for day, present in zip(self.days, self.present, strict=True):
            events = self.audit.pop(day, [])
            wanted = _poisson(self.rng, len(present) * rate) - len(events)
            if present:
                events += [
                    self._everyday(day, present, action)
                    for action in self.rng.choices(names, weights, k=max(0, wanted))
                ]
            events.sort(key=itemgetter(0))
            for moment, kind, staff, resident, action, record_type, record_id, detail in events:
                if moment <= self.now:
                    yield {
                        "id": next(ids),
                        "occurred_at": moment,
                        "actor_kind": kind.value,
                        "actor_staff_id": staff,
                        "actor_resident_id": resident,
                        "action": action,
                        "record_type": record_type,
                        "record_id": record_id,
                        "detail": detail,
                    }

    def _everyday(self, day: date, present: list[_Resident], action: str) -> AuditTuple:
        rng = self.rng
        moment = self._moment(day, 7, 20)
        person = rng.choice(present)
        if action == "staff.sign_in":
            role = rng.choices(tuple(StaffRole), (1, 2, 2, 6))[0]
            staff = self._one_of(role)
            return (moment, ActorKind.STAFF, staff, None, action, "staff", staff, None)
        if action == "pin.failed":
            return (moment, ActorKind.SYSTEM, None, None, action, "resident", person.id, None)
        if action in ("care_plan.view.own", "care_plan.unlock"):
            return (
                moment,
                ActorKind.RESIDENT,
                None,
                person.id,
                "care_plan.view" if action == "care_plan.view.own" else action,
                "resident",
                person.id,
                None,
            )
        staff = self._one_of(rng.choice((StaffRole.CARER, StaffRole.MANAGER)))
        return (moment, ActorKind.STAFF, staff, None, action, "resident", person.id, None)
