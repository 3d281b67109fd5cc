// Issue 16, the last of point 14 in Chromium: the static export lays the week's hour grid out in
// the visitor's zone, names the agenda's period in it, counts a month cell's "+N more" again
// once meetings have moved to the visitor's days, and served pages keep "Starts in …" live.
//
// The example is built twice for Wed 10 Mar 2027 (`build --now`), its default zone set to
// America/Los_Angeles and to Asia/Tokyo; the week of 8 to 14 Mar holds Los Angeles' change to
// summer time (Sun 14 Mar, 23 hours). Each export is served from a sub-path by a plain static
// server and seen from the other zone; what the browser lays out must be what `touchpoint serve`
// renders for that zone (`?tz=`), box for box. Screenshots: target/screenshots/export-zones-*.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answers, bin, root, shots, context, axe, shot, freePort, useServer, run, weekGrid as grid, monthCells } from "./harness.mjs";

// The harness's browser (its server is not used here).
useServer();

const NOW = "2027-03-10T12:00:00Z";
const WEEK = "2027-03-10";
const BUILDS = { "America/Los_Angeles": "la", "Asia/Tokyo": "tokyo" };
const VISITOR = { "America/Los_Angeles": "Asia/Tokyo", "Asia/Tokyo": "America/Los_Angeles" };
const slug = (zone) => zone.replace("/", "-");
let folder, statics, served, exported, www, live;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), "touchpoint-export-zones-"));
  for (const [zone, name] of Object.entries(BUILDS)) {
    const community = join(folder, name);
    cpSync(join(root, "examples", "todo-group"), community, { recursive: true });
    const file = join(community, "touchpoint.toml");
    // The community's default zone (the first `timezone =`, under [community]), and a Sunday
    // evening call in Los Angeles, which is Monday morning in Tokyo: the weeks and months of the
    // two zones hold different ones (Sun 7 Mar and Sun 14 Mar, Sun 28 Feb and Sun 4 Apr).
    writeFileSync(file, readFileSync(file, "utf8").replace(/^timezone = "UTC"/m, `timezone = "${zone}"`) + `
[[series]]
id = "sunday-evening-call"
title = "Sunday evening call"
timezone = "America/Los_Angeles"
start = "18:00"
duration = "1h"
repeat = "weekly on Sunday"
first = 2027-01-03
`);
    const out = join(folder, "www", name, "sub");
    mkdirSync(out, { recursive: true });
    run(["refresh", "--config", file, "--data", join(community, "data")]);
    run(["build", "--config", file, "--data", join(community, "data"), "--out", out, "--now", NOW]);
  }
  const port = await freePort();
  statics = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", join(folder, "www")], {
    stdio: ["ignore", "ignore", "ignore"],
  });
  exported = (zone) => `http://127.0.0.1:${port}/${BUILDS[zone]}/sub/`;
  www = `http://127.0.0.1:${port}/`;
  const livePort = await freePort();
  served = spawn(bin, ["serve", "--config", join(folder, "la", "touchpoint.toml"), "--data", join(folder, "la", "data"),
    "--listen", `127.0.0.1:${livePort}`], { stdio: ["ignore", "ignore", "inherit"] });
  live = `http://127.0.0.1:${livePort}`;
  await answers(`${exported("Asia/Tokyo")}calendar/week/`);
  await answers(`${live}/healthz`);
});

after(() => {
  if (statics) statics.kill("SIGTERM");
  if (served) served.kill("SIGTERM");
  if (folder) rmSync(folder, { recursive: true, force: true });
});

