// Issue 19 in Chromium: the meetings page, the week view and the planner in Japanese and
// Simplified Chinese, asked with `?lang=` and by a browser set to ja-JP / zh-CN, at 375 and
// 1280 px: no sideways scrolling, card titles and week cells holding their text, real CJK glyphs
// (Debian's Noto CJK fonts, which scripts/browser-test installs), axe clean; the language picker
// switches the language and is remembered after a reload, a shared `?lang=` is not.
// Screenshots: target/screenshots/i18n-*. The Rust side: tests/i18n.rs walks every page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { base, context, axe, shot, useServer } from "./harness.mjs";

useServer();

const PAGES = [
  ["home", "/"],
  ["week", "/calendar/week"],
  ["planner", "/planner?cities=tokyo-jp,Asia/Shanghai,Europe/Berlin,America/New_York"],
];

// How a browser in each language asks: its locale (Accept-Language and navigator.language).
const LANGS = [
  ["ja", "ja-JP"],
  ["zh-Hans", "zh-CN"],
];

/** Whether the page's own font draws `chars` as real, distinct glyphs: each character drawn on a
 * canvas in the font of `<body>` with the page's language must leave ink, and no two may leave
 * the same ink (a missing glyph draws the same empty box, "tofu", for every character). */
async function realGlyphs(page, chars) {
  return page.evaluate((chars) => {
    const font = getComputedStyle(document.body).font;
    const canvas = document.createElement("canvas");
    canvas.width = 64;
    canvas.height = 64;
    canvas.lang = document.documentElement.lang;
    document.body.append(canvas);
    const g = canvas.getContext("2d", { willReadFrequently: true });
    g.font = font.replace(/\d+(\.\d+)?px/, "40px");
    const inks = [];
    for (const c of chars) {
      g.clearRect(0, 0, 64, 64);
      g.fillText(c, 4, 48);
      const data = g.getImageData(0, 0, 64, 64).data;
      let ink = 0, hash = 0;
      for (let i = 3; i < data.length; i += 4) {
        if (data[i] > 0) ink++;
        hash = (hash * 31 + data[i]) >>> 0;
      }
      inks.push({ c, ink, hash });
    }
    canvas.remove();
    return inks;
  }, chars);
}

/** Problems of the layout at the current width: the page scrolling sideways, a card's title or a
 * week day's heading wider than its box, a week event drawn past its day's column. */
async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const scroller = document.scrollingElement;
    if (scroller.scrollWidth > innerWidth) problems.push(`page is ${scroller.scrollWidth} px wide in ${innerWidth} px`);
    const titles = document.querySelectorAll(".card h2, .card h3, .card .title, .up h2, .up h3, .up .title, .wk-day h3, .next-up h2, h1");
    for (const el of titles) {
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`"${el.textContent.trim()}" overflows its box (${el.scrollWidth} > ${el.clientWidth})`);
    }
    for (const ev of document.querySelectorAll(".wk-day .ev")) {
      const day = ev.closest(".wk-day").getBoundingClientRect();
      const box = ev.getBoundingClientRect();
      if (box.right > day.right + 1 || box.left < day.left - 1) problems.push(`week event "${ev.textContent.trim()}" leaves its day`);
    }
    return problems;
  });
}

// English the pages' scripts write after load (site.js: the countdown, the markers), which the
// Rust walk of the served HTML cannot see.
const SCRIPT_ENGLISH = [
  ["Starts in", /\bStarts in\b/],
  ["Happening now", /\bHappening now\b/],
  ["in N h/min/day", /\bin \d+ (h|min|days?)\b/],
  ["Copied", /\bCopied\b/],
];
// Gaps known while the scripts are being translated (issue 19): printed, not failed; the list
// must end empty.
const KNOWN_GAPS = [];

/** The English of SCRIPT_ENGLISH in text marked with the page's own language. */
async function scriptEnglish(page) {
  const texts = await page.evaluate(() => {
    const lang = document.documentElement.lang;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const owner = node.parentElement;
      if (owner.closest("script, style") || owner.closest("[lang]")?.lang !== lang) continue;
      if (node.textContent.trim()) found.push(node.textContent.trim());
    }
    return found;
  });
  const found = [];
  for (const [name, pattern] of SCRIPT_ENGLISH) {
    for (const text of texts) if (pattern.test(text)) found.push({ name, text });
  }
  return found;
}

