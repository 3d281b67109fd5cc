// Touchpoint's one script. Every page works without it; it only saves a step.
// 1. First visit: detect the browser's time zone (Intl API) and, when it differs from the zone
//    the page was rendered in, remember it in the `tz` cookie and reload once, so the server
//    renders every time in it. `?tz=` in the address and an earlier choice (cookie) win.
// 2. The zone picker's suggestions (~600 IANA names) load from zones.json on first focus
//    instead of weighing down every page.
// 3. Whatever counts from "now" stays true on a page left open: Next up, the "Starts in …"
//    badges, the week's now line.
(function () {
  "use strict";
  var YEAR = 365 * 24 * 3600;

  function cookie(name) {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === name) return decodeURIComponent(parts[i].slice(eq + 1));
    }
    return null;
  }

  function remember(zone) {
    document.cookie = "tz=" + zone + "; path=/; max-age=" + YEAR + "; samesite=lax";
  }

  function detect() {
    var rendered = document.documentElement.getAttribute("data-tz");
    if (!rendered || cookie("tz") !== null) return;
    if (new URLSearchParams(location.search).has("tz")) return;
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (!zone || sessionStorage.getItem("tz-detected")) return;
      sessionStorage.setItem("tz-detected", zone);
    } catch (e) {
      return; // no Intl zone or no storage: keep the server's default
    }
    remember(zone);
    if (zone !== rendered) location.reload();
  }

  function suggestions() {
    var loaded = false;
    document.querySelectorAll("input[list=zones]").forEach(function (input) {
      input.addEventListener("focus", function () {
        var list = document.getElementById("zones");
        if (loaded || !list || !list.dataset.src) return;
        loaded = true;
        fetch(list.dataset.src, { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (names) {
            var fragment = document.createDocumentFragment();
            names.forEach(function (name) {
              var option = document.createElement("option");
              option.value = name;
              fragment.appendChild(option);
            });
            list.appendChild(fragment);
          })
          .catch(function () { loaded = false; });
      });
    });
  }

  // Subscribe blocks: a "Copy" button beside each feed address (hidden without JavaScript,
  // where the address can still be selected and copied by hand), saying "Copied" in the page's
  // language (its data-copied) once it has.
  function copyButtons() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var input = document.getElementById(button.dataset.copy);
      if (!input || !navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(input.value).then(
          function () { button.textContent = button.dataset.copied || "Copied"; },
          function () { input.select(); }
        );
      });
    });
  }

  // A sentence the server wrote into `data` (an element's dataset, `msg…` keys: the page's
  // language, from the same messages as its own text) with its {names} filled from `values`;
  // `english` where a page carries none.
  function say(data, key, english, values) {
    var pattern = data[key] || english;
    return pattern.replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }

  // "Next up" on the home page (html/next_up.rs): the countdown ("in 2 h 14 min", the rule of
  // next_up::countdown, worded by the section's data-msg-* in the page's language), "happening
  // now" while the first meeting runs with the following one below it, and the next ones in
  // turn when it ends, from each entry's data-start/data-end, so a page left open or served
  // from a cache corrects itself. When every entry has ended, a link offers a reload.
  function countdown(data, start, end, now) {
    if (start <= now) return now < end ? say(data, "msgNow", "happening now") : say(data, "msgEnded", "ended");
    var minutes = Math.ceil((start - now) / 60000);
    var v = { days: Math.floor(minutes / 1440), hours: Math.floor(minutes % 1440 / 60), minutes: minutes % 60 };
    if (v.days === 0 && v.hours === 0) return say(data, "msgMin", "in {minutes} min", v);
    if (v.days === 0) return v.minutes ? say(data, "msgHMin", "in {hours} h {minutes} min", v) : say(data, "msgH", "in {hours} h", v);
    if (v.days === 1) return v.hours ? say(data, "msgDayH", "in 1 day {hours} h", v) : say(data, "msgDay", "in 1 day");
    return say(data, "msgDays", "in {days} days", v);
  }

  function nextUp() {
    var section = document.querySelector("[data-next-up]");
    if (!section) return;
    var entries = section.querySelectorAll("li[data-start][data-end]");
    var stale = section.querySelector(".up-stale");
    function tick() {
      var now = Date.now(), shown = 0, room = 1;
      for (var i = 0; i < entries.length; i++) {
        var entry = entries[i];
        var start = Date.parse(entry.dataset.start), end = Date.parse(entry.dataset.end);
        var show = end > now && shown < room;
        if (show) {
          if (shown === 0 && start <= now) room = 2; // running: the following one too
          shown++;
          var text = entry.querySelector("[data-countdown]");
          var said = countdown(section.dataset, start, end, now);
          if (text && text.textContent !== said) text.textContent = said;
          entry.classList.toggle("now", start <= now);
        }
        entry.hidden = !show;
      }
      if (stale) stale.hidden = shown > 0;
    }
    var reload = section.querySelector("[data-reload]");
    if (reload) reload.addEventListener("click", function (e) { e.preventDefault(); location.reload(); });
    tick();
    setInterval(tick, 15000);
  }

  // "Happening now" / "Starts in 2 h 5 min" beside each listed occurrence (li.occ, or a group
  // card's "Next meeting" <dd>, holding a <time datetime=START data-end=END>), by the rule of
  // touchpoint_site::when::relative_marker and worded by <html>'s data-msg-* (the page's
  // language), kept up to date every 30 seconds on every page, served or exported: the
  // server's badge was right when the page was made. A meeting that has ended loses its badge;
  // one that comes within a day gains one.
  function relative(start, end, now) {
    var data = document.documentElement.dataset;
    if (start <= now && now < end) return say(data, "msgNow", "Happening now");
    var ahead = (start - now) / 1000;
    if (ahead <= 0 || ahead > 24 * 3600) return null;
    var minutes = Math.floor((ahead + 59) / 60), v = { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
    if (v.hours === 0) return say(data, "msgMin", "Starts in {minutes} min", v);
    if (v.hours >= 3 || v.minutes === 0) return say(data, "msgH", "Starts in {hours} h", v);
    return say(data, "msgHMin", "Starts in {hours} h {minutes} min", v);
  }

  function markers() {
    var items = [].slice.call(document.querySelectorAll("li.occ:not(.cancelled)"));
    document.querySelectorAll("dd").forEach(function (dd) {
      if (dd.querySelector(":scope > time[datetime][data-end]") && !dd.querySelector(".badge")) items.push(dd);
    });
    function tick() {
      var now = Date.now();
      items.forEach(function (item) {
        var time = item.querySelector("time[datetime][data-end]:not([data-all-day])");
        var mark = item.querySelector("strong.marker");
        if (!time) return;
        var start = Date.parse(time.getAttribute("datetime")), end = Date.parse(time.dataset.end);
        var text = isNaN(start) || isNaN(end) ? null : relative(start, end, now);
        if (!text) {
          if (mark) mark.hidden = true;
          return;
        }
        if (!mark) {
          mark = document.createElement("strong");
          var before = item.querySelector(".moved") || item.querySelector(".source") || item.querySelector(".title");
          item.insertBefore(mark, before ? before.nextSibling : null);
          item.insertBefore(document.createTextNode(" "), mark);
        }
        mark.hidden = false;
        mark.className = start <= now ? "marker now" : "marker";
        if (mark.textContent !== text) mark.textContent = text;
      });
    }
    if (!items.length) return;
    tick();
    setInterval(tick, 30000);
  }

  // The week grid (html/week.rs): the now line follows the clock in the zone the grid was laid
  // out in, moving to the next day's column at midnight and hiding outside the hours shown, and
  // meetings that have ended are dimmed, on a page left open.
  function weekNow() {
    var grid = document.querySelector(".wk[data-from-hour][data-tz]");
    if (!grid) return;
    var parts;
    try {
      parts = new Intl.DateTimeFormat("en-CA", {
        timeZone: grid.dataset.tz, year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", hourCycle: "h23"
      });
    } catch (e) {
      return;
    }
    var from = +grid.dataset.fromHour * 60, to = +grid.dataset.toHour * 60;
    function tick() {
      var now = new Date(), p = {};
      parts.formatToParts(now).forEach(function (part) { p[part.type] = part.value; });
      var minutes = +p.hour * 60 + +p.minute;
      var column = grid.querySelector('.wk-day[data-date="' + p.year + "-" + p.month + "-" + p.day + '"] .wk-slots');
      var line = grid.querySelector(".wk-now");
      if (column && minutes >= from && minutes < to) {
        if (!line) {
          line = document.createElement("div");
          line.setAttribute("aria-hidden", "true");
        }
        if (line.parentNode !== column) column.appendChild(line);
        var steps = Math.round((minutes - from) / 5);
        line.className = "wk-now gy" + Math.floor(steps / 12) + " gm" + steps % 12;
        line.hidden = false;
      } else if (line) {
        line.hidden = true;
      }
      grid.querySelectorAll(".ev[data-end]").forEach(function (ev) {
        ev.classList.toggle("past", Date.parse(ev.dataset.end) <= now.getTime());
      });
    }
    tick();
    setInterval(tick, 30000);
  }

  // The planner (html/planner): a click on any hour of the strip picks its column (the link in
  // the column's heading, which works alone with JavaScript off); the "scroll sideways" line
  // shows only when the strip overflows; and the "Add a city" field suggests places while
  // typing from /planner/cities.json. Where that answer is missing (the static export has no
  // server to search), the field stays a plain form.
  function planner() {
    var table = document.querySelector("table.plan");
    var box = document.querySelector(".strip-wrap");
    var hint = document.getElementById("strip-hint");
    if (box && hint) {
      // The "scroll sideways" line only where there is something to scroll to.
      var fits = function () { hint.hidden = box.scrollWidth <= box.clientWidth; };
      fits();
      window.addEventListener("resize", fits);
    }
    if (table) {
      table.addEventListener("click", function (event) {
        var cell = event.target.closest("td[data-col]");
        var link = cell && table.querySelector("thead a[data-col='" + cell.dataset.col + "']");
        if (link) location.href = link.href;
      });
    }
    var input = document.getElementById("p-city");
    var list = document.getElementById("city-list");
    if (!input || !list || !input.dataset.src) return;
    var timer = null, asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2 || q === asked) return;
        asked = q;
        fetch(input.dataset.src + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (places) {
            if (q !== asked) return;
            list.textContent = "";
            places.forEach(function (place) {
              var option = document.createElement("option");
              option.value = place.key;
              option.label = place.label;
              option.textContent = place.label;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  }

  // Loaded with `defer`: the document is parsed when this runs.
  detect();
  suggestions();
  copyButtons();
  nextUp();
  markers();
  weekNow();
  planner();
})();