for (const build of Object.keys(BUILDS)) {
  const zone = VISITOR[build];
  test(`can lay the week of a ${build} export out in ${zone}, as the server does`, async () => {
    // The server's grid for that zone (the browser's clock is left alone: 2027 is ahead).
    const ctx = await context({ timezoneId: zone });
    const page = await ctx.newPage();
    await page.goto(`${live}/calendar?view=week&date=${WEEK}&tz=${encodeURIComponent(zone)}`);
    const server = await grid(page);
    await page.goto(`${exported(build)}calendar/week/`);
    const browser = await grid(page);
    assert.equal(await page.getAttribute(".wk", "data-tz"), zone);
    assert.deepEqual(browser.hours, server.hours);
    assert.deepEqual(browser.days.map((d) => d.date), ["2027-03-08", "2027-03-09", "2027-03-10", "2027-03-11", "2027-03-12", "2027-03-13", "2027-03-14"]);
    for (let i = 0; i < 7; i++) assert.deepEqual(browser.days[i], server.days[i], `day ${server.days[i].date}`);
    const boxes = browser.days.flatMap((d) => d.boxes);
    assert.ok(boxes.length >= 8, `${boxes.length} boxes`);
    // Los Angeles' Sunday is 23 hours long; Tokyo's days are all 24.
    const sunday = browser.days[6].heading;
    if (zone === "America/Los_Angeles") assert.match(sunday, /Clocks change: 23 hours/);
    else assert.doesNotMatch(sunday, /Clocks change/);
    // A meeting of the visitor's week that the build zone's week did not hold: it came from the
    // days around it the page carries.
    const weekStart = Date.parse(build === "Asia/Tokyo" ? "2027-03-07T15:00:00Z" : "2027-03-08T08:00:00Z");
    const weekEnd = Date.parse(build === "Asia/Tokyo" ? "2027-03-14T15:00:00Z" : "2027-03-15T07:00:00Z");
    const around = boxes.filter(([start]) => Date.parse(start) < weekStart || Date.parse(start) >= weekEnd);
    const expected = zone === "Asia/Tokyo" ? "2027-03-08T02:00:00Z" : "2027-03-15T01:00:00Z";
    assert.deepEqual(around.map(([start]) => start), [expected], "the Sunday call from the days around the week");
    assert.match(await page.textContent(".today-link"), new RegExp(`^\\s*Times in ${zone}\\s*$`));
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
    // With JavaScript off the export keeps the build's grid, which is not the visitor's.
    const off = await context({ timezoneId: zone, javaScriptEnabled: false });
    const still = await off.newPage();
    await still.goto(`${exported(build)}calendar/week/`);
    assert.notDeepEqual((await grid(still)).days, server.days);
    await off.close();
  });

  test(`can show the now line of a ${build} export in ${zone}'s day and hour, 375 and 1280 px, light and dark`, async () => {
    for (const scheme of ["light", "dark"]) {
      const ctx = await context({ timezoneId: zone, colorScheme: scheme });
      const page = await ctx.newPage();
      await page.clock.install({ time: new Date(NOW) });
      await page.goto(`${exported(build)}calendar/week/`);
      // 12:00 UTC on Wed 10 Mar: 21:00 that Wednesday in Tokyo, 04:00 in Los Angeles.
      const [day, hour] = zone === "Asia/Tokyo" ? ["2027-03-10", 21] : ["2027-03-10", 4];
      const line = await page.$eval(".wk-now", (el) => ({ day: el.closest(".wk-day").dataset.date, classes: el.className, hidden: el.hidden }));
      const from = Number(await page.getAttribute(".wk", "data-from-hour"));
      assert.equal(line.day, day);
      assert.equal(line.hidden, false);
      assert.match(line.classes, new RegExp(`\\bgy${hour - from}\\b`));
      assert.equal(await page.$eval(".wk-day.is-today", (el) => el.dataset.date), day);
      // Meetings that ended before 12:00 UTC are dimmed, none after.
      const wrong = await page.$$eval(".wk li.ev", (lis, now) => lis.filter((li) => li.classList.contains("past") !== Date.parse(li.dataset.end) <= now).length, Date.parse(NOW));
      assert.equal(wrong, 0);
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `sideways overflow at ${width}`);
        await shot(page, `export-zones-week-${slug(build)}-in-${slug(zone)}-${width}-${scheme}`);
      }
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(ctx.problems, []);
      await ctx.close();
    }
  });

  test(`can count a month cell's meetings again in ${zone} on a ${build} export`, async () => {
    const ctx = await context({ timezoneId: zone });
    const page = await ctx.newPage();
    const cells = () => monthCells(page);
    await page.goto(`${live}/calendar?view=month&date=${WEEK}&tz=${encodeURIComponent(zone)}`);
    const server = await cells();
    await page.goto(`${exported(build)}calendar/month/`);
    const browser = await cells();
    assert.deepEqual(browser, server);
    assert.ok(browser.some((c) => c.more > 0), "no crowded day in the month");
    // The Sunday call: Sun 28 Feb in Los Angeles (before the grid of a Los Angeles build) is
    // Mon 1 Mar in Tokyo; Sun 4 Apr in Los Angeles is Mon 5 Apr in Tokyo, after the grid.
    const sundayCall = (day) => browser.find((c) => c.day === day).starts.some((s) => s.endsWith("T02:00:00Z") || s.endsWith("T01:00:00Z"));
    if (zone === "Asia/Tokyo") {
      assert.ok(sundayCall("2027-03-01"), "the call of Sun 28 Feb LA is not on Mon 1 Mar");
      assert.ok(!sundayCall("2027-04-04"), "the call of Sun 4 Apr LA is still on Sun 4 Apr");
    }
    for (const cell of browser) assert.ok(cell.shown <= 3 && (cell.more === 0 || cell.shown === 2), JSON.stringify(cell));
    // Every "+N more" still opens the agenda with its day in words for screen readers.
    const links = await page.$$eval("a.more-day", (as) => as.map((a) => [new URL(a.href).pathname, a.querySelector(".sr").textContent]));
    for (const [path, sr] of links) {
      assert.match(path, /\/sub\/calendar\/$/);
      assert.match(sr, /^ on \w+day \d+ \w+$/);
    }
    // At 20:00 UTC on Wed 10 Mar it is Thu 11 Mar in Tokyo: that cell, and it alone, is today.
    const later = await ctx.newPage();
    await later.clock.install({ time: new Date("2027-03-10T20:00:00Z") });
    await later.goto(`${exported(build)}calendar/month/`);
    const today = zone === "Asia/Tokyo" ? "2027-03-11" : "2027-03-10";
    assert.deepEqual(await later.$$eval("table.month td", (tds) => tds
      .filter((td) => td.classList.contains("is-today") || td.querySelector(".dlabel .today-badge"))
      .map((td) => [td.dataset.day, td.classList.contains("is-today"), td.querySelectorAll(".dlabel .today-badge").length])), [[today, true, 1]]);
    for (const scheme of ["light", "dark"]) {
      await later.emulateMedia({ colorScheme: scheme });
      for (const width of [375, 1280]) {
        await later.setViewportSize({ width, height: 900 });
        assert.ok(await later.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `sideways overflow at ${width}`);
        await shot(later, `export-zones-month-${slug(build)}-in-${slug(zone)}-${width}-${scheme}`);
      }
      assert.deepEqual(await axe(later), [], scheme);
    }
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });
}

