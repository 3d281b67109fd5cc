// Times in the visitor's zone where the server cannot know it: the embed page, the pages of the
// static export and the <touchpoint-upcoming> component. One copy, included by
// touchpoint_site::html::LOCAL_TIMES_JS.
//
// It reads only data attributes. Each <time datetime="START" data-end="END"> (instants) becomes
// "Thu 26 Nov 2026, 13:00–14:00" in the zone — the pages' own format, English like them, with a
// 12- or 24-hour clock chosen by the rule the server applies to Accept-Language (below); one
// with data-all-day keeps the server's text, and one whose datetime is a date ("2026-11-26")
// shows that date; a <time datetime=START data-clock> shows the clock alone. Each element with
// data-moved-from (and data-start) says "moved from Mon 21 Dec" in the zone; each with
// data-clocks-prev (and data-start) says "1 hour earlier than last time: clocks changed" where
// the zone's clock puts the meeting at another time than last time, and is hidden where it does
// not (touchpointClocks). Inline in a page
// (or loaded from /assets/local-times.js by the static export's pages), the <script>'s own
// attributes say what to do:
//   data-local-times       run on this page
//   data-tz="Area/City"    show this zone (else the browser's)
//   data-zone-from-query   show the zone `?tz=` names, when the browser knows it
//   data-zone-names        add the zone's abbreviation to every time
//   data-static            a page of the static export: regroup the agenda's days and the
//                          month's cells in the zone (touchpointRegroup, touchpointMonth),
//                          name the agenda's period in it (touchpointPeriod) and lay the
//                          week's hour grid out in it (touchpointWeek); site.js keeps
//                          "Starts in …" live on every page, served or exported
// and <html data-tz>, the #tz input and every element with data-zone-label then name the zone
// (the label's value, when it has one, is a template: "Times in %.").
// The component calls touchpointLocalTimes(root, zone, names) on its shadow root.
//
// 12-hour clock: where the browser's language names a region whose preferred hour cycle is "h"
// in CLDR 44's timeData (or, with no region, a language whose likely region does). The same
// lists as touchpoint_site's HourCycle (a unit test there keeps them equal).
var TOUCHPOINT_TWELVE_HOUR_REGIONS = "AE AG AL AR AS AU BB BD BH BM BN BO BS BT CA CL CO CR CU CY DJ DM DO DZ EC EG EH ER ET FJ FM GD GH GM GR GT GU GY HK HN IN IQ JM JO KH KI KN KP KR KW KY LB LC LR LS LY MH MO MP MR MW MX MY NA NI NZ OM PA PE PG PH PK PR PS PW PY QA SA SB SD SG SL SO SS SV SY SZ TC TD TN TO TT TW UM US UY VC VE VG VI VU WS YE ZM";
var TOUCHPOINT_TWELVE_HOUR_LANGUAGES = "ar bn el en fil hi ko ur";

function touchpointTwelveHour(tag) {
  "use strict";
  var parts = String(tag || "").trim().split(/[-_]/);
  var language = parts[0].toLowerCase();
  for (var i = 1; i < parts.length; i++) {
    var part = parts[i].toUpperCase();
    if (part === "419") return true;
    if (/^[A-Z]{2}$/.test(part)) return (" " + TOUCHPOINT_TWELVE_HOUR_REGIONS + " ").indexOf(" " + part + " ") >= 0;
  }
  return (" " + TOUCHPOINT_TWELVE_HOUR_LANGUAGES + " ").indexOf(" " + language + " ") >= 0;
}

// The clock of a page in `lang` (not English) as touchpoint_site's HourCycle::for_page reads
// it: the browser's most preferred tag of that language decides ("zh-SG" 12-hour), else the
// language's own clock ("ja" 24-hour), so a shared ?lang=ja link reads "8:00" in a browser set
// to en-US.
function touchpointTwelveHourOn(lang) {
  "use strict";
  var tags = typeof navigator !== "undefined" ? navigator.languages || [navigator.language] : [];
  var family = String(lang).toLowerCase().split("-")[0];
  for (var i = 0; i < tags.length; i++) {
    var tag = String(tags[i]), parts = tag.toLowerCase().split(/[-_]/);
    // Traditional Chinese is not the page's Simplified Chinese.
    if (parts[0] === family && !(family === "zh" && /^(tw|hk|mo|hant)$/.test(parts[1] || ""))) return touchpointTwelveHour(tag);
  }
  // Else the visitor's own habit: their most preferred tag's clock (HourCycle::for_page).
  return tags.length ? touchpointTwelveHour(String(tags[0])) : false;
}

// "13:05", or "1:05 PM" on a 12-hour clock, from Intl parts (hour, minute).
function touchpointClock(p, twelve) {
  "use strict";
  var hour = parseInt(p.hour, 10) % 24;
  if (!twelve) return (hour < 10 ? "0" : "") + hour + ":" + p.minute;
  return ((hour + 11) % 12 + 1) + ":" + p.minute + (hour < 12 ? " AM" : " PM");
}

// The words this file writes come from TOUCHPOINT_TEXT, the server's own messages in every
// language (touchpoint_site::embed::text_table, put in front of this file where it is served):
// touchpointSayer(lang)(key, english, values) is the sentence `key` of `lang` with its {names}
// filled from `values`. On an English page, or in a language without a table, `english`;
// null on a page in another language the table does not have, where the server's words stay.
function touchpointTextOf(lang) {
  "use strict";
  if (typeof TOUCHPOINT_TEXT === "undefined" || !lang) return null;
  var tags = Object.keys(TOUCHPOINT_TEXT), want = String(lang).toLowerCase(), i;
  for (i = 0; i < tags.length; i++) if (tags[i].toLowerCase() === want) return TOUCHPOINT_TEXT[tags[i]];
  // "zh-CN" reads zh-Hans, "pt-PT" pt-BR: the language the site has of that family.
  for (i = 0; i < tags.length; i++) if (tags[i].toLowerCase().split("-")[0] === want.split(/[-_]/)[0]) return TOUCHPOINT_TEXT[tags[i]];
  return null;
}

