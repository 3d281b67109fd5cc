// Issue 16, points 1, 2, 3, 5 and 13 in Chromium: a shared `?tz=` link shows its zone without
// taking over the visitor's; the zone picker keeps the page's parameters (JavaScript on and
// off); a moved meeting says "moved from …" and a cancelled one looks cancelled on every page
// and in both embeds; the cadence line is in the viewer's zone; and the small things (favicon,
// the embed's theme, the same 12/24-hour clock on the site and in the embeds, past dates'
// numbering, the "Other calendars" cards). Screenshots: target/screenshots/zone-*, at 375 and
// 1280 px, light and dark. The Rust side: tests/page_zone.rs and site's cadence and when tests.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { base, bin, context, axe, shot, root, freePort, useServer } from "./harness.mjs";

// The community, dated from today so the moved and the cancelled meeting are always ahead:
// "amer" meets on Mondays at 17:00 UTC; the Monday `regular` (7 to 13 days ahead) moves to the
// Thursday before it, and the Monday after is cancelled. "chaoss" meets every other Wednesday
// at 09:00 in Los Angeles.
const DAY = 86_400_000;
const today = new Date();
today.setUTCHours(0, 0, 0, 0);
const regular = new Date(today.getTime() + 7 * DAY);
regular.setUTCDate(regular.getUTCDate() + ((8 - regular.getUTCDay()) % 7));
const moved = new Date(regular.getTime() - 4 * DAY);
const cancelled = new Date(regular.getTime() + 7 * DAY);
const first = new Date(regular.getTime() - 28 * DAY);
// CHAOSS's first Wednesday, moved to the Thursday: a moved date among the past ones.
const chaossFirst = new Date(first.getTime() + 2 * DAY);
const day = (d) => d.toISOString().slice(0, 10);

const dir = mkdtempSync(join(tmpdir(), "touchpoint-page-zone-"));
copyFileSync(join(root, "examples", "todo-group", "calendars", "openssf.ics"), join(dir, "openssf.ics"));
const config = join(dir, "touchpoint.toml");
writeFileSync(config, `[community]
name = "Zones"
timezone = "UTC"

[[series]]
id = "amer"
title = "AMER & EMEA Touchpoint"
timezone = "UTC"
start = "17:00"
duration = "1h"
repeat = "weekly on Monday"
first = ${day(first)}

  [[series.exceptions]]
  date = ${day(regular)}
  move_to = ${day(moved)}T17:00:00

  [[series.exceptions]]
  date = ${day(cancelled)}
  cancel = "Winter break"

[[series]]
id = "chaoss"
title = "CHAOSS call"
timezone = "America/Los_Angeles"
start = "09:00"
duration = "1h"
repeat = "every 2 weeks on Wednesday"
first = ${day(chaossFirst)}
group = "metrics"

  [[series.exceptions]]
  date = ${day(chaossFirst)}
  move_to = ${day(new Date(chaossFirst.getTime() + DAY))}T09:00:00

[[groups]]
id = "metrics"
title = "Metrics Working Group"

[[calendars]]
id = "openssf"
name = "OpenSSF"
path = "openssf.ics"
colour = "#6f42c1"
`);
useServer(["--config", config]);

// "Another site" embedding the list: pages served by this file on 127.0.0.1, another port (a
// public origin may not reach a loopback one in Chromium). `host(body)` gives a page's address.
const hosted = new Map();
const hostServer = createServer((req, res) => {
  const body = hosted.get(req.url);
  res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
  res.end(body || "not found");
});
const hostPort = await freePort();
await new Promise((resolve) => hostServer.listen(hostPort, "127.0.0.1", resolve));
function host(body) {
  const path = `/page-${hosted.size}`;
  hosted.set(path, body);
  return `http://127.0.0.1:${hostPort}${path}`;
}
after(() => {
  hostServer.close();
  rmSync(dir, { recursive: true, force: true });
});

