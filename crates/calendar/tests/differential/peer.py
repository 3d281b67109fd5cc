"""Peer for the differential recurrence test (crates/calendar/tests/differential.rs).

Lists the occurrences of each given calendar in a window with python recurring-ical-events
(3.x, on icalendar 6.x) and prints them as JSON lines in the normalised form the Rust test
compares with its own expansion:

    {"file": NAME, "uid": UID, "start": S, "end": E}

where S and E are "YYYY-MM-DD" for dates, "YYYY-MM-DDTHH:MM:SS" for floating date-times and
"YYYY-MM-DDTHH:MM:SSZ" (the instant in UTC) for zoned ones.

Usage: python peer.py FROM TO FILE...   (FROM and TO as YYYY-MM-DD; the window is [FROM, TO))
A calendar the peer cannot read prints {"file": NAME, "error": MESSAGE} instead.
"""

import datetime
import json
import sys

import icalendar
import recurring_ical_events


def normalise(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value.strftime("%Y-%m-%dT%H:%M:%S")
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.strftime("%Y-%m-%d")


def main():
    start = datetime.date.fromisoformat(sys.argv[1])
    stop = datetime.date.fromisoformat(sys.argv[2])
    out = sys.stdout
    for path in sys.argv[3:]:
        name = path.rsplit("/", 1)[-1]
        try:
            with open(path, "rb") as f:
                calendar = icalendar.Calendar.from_ical(f.read())
            events = recurring_ical_events.of(calendar).between(start, stop)
            lines = []
            for event in events:
                lines.append(
                    {
                        "file": name,
                        "uid": str(event.get("UID")),
                        "start": normalise(event.decoded("DTSTART")),
                        "end": normalise(event.decoded("DTEND")) if "DTEND" in event else None,
                    }
                )
        except Exception as error:  # noqa: BLE001 - reported to the Rust side, which fails
            lines = [{"file": name, "error": f"{type(error).__name__}: {error}"}]
        for line in lines:
            out.write(json.dumps(line, sort_keys=True))
            out.write("\n")


if __name__ == "__main__":
    main()
