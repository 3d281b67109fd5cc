// Issue 17 §1 in Chromium: the example hub (examples/hub/hub.toml, three communities). The hub's
// home lists every community with its next meetings at 1280 and 375 px without sideways
// scrolling or serious axe findings, a community's card leads to its own pages under its
// prefix, the hub calendar's community boxes narrow it, and it shows a week and a month.
// Screenshots: target/screenshots/hub-home-1280.png, hub-home-375.png, hub-calendar-1280.png,
// hub-calendar-week-{1280,375}.png, hub-calendar-month-{1280,375}.png.
// The Rust side: tests/hub.rs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { base, context, axe, shot, root, useServer } from "./harness.mjs";

useServer(["--config", join(root, "examples", "hub", "hub.toml")]);

const COMMUNITIES = ["TODO Group", "Lantern", "Riverside Python"];

for (const width of [1280, 375]) {
  test(`the hub home lists every community with its next meetings at ${width} px`, async () => {
    const ctx = await context({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    const response = await page.goto(`${base}/`);
    assert.equal(response.status(), 200);
    assert.equal(await page.locator("h1").innerText(), "Open Source Meetings");
    const cards = page.locator("article.community");
    assert.equal(await cards.count(), 3);
    for (const name of COMMUNITIES) {
      const card = page.locator("article.community", { has: page.locator("h3", { hasText: name }) });
      assert.equal(await card.count(), 1, `no card for ${name}`);
      assert.ok(await card.locator("h3 a").isVisible(), `${name}'s heading is not shown`);
      // Every card shows its next meetings (or says there are none), each with a time.
      const entries = card.locator("ul.next li.occ");
      assert.ok((await entries.count()) > 0, `${name} shows no meeting`);
      assert.ok(await entries.first().locator("time").isVisible());
    }
    // "Next meetings" across the hub names each entry's community.
    assert.ok((await page.locator("#next-h + ul.next li.occ a.community").count()) > 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    assert.deepEqual(await axe(page), []);
    await shot(page, `hub-home-${width}`);
    assert.deepEqual(ctx.problems, []);
    assert.deepEqual(ctx.outside, []);
    await ctx.close();
  });
}

test("a community's card leads to its pages, all under its prefix", async () => {
  const ctx = await context({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  await page.locator("article.community h3 a", { hasText: "Lantern" }).click();
  await page.waitForURL(`${base}/lantern/`);
  assert.equal(await page.locator("h1").first().innerText(), "Lantern");
  const links = await page.evaluate(() =>
    [...document.querySelectorAll("a[href], link[href], script[src]")]
      .map((e) => e.href || e.src)
      .filter((u) => u.startsWith(location.origin)));
  const outside = links.filter((u) => !u.startsWith(`${base}/lantern/`));
  assert.deepEqual(outside, []);
  // Its calendar's week view works under the prefix.
  await page.goto(`${base}/lantern/calendar/week`);
  assert.ok(await page.locator("main").isVisible());
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});

test("the hub calendar narrows to the communities ticked", async () => {
  const ctx = await context({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/calendar`);
  const all = await page.locator("ul.occurrences a.community").allInnerTexts();
  assert.ok(new Set(all).size >= 2, `only ${[...new Set(all)]} listed`);
  await page.getByLabel("Riverside Python").check();
  await Promise.all([page.waitForURL(/community=riverside-python/), page.locator("form.filters").getByRole("button", { name: "Show" }).click()]);
  const shown = await page.locator("ul.occurrences a.community").allInnerTexts();
  assert.ok(shown.length > 0);
  assert.deepEqual([...new Set(shown)], ["Riverside Python"]);
  assert.deepEqual(await axe(page), []);
  await shot(page, "hub-calendar-1280");
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});

// The hub calendar's week and month, as a community's: reached from the view links, every
// community's meetings on the grid, each box linking into its community; at 375 px the week's
// days scroll inside the grid, not the page. Screenshots: hub-calendar-week-{1280,375}.png,
// hub-calendar-month-{1280,375}.png.
for (const width of [1280, 375]) {
  test(`the hub calendar shows a week and a month at ${width} px`, async () => {
    const ctx = await context({ timezoneId: "UTC", viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/calendar`);
    await Promise.all([page.waitForURL(/view=week/), page.locator("nav.views a", { hasText: "Week" }).click()]);
    assert.equal(await page.locator('nav.views a[aria-current="page"]').innerText(), "Week");
    assert.ok(await page.locator("div.wk").isVisible(), "no week grid");
    assert.equal(await page.locator("section.wk-day").count(), 7);
    // Every community's weekly meetings are on it (TODO Group and Lantern meet every week).
    const links = await page.locator("div.wk a.title").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const prefix of ["/todo-group/series/", "/lantern/series/"]) {
      assert.ok(links.some((href) => href.startsWith(prefix)), `no ${prefix} meeting on the week: ${links}`);
    }
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok((await overflow()) <= 0, `the week scrolls the page sideways by ${await overflow()} px`);
    assert.deepEqual(await axe(page), []);
    await shot(page, `hub-calendar-week-${width}`);
    // "Later" keeps the view.
    await Promise.all([page.waitForNavigation(), page.locator('a[rel="next"]').click()]);
    assert.match(page.url(), /view=week/);
    assert.ok(await page.locator("div.wk").isVisible());
    await Promise.all([page.waitForURL(/view=month/), page.locator("nav.views a", { hasText: "Month" }).click()]);
    assert.ok(await page.locator("table.month").isVisible(), "no month grid");
    const cells = await page.locator("table.month td a.title").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const prefix of ["/todo-group/series/", "/lantern/series/", "/riverside-python/series/"]) {
      assert.ok(cells.some((href) => href.startsWith(prefix)), `no ${prefix} meeting in the month: ${cells}`);
    }
    assert.ok((await overflow()) <= 0, `the month scrolls the page sideways by ${await overflow()} px`);
    assert.deepEqual(await axe(page), []);
    await shot(page, `hub-calendar-month-${width}`);
    assert.deepEqual(ctx.problems, []);
    assert.deepEqual(ctx.outside, []);
    await ctx.close();
  });
}

// The hub's own pickers (as a community page's): a zone and a language picked on the hub's
// calendar keep its community filter, are remembered for the hub's other pages, and the
// "Starts in …" words the script writes follow the language.
for (const javaScriptEnabled of [true, false]) {
  test(`can pick a zone and a language on the hub (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
    const ctx = await context({ javaScriptEnabled, timezoneId: "UTC", viewport: { width: 375, height: 800 } });
    const page = await ctx.newPage();
    const here = "/calendar?community=lantern";
    await page.goto(`${base}${here}`);
    await page.locator("#tz").fill("Asia/Tokyo");
    await Promise.all([page.waitForNavigation(), page.locator("form.tz button").click()]);
    assert.equal(page.url(), `${base}${here}`, "the filter kept, tz= not in the address");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "Asia/Tokyo");
    assert.equal((await ctx.cookies()).find((c) => c.name === "tz")?.value, "Asia/Tokyo");
    await page.selectOption("#lang-pick", "ja");
    await Promise.all([page.waitForNavigation(), page.click("form.lang button")]);
    assert.equal(page.url(), `${base}${here}`);
    assert.equal(await page.getAttribute("html", "lang"), "ja");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.msgNow), "開催中");
    // The hub's home, the browser still in English: both picks stay.
    await page.goto(`${base}/`);
    assert.equal(await page.getAttribute("html", "lang"), "ja");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), "Asia/Tokyo");
    assert.equal(await page.locator("#lang-pick").inputValue(), "ja");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.msgH), "あと{hours}時間で開始");
    if (javaScriptEnabled) {
      // Whatever meetings are within a day of the real clock are marked in Japanese.
      const marks = await page.locator("strong.marker").allTextContents();
      assert.ok(marks.every((m) => !/Starts in|Happening/.test(m)), `English markers: ${marks}`);
      await shot(page, "hub-home-ja-375");
    }
    assert.deepEqual(ctx.problems, []);
    assert.deepEqual(ctx.outside, []);
    await ctx.close();
  });
}
