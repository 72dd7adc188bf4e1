"""What the demo home, Willow Court, holds: people, food, activities, suggestions, care plans.

Pure data and nothing else: frozen dataclasses and tuples that :mod:`kiosk.storage.demo`
turns into rows. Things refer to each other by name (a resident's preferred name, a dish's
name, an activity's title) or by a short key, never by database id. Days are counted back
from the day the demo is seeded, so the home always looks lived in "this week".

Residents speak in the first person where the words are theirs. The people are made up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from types import MappingProxyType

from kiosk.domain.enums import (
    Allergen,
    BallotAnswer,
    CarePlanAccess,
    CarePlanSection,
    ContrastTheme,
    Course,
    DietaryTag,
    GoalStatus,
    IddsiLevel,
    Meal,
    PollKind,
    ProposalStatus,
    ProposalTopic,
    ResultsVisibility,
    StaffRole,
    TalkRequestSource,
)

HOME_NAME = "Willow Court"
HOME_TIMEZONE = "Europe/London"
IDLE_TIMEOUT_SECONDS = 90

# When each meal is served, home time (used to date what happened at a meal).
MEAL_TIMES: MappingProxyType[Meal, time] = MappingProxyType(
    {
        Meal.BREAKFAST: time(8, 30),
        Meal.LUNCH: time(12, 30),
        Meal.TEA: time(16, 30),
        Meal.SUPPER: time(19, 30),
    }
)

# Every picture key used below. A later task maps each one to a pictogram.
PICTURE_KEYS: frozenset[str] = frozenset(
    {
        # food and drink
        "apple",
        "bread",
        "cake",
        "cauliflower",
        "cheese",
        "chicken",
        "chocolate",
        "coffee",
        "curry",
        "dumpling",
        "egg",
        "fish",
        "fried-egg",
        "fruit",
        "hot-chocolate",
        "onion",
        "pasta",
        "pie",
        "porridge",
        "potato",
        "pudding",
        "rice",
        "sandwich",
        "sausage",
        "soup",
        "stew",
        "strawberry",
        "tea",
        # things to do
        "beach",
        "bingo",
        "bird",
        "bus",
        "cards",
        "cat",
        "church",
        "dog",
        "domino",
        "drum",
        "exercise",
        "film",
        "flower",
        "football",
        "garden",
        "horse",
        "knitting",
        "massage",
        "music",
        "newspaper",
        "paint",
        "photo-album",
        "quiz",
        "singing",
        "talking",
    }
)


# ---------------------------------------------------------------------------------------
# People


@dataclass(frozen=True)
class DemoStaff:
    name: str
    role: StaffRole
    pin: str


@dataclass(frozen=True)
class DemoResident:
    preferred_name: str
    full_name: str
    room: str
    language: str = "en_GB"
    text_scale: int = 100
    contrast: ContrastTheme = ContrastTheme.STANDARD
    speech_rate: int = 135
    talking_buttons: bool = False
    care_plan_access: CarePlanAccess = CarePlanAccess.STAFF
    pin: str | None = None  # only for care_plan_access "pin"
    support_notes: str | None = None
    moved_in_days_ago: int = 365
    archived_days_ago: int | None = None  # set for someone who has left the home


STAFF: tuple[DemoStaff, ...] = (
    DemoStaff("Helen Carter", StaffRole.MANAGER, "4826"),
    DemoStaff("Priya Shah", StaffRole.COORDINATOR, "3719"),
    DemoStaff("Gareth Evans", StaffRole.KITCHEN, "6053"),
    DemoStaff("Tomasz Zieliński", StaffRole.CARER, "5281"),
)

RESIDENTS: tuple[DemoResident, ...] = (
    DemoResident(
        "Margaret",
        "Margaret Ellis",
        "1",
        text_scale=150,
        speech_rate=120,
        care_plan_access=CarePlanAccess.PIN,
        pin="7314",
        support_notes=(
            "Low vision (macular degeneration): big text and the read-aloud button help. "
            "Say your name when you come to her. She chose a PIN so she can listen to her "
            "care plan on her own."
        ),
        moved_in_days_ago=420,
    ),
    DemoResident(
        "Mr Patel",
        "Ramesh Patel",
        "2",
        speech_rate=145,
        care_plan_access=CarePlanAccess.PIN,
        pin="4682",
        support_notes=(
            "Likes to be called Mr Patel. Vegetarian. Hearing aid in his right ear. "
            "Keen on the quiz and on cricket."
        ),
        moved_in_days_ago=210,
    ),
    DemoResident(
        "Joan",
        "Joan Whitaker",
        "3",
        text_scale=200,
        contrast=ContrastTheme.HIGH,
        speech_rate=130,
        talking_buttons=True,
        care_plan_access=CarePlanAccess.OPEN,
        support_notes=(
            "Sight impaired: uses the biggest text, high contrast and talking buttons. "
            "She chose an open care plan because a PIN is hard for her to see."
        ),
        moved_in_days_ago=600,
    ),
    DemoResident(
        "Dai",
        "Dafydd Hughes",
        "4",
        language="cy",
        text_scale=125,
        speech_rate=125,
        support_notes=(
            "Welsh is his first language: speak Welsh if you can. Early dementia: ask one "
            "short question at a time. Can get unsettled late in the afternoon."
        ),
        moved_in_days_ago=160,
    ),
    DemoResident(
        "Eirlys",
        "Eirlys Jones",
        "5",
        language="cy",
        text_scale=150,
        speech_rate=140,
        support_notes=(
            "Prefers Welsh. Arthritis in both hands, so pressing and holding is hard for "
            "her. Helps run the Welsh chat on Tuesdays."
        ),
        moved_in_days_ago=500,
    ),
    DemoResident(
        "Helena",
        "Helena Nowak",
        "6",
        language="pl",
        text_scale=125,
        speech_rate=140,
        care_plan_access=CarePlanAccess.PIN,
        pin="9157",
        support_notes=(
            "Polish is her first language. Tremor in her right hand, so she may tap twice "
            "by mistake. Loves the Polish tea afternoon and knitting."
        ),
        moved_in_days_ago=330,
    ),
    DemoResident(
        "Mrs Kaur",
        "Gurdev Kaur",
        "7",
        language="pa",
        text_scale=150,
        speech_rate=125,
        care_plan_access=CarePlanAccess.OPEN,
        support_notes=(
            "Prefers Punjabi. Hearing aid in her left ear: sit on her left. Vegetarian "
            "(no meat, fish or eggs). Has diabetes."
        ),
        moved_in_days_ago=380,
    ),
    DemoResident(
        "Bill",
        "William Thompson",
        "8",
        speech_rate=110,
        care_plan_access=CarePlanAccess.OPEN,
        support_notes=(
            "Hearing aids in both ears: check they are in and switched on. Face him and "
            "speak clearly. He chose an open care plan."
        ),
        moved_in_days_ago=700,
    ),
    DemoResident(
        "Dot",
        "Dorothy Baker",
        "9",
        text_scale=125,
        speech_rate=115,
        support_notes=(
            "Early dementia. Best in the mornings. Loves baking and old songs. May need "
            "reminding what she chose."
        ),
        moved_in_days_ago=260,
    ),
    DemoResident(
        "Mr Okafor",
        "Samuel Okafor",
        "10",
        speech_rate=150,
        care_plan_access=CarePlanAccess.OPEN,
        support_notes=(
            "Has type 2 diabetes. Goes to church every Sunday. Likes a quiet corner to read "
            "the paper."
        ),
        moved_in_days_ago=150,
    ),
    DemoResident(
        "Pat",
        "Patricia Flynn",
        "11",
        text_scale=175,
        contrast=ContrastTheme.HIGH,
        speech_rate=135,
        support_notes=(
            "Tremor in both hands. Soft and bite-sized food (IDDSI level 6) after a speech "
            "and language therapy check."
        ),
        moved_in_days_ago=450,
    ),
    DemoResident(
        "Ron",
        "Ronald Fisher",
        "12",
        text_scale=150,
        speech_rate=160,
        talking_buttons=True,
        support_notes=(
            "Had a stroke. His speech is slow (aphasia), and he understands much more than he "
            "can say: give him time. Puréed food (IDDSI level 4)."
        ),
        moved_in_days_ago=300,
    ),
    DemoResident(
        "Edna",
        "Edna Morris",
        "14",
        support_notes="Moved to a nursing home nearer her son.",
        moved_in_days_ago=800,
        archived_days_ago=60,
    ),
)

STAFF_PINS: MappingProxyType[str, str] = MappingProxyType(
    {member.role.value: member.pin for member in STAFF}
)
RESIDENT_PINS: MappingProxyType[str, str] = MappingProxyType(
    {person.preferred_name: person.pin for person in RESIDENTS if person.pin is not None}
)


# ---------------------------------------------------------------------------------------
# Food


@dataclass(frozen=True)
class DemoDish:
    name: str
    course: Course
    picture: str
    description: str
    allergens: tuple[Allergen, ...] = ()
    tags: tuple[DietaryTag, ...] = ()
    iddsi: IddsiLevel = IddsiLevel.REGULAR


_A = Allergen
_T = DietaryTag
_VEG = (DietaryTag.VEGETARIAN,)
_VEGAN = (DietaryTag.VEGETARIAN, DietaryTag.VEGAN)
_LAMB = (DietaryTag.NO_BEEF, DietaryTag.NO_PORK)

# Drinks and smooth soups do not fit IDDSI's food levels well (drinks have their own
# levels 0 to 4); the soups here are blended and thickened to level 3, drinks are level 7.
DISHES: tuple[DemoDish, ...] = (
    # breakfast
    DemoDish(
        "Porridge",
        Course.BREAKFAST,
        "porridge",
        "Oats made with milk. Honey or sugar if you like.",
        (_A.GLUTEN, _A.MILK),
        _VEG,
        IddsiLevel.SOFT_AND_BITE_SIZED,
    ),
    DemoDish(
        "Full English breakfast",
        Course.BREAKFAST,
        "fried-egg",
        "Bacon, sausage, fried egg, beans, tomato and toast.",
        (_A.GLUTEN, _A.EGGS, _A.SULPHITES),
    ),
    DemoDish(
        "Scrambled egg on toast",
        Course.BREAKFAST,
        "egg",
        "Scrambled egg on buttered toast.",
        (_A.EGGS, _A.MILK, _A.GLUTEN),
        _VEG,
    ),
    DemoDish(
        "Soft scrambled egg",
        Course.BREAKFAST,
        "egg",
        "Scrambled with butter and cream, with no toast.",
        (_A.EGGS, _A.MILK),
        (_T.VEGETARIAN, _T.FORTIFIED),
        IddsiLevel.SOFT_AND_BITE_SIZED,
    ),
    DemoDish(
        "Boiled egg and soldiers",
        Course.BREAKFAST,
        "egg",
        "A soft-boiled egg with strips of buttered toast.",
        (_A.EGGS, _A.GLUTEN, _A.MILK),
        _VEG,
    ),
    DemoDish(
        "Kippers and brown bread",
        Course.BREAKFAST,
        "fish",
        "Grilled kippers with brown bread and butter.",
        (_A.FISH, _A.GLUTEN, _A.MILK),
    ),
    DemoDish(
        "Toast and marmalade",
        Course.BREAKFAST,
        "bread",
        "White or brown toast, butter and orange marmalade.",
        (_A.GLUTEN, _A.MILK),
        _VEG,
    ),
    # soups
    DemoDish(
        "Cream of tomato soup",
        Course.SOUP,
        "soup",
        "Smooth tomato soup with a swirl of cream.",
        (_A.MILK, _A.CELERY),
        _VEG,
        IddsiLevel.LIQUIDISED,
    ),
    DemoDish(
        "Leek and potato soup",
        Course.SOUP,
        "soup",
        "Smooth and creamy.",
        (_A.MILK, _A.CELERY),
        _VEG,
        IddsiLevel.LIQUIDISED,
    ),
    DemoDish(
        "Welsh cawl",
        Course.SOUP,
        "soup",
        "Lamb, leeks, potato and swede in a broth, as they make it in Wales.",
        (_A.CELERY,),
        _LAMB,
    ),
    DemoDish(
        "Żurek",
        Course.SOUP,
        "soup",
        "Polish sour rye soup with white sausage and a boiled egg.",
        (_A.GLUTEN, _A.EGGS, _A.CELERY),
    ),
    DemoDish(
        "Red lentil and carrot soup",
        Course.SOUP,
        "soup",
        "Smooth, warming and made without milk.",
        (_A.CELERY,),
        _VEGAN,
        IddsiLevel.LIQUIDISED,
    ),
    # mains
    DemoDish(
        "Fish pie",
        Course.MAIN,
        "fish",
        "Cod and smoked haddock in a white sauce with boiled egg, under mashed potato.",
        (_A.FISH, _A.MILK, _A.GLUTEN, _A.EGGS),
        (),
        IddsiLevel.SOFT_AND_BITE_SIZED,
    ),
    DemoDish(
        "Shepherd's pie",
        Course.MAIN,
        "pie",
        "Minced lamb, carrot and onion in gravy, under buttery mash.",
        (_A.MILK, _A.CELERY, _A.GLUTEN),
        _LAMB,
        IddsiLevel.SOFT_AND_BITE_SIZED,
    ),
    DemoDish(
        "Puréed shepherd's pie",
        Course.MAIN,
        "pie",
        "Smooth lamb in gravy and smooth mash, set out on the plate like the real thing.",
        (_A.MILK, _A.CELERY),
        (*_LAMB, _T.FORTIFIED),
        IddsiLevel.PUREED,
    ),
    DemoDish(
        "Roast chicken dinner",
        Course.MAIN,
        "chicken",
        "Roast chicken, roast potatoes, carrots, peas and gravy.",
        (_A.GLUTEN, _A.CELERY),
        _LAMB,
    ),
    DemoDish(
        "Minced chicken in gravy with mash",
        Course.MAIN,
        "chicken",
        "Finely minced chicken in thick gravy, with creamy mash.",
        (_A.MILK, _A.CELERY),
        (*_LAMB, _T.FORTIFIED),
        IddsiLevel.MINCED_AND_MOIST,
    ),
    DemoDish(
        "Beef stew and dumplings",
        Course.MAIN,
        "stew",
        "Slow-cooked beef and vegetables with suet dumplings.",
        (_A.GLUTEN, _A.CELERY),
        (_T.NO_PORK,),
    ),
    DemoDish(
        "Sausage and mash with onion gravy",
        Course.MAIN,
        "sausage",
        "Pork sausages, mashed potato and onion gravy.",
        (_A.GLUTEN, _A.SULPHITES, _A.MILK, _A.CELERY),
    ),
    DemoDish(
        "Welsh rarebit",
        Course.MAIN,
        "cheese",
        "Cheese, mustard and a splash of milk, melted on toast.",
        (_A.GLUTEN, _A.MILK, _A.MUSTARD),
        _VEG,
    ),
    DemoDish(
        "Macaroni cheese",
        Course.MAIN,
        "pasta",
        "Soft pasta in a cheese sauce with a pinch of mustard.",
        (_A.GLUTEN, _A.MILK, _A.MUSTARD),
        _VEG,
        IddsiLevel.SOFT_AND_BITE_SIZED,
    ),
    DemoDish(
        "Pierogi ruskie",
        Course.MAIN,
        "dumpling",
        "Polish dumplings filled with potato, cheese and onion, with soured cream.",
        (_A.GLUTEN, _A.EGGS, _A.MILK),
        _VEG,
    ),
    DemoDish(
        "Dal with rice",
        Course.MAIN,
        "rice",
        "Red lentils cooked soft with garlic, cumin and turmeric, with rice.",
        (),
        _VEGAN,
        IddsiLevel.SOFT_AND_BITE_SIZED,
    ),
    DemoDish(
        "Aloo gobi with chapati",
        Course.MAIN,
        "curry",
        "Potato and cauliflower curry, mild, with a soft chapati.",
        (_A.GLUTEN,),
        _VEGAN,
    ),
    DemoDish(
        "Halal chicken curry with rice",
        Course.MAIN,
        "curry",
        "A mild chicken curry made with yoghurt, with rice.",
        (_A.MILK,),
        (_T.HALAL, _T.NO_BEEF, _T.NO_PORK),
    ),
    DemoDish(
        "Baked salmon with new potatoes",
        Course.MAIN,
        "fish",
        "With peas and a little butter.",
        (_A.FISH, _A.MILK),
        (_T.DIABETIC,),
    ),
    DemoDish(
        "Vegetable lasagne",
        Course.MAIN,
        "pasta",
        "Layers of egg pasta, vegetables in tomato sauce, and cheese sauce.",
        (_A.GLUTEN, _A.MILK, _A.EGGS, _A.CELERY),
        _VEG,
    ),
    DemoDish(
        "Cheese omelette",
        Course.MAIN,
        "egg",
        "A soft folded omelette with grated cheese.",
        (_A.EGGS, _A.MILK),
        (_T.VEGETARIAN, _T.DIABETIC),
        IddsiLevel.SOFT_AND_BITE_SIZED,
    ),
    DemoDish(
        "Jacket potato with beans and cheese",
        Course.MAIN,
        "potato",
        "A baked potato with baked beans and grated cheese.",
        (_A.MILK,),
        _VEG,
    ),
    DemoDish(
        "Puréed fish in parsley sauce",
        Course.MAIN,
        "fish",
        "Smooth white fish in parsley sauce, with smooth mash.",
        (_A.FISH, _A.MILK),
        (_T.FORTIFIED,),
        IddsiLevel.PUREED,
    ),
    DemoDish(
        "Egg mayonnaise sandwiches",
        Course.MAIN,
        "sandwich",
        "Soft white bread, egg mayonnaise and cress.",
        (_A.EGGS, _A.GLUTEN, _A.MUSTARD),
        _VEG,
    ),
    DemoDish(
        "Ham and tomato sandwiches",
        Course.MAIN,
        "sandwich",
        "Ham and sliced tomato on buttered bread.",
        (_A.GLUTEN, _A.MILK),
    ),
    # sides
    DemoDish(
        "Smooth mashed potato",
        Course.SIDE,
        "potato",
        "Creamy mash with butter and milk, with no lumps.",
        (_A.MILK,),
        (_T.VEGETARIAN, _T.FORTIFIED),
        IddsiLevel.PUREED,
    ),
    DemoDish(
        "Cauliflower cheese",
        Course.SIDE,
        "cauliflower",
        "Soft cauliflower in a cheese sauce.",
        (_A.MILK, _A.GLUTEN, _A.MUSTARD),
        _VEG,
        IddsiLevel.SOFT_AND_BITE_SIZED,
    ),
    # puddings
    DemoDish(
        "Apple crumble and custard",
        Course.PUDDING,
        "apple",
        "Stewed Bramley apples under a crumble topping, with hot custard.",
        (_A.GLUTEN, _A.MILK, _A.EGGS),
        _VEG,
    ),
    DemoDish(
        "Rice pudding",
        Course.PUDDING,
        "pudding",
        "Creamy baked rice pudding, with jam if you like.",
        (_A.MILK,),
        _VEG,
        IddsiLevel.SOFT_AND_BITE_SIZED,
    ),
    DemoDish(
        "Kheer",
        Course.PUDDING,
        "pudding",
        "Indian rice pudding with cardamom and a few chopped almonds.",
        (_A.MILK, _A.TREE_NUTS),
        _VEG,
        IddsiLevel.SOFT_AND_BITE_SIZED,
    ),
    DemoDish(
        "Strawberries and ice cream",
        Course.PUDDING,
        "strawberry",
        "Fresh strawberries with vanilla ice cream.",
        (_A.MILK,),
        _VEG,
    ),
    DemoDish(
        "Chocolate mousse",
        Course.PUDDING,
        "chocolate",
        "Light and smooth.",
        (_A.MILK, _A.EGGS),
        _VEG,
        IddsiLevel.PUREED,
    ),
    DemoDish(
        "Sernik",
        Course.PUDDING,
        "cake",
        "Polish baked cheesecake.",
        (_A.MILK, _A.EGGS, _A.GLUTEN),
        _VEG,
    ),
    # snacks
    DemoDish(
        "Bara brith",
        Course.SNACK,
        "cake",
        "Welsh fruit loaf made with tea, sliced and buttered.",
        (_A.GLUTEN, _A.EGGS, _A.MILK),
        _VEG,
    ),
    DemoDish(
        "Soft fruit pot",
        Course.SNACK,
        "fruit",
        "Banana, melon and peaches, cut small.",
        (),
        _VEGAN,
        IddsiLevel.SOFT_AND_BITE_SIZED,
    ),
    # drinks
    DemoDish("Tea", Course.DRINK, "tea", "A pot of tea, with milk if you like.", (_A.MILK,), _VEG),
    DemoDish("Coffee", Course.DRINK, "coffee", "Fresh coffee, with milk if you like.", (_A.MILK,)),
    DemoDish(
        "Hot chocolate",
        Course.DRINK,
        "hot-chocolate",
        "Made with full-fat milk: good if you need building up.",
        (_A.MILK,),
        (_T.VEGETARIAN, _T.FORTIFIED),
    ),
    DemoDish(
        "Masala chai",
        Course.DRINK,
        "tea",
        "Tea brewed with milk, ginger and cardamom.",
        (_A.MILK,),
        _VEG,
    ),
)


@dataclass(frozen=True)
class DemoDayMenu:
    """The choices at each meal on one day, by dish name, in the order they are offered."""

    breakfast: tuple[str, ...]
    lunch: tuple[str, ...]
    tea: tuple[str, ...]
    supper: tuple[str, ...]

    def choices(self, meal: Meal) -> tuple[str, ...]:
        return {
            Meal.BREAKFAST: self.breakfast,
            Meal.LUNCH: self.lunch,
            Meal.TEA: self.tea,
            Meal.SUPPER: self.supper,
        }[meal]


# A two-week menu cycle, Monday to Sunday twice: this week, then next week.
# Dal is on Tuesdays and aloo gobi on Fridays, as the kitchen promised Mr Patel.
MENU_CYCLE: tuple[DemoDayMenu, ...] = (
    # this week
    DemoDayMenu(
        ("Porridge", "Full English breakfast", "Toast and marmalade"),
        ("Welsh cawl", "Fish pie", "Macaroni cheese"),
        ("Cream of tomato soup", "Egg mayonnaise sandwiches", "Sernik"),
        ("Hot chocolate", "Soft fruit pot"),
    ),
    DemoDayMenu(
        ("Porridge", "Scrambled egg on toast", "Kippers and brown bread"),
        ("Roast chicken dinner", "Dal with rice", "Minced chicken in gravy with mash"),
        ("Leek and potato soup", "Ham and tomato sandwiches", "Rice pudding"),
        ("Masala chai", "Soft fruit pot"),
    ),
    DemoDayMenu(
        ("Porridge", "Boiled egg and soldiers", "Soft scrambled egg"),
        ("Shepherd's pie", "Puréed shepherd's pie", "Cheese omelette"),
        ("Red lentil and carrot soup", "Welsh rarebit", "Apple crumble and custard"),
        ("Hot chocolate", "Tea"),
    ),
    DemoDayMenu(
        ("Porridge", "Full English breakfast", "Toast and marmalade"),
        ("Beef stew and dumplings", "Jacket potato with beans and cheese", "Cauliflower cheese"),
        ("Cream of tomato soup", "Egg mayonnaise sandwiches", "Kheer"),
        ("Coffee", "Soft fruit pot"),
    ),
    DemoDayMenu(
        ("Porridge", "Kippers and brown bread", "Scrambled egg on toast"),
        ("Fish pie", "Aloo gobi with chapati", "Puréed fish in parsley sauce"),
        ("Leek and potato soup", "Cheese omelette", "Strawberries and ice cream"),
        ("Hot chocolate", "Masala chai"),
    ),
    DemoDayMenu(
        ("Porridge", "Boiled egg and soldiers", "Toast and marmalade"),
        ("Sausage and mash with onion gravy", "Pierogi ruskie", "Macaroni cheese"),
        ("Żurek", "Ham and tomato sandwiches", "Sernik"),
        ("Tea", "Soft fruit pot"),
    ),
    DemoDayMenu(
        ("Porridge", "Full English breakfast", "Soft scrambled egg"),
        ("Roast chicken dinner", "Vegetable lasagne", "Minced chicken in gravy with mash"),
        ("Cream of tomato soup", "Egg mayonnaise sandwiches", "Chocolate mousse"),
        ("Hot chocolate", "Coffee"),
    ),
    # next week
    DemoDayMenu(
        ("Porridge", "Scrambled egg on toast", "Toast and marmalade"),
        ("Halal chicken curry with rice", "Macaroni cheese", "Puréed shepherd's pie"),
        ("Red lentil and carrot soup", "Ham and tomato sandwiches", "Apple crumble and custard"),
        ("Hot chocolate", "Soft fruit pot"),
    ),
    DemoDayMenu(
        ("Porridge", "Full English breakfast", "Boiled egg and soldiers"),
        ("Baked salmon with new potatoes", "Dal with rice", "Puréed fish in parsley sauce"),
        ("Leek and potato soup", "Welsh rarebit", "Bara brith"),
        ("Masala chai", "Tea"),
    ),
    DemoDayMenu(
        ("Porridge", "Kippers and brown bread", "Soft scrambled egg"),
        ("Beef stew and dumplings", "Cheese omelette", "Minced chicken in gravy with mash"),
        ("Cream of tomato soup", "Egg mayonnaise sandwiches", "Rice pudding"),
        ("Hot chocolate", "Soft fruit pot"),
    ),
    DemoDayMenu(
        ("Porridge", "Scrambled egg on toast", "Toast and marmalade"),
        ("Shepherd's pie", "Pierogi ruskie", "Puréed shepherd's pie"),
        ("Welsh cawl", "Jacket potato with beans and cheese", "Kheer"),
        ("Coffee", "Tea"),
    ),
    DemoDayMenu(
        ("Porridge", "Full English breakfast", "Soft scrambled egg"),
        ("Fish pie", "Aloo gobi with chapati", "Puréed fish in parsley sauce"),
        ("Cream of tomato soup", "Cheese omelette", "Strawberries and ice cream"),
        ("Hot chocolate", "Masala chai"),
    ),
    DemoDayMenu(
        ("Porridge", "Boiled egg and soldiers", "Kippers and brown bread"),
        ("Sausage and mash with onion gravy", "Vegetable lasagne", "Macaroni cheese"),
        ("Żurek", "Egg mayonnaise sandwiches", "Sernik"),
        ("Tea", "Soft fruit pot"),
    ),
    DemoDayMenu(
        ("Porridge", "Full English breakfast", "Toast and marmalade"),
        ("Roast chicken dinner", "Jacket potato with beans and cheese", "Puréed shepherd's pie"),
        ("Leek and potato soup", "Ham and tomato sandwiches", "Chocolate mousse"),
        ("Hot chocolate", "Coffee"),
    ),
)


# ---------------------------------------------------------------------------------------
# Activities and the week


@dataclass(frozen=True)
class DemoActivity:
    title: str
    description: str
    picture: str
    default_place: str


ACTIVITIES: tuple[DemoActivity, ...] = (
    DemoActivity(
        "Armchair exercise",
        "Gentle stretches and moves, sitting down. Go at your own pace.",
        "exercise",
        "Lounge",
    ),
    DemoActivity(
        "Singing for fun",
        "Old favourites, with the words in big print. No one minds a wrong note.",
        "singing",
        "Lounge",
    ),
    DemoActivity(
        "Gardening club",
        "Planting, potting and watering in the raised beds. Gloves and aprons ready.",
        "garden",
        "Garden",
    ),
    DemoActivity(
        "Baking",
        "Make scones or a cake together, then eat them with a cup of tea.",
        "cake",
        "Activity kitchen",
    ),
    DemoActivity("Bingo", "Big number cards and small prizes.", "bingo", "Dining room"),
    DemoActivity(
        "Memory lane",
        "Old photos, songs and things from the past, to start a good chat.",
        "photo-album",
        "Quiet room",
    ),
    DemoActivity(
        "Hand massage",
        "A slow hand massage with warm cream, and your nails done if you like.",
        "massage",
        "Quiet room",
    ),
    DemoActivity(
        "Film afternoon",
        "A favourite film on the big screen, with tea and ice cream.",
        "film",
        "Lounge",
    ),
    DemoActivity(
        "Church service",
        "A short service with hymns, led by the vicar from St Mary's.",
        "church",
        "Lounge",
    ),
    DemoActivity(
        "Trip to the seaside",
        "A day out by the sea in the minibus, with fish and chips.",
        "beach",
        "Rhyl seafront",
    ),
    DemoActivity(
        "Welsh chat (Sgwrs)",
        "A cup of tea and a chat in Welsh. Learners are very welcome.",
        "talking",
        "Conservatory",
    ),
    DemoActivity("Dominoes", "A friendly game or two. We can teach you.", "domino", "Dining room"),
    DemoActivity(
        "Flower arranging",
        "Make a small vase of flowers for your room or the dining tables.",
        "flower",
        "Conservatory",
    ),
    DemoActivity(
        "Pet therapy",
        "Bramble the therapy dog comes to visit. Stroke her, talk to her, or just watch.",
        "dog",
        "Lounge",
    ),
    DemoActivity(
        "Quiz",
        "Questions read out loud, in teams. Everyone knows something.",
        "quiz",
        "Dining room",
    ),
    DemoActivity(
        "Music and movement",
        "Move to music in your chair, with shakers, scarves and songs.",
        "music",
        "Lounge",
    ),
    DemoActivity(
        "Knitting circle",
        "Bring your knitting, or learn. Squares for a blanket for the children's ward.",
        "knitting",
        "Lounge",
    ),
    DemoActivity(
        "Punjabi music afternoon",
        "Punjabi songs and the dhol drum, with tea and sweets.",
        "drum",
        "Lounge",
    ),
    DemoActivity(
        "Polish tea afternoon",
        "Tea with lemon, cheesecake and Polish songs.",
        "tea",
        "Dining room",
    ),
    DemoActivity(
        "Newspaper and a cuppa",
        "We read out the day's news and talk about it over a cup of tea.",
        "newspaper",
        "Lounge",
    ),
    DemoActivity(
        "Painting",
        "Watercolours and big brushes. No skill needed.",
        "paint",
        "Conservatory",
    ),
    DemoActivity("Card games", "Whist, rummy or snap: you choose.", "cards", "Dining room"),
    DemoActivity(
        "Trip to the garden centre",
        "A trip in the minibus to look at the plants and have tea and cake.",
        "bus",
        "Meadow Garden Centre",
    ),
)


@dataclass(frozen=True)
class DemoSlot:
    """One activity on one day of a week (0 is Monday), at home time."""

    weekday: int
    activity: str
    starts: time
    ends: time
    led_by: str
    place: str | None = None  # None: the activity's usual place
    poll: str | None = None  # key of the poll it came from
    proposal: str | None = None  # key of the suggestion it came from
    cancel_reason: str | None = None
    note: str | None = None


_MORNING = (time(10, 30), time(11, 30))
_SHORT_MORNING = (time(10, 30), time(11, 15))
_AFTERNOON = (time(14, 30), time(15, 30))
_LONG_AFTERNOON = (time(14, 0), time(16, 0))
_EVENING = (time(18, 30), time(19, 30))

SCHEDULE_LAST_WEEK: tuple[DemoSlot, ...] = (
    DemoSlot(0, "Armchair exercise", *_SHORT_MORNING, "Priya"),
    DemoSlot(0, "Gardening club", *_AFTERNOON, "Priya", poll="new-activity"),
    DemoSlot(1, "Welsh chat (Sgwrs)", *_MORNING, "Gareth and Eirlys"),
    DemoSlot(
        1,
        "Bingo",
        *_AFTERNOON,
        "Priya",
        cancel_reason="Priya was off sick, so there was no one to call the numbers. Sorry. "
        "Bingo is back next Tuesday.",
    ),
    DemoSlot(
        2,
        "Trip to the seaside",
        time(10, 0),
        time(16, 0),
        "Priya and Tomasz",
        proposal="seaside",
        note="Minibus leaves from the front door at 10. Bring a warm coat.",
    ),
    DemoSlot(
        2,
        "Newspaper and a cuppa",
        *_MORNING,
        "Tomasz",
        note="For everyone staying at home today.",
    ),
    DemoSlot(3, "Music and movement", *_SHORT_MORNING, "Hannah from Music Makers"),
    DemoSlot(3, "Pet therapy", *_AFTERNOON, "Sue and Bramble the dog"),
    DemoSlot(3, "Quiz", *_EVENING, "Priya"),
    DemoSlot(4, "Memory lane", *_MORNING, "Priya"),
    DemoSlot(4, "Film afternoon", *_LONG_AFTERNOON, "Tomasz", note="Calamity Jane"),
    DemoSlot(5, "Flower arranging", *_MORNING, "Priya"),
    DemoSlot(5, "Polish tea afternoon", time(14, 30), time(16, 0), "Tomasz and Helena"),
    DemoSlot(6, "Church service", *_SHORT_MORNING, "Reverend Alun Price"),
    DemoSlot(6, "Singing for fun", time(15, 0), time(16, 0), "Priya"),
)

SCHEDULE_THIS_WEEK: tuple[DemoSlot, ...] = (
    DemoSlot(0, "Armchair exercise", *_SHORT_MORNING, "Priya"),
    DemoSlot(0, "Gardening club", *_AFTERNOON, "Priya", poll="new-activity"),
    DemoSlot(1, "Welsh chat (Sgwrs)", *_MORNING, "Gareth and Eirlys"),
    DemoSlot(1, "Bingo", *_AFTERNOON, "Priya"),
    DemoSlot(2, "Music and movement", *_SHORT_MORNING, "Hannah from Music Makers"),
    DemoSlot(2, "Baking", time(14, 0), time(15, 30), "Priya and Gareth", note="Welsh cakes"),
    DemoSlot(3, "Hand massage", *_MORNING, "Tomasz"),
    DemoSlot(3, "Pet therapy", *_AFTERNOON, "Sue and Bramble the dog"),
    DemoSlot(3, "Quiz", *_EVENING, "Priya"),
    DemoSlot(4, "Painting", *_MORNING, "Priya"),
    DemoSlot(4, "Film afternoon", *_LONG_AFTERNOON, "Tomasz", note="The Sound of Music"),
    DemoSlot(5, "Flower arranging", *_MORNING, "Priya"),
    DemoSlot(
        5,
        "Punjabi music afternoon",
        time(14, 30),
        time(16, 0),
        "Arjun, Mrs Kaur's grandson",
        proposal="punjabi-music",
    ),
    DemoSlot(6, "Church service", *_SHORT_MORNING, "Reverend Alun Price"),
    DemoSlot(6, "Singing for fun", time(15, 0), time(16, 0), "Priya"),
)


@dataclass(frozen=True)
class DemoFeedbackWords:
    """Words a resident added to their face for last week's session of an activity."""

    activity: str
    resident: str
    face: int
    words: str


