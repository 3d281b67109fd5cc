// ical.js reader of tests/feed_readers.rs: Mozilla's ical.js 2.x (Thunderbird's engine), driven
// the way Thunderbird reads a subscribed calendar (see crates/calendar/tests/differential/
// icaljs.mjs): the lenient parser, every VTIMEZONE of the file registered with
// ICAL.TimezoneService, each VEVENT an ICAL.Event.
//
// Usage: TOUCHPOINT_NODE_MODULES=DIR node read.mjs FILE...
//        (DIR: the node_modules that `npm ci` fills in crates/calendar/tests/differential)
//
// Prints one JSON line per file: {"file": NAME, "events": [{"uid": UID, "start": S}, ...]} in the
// order of the file, or {"file": NAME, "error": MESSAGE} when ical.js rejects it. S is
// "YYYY-MM-DD" for a date, "YYYY-MM-DDTHH:MM:SS" for a floating date-time and
// "YYYY-MM-DDTHH:MM:SSZ" (the instant in UTC, through the file's VTIMEZONE) for a zoned one. A
// TZID the file does not define is an error: ical.js would read it as floating time.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const modules = process.env.TOUCHPOINT_NODE_MODULES;
const ICAL = (await import(pathToFileURL(join(modules, "ical.js/dist/ical.js")).href)).default;

ICAL.design.strict = false;

const pad = (n, width = 2) => String(n).padStart(width, "0");

function normalise(t) {
  const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  if (t.isDate) return date;
  if (t.zone === ICAL.Timezone.localTimezone) {
    return `${date}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
  }
  return new Date(t.toUnixTime() * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function read(text) {
  const root = new ICAL.Component(ICAL.parse(text));
  if (root.name !== "vcalendar") throw new Error(`not a VCALENDAR but ${root.name}`);
  ICAL.TimezoneService.reset();
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtimezone);
  }
  return root.getAllSubcomponents("vevent").map((vevent) => {
    const tzid = vevent.getFirstProperty("dtstart")?.getParameter("tzid");
    if (typeof tzid === "string" && tzid !== "UTC" && !ICAL.TimezoneService.has(tzid)) {
      throw new Error(`DTSTART's TZID ${tzid} has no VTIMEZONE`);
    }
    const event = new ICAL.Event(vevent);
    if (!event.startDate) throw new Error(`event ${event.uid} has no DTSTART`);
    return { uid: event.uid, start: normalise(event.startDate) };
  });
}

for (const file of process.argv.slice(2)) {
  let line;
  try {
    line = { file, events: read(readFileSync(file, "utf8")) };
  } catch (error) {
    line = { file, error: String(error?.stack ?? error) };
  }
  console.log(JSON.stringify(line));
}
