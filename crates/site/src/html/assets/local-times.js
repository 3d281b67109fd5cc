// Times in the visitor's zone where the server cannot know it: the embed page, the pages of the
// static export and the <touchpoint-upcoming> component. One copy, included by
// touchpoint_site::html::LOCAL_TIMES_JS.
//
// It reads only data attributes. Each <time datetime="START" data-end="END"> (instants) becomes
// "Thu 26 Nov 2026, 13:00–14:00" in the zone — the pages' own format, English like them, with a
// 12- or 24-hour clock chosen by the rule the server applies to Accept-Language (below); one
// with data-all-day keeps the server's text, and one whose datetime is a date ("2026-11-26")
// shows that date; a <time datetime=START data-clock> shows the clock alone. Each element with
// data-moved-from (and data-start) says "moved from Mon 21 Dec" in the zone. Inline in a page
// (or loaded from /assets/local-times.js by the static export's pages), the <script>'s own
// attributes say what to do:
//   data-local-times       run on this page
//   data-tz="Area/City"    show this zone (else the browser's)
//   data-zone-from-query   show the zone `?tz=` names, when the browser knows it
//   data-zone-names        add the zone's abbreviation to every time
//   data-static            a page of the static export: regroup the agenda's days and the
//                          month's cells in the zone and keep "Starts in …" live
//                          (touchpointRegroup, touchpointMonth, touchpointMarkers)
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

function touchpointLocalTimes(root, zone, names) {
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
  } catch (e) {
    return null; // the browser does not know this zone
  }
  function parts(format, at) {
    var out = {};
    format.formatToParts(at).forEach(function (p) { out[p.type] = p.value; });
    return out;
  }
  function day(p, withYear) {
    return p.weekday + " " + p.day + " " + p.month + (withYear ? " " + p.year : "");
  }
  function clock(p) {
    var hour = parseInt(p.hour, 10) % 24;
    if (!twelve) return (hour < 10 ? "0" : "") + hour + ":" + p.minute;
    return ((hour + 11) % 12 + 1) + ":" + p.minute + (hour < 12 ? " AM" : " PM");
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
  var times = root.querySelectorAll("time[datetime][data-end]");
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
    moved[m].textContent = "moved from " + (day(w, true) === day(n, true) ? clock(w) : day(w, false));
  }
  // A weekly cadence ("Every Tuesday, 02:00 JST (Monday 17:00 UTC)"), said again in the zone
  // from the regular occurrence it was read off, as touchpoint_site::cadence says it.
  var cadences = root.querySelectorAll("[data-cadence-at][data-cadence-days][data-cadence-zone]");
  for (var c = 0; c < cadences.length; c++) {
    var line = touchpointCadence(cadences[c], f.at, zone, parts, clock);
    if (line) cadences[c].textContent = line;
  }
  return f.at.resolvedOptions().timeZone;
}

function touchpointCadence(el, here, zone, parts, clock) {
  "use strict";
  var NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  var at = new Date(el.getAttribute("data-cadence-at"));
  var anchorZone = el.getAttribute("data-cadence-zone");
  var there, dayOf, abbreviation;
  try {
    there = new Intl.DateTimeFormat("en-US", { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: anchorZone });
    dayOf = function (z) { return Date.parse(new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: z }).format(at)); };
    abbreviation = function (z) {
      var p = new Intl.DateTimeFormat(undefined, { timeZoneName: "short", timeZone: z }).formatToParts(at);
      for (var j = 0; j < p.length; j++) if (p[j].type === "timeZoneName") return p[j].value;
      return "";
    };
  } catch (e) {
    return null;
  }
  if (isNaN(at)) return null;
  var shift = Math.round((dayOf(zone) - dayOf(anchorZone)) / 86400000);
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
// "Today" badge), sections in date order; an all-day meeting keeps its section's day.
function touchpointRegroup(root, zone) {
  "use strict";
  var sections = root.querySelectorAll("section.agenda-day[data-day]");
  if (!sections.length) return;
  var key = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone });
  var short = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  var long = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  function label(format, day) {
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
    if (day === today) {
      var badge = document.createElement("span");
      badge.className = "today-badge";
      badge.textContent = "Today";
      h.appendChild(document.createTextNode(" "));
      h.appendChild(badge);
    }
    var list = document.createElement("ul");
    list.className = "occurrences";
    days[day].forEach(function (li) { list.appendChild(li); });
    section.appendChild(h);
    section.appendChild(list);
    parent.insertBefore(section, after);
  });
}

