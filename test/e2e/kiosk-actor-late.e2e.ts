// Issue 13 item 1: the kiosk actor (xstate and the machines) is not in screen 1's first load; it is
// fetched once the page has hydrated. Here every chunk outside the first load is held back, so the
// bidder's taps land while the actor is still on its way: they must be kept and acted on, in order,
// the moment it runs — nothing a bidder does on screen 1 is lost to the way the page loads.
import type { Browser, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scriptUrls } from "../support/first-load-js";
import { shownMode } from "./axe";
import { emptyReader } from "./cards";
import { chooseAgency, logout } from "./flows";
import { BASE_URL, expectNoProblems, launch, type Kiosk } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const loading = '[data-actor="loading"]';

describe("issue 13 item 1: screen 1 before the kiosk actor has arrived", () => {
  it("特大 and the agency chosen while the actor is held back are acted on once it runs", async () => {
    const firstLoad = new Set(
      scriptUrls(await (await fetch(new URL("/", BASE_URL))).text()).map(
        (url) => new URL(url, BASE_URL).pathname,
      ),
    );
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    await emptyReader(context, BASE_URL);
    const page = await context.newPage();
    const kiosk: Kiosk = { context, page, problems: [] };
    page.on("pageerror", (e) => kiosk.problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") kiosk.problems.push(`console.error: ${m.text()}`);
    });

    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: string[] = [];
    await page.route(
      (url) => /^\/_next\/static\/chunks\/.+\.js$/.test(url.pathname) && !firstLoad.has(url.pathname),
      async (route: Route) => {
        held.push(new URL(route.request().url()).pathname);
        await released;
        await route.continue();
      },
    );
    await page.goto(BASE_URL);
    // hydrated, and the page has asked for the actor's chunk, which is held
    await expect.poll(() => held.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator(loading).count()).toBe(1);

    await page
      .getByRole("group", { name: "文字サイズ" })
      .getByRole("button", { name: "特大", exact: true })
      .click();
    await chooseAgency(page);
    // kept, not yet acted on: screen 1 as it was
    expect(await shownMode(page)).toMatchObject({ textSize: "standard" });
    expect(await page.getByRole("combobox", { name: "調達機関" }).count()).toBe(1);

    release();
    await page.locator('[data-actor="running"]').waitFor({ state: "attached" });
    // the visit started with the agency chosen, in the size chosen before it
    await page.getByRole("button", { name: "利用者登録", exact: true }).waitFor();
    expect(await shownMode(page)).toMatchObject({ textSize: "xlarge" });

    await logout(page);
    expectNoProblems(kiosk);
    await context.close();
  });
});
