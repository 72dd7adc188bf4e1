"""What the generated home, Alder House, is made of: names, ideas, answers, care-plan words.

Pure data and nothing else: tuples and mappings that :mod:`kiosk.storage.generated` draws
from at random, and the weights it draws some of them by. Dishes, activities, the staff
who run the home and the menu cycle are the demo home's (:mod:`kiosk.storage.demo_content`).

Residents speak in the first person where the words are theirs. The people are made up.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time

from kiosk.domain.enums import (
    CarePlanSection,
    Course,
    DietaryTag,
    Meal,
    MealSlot,
    ProposalTopic,
    StaffRole,
)
from kiosk.domain.ideas import IdeaAnswerKind
from kiosk.domain.meals import AnswerKind
from kiosk.storage import demo_content

HOME_NAME = "Alder House"

# ---------------------------------------------------------------------------------------
# People: residents' names by language group, their families, support needs; the staff.

NAMES: Mapping[str, tuple[str, str, str, str]] = {
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
NAME_GROUP_WEIGHTS = {"en_GB": 55, "cy": 20, "pl": 12, "pa": 13}
DIETS: Mapping[str, tuple[DietaryTag, ...]] = {  # one resident in six has one
    "en_GB": (DietaryTag.DIABETIC, DietaryTag.VEGETARIAN, DietaryTag.LOW_SALT),
    "cy": (DietaryTag.DIABETIC, DietaryTag.LOW_SALT),
    "pl": (DietaryTag.DIABETIC, DietaryTag.FORTIFIED),
    "pa": (DietaryTag.VEGETARIAN, DietaryTag.NO_BEEF),
}
RESIDENT_PINS = tuple(demo_content.RESIDENT_PINS.values())  # the demo's, hashed once each
SUPPORT_NOTES = (
    "Low vision: big text and the read-aloud button help. Say your name when you come in.",
    "Hard of hearing in the left ear. Sit on her right and face her.",
    "Early dementia: give one choice at a time, and time to answer.",
    "Tremor in both hands: the big buttons work well for him.",
    "Aphasia after a stroke: pictures and yes or no questions work best.",
)
KIN = ("Susan", "David", "Anne", "Gareth", "Kasia", "Harpreet", "Paul", "Carol", "Sian", "Tom")
# fmt: off
STAFF_NAMES = (
    "Hannah Price", "Sue Morgan", "Kasia Nowak", "Daniel Roberts", "Amrit Sandhu",
    "Lowri Evans", "Mark Jenkins", "Joy Okafor", "Rhian Thomas", "Piotr Lewandowski",
    "Grace Mensah", "Ben Clarke", "Nadia Hussain", "Owen Hughes", "Ffion Davies",
    "Ravi Gill", "Emma Walsh", "Chris Baker", "Megan Lloyd", "Sam Turner",
    "Aisha Khan", "Tom Pritchard", "Beth Williams", "Maria Silva", "Jack Wood",
    "Zofia Kamińska", "Leah Griffiths", "Dev Patel", "Carys Jones", "Ian Shaw",
)
# fmt: on
EXTRA_STAFF_ROLES = (
    StaffRole.CARER,
    StaffRole.CARER,
    StaffRole.KITCHEN,
    StaffRole.CARER,
    StaffRole.COORDINATOR,
    StaffRole.CARER,
    StaffRole.CARER,
    StaffRole.MANAGER,
)
LEADERS = ("Priya", "Tomasz", "Hannah", "Sue", "Gareth", "Kasia", "Volunteers")

# ---------------------------------------------------------------------------------------
# Suggestions: which meal a dish is for, ideas residents type in, the staff's answers.

SLOT_FOR_COURSE = {
    Course.BREAKFAST: MealSlot.BREAKFAST,
    Course.SOUP: MealSlot.TEA,
    Course.MAIN: MealSlot.LUNCH,
    Course.SIDE: MealSlot.LUNCH,
    Course.PUDDING: MealSlot.PUDDING,
    Course.SNACK: MealSlot.SNACK,
    Course.DRINK: MealSlot.SUPPER,
}
MEAL_FOR_SLOT = {
    MealSlot.BREAKFAST: Meal.BREAKFAST,
    MealSlot.LUNCH: Meal.LUNCH,
    MealSlot.TEA: Meal.TEA,
    MealSlot.SUPPER: Meal.SUPPER,
    MealSlot.PUDDING: Meal.TEA,
    MealSlot.SNACK: Meal.SUPPER,
}
# Dishes residents type in; the kitchen adds one to its dishes the first time it says yes.
MEAL_IDEAS: tuple[tuple[str, Course, str], ...] = (
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
ACTIVITY_WISHES = ("{title}, please", "{title} more often", "{title} at the weekend")
# Activities residents type in: (title, picture, the activity it is planned as, if any).
ACTIVITY_IDEAS: tuple[tuple[str, str, str | None], ...] = (
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
HOME_IDEAS: tuple[tuple[str, str], ...] = (
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
OTHER_IDEAS: tuple[tuple[str, str], ...] = (
    ("Visits from the library van", "newspaper"),
    ("The hairdresser twice a week", "idea"),
    ("Help to phone my family on video", "talk"),
    ("Large-print newspapers", "newspaper"),
)
WHY = (
    "I used to love it.",
    "It reminds me of home.",
    "We all talked about it at lunch.",
    "My husband and I had it every Sunday.",
    "It would cheer us all up.",
)
TOPIC_WEIGHTS = {
    ProposalTopic.MEAL: 45,
    ProposalTopic.ACTIVITY: 30,
    ProposalTopic.HOME: 20,
    ProposalTopic.OTHER: 5,
}
MEAL_ANSWER_WEIGHTS = {AnswerKind.ON_MENU: 55, AnswerKind.NOT_NOW: 25, AnswerKind.NO: 20}
IDEA_ANSWER_WEIGHTS = {
    IdeaAnswerKind.YES: 40,
    IdeaAnswerKind.DONE: 20,
    IdeaAnswerKind.NOT_NOW: 25,
    IdeaAnswerKind.NO: 15,
}
KITCHEN_WORDS = (
    "We will make it with extra gravy.",
    "Gareth will make it the way you told us.",
    "It will be a choice, with a soft one too.",
)
# Reasons for "not now" and "no", in the staff's words, by what the suggestion is about.
NOT_NOW_WORDS: Mapping[ProposalTopic, tuple[str, ...]] = {
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
NO_WORDS: Mapping[ProposalTopic, tuple[str, ...]] = {
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

# ---------------------------------------------------------------------------------------
# The programme: cancelled slots, residents' words after, when things happen, outings.

CANCEL_REASONS = (
    "Priya is off sick. It is on again next week.",
    "The minibus would not start.",
    "Too wet and windy. We will try again soon.",
)
FEEDBACK_WORDS = tuple(said.words for said in demo_content.FEEDBACK_WORDS)

REGULAR_TIMES = (
    (time(10, 30), time(11, 30)),
    (time(14, 30), time(15, 30)),
    (time(14, 0), time(16, 0)),
    (time(18, 30), time(19, 30)),
    (time(11, 0), time(12, 0)),
    (time(15, 45), time(16, 45)),
)
TRIP_TIMES = (time(10, 0), time(16, 0))
AFTERNOON = (time(14, 30), time(15, 30))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FILMS = ("The Sound of Music", "Brief Encounter", "Mary Poppins", "Calamity Jane", "Zulu")
TRIPS = (  # (label, picture, the trip activity, place)
    ("The seaside", "beach", "Trip to the seaside", "Rhyl seafront"),
    ("The garden centre", "bus", "Trip to the garden centre", "Meadow Garden Centre"),
    ("The pier at Llandudno", "beach", "Trip to the seaside", "Llandudno pier"),
)

# ---------------------------------------------------------------------------------------
# Care plans, in the resident's words.

SECTION_WORDS: Mapping[CarePlanSection, tuple[str, ...]] = {
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
GOALS = (
    "Walk to the garden bench on my own",
    "Go to chapel once a month",
    "Phone my sister every Sunday",
    "Help in the activity kitchen",
    "Sleep better at night",
    "Sit out in the sun when it is warm",
    "Go to the shops with {kin}",
)
ROUTINES = (
    ("Morning", "About 8", "Tea first, then a wash. I choose my clothes.", "Radio 2, quietly"),
    ("Bedtime", "About 10", "Hot milk, then the lamp on low.", None),
    ("After lunch", "About 2", "A rest in my chair with my feet up.", None),
)
RISKS = (
    ("Falls when I get up at night", "A sensor mat, and I will ring the bell."),
    ("Choking on dry food", "Soft food, sitting up, with someone nearby."),
    ("Going out alone", "I tell the office when I go to the shop, and take my phone."),
)
CHANGES = (
    "Changed how I like my mornings.",
    "A new goal, in my own words.",
    "Updated who visits and when.",
    "Changed after a fall: more help at night.",
)
RESOLUTIONS = (
    "We talked it through with {name} and changed the plan together.",
    "We talked with {name} and {kin}. Nothing needed to change.",
    "{name} wanted a later breakfast. It is in the plan now.",
)

# ---------------------------------------------------------------------------------------
# The audit trail.

# Everyday audit events, and how often each comes up.
EVERYDAY = {
    "staff.sign_in": 52,
    "care_plan.view": 30,
    "care_plan.view.own": 6,
    "care_plan.unlock": 4,
    "care_plan.history": 3,
    "care_plan.print": 3,
    "pin.failed": 2,
}