for (const [tag, locale] of LANGS) {
  for (const [ask, options, suffix] of [
    ["lang", { locale: "en-GB" }, (uri) => `${uri}${uri.includes("?") ? "&" : "?"}lang=${tag}`],
    ["browser", { locale }, (uri) => uri],
  ]) {
    test(`can show the pages in ${tag} (asked by ${ask}) at 375 and 1280 px with real glyphs`, async () => {
      for (const width of [375, 1280]) {
        const ctx = await context({ ...options, viewport: { width, height: 900 }, colorScheme: "light", timezoneId: "Asia/Tokyo" });
        const page = await ctx.newPage();
        for (const [name, uri] of PAGES) {
          await page.goto(`${base}${suffix(uri)}`);
          assert.equal(await page.getAttribute("html", "lang"), tag, `${name}: <html lang>`);
          await shot(page, `i18n-${name}-${tag}-${ask}-${width}`);
          assert.deepEqual(await layoutProblems(page), [], `${name} in ${tag} at ${width} px`);
          const glyphs = await realGlyphs(page, tag === "ja" ? "会議予定表" : "会议日历时");
          for (const { c, ink } of glyphs) assert.ok(ink > 40, `${c} draws no glyph (${ink} px of ink)`);
          assert.equal(new Set(glyphs.map((g) => g.hash)).size, glyphs.length, `${name}: the CJK glyphs are all alike (tofu)`);
          assert.deepEqual(await axe(page), [], `${name} in ${tag} at ${width} px`);
          const english = await scriptEnglish(page);
          const known = english.filter((e) => KNOWN_GAPS.includes(e.name));
          if (known.length) console.log(`known gaps on ${name} in ${tag}: ${known.map((e) => JSON.stringify(e.text)).join(", ")}`);
          assert.deepEqual(english.filter((e) => !KNOWN_GAPS.includes(e.name)), [], `${name} in ${tag}: English written by a script`);
        }
        assert.deepEqual(ctx.problems, []);
        assert.deepEqual(ctx.outside, []);
        await ctx.close();
      }
    });
  }
}

test("can pick a language that is remembered after a reload, while a shared ?lang= is not", async () => {
  const ctx = await context({ timezoneId: "Asia/Tokyo" });
  const page = await ctx.newPage();
  await page.goto(`${base}/calendar/week`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  // The picker: a plain form, which the server answers by remembering and sending back.
  await page.selectOption("#lang-pick", "ja");
  const submit = page.locator("form.lang button[type=submit]");
  if (await submit.isVisible()) {
    await Promise.all([page.waitForNavigation(), submit.click()]);
  } else {
    await page.waitForFunction(() => document.documentElement.lang === "ja");
  }
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  assert.ok(new URL(page.url()).pathname.endsWith("/calendar/week"), `back on the week view: ${page.url()}`);
  await page.reload();
  assert.equal(await page.getAttribute("html", "lang"), "ja", "remembered after a reload");
  await page.goto(`${base}/planner`);
  assert.equal(await page.getAttribute("html", "lang"), "ja", "remembered on another page");
  assert.equal(await page.locator("#lang-pick").inputValue(), "ja");
  await shot(page, "i18n-picked-ja");
  assert.deepEqual(ctx.problems, []);
  await ctx.close();

  // A shared link in Chinese shows Chinese, and leaves the visitor's language as it was.
  const shared = await context({ timezoneId: "Europe/Berlin" });
  const tab = await shared.newPage();
  await tab.goto(`${base}/?lang=zh-Hans`);
  assert.equal(await tab.getAttribute("html", "lang"), "zh-Hans");
  await tab.goto(`${base}/`);
  assert.equal(await tab.getAttribute("html", "lang"), "en", "?lang= is not remembered");
  assert.deepEqual((await shared.cookies()).filter((c) => c.name === "lang"), []);
  await shared.close();
});
