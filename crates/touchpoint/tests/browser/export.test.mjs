// Issue 16, point 14 in Chromium: the static export (`touchpoint build`) is the same site. The
// example is refreshed into a store and built into a temporary folder under /sub/path/, served
// by a plain static server (python3 -m http.server on 127.0.0.1, serving the parent folder), and
// visited from Auckland, Los Angeles and UTC: every link of every page resolves, the agenda's day
// headings are the visitor's days, the notes name the visitor's zone, "Starts in …" follows the
// visitor's clock, and the week is a page of its own. Screenshots: target/screenshots/export-*.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answers, bin, context, axe, shot, freePort, useServer } from "./harness.mjs";

// The harness's browser (its server is not used here).
useServer();

const SUB = "/sub/path/";
let folder, server, site;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), "touchpoint-export-"));
  const data = join(folder, "data");
  const out = join(folder, "www", "sub", "path");
  mkdirSync(out, { recursive: true });
  for (const args of [["refresh", "--data", data], ["build", "--data", data, "--out", out]]) {
    const run = spawnSync(bin, args, { encoding: "utf8" });
    assert.equal(run.status, 0, `${args[0]}: ${run.stderr}`);
  }
  const port = await freePort();
  server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", join(folder, "www")], {
    stdio: ["ignore", "ignore", "ignore"],
  });
  site = `http://127.0.0.1:${port}${SUB}`;
  await answers(site);
});

after(() => {
  if (server) server.kill("SIGTERM");
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const file = (path) => readFileSync(join(folder, "www", "sub", "path", path), "utf8");

const LANGUAGE_TREE = /^(en|ja|zh-Hans|de|fr|es|pt-BR)\//;

test("can follow every link of the exported site from a sub-path without a 404", async () => {
  const ctx = await context({ timezoneId: "UTC" });
  const page = await ctx.newPage();
  const seen = new Set(), broken = [], queue = [site];
  let pages = 0;
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    if (!url.startsWith(site)) {
      broken.push(`${url} (outside ${SUB})`);
      continue;
    }
    const answer = await fetch(url);
    if (!answer.ok) {
      broken.push(`${url}: ${answer.status}`);
      continue;
    }
    if (!(answer.headers.get("content-type") || "").includes("text/html")) continue;
    // The language trees (/ja/, /de/…) are the root's pages again in other words: each one
    // reached must answer, and tests/build.rs follows every link inside each tree; opening
    // all eight copies here would only multiply the walk.
    if (LANGUAGE_TREE.test(url.slice(site.length))) continue;
    pages++;
    await page.goto(url);
    const links = await page.$$eval("a[href], link[href], script[src], [data-src]", (els) =>
      els.map((el) => el.href || el.src || new URL(el.dataset.src, location.href).href));
    for (const link of links) {
      const target = new URL(link);
      if (target.origin !== new URL(site).origin) continue; // webcal:, https: elsewhere
      target.hash = "";
      // The planner's city search needs a server (site.js leaves the field a plain form).
      if (target.pathname.endsWith("/planner/cities.json")) continue;
      if (!seen.has(target.href)) queue.push(target.href);
    }
  }
  assert.ok(pages > 40, `only ${pages} pages reached`);
  assert.ok(seen.has(`${site}calendar/week/`) && seen.has(`${site}calendar/month/source/openssf/`), "views and filters are linked");
  assert.ok(seen.has(`${site}ja/`) && seen.has(`${site}zh-Hans/`), "the language trees are linked");
  assert.deepEqual(broken, []);
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});

test("can tell the week and the month from the agenda", () => {
  const agenda = file("calendar/index.html"), week = file("calendar/week/index.html"), month = file("calendar/month/index.html");
  assert.notEqual(week, agenda);
  assert.notEqual(month, agenda);
  assert.match(week, /class="wk /);
  assert.match(month, /<table class="month"/);
});

for (const zone of ["Pacific/Auckland", "America/Los_Angeles", "UTC"]) {
  const slug = zone.replace("/", "-");
  test(`can list the agenda under ${zone}'s own days, named in its zone, at 375 and 1280 px`, async () => {
    const ctx = await context({ timezoneId: zone });
    const page = await ctx.newPage();
    await page.goto(`${site}calendar/`);
    const days = await page.$$eval("section.agenda-day", (sections, zone) => {
      const key = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
      return sections.map((s) => ({
        day: s.dataset.day,
        heading: s.querySelector("h3").textContent,
        items: [...s.querySelectorAll("li.occ time[datetime][data-end]:not([data-all-day])")].map((t) => ({
          local: key.format(new Date(t.getAttribute("datetime"))),
          utc: t.getAttribute("datetime").slice(0, 10),
        })),
      }));
    }, zone);
    assert.ok(days.length > 5, `${days.length} days listed`);
    let moved = 0;
    const sorted = days.map((d) => d.day);
    assert.deepEqual(sorted, [...sorted].sort(), "days out of order");
    for (const { day, heading, items } of days) {
      const [y, m, d] = day.split("-").map(Number);
      const label = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" }).replace(",", "");
      assert.ok(heading.startsWith(label), `${heading} is not ${day} (${label})`);
      for (const item of items) {
        assert.equal(item.local, day, `a meeting of ${item.local} listed under ${day}`);
        if (item.utc !== item.local) moved++;
      }
    }
    // In Auckland (UTC+13) every meeting from 11:00 UTC on is on the next day, and sits under
    // it; the example has none before 09:00 UTC, so none changes day in Los Angeles.
    if (zone === "UTC") assert.equal(moved, 0);
    if (zone === "Pacific/Auckland") assert.ok(moved > 0, `no meeting changed day in ${zone}`);
    // The month's cells too: each timed meeting in the cell of its day in the zone.
    await page.goto(`${site}calendar/month/`);
    const misplaced = await page.$$eval("table.month td[data-day] li.occ time[data-clock]", (times, zone) => {
      const key = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
      const days = new Set([...document.querySelectorAll("table.month td[data-day]")].map((td) => td.dataset.day));
      return times
        .map((t) => [key.format(new Date(t.getAttribute("datetime"))), t.closest("td").dataset.day])
        .filter(([local, cell]) => days.has(local) && local !== cell);
    }, zone);
    assert.deepEqual(misplaced, []);
    assert.equal(await page.$$eval("table.month td.is-today", (tds) => tds.length), 1);
    await page.goto(`${site}calendar/`);
    const note = await page.textContent(".today-link");
    assert.equal(note.trim(), `Times in ${zone}`);
    assert.match(await page.textContent("footer"), new RegExp(`Times are shown in ${zone}`));
    assert.deepEqual(await axe(page), []);
    await page.goto(`${site}calendar/week/`);
    const footer = (await page.textContent("footer strong")).trim();
    assert.equal(footer, zone);
    await page.goto(`${site}calendar/`);
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `sideways overflow at ${width}`);
      await shot(page, `export-agenda-${slug}-${width}`);
      for (const view of ["week", "month"]) {
        await page.goto(`${site}calendar/${view}/`);
        await shot(page, `export-${view}-${slug}-${width}`);
      }
      await page.goto(`${site}calendar/`);
    }
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });
}

