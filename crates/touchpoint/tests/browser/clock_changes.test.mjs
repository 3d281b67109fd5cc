// A New York meeting seen from Berlin in the weeks the two zones' clocks disagree: the static
// export says "1 hour earlier than last time: clocks changed" beside the meeting in the
// browser's zone (local-times.js works it out from the note's data), and never to a browser in
// the series' own zone. The Rust side: tests/page_zone.rs (`clock_notes`).
//
// A one-series community (a Thursday 11:00 call in New York, default zone UTC) is exported for
// Tue 16 Mar 2027, two days after New York's clocks sprang forward and twelve before Berlin's:
// Thu 18 Mar is at 16:00 in Berlin after 17:00 the week before, and 1 Apr at 17:00 again.
// Screenshots: clock-changes-*.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answers, context, axe, shot, freePort, useServer, run } from "./harness.mjs";

// The harness's browser (its server is not used here).
useServer();

const NOW = "2027-03-16T12:00:00Z";
let folder, statics, url;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), "touchpoint-clock-changes-"));
  const file = join(folder, "touchpoint.toml");
  writeFileSync(file, `[community]
name = "Clocks"
timezone = "UTC"

[[series]]
id = "call"
title = "Thursday call"
timezone = "America/New_York"
start = "11:00"
duration = "1h"
repeat = "weekly on Thursday"
first = 2027-01-07
`);
  run(["build", "--config", file, "--data", join(folder, "data"), "--out", join(folder, "www"), "--now", NOW]);
  // Another site's page on the same host, showing the web component, which reads the export's
  // occurrences.json (each regular one's previous_start).
  writeFileSync(join(folder, "www", "host.html"), `<!doctype html><html lang="en"><meta charset="utf-8"><title>Host</title><main><h1>Meetings</h1>
<script defer src="embed/touchpoint-upcoming.js"></script><touchpoint-upcoming limit="4"></touchpoint-upcoming></main></html>`);
  const port = await freePort();
  statics = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", join(folder, "www")], {
    stdio: ["ignore", "ignore", "ignore"],
  });
  url = `http://127.0.0.1:${port}/`;
  await answers(url);
});