FEEDBACK_WORDS: tuple[DemoFeedbackWords, ...] = (
    DemoFeedbackWords(
        "Trip to the seaside", "Ron", 3, "Best day I have had in years. Lovely chips."
    ),
    DemoFeedbackWords("Trip to the seaside", "Margaret", 3, "I could smell the sea. Thank you."),
    DemoFeedbackWords("Trip to the seaside", "Pat", 2, "Lovely, but the bus was very bumpy."),
    DemoFeedbackWords("Singing for fun", "Bill", 1, "Could not hear the music."),
    DemoFeedbackWords("Singing for fun", "Dot", 3, "We did all the old ones. I knew every word."),
    DemoFeedbackWords("Memory lane", "Joan", 2, "Lovely, but too short."),
    DemoFeedbackWords("Polish tea afternoon", "Helena", 3, "It felt like home. Dziękuję."),
    DemoFeedbackWords("Quiz", "Mr Patel", 3, "Our team won! Harder questions next time."),
    DemoFeedbackWords("Film afternoon", "Dai", 1, "Too long. I fell asleep."),
    DemoFeedbackWords("Gardening club", "Eirlys", 3, "My hands got cold, but I loved it."),
)


# ---------------------------------------------------------------------------------------
# Suggestions ("residents said")


@dataclass(frozen=True)
class DemoMenuLink:
    """The menu entry that carries out a suggestion: its meal, on the first of ``cycle_days``
    (0 is this Monday) not yet past when the demo is made, so a "yes, it is on the menu"
    always points at a day still to come (the last one when every day has gone)."""

    meal: Meal
    cycle_days: tuple[int, ...]

    def cycle_day(self, today: int) -> int:
        """The day to link, ``today`` being this week's day (0 Monday ... 6 Sunday)."""
        return next((day for day in self.cycle_days if day >= today), self.cycle_days[-1])


