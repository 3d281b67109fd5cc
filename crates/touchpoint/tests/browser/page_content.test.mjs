// Issue 16, points 4, 6, 10, 11 and 12 in Chromium: calendar filters as a union and the 400
// page for an unknown id, outside events' details (a Google-shaped feed and a hostile one,
// served on 127.0.0.1 by this file), a shared description shown once, a group page with its
// breadcrumb and past meetings, and the feed-health page at 375 px. Each view is shot at 375
// and 1280 px, light and dark, and scanned with axe. The Rust side: tests/page_content.rs.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { base, bin, context, axe, shot, shots, freePort, useServer } from "./harness.mjs";

// Outside calendars: a Google-shaped feed (HTML description with the Meet link, LOCATION, URL),
// a hostile one (markup, script links, very long text), and one whose address holds secrets.
const google = [
  "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
  "BEGIN:VEVENT", "UID:daily-sync@google.com", "DTSTART:20260101T150000Z", "DTEND:20260101T160000Z",
  "RRULE:FREQ=DAILY", "SUMMARY:Upstream daily sync",
  'DESCRIPTION:Agenda in the <b>doc</b>: <a href="https://docs.example.org/agenda">agenda</a><br><br>Join with Google Meet: <a href="https://meet.google.com/abc-defg-hij">https://meet.google.com/abc-defg-hij</a><br>Or dial: +1 555-0100',
  "LOCATION:Room 4\\, Building B", "URL:https://events.example.org/daily-sync",
  "END:VEVENT", "END:VCALENDAR", "",
].join("\r\n");
const hostile = [
  "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Evil//EN",
  "BEGIN:VEVENT", "UID:evil@evil.test", "DTSTART:20260101T180000Z", "DURATION:PT1H", "RRULE:FREQ=DAILY",
  "SUMMARY:<img src=x onerror=alert(1)>Evil call",
  `DESCRIPTION:<script>alert(2)</script><a href="javascript:alert(3)">click</a> javascript:alert(4) ${"Averyveryverylongwordwithoutanyspaces".repeat(20)} ${"Lorem ipsum dolor sit amet. ".repeat(300)}`,
  'LOCATION:<iframe src="javascript:alert(5)">', "URL:javascript:alert(6)",
  "END:VEVENT", "END:VCALENDAR", "",
].join("\r\n");

const feeds = createServer((req, res) => {
  const body = req.url.startsWith("/evil.ics") ? hostile : google;
  res.writeHead(200, { "content-type": "text/calendar" });
  res.end(body);
});
const feedPort = await freePort();
await new Promise((resolve) => feeds.listen(feedPort, "127.0.0.1", resolve));

// A Monday some weeks back (UTC), so past meetings exist whatever the date.
function mondayWeeksAgo(weeks) {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 7 * weeks);
  return d.toISOString().slice(0, 10);
}
const noted = mondayWeeksAgo(2);
const shared = "Touchpoints are open sessions to share what works in open source program management, offered at two times of day so that every region can join one of them each week. They explore security, compliance, community health and business strategy.";
const dir = mkdtempSync(join(tmpdir(), "touchpoint-page-content-"));
const config = join(dir, "touchpoint.toml");
writeFileSync(config, `[community]
name = "Content"
timezone = "UTC"

[[series]]
id = "early"
title = "Early Touchpoint"
description = "${shared}"
timezone = "UTC"
start = "08:00"
duration = "1h"
repeat = "weekly on Tuesday"
first = 2026-01-06

[[series]]
id = "late"
title = "Late Touchpoint"
description = "${shared}"
timezone = "UTC"
start = "20:00"
duration = "1h"
repeat = "weekly on Tuesday"
first = 2026-01-06

[[series]]
id = "docs-call"
title = "Docs call"
timezone = "UTC"
start = "16:00"
duration = "1h"
repeat = "weekly on Monday"
first = ${mondayWeeksAgo(8)}
group = "docs"

  [[series.exceptions]]
  date = ${noted}
  notes = "https://notes.example.org/docs/${noted}"
  recording = "https://video.example.org/docs/${noted}"

[[groups]]
id = "docs"
title = "Docs Working Group"
description = "Writes the handbook."
chat = { label = "#docs", url = "https://matrix.to/#/#docs:example.org" }

[[groups]]
id = "idle"
title = "Idle Working Group"
chat = { label = "#idle" }

[[calendars]]
id = "google"
name = "Upstream"
url = "http://127.0.0.1:${feedPort}/google.ics"
colour = "#6f42c1"
# Its Meet link is offered as Join on every page (issue 17: outside links are near-start unless
# the calendar says public).
join_visibility = "public"

[[calendars]]
id = "evil"
name = "Evil"
url = "http://127.0.0.1:${feedPort}/evil.ics"

[[calendars]]
id = "token"
name = "Tokened"
url = "http://alice:hunter2@127.0.0.1:${feedPort}/token.ics?lang=en&token=s3cr3t"
`);

