"""Answer check for bench/run: every peer's occurrence list against touchpoint's.

Usage: python compare.py FEED_NAME FEED_FILE NAME=LIST... (the first LIST is touchpoint's)

Each LIST has lines `UID<TAB>START` (START an instant in UTC). The peers read a window's bounds
differently (touchpoint in each event's own zone, the others in UTC) and treat an instance that
overlaps the window's start differently, so every list is clipped to instances *starting* in
[CLIP_FROM, CLIP_TO), a day inside the asked window on each side, and then compared as
multisets of (UID, start).

Known, documented differences (BENCHMARKS.md) are taken out of both sides before comparing and
counted on the peer's line:
- a peer's own `#orphan<TAB>UID<TAB>START` lines: overrides whose RECURRENCE-ID is no instance of
  their series, which that peer does not list (ical.js);
- EXDATE_LEAKS: instances excluded by an EXDATE that the peer still lists (ical.js, after an
  EXDATE that is no instance);
- EXCLUDED_OVERRIDES: overrides whose RECURRENCE-ID is also an EXDATE, which the peer drops
  (recurring-ical-events) and touchpoint lists as occurrences of their own.
Prints one line per peer; exits 1 if anything else differs.
"""

import collections
import datetime
import sys

CLIP_FROM = "2026-01-02T00:00:00Z"
CLIP_TO = "2026-12-31T00:00:00Z"

EXDATE_LEAKS = {"ical.js"}
EXCLUDED_OVERRIDES = {"recurring-ical-events"}


def read(path):
    out = collections.Counter()
    orphans = collections.Counter()
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if parts[0] == "#orphan":
            parts, into = parts[1:], orphans
        else:
            into = out
        uid, start = parts
        if CLIP_FROM <= start < CLIP_TO:
            into[(uid, start)] += 1
    return out, orphans


def utc(value):
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(value)


def facts(feed):
    """From the feed: the (UID, EXDATE instant) pairs, and the (UID, start) of overrides whose
    RECURRENCE-ID is also an EXDATE of their UID."""
    import icalendar  # the venv's, installed by bench/run

    calendar = icalendar.Calendar.from_ical(open(feed, "rb").read())
    exdates, overrides = set(), []
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        found = event.get("EXDATE")
        for item in found if isinstance(found, list) else [found] if found else []:
            for d in item.dts:
                exdates.add((uid, utc(d.dt)))
        if "RECURRENCE-ID" in event:
            overrides.append((uid, utc(event.decoded("RECURRENCE-ID")), utc(event.decoded("DTSTART"))))
    excluded = {(uid, start) for uid, rid, start in overrides if (uid, rid) in exdates}
    return exdates, excluded


def main():
    name_of_feed, feed = sys.argv[1:3]
    lists = [arg.split("=", 1) for arg in sys.argv[3:]]
    exdates, excluded_overrides = facts(feed)
    ref_name, ref_path = lists[0]
    ref_all, _ = read(ref_path)
    failed = False
    for name, path in lists[1:]:
        got, orphans = read(path)
        ref = ref_all.copy()
        known = collections.Counter()
        known["orphan overrides"] = sum((ref & orphans).values())
        ref -= orphans
        for key in list(ref) + list(got):
            where = None
            if name in EXDATE_LEAKS and key in exdates:
                where = "EXDATE'd instances listed"
            elif name in EXCLUDED_OVERRIDES and key in excluded_overrides:
                where = "overrides of an EXDATE'd instance"
            if where:
                known[where] += max(ref.pop(key, 0), got.pop(key, 0))
        missing = ref - got
        extra = got - ref
        ok = not missing and not extra
        failed |= not ok
        verdict = "same" if ok else f"DIFFERENT: {sum(missing.values())} missing, {sum(extra.values())} extra"
        notes = "; ".join(f"{n} {what}" for what, n in known.items() if n)
        print(
            f"{name_of_feed}: {name} vs {ref_name}: {sum(got.values())} vs {sum(ref.values())} "
            f"occurrences compared: {verdict}" + (f" (known differences left out: {notes})" if notes else "")
        )
        for (uid, start), n in list(missing.items())[:5]:
            print(f"    only {ref_name}: {uid} {start} x{n}")
        for (uid, start), n in list(extra.items())[:5]:
            print(f"    only {name}: {uid} {start} x{n}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