function touchpointSayer(lang) {
  "use strict";
  var text = touchpointTextOf(lang), english = !lang || /^en(-|$)/i.test(lang);
  return function (key, fallback, values) {
    var pattern = text && text[key] ? text[key] : english ? fallback : null;
    if (pattern === null) return null;
    return pattern.replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  };
}

// The page's language (html lang), "" where there is no page.
function touchpointPageLang() {
  "use strict";
  return typeof document !== "undefined" && document.documentElement ? document.documentElement.lang : "";
}

// Intl formats of `lang` for the date shapes of touchpoint_site::when (CLDR, as the server
// writes a page in another language than English), or null for English (written by parts).
function touchpointDates(lang, zone) {
  "use strict";
  if (!lang || /^en(-|$)/i.test(lang)) return null;
  // CLDR's medium dates write the month as a number in German and Japanese
  // ("Mo., 30.11.2026", "2026/11/30(月)"), as a short name elsewhere.
  var numeric = /^(de|ja)(-|$)/i.test(lang);
  var month = numeric ? "2-digit" : "short", day = numeric ? "2-digit" : "numeric";
  function make(options) {
    return new Intl.DateTimeFormat(lang, Object.assign({ timeZone: zone }, options));
  }
  return {
    day: make({ weekday: "short", day: day, month: month, year: "numeric" }),
    // Without its year, Japanese names the month again ("12月3日(木)"); German keeps numbers.
    dayNoYear: make({ weekday: "short", day: "numeric", month: /^de(-|$)/i.test(lang) ? "numeric" : "short" }),
    dayLong: make({ weekday: "long", day: "numeric", month: "long", year: "numeric" }),
    dayLongNoYear: make({ weekday: "long", day: "numeric", month: "long" }),
    yearMonthDay: make({ day: day, month: month, year: "numeric" })
  };
}

// `lang`: the language to write in; without it, the page's (html lang).
function touchpointLocalTimes(root, zone, names, lang) {
  "use strict";
  var f;
  var twelve = touchpointTwelveHour(typeof navigator !== "undefined" ? navigator.language : "");
  try {
    // Parts, not formatted strings: the text is put together below exactly as the server
    // writes it, whatever the browser's language would otherwise do to it.
    f = {
      at: new Intl.DateTimeFormat("en-US", { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }),
      date: new Intl.DateTimeFormat("en-US", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
      // The zone's abbreviation as the visitor's language writes it ("CET", "MEZ").
      zone: new Intl.DateTimeFormat(undefined, { timeZoneName: "short", timeZone: zone })
    };
    // A page in another language than English (html lang="ja") is written by CLDR on the
    // server; here the browser's Intl writes it in the same language, from the same CLDR.
    if (lang === undefined) lang = touchpointPageLang();
    f.say = touchpointSayer(lang);
    if (lang && !/^en(-|$)/i.test(lang)) {
      twelve = touchpointTwelveHourOn(lang);
      // CLDR's medium date with weekday writes the month as a number in German and Japanese
      // ("Mo., 30.11.2026", "2026/11/30(月)"), as a short name elsewhere.
      var numeric = /^(de|ja)(-|$)/i.test(lang);
      var dayOptions = { weekday: "short", day: numeric ? "2-digit" : "numeric", month: numeric ? "2-digit" : "short", year: "numeric" };
      f.cldr = {
        // How when.ftl joins a day and its clocks (when-span): "{day}, {start}–{end}".
        joint: /^(ja|zh)(-|$)/i.test(lang) ? " " : ", ",
        dash: /^ja(-|$)/i.test(lang) ? "～" : "–",
        day: new Intl.DateTimeFormat(lang, Object.assign({ timeZone: zone }, dayOptions)),
        date: new Intl.DateTimeFormat(lang, Object.assign({ timeZone: "UTC" }, dayOptions)),
        clock: new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "2-digit", hourCycle: twelve ? "h12" : "h23", timeZone: zone }),
        dates: touchpointDates(lang, zone)
      };
    }
  } catch (e) {
    return null; // the browser does not know this zone
  }
  if (f.cldr) return touchpointLocalTimesIntl(root, f, names);
  function parts(format, at) {
    var out = {};
    format.formatToParts(at).forEach(function (p) { out[p.type] = p.value; });
    return out;
  }
  function day(p, withYear) {
    return p.weekday + " " + p.day + " " + p.month + (withYear ? " " + p.year : "");
  }
  function clock(p) {
    return touchpointClock(p, twelve);
  }
  function zoneName(at) {
    var p = parts(f.zone, at);
    return p.timeZoneName ? " " + p.timeZoneName : "";
  }
  // A clock alone (a month cell's "13:00"): data-clock on a <time datetime=START>.
  var clocks = root.querySelectorAll("time[datetime][data-clock]");
  for (var k = 0; k < clocks.length; k++) {
    var at = new Date(clocks[k].getAttribute("datetime"));
    if (!isNaN(at)) clocks[k].textContent = clock(parts(f.at, at));
  }
  var times = root.querySelectorAll("time[datetime][data-end]:not([data-clock])");
  for (var i = 0; i < times.length; i++) {
    var el = times[i], value = el.getAttribute("datetime");
    if (value.indexOf("T") < 0) {
      var date = new Date(value + "T00:00:00Z");
      if (!isNaN(date)) el.textContent = day(parts(f.date, date), true);
      continue;
    }
    if (el.hasAttribute("data-all-day")) continue;
    var start = new Date(value), end = new Date(el.getAttribute("data-end"));
    if (isNaN(start) || isNaN(end)) continue;
    var s = parts(f.at, start), e = parts(f.at, end);
    var text = day(s, true) + ", " + clock(s);
    if (end > start) {
      text += day(s, true) === day(e, true) ? "–" + clock(e) : " – " + day(e, true) + ", " + clock(e);
    }
    el.textContent = names ? text + zoneName(start) : text;
  }
  var moved = root.querySelectorAll("[data-moved-from][data-start]");
  for (var m = 0; m < moved.length; m++) {
    var was = new Date(moved[m].getAttribute("data-moved-from"));
    var now = new Date(moved[m].getAttribute("data-start"));
    if (isNaN(was) || isNaN(now)) continue;
    var w = parts(f.at, was), n = parts(f.at, now);
    var said = f.say("moved", "moved from {when}", { when: day(w, true) === day(n, true) ? clock(w) : day(w, false) });
    if (said !== null) moved[m].textContent = said;
  }
  touchpointClocks(root, f.at.resolvedOptions().timeZone, f.say);
  // A weekly cadence ("Every Tuesday, 02:00 JST (Monday 17:00 UTC)"), said again in the zone
  // from the regular occurrence it was read off, as touchpoint_site::cadence says it.
  var cadences = root.querySelectorAll("[data-cadence-at][data-cadence-days][data-cadence-zone]");
  for (var c = 0; c < cadences.length; c++) {
    var line = touchpointCadence(cadences[c], f.at, zone, parts, clock);
    if (line) cadences[c].textContent = line;
  }
  return f.at.resolvedOptions().timeZone;
}

