"""A resident's request to talk about their care plan, in words for the carers' list: whose
it is and about which section, how long it has waited, how it was raised, the note with it,
and (once sorted out) when, by whom and what was agreed. Dates are on the home's clock."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QFrame

from kiosk.domain.care_plan_records import TalkRequestView
from kiosk.domain.care_plans import section_picture
from kiosk.domain.enums import TalkRequestSource
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_pages import SECTION_HEADINGS

WHOLE_PLAN = N_("The whole plan")
WHOLE_PLAN_PICTURE = "talk"


def picture_of(request: TalkRequestView) -> str:
    """The section's own picture; "talk" for the whole plan."""
    return section_picture(request.section) if request.section else WHOLE_PLAN_PICTURE


def heading(words: Words, request: TalkRequestView) -> str:
    """ "Margaret: My wellness", or "Margaret: The whole plan"."""
    section = SECTION_HEADINGS[request.section] if request.section else WHOLE_PLAN
    return words.gettext("{name}: {section}").format(
        name=request.resident_name, section=words.gettext(section)
    )


def waiting(words: Words, request: TalkRequestView, now: datetime) -> str:
    """ "Waiting 3 days" ("Waiting since today" on the day it was raised)."""
    days = max(0, (now - request.raised_at).days)
    if days == 0:
        return words.gettext("Waiting since today")
    return words.ngettext("Waiting {count} day", "Waiting {count} days", days).format(count=days)


def raised(words: Words, request: TalkRequestView, now: datetime) -> str:
    """ "Margaret asked at the kiosk on Friday 20 November", or "Staff noted it for Dai on
    …" when a member of staff raised it for them."""
    day = words.day_and_date(request.raised_at.astimezone(now.tzinfo).date())
    if request.raised_via is TalkRequestSource.STAFF:
        text = words.gettext("Staff noted it for {name} on {day}")
    else:
        text = words.gettext("{name} asked at the kiosk on {day}")
    return text.format(name=request.resident_name, day=day)


def note(words: Words, request: TalkRequestView) -> list[str]:
    """ "Note: …" when there is one (the words exactly as written)."""
    if not request.note:
        return []
    return [words.gettext("Note: {note}").format(note=request.note)]


def open_lines(words: Words, request: TalkRequestView, now: datetime) -> list[str]:
    """A request waiting to be talked about, under its heading."""
    return [waiting(words, request, now), raised(words, request, now), *note(words, request)]


def sorted_out_lines(words: Words, request: TalkRequestView, now: datetime) -> list[str]:
    """A request sorted out, under its heading: how it came, and what was agreed."""
    gettext = words.gettext
    lines = [raised(words, request, now), *note(words, request)]
    if request.resolved_at is not None:
        day = words.day_and_date(request.resolved_at.astimezone(now.tzinfo).date())
        if request.resolved_by:
            lines.append(
                gettext("Sorted out on {day} by {name}").format(day=day, name=request.resolved_by)
            )
        else:
            lines.append(gettext("Sorted out on {day}").format(day=day))
    if request.resolution:
        lines.append(gettext("Agreed: {agreed}").format(agreed=request.resolution))
    return lines


def sorted_out_card(words: Words, request: TalkRequestView, now: datetime, gap: int) -> QFrame:
    """A framed card for a request sorted out (it is read, not tapped)."""
    frame = form.card()
    inner = form.inside(frame, gap)
    title = form.plain_label(heading(words, request))
    title.setProperty("role", "strong")
    inner.addWidget(title)
    inner.addWidget(form.plain_label("\n".join(sorted_out_lines(words, request, now))))
    return frame
