"""The co-production evidence report, on screen (the manager): what residents said, what was
decided, what was done and how it went, for a period.

Choose the period with big buttons (the last month, 3 months or 12 months up to today, or
two dates). The report is worked out off the GUI thread ("Working it out…"); a second tap
while it is being worked out is not a second report. Then: the summary's numbers, and a
section at a time (who took part month by month, every suggestion's trail, polls,
activities, care plans, requests to talk). Long sections scroll, with big Up and Down
buttons beside them. "Print" prints the same report for the same dates (off the GUI
thread too). The service checks who may see it; a refusal is shown in words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.evidence import DateRange, EvidenceReport
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.printing import evidence_words as printed
from kiosk.ui import evidence_words as say
from kiosk.ui import form_parts as form
from kiosk.ui.background_job import BackgroundJob
from kiosk.ui.discard import discard
from kiosk.ui.evidence_cards import EvidenceCards
from kiosk.ui.evidence_participation import LARGE_TEXT, ParticipationView
from kiosk.ui.evidence_period import PeriodChooser
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.print_job import PrintJobs, Printout
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

PARTICIPATION, SUGGESTIONS, POLLS = "participation", "suggestions", "polls"
ACTIVITIES, CARE_PLANS, TALK = "activities", "care-plans", "talk"
SECTIONS: dict[str, tuple[str, str]] = {  # words on its button, picture
    PARTICIPATION: (printed.PARTICIPATION, "people"),
    SUGGESTIONS: (N_("Suggestions"), "idea"),
    POLLS: (printed.POLLS, "vote"),
    ACTIVITIES: (N_("Activities"), "activity"),
    CARE_PLANS: (N_("Care plans"), "care-plan"),
    TALK: (printed.TALK, "talk"),
}
# What each section shows, and what it says when it has nothing: the printed report's words.
SHOWS = {
    PARTICIPATION: printed.PARTICIPATION_SHOWS,
    SUGGESTIONS: printed.SUGGESTIONS_SHOWS,
    POLLS: printed.POLLS_SHOWS,
    ACTIVITIES: printed.ACTIVITIES_SHOWS,
    CARE_PLANS: printed.CARE_PLANS_SHOWS,
    TALK: printed.TALK_SHOWS,
}
NOTHING = {
    SUGGESTIONS: printed.NO_SUGGESTIONS,
    POLLS: printed.NO_POLLS,
    ACTIVITIES: printed.NO_ACTIVITIES,
    CARE_PLANS: printed.NO_PLAN_WORK,
    TALK: printed.NO_TALKS,
}
PAGE = 20  # suggestions shown at first, and how many more "Show more" adds
SCREENFUL = 0.8  # Up and Down keep a little of what was seen, for the eye


class EvidenceSource(Protocol):
    """What this screen needs from the evidence service."""

    def report(self, actor: Actor, first: date, last: date) -> EvidenceReport: ...


PrintReport = Callable[[Actor, date, date, str], Printout]  # (actor, first, last, locale)


class EvidenceScreen(StaffScreen):
    name = "evidence"

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        evidence: EvidenceSource,
        print_report: PrintReport,
        today: Callable[[], date],
    ) -> None:
        """``today`` is the home's date (its own time zone): the periods end on it."""
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._evidence = evidence
        self._print_report = print_report
        self._today = today
        self.report: EvidenceReport | None = None
        self.shown_period: DateRange | None = None  # the period the report shown is for
        self.section = PARTICIPATION
        self.shown_suggestions = PAGE
        self._job = 0  # a new number each time the screen is opened: older results are dropped
        self._running: tuple[DateRange, int] | None = None
        self.worker = BackgroundJob(
            words.gettext,
            unexpected=N_("Sorry, the report could not be worked out. It has been noted."),
            name="evidence",
            parent=self,
        )
        self.worker.succeeded.connect(self._on_worker_finished)
        self.worker.failed.connect(self._on_worker_failed)
        self.printing = PrintJobs(words.gettext, self)
        self.printing.started.connect(
            lambda: self._say(self.words.gettext("Printing… this takes a moment."))
        )
        self.printing.finished.connect(self._say)
        self.printing.failed.connect(self._on_printing_failed)
        self.cards = EvidenceCards(words=words, pictures=pictures, theme=theme)

        self.chooser = PeriodChooser(words=words, pictures=pictures, theme=theme, today=today)
        self.period: DateRange | None = None  # the period wanted (None: none until opened)
        self.chooser.period_chosen.connect(self._want)
        self.chooser.refused.connect(self.show_problem)
        self.working_label = form.notice_card(theme.metrics.gap_px)
        self._build_report_page()
        self._build_notice_and_arrows()
        self.content.addWidget(self.chooser)
        self.content.addWidget(self.working_label)
        self.content.addWidget(self.report_page)
        self.content.addStretch(1)
        self._arrange()
        self.retranslate()

    # -- building ------------------------------------------------------------------------------

    def _build_report_page(self) -> None:
        gap = self.theme.metrics.gap_px
        self.report_page = QWidget()
        self.heading = form.plain_label()  # the home's name, as typed
        self.heading.setProperty("role", "heading")
        self.print_button = self._big("newspaper", small=True)
        self.print_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.print_button.tapped.connect(self._on_print_button_tapped)
        self._top = QHBoxLayout()
        self._top.addWidget(self.heading, 1)
        self._top.addWidget(self.print_button)
        self.empty_label = form.plain_label()
        self.summary_card = form.card()
        self._summary = form.inside(self.summary_card, gap)
        self.summary_title = form.plain_label()
        self.summary_title.setProperty("role", "strong")
        self._summary.addWidget(self.summary_title)
        self.summary_table: QWidget | None = None
        self.section_buttons: dict[str, BigButton] = {}
        for key, (_, picture) in SECTIONS.items():
            button = self._big(picture)
            button.tapped.connect(lambda key=key: self._on_section_tapped(key))
            self.section_buttons[key] = button
        self.sections_host = QWidget()
        self._sections = QGridLayout(self.sections_host)
        self._sections.setContentsMargins(0, 0, 0, 0)
        self.section_host = QWidget()
        self._section = QVBoxLayout(self.section_host)
        self._section.setContentsMargins(0, 0, 0, 0)
        self.more_button = BigButton(None, "", pictures=self.pictures, theme=self.theme)
        self.more_button.tapped.connect(self._on_more_button_tapped)
        self._page = form.column(self.report_page, gap)
        self._page.addLayout(self._top)
        self._page.addWidget(self.empty_label)
        self._page.addWidget(self.summary_card)
        self._page.addWidget(self.sections_host)
        self._page.addWidget(self.section_host)
        self._page.addLayout(form.row_of([self.more_button], gap))

    def _build_notice_and_arrows(self) -> None:
        """Printing's words above the scroll, always in sight; Up and Down beside it."""
        gap = self.theme.metrics.gap_px
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        self.notice = form.notice_card(gap)
        outer.insertWidget(outer.indexOf(self.scroll), self.notice)
        self.up_button = BigButton(None, "", pictures=self.pictures, theme=self.theme, small=True)
        self.down_button = BigButton(None, "", pictures=self.pictures, theme=self.theme, small=True)
        for arrow in (self.up_button, self.down_button):
            arrow.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.up_button.tapped.connect(lambda: self._turn(-1))
        self.down_button.tapped.connect(lambda: self._turn(+1))
        self.arrows = QWidget()
        arrows = QVBoxLayout(self.arrows)
        arrows.setContentsMargins(0, 0, 0, 0)
        arrows.setSpacing(gap)
        arrows.addWidget(self.up_button)
        arrows.addStretch(1)
        arrows.addWidget(self.down_button)
        index = outer.indexOf(self.scroll)
        outer.removeWidget(self.scroll)
        self._beside = QHBoxLayout()
        self._beside.setSpacing(gap)
        self._beside.addWidget(self.scroll, 1)
        self._beside.addWidget(self.arrows)
        outer.insertLayout(index, self._beside, 1)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.scroll.verticalScrollBar()
        bar.rangeChanged.connect(self._mark_arrows)
        bar.valueChanged.connect(self._mark_arrows)
        self._mark_arrows()

    def _arrange(self) -> None:
        gap = self.theme.metrics.gap_px
        self.content.setSpacing(gap)
        self._page.setSpacing(gap)
        self._top.setSpacing(gap)
        self._beside.setSpacing(gap)
        self._section.setSpacing(gap // 2)
        self._summary.setSpacing(gap // 4)
        self.chooser.arrange(self.theme)
        columns = 2 if self.theme.metrics.scale >= LARGE_TEXT else 3
        form.grid_of(self._sections, list(self.section_buttons.values()), columns, gap)

    # -- what the window uses ------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Evidence report")

    def refresh(self) -> None:
        """Shown again: the last three months, worked out afresh for whoever is signed in."""
        super().refresh()
        self._job += 1
        self.report = None
        self.shown_period = None
        self.section = PARTICIPATION
        self._say("")
        self.chooser.start_again()
        self._want(self.chooser.chosen_period())
        self.scroll.verticalScrollBar().setValue(0)

    def forget_person(self) -> None:
        """Nobody is at the kiosk any more: the report (it names residents) goes, and one
        still being worked out is dropped when it arrives."""
        self._job += 1
        self.period = None
        self.report = None
        self.shown_period = None
        self._say("")
        self.show_problem("")
        self._show()

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.chooser.retranslate()
        self.working_label.setText(gettext("Working it out…"))
        self.print_button.set_words(gettext("Print"))
        self.summary_title.setText(gettext(printed.SUMMARY))
        for key, button in self.section_buttons.items():
            button.set_words(gettext(SECTIONS[key][0]))
        self.more_button.set_words(gettext("Show more"))
        self.up_button.set_words(gettext("Up"))
        self.down_button.set_words(gettext("Down"))
        self._show()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.cards.theme = theme
        self._arrange()
        self._show()

    @property
    def working(self) -> bool:
        """True while a report is being worked out."""
        return self.worker.busy

    # -- choosing and working it out -----------------------------------------------------------

    def _want(self, period: DateRange) -> None:
        """A period was chosen: work its report out, unless it is shown or on its way."""
        self.period = period
        self.show_problem("")
        self._build_if_needed()

    def _build_if_needed(self) -> None:
        wanted = self.period
        if self.worker.busy:  # what is wanted now is looked at again when that job ends
            self._show()
            return
        if wanted is None or (self.report is not None and self.shown_period == wanted):
            self._show()
            return
        actor = self.attempt(self.actor)
        if actor is None:
            self.report = None
            self._show()
            return
        period, job = wanted, self._job
        self._running = (period, job)
        self.worker.start(lambda: self._evidence.report(actor, period.first, period.last))
        self._show()

    def _wanted(self) -> DateRange | None:
        """The period the job that just ended was for, if it is still the one wanted."""
        running, self._running = self._running, None
        if running is None or running[1] != self._job or running[0] != self.period:
            return None
        return running[0]

    def _on_worker_finished(self, report: EvidenceReport) -> None:
        period = self._wanted()
        if period is None:
            self._build_if_needed()
            return
        self.report, self.shown_period = report, period
        self.shown_suggestions = PAGE
        self.show_problem("")
        self._show()

    def _on_worker_failed(self, words: str) -> None:
        if self._wanted() is None:
            self._build_if_needed()
            return
        self.report, self.shown_period = None, None
        self.show_problem(words)
        self._show()

    # -- printing ------------------------------------------------------------------------------

    def _on_print_button_tapped(self) -> None:
        report, period = self.report, self.shown_period
        if report is None or period is None or self.working:
            return
        actor = self.attempt(self.actor)
        if actor is None:
            return
        language = self.words.language
        started = self.printing.start(
            lambda: self._print_report(actor, period.first, period.last, language)
        )
        if not started:
            self._say(self.words.gettext("Still printing the last one. Please wait."))

    def _on_printing_failed(self, words: str) -> None:
        self._say("")
        self.show_problem(words)

    def _say(self, text: str) -> None:
        """Words about printing above the report ("" hides them)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- showing -------------------------------------------------------------------------------

    def _show(self) -> None:
        report = None if self.working else self.report
        self.working_label.setVisible(self.working)
        self.report_page.setVisible(report is not None)
        if report is None or self.shown_period is None:
            self._clear_section()
            self._clear_summary()
            return
        period = self.shown_period
        self.heading.setText(
            self.words.gettext("{home}: {period}").format(
                home=report.home_name,
                period=say.period_words(self.words, period.first, period.last),
            )
        )
        empty = report.empty
        self.empty_label.setText(say.nothing_recorded(self.words, period))
        self.empty_label.setVisible(empty)
        self.summary_card.setVisible(not empty)
        self.sections_host.setVisible(not empty)
        self._fill_summary(report)
        for key, button in self.section_buttons.items():
            button.set_chosen(key == self.section)
        self._fill_section(None if empty else report)

    def _fill_summary(self, report: EvidenceReport) -> None:
        """The printed report's summary table: a group of rows for each section."""
        gap = self.theme.metrics.gap_px
        large = self.theme.metrics.scale >= LARGE_TEXT
        self._clear_summary()
        self.summary_table = QWidget()
        table = QGridLayout(self.summary_table)
        table.setContentsMargins(0, 0, 0, 0)
        table.setHorizontalSpacing(gap)
        table.setVerticalSpacing(gap // 4)
        row = 0
        for group, lines in enumerate(say.summary_rows(self.words, report.summary)):
            if group:
                table.setRowMinimumHeight(row, gap // 3)  # a little air between sections
                row += 1
            for words, number in lines:
                label = form.plain_label(words)
                label.setWordWrap(large)
                table.addWidget(label, row, 0)
                value = form.plain_label(number)
                value.setWordWrap(False)
                value.setProperty("role", "strong")
                table.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
                row += 1
        # Each number close beside its words; at large text the words wrap to make room.
        for column, stretch in enumerate((3, 2, 0) if large else (0, 0, 1)):
            table.setColumnStretch(column, stretch)
        self._summary.addWidget(self.summary_table)

    def _clear_summary(self) -> None:
        if self.summary_table is not None:
            self._summary.removeWidget(self.summary_table)
            discard(self.summary_table)
            self.summary_table = None

    def _clear_section(self) -> None:
        while self._section.count():
            item = self._section.takeAt(0)
            widget = item.widget()
            if widget is not None:
                discard(widget)
        self.more_button.hide()

    def _fill_section(self, report: EvidenceReport | None) -> None:
        self._clear_section()
        if report is None or self.shown_period is None:
            return
        section, cards = self.section, self.cards
        shows = self._line(self.words.gettext(SHOWS[section]))
        shows.setProperty("role", "quiet")
        parts: list[QWidget] = [shows]
        found = {
            SUGGESTIONS: report.suggestions,
            POLLS: report.polls,
            ACTIVITIES: report.activities,
            CARE_PLANS: report.plan_events,
            TALK: report.talk_requests,
        }.get(section)
        if section == PARTICIPATION:
            parts.append(
                ParticipationView(
                    report.participation, words=self.words, theme=self.theme, gap=cards.gap
                )
            )
        elif not found:
            parts.append(self._line(say.in_period(self.words, NOTHING[section], self.shown_period)))
        elif section == SUGGESTIONS:
            chains = report.suggestions
            parts.append(self._line(say.suggestions_heading(self.words, chains)))
            parts += [cards.chain(chain) for chain in chains[: self.shown_suggestions]]
            self.more_button.setVisible(len(chains) > self.shown_suggestions)
        elif section == POLLS:
            parts += [cards.poll(poll) for poll in report.polls]
        elif section == ACTIVITIES:
            parts += [cards.activity(activity) for activity in report.activities]
        elif section == CARE_PLANS:
            parts += [self._line(line) for line in say.plan_totals(self.words, report.plan_events)]
            parts += [cards.row(say.plan_event_line(self.words, e)) for e in report.plan_events]
        else:
            parts.append(self._line(say.talk_totals(self.words, report.summary)))
            parts += [cards.row(say.talk_line(self.words, t)) for t in report.talk_requests]
        for part in parts:
            self._section.addWidget(part)

    @staticmethod
    def _line(text: str) -> QLabel:
        return form.plain_label(text)

    # -- sections and scrolling ----------------------------------------------------------------

    def _on_section_tapped(self, key: str) -> None:
        self.section = key
        self.shown_suggestions = PAGE
        self._show()
        # The section's buttons stay in sight above it, unless large text makes them take
        # much of the screen: then the section itself comes to the top (Up shows them).
        large = self.theme.metrics.scale >= LARGE_TEXT
        top = self.section_host if large else self.sections_host
        self._scroll_to_top_of(top, self.theme.metrics.gap_px // 2)

    def _on_more_button_tapped(self) -> None:
        self.shown_suggestions += PAGE
        self._show()

    def _turn(self, step: int) -> None:
        """Move the report a screenful down (+1) or up (-1)."""
        bar = self.scroll.verticalScrollBar()
        screenful = max(1, round(self.scroll.viewport().height() * SCREENFUL))
        bar.setValue(bar.value() + step * screenful)

    def _mark_arrows(self) -> None:
        bar = self.scroll.verticalScrollBar()
        self.arrows.setVisible(bar.maximum() > 0)
        self.up_button.setEnabled(bar.value() > bar.minimum())
        self.down_button.setEnabled(bar.value() < bar.maximum())

    def section_lines(self) -> list[str]:
        """The words of the section shown, top to bottom (for tests and reading aloud)."""
        return [
            label.text()
            for label in self.section_host.findChildren(QLabel)
            if label.text() and label.isVisibleTo(self)
        ]