// touchpointLocalTimes for a page in another language than English: the dates and clocks by
// the browser's Intl in the page's language, "moved from …" and a weekly cadence by the page's
// own sentences.
function touchpointLocalTimesIntl(root, f, names) {
  "use strict";
  function zoneName(at) {
    var p = f.zone.formatToParts(at).filter(function (x) { return x.type === "timeZoneName"; });
    return p.length ? " " + p[0].value : "";
  }
  var clocks = root.querySelectorAll("time[datetime][data-clock]");
  for (var k = 0; k < clocks.length; k++) {
    var at = new Date(clocks[k].getAttribute("datetime"));
    if (isNaN(at)) continue;
    var text = f.cldr.clock.format(at);
    // A box of the week's grid breaks "5:00 PM" between the number and "PM" where its lane is
    // narrower, with spaces for CLDR's no-break ones (html/week.rs's `breakable`).
    clocks[k].textContent = clocks[k].closest(".ev") ? text.replace(/[\u00a0\u202f]/g, " ") : text;
  }
  var times = root.querySelectorAll("time[datetime][data-end]:not([data-clock])");
  for (var i = 0; i < times.length; i++) {
    var el = times[i], value = el.getAttribute("datetime");
    if (value.indexOf("T") < 0) {
      var date = new Date(value + "T00:00:00Z");
      if (!isNaN(date)) el.textContent = f.cldr.date.format(date);
      continue;
    }
    if (el.hasAttribute("data-all-day")) continue;
    var start = new Date(value), end = new Date(el.getAttribute("data-end"));
    if (isNaN(start) || isNaN(end)) continue;
    var first = f.cldr.day.format(start), last = f.cldr.day.format(end);
    var text = first + f.cldr.joint + f.cldr.clock.format(start);
    if (end > start) {
      text += first === last
        ? f.cldr.dash + f.cldr.clock.format(end)
        : " " + f.cldr.dash + " " + last + f.cldr.joint + f.cldr.clock.format(end);
    }
    el.textContent = names ? text + zoneName(start) : text;
  }
  var moved = root.querySelectorAll("[data-moved-from][data-start]");
  for (var m = 0; m < moved.length; m++) {
    var was = new Date(moved[m].getAttribute("data-moved-from"));
    var now = new Date(moved[m].getAttribute("data-start"));
    if (isNaN(was) || isNaN(now)) continue;
    var sameDay = f.cldr.day.format(was) === f.cldr.day.format(now);
    var said = f.say("moved", null, { when: sameDay ? f.cldr.clock.format(was) : f.cldr.dates.dayNoYear.format(was) });
    if (said !== null) moved[m].textContent = said;
  }
  touchpointClocks(root, f.at.resolvedOptions().timeZone, f.say);
  var cadences = root.querySelectorAll("[data-cadence-at][data-cadence-zone][data-cadence-rule]");
  for (var c = 0; c < cadences.length; c++) {
    var line = touchpointCadenceIntl(cadences[c], f);
    if (line) cadences[c].textContent = line;
  }
  return f.at.resolvedOptions().timeZone;
}