const WIDTHS = [375, 1280];
const SCHEMES = ["light", "dark"];

/** "Mon 21 Dec": how the pages name the day of `date` (a UTC midnight) plus `hours` in `zone`. */
function dayName(date, hours, zone) {
  const parts = {};
  new Intl.DateTimeFormat("en-US", { weekday: "short", day: "numeric", month: "short", timeZone: zone })
    .formatToParts(new Date(date.getTime() + hours * 3_600_000))
    .forEach((p) => { parts[p.type] = p.value; });
  return `${parts.weekday} ${parts.day} ${parts.month}`;
}

const slug = (zone) => zone.replace("/", "-");
const tzCookie = async (ctx) => (await ctx.cookies()).find((c) => c.name === "tz");

/** Shoots `name` at both widths and checks axe and sideways scrolling on each. */
async function shots(page, name, scheme) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at ${width} px`);
    const violations = await axe(page);
    assert.deepEqual(violations, [], `${name} ${width}px ${scheme}: ${JSON.stringify(violations, null, 1)}`);
    await shot(page, `zone-${name}-${width}-${scheme}`);
  }
}

// Point 1: a shared link shows its zone, says so, and is forgotten on the next page.
for (const scheme of SCHEMES) {
  test(`can show a shared ?tz= link in its zone without taking over the visitor's (${scheme})`, async () => {
    const ctx = await context({ timezoneId: "Europe/Berlin", colorScheme: scheme });
    const page = await ctx.newPage();
    const shared = "/calendar?view=month&date=2027-01-15&source=openssf";
    await page.goto(`${base}${shared}&tz=Asia/Tokyo`);
    await page.waitForLoadState("networkidle");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "Asia/Tokyo");
    const note = page.locator(".zone-shared");
    assert.equal((await note.textContent()).replace(/\s+/g, " ").trim(), "Shown in Tokyo time · use my zone");
    assert.equal(await tzCookie(ctx), undefined, "a shared link sets no cookie");
    await shots(page, "shared-link", scheme);
    // "use my zone": the same view without tz=, in the visitor's own (detected) zone.
    await Promise.all([page.waitForURL((url) => !url.search.includes("tz=")), note.locator("a").click()]);
    await page.waitForFunction(() => document.documentElement.dataset.tz === "Europe/Berlin", null, { timeout: 10_000 });
    assert.equal(page.url(), `${base}${shared}`);
    assert.match(await page.locator("#period-h").textContent(), /January 2027/);
    assert.equal(await page.locator(".zone-shared").count(), 0);
    assert.equal((await tzCookie(ctx))?.value, "Europe/Berlin", "detection ran and remembered the visitor's zone");
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });
}

test("can open a shared link after choosing a zone, and keep the choice", async () => {
  const ctx = await context({ timezoneId: "Europe/Berlin" });
  const page = await ctx.newPage();
  await page.goto(`${base}/?tz=Asia/Tokyo`);
  await page.goto(`${base}/`);
  await page.waitForFunction(() => document.documentElement.dataset.tz === "Europe/Berlin", null, { timeout: 10_000 });
  await page.goto(`${base}/groups?tz=America/Los_Angeles`);
  await page.goto(`${base}/groups`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "Europe/Berlin");
  await ctx.close();
});

