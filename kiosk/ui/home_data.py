"""What the window needs from the home's database: the services it and its screens use.

The services are described here as Protocols, so the ui never imports them: the
composition root (``kiosk.app``) hands the real ones over in a :class:`HomeData`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pathlib import Path

    from kiosk.domain.access import Actor
    from kiosk.domain.enums import CarePlanAccess, StaffRole
    from kiosk.domain.residents import Resident, ResidentPreferences
    from kiosk.domain.staff import AuditEntry, StaffMember
    from kiosk.printing.records_output import SavedRecords
    from kiosk.ui.print_job import Printout
    from kiosk.ui.resident_records_panel import ResidentRecordsKeeper
    from kiosk.ui.screens.activity_feedback_screen import FeedbackReader
    from kiosk.ui.screens.answers_screen import Answers, IdeaAnswers
    from kiosk.ui.screens.backups_screen import BackupKeeper
    from kiosk.ui.screens.care_plans_screen import CarePlanDesk
    from kiosk.ui.screens.dishes_screen import DishKitchen
    from kiosk.ui.screens.evidence_screen import EvidenceSource
    from kiosk.ui.screens.how_was_it_screen import FeedbackBox
    from kiosk.ui.screens.ideas_inbox_screen import IdeaInbox
    from kiosk.ui.screens.kitchen_inbox_screen import SuggestionInbox
    from kiosk.ui.screens.menu_planner_screen import MenuPlanning
    from kiosk.ui.screens.my_care_plan_screen import CarePlanReader, PlanConversation
    from kiosk.ui.screens.polls_screen import ActivityCatalogue, PollDesk
    from kiosk.ui.screens.polls_screen import ActivityIdeas as PollIdeas
    from kiosk.ui.screens.suggest_idea_screen import ResidentIdeas
    from kiosk.ui.screens.suggest_meal_screen import MealIdeas
    from kiosk.ui.screens.this_week_screen import WeekReader
    from kiosk.ui.screens.vote_screen import PollBox
    from kiosk.ui.screens.week_planner_screen import ActivityIdeas, PollWinners, WeekPlanning

    class MealSuggestions(MealIdeas, Answers, SuggestionInbox, Protocol):
        """The suggestions service: residents' ideas, the kitchen's answers."""

    class Menus(DishKitchen, MenuPlanning, Protocol):
        """The menus service: dishes and the weekly menu."""

    class Ideas(IdeaInbox, ActivityIdeas, PollIdeas, ResidentIdeas, IdeaAnswers, Protocol):
        """The ideas service: residents' ideas for activities and the home, and answers."""

    class Schedule(FeedbackBox, FeedbackReader, WeekPlanning, ActivityCatalogue, Protocol):
        """The schedule service: activities, the week's slots, attendance and feedback."""

    class Polls(PollBox, PollWinners, PollDesk, Protocol):
        """The polls service: residents vote, the coordinator makes polls and reads results."""

    class CarePlans(CarePlanReader, CarePlanDesk, Protocol):
        """The care-plan service: plans read, written, compared and reviewed."""

    class CarePlanTalk(PlanConversation, Protocol):
        """The care-plan talk service: confirmations, requests to talk and their outcomes."""


class Residents(Protocol):
    def list_active(self) -> Sequence[Resident]: ...
    def get(self, resident_id: int) -> Resident: ...
    def photo(self, resident_id: int) -> bytes | None: ...
    def update_preferences(
        self, actor: Actor, resident_id: int, changes: ResidentPreferences
    ) -> Resident: ...


class StaffAccounts(Protocol):
    """The staff service, as the window and the staff screens use it."""

    def needs_first_manager(self) -> bool: ...
    def create_first_manager(self, name: str, pin: str) -> StaffMember: ...
    def sign_in_choices(self) -> Sequence[StaffMember]: ...
    def sign_in(self, staff_id: int, pin: str) -> Actor: ...
    def leave_kiosk_mode(self, actor: Actor) -> None: ...
    def list(self, actor: Actor) -> Sequence[StaffMember]: ...
    def add(self, actor: Actor, name: str, role: StaffRole, pin: str) -> StaffMember: ...
    def set_role(self, actor: Actor, staff_id: int, role: StaffRole) -> StaffMember: ...
    def reset_pin(self, actor: Actor, staff_id: int, pin: str) -> StaffMember: ...
    def disable(self, actor: Actor, staff_id: int) -> StaffMember: ...


class PrivateAccess(Protocol):
    def access_mode(self, resident_id: int) -> CarePlanAccess: ...
    def open_plan(self, resident_id: int) -> Actor: ...
    def with_own_pin(self, resident_id: int, pin: str) -> Actor: ...
    def with_staff(self, resident_id: int, staff_id: int, staff_pin: str) -> Actor: ...


class AuditLog(Protocol):
    def events(self, actor: Actor, **filters: object) -> Sequence[AuditEntry]: ...


class Printing(Protocol):
    """Large-print documents: built, kept and printed (run off the GUI thread)."""

    def menu_week(self, actor: Actor, monday: date, locale: str) -> Printout: ...
    def menu_card(self, actor: Actor, day: date, locale: str) -> Printout: ...
    def schedule_week(self, actor: Actor, monday: date, paper: str, locale: str) -> Printout: ...
    def today_poster(self, actor: Actor, day: date, locale: str) -> Printout: ...
    def care_plan(self, actor: Actor, resident_id: int, locale: str) -> Printout: ...
    def evidence_report(self, actor: Actor, first: date, last: date, locale: str) -> Printout: ...
    def you_said_we_did(self, actor: Actor, month: date, locale: str) -> Printout: ...
    def save_resident_records(
        self, actor: Actor, resident_id: int, folder: Path
    ) -> SavedRecords: ...


@dataclass(frozen=True)
class HomeData:
    """What the window needs from the home's database."""

    home_name: str
    residents: Residents
    week: WeekReader
    today: Callable[[], date]
    staff: StaffAccounts
    private_access: PrivateAccess
    care_plans: CarePlans
    care_plan_talk: CarePlanTalk
    audit: AuditLog
    suggestions: MealSuggestions
    menus: Menus
    printer: Printing
    ideas: Ideas
    polls: Polls
    schedule: Schedule
    home_zone: Callable[[], tzinfo]  # the home's time zone, for "now" on its clock
    backups: BackupKeeper | None = None  # when the last good backup was; the manager's tools
    resident_records: ResidentRecordsKeeper | None = None  # a resident's copy; erasing
    evidence: EvidenceSource | None = None  # the co-production evidence report
    idle_timeout_s: int = 90  # 0: never sign out on its own


# Screens only a signed-in member of staff reaches, and screens only past a resident's
# private check. The services check again; this is what the window offers.
STAFF_SCREENS = frozenset(
    {
        "staff-room",
        "residents",
        "staff-list",
        "audit",
        "kitchen-inbox",
        "dishes",
        "menu-planner",
        "ideas-inbox",
        "polls",
        "week-planner",
        "activity-feedback",
        "talk-requests",
        "care-plans",
        "backups",
        "evidence",
    }
)
PRIVATE_SCREENS = frozenset({"my-care-plan"})
# Screens that need to know who is at the kiosk (a face chosen), but no PIN.
RESIDENT_SCREENS = frozenset({"suggest-meal", "answers", "suggest-idea", "vote", "how-was-it"})
