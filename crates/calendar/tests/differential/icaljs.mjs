// Second peer of the differential recurrence test (crates/calendar/tests/differential.rs):
// Mozilla's ical.js 2.x, the engine of Thunderbird, driven the way Thunderbird drives it.
//
// Same contract as peer.py: lists the occurrences of each given calendar in a window and prints
// them as JSON lines in the normalised form the Rust test compares with its own expansion:
//
//     {"file": NAME, "uid": UID, "start": S, "end": E}
//
// where S and E are "YYYY-MM-DD" for dates, "YYYY-MM-DDTHH:MM:SS" for floating date-times and
// "YYYY-MM-DDTHH:MM:SSZ" (the instant in UTC) for zoned ones. A calendar ical.js cannot read
// prints {"file": NAME, "error": MESSAGE} instead, a series it cannot read or expand
// {"file": NAME, "uid": UID, "error": MESSAGE} (its other series are still listed).
//
// Usage: TOUCHPOINT_NODE_MODULES=DIR node icaljs.mjs FROM TO FILE...
//        (DIR: the node_modules `npm ci` filled from this folder's lockfile; FROM and TO as
//        YYYY-MM-DD; the window is [FROM, TO), a start read in UTC, floating and date values as
//        if they were UTC)
//
// How Thunderbird drives ical.js, and so how this does:
// - the lenient parser (`ICAL.design.strict = false`, set by Thunderbird's calendar backend
//   loader and its ICS parser worker);
// - every VTIMEZONE of the file registered with ICAL.TimezoneService (ical.js 2.x also prefers
//   the file's own VTIMEZONE for a TZID), and a TZID the file does not define resolved from a
//   built-in zone database, as Thunderbird resolves it from its own (zones.json): here the
//   tzurl-style VTIMEZONEs of npm `timezones-ical-library`, pinned in package-lock.json;
// - each master (a VEVENT without RECURRENCE-ID) becomes an `ICAL.Event`, and every VEVENT of the
//   calendar with a RECURRENCE-ID and the same UID is related to it with `relateException`
//   (ical.js's default relates every RECURRENCE-ID of the calendar, whatever its UID);
// - each master is iterated with `event.iterator()` from its DTSTART and every instance goes
//   through `getOccurrenceDetails`, which swaps in the override (and RANGE=THISANDFUTURE).
// Iteration stops 31 days past TO, so an instance moved back into the window is still seen.

import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

// The node_modules folder `npm ci` filled from this folder's package-lock.json (the Rust test
// passes it; scripts/test installs it).
const modules = process.env.TOUCHPOINT_NODE_MODULES;
const load = (path) => import(pathToFileURL(join(modules, path)).href);
const ICAL = (await load("ical.js/dist/ical.js")).default;
const { tzlib_get_ical_block, tzlib_get_timezones } = await load(
  "timezones-ical-library/dist/mjs/index.js",
);

ICAL.design.strict = false;

const [from, to, ...files] = process.argv.slice(2);
const windowStart = Date.parse(`${from}T00:00:00Z`) / 1000;
const windowEnd = Date.parse(`${to}T00:00:00Z`) / 1000;
const stopAt = windowEnd + 31 * 86400;
const builtIn = new Set(tzlib_get_timezones());

function pad(n, width = 2) {
  return String(n).padStart(width, "0");
}

