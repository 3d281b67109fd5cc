// The embed in the visitor's language with JavaScript on: the server writes the list by CLDR
// (ICU4X), the inline script rewrites the times in the visitor's zone with the browser's Intl
// in the same language. (The web component on an English host page in a German browser:
// page_zone.test.mjs, "can write the same clock on the site and in both embeds (de-DE)".)
import { test } from "node:test";
import assert from "node:assert/strict";
import { base, context, shot, useServer } from "./harness.mjs";

useServer();

test("can write the embed's times in Japanese in the visitor's zone", async () => {
  const ctx = await context({ timezoneId: "America/New_York", locale: "ja-JP" });
  const page = await ctx.newPage();
  await page.goto(`${base}/embed/upcoming?lang=ja&limit=4`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ja");
  const time = page.locator("li time").first();
  // "2026/12/03(木) 12:00～13:00 GMT-5": CLDR's Japanese date, the page's 24-hour clock.
  await page.waitForFunction(() => / GMT-[45]$/.test(document.querySelector("li time").textContent.trim()));
  const text = (await time.textContent()).trim();
  assert.match(text, /^\d{4}\/\d{2}\/\d{2}\([日月火水木金土]\) \d{1,2}:\d{2}(～\d{1,2}:\d{2})? GMT-[45]$/, text);
  assert.match(await page.locator("p.more").textContent(), /すべてのミーティング/);
  assert.match(await page.locator("#zone").textContent(), /America\/New_York/);
  await shot(page, "embed-ja");
  await ctx.close();
});