// Point 5: the picker keeps the view, date and filters, with JavaScript on and off.
for (const javaScriptEnabled of [true, false]) {
  test(`can change zone from a month view and stay on it (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
    const ctx = await context({ timezoneId: "UTC", javaScriptEnabled });
    const page = await ctx.newPage();
    const here = "/calendar?view=month&date=2027-01-15&source=openssf&source=community";
    await page.goto(`${base}${here}`);
    await page.locator("#tz").fill("America/Los_Angeles");
    await Promise.all([page.waitForNavigation(), page.locator("form.tz button").click()]);
    assert.equal(page.url(), `${base}${here}`, "every parameter kept, tz= not in the address");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "America/Los_Angeles");
    assert.match(await page.locator("#period-h").textContent(), /January 2027/);
    assert.equal(await page.locator("input[type=checkbox][name=source][value=openssf]").isChecked(), true);
    assert.equal((await tzCookie(ctx))?.value, "America/Los_Angeles", "the picker's choice is remembered");
    await page.goto(`${base}/`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "America/Los_Angeles");
    await ctx.close();
  });
}

// Point 2: moved and cancelled meetings, in the viewer's zone, on every page and in the embeds.
for (const [zone, hours, scheme] of [["UTC", 17, "light"], ["Asia/Tokyo", 17, "dark"]]) {
  test(`can say where a moved meeting was and strike a cancelled one (${zone}, ${scheme})`, async () => {
    const ctx = await context({ timezoneId: zone, colorScheme: scheme });
    const page = await ctx.newPage();
    const was = `moved from ${dayName(regular, hours, zone)}`;
    const views = [
      ["/", "#calendar li.occ"],
      ["/", "#series li.occ"],
      ["/calendar?view=agenda", "li.occ"],
      [`/calendar?view=month&date=${day(moved)}`, "li.occ"],
      ["/series/amer", "ol.dates li.occ"],
      ["/embed/upcoming?limit=10", "li"],
    ];
    for (const [path, entry] of views) {
      await page.goto(`${base}${path}`);
      if (!path.startsWith("/embed/")) {
        await page.waitForFunction((z) => document.documentElement.dataset.tz === z, zone, { timeout: 10_000 });
      }
      const movedEntry = page.locator(entry).filter({ has: page.locator(".moved") }).first();
      assert.ok(await movedEntry.count(), `${path}: no moved entry`);
      assert.equal((await movedEntry.locator(".moved").textContent()).trim(), was, path);
      const start = await movedEntry.locator("time").first().getAttribute("datetime");
      assert.equal(start, `${day(moved)}T17:00:00Z`, `${path}: the moved entry is at its new time`);
      if (path === "/calendar?view=agenda" || path.startsWith("/calendar?view=month")) {
        await shots(page, `moved-${path.includes("month") ? "month" : "agenda"}-${slug(zone)}`, scheme);
        await page.setViewportSize({ width: 1100, height: 900 });
      }
      const struck = page.locator(entry).filter({ hasText: "Cancelled" }).first();
      if (await struck.count()) {
        const through = await struck.evaluate((li) => [...li.querySelectorAll("time, .title, .t")]
          .some((e) => getComputedStyle(e).textDecorationLine.includes("line-through")));
        assert.ok(through, `${path}: a cancelled entry is struck through`);
      } else {
        assert.ok(path === "/" || path.startsWith("/calendar?view=month"), `${path}: the cancelled date is listed`);
      }
    }
    // Past dates too: the group page's and the series page's.
    const nine = [16, 17].find((h) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: "America/Los_Angeles" })
      .format(new Date(chaossFirst.getTime() + h * 3_600_000)) === "09");
    for (const path of ["/groups/metrics", "/series/chaoss"]) {
      await page.goto(`${base}${path}`);
      const note = page.locator("section[aria-labelledby=past-h] .moved, ol.dates.past .moved").first();
      assert.equal((await note.textContent()).trim(), `moved from ${dayName(chaossFirst, nine, zone)}`, path);
    }
        // The web component, on another site's page, reads the API's moved_from.
    await page.goto(host(`<!doctype html><html lang="en"><title>Host</title><main><h1>Meetings</h1>
        <script defer src="${base}/embed/touchpoint-upcoming.js"></script>
        <touchpoint-upcoming limit="10"></touchpoint-upcoming></main></html>`));
    const component = page.locator("touchpoint-upcoming .moved");
    await component.first().waitFor({ timeout: 10_000 });
    assert.equal((await component.first().textContent()).trim(), was, "the web component");
    await ctx.close();
  });
}

// Point 3: the cadence in the viewer's zone, its weekday the one the next dates show.
for (const [zone, amer, chaoss] of [
  ["Asia/Tokyo", /^Every Tuesday, 02:00 JST \(Monday 17:00 UTC\)$/, /^Every other Thursday, 0[12]:00 JST \(Wednesday 09:00 P[SD]T\)$/],
  ["America/Los_Angeles", /^Every Monday, 09:00 PST \(Monday 17:00 UTC\)$|^Every Monday, 10:00 PDT \(Monday 17:00 UTC\)$/, /^Every other Wednesday, 09:00 P[SD]T$/],
]) {
  test(`can say the cadence in the viewer's zone (${zone})`, async () => {
    const ctx = await context({ timezoneId: zone });
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction((z) => document.documentElement.dataset.tz === z, zone, { timeout: 10_000 });
    const card = page.locator("#series article.card").filter({ hasText: "AMER" });
    const cadence = (await card.locator(".cadence").textContent()).trim();
    assert.match(cadence, amer);
    // The weekday said is the weekday of the first regular date listed under it.
    const dates = await card.locator("li.occ").evaluateAll((lis) => lis.filter((li) => !li.querySelector(".moved") && !li.classList.contains("cancelled")).map((li) => li.querySelector("time").textContent));
    assert.ok(dates.length > 0);
    assert.ok(cadence.includes(dates[0].slice(0, 3)), `${cadence} vs ${dates[0]}`);
    await page.goto(`${base}/groups/metrics`);
    assert.match(await page.locator("body").textContent(), new RegExp(chaoss.source.slice(1, -1)));
    await page.goto(`${base}/series/chaoss`);
    const line = (await page.locator("p.cadence").textContent()).split(" · ")[0].trim();
    assert.match(line, chaoss);
    const next = await page.locator("ol.dates").first().locator("time").first().textContent();
    assert.ok(line.includes(next.slice(0, 3)), `${line} vs ${next}`);
    await ctx.close();
  });
}