@dataclass(frozen=True)
class DemoProposal:
    key: str
    resident: str | None  # None: raised by staff for the residents' meeting
    topic: ProposalTopic
    title: str
    details: str | None
    picture: str
    status: ProposalStatus
    submitted_days_ago: int | None  # None for a draft
    raised_by: StaffRole | None = None
    meal_slot: str | None = None
    dish: str | None = None
    activity: str | None = None
    tags: tuple[DietaryTag, ...] = ()
    supporters: tuple[str, ...] = ()
    answered_days_ago: int | None = None
    answered_by: StaffRole | None = None
    response: str | None = None
    heard_days_ago: int | None = None  # None: the resident has not heard the answer yet
    menu_link: DemoMenuLink | None = None


PROPOSALS: tuple[DemoProposal, ...] = (
    DemoProposal(
        "football",
        "Ron",
        ProposalTopic.ACTIVITY,
        "Watch the football together on Saturdays",
        "The big match, on the big screen, with a pie.",
        "football",
        ProposalStatus.DRAFT,
        None,
    ),
    DemoProposal(
        "bird-feeder",
        "Eirlys",
        ProposalTopic.HOME,
        "A bird feeder outside the lounge window",
        "At home I fed the birds every morning. I miss watching them.",
        "bird",
        ProposalStatus.OPEN,
        17,
        supporters=("Margaret", "Joan", "Dai"),
    ),
    DemoProposal(
        "zurek",
        "Helena",
        ProposalTopic.MEAL,
        "Żurek soup on a Saturday",
        "Sour rye soup with egg, like my mother made. It makes me think of home.",
        "soup",
        ProposalStatus.OPEN,
        2,
        meal_slot="lunch",
        dish="Żurek",
        supporters=("Pat",),
    ),
    DemoProposal(
        "newspaper",
        "Joan",
        ProposalTopic.OTHER,
        "A large-print newspaper every morning",
        "I can't read the normal one any more, and I like to know what is going on.",
        "newspaper",
        ProposalStatus.OPEN,
        4,
        supporters=("Bill",),
    ),
    DemoProposal(
        "punjabi-music",
        "Mrs Kaur",
        ProposalTopic.ACTIVITY,
        "A Punjabi music afternoon",
        "My grandson Arjun plays the dhol. Everyone can come and listen.",
        "music",
        ProposalStatus.AGREED,
        20,
        activity="Punjabi music afternoon",
        supporters=("Mr Patel", "Helena", "Dot"),
        answered_days_ago=18,
        answered_by=StaffRole.COORDINATOR,
        response=(
            "Yes, please! Arjun can come on Saturday afternoon. We have booked the lounge, "
            "and Gareth will make some sweets."
        ),
        heard_days_ago=17,
    ),
    DemoProposal(
        "bara-brith",
        "Dai",
        ProposalTopic.MEAL,
        "Bara brith for afternoon tea",
        "With plenty of butter.",
        "cake",
        ProposalStatus.AGREED,
        13,
        meal_slot="tea",
        dish="Bara brith",
        supporters=("Eirlys", "Margaret"),
        answered_days_ago=12,
        answered_by=StaffRole.KITCHEN,
        response=(
            "Yes. I will bake it from my nain's recipe. It is on the menu for tea next "
            "Tuesday. Gareth"
        ),
        menu_link=DemoMenuLink(Meal.TEA, (8,)),
    ),
    DemoProposal(
        "veg-curry",
        "Mr Patel",
        ProposalTopic.MEAL,
        "More vegetarian curries at lunch",
        "There is not much for me at lunch on some days.",
        "curry",
        ProposalStatus.AGREED,
        30,
        meal_slot="lunch",
        tags=(DietaryTag.VEGETARIAN,),
        supporters=("Mrs Kaur",),
        answered_days_ago=27,
        answered_by=StaffRole.KITCHEN,
        response=(
            "You are right, and thank you for telling us. From now on there is dal on "
            "Tuesdays and aloo gobi on Fridays."
        ),
        heard_days_ago=26,
    ),
    DemoProposal(
        "races",
        "Bill",
        ProposalTopic.ACTIVITY,
        "A day at the races",
        "I used to go to Chester races every year with my brother.",
        "horse",
        ProposalStatus.NOT_NOW,
        25,
        supporters=("Ron",),
        answered_days_ago=22,
        answered_by=StaffRole.MANAGER,
        response=(
            "Not just now. The minibus with the wheelchair lift is being repaired, and the "
            "races are a long day. When the bus is back we will look at it again with you."
        ),
        heard_days_ago=21,
    ),
    DemoProposal(
        "cat",
        "Pat",
        ProposalTopic.HOME,
        "Could we have a cat living here?",
        "A home is not a home without a cat.",
        "cat",
        ProposalStatus.DECLINED,
        35,
        supporters=("Dot",),
        answered_days_ago=33,
        answered_by=StaffRole.MANAGER,
        response=(
            "Two people here are allergic to cats, and a cat could trip someone "
            "up. Bramble the therapy dog visits every Thursday: do come and say hello."
        ),
    ),
    DemoProposal(
        "seaside",
        "Ron",
        ProposalTopic.ACTIVITY,
        "A trip to the seaside",
        "Fish and chips by the sea. Just once more.",
        "beach",
        ProposalStatus.DONE,
        40,
        activity="Trip to the seaside",
        supporters=("Bill", "Margaret", "Joan", "Pat", "Mr Okafor"),
        answered_days_ago=38,
        answered_by=StaffRole.COORDINATOR,
        response=(
            "What a good idea. We have booked the minibus to Rhyl. The trip is on a "
            "Wednesday so the beach is quiet."
        ),
        heard_days_ago=37,
    ),
    DemoProposal(
        "cawl",
        "Eirlys",
        ProposalTopic.MEAL,
        "Welsh cawl for lunch",
        "Proper cawl, with lamb and leeks. Better the next day!",
        "soup",
        ProposalStatus.DONE,
        15,
        meal_slot="lunch",
        dish="Welsh cawl",
        supporters=("Dai",),
        answered_days_ago=14,
        answered_by=StaffRole.KITCHEN,
        response=(
            "Yes. Cawl will be on the lunch menu on a Monday soon. I will make it the day "
            "before, so it is at its best. Gareth"
        ),
        menu_link=DemoMenuLink(Meal.LUNCH, (0,)),
    ),
    DemoProposal(
        "liver",
        "Dot",
        ProposalTopic.MEAL,
        "Liver and onions",
        "I changed my mind. I had it at my son's last week.",
        "onion",
        ProposalStatus.WITHDRAWN,
        9,
        meal_slot="lunch",
    ),
    # Meal ideas waiting in the kitchen's inbox, with "me too"s; some typed in Welsh or
    # Punjabi, as the residents wrote them. Jollof rice has waited more than 14 days.
    DemoProposal(
        "fish-and-chips",
        "Bill",
        ProposalTopic.MEAL,
        "Fish and chips on a Friday",
        "From the chip shop, in the paper, with salt and vinegar.",
        "fish",
        ProposalStatus.OPEN,
        5,
        meal_slot="lunch",
        supporters=("Ron", "Margaret", "Joan", "Mr Okafor"),
    ),
    DemoProposal(
        "crempogau",
        "Dai",
        ProposalTopic.MEAL,
        "Crempogau",
        "Fel roedd Mam yn eu gwneud, gyda menyn a siwgr 😋",
        "cake",
        ProposalStatus.OPEN,
        3,
        meal_slot="tea",
        supporters=("Eirlys",),
    ),
    DemoProposal(
        "saag",
        "Mrs Kaur",
        ProposalTopic.MEAL,
        "ਸਰ੍ਹੋਂ ਦਾ ਸਾਗ ਤੇ ਮੱਕੀ ਦੀ ਰੋਟੀ",
        "ਸਰਦੀਆਂ ਵਿੱਚ ਮੇਰੀ ਮਾਂ ਇਹ ਬਣਾਉਂਦੀ ਸੀ।",
        "curry",
        ProposalStatus.OPEN,
        6,
        meal_slot="lunch",
        tags=(DietaryTag.VEGETARIAN,),
        supporters=("Mr Patel",),
    ),
    DemoProposal(
        "trifle",
        "Dot",
        ProposalTopic.MEAL,
        "Trifle with a drop of sherry",
        "Like we had at Christmas. Custard, cream and sponge.",
        "pudding",
        ProposalStatus.OPEN,
        1,
        meal_slot="pudding",
        supporters=("Pat", "Helena"),
    ),
    DemoProposal(
        "jollof",
        "Mr Okafor",
        ProposalTopic.MEAL,
        "Jollof rice",
        "The way we make it at home in Lagos, with chicken. Not too hot, please!",
        "rice",
        ProposalStatus.OPEN,
        19,
        meal_slot="lunch",
        supporters=("Mr Patel", "Dot"),
    ),
    DemoProposal(
        "kheer",
        "Mr Patel",
        ProposalTopic.MEAL,
        "Kheer for pudding",
        "Rice pudding the Indian way, with cardamom.",
        "pudding",
        ProposalStatus.AGREED,
        10,
        meal_slot="pudding",
        dish="Kheer",
        tags=(DietaryTag.VEGETARIAN,),
        supporters=("Mrs Kaur", "Helena"),
        answered_days_ago=8,
        answered_by=StaffRole.KITCHEN,
        response="We will make it with cardamom, the way you told us. Gareth",
        menu_link=DemoMenuLink(Meal.TEA, (3, 10)),  # Thursday's tea, or next week's
    ),
    DemoProposal(
        "steak-kidney",
        "Margaret",
        ProposalTopic.MEAL,
        "Steak and kidney pie",
        "A proper pie, like I made for the family on a Sunday.",
        "pie",
        ProposalStatus.NOT_NOW,
        12,
        meal_slot="lunch",
        supporters=("Bill",),
        answered_days_ago=10,
        answered_by=StaffRole.KITCHEN,
        response=(
            "Not just now. Our butcher cannot get kidney at the moment. I will ask him again "
            "next month. Gareth"
        ),
        heard_days_ago=9,
    ),
    DemoProposal(
        "sardines",
        "Joan",
        ProposalTopic.MEAL,
        "Sardines on",
        None,
        "fish",
        ProposalStatus.DRAFT,
        None,
        meal_slot="tea",
    ),
    DemoProposal(
        "knitting",
        None,
        ProposalTopic.ACTIVITY,
        "A knitting circle (from the residents' meeting)",
        "Helena and Dot asked at the residents' meeting for a weekly knitting group.",
        "knitting",
        ProposalStatus.NOT_NOW,
        45,
        raised_by=StaffRole.COORDINATOR,
        activity="Knitting circle",
        supporters=("Helena", "Dot", "Mrs Kaur"),
        answered_days_ago=26,
        answered_by=StaffRole.COORDINATOR,
        response=(
            "We put it to the vote with other ideas. The knitting circle came second, and "
            "the gardening club won, so that started first. We will ask again next month."
        ),
        heard_days_ago=25,
    ),
    # An activity idea waiting in the coordinator's inbox, with "me too"s.
    DemoProposal(
        "garden-centre",
        "Margaret",
        ProposalTopic.ACTIVITY,
        "A trip to the garden centre",
        "To look at the plants, and have tea and cake in the café.",
        "flower",
        ProposalStatus.OPEN,
        6,
        supporters=("Eirlys", "Dot", "Helena"),
    ),
)


