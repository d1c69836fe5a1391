"""An iCalendar feed (RFC 5545) of the calls' deadlines, for readers' calendars: `/appels/calendrier/`.

One all-day VEVENT per live, public call (its deadline), plus one for the jury when dated. Written by
hand — a dozen properties — rather than with a library: text is escaped and lines folded at 75
octets as the RFC asks, and each event's UID is stable so calendars update rather than duplicate it.
"""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from .listing import call_model

# Wagtail serves page routes with a trailing slash; the file name travels in Content-Disposition.
FEED_PATH = "calendrier/"
PRODID = "-//Fabrique//Appels a candidatures//FR"


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Cut a content line into 75-octet pieces, never inside a UTF-8 character (RFC 5545 §3.1)."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        limit = 75 if not pieces else 74  # continuation lines start with a space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _date(value: datetime.date) -> str:
    return value.strftime("%Y%m%d")


def _event(uid: str, day: datetime.date, summary: str, description: str, url: str, stamp: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(day)}",
        f"DTEND;VALUE=DATE:{_date(day + datetime.timedelta(days=1))}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(description)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_text(calls, request=None) -> str:
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    host = request.get_host() if request is not None else "fabrique"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(settings.WAGTAIL_SITE_NAME + ' — appels à candidatures')}",
    ]
    for call in calls:
        url = call.get_full_url(request=request) or ""
        incubator = f" ({call.incubator.title})" if call.incubator else ""
        lines += _event(
            f"appel-{call.pk}-date-limite@{host}",
            call.deadline,
            f"Date limite : {call.title}{incubator}",
            f"Dernier jour pour candidater. {call.intro}".strip(),
            url,
            stamp,
        )
        if call.jury_on:
            lines += _event(
                f"appel-{call.pk}-jury@{host}",
                call.jury_on,
                f"Jury : {call.title}{incubator}",
                "",
                url,
                stamp,
            )
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def deadlines_feed(request, index_page):
    calls = (
        call_model()
        .objects.child_of(index_page)
        .live()
        .public()
        .select_related("incubator")
        .order_by("deadline", "pk")
    )
    response = HttpResponse(calendar_text(calls, request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="appels-a-candidatures.ics"'
    return response
