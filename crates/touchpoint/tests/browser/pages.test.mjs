// Touchpoint's pages in a real browser (issue 5): the system Chromium (Debian's `chromium`)
// driven by playwright-core, with axe-core injected for the accessibility scan.
//
// Run through scripts/browser-test, which installs the npm packages, builds the binary and sets
// TOUCHPOINT_BIN. The server is started here on 127.0.0.1 with a fresh data folder; no request
// ever leaves 127.0.0.1 (a test asserts it). Screenshots go to target/screenshots/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { base, browser, launch, context, intlClock, axe, shot, shots, useServer } from "./harness.mjs";

useServer();

for (const zone of ["Asia/Tokyo", "America/Los_Angeles"]) {
  test(`can render every time in the browser's zone on a first visit (${zone})`, async () => {
    const ctx = await context({ timezoneId: zone });
    const page = await ctx.newPage();
    await page.goto(`${base}/series/touchpoint-apac-emea`);
    // The script detects the zone, remembers it and reloads once.
    await page.waitForFunction((z) => document.documentElement.dataset.tz === z, zone, { timeout: 10_000 });
    await page.waitForLoadState("load");
    const first = page.locator("ol.dates time").first();
    const iso = await first.getAttribute("datetime");
    const text = await first.textContent();
    const clock = await intlClock(page, iso, zone);
    assert.ok(text.includes(clock), `${zone}: shown ${text}, Intl says ${clock}`);
    assert.match(await page.locator("footer").textContent(), new RegExp(zone.replace("/", "\\/")));
    const cookies = await ctx.cookies();
    assert.equal(cookies.find((c) => c.name === "tz")?.value, zone);
    await shot(page, `series-${zone.replace("/", "-")}`);
    assert.deepEqual(ctx.outside, []);
    await ctx.close();
  });
}

test("can show different clock times for the same occurrence in Tokyo and Los Angeles", async () => {
  const clocks = {};
  for (const zone of ["Asia/Tokyo", "America/Los_Angeles"]) {
    const ctx = await context({ timezoneId: zone });
    const page = await ctx.newPage();
    await page.goto(`${base}/series/touchpoint-apac-emea`);
    await page.waitForFunction((z) => document.documentElement.dataset.tz === z, zone, { timeout: 10_000 });
    const first = page.locator("ol.dates time").first();
    clocks[zone] = { iso: await first.getAttribute("datetime"), text: await first.textContent() };
    await ctx.close();
  }
  assert.equal(clocks["Asia/Tokyo"].iso, clocks["America/Los_Angeles"].iso, "same occurrence");
  assert.notEqual(clocks["Asia/Tokyo"].text, clocks["America/Los_Angeles"].text);
});

test("can detect the zone from the TZ environment of the browser process", async () => {
  const other = await launch({ TZ: "Europe/Berlin" });
  try {
    // A 24-hour locale, as intlClock writes (pages follow the visitor's language: issue 16).
    const page = await other.newPage({ locale: "en-GB" });
    await page.goto(`${base}/`);
    await page.waitForFunction(() => document.documentElement.dataset.tz === "Europe/Berlin", null, { timeout: 10_000 });
    const first = page.locator("li.occ time").first();
    const clock = await intlClock(page, await first.getAttribute("datetime"), "Europe/Berlin");
    assert.ok((await first.textContent()).includes(clock));
  } finally {
    await other.close();
  }
});

test("can keep ?tz= over the detected zone", async () => {
  const ctx = await context({ timezoneId: "Asia/Tokyo" });
  const page = await ctx.newPage();
  await page.goto(`${base}/?tz=America/New_York`);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "America/New_York");
  await ctx.close();
});