// The month's cells (<td data-day="YYYY-MM-DD"> in table.month) in `zone`: each timed meeting
// (a <time datetime=START data-clock>) moves to the cell of its day there, in time order, and
// the cell of today there is marked.
function touchpointMonth(root, zone) {
  "use strict";
  var cells = root.querySelectorAll("table.month td[data-day]");
  if (!cells.length) return;
  var key = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone });
  var byDay = {}, i;
  for (i = 0; i < cells.length; i++) byDay[cells[i].getAttribute("data-day")] = cells[i];
  function start(li) {
    var time = li.querySelector("time[datetime]");
    return time ? Date.parse(time.getAttribute("datetime")) : NaN;
  }
  var items = root.querySelectorAll("table.month td[data-day] li.occ"), moves = [];
  for (i = 0; i < items.length; i++) {
    var time = items[i].querySelector("time[datetime][data-clock]");
    if (!time) continue;
    var day = key.format(new Date(time.getAttribute("datetime")));
    var cell = items[i].closest("td");
    if (day !== cell.getAttribute("data-day") && byDay[day]) moves.push([items[i], byDay[day]]);
  }
  moves.forEach(function (move) {
    var li = move[0], td = move[1], list = td.querySelector("ul.occurrences");
    if (!list) {
      list = document.createElement("ul");
      list.className = "occurrences";
      td.insertBefore(list, td.querySelector("a.more-day"));
    }
    var at = start(li), next = null;
    for (var j = 0; j < list.children.length && !next; j++) {
      if (start(list.children[j]) > at) next = list.children[j];
    }
    list.insertBefore(li, next);
  });
  var today = key.format(new Date());
  for (i = 0; i < cells.length; i++) {
    var list = cells[i].querySelector("ul.occurrences");
    if (list && !list.children.length) list.parentNode.removeChild(list);
    var empty = !cells[i].querySelector("li.occ");
    cells[i].classList.toggle("free", empty);
    cells[i].classList.toggle("is-today", cells[i].getAttribute("data-day") === today);
  }
}

// "Happening now" / "Starts in 2 h 5 min" beside each occurrence (li.occ, or a <dd>, with a
// <time datetime=START data-end=END>), by the rule of touchpoint_site::when::relative_marker, kept
// up to date every 30 seconds: the static export's pages were rendered at build time.
function touchpointMarkers(root) {
  "use strict";
  function said(start, end, now) {
    if (start <= now && now < end) return "Happening now";
    var ahead = (start - now) / 1000;
    if (ahead <= 0 || ahead > 24 * 3600) return null;
    var minutes = Math.floor((ahead + 59) / 60), h = Math.floor(minutes / 60), m = minutes % 60;
    if (h === 0) return "Starts in " + m + " min";
    if (h >= 3 || m === 0) return "Starts in " + h + " h";
    return "Starts in " + h + " h " + m + " min";
  }
  // Listed occurrences, and a group card's "Next meeting" (a <dd> holding the <time>).
  var items = [].slice.call(root.querySelectorAll("li.occ:not(.cancelled)"));
  [].forEach.call(root.querySelectorAll("dd"), function (dd) {
    if (dd.querySelector(":scope > time[datetime][data-end]") && !dd.querySelector(".badge")) items.push(dd);
  });
  function tick() {
    var now = Date.now();
    for (var i = 0; i < items.length; i++) {
      var time = items[i].querySelector("time[datetime][data-end]:not([data-all-day])");
      var mark = items[i].querySelector("strong.marker");
      if (!time) continue;
      var start = Date.parse(time.getAttribute("datetime")), end = Date.parse(time.getAttribute("data-end"));
      var text = isNaN(start) || isNaN(end) ? null : said(start, end, now);
      if (!text) {
        if (mark) mark.hidden = true;
        continue;
      }
      if (!mark) {
        mark = document.createElement("strong");
        var before = items[i].querySelector(".moved") || items[i].querySelector(".source") || items[i].querySelector(".title");
        items[i].insertBefore(mark, before ? before.nextSibling : null);
        items[i].insertBefore(document.createTextNode(" "), mark);
      }
      mark.hidden = false;
      mark.className = start <= now ? "marker now" : "marker";
      if (mark.textContent !== text) mark.textContent = text;
    }
  }
  tick();
  setInterval(tick, 30000);
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
    touchpointMonth(document, shown);
    touchpointMarkers(document);
  }
  var labels = document.querySelectorAll("[data-zone-label]");
  // The static export's week grid is laid out on the server, in the build's zone: say so
  // wherever the page names the zone its times are in.
  var grid = document.querySelector(".wk[data-tz]");
  var gridZone = grid && grid.getAttribute("data-tz") !== shown ? grid.getAttribute("data-tz") : "";
  for (var i = 0; i < labels.length; i++) {
    var template = labels[i].getAttribute("data-zone-label");
    labels[i].textContent = (template ? template.replace("%", shown) : shown) +
      (gridZone ? " (the week's grid: " + gridZone + ")" : "");
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
    var place = shown.indexOf("/") < 0 || shown.indexOf("Etc/") === 0 ? shown : shown.slice(shown.lastIndexOf("/") + 1).replace(/_/g, " ") + " time";
    var note = document.createElement("p");
    note.className = "zone-shared";
    var strong = document.createElement("strong");
    strong.textContent = place;
    var own = document.createElement("a");
    own.href = location.pathname + (rest ? "?" + rest : "");
    own.textContent = "use my zone";
    note.append("Shown in ", strong, " · ", own);
    form.after(note);
  }
})();
