// Issue 17 §2 in Chromium: a near-start join link. Two daily near-start meetings, dated from
// the real clock (the server reads it): "inside" starts in about 10 minutes, so its link shows;
// "before" starts in about 3 hours, so the page says when the link will show and holds no link.
// A registration meeting shows "Register to join". Screenshots: target/screenshots/join-*, at
// 1280 and 375 px. The Rust side: tests/join.rs (every route, the export, the window's edges).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { base, context, axe, shot, useServer } from "./harness.mjs";

const MINUTE = 60_000;
/** The next whole minute at least `minutes` from now, as [date, "HH:MM"] in UTC. */
function startIn(minutes) {
  const at = new Date(Math.ceil((Date.now() + minutes * MINUTE) / MINUTE) * MINUTE);
  return [at.toISOString().slice(0, 10), at.toISOString().slice(11, 16)];
}
const [insideDay, insideTime] = startIn(10);
const [beforeDay, beforeTime] = startIn(180);
const [gatedDay, gatedTime] = startIn(300);

const dir = mkdtempSync(join(tmpdir(), "touchpoint-join-"));
const config = join(dir, "touchpoint.toml");
const series = (id, title, day, time, extra) => `
[[series]]
id = "${id}"
title = "${title}"
timezone = "UTC"
start = "${time}"
duration = "1h"
repeat = "daily"
first = ${day}
${extra}
`;
writeFileSync(config, `[community]
name = "Join links"
timezone = "UTC"
contact = "mailto:organizers@example.org"
${series("inside", "Starting soon", insideDay, insideTime, `join = "https://zoom.us/j/1234500001"\njoin_visibility = "near-start"`)}
${series("before", "Later today", beforeDay, beforeTime, `join = "https://zoom.us/j/1234500002"\njoin_visibility = "near-start"`)}
${series("gated", "Registered call", gatedDay, gatedTime, `join = "https://zoom.us/j/1234500003"\njoin_visibility = "registration"\nregister = "https://lfx.example/register/gated"`)}
`);
after(() => rmSync(dir, { recursive: true, force: true }));

useServer(["--config", config]);

for (const width of [1280, 375]) {
  test(`can show a near-start link inside its window only (${width} px)`, async () => {
    const ctx = await context({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    // Daily meetings: the first card of each is today's.
    const inside = page.locator("li.up", { hasText: "Starting soon" }).first();
    const before = page.locator("li.up", { hasText: "Later today" }).first();
    await inside.waitFor();
    // Inside the window: the Join button, with the meeting's link.
    const button = inside.locator("a.join-button");
    assert.equal(await button.getAttribute("href"), "https://zoom.us/j/1234500001");
    assert.match(await button.innerText(), /Join/);
    // Before it: when the link will show, and whom to ask; no link anywhere on the page.
    await before.evaluate((li) => { li.hidden = false; });
    assert.match(await before.innerText(), /Join link here 15 minutes before the start/);
    assert.equal(await before.locator('a[href="mailto:organizers@example.org"]').count(), 1);
    assert.equal(await page.locator('a[href*="1234500002"]').count(), 0);
    assert.ok(!(await page.content()).includes("1234500002"));
    await shot(page, `join-home-${width}`);
    assert.deepEqual(await axe(page), []);

    await page.goto(`${base}/series/before`);
    assert.match(await page.locator("ul.links").innerText(), /Join link shown on this site 15 minutes before each meeting/);
    assert.ok(!(await page.content()).includes("1234500002"));
    await shot(page, `join-series-before-${width}`);
    await page.goto(`${base}/series/inside`);
    assert.equal(await page.locator('ol.dates a.join[href="https://zoom.us/j/1234500001"]').count(), 1);
    await shot(page, `join-series-inside-${width}`);
    await page.goto(`${base}/series/gated`);
    assert.equal(await page.locator('ul.links a[href="https://lfx.example/register/gated"]').innerText(), "Register to join");
    assert.ok(!(await page.content()).includes("1234500003"));
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });
}

test("never puts a near-start link in the feeds, the API or the embed", async () => {
  for (const path of ["/calendar.ics", "/all.ics", "/series/inside.ics", "/api/v1/series", "/api/v1/series/inside", "/embed/upcoming"]) {
    const body = await (await fetch(`${base}${path}`)).text();
    assert.ok(!body.includes("12345000"), `${path} holds a join link`);
  }
});
