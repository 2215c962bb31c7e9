// Issue 13 item 5: the kiosk page hears of the reader from the server's event stream
// (GET /api/card/events), and falls back to polling GET /api/card when the stream is refused.
// What is asserted is where the page learned it, not how fast (bench (i) times it).
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAtPin, toMenu } from "./flows";
import { expectNoProblems, kioskReady, launch, openKiosk, removeCard } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const keypad = (page: Page) => page.getByRole("group", { name: "PIN番号入力キー" });
const isPoll = (url: URL) => url.pathname === "/api/card";

describe("card events pushed to the page (issue 13 item 5)", () => {
  it("with every poll answering 'no card', the insertion and the removal still reach the page: by the stream", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    let polls = 0;
    // a poll could only ever tell the page that the reader is empty
    await page.route(isPoll, (route: Route) => {
      polls += 1;
      return route.fulfill({ json: { present: false, insertionId: null } });
    });
    await toMenu(page);
    await page.locator('body[data-card="absent"][data-card-feed="stream"]').waitFor({ state: "attached" });
    const pollsBefore = polls;
    await insertAtPin(page, "DEMO-B");
    await keypad(page).waitFor();
    await removeCard(page, "DEMO-B");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    // the stream was open throughout: no poll was made while the card went in and out
    expect(polls).toBe(pollsBefore);
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("with the stream refused, polling still brings the insertion and the removal", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    let streams = 0;
    // 204: the server says "no stream here" and the browser stops reconnecting (HTML standard)
    await page.route(
      (url) => url.pathname === "/api/card/events",
      (route: Route) => {
        streams += 1;
        return route.fulfill({ status: 204, body: "" });
      },
    );
    const polled = page.waitForResponse((r) => isPoll(new URL(r.url())));
    // the page opened its stream as it loaded (openKiosk waits for the kiosk to be ready): load it
    // again with the stream refused from the start
    await page.reload();
    await kioskReady(page);
    await toMenu(page);
    await polled;
    await page.locator('body[data-card-feed="polling"]').waitFor({ state: "attached" });
    await insertAtPin(page, "DEMO-B");
    await keypad(page).waitFor();
    await removeCard(page, "DEMO-B");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    expect(streams).toBeGreaterThan(0);
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });
});
