// <touchpoint-upcoming>: the next meetings of a Touchpoint site, in the visitor's time zone.
//
//   <script defer src="https://meetings.example.org/embed/touchpoint-upcoming.js"></script>
//   <touchpoint-upcoming series="" group="" source="" limit="5" tz=""></touchpoint-upcoming>
//
// Attributes (all optional): series, group, source (a calendar id, or "community"): filters;
// limit: how many (default 5, at most 50); tz: an IANA zone to show instead of the visitor's;
// days: how far ahead to look (default 90).
//
// Times are written by touchpointLocalTimes, from local-times.js, which is served in front of
// this file, and the words from TOUCHPOINT_TEXT, the site's own messages in every language in
// front of both (all wrapped in one function, so none adds a global to the page): in the
// element's lang="…", else the visitor's language, else English.
//
// It asks the API of the site that served this script (so it also works under a sub-path),
// falls back to the static export's api/v1/occurrences.json when there is no server, renders
// into a shadow root, and sets every text with textContent, so nothing from a feed is ever
// read as HTML. Served by Touchpoint at /embed/touchpoint-upcoming.js; see docs/embedding.md.
(function () {
  "use strict";
  if (typeof customElements === "undefined" || customElements.get("touchpoint-upcoming")) return;

  var script = document.currentScript;
  // A classic script (not type="module"): document.currentScript names where it came from.
  var scriptUrl = script && script.src ? script.src : location.href;
  var root = new URL("../", scriptUrl);

  var STYLE =
    ":host{display:block;font:inherit}" +
    "ul{list-style:none;margin:0;padding:0}" +
    "li{padding:.4em 0;border-bottom:1px solid color-mix(in srgb,currentColor 15%,transparent)}" +
    "li:last-child{border-bottom:0}" +
    "time{display:block;opacity:.8;font-size:.92em;font-variant-numeric:tabular-nums}" +
    ".t{font-weight:600;color:inherit}" +
    ".x .t{text-decoration:line-through}" +
    ".moved{font-size:.85em;font-style:italic}" +
    ".clocks{font-size:.85em;font-style:italic;opacity:.75}" +
    ".badge{font-size:.8em;font-weight:600;margin-left:.4em;padding:0 .3em;border:1px solid currentColor;border-radius:.25em}" +
    ".more{margin:.5em 0 0;font-size:.9em;opacity:.85}";

  function isoDay(date) {
    return date.toISOString().slice(0, 10);
  }

  // The element's lang="…", else the visitor's language (the host page's may differ).
  function langOf(element) {
    return element.getAttribute("lang") || (typeof navigator !== "undefined" ? navigator.language : "");
  }

  // The sentence `key` in the language of `element`, with its {names} filled from `values`.
  function say(element, key, values) {
    var text = touchpointTextOf(langOf(element)) || touchpointTextOf("en") || {};
    return (text[key] || key).replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }

  // The offset from UTC, in minutes, an RFC 3339 date-time is written with ("…-04:00": -240).
  function offsetOf(rfc3339) {
    var m = /([+-])(\d\d):(\d\d)$/.exec(rfc3339);
    return m ? (m[1] === "-" ? -1 : 1) * (60 * parseInt(m[2], 10) + parseInt(m[3], 10)) : 0;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^(https?:|mailto:)/i.test(url.trim());
  }

  class TouchpointUpcoming extends HTMLElement {
    static get observedAttributes() {
      return ["series", "group", "source", "limit", "tz", "days", "lang"];
    }

    constructor() {
      super();
      this.attachShadow({ mode: "open" });
    }

    connectedCallback() {
      this.load();
    }

    attributeChangedCallback() {
      if (this.isConnected) this.load();
    }

    async load() {
      var limit = Math.min(Math.max(parseInt(this.getAttribute("limit") || "5", 10) || 5, 1), 50);
      var days = Math.min(Math.max(parseInt(this.getAttribute("days") || "90", 10) || 90, 1), 366);
      var filters = {};
      ["series", "group", "source"].forEach(function (name) {
        var value = this.getAttribute(name);
        if (value) filters[name] = value;
      }, this);
      var now = new Date();
      var from = new Date(now.getTime() - 86400000);
      var to = new Date(now.getTime() + days * 86400000);
      var url = new URL("api/v1/occurrences", root);
      url.searchParams.set("from", isoDay(from));
      url.searchParams.set("to", isoDay(to));
      url.searchParams.set("tz", "UTC");
      Object.keys(filters).forEach(function (k) { url.searchParams.set(k, filters[k]); });
      if (!filters.source) url.searchParams.set("source", "community");
      // The community's titles in the element's language, where the community gives them.
      var lang = langOf(this);
      if (/^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,4}$/.test(lang)) url.searchParams.set("lang", lang);
      var occurrences;
      try {
        var response = await fetch(url, { headers: { Accept: "application/json" } });
        if (response.ok) {
          occurrences = (await response.json()).occurrences;
        } else if (response.status === 404 || response.status === 405) {
          occurrences = await this.fromStaticExport(filters);
        } else {
          var problem = await response.json().catch(function () { return {}; });
          throw new Error(problem.error || "HTTP " + response.status);
        }
      } catch (error) {
        this.fail(error);
        return;
      }
      var upcoming = occurrences.filter(function (occ) {
        return occ.all_day ? occ.end > isoDay(now) : new Date(occ.end) > now;
      });
      this.render(upcoming.slice(0, limit));
    }

    // A static export has no query API: read the whole occurrences.json and filter here.
    async fromStaticExport(filters) {
      var response = await fetch(new URL("api/v1/occurrences.json", root));
      if (!response.ok) throw new Error("HTTP " + response.status);
      var all = (await response.json()).occurrences;
      return all.filter(function (occ) {
        if (filters.series && occ.series !== filters.series) return false;
        if (filters.group && occ.group !== filters.group) return false;
        if (!filters.source || filters.source === "community") return occ.series !== null && occ.series !== undefined;
        return occ.source === filters.source;
      });
    }

    render(items) {
      var shadow = this.shadowRoot;
      shadow.textContent = "";
      var style = document.createElement("style");
      style.textContent = STYLE;
      shadow.appendChild(style);
      if (items.length === 0) {
        var empty = document.createElement("p");
        empty.textContent = say(this, "empty");
        shadow.appendChild(empty);
        return;
      }
      var list = document.createElement("ul");
      var self = this;
      items.forEach(function (occ) {
        var li = document.createElement("li");
        if (occ.status === "cancelled") li.className = "x";
        var time = document.createElement("time");
        time.setAttribute("datetime", occ.start);
        time.setAttribute("data-end", occ.end);
        if (occ.all_day) time.setAttribute("data-all-day", "");
        time.textContent = occ.start;
        li.appendChild(time);
        var title;
        var href = occ.series ? new URL("series/" + encodeURIComponent(occ.series), root).href : occ.url;
        if (occ.series || safeUrl(href)) {
          title = document.createElement("a");
          title.href = href;
          title.target = "_blank";
          title.rel = "noopener nofollow";
        } else {
          title = document.createElement("span");
        }
        title.className = "t";
        title.textContent = occ.title;
        li.appendChild(title);
        if (occ.moved_from && !occ.all_day) {
          // "moved from Mon 21 Dec", written in the zone by touchpointLocalTimes below.
          var moved = document.createElement("span");
          moved.className = "moved";
          moved.setAttribute("data-moved-from", occ.moved_from);
          moved.setAttribute("data-start", occ.start);
          li.appendChild(document.createTextNode(" "));
          li.appendChild(moved);
        }
        if (occ.previous_start && !occ.all_day) {
          // "1 hour earlier than last time: clocks changed", worked out in the zone by
          // touchpointLocalTimes below, and hidden where the meeting is at last time's time. The
          // series' own offset changed by the difference of the two starts' offsets.
          var clocks = document.createElement("span");
          clocks.className = "clocks";
          clocks.hidden = true;
          clocks.setAttribute("data-clocks-prev", occ.previous_start);
          clocks.setAttribute("data-start", occ.start);
          clocks.setAttribute("data-clocks-own", String(offsetOf(occ.start) - offsetOf(occ.previous_start)));
          li.appendChild(document.createTextNode(" "));
          li.appendChild(clocks);
        }
        if (occ.status === "cancelled") {
          var badge = document.createElement("span");
          badge.className = "badge";
          badge.textContent = say(self, "cancelled");
          li.appendChild(badge);
          if (occ.cancel_reason) li.appendChild(document.createTextNode(" " + occ.cancel_reason));
        }
        list.appendChild(li);
      });
      shadow.appendChild(list);
      // The times in the `tz` attribute's zone, else the visitor's (local-times.js).
      var lang = langOf(this);
      if (touchpointLocalTimes(list, this.getAttribute("tz") || undefined, true, lang) === null) {
        touchpointLocalTimes(list, undefined, true, lang);
      }
      var more = document.createElement("p");
      more.className = "more";
      var all = document.createElement("a");
      all.href = root.href;
      all.target = "_blank";
      all.rel = "noopener";
      all.textContent = say(this, "all");
      more.appendChild(all);
      shadow.appendChild(more);
    }

    fail(error) {
      var shadow = this.shadowRoot;
      shadow.textContent = "";
      var p = document.createElement("p");
      p.textContent = say(this, "failed", { error: error && error.message ? error.message : error });
      shadow.appendChild(p);
    }
  }

  customElements.define("touchpoint-upcoming", TouchpointUpcoming);
})();