test("can name the export's agenda period in the visitor's days", async () => {
  // Los Angeles' build: 10 Mar 00:00 PST to 9 Apr 00:00 PDT, which is 10 Mar 17:00 to 9 Apr
  // 16:00 in Tokyo. Tokyo's build: 10 Mar to 9 Apr JST, 9 Mar 07:00 to 8 Apr 08:00 in Los Angeles.
  const expected = { "America/Los_Angeles": "10 Mar 2027 – 9 Apr 2027", "Asia/Tokyo": "9 Mar 2027 – 8 Apr 2027" };
  for (const build of Object.keys(BUILDS)) {
    const zone = VISITOR[build];
    const ctx = await context({ timezoneId: zone });
    const page = await ctx.newPage();
    await page.goto(`${exported(build)}calendar/`);
    assert.equal(await page.textContent("#period-h"), expected[build]);
    assert.match(await page.title(), new RegExp(`^Calendar: ${expected[build]} — `));
    // Each day listed lies inside that period.
    const days = await page.$$eval("section.agenda-day", (s) => s.map((x) => x.dataset.day));
    const [first, last] = build === "America/Los_Angeles" ? ["2027-03-10", "2027-04-09"] : ["2027-03-09", "2027-04-08"];
    assert.ok(days[0] >= first && days[days.length - 1] <= last, `${days[0]} .. ${days[days.length - 1]}`);
    // In the build's own zone the heading is the server's.
    const home = await context({ timezoneId: build });
    const same = await home.newPage();
    await same.goto(`${exported(build)}calendar/`);
    const own = { "America/Los_Angeles": "10 Mar 2027 – 8 Apr 2027", "Asia/Tokyo": "10 Mar 2027 – 8 Apr 2027" };
    assert.equal(await same.textContent("#period-h"), own[build]);
    await home.close();
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `sideways overflow at ${width}`);
        await shot(page, `export-zones-agenda-${slug(build)}-in-${slug(zone)}-${width}-${scheme}`);
      }
      assert.deepEqual(await axe(page), [], scheme);
    }
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  }
});

