// The hub's static export in Chromium: its week and month, built in the hub's zone (UTC), are
// laid out again by local-times.js in the visitor's zone, as `touchpoint serve` renders the hub
// calendar for that zone (`?tz=`), box for box and cell for cell; every community's meetings are
// there, each naming its community. Screenshots: target/screenshots/hub-export-week-*.png.
// The Rust side: tests/hub.rs (`can_export_the_hub_with_every_community_under_its_prefix`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answers, bin, root, context, axe, shot, freePort, useServer, run, weekGrid, monthCells } from "./harness.mjs";

// The harness's browser (its server is not used here).
useServer();

const NOW = "2027-03-10T12:00:00Z";
const DAY = "2027-03-10";
const HUB = join(root, "examples", "hub", "hub.toml");
let folder, statics, served, exported, live;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), "touchpoint-hub-export-"));
  const data = join(folder, "data");
  run(["refresh", "--config", HUB, "--data", data]);
  run(["build", "--config", HUB, "--data", data, "--out", join(folder, "www", "sub"), "--now", NOW]);
  const port = await freePort();
  statics = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", join(folder, "www")], {
    stdio: ["ignore", "ignore", "ignore"],
  });
  exported = `http://127.0.0.1:${port}/sub/`;
  const livePort = await freePort();
  served = spawn(bin, ["serve", "--config", HUB, "--data", data, "--listen", `127.0.0.1:${livePort}`], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  live = `http://127.0.0.1:${livePort}`;
  await answers(`${exported}calendar/week/`);
  await answers(`${live}/healthz`);
});

after(() => {
  if (statics) statics.kill("SIGTERM");
  if (served) served.kill("SIGTERM");
  if (folder) rmSync(folder, { recursive: true, force: true });
});

for (const zone of ["Asia/Tokyo", "America/Los_Angeles"]) {
  test(`can lay the hub export's week and month out in ${zone}, as the server does`, async () => {
    const ctx = await context({ timezoneId: zone, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const tz = encodeURIComponent(zone);
    await page.goto(`${live}/calendar?view=week&date=${DAY}&tz=${tz}`);
    const server = await weekGrid(page);
    await page.goto(`${exported}calendar/week/`);
    const browser = await weekGrid(page);
    assert.equal(await page.getAttribute(".wk", "data-tz"), zone);
    assert.deepEqual(browser.hours, server.hours);
    assert.deepEqual(browser.days, server.days);
    // Every community's weekly meetings are on it, each box naming its community.
    const named = await page.$$eval(".wk li.ev .source", (spans) => spans.map((s) => s.textContent));
    for (const community of ["(TODO Group)", "(Lantern)"]) {
      assert.ok(named.includes(community), `no ${community} box: ${named}`);
    }
    assert.match(await page.textContent(".today-link"), new RegExp(`^\\s*Times in ${zone}\\s*$`));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "sideways overflow");
    assert.deepEqual(await axe(page), []);
    await shot(page, `hub-export-week-in-${zone.replace("/", "-")}`);
    await page.goto(`${live}/calendar?view=month&date=${DAY}&tz=${tz}`);
    const month = await monthCells(page);
    await page.goto(`${exported}calendar/month/`);
    assert.deepEqual(await monthCells(page), month);
    assert.ok(month.some((cell) => cell.shown > 0), "an empty month");
    // The communities' links lead to each one's own calendar in the export, in the same view.
    const links = await page.$$eval("nav.filters a", (as) => as.map((a) => new URL(a.href).pathname));
    assert.deepEqual(links, ["/sub/todo-group/calendar/month/", "/sub/lantern/calendar/month/", "/sub/riverside-python/calendar/month/"]);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });
}