// "1 hour earlier than last time: clocks changed", as touchpoint_site's ClockShift works it
// out, in `zone`: each element with data-clocks-prev (the series' previous regular start),
// data-start and data-clocks-own (how many minutes the series' own offset grew since) shows
// how much earlier or later the meeting is on this zone's clock than last time, or is hidden
// and empty where it is not. Where only the series' clocks changed, data-clocks-place and
// data-clocks-day say where and when; where this zone's did, the note says only that clocks
// changed. `say` is touchpointSayer's.
function touchpointClocks(root, zone, say) {
  "use strict";
  var notes = root.querySelectorAll("[data-clocks-prev][data-start]");
  if (!notes.length) return;
  var wall = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23", timeZone: zone });
  // The zone's offset from UTC at `at`, in minutes.
  function offset(at) {
    var p = {};
    wall.formatToParts(at).forEach(function (x) { p[x.type] = x.value; });
    var local = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute);
    return Math.round((local - Math.floor(at.getTime() / 60000) * 60000) / 60000);
  }
  // A month cell's line: its title says the note the line's ellipsis may cut.
  function line(el) {
    return el.closest ? el.closest("table.month li.occ") : null;
  }
  function hide(el) {
    el.hidden = true;
    el.textContent = "";
    if (line(el)) line(el).removeAttribute("title");
  }
  for (var i = 0; i < notes.length; i++) {
    var el = notes[i];
    var previous = new Date(el.getAttribute("data-clocks-prev")), start = new Date(el.getAttribute("data-start"));
    var own = parseInt(el.getAttribute("data-clocks-own") || "0", 10);
    if (isNaN(previous) || isNaN(start) || isNaN(own)) continue;
    var here = offset(start) - offset(previous), shift = here - own, minutes = Math.abs(shift);
    if (!shift) {
      hide(el);
      continue;
    }
    var duration = minutes % 60 ? say("minutes", "{count} minutes", { count: minutes })
      : minutes === 60 ? say("hour", "1 hour") : say("hours", "{count} hours", { count: minutes / 60 });
    var place = el.getAttribute("data-clocks-place"), day = el.getAttribute("data-clocks-day");
    var named = here === 0 && place && day;
    var key = (shift < 0 ? "clocksEarlier" : "clocksLater") + (named ? "In" : "");
    var english = (shift < 0 ? "{duration} earlier" : "{duration} later") + " than last time: clocks changed" + (named ? " in {place} on {day}" : "");
    var said = duration === null ? null : say(key, english, { duration: duration, place: place, day: day });
    // Without the page's words the server's note would say another zone's change: none.
    if (said === null) {
      hide(el);
      continue;
    }
    el.textContent = said;
    el.hidden = false;
    if (line(el)) line(el).title = said;
  }
}

// A weekly cadence in the page's language, said again in the visitor's zone as
// touchpoint_site::cadence says it: the rule's words the server wrote for the visitor's day
// (the series' day, the day before or the day after), the clock by Intl, then the series' own
// days, clock and zone where they read differently. Null (the server's line stays) for what the
// server gave no words for.
function touchpointCadenceIntl(el, f) {
  "use strict";
  var at = new Date(el.getAttribute("data-cadence-at"));
  var anchorZone = el.getAttribute("data-cadence-zone");
  if (isNaN(at)) return null;
  var o = f.cldr.clock.resolvedOptions(), zone = o.timeZone, there;
  var days = touchpointCadenceDays(at, zone, anchorZone);
  if (days === null) return null;
  var shift = days.shift, short = days.short;
  try {
    there = new Intl.DateTimeFormat(o.locale, { hour: "numeric", minute: "2-digit", hourCycle: o.hourCycle, timeZone: anchorZone });
  } catch (e) {
    return null;
  }
  var rule = shift === 0 ? el.getAttribute("data-cadence-rule")
    : shift === -1 ? el.getAttribute("data-cadence-rule-earlier")
    : shift === 1 ? el.getAttribute("data-cadence-rule-later") : null;
  if (rule === null) return null;
  var here = f.cldr.clock.format(at), anchor = there.format(at);
  var local = f.say("cadence", null, { rule: rule, clock: here, zone: short(zone) });
  if (local === null) return null;
  if (shift === 0 && here === anchor && short(zone) === short(anchorZone)) return local;
  var days = el.getAttribute("data-cadence-days-text");
  var own = days
    ? f.say("cadenceAnchorDays", null, { days: days, clock: anchor, zone: short(anchorZone) })
    : f.say("cadenceAnchor", null, { clock: anchor, zone: short(anchorZone) });
  return own === null ? local : f.say("cadenceWith", null, { local: local, anchor: own });
}

// What both cadence writers need at `at`: how many days the visitor's date (in `zone`) is after
// the series' (in `anchorZone`), and each zone's short name as the browser's language writes
// it; null for a zone the browser does not know.
function touchpointCadenceDays(at, zone, anchorZone) {
  "use strict";
  function dayOf(z) {
    return Date.parse(new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: z }).format(at));
  }
  function short(z) {
    var p = new Intl.DateTimeFormat(undefined, { timeZoneName: "short", timeZone: z }).formatToParts(at);
    for (var j = 0; j < p.length; j++) if (p[j].type === "timeZoneName") return p[j].value;
    return "";
  }
  try {
    return { shift: Math.round((dayOf(zone) - dayOf(anchorZone)) / 86400000), short: short };
  } catch (e) {
    return null;
  }
}

