// The week's hour column at 375 px in every language the site offers (crates/site/locales), from
// a browser on a 12-hour clock (en-US) and on a 24-hour one (de-DE): each hour label and the
// all-day label lie inside the sticky hour column, clear of the first day's column and of every
// meeting box, before and after the days are scrolled under it; two whole days still show
// beside it. On a German page an en-US browser reads CLDR's 12-hour hours, "8 Uhr morgens",
// twice as wide as the column's 3.25rem minimum, which the grid once kept at 375 px. Served
// pages (the server's labels) and the static export (local-times.js writes them again in the
// visitor's zone). Screenshots: target/screenshots/week-hours-*.
import { test } from "node:test";
import assert from "node:assert/strict";
import { eachWeekAt375, useExport, useServer } from "./harness.mjs";

useServer();

const LOCALES = ["en-US", "de-DE"];
// A week of the example with meetings on its Monday (the first day column).
const NOW = "2027-03-10T12:00:00Z";
const WEEK = "2027-03-10";
// Not the export's zone (UTC), so local-times.js lays its week out again.
const ZONE = "Europe/Berlin";
const exported = useExport(NOW);


/** Where the hour column's labels are drawn against the column, the first day and the boxes:
 * the problems found, the labels, and the widths of the column, a day and the visible grid. */
function hourColumn(page) {
  return page.evaluate(() => {
    const gutter = document.querySelector(".wk-gutter");
    const column = gutter.getBoundingClientRect();
    const inner = column.right - parseFloat(getComputedStyle(gutter).borderRightWidth);
    const day = document.querySelector(".wk-day").getBoundingClientRect();
    const boxes = [...document.querySelectorAll(".wk-day li.ev")].map((ev) => [ev, ev.getBoundingClientRect()]);
    const problems = [];
    const labels = [...gutter.querySelectorAll(".wk-hours span, .wk-allday-label")];
    for (const label of labels) {
      // The text's own box: the label's element may be wider than the column it overflows.
      const range = document.createRange();
      range.selectNodeContents(label);
      const ink = range.getBoundingClientRect();
      const text = JSON.stringify(label.textContent);
      const at = `[${Math.round(ink.left)}, ${Math.round(ink.right)}]`;
      if (ink.left < column.left - 0.5 || ink.right > inner + 0.5) {
        problems.push(`${text} at ${at} leaves the hour column [${Math.round(column.left)}, ${Math.round(inner)}]`);
      } else if (day.left >= column.left && ink.right > day.left + 0.5) problems.push(`${text} at ${at} runs into the first day, from ${Math.round(day.left)}`);
      for (const [ev, box] of boxes) {
        const overlaps = ink.left < box.right && box.left < ink.right && ink.top < box.bottom && box.top < ink.bottom;
        if (overlaps && box.left < inner) continue; // scrolled under the column, hidden by it
        if (overlaps) problems.push(`${text} at ${at} overlaps the box "${ev.textContent.trim().slice(0, 30)}"`);
      }
    }
    const scroller = document.querySelector(".wk-scroll");
    return {
      problems,
      labels: labels.map((l) => l.textContent),
      column: Math.round(column.width),
      day: Math.round(day.width),
      shown: scroller.clientWidth,
      left: Math.round(column.left),
    };
  });
}

/** The hour column's problems on the current page, before and after the days are scrolled to
 * their end, and whether two days still fit beside it; each prefixed with `what`. */
async function columnProblems(page, what) {
  const first = await hourColumn(page);
  const problems = first.problems.map((p) => `${what}: ${p}`);
  if (first.labels.length < 2) problems.push(`${what}: no hour labels`);
  if (first.shown - first.column < 2 * first.day) {
    problems.push(`${what}: the hour column (${first.column} px) leaves less than two days (${first.day} px each) of ${first.shown} px`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) problems.push(`${what}: the page scrolls sideways by ${overflow} px`);
  await page.$eval(".wk-scroll", (scroller) => { scroller.scrollLeft = scroller.scrollWidth; });
  const scrolled = await hourColumn(page);
  problems.push(...scrolled.problems.map((p) => `${what}, scrolled to the last day: ${p}`));
  if (scrolled.left !== first.left) problems.push(`${what}: the hour column moves with the days (${first.left} to ${scrolled.left})`);
  await page.$eval(".wk-scroll", (scroller) => { scroller.scrollLeft = 0; });
  return problems;
}

for (const locale of LOCALES) {
  test(`can fit the week's hour labels in their column at 375 px, in every language, from ${locale}`, async () => {
    const problems = await eachWeekAt375({ locale, zone: ZONE, week: WEEK, exportUrl: exported.url, name: "week-hours", check: columnProblems });
    assert.equal(problems.length, 0, `${problems.length} problems:\n${problems.join("\n")}`);
  });
}