test("can pick a zone with the picker and remember it after a reload", async () => {
  const ctx = await context({ timezoneId: "UTC" });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  await page.locator("#tz").focus();
  // The suggestions load on focus.
  await page.waitForFunction(() => document.querySelectorAll("#zones option").length > 300, null, { timeout: 5_000 });
  await page.locator("#tz").fill("America/Sao_Paulo");
  await Promise.all([page.waitForNavigation(), page.locator("#tz").press("Enter")]);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "America/Sao_Paulo");
  await page.goto(`${base}/calendar`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "America/Sao_Paulo");
  await page.reload();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "America/Sao_Paulo");
  assert.match(await page.locator("#zone-now").textContent(), /America\/Sao_Paulo/);
  await ctx.close();
});

test("can pick a zone with JavaScript off (plain GET form, cookie set by the server)", async () => {
  const ctx = await context({ javaScriptEnabled: false, timezoneId: "Asia/Tokyo" });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  // Without the script nothing is detected: the server's default (the community's zone) stays.
  assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "UTC");
  await page.locator("#tz").fill("Asia/Kolkata");
  await Promise.all([page.waitForNavigation(), page.locator("form.tz button").click()]);
  await page.goto(`${base}/groups`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "Asia/Kolkata");
  await ctx.close();
});

const views = [
  ["home", "/"],
  ["calendar-agenda", "/calendar?view=agenda"],
  ["calendar-week", "/calendar?view=week"],
  ["calendar-month", "/calendar?view=month"],
  ["calendar-filtered", "/calendar?view=agenda&source=community&group=oss-in-business"],
  ["series", "/series/touchpoint-amer-emea"],
  ["groups", "/groups"],
  ["group", "/groups/oss-in-business"],
  ["planner", "/planner?series=oss-in-business-call&cities=Europe/Madrid,America/New_York,America/Los_Angeles,Asia/Tokyo"],
  ["planner-any-time", "/planner?at=2027-03-16T17:00&zone=Europe/Berlin&cities=Europe/Berlin,America/New_York"],
];

