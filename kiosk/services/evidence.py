"""The co-production evidence report, and the lounge's "You said, we did" poster.

Fills the dataclasses of :mod:`kiosk.domain.evidence` from the database in one session and
a handful of grouped queries, however long the range (a year of a large home is tens of
thousands of ballots). Dates are the home's local dates; the stored moments are UTC.

The report is the manager's (it names residents and is audited); the poster names nobody
and may be printed by anyone who prints for the home.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.domain.evidence import DateRange, EvidenceReport, SuggestionChain, month_of, next_month
from kiosk.services.audit import record
from kiosk.services.evidence_care import plan_events, talk_entries
from kiosk.services.evidence_chains import suggestion_chains
from kiosk.services.evidence_polls import activity_feedback, poll_outcomes
from kiosk.services.evidence_taking import participation, stays
from kiosk.services.evidence_window import Window
from kiosk.services.settings import DEFAULT_HOME_NAME, HOME_NAME
from kiosk.services.week import home_zone_in
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now

REPORT_ACTION = "report.evidence"


class EvidenceService:
    def __init__(
        self, sessions: sessionmaker[Session], *, today: Callable[[], date] | None = None
    ) -> None:
        """``today`` gives the home's date; by default the clock read in the home's zone."""
        self._sessions = sessions
        self._today = today

    def report(self, actor: Actor, first: date, last: date) -> EvidenceReport:
        """Everything from ``first`` to ``last`` (both included); the manager's, audited.

        A range with nothing in it gives an empty report (``.empty``), not an error; a
        range that runs backwards or is over five years long is refused in plain words.
        """
        actor.require(Capability.VIEW_EVIDENCE)
        period = DateRange.checked(first, last)
        with session_scope(self._sessions) as session:
            window = Window(period, home_zone_in(session))
            today = self._home_today(window)
            as_of = min(period.last, today)
            all_stays = stays(session, window)
            report = EvidenceReport(
                home_name=_home_name(session),
                period=period,
                made_on=today,
                participation=participation(session, window, all_stays),
                suggestions=suggestion_chains(
                    session, window, named=True, answered_by=as_of, taken_back=True
                ),
                polls=poll_outcomes(session, window, all_stays, utc_now()),
                activities=activity_feedback(session, window),
                plan_events=plan_events(session, window),
                talk_requests=talk_entries(session, window, as_of),
            )
            record(session, actor, REPORT_ACTION, detail=f"{first} to {last}")
        return report

    def you_said_we_did(self, actor: Actor, month: date) -> tuple[SuggestionChain, ...]:
        """The suggestions said in ``month``'s calendar month (any day in it), oldest first,
        naming nobody: for the poster in the lounge."""
        actor.require(Capability.PRINT_FOR_HOME)
        first = month_of(month)
        period = DateRange(first, next_month(first) - timedelta(days=1))
        with self._sessions() as session:
            window = Window(period, home_zone_in(session))
            as_of = min(period.last, self._home_today(window))
            return suggestion_chains(
                session, window, named=False, answered_by=as_of, taken_back=False
            )

    def _home_today(self, window: Window) -> date:
        return self._today() if self._today is not None else window.day(utc_now())


def _home_name(session: Session) -> str:
    row = session.get(models.Setting, HOME_NAME)
    return row.value if row is not None else DEFAULT_HOME_NAME