// The server fetches these feeds on 127.0.0.1, which it refuses unless allowed.
process.env.TOUCHPOINT_ALLOW_PRIVATE_ADDRESSES = "true";
useServer(["--config", config]);
after(() => {
  feeds.close();
  rmSync(dir, { recursive: true, force: true });
});

const widths = [375, 1280];
const schemes = ["light", "dark"];

/** Waits until the server has fetched every outside calendar. */
async function fetched() {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const calendars = await (await fetch(`${base}/api/v1/calendars`)).json();
    if (calendars.calendars.every((c) => c.status === "ok")) return;
    assert.ok(Date.now() < deadline, "feeds fetched within 30 s");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens `path` at each width and scheme: no sideways scroll, no serious axe violation, a shot. */
async function everyLook(path, name, prepare = async () => {}) {
  for (const width of widths) {
    for (const colorScheme of schemes) {
      const ctx = await context({ viewport: { width, height: 900 }, colorScheme, timezoneId: "UTC" });
      const page = await ctx.newPage();
      page.on("dialog", (d) => { ctx.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
      const answer = await page.goto(`${base}${path}`);
      await prepare(page, answer);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} at ${width} px scrolls sideways by ${overflow} px`);
      assert.deepEqual(await axe(page), [], `${path} at ${width} px, ${colorScheme}`);
      await shot(page, `content-${name}-${width}-${colorScheme}`);
      // The first screen alone, readable where the whole page is long.
      await page.screenshot({ path: join(shots, `content-${name}-${width}-${colorScheme}-top.png`) });
      // The 400 page's own status is the browser's only complaint about it.
      const problems = ctx.problems.filter((p) => !(answer.status() === 400 && /status of 400 \(Bad Request\)/.test(p)));
      assert.deepEqual(problems, []);
      assert.deepEqual(ctx.outside, []);
      await ctx.close();
    }
  }
}

test("can combine a calendar and a working group as a union, and refuse an unknown id", async () => {
  await fetched();
  await everyLook("/calendar?source=google&group=docs", "filters", async (page) => {
    const titles = await page.locator("main li.occ .title").allTextContents();
    assert.ok(titles.includes("Upstream daily sync"), "the calendar's events");
    assert.ok(titles.includes("Docs call"), "the group's meetings");
    assert.ok(!titles.includes("Early Touchpoint"), "not ticked");
    assert.equal(await page.locator('form.filters input[value="google"]').isChecked(), true);
    assert.equal(await page.locator('form.filters input[value="evil"]').isChecked(), false);
  });
  // Nothing filtered: every box is ticked, as everything is shown.
  const ctx = await context();
  const page = await ctx.newPage();
  await page.goto(`${base}/calendar`);
  const boxes = page.locator("form.filters input[type=checkbox]");
  assert.equal(await boxes.count(), 6);
  for (const box of await boxes.all()) assert.equal(await box.isChecked(), true);
  // Untick everything but the idle group and filter: it says it has no meetings.
  for (const box of await boxes.all()) if ((await box.getAttribute("value")) !== "idle") await box.uncheck();
  await page.locator("form.filters button[type=submit]").click();
  await page.waitForURL(/group=idle/);
  assert.match(await page.locator("main").textContent(), /Idle Working Group has no scheduled meetings\./);
  await ctx.close();

  await everyLook("/calendar?source=bogus", "unknown-id", async (page, answer) => {
    assert.equal(answer.status(), 400);
    assert.equal(await page.locator("h1").textContent(), "Unknown calendar");
    assert.match(await page.locator("main").textContent(), /There is no calendar with the id bogus/);
    const choices = await page.locator("ul.choices a").allTextContents();
    assert.deepEqual(choices, ["Content meetings", "Upstream", "Evil", "Tokened"]);
  });
});

test("can show an outside event's description, place and link, safely", async () => {
  await fetched();
  await everyLook("/calendar?source=google&source=evil", "details", async (page) => {
    const google = page.locator("li.occ", { hasText: "Upstream daily sync" }).first();
    await google.locator("details.event-more summary").click();
    const details = google.locator("details.event-more");
    assert.match(await details.textContent(), /Where: Room 4, Building B/);
    assert.equal(await google.locator("a.join").getAttribute("href"), "https://meet.google.com/abc-defg-hij");
    const agenda = details.locator('a[href="https://docs.example.org/agenda"]');
    assert.equal(await agenda.getAttribute("rel"), "nofollow noopener");
    assert.equal(await details.locator("a", { hasText: "Event page" }).getAttribute("href"), "https://events.example.org/daily-sync");
    const evil = page.locator("li.occ", { hasText: "Evil call" }).first();
    await evil.locator("details.event-more summary").click();
    // No element from the feed, no script link; the title's markup is text.
    assert.equal(await page.locator("main script, main img, main iframe").count(), 0);
    const hrefs = await page.locator("main a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.every((h) => !/^\s*javascript:/i.test(h)), hrefs.join(" "));
    assert.match(await evil.locator(".title").textContent(), /<img src=x onerror=alert\(1\)>Evil call/);
    const text = await evil.locator("details.event-more .desc").textContent();
    assert.ok(text.length < 1700 && text.trim().endsWith("…"), `cut: ${text.length} characters`);
  });
});

test("can show the details of the week's outside events below its hour grid", async () => {
  await fetched();
  await everyLook("/calendar?view=week&source=google&source=evil", "week-details", async (page) => {
    const list = page.locator("section.outside-details");
    assert.deepEqual(await list.locator("li .title").allTextContents(), ["Upstream daily sync", "<img src=x onerror=alert(1)>Evil call"]);
    await list.locator("details.event-more summary").first().click();
    assert.match(await list.locator("details.event-more").first().textContent(), /Where: Room 4, Building B/);
  });
});

test("can collapse a description several series share and bring the first date up", async () => {
  await fetched();
  await everyLook("/", "home", async (page) => {
    assert.equal(await page.locator("main", { hasText: shared }).count(), 1);
    assert.equal(await page.locator("details.about").count(), 1);
    assert.equal(await page.locator("#series .card p", { hasText: "Touchpoints are open" }).count(), 0);
  });
  // The example community at 375 px: where its first date sits (1,102 px before the change).
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), "touchpoint-example-"));
  const example = spawn(bin, ["serve", "--listen", `127.0.0.1:${port}`, "--data", data], { stdio: "ignore" });
  try {
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch (_) { /* starting */ }
      await new Promise((r) => setTimeout(r, 150));
    }
    const ctx = await context({ viewport: { width: 375, height: 800 }, timezoneId: "UTC" });
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${port}/?tz=UTC`);
    const top = (selector) => page.evaluate((s) => document.querySelector(s).getBoundingClientRect().top + scrollY, selector);
    const closed = await top("#series .card time");
    const heading = await top("#series-h");
    assert.equal(await page.locator("#series details.about").count(), 1, "the Touchpoints' shared description, once");
    await page.screenshot({ path: join(shots, "content-example-home-375-top.png"), fullPage: true, clip: { x: 0, y: heading - 20, width: 375, height: 700 } });
    // Opened, the description takes the room it took above the first card's date before.
    await page.locator("#series details.about summary").click();
    const open = await top("#series .card time");
    console.log(`example home at 375 px: first series date at y = ${Math.round(closed)} px (the description opened: ${Math.round(open)} px), ${Math.round(closed - heading)} px below the Meetings heading`);
    assert.ok(open - closed > 150, `the collapsed description saves ${open - closed} px`);
    assert.ok(closed - heading < 300, `the first date is ${closed - heading} px below the heading`);
    const size = (await (await fetch(`http://127.0.0.1:${port}/`)).text()).length;
    assert.ok(size < 100_000, `home page ${size} bytes`);
    await ctx.close();
  } finally {
    example.kill("SIGTERM");
    rmSync(data, { recursive: true, force: true });
  }
  // With JavaScript off the collapsed description opens all the same.
  const off = await context({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const page = await off.newPage();
  await page.goto(`${base}/`);
  await page.locator("details.about summary").click();
  assert.ok(await page.locator("details.about p").isVisible());
  await off.close();
});

test("can show a group once, with a breadcrumb, its chat link and past meetings' notes", async () => {
  await fetched();
  await everyLook("/groups/docs", "group", async (page) => {
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    assert.deepEqual(await crumbs.locator("li").allTextContents(), ["Home", "Working groups", "Docs Working Group"]);
    assert.equal(await crumbs.locator('[aria-current="page"]').textContent(), "Docs Working Group");
    assert.equal(await page.getByText("Docs Working Group", { exact: true }).count(), 2, "h1 and crumb");
    assert.equal(await page.getByRole("link", { name: "#docs" }).getAttribute("href"), "https://matrix.to/#/#docs:example.org");
    const past = page.locator("ol.dates.past li");
    assert.ok(await past.count() >= 2);
    const withNotes = page.locator("ol.dates.past li", { hasText: "Notes" });
    assert.equal(await withNotes.locator("a", { hasText: "Notes" }).getAttribute("href"), `https://notes.example.org/docs/${noted}`);
    assert.equal(await withNotes.locator("a", { hasText: "Recording" }).getAttribute("href"), `https://video.example.org/docs/${noted}`);
  });
  await everyLook("/groups/idle", "group-idle", async (page) => {
    assert.match(await page.locator("main").textContent(), /This group has no scheduled meetings\./);
  });
});

test("can show each feed's health with its address cleaned, in words, at 375 px", async () => {
  await fetched();
  await everyLook("/health", "health", async (page) => {
    const text = await page.locator("main").textContent();
    for (const secret of ["hunter2", "alice", "s3cr3t", "token="]) assert.ok(!text.includes(secret), secret);
    assert.match(text, /token\.ics\?lang=en/);
    assert.equal(await page.locator("section.health-source").count(), 3);
    const success = page.locator("section.health-source").first().locator("dt:text('Last success') + dd time");
    assert.match(await success.textContent(), /^(just now|\d+ minutes? ago)$/);
    assert.match(await success.getAttribute("title"), /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    assert.match(text, /Next try/);
  });
});