# ---------------------------------------------------------------------------------------
# Polls


@dataclass(frozen=True)
class DemoPollOption:
    label: str
    picture: str
    activity: str | None = None
    proposal: str | None = None


@dataclass(frozen=True)
class DemoBallot:
    """``chosen`` is the position (1..n) picked in a choose-one poll; ``answers`` is one
    yes / maybe / no per option, in order, in a yes-maybe-no poll."""

    resident: str
    chosen: int | None = None
    answers: tuple[BallotAnswer, ...] = ()


@dataclass(frozen=True)
class DemoPoll:
    key: str
    question: str
    kind: PollKind
    visibility: ResultsVisibility
    options: tuple[DemoPollOption, ...]
    ballots: tuple[DemoBallot, ...]
    opens_days_ago: int  # opens at 9 in the morning that day
    runs_days: int  # closes at 5 in the afternoon this many days after opening


_Y, _M, _N = BallotAnswer.YES, BallotAnswer.MAYBE, BallotAnswer.NO

POLLS: tuple[DemoPoll, ...] = (
    DemoPoll(
        "new-activity",
        "Which new weekly activity shall we start?",
        PollKind.CHOOSE_ONE,
        ResultsVisibility.AFTER_CLOSE,
        (
            DemoPollOption("Gardening club", "garden", activity="Gardening club"),
            DemoPollOption(
                "Knitting circle", "knitting", activity="Knitting circle", proposal="knitting"
            ),
            DemoPollOption("Card games", "cards", activity="Card games"),
            DemoPollOption("Dominoes", "domino", activity="Dominoes"),
        ),
        (
            DemoBallot("Margaret", chosen=1),
            DemoBallot("Dai", chosen=1),
            DemoBallot("Mr Okafor", chosen=1),
            DemoBallot("Eirlys", chosen=1),
            DemoBallot("Bill", chosen=1),
            DemoBallot("Helena", chosen=2),
            DemoBallot("Dot", chosen=2),
            DemoBallot("Mrs Kaur", chosen=2),
            DemoBallot("Pat", chosen=3),
            DemoBallot("Ron", chosen=4),
        ),
        opens_days_ago=35,
        runs_days=7,
    ),
    DemoPoll(
        "saturday",
        "What would you like to do next Saturday afternoon?",
        PollKind.CHOOSE_ONE,
        ResultsVisibility.AFTER_CLOSE,
        (
            DemoPollOption("Bingo", "bingo", activity="Bingo"),
            DemoPollOption("A film", "film", activity="Film afternoon"),
            DemoPollOption("Singing", "singing", activity="Singing for fun"),
            DemoPollOption("Baking", "cake", activity="Baking"),
        ),
        (
            DemoBallot("Margaret", chosen=3),
            DemoBallot("Mr Patel", chosen=1),
            DemoBallot("Dai", chosen=3),
            DemoBallot("Helena", chosen=4),
            DemoBallot("Joan", chosen=3),
            DemoBallot("Bill", chosen=2),
            DemoBallot("Dot", chosen=4),
        ),
        opens_days_ago=1,
        runs_days=6,
    ),
    DemoPoll(
        "try-something-new",
        "Would you like to try these?",
        PollKind.YES_MAYBE_NO,
        ResultsVisibility.LIVE,
        (
            DemoPollOption("A visit from the school choir", "singing"),
            DemoPollOption("Chair yoga", "exercise"),
            DemoPollOption("Fish and chips on Fridays", "fish"),
        ),
        (
            DemoBallot("Margaret", answers=(_Y, _M, _Y)),
            DemoBallot("Mr Okafor", answers=(_Y, _N, _Y)),
            DemoBallot("Pat", answers=(_M, _Y, _N)),
            DemoBallot("Eirlys", answers=(_Y, _M, _Y)),
            DemoBallot("Ron", answers=(_Y, _N, _Y)),
            DemoBallot("Mrs Kaur", answers=(_Y, _Y, _N)),
        ),
        opens_days_ago=1,
        runs_days=6,
    ),
)