// The static export says the same, written in the browser: the moved note and the cadence.
test("can say the cadence and the moved date in the visitor's zone in the static export", async () => {
  const out = join(dir, "site");
  const built = spawnSync(bin, ["build", "--out", out, "--config", config, "--data", join(dir, "data")], { encoding: "utf8" });
  assert.equal(built.status, 0, built.stderr);
  const ctx = await context({ timezoneId: "Asia/Tokyo" });
  const page = await ctx.newPage();
  await page.goto(pathToFileURL(join(out, "index.html")).href);
  await page.waitForFunction(() => document.documentElement.dataset.tz === "Asia/Tokyo", null, { timeout: 10_000 });
  const cadence = (await page.locator("#series article.card .cadence").first().textContent()).trim();
  // The browser's own abbreviations (en-GB: "GMT+9"); the weekday is Tokyo's.
  assert.match(cadence, /^Every Tuesday, 02:00 \S+ \(Monday 17:00 UTC\)$/);
  assert.equal(
    (await page.locator(".moved").first().textContent()).trim(),
    `moved from ${dayName(regular, 17, "Asia/Tokyo")}`,
  );
  // A shared link to the export says whose zone it shows, and links to the visitor's own.
  await page.goto(`${pathToFileURL(join(out, "calendar", "index.html")).href}?view=month&tz=America/Los_Angeles`);
  await page.waitForFunction(() => document.documentElement.dataset.tz === "America/Los_Angeles", null, { timeout: 10_000 });
  const note = page.locator(".zone-shared");
  assert.equal((await note.textContent()).replace(/\s+/g, " ").trim(), "Shown in Los Angeles time · use my zone");
  await note.locator("a").click();
  await page.waitForFunction(() => document.documentElement.dataset.tz === "Asia/Tokyo", null, { timeout: 10_000 });
  assert.equal(new URL(page.url()).search, "?view=month");
  assert.equal(await page.locator(".zone-shared").count(), 0);
  await ctx.close();
});

