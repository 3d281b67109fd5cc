// Issue 19: what the scripts write after load is in the page's language. local-times.js on the
// static export's Japanese tree (opened in another zone than the build's, so it regroups the
// agenda, lays the week out again with its "clocks change" day, recounts the month, and names a
// shared ?tz=) and the <touchpoint-upcoming> web component in the language of its lang="…" or
// of the visitor's browser: no English word a script writes, and the words the site's own
// messages give. Screenshots: target/screenshots/script-lang-*.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answers, base, bin, root, context, axe, shot, freePort, useServer } from "./harness.mjs";

useServer();

// Wed 10 Mar 2027: the week of 8 to 14 Mar holds Los Angeles' change to summer time (Sun 14 Mar,
// 23 hours), which a visitor there sees on the UTC build's week.
const NOW = "2027-03-10T12:00:00Z";
const VISITOR = "America/Los_Angeles";
let folder, statics, exported;

// English the scripts would write (whole texts, so a community's own English is not taken for
// it): their words, and English dates and clocks.
const ENGLISH = [
  /^Today$/, /^\+\d+ more/, /\bon (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d/, /\bClocks change\b/, /^No meetings\.$/,
  /^moved from\b/, /^Shown in\b/, /^use my zone$/, /^[\w ]+ time$/, /^Cancelled$/, /^All meetings$/,
  /^No upcoming meetings\.$/, /\bcould not be loaded\b/,
  /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun),? \d/, /\b\d+ (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/, /\b\d+:\d\d ?[AP]M\b/,
];

/** Text, and the labels the scripts write, in the page's (or element's) language that hold
 * English. */
async function english(page, selector = "body") {
  const texts = await page.$eval(selector, (el) => {
    const root = el.shadowRoot || el;
    const lang = el.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang;
    const out = [];
    const own = (node) => !node.closest || node.closest("[lang]") === null || node.closest("[lang]").getAttribute("lang") === lang;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const owner = node.parentElement;
      if (!owner || owner.closest("script, style") || !own(owner) && owner !== el) continue;
      if (node.textContent.trim()) out.push(node.textContent.trim());
    }
    // The labels the scripts write: a week box's title, an agenda day's name.
    for (const labelled of root.querySelectorAll("li.ev[title], section.agenda-day[aria-label]")) {
      if (!own(labelled)) continue;
      for (const name of ["title", "aria-label"]) if (labelled.getAttribute(name)) out.push(labelled.getAttribute(name));
    }
    return out;
  });
  return texts.filter((text) => ENGLISH.some((pattern) => pattern.test(text)));
}

before(async () => {
  folder = mkdtempSync(join(tmpdir(), "touchpoint-script-lang-"));
  const community = join(folder, "todo-group");
  cpSync(join(root, "examples", "todo-group"), community, { recursive: true });
  const file = join(community, "touchpoint.toml");
  const out = join(folder, "www");
  mkdirSync(out, { recursive: true });
  for (const args of [
    ["refresh", "--config", file, "--data", join(community, "data")],
    ["build", "--config", file, "--data", join(community, "data"), "--out", out, "--now", NOW],
  ]) {
    const done = spawnSync(bin, args, { encoding: "utf8" });
    assert.equal(done.status, 0, `${args.join(" ")}: ${done.stderr}`);
  }
  const port = await freePort();
  statics = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", out], {
    stdio: ["ignore", "ignore", "ignore"],
  });
  exported = `http://127.0.0.1:${port}/`;
  await answers(`${exported}ja/calendar/week/`);
});

