"""An appointment as an iCalendar (.ics) file for the phone's calendar.

Hand-made on purpose (RFC 5545 is small for one event): the time is local
Amsterdam time with ``TZID=Europe/Amsterdam`` and the zone's rules included,
so a phone in any setting shows 10:00 for a 10:00 meeting, summer or winter.
"""

from datetime import timedelta

TZID = "Europe/Amsterdam"

# The Dutch rules since 1996: summer time from the last Sunday of March,
# winter time from the last Sunday of October.
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape(text):
    """TEXT values: backslash, semicolon, comma and line breaks escaped."""
    return (
        (text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line, limit=75):
    """Lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= limit:
        return line
    parts = []
    current = b""
    for char in line:
        piece = char.encode("utf-8")
        room = limit if not parts else limit - 1  # continuation lines start with a space
        if len(current) + len(piece) > room:
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _local(moment):
    return moment.strftime("%Y%m%dT%H%M%S")


def event(*, uid, start, minutes, summary, location="", description="", stamp, status="CONFIRMED", sequence=0):
    """The whole .ics text for one event.

    ``start`` is a naive datetime in Amsterdam time; ``stamp`` an aware UTC
    datetime (when the file was made).
    """
    end = start + timedelta(minutes=minutes)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Basisbaan//Coach appointments//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *VTIMEZONE,
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;TZID={TZID}:{_local(start)}",
        f"DTEND;TZID={TZID}:{_local(end)}",
        f"SEQUENCE:{int(sequence)}",
        f"STATUS:{status}",
        f"SUMMARY:{escape(summary)}",
    ]
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