// The same in a language tree of the export: the cadence in Japanese, said again in the
// visitor's zone from the words the server wrote for each possible day (issue 19).
test("can say the cadence in the visitor's zone in the export's Japanese pages", async () => {
  const out = join(dir, "site-languages");
  const built = spawnSync(bin, ["build", "--out", out, "--data", join(dir, "data-languages"), "--now", "2026-12-02T00:00:00Z"], { encoding: "utf8" });
  assert.equal(built.status, 0, built.stderr);
  const ctx = await context({ timezoneId: "Asia/Tokyo" });
  const page = await ctx.newPage();
  await page.goto(pathToFileURL(join(out, "ja", "index.html")).href);
  await page.waitForFunction(() => document.documentElement.dataset.tz === "Asia/Tokyo", null, { timeout: 10_000 });
  const card = page.locator("#series article.card").filter({ hasText: "AMER" });
  const cadence = (await card.locator(".cadence").textContent()).trim();
  // Built in UTC ("毎週月曜日 17:00 UTC"); in Tokyo it is Tuesday, with the series' own
  // Monday after it. The abbreviations are the browser's.
  assert.match(cadence, /^毎週火曜日 2:00 \S+（月曜日 17:00 UTC）$/, cadence);
  await shot(page, "export-ja-cadence-tokyo");
  await ctx.close();
});

// Point 13: the small things.
test("can serve a favicon, so no page logs a 404 for it", async () => {
  const svg = await fetch(`${base}/favicon.svg`);
  assert.equal(svg.status, 200);
  assert.equal(svg.headers.get("content-type"), "image/svg+xml");
  assert.match(await svg.text(), /^<svg /);
  assert.equal((await fetch(`${base}/favicon.ico`)).status, 204);
  const ctx = await context({ timezoneId: "UTC" });
  const page = await ctx.newPage();
  for (const path of ["/", "/calendar", "/series/amer", "/groups", "/planner"]) {
    await page.goto(`${base}${path}`);
    // Linked at the version of its bytes (`?v=`), which browsers keep a year.
    assert.equal(await page.locator('link[rel=icon][href^="/favicon.svg?v="]').count(), 1, path);
    await page.waitForLoadState("networkidle");
  }
  assert.deepEqual(ctx.problems, [], "no console error, a favicon 404 included");
  await ctx.close();
});

