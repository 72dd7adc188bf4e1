"""The co-production evidence report as a PDF, for the manager and an inspector: A4
portrait, in clear print, "show in ten minutes that residents shape their care and daily
life, as a dated trail".

Page 1 is the summary: the title, the home, the dates covered and the key numbers of every
section. Then, each on a new page: 1. participation month by month; 2. every suggestion's
trail, said → decided → done → how it went; 3. polls; 4. how activities went; 5. care
plans written with residents; 6. requests to talk. Every chart has a table of the same
numbers beside it; every page says "Page 2 of 9", and a page that carries a section on
says "…, continued" at its top. A report with nothing in it is one friendly page.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from kiosk.domain.evidence import EvidenceReport
from kiosk.printing import evidence_words as words
from kiosk.printing.care_plan_words import CONTINUED
from kiosk.printing.evidence_activities import activities_section
from kiosk.printing.evidence_care import care_plans_section, talk_section
from kiosk.printing.evidence_participation import participation_section
from kiosk.printing.evidence_parts import EvidenceSetup
from kiosk.printing.evidence_polls import polls_section
from kiosk.printing.evidence_suggestions import suggestions_section
from kiosk.printing.evidence_summary import nothing_page, summary_page
from kiosk.printing.fonts import register_fonts
from kiosk.printing.layout import DocumentWords, build_pdf
from kiosk.printing.menu_words import PAGE_OF, Translate
from kiosk.printing.styles import A4_PAGE, clear_print


def evidence_report_pdf(
    report: EvidenceReport,
    *,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
) -> bytes:
    """``report`` as a PDF in ``locale`` (en_GB, cy, pl, pa) through ``translate``. Names,
    titles and reasons print exactly as written, never read as markup."""
    setup = evidence_setup(report, locale=locale, translate=translate, pictures_dir=pictures_dir,
                           fonts_dir=fonts_dir)  # fmt: skip
    return build_pdf(
        evidence_story(report, setup),
        page=setup.page,
        styles=setup.styles,
        words=_document_words(report, setup),
    )


def evidence_setup(
    report: EvidenceReport,
    *,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
) -> EvidenceSetup:
    styles = clear_print(register_fonts(fonts_dir))
    return EvidenceSetup(styles, A4_PAGE, translate, locale, pictures_dir, report.period)


def evidence_story(report: EvidenceReport, setup: EvidenceSetup) -> list[Flowable]:
    """Every flowable of the report, in order (the summary page first)."""
    if report.empty:
        return nothing_page(report, setup)
    summary = report.summary
    return [
        *summary_page(report, setup),
        *participation_section(report.participation, setup),
        *suggestions_section(report.suggestions, setup),
        *polls_section(report.polls, setup),
        *activities_section(report.activities, setup),
        *care_plans_section(report.plan_events, summary, setup),
        *talk_section(report.talk_requests, summary, setup),
    ]


def _document_words(report: EvidenceReport, setup: EvidenceSetup) -> DocumentWords:
    translate, locale = setup.translate, setup.locale
    title = translate(words.TITLE)
    period = words.period_words(report.period, locale, translate)
    return DocumentWords(
        title=f"{title}: {report.home_name.strip()}, {period}".replace("\u00a0", " "),
        author=report.home_name,
        language=locale.replace("_", "-"),
        page_of=lambda page, pages: translate(PAGE_OF).format(page=page, pages=pages),
        continued=lambda section: translate(CONTINUED).format(section=section),
    )
