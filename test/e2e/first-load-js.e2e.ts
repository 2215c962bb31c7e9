// Issue 13 item 1: the kiosk page's first-load JavaScript, measured on the run's own `next start`
// (the harness's one Turbopack build, no second one): GET / and every script it loads, gzipped
// (test/support/first-load-js.ts, the same count as bench (g)). The top chunks are printed on every
// run. The staff console's pages are reported beside it with a looser ceiling.
import { describe, expect, it } from "vitest";
import {
  describeFirstLoad,
  KIOSK_FIRST_LOAD_BUDGET,
  measureFirstLoad,
  scriptUrls,
} from "../support/first-load-js";
import { staffCookie } from "../support/staff-signin";
import { BASE_URL } from "./support";

/**
 * What this test holds the kiosk page to: the issue's goal (bench (g) reports against the same).
 * Next 16's app-router runtime and React 19 alone are ~132 KB of it; the kiosk actor (xstate and
 * the machines, ~23 KB) comes after hydration (kiosk-actor-late.e2e.ts), so screen 1 is ~144 KB.
 */
const KIOSK_CEILING = KIOSK_FIRST_LOAD_BUDGET;
/** The staff console (Japanese only, a desk PC; ~141 KB measured): reported, and kept from growing unnoticed. */
const STAFF_CEILING = 160 * 1024;

const SELECT_SCREEN = "選択画面（受注者用）";

async function scriptsText(urls: string[]): Promise<string> {
  const bodies = await Promise.all(urls.map(async (u) => (await fetch(new URL(u, BASE_URL))).text()));
  return bodies.join("\n");
}

describe("issue 13 item 1: first-load JavaScript (gzip)", () => {
  it(`the kiosk page (GET /, screen 1): within ${KIOSK_CEILING / 1024} KB (goal ${KIOSK_FIRST_LOAD_BUDGET / 1024} KB)`, async () => {
    const html = await (await fetch(new URL("/", BASE_URL))).text();
    // the page measured is the kiosk's screen 1, not the closed or unavailable page
    expect(html).toContain(SELECT_SCREEN);
    const load = await measureFirstLoad(BASE_URL, "/");
    console.log(describeFirstLoad(load, 14));
    // the framework alone is several scripts: a page that loads next to none was not measured
    expect(load.scripts.length).toBeGreaterThan(4);
    expect(load.gzip, describeFirstLoad(load, 14)).toBeLessThanOrEqual(KIOSK_CEILING);
  });

  it("screen 1 loads no zod, no xstate, no English catalog and no screen of a later step", async () => {
    const text = await scriptsText(scriptUrls(await (await fetch(new URL("/", BASE_URL))).text()));
    // the kiosk's own code is there (the select screen's heading) …
    expect(text).toContain(SELECT_SCREEN);
    // … but not zod's core, the English catalog, the PIN keypad (a flow's screen) or the search
    // form's rules (app/_shared/form-rules.ts, loaded with the flows)
    expect(text).not.toContain("$ZodType");
    // xstate's own event names, and the kiosk machine's id
    expect(text).not.toContain("xstate.init");
    expect(text).not.toContain('id:"kiosk"');
    expect(text).not.toContain("User ID [ユーザID]");
    expect(text).not.toContain("PIN番号入力キー");
    expect(text).not.toContain("商号又は名称");
  });

  it(`the staff console: /staff/signin and /staff signed in, each within ${STAFF_CEILING / 1024} KB`, async () => {
    const signin = await measureFirstLoad(BASE_URL, "/staff/signin");
    const console_ = await measureFirstLoad(BASE_URL, "/staff", await staffCookie(BASE_URL));
    for (const load of [signin, console_]) {
      console.log(describeFirstLoad(load, 8));
      expect(load.gzip, describeFirstLoad(load, 8)).toBeLessThanOrEqual(STAFF_CEILING);
    }
  });
});
