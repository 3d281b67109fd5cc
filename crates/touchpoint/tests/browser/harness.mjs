// The shared harness of the browser tests: one `touchpoint serve` per test file on 127.0.0.1
// with a fresh data folder, the system Chromium, axe-core, screenshots. Each `*.test.mjs` file
// imports it and calls `useServer()` once at its top.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..", "..", "..", "..");
export const shots = process.env.TOUCHPOINT_SCREENSHOTS || join(root, "target", "screenshots");
export const bin = process.env.TOUCHPOINT_BIN;
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server, dataDir;
export let base, browser;

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Playwright gives each launch a fresh, temporary --user-data-dir of its own (it refuses one
// passed in args), so no profile carries over between runs.
export function launch(env) {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    env: { ...process.env, ...(env || {}) },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    timeout: 30_000,
  });
}

/** Starts the server (with `args` appended to `serve`) before the file's tests, stops it after. */
/** Waits until `url` answers 200 (a server just started), failing after 20 s. */
export async function answers(url) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch (_) { /* not up yet */ }
    assert.ok(Date.now() < deadline, `${url} did not answer in 20 s`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export function useServer(args = []) {
before(async () => {
  assert.ok(bin, "TOUCHPOINT_BIN must name the built touchpoint binary (scripts/browser-test sets it)");
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), "touchpoint-browser-data-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The public URL is the test's own address, so subscription links can be followed here.
  server = spawn(bin, ["serve", "--listen", `127.0.0.1:${port}`, "--data", dataDir, "--base-url", `${base}/`, ...args], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  await answers(`${base}/healthz`);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill("SIGTERM");
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
}

/** A fresh context (own cookies) in `timezoneId`, recording every request's origin; in en-GB
 * unless `options.locale` says otherwise (pages write the clock the visitor's language reads,
 * issue 16, and most tests compare with a 24-hour Intl clock). */
export async function context(options = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: "en-GB", ...options });
  ctx.outside = [];
  ctx.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("about:")) ctx.outside.push(url);
  });
  // Issue 14: every CSP violation (the page's own `securitypolicyviolation` events, reported
  // through a binding) and every console error or uncaught exception, per page URL.
  ctx.problems = [];
  await ctx.exposeBinding("__touchpointViolation", ({ page }, what) => {
    ctx.problems.push(`${page.url()}: CSP violation: ${what}`);
  });
  await ctx.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__touchpointViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  ctx.on("console", (message) => {
    if (message.type() !== "error") return;
    // The 404 of a page visited on purpose is not the page's fault.
    const resource = message.location().url || "";
    if (/\/no-such-page$/.test(resource) && /status of 404/.test(message.text())) return;
    ctx.problems.push(`${message.page()?.url()}: console error: ${message.text()} (${resource})`);
  });
  ctx.on("weberror", (error) => ctx.problems.push(`${error.page()?.url()}: uncaught: ${error.error().message}`));
  return ctx;
}