# ---------------------------------------------------------------------------------------
# Care plans, written with the person


@dataclass(frozen=True)
class DemoGoal:
    goal: str
    expressed_by: str
    status: GoalStatus = GoalStatus.ACTIVE
    review_after_days: int = 91  # counted from the day the version was written


@dataclass(frozen=True)
class DemoRoutine:
    name: str
    timing: str
    steps: str
    music: str | None = None


@dataclass(frozen=True)
class DemoRisk:
    risk: str
    agreement: str
    agreed_by: str


@dataclass(frozen=True)
class DemoPlanVersion:
    """One saved version. ``sections`` holds only what changed: later versions carry the
    rest forward from the version before. The first version names all seven sections."""

    written_days_ago: int
    written_by: StaffRole
    supported_by: str
    people_present: str
    resident_took_part: bool
    sections: tuple[tuple[CarePlanSection, str], ...]
    goals: tuple[DemoGoal, ...]
    routines: tuple[DemoRoutine, ...]
    risks: tuple[DemoRisk, ...]
    change_summary: str | None = None
    next_review_after_days: int = 91


@dataclass(frozen=True)
class DemoReview:
    """The review that produced a plan's latest version."""

    reviewed_by: StaffRole
    people_present: str
    what_changed: str


@dataclass(frozen=True)
class DemoConfirmation:
    """ "Yes, that's right", on the latest version (``section`` None: the whole plan)."""

    section: CarePlanSection | None
    days_ago: int


