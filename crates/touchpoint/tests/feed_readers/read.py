"""Python readers of tests/feed_readers.rs: icalendar, and vobject with its validator.

Usage: python read.py READER FILE...   (READER: `icalendar` or `vobject`)

Prints one JSON line per file: {"file": NAME, "events": [{"uid": UID, "start": S}, ...]} in the
order of the file, or {"file": NAME, "error": MESSAGE} when the reader rejects it. S is
"YYYY-MM-DD" for a date, "YYYY-MM-DDTHH:MM:SS" for a floating date-time and
"YYYY-MM-DDTHH:MM:SSZ" (the instant in UTC) for a zoned one, as each reader resolves it.

- icalendar: `Calendar.from_ical`, the events' DTSTART through `decoded` (a TZID icalendar knows
  from the tz database is read from it; others from the file's VTIMEZONE).
- vobject: `readOne(text, validate=True)`, which checks each component's required and
  at-most-once properties; DTSTART as vobject resolves it (the file's VTIMEZONEs, through
  dateutil).
"""

import datetime
import json
import sys


def normalise(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value.strftime("%Y-%m-%dT%H:%M:%S")
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    raise TypeError(f"DTSTART is neither a date nor a date-time: {value!r}")


def read_icalendar(text):
    import icalendar

    calendar = icalendar.Calendar.from_ical(text)
    return [
        {"uid": str(event["UID"]), "start": normalise(event.decoded("DTSTART"))}
        for event in calendar.walk("VEVENT")
    ]


def read_vobject(text):
    import vobject

    calendar = vobject.readOne(text, validate=True)
    return [
        {"uid": event.uid.value, "start": normalise(event.dtstart.value)}
        for event in calendar.contents.get("vevent", [])
    ]


def main():
    reader = {"icalendar": read_icalendar, "vobject": read_vobject}[sys.argv[1]]
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        try:
            line = {"file": path, "events": reader(text)}
        except Exception as error:  # the reader's own message is what the test reports
            line = {"file": path, "error": f"{type(error).__name__}: {error}"}
        print(json.dumps(line), flush=True)


main()
