"""Peer for bench/run: python recurring-ical-events on icalendar (from PyPI, in bench/.peers/venv).

Usage: python rie.py FILE FROM TO list      occurrences as `UID<TAB>START` (START in UTC, ...Z)
       python rie.py FILE FROM TO time:R    one JSON line: medians of parse and expansion over R
                                            repetitions (fewer if one takes over 30 seconds)
       python rie.py FILE FROM TO json      JSON Lines with the fields of `touchpoint occurrences
                                            --json` (uid, recurrence_id, start, end, all_day, tzid,
                                            summary, status): the CLI row's whole-process peer

FROM and TO are YYYY-MM-DD; the window is [FROM, TO) as recurring-ical-events reads it.
"""

import datetime
import json
from importlib.metadata import version
import statistics
import sys
import time

import icalendar
import recurring_ical_events


def utc(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value.strftime("%Y-%m-%dT%H:%M:%S")
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.strftime("%Y-%m-%d")


def json_time(value):
    """A DATE or DATE-TIME as `touchpoint occurrences --json` writes it."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value.strftime("%Y-%m-%dT%H:%M:%S")
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def write_json_lines(events, out):
    for event in events:
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND") if "DTEND" in event else start
        rid = event.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in event else None
        tzid = getattr(start, "tzinfo", None)
        status = event.get("STATUS")
        line = {
            "uid": str(event.get("UID")),
            "recurrence_id": json_time(rid) if rid is not None else None,
            "start": json_time(start),
            "end": json_time(end),
            "all_day": not isinstance(start, datetime.datetime),
            "tzid": str(tzid) if tzid is not None else None,
            "summary": str(event["SUMMARY"]) if "SUMMARY" in event else None,
            "status": str(status).lower() if status is not None else None,
        }
        out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


def main():
    path, start, stop, mode = sys.argv[1:5]
    start = datetime.date.fromisoformat(start)
    stop = datetime.date.fromisoformat(stop)
    with open(path, "rb") as f:
        data = f.read()
    reps = 1 if mode in ("list", "json") else int(mode.split(":", 1)[1])
    parse_s, expand_s, events = [], [], []
    began = time.perf_counter()
    for _ in range(reps):
        t = time.perf_counter()
        calendar = icalendar.Calendar.from_ical(data)
        parse_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        events = recurring_ical_events.of(calendar).between(start, stop)
        expand_s.append(time.perf_counter() - t)
        if time.perf_counter() - began > 30:
            break
    if mode == "json":
        write_json_lines(events, sys.stdout)
        return
    if mode == "list":
        out = sys.stdout
        for event in events:
            out.write(f"{event.get('UID')}\t{utc(event.decoded('DTSTART'))}\n")
        return
    print(
        json.dumps(
            {
                "tool": "recurring-ical-events",
                "reps": len(parse_s),
                "bytes": len(data),
                "parse_s": statistics.median(parse_s),
                "expand_s": statistics.median(expand_s),
                "occurrences": len(events),
                "version": f"recurring-ical-events {version('recurring-ical-events')}, "
                f"icalendar {version('icalendar')}",
            }
        )
    )


if __name__ == "__main__":
    main()