@dataclass(frozen=True)
class DemoTalkRequest:
    """ "I want to talk about this" on one version (index into the plan's versions)."""

    version_index: int
    section: CarePlanSection | None
    raised_via: TalkRequestSource
    note: str
    raised_days_ago: int
    resolved_days_ago: int | None = None
    resolved_by: StaffRole | None = None
    resolution: str | None = None
    outcome_heard_days_ago: int | None = None


@dataclass(frozen=True)
class DemoCarePlan:
    resident: str
    versions: tuple[DemoPlanVersion, ...]
    review: DemoReview
    confirmations: tuple[DemoConfirmation, ...] = ()
    talk_requests: tuple[DemoTalkRequest, ...] = ()


_S = CarePlanSection

_MARGARET_ROUTINE = DemoRoutine(
    "Morning",
    "I wake about 7. Tea at half past, then up at 8.",
    "Tea in bed first, with the radio on. Then I wash at the sink on my own: please leave "
    "my flannel and soap in the same place every day. Then help me choose my clothes by "
    "telling me the colours.",
    "Radio 4, not too loud",
)
_MARGARET_V1_RISK = DemoRisk(
    "Falls: my eyes are poor and I have fallen twice in my room.",
    "We agreed I keep my stick with me, the night light stays on and nothing is left on "
    "the floor. I still walk to the garden on my own in daylight.",
    "Margaret, Susan and Tomasz",
)
_MARGARET_V2_RISK = DemoRisk(
    "Falls: I fell in my room again and now use a walking frame.",
    "We agreed I use my frame indoors and out, and someone walks with me when the path is "
    "wet. I still walk to the garden every day. That was my choice, and it matters to me.",
    "Margaret, Susan and Tomasz",
)

