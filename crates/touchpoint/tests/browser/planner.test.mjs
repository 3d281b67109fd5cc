// Issue 16, point 9 in Chromium: the planner — cities added by name and removed one at a time,
// an hour picked by a click and highlighted in every row, the best hours suggested, half- and
// quarter-hour zones with their minutes, the warning for a time that does not exist, "Next" in
// the viewer's zone; the hour strip scrolls inside its box at 375 px with a visible cue and the
// page never scrolls sideways; with JavaScript off every step still works as links and forms.
// Screenshots: target/screenshots/planner-*, at 375 and 1280 px, light and dark. The Rust side:
// tests/planner.rs and the site crate's planner::cities and planner::clock tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { base, context, axe, shot, shots, useServer } from "./harness.mjs";

useServer();

// New York's spring-forward day: 02:30 does not exist there; Kolkata, Kathmandu and Chatham
// show their minutes.
const GAP = "/planner?at=2027-03-14T02:30&zone=America/New_York"
  + "&cities=America/New_York,Europe/Berlin,bengaluru-in,Asia/Kathmandu,Pacific/Chatham,sao-paulo-br";

test("can show the planner at 375 and 1280 px, light and dark, without page overflow", async () => {
  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"]) {
      const ctx = await context({ viewport: { width, height: 900 }, colorScheme, timezoneId: "UTC" });
      const page = await ctx.newPage();
      await page.goto(`${base}${GAP}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `page scrolls sideways at ${width} px`);
      assert.deepEqual(await axe(page), [], `${width} px, ${colorScheme}`);
      const strip = await page.evaluate(() => {
        const box = document.querySelector(".strip-wrap");
        const hint = document.querySelector(".scroll-hint");
        return { scrolls: box.scrollWidth > box.clientWidth, hint: getComputedStyle(hint).display !== "none" };
      });
      if (width === 375) {
        assert.ok(strip.scrolls, "the hour strip scrolls inside its box at 375 px");
        assert.ok(strip.hint, "the scroll cue is shown at 375 px");
      }
      // The meeting's column is in view without scrolling: three hours after the first.
      const pick = await page.locator("thead th.pick").boundingBox();
      assert.ok(pick && pick.x + pick.width <= width, `the picked hour is visible at ${width} px`);
      const warning = await page.locator(".clock-warning").textContent();
      assert.match(warning, /02:30 does not exist in America\/New_York on Sun 14 Mar 2027/);
      const rows = await page.locator("tbody").textContent();
      for (const text of ["UTC+5:30", "UTC+5:45", "UTC+13:45", "UTC−3", "Clocks go forward 1 h on Sun 14 Mar at 02:00"]) {
        assert.ok(rows.includes(text), `${text} in the rows`);
      }
      await shot(page, `planner-${width}-${colorScheme}`);
      await page.locator('section[aria-labelledby="plan-h"]').screenshot({ path: join(shots, `planner-${width}-${colorScheme}-plan.png`) });
      assert.deepEqual(ctx.problems, []);
      assert.deepEqual(ctx.outside, []);
      await ctx.close();
    }
  }
});

test("can add, pick and remove with JavaScript off", async () => {
  const ctx = await context({ javaScriptEnabled: false, viewport: { width: 375, height: 800 }, timezoneId: "UTC" });
  const page = await ctx.newPage();
  await page.goto(`${base}/planner?at=2027-03-16T17:00&zone=Europe/Berlin&cities=Europe/Berlin,America/New_York`);
  // Add by name, without the accent: a plain GET form the server searches.
  await page.fill("#p-city", "Sao Paulo");
  await Promise.all([page.waitForNavigation(), page.click("form.add-city button")]);
  assert.match(await page.locator("p.added").textContent(), /Added São Paulo — America\/Sao_Paulo/);
  // Another name for a city.
  await page.fill("#p-city", "Bangalore");
  await Promise.all([page.waitForNavigation(), page.click("form.add-city button")]);
  const names = await page.locator("tbody .name").allTextContents();
  assert.deepEqual(names, ["Berlin", "New York", "São Paulo", "Bengaluru"]);
  assert.match(await page.locator("tbody").textContent(), /Bengaluru \(Bangalore\)/);
  // Pick an hour from the column headings: it becomes the meeting, highlighted in every row.
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Pick Tue 16 Mar, hour 14", exact: true }).click({ timeout: 10_000 })]);
  assert.match(page.url(), /at=2027-03-16T15%3A00&zone=Europe%2FBerlin/);
  assert.equal(await page.locator("tbody td.pick").count(), 4);
  assert.match(await page.locator("#plan-h").textContent(), /Tue 16 Mar 2027, 15:00 Europe\/Berlin/);
  // Remove one city: the others stay.
  await Promise.all([page.waitForNavigation(), page.click('a[aria-label="Remove New York"]')]);
  assert.deepEqual(await page.locator("tbody .name").allTextContents(), ["Berlin", "São Paulo", "Bengaluru"]);
  assert.match(page.url(), /at=2027-03-16T15%3A00/);
  // (No axe here: it runs as page script, which this context turns off; the first test scans.)
  await shot(page, "planner-nojs-375");
  await ctx.close();
});

test("can suggest cities while typing and pick an hour by clicking any row", async () => {
  // The browser is in Tokyo: site.js detects it, so "Next" and the headings are in Tokyo time.
  const ctx = await context({ viewport: { width: 1280, height: 900 }, timezoneId: "Asia/Tokyo" });
  const page = await ctx.newPage();
  await page.goto(`${base}/planner?at=2027-03-16T17:00&zone=Europe/Berlin&cities=Europe/Berlin,America/New_York`);
  await page.waitForFunction(() => document.documentElement.dataset.tz === "Asia/Tokyo");
  assert.match(await page.locator(".next-at").textContent(), /Next: Wed 17 Mar 2027, 01:00–02:00 in Asia\/Tokyo · 17:00 Europe\/Berlin/);
  await page.locator("#p-city").pressSequentially("bangal");
  await page.waitForFunction(() => document.querySelectorAll("#city-list option").length > 0);
  const options = await page.locator("#city-list option").evaluateAll((os) => os.map((o) => [o.value, o.label]));
  assert.deepEqual(options[0], ["bengaluru-in", "Bengaluru, IN — Asia/Kolkata"]);
  // A click on an hour in New York's row picks that column.
  const cell = page.locator("tbody tr:nth-child(2) td[data-col='6']");
  const hour = (await cell.textContent()).trim();
  await Promise.all([page.waitForNavigation(), cell.click()]);
  assert.equal((await page.locator("tbody tr:nth-child(2) td.pick").textContent()).trim(), hour);
  assert.equal(await page.locator("thead th.pick a[aria-current=true]").count(), 1);
  const best = await page.locator(".best-hours").textContent();
  assert.match(best, /Best start times \(2 of 2 cities inside working hours\), in Asia\/Tokyo:/);
  await shot(page, "planner-tokyo-1280");
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});
