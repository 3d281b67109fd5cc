"""Peer for the differential recurrence test (crates/calendar/tests/differential.rs).

Lists the occurrences of each given calendar in a window with python recurring-ical-events
(3.x, on icalendar 6.x) and prints them as JSON lines in the normalised form the Rust test
compares with its own expansion:

    {"file": NAME, "uid": UID, "start": S, "end": E}

where S and E are "YYYY-MM-DD" for dates, "YYYY-MM-DDTHH:MM:SS" for floating date-times and
"YYYY-MM-DDTHH:MM:SSZ" (the instant in UTC) for zoned ones.

Usage: python peer.py FROM TO FILE...   (FROM and TO as YYYY-MM-DD; the window is [FROM, TO))
A calendar the peer cannot read prints {"file": NAME, "error": MESSAGE} instead; when it reads the
calendar but cannot expand it, each series is listed alone, and one it cannot expand prints
{"file": NAME, "uid": UID, "error": MESSAGE} (the others are still listed).
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
        except Exception as error:  # noqa: BLE001 - reported to the Rust side, which fails
            lines = [{"file": name, "error": f"{type(error).__name__}: {error}"}]
        else:
            try:
                lines = occurrences(name, calendar, start, stop)
            except Exception:  # noqa: BLE001 - one series it cannot read: list the others
                lines = []
                for uid, alone in by_uid(calendar):
                    try:
                        lines.extend(occurrences(name, alone, start, stop))
                    except Exception as error:  # noqa: BLE001 - reported per series
                        lines.append(
                            {"file": name, "uid": uid, "error": f"{type(error).__name__}: {error}"}
                        )
        for line in lines:
            out.write(json.dumps(line, sort_keys=True))
            out.write("\n")


def occurrences(name, calendar, start, stop):
    return [
        {
            "file": name,
            "uid": str(event.get("UID")),
            "start": normalise(event.decoded("DTSTART")),
            "end": normalise(event.decoded("DTEND")) if "DTEND" in event else None,
        }
        for event in recurring_ical_events.of(calendar).between(start, stop)
    ]


def by_uid(calendar):
    """One calendar per UID: its VEVENTs with every VTIMEZONE and calendar property."""
    uids = []
    for event in calendar.walk("VEVENT"):
        if str(event.get("UID")) not in uids:
            uids.append(str(event.get("UID")))
    for uid in uids:
        alone = icalendar.Calendar()
        for key, value in calendar.property_items(recursive=False)[1:-1]:
            alone.add(key, value)
        for component in calendar.subcomponents:
            if component.name != "VEVENT" or str(component.get("UID")) == uid:
                alone.add_component(component)
        yield uid, alone


if __name__ == "__main__":
    main()