function touchpointCadence(el, here, zone, parts, clock) {
  "use strict";
  var NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  var at = new Date(el.getAttribute("data-cadence-at"));
  var anchorZone = el.getAttribute("data-cadence-zone");
  if (isNaN(at)) return null;
  var known = touchpointCadenceDays(at, zone, anchorZone), there;
  if (known === null) return null;
  var shift = known.shift, abbreviation = known.short;
  try {
    there = new Intl.DateTimeFormat("en-US", { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: anchorZone });
  } catch (e) {
    return null;
  }
  var days = el.getAttribute("data-cadence-days").split(" ").map(function (d) { return parseInt(d, 10) - 1; });
  function list(indexes) {
    var names = indexes.slice().sort(function (a, b) { return a - b; }).map(function (i) { return NAMES[i]; });
    return names.length < 2 ? names.join("") : names.slice(0, -1).join(", ") + " and " + names[names.length - 1];
  }
  var moved = list(days.map(function (d) { return ((d + shift) % 7 + 7) % 7; }));
  var interval = parseInt(el.getAttribute("data-cadence-interval"), 10) || 1;
  var rule = interval === 1 ? "Every " + moved : interval === 2 ? "Every other " + moved : "Every " + interval + " weeks on " + moved;
  var h = parts(here, at), t = parts(there, at);
  var local = rule + ", " + clock(h) + " " + abbreviation(zone);
  var same = shift === 0 && clock(h) === clock(t) && abbreviation(zone) === abbreviation(anchorZone);
  return same ? local : local + " (" + list(days) + " " + clock(t) + " " + abbreviation(anchorZone) + ")";
}

// The agenda's days (<section class="agenda-day" data-day="YYYY-MM-DD">, each with an <h3> and
// a list of occurrences) regrouped in `zone`: a meeting at 23:30 UTC on Monday is listed under
// Tuesday in Auckland. Headings are written as the server writes them ("Tue 1 Dec 2026" and a
// "Today" badge, in the page's language), sections in date order; an all-day meeting keeps its
// section's day.
function touchpointRegroup(root, zone) {
  "use strict";
  var sections = root.querySelectorAll("section.agenda-day[data-day]");
  if (!sections.length) return;
  var lang = touchpointPageLang(), say = touchpointSayer(lang), dates = touchpointDates(lang, "UTC");
  var key = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone });
  var short = dates ? dates.day : new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  var long = dates ? dates.dayLong : new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  function label(format, day) {
    if (dates) return format.format(new Date(day + "T12:00:00Z"));
    var p = {};
    format.formatToParts(new Date(day + "T12:00:00Z")).forEach(function (x) { p[x.type] = x.value; });
    return p.weekday + " " + p.day + " " + p.month + " " + p.year;
  }
  var parent = sections[0].parentNode, after = sections[sections.length - 1].nextSibling;
  var days = {};
  for (var i = 0; i < sections.length; i++) {
    var items = sections[i].querySelectorAll("li.occ");
    for (var j = 0; j < items.length; j++) {
      var time = items[j].querySelector("time[datetime][data-end]");
      var day = sections[i].getAttribute("data-day");
      if (time && !time.hasAttribute("data-all-day") && time.getAttribute("datetime").indexOf("T") >= 0) {
        var at = new Date(time.getAttribute("datetime"));
        if (!isNaN(at)) day = key.format(at);
      }
      (days[day] = days[day] || []).push(items[j]);
    }
    parent.removeChild(sections[i]);
  }
  var today = key.format(new Date());
  Object.keys(days).sort().forEach(function (day) {
    var section = document.createElement("section");
    section.className = "agenda-day";
    section.setAttribute("data-day", day);
    section.setAttribute("aria-label", label(long, day));
    var h = document.createElement("h3");
    h.textContent = label(short, day);
    if (day === today && say("today", "Today") !== null) touchpointBadge(h, "today-badge", say("today", "Today"));
    var list = document.createElement("ul");
    list.className = "occurrences";
    days[day].forEach(function (li) { list.appendChild(li); });
    section.appendChild(h);
    section.appendChild(list);
    parent.insertBefore(section, after);
  });
}

// The agenda's period heading (<h2 data-from=START data-to=END>, the build zone's days as
// instants) named in `zone`: "29 Nov 2026 – 29 Dec 2026" in Los Angeles for a UTC build.
function touchpointPeriod(root, zone) {
  "use strict";
  var h = root.querySelector("h2[data-from][data-to]");
  if (!h) return;
  var from = Date.parse(h.getAttribute("data-from")), to = Date.parse(h.getAttribute("data-to"));
  if (isNaN(from) || isNaN(to) || to <= from) return;
  var lang = touchpointPageLang(), dates = touchpointDates(lang, zone);
  var format = dates ? dates.yearMonthDay : new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: zone });
  function day(at) {
    if (dates) return format.format(new Date(at));
    var p = {};
    format.formatToParts(new Date(at)).forEach(function (x) { p[x.type] = x.value; });
    return p.day + " " + p.month + " " + p.year;
  }
  var was = h.textContent, text = touchpointSayer(lang)("range", "{from} – {to}", { from: day(from), to: day(to - 1) });
  if (text === null || was === text) return;
  h.textContent = text;
  document.title = document.title.replace(was, text);
}