MARGARET_PLAN = DemoCarePlan(
    "Margaret",
    (
        DemoPlanVersion(
            240,
            StaffRole.CARER,
            "Written with Margaret and her daughter Susan",
            "Margaret, Susan (daughter), Tomasz (carer)",
            True,
            (
                (
                    _S.WHAT_MATTERS,
                    "My daughter Susan and my grandsons. Doing things for myself for as long "
                    "as I can. The radio, and The Archers most of all: I have not missed it in "
                    "forty years. Please call me Margaret, not love or dear.",
                ),
                (
                    _S.IMPORTANT_PEOPLE,
                    "Susan, my daughter, comes on Tuesdays and Saturdays. My grandsons Owen "
                    "and Jack ring on Sunday evenings. My husband Ken died in 2019, and I like "
                    "to talk about him. My friend Joan lives here too.",
                ),
                (
                    _S.COMMUNICATION,
                    "I cannot see faces well any more. Please say your name when you come in, "
                    "and tell me what you are doing. Stand in front of me in good light, not "
                    "with the window behind you. My hearing is fine.",
                ),
                (
                    _S.WELLNESS,
                    "I have macular degeneration and eye drops twice a day. I feel low in the "
                    "winter, and when I can't do things for myself. A walk in the garden "
                    "cheers me up.",
                ),
                (
                    _S.DO_AND_DONT,
                    "Please knock and wait. Please put things back where I left them, or I "
                    "can't find them. Please don't move my chair. Please don't rush me at "
                    "meals.",
                ),
                (
                    _S.SUPPORT,
                    "I need help to read my letters and to find things in my room. I wash and "
                    "dress myself, but I like someone to check my clothes match. I walk with "
                    "a stick.",
                ),
                (
                    _S.ALSO_KNOW,
                    "I taught at a primary school in Wrexham for 35 years. I still love a "
                    "spelling game.",
                ),
            ),
            (
                DemoGoal("I want to walk to the garden bench every day on my own.", "Margaret"),
                DemoGoal(
                    "I want my letters read to me on the day they come, not a week later.",
                    "Margaret",
                ),
            ),
            (_MARGARET_ROUTINE,),
            (_MARGARET_V1_RISK,),
        ),
        DemoPlanVersion(
            130,
            StaffRole.CARER,
            "Written with Margaret",
            "Margaret, Tomasz (carer)",
            True,
            (
                (
                    _S.WELLNESS,
                    "I have macular degeneration and eye drops twice a day. I had another "
                    "fall and hurt my hip, so I use a walking frame now. I feel low when I "
                    "can't do things for myself. A walk in the garden cheers me up.",
                ),
                (
                    _S.SUPPORT,
                    "I need help to read my letters and to find things in my room. I wash and "
                    "dress myself, but I like someone to check my clothes match. I walk with "
                    "my frame now, not my stick. I listen to talking books from the library.",
                ),
            ),
            (
                DemoGoal(
                    "I want to walk to the garden bench every day with my frame.",
                    "Margaret",
                ),
                DemoGoal(
                    "I want my letters read to me on the day they come, not a week later.",
                    "Margaret",
                    GoalStatus.ACHIEVED,
                ),
            ),
            (_MARGARET_ROUTINE,),
            (_MARGARET_V2_RISK,),
            change_summary=(
                "Margaret now uses a walking frame after a fall. She asked us to write that "
                "she still wants to walk to the garden every day. Letters are now read to her "
                "the day they come."
            ),
        ),
        DemoPlanVersion(
            21,
            StaffRole.MANAGER,
            "Written with Margaret and her daughter Susan at her review",
            "Margaret, Susan (daughter), Helen (manager), Tomasz (carer)",
            True,
            (
                (
                    _S.WHAT_MATTERS,
                    "My daughter Susan and my grandsons. Doing things for myself for as long "
                    "as I can. The radio, and The Archers most of all. Singing on Sunday "
                    "afternoons. Please call me Margaret, not love or dear.",
                ),
                (
                    _S.ALSO_KNOW,
                    "I taught at a primary school in Wrexham for 35 years. I still love a "
                    "spelling game. I have my own PIN for this plan, so I can listen to it on "
                    "my own.",
                ),
            ),
            (
                DemoGoal(
                    "I want to walk to the garden bench every day with my frame.",
                    "Margaret",
                    GoalStatus.ACHIEVED,
                ),
                DemoGoal(
                    "I want to sing a hymn on my own at the Sunday service.",
                    "Margaret",
                    review_after_days=60,
                ),
            ),
            (
                DemoRoutine(
                    "Morning",
                    "I wake about 7 but like to lie in. Tea at 8, then up at half past.",
                    "Tea in bed first, with the radio on. Then I wash at the sink on my own: "
                    "please leave my flannel and soap in the same place every day. Then help "
                    "me choose my clothes by telling me the colours.",
                    "Radio 4, not too loud",
                ),
            ),
            (_MARGARET_V2_RISK,),
            change_summary=(
                "Margaret asked for her own PIN so she can listen to her plan alone. Her "
                "morning starts later now. She joined the singing group and wants to sing at "
                "the Sunday service."
            ),
        ),
    ),
    DemoReview(
        StaffRole.MANAGER,
        "Margaret, Susan (daughter), Helen (manager), Tomasz (carer)",
        "Margaret walks to the garden every day with her frame: goal met. New goal about "
        "singing. Later mornings. Her own PIN for her plan.",
    ),
    confirmations=(
        DemoConfirmation(_S.WHAT_MATTERS, 20),
        DemoConfirmation(None, 19),
    ),
    talk_requests=(
        DemoTalkRequest(
            2,
            _S.WELLNESS,
            TalkRequestSource.KIOSK,
            "I want to talk about my eye drops.",
            2,
        ),
    ),
)

_DAI_V1_RISK = DemoRisk(
    "Going out alone: late in the day Dad sometimes tries to leave to check on the sheep.",
    "The garden door is kept locked in the afternoons for now. To talk about with Dad "
    "when he is well.",
    "Rhys (son) and Helen (manager)",
)