/** The normalised form of an ICAL.Time (see the head of this file). */
function normalise(t) {
  const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  if (t.isDate) return date;
  if (t.zone === ICAL.Timezone.localTimezone) {
    return `${date}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
  }
  return new Date(t.toUnixTime() * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Every TZID parameter of the calendar's events. */
function referencedTzids(root) {
  const ids = new Set();
  for (const event of root.getAllSubcomponents("vevent")) {
    for (const prop of event.getAllProperties()) {
      const tzid = prop.getParameter("tzid");
      if (typeof tzid === "string") ids.add(tzid);
    }
  }
  return ids;
}

function registerZones(root) {
  ICAL.TimezoneService.reset();
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtimezone);
  }
  for (const tzid of referencedTzids(root)) {
    if (ICAL.TimezoneService.has(tzid) || !builtIn.has(tzid)) continue;
    const [block] = tzlib_get_ical_block(tzid);
    const zone = new ICAL.Component(ICAL.parse(block));
    ICAL.TimezoneService.register(new ICAL.Timezone(zone), tzid);
  }
}

/** The occurrences of one master (with its related overrides) in the window. */
function expand(name, master) {
  const lines = [];
  const it = master.iterator();
  for (let next = it.next(); next; next = it.next()) {
    if (next.toUnixTime() >= stopAt) break;
    const details = master.getOccurrenceDetails(next);
    const start = details.startDate.toUnixTime();
    if (start < windowStart || start >= windowEnd) continue;
    lines.push({
      file: name,
      uid: master.uid,
      start: normalise(details.startDate),
      end: details.endDate ? normalise(details.endDate) : null,
    });
  }
  return lines;
}

/** The occurrences of every master of one parsed VCALENDAR. */
function expandCalendar(name, root) {
  registerZones(root);
  const vevents = root.getAllSubcomponents("vevent");
  const masters = vevents
    .filter((c) => !c.hasProperty("recurrence-id"))
    .map((c) => new ICAL.Event(c, { exceptions: [] }));
  for (const c of vevents.filter((c) => c.hasProperty("recurrence-id"))) {
    const uid = c.getFirstPropertyValue("uid");
    for (const master of masters.filter((m) => m.uid === uid)) master.relateException(c);
  }
  const lines = [];
  for (const master of masters) {
    // A master ical.js cannot expand is reported alone; the others are still listed.
    try {
      lines.push(...expand(name, master));
    } catch (error) {
      lines.push({ file: name, uid: master.uid, error: `${error.name}: ${error.message}` });
    }
  }
  return lines;
}

/**
 * When ical.js cannot parse the whole file (it rejects some values outright, e.g. an invalid
 * BYMONTHDAY): each series alone, its VEVENTs with the file's VTIMEZONEs, so one bad series is
 * reported alone and the others are still listed.
 */
function bySeries(name, text) {
  const zones = [];
  const events = [];
  let block = null;
  for (const line of text.split(/\r?\n/)) {
    if (block === null && (line === "BEGIN:VTIMEZONE" || line === "BEGIN:VEVENT")) {
      block = { end: `END:${line.slice(6)}`, lines: [line] };
    } else if (block !== null) {
      block.lines.push(line);
      if (line === block.end) {
        (block.end === "END:VTIMEZONE" ? zones : events).push(block.lines.join("\r\n"));
        block = null;
      }
    }
  }
  const uidOf = (vevent) => (vevent.replace(/\r\n[ \t]/g, "").match(/^UID:(.*)$/m) ?? [])[1] ?? "";
  const series = new Map();
  for (const vevent of events) {
    const uid = uidOf(vevent);
    series.set(uid, [...(series.get(uid) ?? []), vevent]);
  }
  const lines = [];
  for (const [uid, vevents] of series) {
    const calendar = ["BEGIN:VCALENDAR", "VERSION:2.0", ...zones, ...vevents, "END:VCALENDAR"];
    try {
      lines.push(...expandCalendar(name, new ICAL.Component(ICAL.parse(calendar.join("\r\n")))));
    } catch (error) {
      lines.push({ file: name, uid, error: `${error.name}: ${error.message}` });
    }
  }
  return lines;
}

function occurrences(name, text) {
  let parsed;
  try {
    parsed = ICAL.parse(text);
  } catch {
    return bySeries(name, text);
  }
  // Several VCALENDARs in one file: ical.js returns them as a list; read them all.
  const roots = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((c) => new ICAL.Component(c));
  return roots.flatMap((root) => expandCalendar(name, root));
}

const out = [];
for (const path of files) {
  const name = basename(path);
  let lines;
  try {
    lines = occurrences(name, readFileSync(path, "utf8"));
  } catch (error) {
    // Reported to the Rust side, which decides whether it is a known ical.js bug.
    lines = [{ file: name, error: `${error.name}: ${error.message}` }];
  }
  for (const line of lines) out.push(JSON.stringify(line));
}
process.stdout.write(out.length ? `${out.join("\n")}\n` : "");