// The month's cells (<td data-day="YYYY-MM-DD"> in table.month) in `zone`: each timed meeting
// (a <time datetime=START data-clock>) moves to the cell of its day there, in time order, from
// the hidden ul.month-spare too (the days around the month the server carried), and out of the
// grid into that list when its day there is not in the grid; the cell of today there is
// marked; and a crowded cell lists as many as the server would (table[data-cell-max], one
// fewer and "+N more", a link to data-more-href) once the meetings have moved.
function touchpointMonth(root, zone) {
  "use strict";
  var table = root.querySelector("table.month");
  var cells = root.querySelectorAll("table.month td[data-day]");
  if (!table || !cells.length) return;
  var key = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone });
  var byDay = {}, i;
  for (i = 0; i < cells.length; i++) byDay[cells[i].getAttribute("data-day")] = cells[i];
  function start(li) {
    var time = li.querySelector("time[datetime]");
    return time ? Date.parse(time.getAttribute("datetime")) : NaN;
  }
  function insert(list, li) {
    var at = start(li), next = null;
    for (var j = 0; j < list.children.length && !next; j++) {
      if (start(list.children[j]) > at) next = list.children[j];
    }
    list.insertBefore(li, next);
  }
  var spare = root.querySelector("ul.month-spare");
  var items = root.querySelectorAll("table.month td[data-day] li.occ, ul.month-spare li.occ"), moves = [];
  for (i = 0; i < items.length; i++) {
    var time = items[i].querySelector("time[datetime][data-clock]");
    if (!time) continue;
    var day = key.format(new Date(time.getAttribute("datetime")));
    var cell = items[i].closest("td");
    if (cell ? day !== cell.getAttribute("data-day") : byDay[day]) moves.push([items[i], byDay[day] || null]);
  }
  moves.forEach(function (move) {
    var li = move[0], td = move[1];
    if (!td) {
      if (!spare) {
        spare = document.createElement("ul");
        spare.className = "occurrences month-spare";
        spare.hidden = true;
        table.after(spare);
      }
      return insert(spare, li);
    }
    var list = td.querySelector("ul.occurrences");
    if (!list) {
      list = document.createElement("ul");
      list.className = "occurrences";
      td.insertBefore(list, td.querySelector("a.more-day"));
    }
    insert(list, li);
  });
  var today = key.format(new Date());
  var max = parseInt(table.getAttribute("data-cell-max"), 10);
  var lang = touchpointPageLang(), say = touchpointSayer(lang), dates = touchpointDates(lang, "UTC");
  var long = dates ? dates.dayLongNoYear : new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  for (i = 0; i < cells.length; i++) {
    var list = cells[i].querySelector("ul.occurrences");
    if (list && !list.children.length) list.parentNode.removeChild(list);
    var listed = cells[i].querySelectorAll("li.occ");
    cells[i].classList.toggle("free", !listed.length);
    var isToday = cells[i].getAttribute("data-day") === today;
    cells[i].classList.toggle("is-today", isToday);
    var label = cells[i].querySelector(".dlabel");
    if (label) {
      [].forEach.call(label.querySelectorAll(".today-badge"), touchpointUnbadge);
      if (isToday && say("today", "Today") !== null) touchpointBadge(label, "today-badge", say("today", "Today"));
    }
    if (max > 0) touchpointMore(cells[i], listed, max, table.getAttribute("data-more-href"), long, say, !!dates);
  }
}

// A month cell's count: `max` meetings, or one fewer and "+N more" (touchpointMonth), said by
// `say` (touchpointSayer) with the day by `long` (written whole when `intl`, else by parts).
function touchpointMore(cell, listed, max, href, long, say, intl) {
  "use strict";
  var shown = listed.length > max ? max - 1 : listed.length;
  for (var j = 0; j < listed.length; j++) listed[j].hidden = j >= shown;
  var more = cell.querySelector("a.more-day");
  if (shown === listed.length) {
    if (more) more.parentNode.removeChild(more);
    return;
  }
  if (!more) {
    more = document.createElement("a");
    more.className = "more-day";
    more.href = href || "";
    cell.appendChild(more);
  }
  var at = new Date(cell.getAttribute("data-day") + "T12:00:00Z"), p = {};
  long.formatToParts(at).forEach(function (x) { p[x.type] = x.value; });
  var text = say("more", "+{count} more", { count: listed.length - shown });
  var on = say("moreOn", "on {date}", { date: intl ? long.format(at) : p.weekday + " " + p.day + " " + p.month });
  if (text === null || on === null) return;
  var sr = document.createElement("span");
  sr.className = "sr";
  sr.textContent = " " + on;
  more.textContent = text;
  more.appendChild(sr);
}