DAI_PLAN = DemoCarePlan(
    "Dai",
    (
        DemoPlanVersion(
            150,
            StaffRole.MANAGER,
            "Written with Dai's son Rhys, from what Dai has told him over the years",
            "Rhys (son), Helen (manager)",
            False,
            (
                (
                    _S.WHAT_MATTERS,
                    "Rhys tells us: Dad's farm, his dogs and chapel matter most to him. He "
                    "likes to be spoken to in Welsh.",
                ),
                (
                    _S.IMPORTANT_PEOPLE,
                    "Rhys tells us: me (Rhys, his son), and his granddaughter Elin. Mam, Gwen, "
                    "died five years ago.",
                ),
                (
                    _S.COMMUNICATION,
                    "Rhys tells us: Welsh is his first language. His English goes when he is "
                    "tired.",
                ),
                (
                    _S.WELLNESS,
                    "Rhys tells us: his memory is getting worse. He takes heart tablets in "
                    "the morning.",
                ),
                (
                    _S.DO_AND_DONT,
                    "Rhys tells us: please don't argue with him when he is muddled.",
                ),
                (
                    _S.SUPPORT,
                    "Rhys tells us: he needs reminding about his tablets. He has a shower "
                    "each morning.",
                ),
                (
                    _S.ALSO_KNOW,
                    "Rhys tells us: he farmed sheep near Bala for fifty years.",
                ),
            ),
            (
                DemoGoal(
                    "Dad would like to keep going to chapel.",
                    "Rhys (son)",
                    review_after_days=30,
                ),
            ),
            (
                DemoRoutine(
                    "Morning",
                    "Rhys says Dad is up by 6.",
                    "Shower, shave, then breakfast.",
                ),
            ),
            (_DAI_V1_RISK,),
            next_review_after_days=30,
        ),
        DemoPlanVersion(
            45,
            StaffRole.CARER,
            "Written with Dai in Welsh, with help from Gareth (a Welsh speaker on our staff) "
            "and his son Rhys",
            "Dai, Rhys (son), Tomasz (carer), Gareth (Welsh speaker)",
            True,
            (
                (
                    _S.WHAT_MATTERS,
                    "Speaking Welsh. Talking about the farm at Llanuwchllyn and my dogs, Fly "
                    "and Mot. Chapel on a Sunday. A good bowl of cawl.",
                ),
                (
                    _S.IMPORTANT_PEOPLE,
                    "My son Rhys comes every Sunday after chapel. My granddaughter Elin is at "
                    "university in Aberystwyth and sends me postcards. My wife Gwen died five "
                    "years ago. I like to talk about her.",
                ),
                (
                    _S.COMMUNICATION,
                    "Welsh is my first language. When I am tired my English goes. Speak to me "
                    "in Welsh if you can, or slowly in English, one short question at a time. "
                    "I may ask the same thing twice. Please answer kindly each time.",
                ),
                (
                    _S.WELLNESS,
                    "My memory is not what it was. Late in the afternoon I get muddled and "
                    "want to go and see to the sheep. A walk outside and a cup of tea help. I "
                    "take heart tablets in the morning.",
                ),
                (
                    _S.DO_AND_DONT,
                    "Please tell me who you are each time. Please let me help with jobs: I am "
                    "not used to sitting still. Please don't tell me I am wrong when I am "
                    "muddled. Tell me Rhys is seeing to the farm. He is.",
                ),
                (
                    _S.SUPPORT,
                    "I can wash and dress myself if my clothes are laid out in order. I like a "
                    "bath, not a shower, on Sunday morning before chapel. Please remind me "
                    "about my tablets.",
                ),
                (
                    _S.ALSO_KNOW,
                    "I farmed sheep near Bala for fifty years. My dogs won prizes at the "
                    "sheepdog trials.",
                ),
            ),
            (
                DemoGoal("I want to help in the garden: digging and planting.", "Dai (in Welsh)"),
                DemoGoal(
                    "I want to go to my own chapel in Bala once a month with Rhys.",
                    "Dai and Rhys",
                ),
            ),
            (
                DemoRoutine(
                    "Sunday morning",
                    "Up at 7, bath at half past, ready for Rhys at half past 9.",
                    "A bath, not too hot. A clean shirt and my chapel tie. Tea and toast, then "
                    "I wait by the front door for Rhys.",
                    "Welsh hymns: Calon Lân",
                ),
            ),
            (
                DemoRisk(
                    "Going out alone: late in the day I sometimes want to leave to check on "
                    "the sheep.",
                    "We agreed I can go into the garden whenever I like; the garden is safe "
                    "and has a gate with a keypad. If I want to go further, a carer walks "
                    "round the block with me.",
                    "Dai, Rhys and Tomasz",
                ),
            ),
            change_summary=(
                "The first version Dai wrote himself, in Welsh. He changed some things Rhys "
                "had guessed: he likes a bath, not a shower, and he wants to help in the "
                "garden. The garden door is no longer locked."
            ),
        ),
    ),
    DemoReview(
        StaffRole.CARER,
        "Dai, Rhys (son), Tomasz (carer), Gareth (Welsh speaker)",
        "Dai took part for the first time. Bath on Sundays instead of a shower. He can go "
        "into the garden whenever he likes. New goal: helping in the garden.",
    ),
    talk_requests=(
        DemoTalkRequest(
            0,
            _S.SUPPORT,
            TalkRequestSource.STAFF,
            "Dai told Gareth in Welsh that he does not like the shower.",
            60,
            resolved_days_ago=45,
            resolved_by=StaffRole.CARER,
            resolution=(
                "We talked with Dai in Welsh, with Gareth helping. He now has a bath on "
                "Sunday mornings. This is in his new plan."
            ),
            outcome_heard_days_ago=44,
        ),
    ),
)

_KAUR_ROUTINE = DemoRoutine(
    "Morning prayers",
    "At half past 6, before anyone helps me.",
    "Please leave me quiet for half an hour while I pray. Then help me with my stockings. "
    "On Thursdays, help me wash and comb my hair.",
    "Gurbani kirtan on my small radio",
)
_KAUR_SUGAR_RISK = DemoRisk(
    "Low blood sugar: I have diabetes and sometimes skip supper.",
    "I keep biscuits in my drawer. If I have not eaten, staff check my sugar before bed. "
    "I still choose what I eat.",
    "Mrs Kaur, Simran (granddaughter) and Tomasz",
)

KAUR_PLAN = DemoCarePlan(
    "Mrs Kaur",
    (
        DemoPlanVersion(
            100,
            StaffRole.CARER,
            "Written with Mrs Kaur and her granddaughter Simran, who helped with Punjabi",
            "Mrs Kaur, Simran (granddaughter), Tomasz (carer)",
            True,
            (
                (
                    _S.WHAT_MATTERS,
                    "My faith and my family. I say my prayers every morning. I eat no meat, "
                    "fish or eggs. My hair stays long and covered, and my kara (steel bangle) "
                    "is never taken off.",
                ),
                (
                    _S.IMPORTANT_PEOPLE,
                    "My son Harjit and his wife Manjit come on Wednesdays. My granddaughter "
                    "Simran helps me with English letters. My grandson Arjun plays the dhol.",
                ),
                (
                    _S.COMMUNICATION,
                    "Punjabi is my language. I understand some English if you speak slowly. I "
                    "wear hearing aids. Please check they are in and working.",
                ),
                (
                    _S.WELLNESS,
                    "I have diabetes and take tablets with breakfast and supper. My knees hurt "
                    "in the cold. I like to keep busy. I get lonely in the evenings.",
                ),
                (
                    _S.DO_AND_DONT,
                    "Please give me my chunni (scarf) to cover my head when I leave my room. "
                    "Please don't give me food with egg or gelatine in it. Please never cut my "
                    "hair.",
                ),
                (
                    _S.SUPPORT,
                    "I need help to stand up from a low chair and with my stockings. I wash "
                    "myself, but I need help to wash and comb my long hair on Thursdays.",
                ),
                (_S.ALSO_KNOW, ""),
            ),
            (
                DemoGoal(
                    "I want to go to the gurdwara for the big festivals.",
                    "Mrs Kaur (in Punjabi, Simran helping)",
                ),
            ),
            (_KAUR_ROUTINE,),
            (_KAUR_SUGAR_RISK,),
        ),
        DemoPlanVersion(
            10,
            StaffRole.MANAGER,
            "Written with Mrs Kaur, her son Harjit helping with Punjabi",
            "Mrs Kaur, Harjit (son), Helen (manager)",
            True,
            (
                (
                    _S.COMMUNICATION,
                    "Punjabi is my language. I understand some English if you speak slowly. I "
                    "wear one hearing aid now, in my left ear. Please sit on my left and check "
                    "it is working.",
                ),
                (
                    _S.WELLNESS,
                    "I have diabetes and take tablets with breakfast and supper. My knees hurt "
                    "in the cold. I like to keep busy. The Punjabi music afternoon helps when "
                    "I am lonely.",
                ),
                (
                    _S.ALSO_KNOW,
                    "I came to Birmingham in 1968 and worked as a seamstress for thirty years. "
                    "I can still sew: ask me to mend something!",
                ),
            ),
            (
                DemoGoal(
                    "I want to go to the gurdwara for the big festivals.",
                    "Mrs Kaur (in Punjabi, Simran helping)",
                    GoalStatus.ACHIEVED,
                ),
                DemoGoal(
                    "I want to hear Punjabi music here, with other people.",
                    "Mrs Kaur",
                ),
                DemoGoal(
                    "I want to help mend clothes for the home's sale.",
                    "Mrs Kaur",
                    review_after_days=45,
                ),
            ),
            (_KAUR_ROUTINE,),
            (
                _KAUR_SUGAR_RISK,
                DemoRisk(
                    "Getting up from low chairs: my knees are weak.",
                    "I use the higher chair with arms in the lounge. I agreed to this because "
                    "it is easier for me to get up on my own.",
                    "Mrs Kaur, Harjit (son) and Helen",
                ),
            ),
            change_summary=(
                "Added what Mrs Kaur wants people to know about her life. She has one hearing "
                "aid now, in her left ear. Her Punjabi music afternoon is booked. New goal "
                "about sewing."
            ),
        ),
    ),
    DemoReview(
        StaffRole.MANAGER,
        "Mrs Kaur, Harjit (son), Helen (manager)",
        "Went to the gurdwara with Harjit: goal met. New goals about music and sewing. A "
        "higher chair in the lounge, agreed with her.",
    ),
    confirmations=(DemoConfirmation(_S.IMPORTANT_PEOPLE, 9),),
)

CARE_PLANS: tuple[DemoCarePlan, ...] = (MARGARET_PLAN, DAI_PLAN, KAUR_PLAN)