test("can keep a served page's Starts in badges live, then say Happening now, then drop it", async () => {
  for (const scheme of ["light", "dark"]) {
    const ctx = await context({ timezoneId: "Asia/Tokyo", colorScheme: scheme });
    const page = await ctx.newPage();
    // A meeting a week after the week shown (the server's clock is today's: no badge rendered).
    await page.goto(`${live}/calendar?date=${WEEK}&tz=Asia%2FTokyo`);
    const [start, end] = await page.$eval("section.agenda-day li.occ:not(.cancelled) time[datetime][data-end]:not([data-all-day])",
      (t) => [t.getAttribute("datetime"), t.dataset.end]);
    const badge = (p, where) => p.$eval(`${where}:has(time[datetime="${start}"]) strong.marker`,
      (el) => (getComputedStyle(el).display === "none" ? "" : `${el.className}: ${el.textContent}`)).catch(() => "");
    assert.equal(await badge(page, "li.occ"), "", "the server rendered a badge for a meeting in 2027");
    await page.clock.install({ time: new Date(Date.parse(start) - 90 * 60_000) });
    await page.reload();
    assert.equal(await badge(page, "li.occ"), "marker: Starts in 1 h 30 min");
    await page.clock.runFor(60 * 60_000);
    assert.equal(await badge(page, "li.occ"), "marker: Starts in 30 min");
    await page.clock.runFor(31 * 60_000);
    assert.equal(await badge(page, "li.occ"), "marker now: Happening now");
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.$eval(`li.occ:has(time[datetime="${start}"])`, (li) => li.scrollIntoView({ block: "center" }));
      // The screen around the badge (the whole agenda is a month long).
      await page.screenshot({ path: join(shots, `export-zones-served-badge-${width}-${scheme}.png`) });
    }
    assert.deepEqual(await axe(page), []);
    // Ended: no badge at all, neither "Happening now" nor a countdown.
    await page.clock.runFor(Date.parse(end) - Date.parse(start));
    assert.equal(await badge(page, "li.occ"), "");
    // The month's cells count down too.
    const month = await ctx.newPage();
    await month.clock.install({ time: new Date(Date.parse(start) - 10 * 60_000) });
    await month.goto(`${live}/calendar?view=month&date=${WEEK}&tz=Asia%2FTokyo`);
    const cell = await month.$(`table.month li.occ:has(time[datetime="${start}"])`);
    if (cell && !(await cell.evaluate((li) => li.hidden))) assert.equal(await badge(month, "table.month li.occ"), "marker: Starts in 10 min");
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  }
});

test("can say Lord Howe Island's half-hour clock change in the export, in each language", async () => {
  // Built for Fri 1 Oct 2027 in UTC: its week ends on Sun 3 Oct, when Lord Howe's clocks move
  // forward by 30 minutes. A count of whole hours said "23 hours" (and nothing at all on the
  // 24.5-hour day in April).
  const community = join(folder, "lh");
  cpSync(join(root, "examples", "todo-group"), community, { recursive: true });
  const file = join(community, "touchpoint.toml");
  const out = join(folder, "www", "lh", "sub");
  mkdirSync(out, { recursive: true });
  run(["refresh", "--config", file, "--data", join(community, "data")]);
  run(["build", "--config", file, "--data", join(community, "data"), "--out", out, "--now", "2027-10-01T12:00:00Z"]);
  const zone = "Australia/Lord_Howe";
  const ctx = await context({ timezoneId: zone });
  const page = await ctx.newPage();
  const note = () => page.textContent(".wk-day[data-date='2027-10-03'] .wk-dst");
  for (const [tree, said] of [["", "Clocks change: 23.5 hours"], ["de/", "Zeitumstellung: 23,5 Stunden"], ["ja/", "時刻の切り替え：23.5時間"]]) {
    // The export's week, laid out again in the visitor's zone by local-times.js.
    await page.goto(`${www}lh/sub/${tree}calendar/week/`);
    await page.waitForFunction((z) => document.querySelector(".wk")?.dataset.tz === z, zone);
    assert.equal((await note()).trim(), said, `export ${tree}`);
    // The server says the same for that zone.
    const lang = tree ? `&lang=${tree.slice(0, -1)}` : "";
    await page.goto(`${live}/calendar?view=week&date=2027-10-01&tz=${encodeURIComponent(zone)}${lang}`);
    assert.equal((await note()).trim(), said, `served ${tree}`);
  }
  await shot(page, "export-zones-lord-howe-ja");
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});