test("can count down to the next meeting from the visitor's clock, not the build's", async () => {
  const ctx = await context({ timezoneId: "Pacific/Auckland" });
  const page = await ctx.newPage();
  await page.goto(`${site}calendar/`);
  const start = await page.getAttribute("section.agenda-day li.occ:not(.cancelled) time[datetime][data-end]:not([data-all-day])", "datetime");
  // 90 minutes before that meeting, then while it runs.
  await page.clock.install({ time: new Date(Date.parse(start) - 90 * 60_000) });
  await page.reload();
  const marker = () => page.$eval(`li.occ:has(time[datetime="${start}"]) strong.marker`, (el) => el.hidden ? "" : el.textContent);
  assert.equal(await marker(), "Starts in 1 h 30 min");
  await page.clock.runFor(60 * 60_000);
  assert.equal(await marker(), "Starts in 30 min");
  await page.clock.runFor(31 * 60_000);
  assert.equal(await marker(), "Happening now");
  // A group card's "Next meeting" too.
  const other = await ctx.newPage();
  await other.goto(`${site}groups/`);
  const next = await other.getAttribute("dd > time[datetime][data-end]", "datetime");
  await other.clock.install({ time: new Date(Date.parse(next) - 5 * 60_000) });
  await other.reload();
  assert.equal(await other.$eval(`dd:has(> time[datetime="${next}"]) strong.marker`, (el) => el.textContent), "Starts in 5 min");
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});
