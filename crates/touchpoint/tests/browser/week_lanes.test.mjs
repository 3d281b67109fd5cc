// The start time in each box of the week's hour grid reads whole where overlapping meetings share
// a day column in lanes. At 375 px a day was 6.5rem, two lanes left 39 px for a bold "17:00",
// and the boxes' `overflow-wrap: anywhere` broke it into "17:0" over "0", which reads as a time.
// In every box the number lies on one line (a line may break only at a space, "5:00" over "PM",
// or beside a character of a language written without spaces, "午後" over "5:00"), and the whole
// time lies inside its box, not clipped by it. Served pages (the server's clocks) and the static
// export (local-times.js writes them again and lays the grid out in the visitor's zone), in every
// language the site offers, from a browser on a 24-hour clock (de-DE) and on a 12-hour one
// (en-US), where CLDR writes "5:00 p. m." and "午後5:00". The example's week of 8 March 2027 has
// two meetings side by side at 17:00 Berlin time on its Tuesday. Screenshots: week-lanes-*.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { eachWeekAt375, shots, useExport, useServer } from "./harness.mjs";

useServer();

const LOCALES = ["de-DE", "en-US"];
const NOW = "2027-03-10T12:00:00Z";
const WEEK = "2027-03-10";
// Not the export's zone (UTC), so local-times.js lays its week out again.
const ZONE = "Europe/Berlin";
const exported = useExport(NOW);


/** Each box's start time as drawn: the problems found (a time broken inside its number or
 * where no space is, or reaching out of its box), and how many boxes sit in lanes. */
function boxTimes(page) {
  return page.evaluate(() => {
    const problems = [];
    let laned = 0;
    const range = document.createRange();
    for (const li of document.querySelectorAll(".wk-day li.ev")) {
      if (!li.matches(".gn1")) laned += 1;
      const time = li.querySelector(":scope > time");
      const text = time.textContent;
      const day = li.closest(".wk-day").dataset.date;
      const what = `${day} ${JSON.stringify(text)} (${[...li.classList].filter((c) => /^g[ln]\d$/.test(c)).join(" ")}, ${Math.round(li.getBoundingClientRect().width)} px)`;
      // Every character's box, in order (the time's text may be more than one node).
      const chars = [];
      const walker = document.createTreeWalker(time, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let k = 0; k < node.length; k++) {
          range.setStart(node, k);
          range.setEnd(node, k + 1);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
          chars.push({ c: node.data[k], rect: rects.length ? range.getBoundingClientRect() : null });
        }
      }
      // The number ("17:00", "5:00") on one line; elsewhere a line may break only at a space
      // ("5:00" over "PM") or beside a character of a language written without spaces ("午後"
      // over "5:00").
      const space = (c) => /^\s$/u.test(c);
      const spaceless = (c) => /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(c);
      const drawn = chars.filter((ch) => !space(ch.c));
      if (drawn.some((ch) => !ch.rect)) {
        problems.push(`${what}: not drawn`);
        continue;
      }
      const digits = chars.map((ch) => /\p{Nd}/u.test(ch.c));
      const [first, last] = [digits.indexOf(true), digits.lastIndexOf(true)];
      for (let k = 1; k < chars.length; k++) {
        const [a, b] = [chars[k - 1], chars[k]];
        if (space(a.c) || space(b.c)) continue;
        const half = Math.min(a.rect.height, b.rect.height) / 2;
        if (Math.abs(a.rect.top - b.rect.top) <= half) continue;
        const inNumber = first < k && k <= last;
        if (inNumber || !(spaceless(a.c) || spaceless(b.c))) {
          problems.push(`${what}: breaks between ${JSON.stringify(a.c)} and ${JSON.stringify(b.c)}`);
        }
      }
      // The box clips at its padding edge (overflow: hidden); half a pixel for rounding.
      const box = li.getBoundingClientRect();
      const inner = {
        left: box.left + li.clientLeft,
        top: box.top + li.clientTop,
        right: box.left + li.clientLeft + li.clientWidth,
        bottom: box.top + li.clientTop + li.clientHeight,
      };
      const out = drawn.filter(({ rect: r }) =>
        r.left < inner.left - 0.5 || r.right > inner.right + 0.5 || r.top < inner.top - 0.5 || r.bottom > inner.bottom + 0.5);
      if (out.length) {
        const r = out[0].rect;
        problems.push(`${what}: ${JSON.stringify(out.map((ch) => ch.c).join(""))} clipped, ` +
          `[${Math.round(r.left)}, ${Math.round(r.right)}] x [${Math.round(r.top)}, ${Math.round(r.bottom)}] ` +
          `outside [${Math.round(inner.left)}, ${Math.round(inner.right)}] x [${Math.round(inner.top)}, ${Math.round(inner.bottom)}]`);
      }
    }
    return { problems, laned };
  });
}

/** A picture of the week's grid alone (the page around it is long at 375 px). */
async function shot(page, name) {
  await page.locator(".wk-scroll").screenshot({ path: join(shots, `${name}.png`) });
}

/** The problems of the current page's boxes, each prefixed with `what`, and one if no box is
 * in a lane (the check would prove nothing). */
async function laneProblems(page, what) {
  const { problems, laned } = await boxTimes(page);
  return [...(laned ? [] : [`${what}: no meetings side by side`]), ...problems.map((p) => `${what}: ${p}`)];
}

for (const locale of LOCALES) {
  test(`can read each box's time whole in the week's lanes at 375 px, in every language, from ${locale}`, async () => {
    const problems = await eachWeekAt375({ locale, zone: ZONE, week: WEEK, exportUrl: exported.url, name: "week-lanes", check: laneProblems, screenshot: shot });
    assert.equal(problems.length, 0, `${problems.length} problems:\n${problems.join("\n")}`);
  });
}