after(() => {
  if (statics) statics.kill("SIGTERM");
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const PAGES = ["", "calendar/", "calendar/week/", "calendar/month/", "series/call/"];

/** The notes a page shows once local-times.js has run in `zone`: [start, text]. */
async function shownNotes(page, path, zone) {
  await page.goto(url + path);
  await page.waitForFunction((zone) => document.documentElement.dataset.tz === zone, zone);
  return page.$$eval("span.clocks", (notes) => notes
    .filter((note) => !note.hidden)
    .map((note) => [note.dataset.start, note.textContent]));
}

test("a browser in Berlin is told the New York call is an hour off, and why", async () => {
  const ctx = await context({ timezoneId: "Europe/Berlin" });
  const page = await ctx.newPage();
  for (const path of PAGES) {
    const shown = await shownNotes(page, path, "Europe/Berlin");
    // The export was rendered in UTC, whose clock changes with neither: the script said it again.
    assert.deepEqual(
      shown.find(([start]) => start === "2027-03-18T15:00:00Z"),
      ["2027-03-18T15:00:00Z", "1 hour earlier than last time: clocks changed in New York on Sun 14 Mar"],
      path,
    );
    // The export rendered 1 April's note hidden (nothing changed in UTC or New York since 25
    // March): only the script, in Berlin, can show it, on the pages that list 1 April.
    if (path === "calendar/" || path === "series/call/") {
      assert.ok(shown.some(([start]) => start === "2027-04-01T15:00:00Z"), `${path}: ${JSON.stringify(shown)}`);
    }
    for (const [start, text] of shown) {
      // 1 April is at 17:00 again: Berlin's own clocks changed, which the page says plainly.
      if (start === "2027-04-01T15:00:00Z") assert.equal(text, "1 hour later than last time: clocks changed", path);
      else assert.equal(start, "2027-03-18T15:00:00Z", `${path}: ${text}`);
    }
  }
  // At full width a month cell's line is cut by its ellipsis, the note with it: the time is
  // marked and the line's title says the note.
  await shownNotes(page, "calendar/month/", "Europe/Berlin");
  const marked = await page.$$eval("table.month li.occ", (lines) => lines
    .map((li) => [li.querySelector("time").getAttribute("datetime"), li.title,
      getComputedStyle(li.querySelector("time"), "::after").content]));
  for (const [start, title, mark] of marked) {
    if (start === "2027-03-18T15:00:00Z") {
      assert.equal(title, "1 hour earlier than last time: clocks changed in New York on Sun 14 Mar");
      assert.equal(mark, '"*"');
    } else if (start !== "2027-04-01T15:00:00Z") {
      assert.deepEqual([title, mark], ["", "none"], start);
    }
  }
  assert.ok(marked.some(([start]) => start === "2027-03-18T15:00:00Z"), JSON.stringify(marked));
  await shot(page, "clock-changes-month-berlin");
  await page.setViewportSize({ width: 375, height: 900 });
  for (const [path, name] of [["series/call/", "series"], ["calendar/", "agenda"], ["calendar/week/", "week"]]) {
    await shownNotes(page, path, "Europe/Berlin");
    // The week's grid scrolls sideways at 375 px: Thursday in view.
    if (name === "week") {
      await page.$eval(".wk-scroll", (grid) => {
        const thursday = grid.querySelector('.wk-day[data-date="2027-03-18"]');
        grid.scrollLeft = thursday.offsetLeft - grid.querySelector(".wk-gutter").offsetWidth;
      });
    }
    await shot(page, `clock-changes-${name}-berlin-375`);
  }
  assert.deepEqual(await axe(page), []);
  // In German, from the page's own sentences.
  const german = await shownNotes(page, "de/series/call/", "Europe/Berlin");
  assert.match(german[0][1], /^1 Stunde früher als letztes Mal: Zeitumstellung in New York am /);
  await shot(page, "clock-changes-series-berlin-de-375");
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});

test("a browser in the series' own zone is never told clocks changed", async () => {
  const ctx = await context({ timezoneId: "America/New_York", locale: "en-US" });
  const page = await ctx.newPage();
  for (const path of PAGES) {
    assert.deepEqual(await shownNotes(page, path, "America/New_York"), [], path);
    // The notes' data is there, each hidden and empty.
    const hidden = await page.$$eval("span.clocks", (notes) => notes.map((n) => [n.hidden, n.textContent]));
    assert.ok(hidden.length > 0 && hidden.every(([h, text]) => h && text === ""), path);
    // Nor is a month cell's time marked.
    const marks = await page.$$eval("table.month li.occ", (lines) => lines
      .map((li) => [li.title, getComputedStyle(li.querySelector("time"), "::after").content]));
    assert.ok(marks.every(([title, mark]) => title === "" && mark === "none"), `${path}: ${JSON.stringify(marks)}`);
  }
  await page.setViewportSize({ width: 375, height: 900 });
  await shownNotes(page, "series/call/", "America/New_York");
  await shot(page, "clock-changes-series-new-york-375");
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});

/** The notes the web component shows on the host page, the browser's clock at `NOW`. */
async function componentNotes(ctx) {
  const page = await ctx.newPage();
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto(url + "host.html");
  await page.locator("touchpoint-upcoming li time").first().waitFor({ timeout: 10_000 });
  // Written by touchpointLocalTimes once the list is drawn: every time rewritten.
  await page.waitForFunction(() => [...document.querySelector("touchpoint-upcoming").shadowRoot.querySelectorAll("time")]
    .every((t) => t.textContent !== t.getAttribute("datetime")));
  const notes = await page.locator("touchpoint-upcoming span.clocks").evaluateAll((notes) =>
    notes.map((n) => [n.getAttribute("data-start"), n.hidden, n.textContent]));
  return { page, notes };
}

test("the web component says it in the browser's zone too", async () => {
  const berlin = await context({ timezoneId: "Europe/Berlin", viewport: { width: 375, height: 700 } });
  const { page, notes } = await componentNotes(berlin);
  // 18 March, 25 March, 1 April, 8 April: the first and third said, in Berlin's words.
  assert.deepEqual(notes.filter(([, hidden]) => !hidden).map(([start, , text]) => [start, text]), [
    ["2027-03-18T11:00:00-04:00", "1 hour earlier than last time: clocks changed"],
    ["2027-04-01T11:00:00-04:00", "1 hour later than last time: clocks changed"],
  ]);
  await shot(page, "clock-changes-component-berlin-375");
  // (No check of the console: a static host answers the component's live query with a 404
  // before it reads occurrences.json, as it is meant to.)
  await berlin.close();
  const newYork = await context({ timezoneId: "America/New_York", locale: "en-US" });
  const seen = await componentNotes(newYork);
  assert.equal(seen.notes.length, 4);
  assert.deepEqual(seen.notes.filter(([, hidden, text]) => !hidden || text !== ""), []);
  await newYork.close();
});