/** The clock ("HH:MM") of an instant in `zone`, computed by the browser's own Intl. */
export async function intlClock(page, iso, zone) {
  return page.evaluate(([iso, zone]) => new Intl.DateTimeFormat("en-GB", {
    timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).format(new Date(iso)), [iso, zone]);
}

/** Serious or critical axe violations on the current page. */
export async function axe(page) {
  // Evaluated through the DevTools protocol, not as an inline <script>: the pages' policy
  // (script-src 'self') rightly refuses inline scripts, and axe is not part of the page.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** The week grid as the page shows it: hours, and per day its heading and boxes (place, text). */
export function weekGrid(page) {
  return page.$eval(".wk", (wk) => ({
    hours: [wk.dataset.fromHour, wk.dataset.toHour, [...wk.querySelectorAll(".wk-hours span")].map((s) => s.textContent)],
    days: [...wk.querySelectorAll(".wk-day")].map((day) => ({
      date: day.dataset.date,
      heading: day.querySelector("h3").textContent.replace(/\s+/g, " ").trim(),
      boxes: [...day.querySelectorAll("li.ev")].map((li) => [
        li.querySelector("time").getAttribute("datetime"),
        [...li.classList].filter((c) => /^g[ymdqln]\d+$/.test(c)).join(" "),
        li.querySelector("time").textContent,
        li.title,
      ]).sort((a, b) => (a[0] + a[3]).localeCompare(b[0] + b[3])),
    })),
  }));
}

/** A month grid's cells as the page shows them: each day's meetings shown, "+N more", starts. */
export function monthCells(page) {
  return page.$$eval("table.month td[data-day]", (tds) => tds.map((td) => {
    const more = td.querySelector("a.more-day");
    const shown = [...td.querySelectorAll("li.occ")].filter((li) => !li.hidden);
    return {
      day: td.dataset.day,
      shown: shown.length,
      more: more ? Number(more.firstChild.textContent.match(/^\+(\d+) more$/)[1]) : 0,
      starts: shown.map((li) => li.querySelector("time").getAttribute("datetime")),
      free: td.classList.contains("free"),
      today: [td.classList.contains("is-today"), td.querySelectorAll(".dlabel .today-badge").length],
    };
  }));
}

/** Run the touchpoint binary with `args` to the end; a failure stops the test with its stderr. */
export function run(args) {
  const done = spawnSync(bin, args, { encoding: "utf8" });
  assert.equal(done.status, 0, `${args.join(" ")}: ${done.stderr}`);
}

/** The languages the site offers: one per file in crates/site/locales. */
export const offeredLanguages = readdirSync(join(root, "crates", "site", "locales"))
  .filter((name) => name.endsWith(".ftl"))
  .map((name) => name.slice(0, -".ftl".length))
  .sort();

/** Waits until the server has read every outside calendar of the example (its sample files). */
export async function sourcesLoaded() {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { calendars } = await (await fetch(`${base}/api/v1/calendars`)).json();
    if (calendars.every((c) => c.status === "ok")) return;
    assert.ok(Date.now() < deadline, `outside calendars not read: ${JSON.stringify(calendars.map((c) => c.status))}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Builds the example's static export at `now` (its outside calendars read first) and serves
 * it as a static host would (python's http.server on 127.0.0.1) from the file's `before` to its
 * `after`; `exported.url` is its address once the tests run. */
export function useExport(now) {
  const exported = { url: undefined };
  let folder, statics;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), "touchpoint-export-"));
    const data = join(folder, "data");
    run(["refresh", "--data", data]);
    run(["build", "--data", data, "--out", join(folder, "www"), "--now", now]);
    const port = await freePort();
    statics = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", join(folder, "www")], {
      stdio: ["ignore", "ignore", "ignore"],
    });
    exported.url = `http://127.0.0.1:${port}/`;
    await answers(`${exported.url}calendar/week/`);
  });
  after(() => {
    if (statics) statics.kill("SIGTERM");
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  return exported;
}

/** Every offered language's week of `week`, seen from `zone` at 375 px in a browser of `locale`:
 * the served page and the export's at `exportUrl` (local-times.js lays it out again in the
 * visitor's zone), each screenshot as `{name}-served|export-{lang}-{locale}-375` and read by
 * `check(page, where)`; the problems found. `screenshot` takes the pictures (the whole page
 * unless told). */
export async function eachWeekAt375({ locale, zone, week, exportUrl, name, check, screenshot = shot }) {
  await sourcesLoaded();
  const ctx = await context({ locale, timezoneId: zone, viewport: { width: 375, height: 900 } });
  const page = await ctx.newPage();
  const problems = [];
  for (const lang of offeredLanguages) {
    await page.goto(`${base}/calendar?view=week&date=${week}&tz=${zone}&lang=${lang}`);
    assert.equal(await page.getAttribute("html", "lang"), lang);
    await screenshot(page, `${name}-served-${lang}-${locale}-375`);
    problems.push(...(await check(page, `served ${lang}`)));
    await page.goto(`${exportUrl}${lang}/calendar/week/`);
    await page.waitForFunction((zone) => document.querySelector(".wk")?.dataset.tz === zone, zone);
    await screenshot(page, `${name}-export-${lang}-${locale}-375`);
    problems.push(...(await check(page, `export ${lang}`)));
  }
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
  return problems;
}