test("never labels the zone UTC (UTC)", async () => {
  const ctx = await context({ timezoneId: "UTC", javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  assert.equal((await page.locator("#zone-now").textContent()).trim(), "UTC");
  assert.doesNotMatch(await page.locator("body").textContent(), /UTC \(UTC\)/);
  await ctx.close();
});

for (const scheme of SCHEMES) {
  test(`can show the iframe embed in the host page's ${scheme} theme`, async () => {
    const ctx = await context({ timezoneId: "Europe/Madrid", colorScheme: scheme === "dark" ? "light" : "dark" });
    const page = await ctx.newPage();
    const background = scheme === "dark" ? "#0d1117" : "#ffffff";
    await page.goto(host(`<!doctype html><html lang="en" style="color-scheme:${scheme};background:${background}">
        <title>Host</title><main><h1>Our meetings</h1>
        <iframe src="${base}/embed/upcoming?limit=4${scheme === "dark" ? "&theme=dark" : ""}" title="Upcoming meetings"
          style="border:0;width:100%;height:16rem"></iframe></main></html>`));
    const frame = page.frameLocator("iframe");
    await frame.locator("li").first().waitFor();
    const colour = await frame.locator("body").evaluate((b) => getComputedStyle(b).color);
    // The theme is the host's (?theme=), not the visitor's system setting (the opposite here).
    assert.equal(colour, scheme === "dark" ? "rgb(230, 237, 243)" : "rgb(27, 31, 36)");
    await shots(page, `embed-theme`, scheme);
    const bad = await fetch(`${base}/embed/upcoming?theme=purple`);
    assert.equal(bad.status, 400);
    await ctx.close();
  });
}

for (const [locale, clock] of [["en-US", /\b(1[0-2]|[1-9]):\d\d [AP]M\b/], ["en-GB", /\b\d\d:\d\d\b/], ["de-DE", /\b\d\d:\d\d\b/], ["en-IN", /\b(1[0-2]|[1-9]):\d\d [AP]M\b/]]) {
  test(`can write the same clock on the site and in both embeds (${locale})`, async () => {
    const zone = "America/New_York";
    const ctx = await context({ timezoneId: zone, locale });
    const page = await ctx.newPage();
    await page.goto(`${base}/series/amer`);
    await page.waitForFunction((z) => document.documentElement.dataset.tz === z, zone, { timeout: 10_000 });
    const site = page.locator("ol.dates").first().locator("li:not(.cancelled) time").first();
    const iso = await site.getAttribute("datetime");
    const siteText = (await site.textContent()).trim();
    assert.match(siteText, clock);
    // The iframe: its server text (Accept-Language), then its script (navigator.language).
    for (const javaScript of [false, true]) {
      const other = await context({ timezoneId: zone, locale, javaScriptEnabled: javaScript });
      const embed = await other.newPage();
      await embed.goto(`${base}/embed/upcoming?series=amer&limit=10&tz=${zone}`);
      const text = (await embed.locator(`time[datetime="${iso}"]`).textContent()).trim();
      assert.ok(text.startsWith(siteText), `embed (JavaScript ${javaScript ? "on" : "off"}): ${text} vs site: ${siteText}`);
      await other.close();
    }
    await page.goto(host(`<!doctype html><html lang="en"><title>Host</title><script defer src="${base}/embed/touchpoint-upcoming.js"></script>
        <touchpoint-upcoming series="amer" limit="10"></touchpoint-upcoming></html>`));
    // The API writes the start with its offset ("…T17:00:00+00:00"): the same instant.
    await page.locator("touchpoint-upcoming li time").first().waitFor({ timeout: 10_000 });
    const componentText = await page.locator("touchpoint-upcoming li time").evaluateAll((times, at) =>
      times.find((t) => Date.parse(t.getAttribute("datetime")) === at)?.textContent.trim(), Date.parse(iso));
    assert.ok(componentText.startsWith(siteText), `component: ${componentText} vs site: ${siteText}`);
    await ctx.close();
  });
}

for (const scheme of SCHEMES) {
  test(`can list past dates newest first, numbered from the series' first date (${scheme})`, async () => {
    const ctx = await context({ timezoneId: "UTC", colorScheme: scheme });
    const page = await ctx.newPage();
    await page.goto(`${base}/series/amer`);
    const past = page.locator("section[aria-labelledby=past-h] ol.dates");
    const starts = await past.locator("time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
    assert.ok(starts.length >= 2, "past dates listed");
    assert.deepEqual([...starts].sort().reverse(), starts, "newest first");
    // The series began on `first`, weekly: the newest past date is meeting number N.
    const held = Math.floor((Date.parse(starts[0]) - Date.parse(`${day(first)}T17:00:00Z`)) / (7 * DAY)) + 1;
    assert.equal(await past.evaluate((ol) => ol.reversed && ol.start), held);
    // Counting down from there, one number per listed date (`reversed`, one <li> each).
    assert.equal(await past.locator("li").count(), starts.length);
    await shots(page, "series", scheme);
    await ctx.close();
  });

  test(`can show the Other calendars cards in the page's own colours (${scheme})`, async () => {
    const ctx = await context({ timezoneId: "UTC", colorScheme: scheme });
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    const card = page.locator("article.card.source").first();
    const [cardColour, bodyColour] = await card.evaluate((c) => [getComputedStyle(c).color, getComputedStyle(document.body).color]);
    assert.equal(cardColour, bodyColour, "the card's text is not muted");
    await card.scrollIntoViewIfNeeded();
    await shots(page, "home", scheme);
    await ctx.close();
  });
}
