// Issue 16, points 7 and 8 in Chromium: "Next up" at the top of `/` (a countdown that follows
// the page's clock, "happening now", moving on when a meeting ends) and the calendar's week
// (an hour grid with a now line) and month views, at 375 and 1280 px, light and dark, seen from
// Tokyo and Los Angeles, with JavaScript on and off. Screenshots: target/screenshots/views-*.
import { test } from "node:test";
import assert from "node:assert/strict";
import { base, context, axe, shot, intlClock, sourcesLoaded, useServer } from "./harness.mjs";

useServer();

const ZONES = ["Asia/Tokyo", "America/Los_Angeles"];
const WIDTHS = [375, 1280];
const SCHEMES = ["light", "dark"];
const VIEWS = [
  ["home", "/"],
  ["week", "/calendar?view=week"],
  ["month", "/calendar?view=month"],
];

const slug = (zone) => zone.replace("/", "-");

for (const zone of ZONES) {
  for (const scheme of SCHEMES) {
    test(`can show Next up, the week grid and the month in ${zone} at 375 and 1280 px, ${scheme}`, async () => {
      await sourcesLoaded();
      const ctx = await context({ timezoneId: zone, colorScheme: scheme });
      const page = await ctx.newPage();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const [name, path] of VIEWS) {
          const sep = path.includes("?") ? "&" : "?";
          await page.goto(`${base}${path}${sep}tz=${zone}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${path} in ${zone} scrolls sideways by ${overflow}px at ${width} px`);
          const violations = await axe(page);
          assert.deepEqual(violations, [], `${path} ${zone} ${width}px ${scheme}: ${JSON.stringify(violations, null, 1)}`);
          await shot(page, `views-${name}-${slug(zone)}-${width}-${scheme}`);
        }
      }
      assert.deepEqual(ctx.problems, []);
      assert.deepEqual(ctx.outside, []);
      await ctx.close();
    });
  }
}

test("can show the next meeting in the viewer's zone with a countdown, add to calendar and a working .ics", async () => {
  for (const zone of ZONES) {
    const ctx = await context({ timezoneId: zone, locale: "en-GB" });
    const page = await ctx.newPage();
    await page.goto(`${base}/?tz=${zone}`);
    const first = page.locator(".next-up li.up:not([hidden])").first();
    const time = first.locator("time");
    const iso = await time.getAttribute("datetime");
    assert.ok((await time.textContent()).includes(await intlClock(page, iso, zone)), `${zone}: ${await time.textContent()}`);
    assert.match(await first.locator("[data-countdown]").textContent(), /^(in \d+ (min|h|day|days)|in \d+ h \d+ min|in 1 day \d+ h|happening now)$/);
    const google = await first.getByRole("link", { name: "Google Calendar" }).getAttribute("href");
    assert.ok(google.startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE"));
    const ics = await first.locator("a[download]").getAttribute("href");
    const answer = await fetch(`${base}${ics}`);
    assert.equal(answer.status, 200);
    assert.match(await answer.text(), /BEGIN:VEVENT/);
    await ctx.close();
  }
});

test("can count down with the page's clock, say happening now, then move on to the next meeting", async () => {
  const ctx = await context({ timezoneId: "Asia/Tokyo" });
  const page = await ctx.newPage();
  // Read the first meeting the server shows, then load the page again with a clock 2 h 14 min
  // before it starts: the script corrects what the server (or a cache) said.
  await page.goto(`${base}/?tz=Asia/Tokyo`);
  const entries = page.locator(".next-up li.up");
  const [start, end] = await entries.first().evaluate((e) => [Date.parse(e.dataset.start), Date.parse(e.dataset.end)]);
  const secondTitle = await entries.nth(1).locator("h3").textContent();
  await page.clock.install({ time: new Date(start - (2 * 60 + 14) * 60_000) });
  await page.goto(`${base}/?tz=Asia/Tokyo`);
  const countdown = page.locator(".next-up li.up:not([hidden]) [data-countdown]").first();
  assert.equal(await countdown.textContent(), "in 2 h 14 min");
  assert.equal(await page.locator(".next-up li.up:not([hidden])").count(), 1);
  await shot(page, "views-next-up-countdown");
  await page.clock.runFor(60 * 60_000);
  assert.equal(await countdown.textContent(), "in 1 h 14 min");
  // Past its start: happening now, with the following meeting shown below it.
  await page.clock.runFor(75 * 60_000);
  assert.equal(await countdown.textContent(), "happening now");
  const shown = page.locator(".next-up li.up:not([hidden])");
  assert.equal(await shown.count(), 2);
  assert.equal(await shown.nth(1).locator("h3").textContent(), secondTitle);
  await shot(page, "views-next-up-happening-now");
  // Once it ends, the following meeting is first.
  await page.clock.runFor(end - start);
  assert.equal(await shown.first().locator("h3").textContent(), secondTitle);
  assert.notEqual(await shown.first().locator("[data-countdown]").textContent(), "happening now");
  // Weeks later every meeting the page carries has ended: it offers a reload.
  await page.clock.fastForward(30 * 24 * 3600_000);
  assert.equal(await shown.count(), 0);
  assert.ok(await page.locator(".up-stale").isVisible());
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});

test("can show Next up, the week grid and the month with JavaScript off", async () => {
  const ctx = await context({ timezoneId: "America/Los_Angeles", javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/?tz=America/Los_Angeles`);
  assert.equal(await page.locator(".next-up li.up:not([hidden])").count() >= 1, true);
  assert.match(await page.locator(".next-up [data-countdown]").first().textContent(), /^(in |happening now)/);
  const size = await page.evaluate(() => document.documentElement.outerHTML.length);
  assert.ok(size < 100 * 1024, `home page ${size} bytes`);
  await page.goto(`${base}/calendar?view=week&tz=America/Los_Angeles`);
  assert.equal(await page.locator(".wk-day").count(), 7);
  assert.ok((await page.locator(".wk .ev").count()) > 0);
  assert.ok(await page.locator(".wk-cue").isVisible(), "the sideways-scroll cue shows at 375 px");
  const scroller = await page.locator(".wk-scroll").evaluate((e) => e.scrollWidth - e.clientWidth);
  assert.ok(scroller > 0, "the day columns scroll inside the grid");
  await shot(page, "views-week-nojs-375");
  await page.goto(`${base}/calendar?view=month&tz=America/Los_Angeles`);
  assert.ok((await page.locator("table.month li.occ").count()) > 0);
  await shot(page, "views-month-nojs-375");
  await ctx.close();
});

test("can place week events on their hour line and the now line at the current time", async () => {
  for (const zone of ZONES) {
    const ctx = await context({ timezoneId: zone, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/calendar?view=week&tz=${zone}`);
    // The top of each hour's label, by hour of the day (the labels follow the viewer's clock:
    // "14:00" or "2 PM").
    const from = Number(await page.locator(".wk").getAttribute("data-from-hour"));
    const tops = await page.locator(".wk-hours span").evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().top));
    const hours = Object.fromEntries(tops.map((top, i) => [from + i, top]));
    const hourHeight = tops[1] - tops[0];
    assert.ok(hourHeight > 20, `hour height ${hourHeight}`);
    // Every event's top is its start's wall clock in the zone, within a pixel or two.
    const events = await page.locator(".wk .ev").evaluateAll((list, z) => list.map((e) => {
      const iso = e.querySelector("time").getAttribute("datetime");
      return {
        iso,
        top: e.getBoundingClientRect().top,
        column: e.closest(".wk-day").dataset.date,
        day: new Intl.DateTimeFormat("en-CA", { timeZone: z }).format(new Date(iso)),
      };
    }), zone);
    assert.ok(events.length > 0, `${zone}: no events this week`);
    for (const event of events) {
      const clock = await intlClock(page, event.iso, zone);
      const [h, m] = clock.split(":").map(Number);
      const line = hours[h];
      if (event.day !== event.column) continue; // started the day before: drawn from the top
      assert.notEqual(line, undefined, `${zone}: no hour line for ${clock}`);
      const expected = line + (m / 60) * hourHeight;
      assert.ok(Math.abs(event.top - expected) <= 2.5, `${zone}: ${event.iso} (${clock}) at ${event.top}, expected ${expected}`);
    }
    // The now line: in today's column, at the current time.
    const now = page.locator(".wk-now");
    assert.ok(await now.isVisible(), `${zone}: no now line`);
    const { top, column, iso } = await now.evaluate((e) => ({
      top: e.getBoundingClientRect().top,
      column: e.closest(".wk-day").dataset.date,
      iso: new Date().toISOString(),
    }));
    const today = await page.evaluate((z) => new Intl.DateTimeFormat("en-CA", { timeZone: z }).format(new Date()), zone);
    assert.equal(column, today);
    const [h, m] = (await intlClock(page, iso, zone)).split(":").map(Number);
    const expected = hours[h] + (m / 60) * hourHeight;
    assert.ok(Math.abs(top - expected) <= hourHeight / 6, `${zone}: now line at ${top}, expected ${expected}`);
    await ctx.close();
  }
});

