// A tester's find in Chromium: a title that is one long unbroken word — a 60-character URL-like
// word, a snake_case name (a "Kubernetes-SIG-…" title breaks at its hyphens already) — ran out
// of the series page's heading at 375 px, and the page scrolled sideways. Headings, meeting titles in
// lists, cards and the week grid's boxes wrap it instead. On the series pages, the agenda, the
// group page, the groups list, the home page and the week view, at 375 px: no element is wider
// than the viewport or holds text wider than that (sideways scrollers by design — the week
// grid, the planner's table — are measured by their own box, not their content), and each week
// box keeps its text inside its width. Screenshots: long-titles-*.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { base, context, shot, useServer } from "./harness.mjs";

const KUBERNETES = "Kubernetes-SIG-Contributor-Experience-Weekly-Sync-Meeting-For-Maintainers";
const URL_LIKE = "meetings.example.org/kubernetes/contributor-experience/weekly";
const COMMUNITY = "Kubernetes_Contributor_Experience_Community_Meetings";
const GROUP = "SIG_Contributor_Experience_Working_Group_Of_The_Kubernetes_Project";

// Daily from a week ago, so every page (the agenda, the next meetings, this week) has them; the
// URL-like one first, so it is the one Next up shows.
const DAY = 86_400_000;
const today = new Date();
today.setUTCHours(0, 0, 0, 0);
const first = new Date(today.getTime() - 7 * DAY).toISOString().slice(0, 10);

const dir = mkdtempSync(join(tmpdir(), "touchpoint-long-titles-"));
const config = join(dir, "touchpoint.toml");
writeFileSync(config, `[community]
name = "${COMMUNITY}"
timezone = "UTC"

[[series]]
id = "k8s"
title = "${KUBERNETES}"
description = "Notes at https://github.com/kubernetes/community/tree/master/sig-contributor-experience/meeting-notes-and-recordings"
timezone = "UTC"
start = "10:00"
duration = "1h"
repeat = "daily"
first = ${first}
group = "contribex"

[[series]]
id = "url"
title = "${URL_LIKE}"
timezone = "UTC"
start = "09:00"
duration = "1h"
repeat = "daily"
first = ${first}

[[groups]]
id = "contribex"
title = "${GROUP}"
description = "${GROUP}"
`);
useServer(["--config", config]);
after(() => rmSync(dir, { recursive: true, force: true }));

const PAGES = [
  ["series", "/series/k8s"],
  ["series-url", "/series/url"],
  ["agenda", "/calendar?view=agenda"],
  ["group", "/groups/contribex"],
  ["groups", "/groups"],
  ["home", "/"],
  ["week", "/calendar?view=week"],
];

/** What runs out at the current width: the page scrolling sideways, an element wider than the
 * viewport or holding text wider than it (inside a sideways scroller only the scroller's own box
 * counts), a week box whose text is wider than the box. */
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    const name = (el) => `<${el.localName}${el.className ? ` class="${el.className}"` : ""}> "${el.textContent.trim().slice(0, 40)}"`;
    if (document.scrollingElement.scrollWidth > width) {
      problems.push(`the page is ${document.scrollingElement.scrollWidth} px wide in ${width} px`);
    }
    const scrollers = ".wk-scroll, .scroll";
    for (const el of document.body.querySelectorAll("*")) {
      if (el.parentElement.closest(scrollers) || el.closest("[hidden], .sr, .visually-hidden")) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const wide = el.matches(scrollers) ? el.clientWidth : el.scrollWidth;
      if (rect.right > width + 0.5 || wide > width) {
        problems.push(`${name(el)} is ${Math.max(Math.round(rect.right), wide)} px wide`);
      }
    }
    for (const box of document.querySelectorAll(".wk-day li.ev")) {
      if (box.scrollWidth > box.clientWidth + 1) {
        problems.push(`week box ${name(box)} holds ${box.scrollWidth} px in ${box.clientWidth} px`);
      }
    }
    return problems;
  });
}

test("can wrap a long unbroken title on every page at 375 px", async () => {
  const ctx = await context({ viewport: { width: 375, height: 900 }, timezoneId: "UTC" });
  const page = await ctx.newPage();
  const found = [];
  for (const [name, path] of PAGES) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState("networkidle");
    const text = await page.locator("main").textContent();
    assert.ok([KUBERNETES, URL_LIKE, GROUP].some((title) => text.includes(title)), `${name} shows a long title`);
    await shot(page, `long-titles-${name}-375`);
    found.push(...(await overflow(page)).map((problem) => `${name}: ${problem}`));
  }
  assert.deepEqual(found, []);
  assert.deepEqual(ctx.problems, []);
  await ctx.close();
});
