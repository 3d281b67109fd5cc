// Times in the visitor's zone where the server cannot know it: the embed page, the pages of the
// static export and the <touchpoint-upcoming> component. One copy, included by
// touchpoint_site::html::LOCAL_TIMES_JS.
//
// It reads only data attributes. Each <time datetime="START" data-end="END"> (instants) becomes
// "Thu 26 Nov 2026, 13:00–14:00" in the zone; one with data-all-day keeps the server's text, and
// one whose datetime is a date ("2026-11-26") shows that date. Inline in a page, the <script>'s
// own attributes say what to do:
//   data-local-times       run on this page
//   data-tz="Area/City"    show this zone (else the browser's)
//   data-zone-from-query   show the zone `?tz=` names, when the browser knows it
//   data-zone-names        add the zone's abbreviation to every time
// and <html data-tz>, the #tz input and every element with data-zone-label then name the zone
// (the label's value, when it has one, is a template: "Times in %.").
// The component calls touchpointLocalTimes(root, zone, names) on its shadow root.
function touchpointLocalTimes(root, zone, names) {
  "use strict";
  var f;
  try {
    f = {
      day: new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: zone }),
      date: new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
      clock: new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }),
      zone: new Intl.DateTimeFormat(undefined, { timeZoneName: "short", timeZone: zone })
    };
  } catch (e) {
    return null; // the browser does not know this zone
  }
  function zoneName(at) {
    var parts = f.zone.formatToParts(at);
    for (var j = 0; j < parts.length; j++) {
      if (parts[j].type === "timeZoneName") return " " + parts[j].value;
    }
    return "";
  }
  var times = root.querySelectorAll("time[datetime][data-end]");
  for (var i = 0; i < times.length; i++) {
    var el = times[i], value = el.getAttribute("datetime");
    if (value.indexOf("T") < 0) {
      var date = new Date(value + "T00:00:00Z");
      if (!isNaN(date)) el.textContent = f.date.format(date);
      continue;
    }
    if (el.hasAttribute("data-all-day")) continue;
    var start = new Date(value), end = new Date(el.getAttribute("data-end"));
    if (isNaN(start) || isNaN(end)) continue;
    var text = f.day.format(start) + ", " + f.clock.format(start);
    if (end > start) {
      text += "–" + (f.day.format(start) === f.day.format(end) ? "" : f.day.format(end) + ", ") + f.clock.format(end);
    }
    el.textContent = names ? text + zoneName(start) : text;
  }
  return f.clock.resolvedOptions().timeZone;
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
  var labels = document.querySelectorAll("[data-zone-label]");
  for (var i = 0; i < labels.length; i++) {
    var template = labels[i].getAttribute("data-zone-label");
    labels[i].textContent = template ? template.replace("%", shown) : shown;
  }
  var input = document.getElementById("tz");
  if (input) input.value = shown;
})();
