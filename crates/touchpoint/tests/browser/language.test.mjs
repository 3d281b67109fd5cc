// Issue 19, choosing a language, in Chromium: the language picker beside the zone picker works
// with JavaScript off (a plain GET form, answered with a redirect that sets the `lang` cookie)
// and keeps the view; the pick then wins over the browser's languages on every page; a shared
// `?lang=` link shows its language without remembering it; the error pages follow the
// browser's language. Screenshots: target/screenshots/language-*. The Rust side:
// tests/language.rs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { base, context, axe, shot, useServer } from "./harness.mjs";

useServer();

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "on" : "off";
  test(`can pick a language and keep it on every page (JavaScript ${mode})`, async () => {
    const ctx = await context({ javaScriptEnabled, timezoneId: "UTC", viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/calendar?view=month&date=2027-01-15`);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.selectOption("#lang-pick", "ja");
    await Promise.all([page.waitForURL(/\/calendar\?view=month&date=2027-01-15$/), page.click("form.lang button")]);
    assert.equal(await page.getAttribute("html", "lang"), "ja");
    assert.equal(await page.locator('header nav a[href="/groups"]').textContent(), "ワーキンググループ");
    const cookie = (await ctx.cookies()).find((c) => c.name === "lang");
    assert.equal(cookie?.value, "ja");
    assert.ok(cookie.expires > Date.now() / 1000 + 300 * 86_400, "remembered for a year");
    // Another page, the browser still set to English: the pick wins.
    await page.goto(`${base}/groups`);
    assert.equal(await page.getAttribute("html", "lang"), "ja");
    assert.equal(await page.locator("h1").textContent(), "ワーキンググループ");
    assert.equal(await page.locator("#lang-pick").inputValue(), "ja");
    if (!javaScriptEnabled) {
      await shot(page, "language-groups-ja-1280");
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(`${base}/`);
      await shot(page, "language-home-ja-375");
    }
    assert.deepEqual(ctx.problems, []);
    assert.deepEqual(ctx.outside, []);
    await ctx.close();
  });
}

test("can show a shared language link without remembering it", async () => {
  const ctx = await context({ timezoneId: "UTC" });
  const page = await ctx.newPage();
  await page.goto(`${base}/?lang=zh-Hans`);
  assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
  assert.equal(await page.locator("#lang-pick").inputValue(), "zh-Hans");
  assert.equal((await ctx.cookies()).find((c) => c.name === "lang"), undefined);
  // The shell's links keep the shared language; the visitor's own is back without it.
  await page.click('header nav a[href="/calendar?lang=zh-Hans"]');
  assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
  await page.goto(`${base}/calendar`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await ctx.close();
});

test("can read the home page and its picker in Japanese without accessibility problems", async () => {
  const ctx = await context({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  await page.waitForLoadState("load");
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  assert.equal(await page.locator('label[for="lang-pick"]').textContent(), "言語");
  const options = await page.locator("#lang-pick option").evaluateAll((all) => all.map((o) => [o.lang, o.textContent]));
  assert.deepEqual(options, [
    ["en", "English"], ["ja", "日本語"], ["zh-Hans", "简体中文"], ["de", "Deutsch"],
    ["fr", "Français"], ["es", "Español"], ["pt-BR", "Português (Brasil)"],
  ]);
  assert.deepEqual(await axe(page), []);
  await shot(page, "language-home-ja-1100");
  await ctx.close();
});

test("can say a missing page and an unknown zone in the browser's language", async () => {
  const ctx = await context({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  const page = await ctx.newPage();
  const missing = await page.goto(`${base}/no-such-page`);
  assert.equal(missing.status(), 404);
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  assert.equal(await page.locator("h1").textContent(), "ページが見つかりません");
  const zone = await page.goto(`${base}/calendar?tz=Asia/Tokio`);
  assert.equal(zone.status(), 400);
  assert.equal(await page.locator("h1").textContent(), "不明なタイムゾーン");
  assert.match(await page.locator("main").textContent(), /Asia\/Tokioというタイムゾーンはありません/);
  await shot(page, "language-bad-zone-ja");
  await ctx.close();
});

// The two pickers travel together: at 1280 px on one row at the header's right edge (not the
// language picker alone under the brand), and on a phone each fits its line, in the
// languages with the longest labels.
for (const lang of ["en", "de", "fr"]) {
  test(`can keep both pickers together and inside the screen (${lang})`, async () => {
    const ctx = await context({ timezoneId: "UTC", viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/calendar?lang=${lang}&tz=Asia/Tokyo`);
    const box = (selector) => page.locator(selector).boundingBox();
    const [header, zone, language] = [await box("header.top"), await box("form.tz"), await box("form.lang")];
    assert.ok(Math.abs(zone.y - language.y) < 4, `one row: zone picker at ${zone.y}, language at ${language.y}`);
    assert.ok(language.x > zone.x, "the language picker after the zone picker");
    // header.top has 16 px of padding.
    assert.ok(header.x + header.width - (language.x + language.width) < 20, "at the right edge");
    if (lang === "de") await shot(page, "language-pickers-de-1280");
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${base}/?lang=${lang}&tz=Asia/Tokyo`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.equal(width, 375, "nothing wider than the screen");
    for (const selector of ["form.tz button", "form.lang button", "#lang-pick", ".zone-shared"]) {
      const b = await box(selector);
      assert.ok(b.x >= 0 && b.x + b.width <= 375, `${selector} inside the screen: ${JSON.stringify(b)}`);
    }
    // The language list and its button share a line.
    const [pick, show] = [await box("#lang-pick"), await box("form.lang button")];
    assert.ok(Math.abs(pick.y + pick.height / 2 - (show.y + show.height / 2)) < 4, "select and button on one line");
    if (lang === "de") await shot(page, "language-pickers-de-375");
    await ctx.close();
  });
}