// The week's hour grid (html/week.rs: .wk[data-tz][data-working-hours], laid out on the server
// in the build's zone) laid out again in `zone` by touchpoint_site::timegrid's rules: each
// occurrence (li.ev[data-i], in the grid or in the hidden ol.wk-spare of the days around it,
// its start the <time datetime> and its end data-end) on the wall clock of each grid day it
// touches there, overlapping ones side by side, the hours widened to what the week holds and
// to now, the day headings' "Today" and "Clocks change" in that zone. site.js then follows the
// clock in the zone the grid names (data-tz).
function touchpointWeek(root, zone) {
  "use strict";
  var grid = root.querySelector(".wk[data-tz][data-working-hours]");
  if (!grid || grid.getAttribute("data-tz") === zone) return;
  var DAY = 24 * 60, MIN = 20, MAX_LANES = 6;
  var wall = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone });
  var twelve = touchpointTwelveHour(typeof navigator !== "undefined" ? navigator.language : "");
  var lang = touchpointPageLang(), say = touchpointSayer(lang), intl = touchpointDates(lang, zone) !== null;
  if (intl) twelve = touchpointTwelveHourOn(lang);
  // A page in another language than English: its clocks by Intl, as the server's CLDR writes them.
  var clockOf = intl ? new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "2-digit", hourCycle: twelve ? "h12" : "h23", timeZone: zone }) : null;
  var hourOf = intl ? new Intl.DateTimeFormat(lang, { hour: "numeric", hourCycle: twelve ? "h12" : "h23", timeZone: "UTC" }) : null;
  function clock(at) {
    return clockOf ? clockOf.format(new Date(at)) : touchpointClock(local(at).p, twelve);
  }
  function local(at) {
    var p = {};
    wall.formatToParts(new Date(at)).forEach(function (x) { p[x.type] = x.value; });
    return { day: p.year + "-" + p.month + "-" + p.day, minutes: (parseInt(p.hour, 10) % 24) * 60 + parseInt(p.minute, 10), p: p };
  }
  // The first instant of `day` in the zone (to the minute): its days only ever move forward.
  function dayStart(day) {
    var midnight = Date.parse(day + "T00:00:00Z");
    var lo = midnight - 16 * 3600000, hi = midnight + 16 * 3600000;
    while (hi - lo > 60000) {
      var mid = lo + Math.floor((hi - lo) / 120000) * 60000;
      if (local(mid).day >= day) hi = mid; else lo = mid;
    }
    return hi;
  }
  function nextDay(day) {
    return new Date(Date.parse(day + "T00:00:00Z") + 86400000).toISOString().slice(0, 10);
  }
  // timegrid::segment: the part of [start, end) on a day, in wall-clock minutes.
  function segment(start, end, from, to) {
    end = Math.max(end, start);
    var touches = end === start ? from <= start && start < to : start < to && end > from;
    if (!touches) return null;
    var top = start <= from ? 0 : local(start).minutes;
    var bottom = end >= to ? DAY : local(end).minutes;
    if (bottom <= top) bottom = top + Math.floor((end - Math.max(start, from)) / 60000);
    bottom = Math.min(Math.max(bottom, top + MIN), DAY);
    return { top: Math.min(top, bottom - MIN), bottom: bottom };
  }
  // timegrid::lanes: the leftmost free lane, earlier (then longer) first; a group shares width.
  function lanes(segments) {
    var order = segments.map(function (_, i) { return i; });
    order.sort(function (a, b) {
      return segments[a].top - segments[b].top || segments[b].bottom - segments[a].bottom || a - b;
    });
    var placed = segments.map(function () { return { lane: 0, lanes: 1 }; });
    var group = [], ends = [], groupEnd = -Infinity;
    function close() {
      group.forEach(function (m) { placed[m].lanes = ends.length; });
      group = [];
      ends = [];
    }
    order.forEach(function (i) {
      var s = segments[i];
      if (s.top >= groupEnd) close();
      var lane = -1;
      for (var j = 0; j < ends.length && lane < 0; j++) if (ends[j] <= s.top) lane = j;
      if (lane < 0) { ends.push(s.bottom); lane = ends.length - 1; } else ends[lane] = s.bottom;
      placed[i].lane = lane;
      group.push(i);
      groupEnd = group.length === 1 ? s.bottom : Math.max(groupEnd, s.bottom);
    });
    close();
    return placed;
  }
  function place(minutes, length) {
    var top = Math.floor((Math.max(minutes, 0) + 2) / 5);
    var out = "gy" + Math.floor(top / 12) + " gm" + top % 12;
    if (length !== undefined) {
      var height = Math.max(Math.floor((length + 2) / 5), 1);
      out += " gd" + Math.floor(height / 12) + " gq" + height % 12;
    }
    return out;
  }
  // Every occurrence once, earliest first (as the server lists them).
  var seen = {}, events = [];
  [].forEach.call(root.querySelectorAll(".wk li.ev[data-i], ol.wk-spare li.ev[data-i]"), function (li) {
    var id = li.getAttribute("data-i");
    var time = li.querySelector("time[datetime]");
    var start = time ? Date.parse(time.getAttribute("datetime")) : NaN, end = Date.parse(li.getAttribute("data-end"));
    if (li.parentNode.closest(".wk")) li.parentNode.removeChild(li);
    if (seen[id] || isNaN(start) || isNaN(end)) return;
    seen[id] = true;
    events.push({ li: li, start: start, end: end, i: parseInt(id, 10), used: false });
  });
  events.sort(function (a, b) { return a.start - b.start || a.i - b.i; });
  var now = Date.now(), today = local(now).day;
  var working = grid.getAttribute("data-working-hours").split(" ").map(Number);
  var from = working[0], to = working[1];
  var columns = [].map.call(grid.querySelectorAll(".wk-day[data-date]"), function (section) {
    var day = section.getAttribute("data-date");
    var start = dayStart(day), end = dayStart(nextDay(day));
    var timed = [];
    events.forEach(function (ev) {
      var s = segment(ev.start, ev.end, start, end);
      if (s) timed.push({ ev: ev, s: s });
    });
    timed.forEach(function (t) {
      from = Math.min(from, Math.floor(t.s.top / 60));
      to = Math.max(to, Math.ceil(t.s.bottom / 60));
    });
    return { section: section, day: day, minutes: Math.round((end - start) / 60000), timed: timed };
  });
  var days = columns.map(function (c) { return c.day; });
  if (days.indexOf(today) >= 0) {
    from = Math.min(from, Math.floor(local(now).minutes / 60));
    to = Math.max(to, Math.floor(local(now).minutes / 60) + 1);
  }
  from = Math.min(Math.max(from, 0), 23);
  to = Math.min(Math.max(to, 1), 24);
  columns.forEach(function (c) {
    var list = c.section.querySelector("ol.wk-events");
    var placed = lanes(c.timed.map(function (t) { return t.s; }));
    c.timed.forEach(function (t, k) {
      var li = t.ev.used ? t.ev.li.cloneNode(true) : t.ev.li;
      t.ev.used = true;
      var n = Math.min(placed[k].lanes, MAX_LANES);
      li.className = "ev " + place(t.s.top - from * 60, t.s.bottom - t.s.top) + " gl" + Math.min(placed[k].lane, n - 1) + " gn" + n +
        (t.ev.end <= now ? " past" : "") + (li.classList.contains("cancelled") ? " cancelled" : "");
      var title = li.querySelector(".title");
      li.title = clock(t.ev.start) + "–" + clock(t.ev.end) +
        (title ? " " + title.textContent : "");
      list.appendChild(li);
    });
    var h = c.section.querySelector("h3");
    [].forEach.call(h.querySelectorAll(".today-badge, .wk-dst"), touchpointUnbadge);
    c.section.classList.toggle("is-today", c.day === today);
    // The day's length in hours as the page's language writes a number (Lord Howe Island's
    // 23.5, German "23,5"), as touchpoint_site::when::cldr::hours does.
    var hours = new Intl.NumberFormat(lang || "en", { maximumFractionDigits: 2 }).format(c.minutes / 60);
    var todayText = say("today", "Today"), dst = say("dst", "Clocks change: {hours} hours", { hours: hours });
    if (c.day === today && todayText !== null) touchpointBadge(h, "today-badge", todayText);
    if (c.minutes !== 1440 && dst !== null) touchpointBadge(h, "wk-dst", dst);
    var slots = c.section.querySelector(".wk-slots"), none = slots.querySelector("p.sr");
    var empty = !c.timed.length && !c.section.querySelector(".wk-allday li");
    if (empty && !none && say("none", "No meetings.") !== null) {
      none = document.createElement("p");
      none.className = "sr";
      none.textContent = say("none", "No meetings.");
      slots.insertBefore(none, slots.firstChild);
    } else if (!empty && none) {
      slots.removeChild(none);
    }
  });
  // The now line is site.js's to draw, in the zone the grid now names.
  [].forEach.call(grid.querySelectorAll(".wk-now"), function (line) { line.parentNode.removeChild(line); });
  var hours = grid.querySelector(".wk-hours");
  hours.textContent = "";
  for (var hour = from; hour < to; hour++) {
    var label = document.createElement("span");
    var text = touchpointClock({ hour: String(hour), minute: "00" }, twelve);
    if (hourOf) label.textContent = hourOf.format(Date.UTC(2000, 0, 1, hour));
    else label.textContent = twelve ? text.replace(":00", "") : text;
    hours.appendChild(label);
  }
  grid.className = grid.className.replace(/\bgd\d+\b/, "gd" + (to - from));
  grid.setAttribute("data-from-hour", from);
  grid.setAttribute("data-to-hour", to);
  grid.setAttribute("data-tz", zone);
}