test("can keep the DST day of a Berlin viewer on the wall clock", async () => {
  const ctx = await context({ timezoneId: "Europe/Berlin", locale: "de-DE", viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/calendar?view=week&date=2027-03-28&tz=Europe/Berlin`);
  const sunday = page.locator('.wk-day[data-date="2027-03-28"]');
  // A browser in German reads the page in German (Accept-Language), the DST note too.
  assert.match(await sunday.locator("h3").textContent(), /Zeitumstellung: 23 Stunden/);
  // The Thursday Touchpoint, 12:00 UTC, is 13:00 in Berlin before the change.
  const thursday = page.locator('.wk-day[data-date="2027-03-25"] .ev time');
  assert.equal(await thursday.first().textContent(), "13:00");
  await shot(page, "views-week-berlin-dst-1280");
  await ctx.close();
});

test("can keep month cells one height however many meetings a day has", async () => {
  await sourcesLoaded();
  const ctx = await context({ timezoneId: "Asia/Tokyo", locale: "en-GB", viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/calendar?view=month&date=2026-11-01&tz=Asia/Tokyo`);
  const cells = await page.locator("table.month td").evaluateAll((tds) => tds.map((td) => ({
    height: td.getBoundingClientRect().height,
    listed: td.querySelectorAll("li.occ").length,
    more: td.querySelector("a.more-day")?.textContent || "",
  })));
  const heights = cells.map((c) => c.height);
  assert.ok(Math.max(...heights) - Math.min(...heights) <= 1, `cell heights ${Math.min(...heights)}..${Math.max(...heights)}`);
  assert.ok(cells.every((c) => c.listed <= 3));
  assert.ok(cells.some((c) => /^\+\d+ more/.test(c.more)), "a crowded day links to the rest");
  // The colour dot sits on the line of its meeting, not above it.
  const dot = page.locator("table.month li.occ:has(svg.swatch)").first();
  const [dotBox, timeBox] = [await dot.locator("svg.swatch").boundingBox(), await dot.locator("time").boundingBox()];
  assert.ok(Math.abs(dotBox.y + dotBox.height / 2 - (timeBox.y + timeBox.height / 2)) < timeBox.height / 2, "the dot is inline with the time");
  await ctx.close();
});