for (const scheme of ["light", "dark"]) {
  test(`can show each view without serious accessibility violations (${scheme})`, async () => {
    const ctx = await context({ timezoneId: "Europe/Madrid", colorScheme: scheme });
    const page = await ctx.newPage();
    for (const [name, path] of views) {
      const response = await page.goto(`${base}${path}`);
      await page.waitForFunction(() => document.documentElement.dataset.tz === "Europe/Madrid", null, { timeout: 10_000 });
      assert.equal(response.status() === 200 || response.status() === 304, true, `${path}: ${response.status()}`);
      assert.equal(await page.locator("h1").count(), 1, `${path}: one h1`);
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${path} (${scheme}): ${JSON.stringify(violations, null, 1)}`);
      await shot(page, `${name}-${scheme}`);
    }
    assert.deepEqual(ctx.outside, [], "no request to another origin");
    assert.deepEqual(ctx.problems, [], "no CSP violation or console error");
    await ctx.close();
  });
}

test("can show every view under its Content-Security-Policy with no violation or console error", async () => {
  const ctx = await context({ timezoneId: "Asia/Tokyo" });
  const page = await ctx.newPage();
  for (const [, path] of [...views, ["embed", "/embed/upcoming"], ["not-found", "/no-such-page"]]) {
    const response = await page.goto(`${base}${path}`);
    const csp = response.headers()["content-security-policy"] || "";
    assert.match(csp, /default-src 'none'/, `${path}: ${csp}`);
    assert.equal(response.headers()["x-content-type-options"], "nosniff", path);
    if (path.startsWith("/embed/")) {
      assert.doesNotMatch(csp, /frame-ancestors/, `${path} stays frameable`);
    } else {
      assert.match(csp, /frame-ancestors 'none'/, `${path}: ${csp}`);
    }
    if (!path.startsWith("/embed/") && path !== "/no-such-page") {
      // The zone picker's script ran (it sets data-tz), so the policy let the page's script in.
      await page.waitForFunction(() => document.documentElement.dataset.tz === "Asia/Tokyo", null, { timeout: 10_000 });
    }
    // Let deferred work (the zone list's fetch) finish before judging.
    await page.waitForLoadState("networkidle");
  }
  assert.deepEqual(ctx.problems, [], "no CSP violation or console error on any view");
  // And the listener does catch a violation: a style attribute set from script is refused.
  await page.goto(`${base}/`);
  await page.evaluate(() => {
    const div = document.createElement("div");
    div.setAttribute("style", "color: red");
    document.body.append(div);
  });
  await page.waitForTimeout(300);
  assert.ok(ctx.problems.some((p) => p.includes("CSP violation")), `not caught: ${JSON.stringify(ctx.problems)}`);
  await ctx.close();
});

test("can show the calendar views' content: agenda days, a 7-day week, a month grid", async () => {
  const ctx = await context({ timezoneId: "UTC" });
  const page = await ctx.newPage();
  await page.goto(`${base}/calendar?view=week&date=2026-12-21`);
  assert.equal(await page.locator(".wk-day").count(), 7);
  await page.goto(`${base}/calendar?view=month&date=2026-12-01`);
  assert.match(await page.locator("#period-h").textContent(), /December 2026/);
  assert.ok((await page.locator("table.month td").count()) >= 28);
  // The Winter break: struck through, with its reason.
  const cancelled = page.locator("li.cancelled").first();
  assert.match(await cancelled.textContent(), /Winter break/);
  const decoration = await cancelled.locator("time").evaluate((e) => getComputedStyle(e).textDecorationLine);
  assert.equal(decoration, "line-through");
  await page.goto(`${base}/calendar?view=agenda&date=2026-12-20`);
  assert.ok((await page.locator("section.agenda-day").count()) > 3);
  await ctx.close();
});

test("can show the planner's working hours and the weeks when US and EU clocks disagree", async () => {
  const ctx = await context({ timezoneId: "UTC" });
  const page = await ctx.newPage();
  await page.goto(`${base}/planner?at=2027-03-16T17:00&zone=Europe/Berlin&cities=Europe/Berlin,America/New_York`);
  const rows = page.locator("table.plan tbody tr");
  assert.equal(await rows.count(), 2);
  assert.match(await rows.nth(0).textContent(), /17:00/);
  // 16 March 2027: the US is on summer time, Europe not yet: 12:00 in New York, not 11:00.
  assert.match(await rows.nth(1).textContent(), /12:00/);
  // Working hours (09:00–18:00 local) are marked in both cities' rows.
  assert.ok((await page.locator("table.plan tbody td.h.work").count()) > 8);
  assert.match(await page.locator("ul.shifts").textContent(), /New York at 11:00 instead of 12:00/);
  await ctx.close();
});

test("can reach the skip link, the navigation and the zone picker with Tab, with a visible focus", async () => {
  const ctx = await context({ timezoneId: "UTC" });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip");
  let reached = false;
  const seen = [];
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const e = document.activeElement;
      const s = getComputedStyle(e);
      return { tag: e.tagName, id: e.id, text: e.textContent.trim().slice(0, 30), outline: s.outlineStyle, width: s.outlineWidth };
    });
    seen.push(info);
    assert.notEqual(info.outline, "none", `focus not visible on ${JSON.stringify(info)}`);
    reached = info.id === "tz";
  }
  assert.ok(reached, `Tab never reached the picker: ${JSON.stringify(seen)}`);
  assert.ok(seen.some((s) => s.tag === "A" && s.text === "Calendar"), "navigation links are in the tab order");
  await page.keyboard.type("Asia/Tokyo");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "Asia/Tokyo");
  await ctx.close();
});

test("can be used at 360 px wide without horizontal scrolling", async () => {
  const ctx = await context({ timezoneId: "UTC", viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  for (const [name, path] of [["home", "/"], ["calendar-agenda", "/calendar"], ["calendar-month", "/calendar?view=month"], ["calendar-week", "/calendar?view=week"], ["planner", "/planner"], ["series", "/series/touchpoint-apac-emea"]]) {
    await page.goto(`${base}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 360 px`);
    await shot(page, `${name}-360px`);
  }
  await ctx.close();
});

test("can keep the home page under 100 KB before compression", async () => {
  const r = await fetch(`${base}/`);
  const body = await r.text();
  assert.ok(Buffer.byteLength(body) < 100 * 1024, `home page is ${Buffer.byteLength(body)} bytes`);
});

// Issue 15: "Subscribe" gives each calendar app its own live-subscription link, all absolute with
// the configured public URL, plus the address to copy and a one-time download labelled as such.
test("can subscribe from the home, a series and a group page at 375 and 1280 px", async () => {
  const ctx = await context({ timezoneId: "UTC" });
  const page = await ctx.newPage();
  const host = base.replace(/^http:\/\//, "");
  const pages = [
    ["home", "/", "/calendar.ics"],
    ["series", "/series/touchpoint-apac-emea", "/series/touchpoint-apac-emea.ics"],
    ["groups", "/groups", "/groups/oss-in-business.ics"],
  ];
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, path, feed] of pages) {
      await page.goto(`${base}${path}`);
      const https = `${base}${feed}`;
      const webcal = `webcal://${host}${feed}`;
      const block = page.locator("details.subscribe").filter({ has: page.locator(`input[value="${https}"]`) });
      assert.equal(await block.count(), 1, `${path}: one subscribe block for ${feed}`);
      await block.locator("summary").click();
      const links = await block.locator("a").evaluateAll((as) => as.map((a) => ({
        href: a.getAttribute("href"), text: a.textContent.trim(), download: a.hasAttribute("download"),
      })));
      const find = (pred, what) => {
        const link = links.find(pred);
        assert.ok(link, `${path}: no ${what} link for ${feed} in ${JSON.stringify(links)}`);
        return link;
      };
      find((l) => l.href === webcal, "webcal");
      const google = new URL(find((l) => l.href.startsWith("https://calendar.google.com/"), "Google Calendar").href);
      assert.equal(google.searchParams.get("cid"), webcal);
      for (const outlookHost of ["outlook.live.com", "outlook.office.com"]) {
        const outlook = new URL(find((l) => l.href.startsWith(`https://${outlookHost}/`), outlookHost).href);
        assert.equal(outlook.pathname, "/calendar/0/addfromweb");
        assert.equal(outlook.searchParams.get("url"), https);
        assert.ok(outlook.searchParams.get("name"), `${outlookHost} link names the calendar`);
      }
      const download = find((l) => l.download, "download");
      assert.equal(download.href, https);
      assert.match(download.text, /one-time/i);
      for (const link of links) {
        assert.match(link.href, /^(https?|webcal):\/\//, `${path}: relative link ${link.href}`);
      }
      // The script adds a working "Copy" button beside the address (plain text without it).
      assert.ok(await block.locator("button[data-copy]").isVisible(), `${path}: Copy button shown`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at ${width} px with the block open`);
      await block.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `subscribe-${name}-${width}px.png`) });
    }
  }
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});

// Issue 20: the one local-times script (html/assets/local-times.js) shows the embed's times in
// the visitor's zone, which the server cannot know inside another site's iframe.
for (const zone of ["Asia/Tokyo", "America/Los_Angeles"]) {
  test(`can show the embed's times in the browser's zone (${zone})`, async () => {
    const ctx = await context({ timezoneId: zone });
    const page = await ctx.newPage();
    await page.goto(`${base}/embed/upcoming`);
    const times = page.locator("time[datetime][data-end]");
    assert.ok(await times.count() > 0, "the embed lists times");
    for (let i = 0; i < Math.min(await times.count(), 3); i++) {
      const iso = await times.nth(i).getAttribute("datetime");
      if (!iso.includes("T")) continue; // an all-day date keeps its text
      const text = await times.nth(i).textContent();
      const clock = await intlClock(page, iso, zone);
      assert.ok(text.includes(clock), `${zone}: shown ${text}, Intl says ${clock}`);
    }
    assert.deepEqual(ctx.problems, []);
    assert.deepEqual(ctx.outside, []);
    await shot(page, `embed-${zone.replace("/", "-")}`);
    await ctx.close();
  });
}