after(() => {
  if (statics) statics.kill("SIGTERM");
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test("can lay the Japanese export's week, month and agenda out in another zone in Japanese", async () => {
  for (const width of [375, 1280]) {
    const ctx = await context({ timezoneId: VISITOR, locale: "en-US", viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    for (const [name, uri] of [["week", "ja/calendar/week/"], ["month", "ja/calendar/month/"], ["agenda", "ja/calendar/"], ["home", "ja/"]]) {
      // A shared ?tz= (the visitor's own zone): the page says so, in Japanese.
      await page.goto(`${exported}${uri}?tz=${VISITOR}`);
      assert.equal(await page.getAttribute("html", "lang"), "ja");
      await page.waitForFunction((zone) => document.documentElement.dataset.tz === zone, VISITOR);
      await shot(page, `script-lang-export-${name}-ja-${width}`);
      assert.deepEqual(await english(page), [], `${name}: English written by a script`);
      const note = (await page.textContent(".zone-shared")).trim();
      assert.ok(note.includes("で表示中") && note.includes("自分のタイムゾーンで表示"), note);
      if (name === "week") {
        // The UTC build's week laid out again in Los Angeles: Sunday 14 March has 23 hours.
        assert.equal((await page.textContent(".wk-day[data-date='2027-03-14'] .wk-dst")).trim(), "時刻の切り替え：23時間");
        assert.equal(await page.getAttribute(".wk", "data-tz"), VISITOR);
        const hours = await page.$$eval(".wk-hours span", (spans) => spans.map((s) => s.textContent));
        // Japanese hour labels on the visitor's own clock: an en-US browser reads 12 hours.
        assert.ok(hours.every((h) => /^(午前|午後)\d{1,2}時$/.test(h)), hours.join(" "));
      }
      if (name === "month") {
        const more = await page.$$eval("a.more-day", (links) => links.map((a) => a.textContent));
        for (const text of more) assert.match(text, /^他\d+件 （\d+月\d+日[日月火水木金土]曜日）$/);
      }
      if (name === "agenda") {
        const headings = await page.$$eval("section.agenda-day h3", (hs) => hs.map((h) => h.textContent.trim()));
        assert.ok(headings.length > 0);
        for (const h of headings) assert.match(h, /^\d{4}\/\d{2}\/\d{2}\([日月火水木金土]\)$/);
        assert.match(await page.textContent("h2[data-from][data-to]"), /^\d{4}\/\d{2}\/\d{2}～\d{4}\/\d{2}\/\d{2}$|^\d{4}\/\d{2}\/\d{2} – \d{4}\/\d{2}\/\d{2}$/);
      }
      assert.deepEqual(await axe(page), [], `${name} at ${width} px`);
    }
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  }
});

const hosted = new Map();
let hostServer, hostPort;
before(async () => {
  hostServer = createServer((req, res) => {
    const body = hosted.get(req.url);
    if (req.url === "/favicon.ico") return res.writeHead(204).end();
    res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(body || "not found");
  });
  hostPort = await freePort();
  await new Promise((resolve) => hostServer.listen(hostPort, "127.0.0.1", resolve));
});
after(() => hostServer && hostServer.close());

/** An English page of another site at its own address, embedding the component with `attrs`. */
function host(attrs) {
  const path = `/page-${hosted.size}`;
  hosted.set(path, `<!doctype html><html lang="en"><title>Host</title><main><h1>Meetings</h1>
    <script defer src="${base}/embed/touchpoint-upcoming.js"></script>
    <touchpoint-upcoming limit="50" ${attrs}></touchpoint-upcoming></main></html>`);
  return `http://127.0.0.1:${hostPort}${path}`;
}

/** The component's words: badges, moved notes and the closing link (or its only paragraph). */
function words(page) {
  return page.$eval("touchpoint-upcoming", (el) => ({
    badges: [...new Set([...el.shadowRoot.querySelectorAll(".badge")].map((b) => b.textContent))],
    moved: [...el.shadowRoot.querySelectorAll(".moved")].map((m) => m.textContent),
    more: el.shadowRoot.querySelector(".more a")?.textContent,
    only: el.shadowRoot.querySelector("p")?.textContent,
    titles: [...new Set([...el.shadowRoot.querySelectorAll(".t")].map((t) => t.textContent))],
  }));
}

for (const [asked, attrs, locale, expected] of [
  // The example has Japanese titles for its Touchpoints (the API's lang=), none in French.
  ["its lang=\"ja\"", 'lang="ja"', "en-US", { cancelled: "中止", all: "すべてのミーティング", moved: /^\d+月\d+日\([日月火水木金土]\)から変更$/, touchpoint: "AMER・EMEA Touchpoint" }],
  ["a browser in fr-FR", "", "fr-FR", { cancelled: "Annulée", all: "Toutes les réunions", moved: /^déplacé du .+$/, touchpoint: "AMER & EMEA Touchpoint" }],
]) {
  test(`can write the web component's words in the language of ${asked}`, async () => {
    const ctx = await context({ timezoneId: "Asia/Tokyo", locale });
    const page = await ctx.newPage();
    await page.goto(host(attrs));
    await page.locator("touchpoint-upcoming .more a").waitFor({ timeout: 10_000 });
    const said = await words(page);
    // The example's winter break cancels dates in December, and moves one.
    assert.deepEqual(said.badges, [expected.cancelled]);
    assert.equal(said.more, expected.all);
    assert.ok(said.moved.length > 0, "a moved date");
    for (const text of said.moved) assert.match(text, expected.moved);
    assert.ok(said.titles.includes(expected.touchpoint), JSON.stringify(said.titles));
    assert.deepEqual(await english(page, "touchpoint-upcoming"), []);
    await shot(page, `script-lang-component-${locale}-${attrs ? "attr" : "browser"}`);
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });
}

test("can say in German that the web component's list could not be loaded", async () => {
  const ctx = await context({ timezoneId: "Europe/Berlin", locale: "de-DE" });
  const page = await ctx.newPage();
  await page.goto(host('source="no-such-calendar"'));
  await page.waitForFunction(() => document.querySelector("touchpoint-upcoming")?.shadowRoot?.querySelector("p"));
  assert.match((await words(page)).only, /^Die Meetings konnten nicht geladen werden \(.+\)\.$/);
  await ctx.close();
});

test("can say the feed address was copied in Japanese", async () => {
  const ctx = await context({ timezoneId: "Asia/Tokyo", locale: "ja-JP", permissions: ["clipboard-read", "clipboard-write"] });
  const page = await ctx.newPage();
  await page.goto(`${base}/?lang=ja`);
  const block = page.locator("details.subscribe").first();
  await block.locator("summary").click();
  const button = block.locator("button[data-copy]").first();
  assert.equal((await button.textContent()).trim(), "コピー");
  await button.click();
  await page.waitForFunction((b) => b.textContent !== "コピー", await button.elementHandle());
  assert.equal((await button.textContent()).trim(), "コピーしました");
  const address = await block.locator("input[readonly]").first().inputValue();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), address);
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});
