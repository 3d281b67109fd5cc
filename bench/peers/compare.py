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
- KNOWN_ZONES: series in a zone the peer is known to resolve wrongly.
Prints one line per peer; exits 1 if anything else differs.
"""

import collections
import re
import sys

CLIP_FROM = "2026-01-02T00:00:00Z"
CLIP_TO = "2026-12-31T00:00:00Z"

# ical.js reads only the first date of each multi-valued RDATE in a VTIMEZONE
# (Timezone._expandComponent calls rdate.getFirstValue()), so a zone whose past is written as an
# RDATE list and whose rules changed (Sao Paulo dropped DST in 2019) keeps a stale offset.
KNOWN_ZONES = {"ical.js": {"America/Sao_Paulo"}}


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


def zones(feed):
    """UID -> TZID of its first VEVENT's DTSTART ("UTC" for a UTC or floating start)."""
    text = open(feed, encoding="utf-8").read().replace("\r\n ", "").replace("\n ", "")
    out = {}
    for event in text.split("BEGIN:VEVENT")[1:]:
        uid = re.search(r"^UID:(.*?)\r?$", event, re.M).group(1)
        tz = re.search(r"^DTSTART;TZID=([^:;]+)", event, re.M)
        out.setdefault(uid, tz.group(1) if tz else "UTC")
    return out


def main():
    name_of_feed, feed = sys.argv[1:3]
    lists = [arg.split("=", 1) for arg in sys.argv[3:]]
    uid_zone = zones(feed)
    ref_name, ref_path = lists[0]
    ref_all, _ = read(ref_path)
    failed = False
    for name, path in lists[1:]:
        got, orphans = read(path)
        ref = ref_all.copy()
        skip = KNOWN_ZONES.get(name, set())
        known = {
            "orphan overrides": sum((ref & orphans).values()),
            "series in " + ", ".join(sorted(skip)): 0,
        }
        ref -= orphans
        if skip:
            for side in (ref, got):
                for key in [k for k in side if uid_zone.get(k[0]) in skip]:
                    if side is ref:
                        known["series in " + ", ".join(sorted(skip))] += side[key]
                    del side[key]
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