// A badge gone, with the space before it.
function touchpointUnbadge(el) {
  "use strict";
  var space = el.previousSibling;
  if (space && space.nodeType === 3 && !space.textContent.trim()) space.parentNode.removeChild(space);
  el.parentNode.removeChild(el);
}

// " <span class=NAME>TEXT</span>" at the end of a heading.
function touchpointBadge(h, name, text) {
  "use strict";
  var span = document.createElement("span");
  span.className = name;
  span.textContent = text;
  h.appendChild(document.createTextNode(" "));
  h.appendChild(span);
}

(function () {
  "use strict";
  var script = typeof document !== "undefined" ? document.currentScript : null;
  if (!script || !script.hasAttribute("data-local-times")) return;
  var zone = script.getAttribute("data-tz") || undefined;
  if (script.hasAttribute("data-zone-from-query")) {
    zone = new URLSearchParams(location.search).get("tz") || undefined;
  }
  var names = script.hasAttribute("data-zone-names");
  var shown = touchpointLocalTimes(document, zone, names);
  if (shown === null && zone) shown = touchpointLocalTimes(document, undefined, names);
  if (!shown) return;
  document.documentElement.setAttribute("data-tz", shown);
  if (script.hasAttribute("data-static")) {
    touchpointRegroup(document, shown);
    touchpointPeriod(document, shown);
    touchpointMonth(document, shown);
    touchpointWeek(document, shown);
  }
  var labels = document.querySelectorAll("[data-zone-label]");
  for (var i = 0; i < labels.length; i++) {
    var template = labels[i].getAttribute("data-zone-label");
    labels[i].textContent = template ? template.replace("%", shown) : shown;
  }
  var input = document.getElementById("tz");
  if (input) input.value = shown;
  // A shared link's ?tz= on a page of the static export: say so, as the server does, with a
  // link to the same page without it.
  var form = document.querySelector("form.tz");
  var params = new URLSearchParams(location.search);
  if (form && script.hasAttribute("data-zone-from-query") && params.get("tz") === shown && !document.querySelector(".zone-shared")) {
    params.delete("tz");
    params.delete("remember");
    var rest = params.toString();
    var lang = touchpointPageLang(), say = touchpointSayer(lang);
    var zoned = shown.indexOf("/") >= 0 && shown.indexOf("Etc/") !== 0;
    var place = !zoned ? shown : shown.slice(shown.lastIndexOf("/") + 1).replace(/_/g, " ") + " time";
    if (zoned && touchpointDates(lang, shown)) {
      // The zone's generic name in the page's language ("日本時間"), as near as Intl comes to
      // the server's CLDR location name.
      new Intl.DateTimeFormat(lang, { timeZoneName: "longGeneric", timeZone: shown }).formatToParts(new Date()).forEach(function (x) {
        if (x.type === "timeZoneName") place = x.value;
      });
    }
    var sentence = say("shown", "Shown in {zone}"), mine = say("ownZone", "use my zone");
    if (sentence !== null && mine !== null) {
      var note = document.createElement("p");
      note.className = "zone-shared";
      var strong = document.createElement("strong");
      strong.textContent = place;
      var own = document.createElement("a");
      own.href = location.pathname + (rest ? "?" + rest : "");
      own.textContent = mine;
      var at = sentence.indexOf("{zone}");
      note.append(sentence.slice(0, at), strong, sentence.slice(at + 6), " · ", own);
      form.after(note);
    }
  }
})();
