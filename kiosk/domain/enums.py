"""The fixed vocabularies of the home, shared by the schema, the services and the screens.

Every value here is stored in the database as its ``.value`` and checked there by a
CHECK constraint built from the same enum, so the two cannot drift apart silently.
"""

from __future__ import annotations

from enum import Enum, StrEnum


class StrEnumBase(StrEnum):
    """A string enum whose values are the stored words."""

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)


class ContrastTheme(StrEnumBase):
    STANDARD = "standard"
    HIGH = "high"


class CarePlanAccess(StrEnumBase):
    """How a resident reaches their own care plan at the kiosk."""

    PIN = "pin"  # their own four-digit PIN
    STAFF = "staff"  # only with a member of staff beside them (staff PIN)
    OPEN = "open"  # the resident chose an open plan: no PIN


class StaffRole(StrEnumBase):
    MANAGER = "manager"
    COORDINATOR = "coordinator"
    KITCHEN = "kitchen"
    CARER = "carer"


class ProposalTopic(StrEnumBase):
    MEAL = "meal"
    ACTIVITY = "activity"
    HOME = "home"
    OTHER = "other"


class ProposalStatus(StrEnumBase):
    """Where a suggestion is on its way from "residents said" to "we did"."""

    DRAFT = "draft"  # started, not yet sent (kept when a resident is signed out part-way)
    OPEN = "open"  # sent, waiting for an answer
    AGREED = "agreed"  # staff said yes
    NOT_NOW = "not_now"  # staff said not now, with a reason
    DECLINED = "declined"  # staff said no, with a reason
    DONE = "done"  # the agreed thing happened (menu entry, schedule slot, change made)
    WITHDRAWN = "withdrawn"  # the resident took it back


class MealSlot(StrEnumBase):
    """What a resident may suggest a dish for."""

    BREAKFAST = "breakfast"
    LUNCH = "lunch"
    TEA = "tea"
    SUPPER = "supper"
    PUDDING = "pudding"
    SNACK = "snack"


class Meal(StrEnumBase):
    """The meals on the printed menu, in the order of the day."""

    BREAKFAST = "breakfast"
    LUNCH = "lunch"
    TEA = "tea"
    SUPPER = "supper"


class Course(StrEnumBase):
    BREAKFAST = "breakfast"
    SOUP = "soup"
    MAIN = "main"
    SIDE = "side"
    PUDDING = "pudding"
    SNACK = "snack"
    DRINK = "drink"


class Allergen(StrEnumBase):
    """The fourteen allergens that UK food law requires a kitchen to declare."""

    CELERY = "celery"
    GLUTEN = "gluten"  # cereals containing gluten
    CRUSTACEANS = "crustaceans"
    EGGS = "eggs"
    FISH = "fish"
    LUPIN = "lupin"
    MILK = "milk"
    MOLLUSCS = "molluscs"
    MUSTARD = "mustard"
    TREE_NUTS = "tree_nuts"
    PEANUTS = "peanuts"
    SESAME = "sesame"
    SOYA = "soya"
    SULPHITES = "sulphites"


class DietaryTag(StrEnumBase):
    VEGETARIAN = "vegetarian"
    VEGAN = "vegan"
    HALAL = "halal"
    KOSHER = "kosher"
    NO_BEEF = "no_beef"
    NO_PORK = "no_pork"
    DIABETIC = "diabetic"
    LOW_SALT = "low_salt"
    FORTIFIED = "fortified"


class IddsiLevel(int, Enum):
    """IDDSI food texture levels 3 to 7 (levels 0 to 4 are drinks; 3 and 4 are shared)."""

    LIQUIDISED = 3
    PUREED = 4
    MINCED_AND_MOIST = 5
    SOFT_AND_BITE_SIZED = 6
    REGULAR = 7

    @classmethod
    def values(cls) -> tuple[int, ...]:
        return tuple(member.value for member in cls)


class PollKind(StrEnumBase):
    CHOOSE_ONE = "choose_one"
    YES_MAYBE_NO = "yes_maybe_no"  # for each option: yes / maybe / no (three faces)


class ResultsVisibility(StrEnumBase):
    AFTER_CLOSE = "after_close"
    LIVE = "live"


class BallotAnswer(StrEnumBase):
    CHOSEN = "chosen"  # the one option picked in a choose-one poll
    YES = "yes"
    MAYBE = "maybe"
    NO = "no"


class SlotSource(StrEnumBase):
    """Where a schedule slot came from: the link that shows "residents said, we did"."""

    PLANNED = "planned"
    POLL = "poll"
    PROPOSAL = "proposal"


class SlotStatus(StrEnumBase):
    PLANNED = "planned"
    CANCELLED = "cancelled"


class CarePlanSection(StrEnumBase):
    """Sections after the PRSB "About Me" standard, in reading order."""

    WHAT_MATTERS = "what_matters"
    IMPORTANT_PEOPLE = "important_people"
    COMMUNICATION = "communication"
    WELLNESS = "wellness"
    DO_AND_DONT = "do_and_dont"
    SUPPORT = "support"
    ALSO_KNOW = "also_know"


class GoalStatus(StrEnumBase):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    CHANGED = "changed"
    STOPPED = "stopped"


class TalkRequestSource(StrEnumBase):
    KIOSK = "kiosk"
    STAFF = "staff"


class ActorKind(StrEnumBase):
    STAFF = "staff"
    RESIDENT = "resident"
    SYSTEM = "system"


class DatabaseKind(StrEnumBase):
    """Whether a database holds a real home or the demo home (demo seeding refuses the former)."""

    LIVE = "live"
    DEMO = "demo"
