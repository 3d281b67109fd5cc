// Touchpoint's one script. Every page works without it; it only saves a step.
// 1. First visit: detect the browser's time zone (Intl API) and, when it differs from the zone
//    the page was rendered in, remember it in the `tz` cookie and reload once, so the server
//    renders every time in it. `?tz=` in the address and an earlier choice (cookie) win.
// 2. The zone picker's suggestions (~600 IANA names) load from zones.json on first focus
//    instead of weighing down every page.
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
  // where the address can still be selected and copied by hand).
  function copyButtons() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var input = document.getElementById(button.dataset.copy);
      if (!input || !navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(input.value).then(
          function () { button.textContent = "Copied"; },
          function () { input.select(); }
        );
      });
    });
  }

  // Loaded with `defer`: the document is parsed when this runs.
  detect();
  suggestions();
  copyButtons();
})();
