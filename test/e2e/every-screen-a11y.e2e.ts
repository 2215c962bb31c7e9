// Every kiosk screen beyond 登録 (issue 11 items 4 and 7), in Chromium: axe (WCAG 2.2 AA) finds
// nothing on the 変更 and ICカード更新 screens, the search-limit end, 係員を呼ぶ, the idle
// countdown, and the pages met without a visit (closed R23, no reader), in 標準, 大, 特大,
// 高コントラスト and English; and each screen of 変更 and 更新 opens at its top with the focus on its <h1>.
//
// A terminal of its own (own SQLite file, PKI and reader, test-results/every-screen): 登録, 変更 and
// 更新 of DEMO-A → DEMO-C for 1000000001 need cards no other file may have registered, and the
// countdown needs a server with a short idle time.
import Database from "better-sqlite3";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { axeInEveryMode, setAccessMode, setLanguage, shownMode } from "./axe";
import { untranslated } from "./english";
import {
  DEPT,
  REP,
  SAITAMA,
  chooseAgency,
  fillForm,
  logout,
  search,
  startRegistration,
  swapCards,
  toMenu,
  typePin,
} from "./flows";
import { prepareTerminal } from "./harness";
import { landsOn } from "./screen-checks";
import { root, startKioskServer, type KioskServer } from "./servers";
import { cardSeen, expectNoProblems, insertCard, launch, openKiosk, removeCard, type Kiosk } from "./support";

const DIR = path.join(root, "test-results/every-screen");

let browser: Browser;
let terminal: Record<string, string>;
beforeAll(async () => {
  terminal = await prepareTerminal(path.join(DIR, "terminal"));
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** Failed searches recorded in this file's own database. */
function attempts(): number {
  const conn = new Database(terminal.DATABASE_URL!.slice("file:".length), { readonly: true });
  try {
    return (conn.prepare("SELECT count(*) AS n FROM SearchAttempt").get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

/** `next start` for this file's terminal with `env` over it, stopped after `use`. */
async function withServer(name: string, env: Record<string, string>, use: (s: KioskServer) => Promise<void>) {
  const server = await startKioskServer({ ...terminal, ...env }, path.join(DIR, `${name}-server.log`));
  try {
    await use(server);
  } finally {
    server.stop();
  }
}

/** The reader empty again as the kiosk sees it, so the next insertion is not read as a swap. */
async function takeOut(page: Page, card: string) {
  await removeCard(page, card);
  await cardSeen(page, false);
}

async function endVisit(page: Page, card: string) {
  await logout(page);
  await page.getByRole("heading", { name: "ICカードをお取りください" }).waitFor();
  await takeOut(page, card);
  await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
}

describe("every kiosk screen, every mode (issue 11 items 4 and 7)", () => {
  it("変更, ICカード更新, 係員を呼ぶ and the search-limit end: the focus on each screen's h1, axe finds nothing in any mode", async () => {
    await withServer("flows", {}, async (server) => {
      const kiosk = await openKiosk(browser, server.baseUrl);
      const { page } = kiosk;
      const found: string[] = [];
      onTestFailed(() => console.log(`axe so far:\n${found.join("\n")}`));
      /** The heading has the focus first: switching modes moves it to the header's buttons. */
      const screen = async (heading: string, name = heading) => {
        await landsOn(page, heading);
        await axeInEveryMode(page, name, found);
      };

      // DEMO-A registered for 1000000001, so that 変更 and 更新 have a card to work on
      await toMenu(page);
      await startRegistration(page, "DEMO-A", "1234");
      await search(page, SAITAMA);
      await fillForm(page, REP, DEPT);
      await page.getByRole("heading", { name: "登録内容確認" }).waitFor();
      await page.getByRole("button", { name: "登録", exact: true }).click();
      await page.getByRole("heading", { name: "利用者情報登録結果" }).waitFor();
      await endVisit(page, "DEMO-A");

      // 変更
      await toMenu(page);
      await page.getByRole("button", { name: "変更", exact: true }).click();
      await screen("PIN番号入力", "変更: PIN番号入力（ICカード待ち）");
      await insertCard(page, "DEMO-A");
      await page.getByText("PIN番号を入力してください").first().waitFor();
      await axeInEveryMode(page, "変更: PIN番号入力", found);
      await typePin(page, "1234");
      await screen("利用者変更");
      await page.locator('input[name="department.personName"]').fill("大宮 二郎");
      await page.getByRole("button", { name: "入力内容確認" }).click();
      await screen("変更内容確認");
      await page.getByRole("checkbox", { name: "他の調達機関にも変更を自動反映する" }).check();
      await axeInEveryMode(page, "変更内容確認（他の調達機関にも反映）", found);
      await page.getByRole("button", { name: "変更", exact: true }).click();
      await screen("利用者情報変更結果");
      await endVisit(page, "DEMO-A");

      // ICカード更新: DEMO-A → DEMO-C
      await toMenu(page);
      await page.getByRole("button", { name: "ICカード更新", exact: true }).click();
      await screen("ICカード更新", "ICカード更新（お知らせ）");
      await page.getByRole("button", { name: "OK", exact: true }).click();
      await screen("古いICカードの確認", "古いICカードの確認（ICカード待ち）");
      await insertCard(page, "DEMO-A");
      await page.getByText("PIN番号を入力してください").first().waitFor();
      await axeInEveryMode(page, "古いICカードの確認（PIN番号）", found);
      await typePin(page, "1234");
      await screen("新しいICカードの確認", "ICカードの差し替え");
      await swapCards(page, "DEMO-A", "DEMO-C");
      // the card in: the focus moves on to the PIN entry, as on every PIN screen
      await page.getByText("PIN番号を入力してください").first().waitFor();
      await axeInEveryMode(page, "新しいICカードの確認（PIN番号）", found);
      await typePin(page, "1111");
      await screen("電子証明書更新確認");
      await page.getByRole("button", { name: "更新", exact: true }).click();
      await screen("電子証明書更新結果");

      // 係員を呼ぶ: the call is recorded and the notice stays until staff answer it
      await page.getByRole("button", { name: "係員を呼ぶ" }).click();
      await page.getByText("係員をお呼びしました").first().waitFor();
      await axeInEveryMode(page, "係員を呼ぶ（お呼びしました）", found);
      await endVisit(page, "DEMO-C");

      // R11: the 5th failed search ends the visit with the manual's checklist
      await toMenu(page);
      await startRegistration(page, "DEMO-B", "5678");
      for (let i = 0; i < 5; i++) {
        const before = attempts();
        await search(page, { ...SAITAMA, userId: `19999991${i}0` });
        await expect.poll(attempts, { timeout: 15_000 }).toBe(before + 1);
      }
      await screen("受付を終了します", "検索上限（R11）");
      await page.getByRole("button", { name: "終了する" }).click();
      await page.getByRole("heading", { name: /^(終了画面|ICカードをお取りください)$/ }).waitFor();
      await takeOut(page, "DEMO-B");

      expect(found).toEqual([]);
      expectNoProblems(kiosk);
      await kiosk.context.close();
    });
  }, 600_000);

  it("the idle countdown: axe finds nothing on 操作がありません in any mode", async () => {
    // the countdown long enough for axe in every mode before the visit would end
    const idle = { KIOSK_IDLE_SECONDS: "10", KIOSK_IDLE_WARNING_SECONDS: "300" };
    await withServer("idle", idle, async (server) => {
      const kiosk = await openKiosk(browser, server.baseUrl);
      const { page } = kiosk;
      const found: string[] = [];
      await chooseAgency(page);
      await page.getByRole("button", { name: "利用者登録", exact: true }).waitFor();
      const warning = page.getByRole("dialog").getByRole("timer");
      // a tap on the header is activity and closes the countdown: one mode per wait for it
      for (const mode of ["標準", "大", "特大", "高コントラスト", "English"] as const) {
        await axeInEveryMode(page, "操作がありません", found, {
          only: mode,
          before: () => warning.waitFor({ timeout: 30_000 }),
        });
      }
      expect(found).toEqual([]);
      expectNoProblems(kiosk);
      await kiosk.context.close();
    });
  }, 300_000);

  it("R23 closed and no-reader pages: the header's switches change the page, English reads English, axe finds nothing in any mode, a reload starts standard", async () => {
    const found: string[] = [];
    onTestFailed(() => console.log(`axe so far:\n${found.join("\n")}`));
    /** The page as a bidder meets it: no visit, so no reader to empty first (openKiosk's step 404s here). */
    const check = async (baseUrl: string, heading: RegExp, english: RegExp, name: string) => {
      const context = await browser.newContext({
        locale: "ja-JP",
        timezoneId: "Asia/Tokyo",
        viewport: { width: 1600, height: 1000 },
      });
      const page = await context.newPage();
      const kiosk: Kiosk = { context, page, problems: [] };
      page.on("pageerror", (e) => kiosk.problems.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error") kiosk.problems.push(`console.error: ${m.text()}`);
      });
      page.on("response", (r) => {
        if (r.status() >= 500) kiosk.problems.push(`HTTP ${r.status()} ${r.url()}`);
      });
      await page.goto(baseUrl);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor({ timeout: 30_000 });
      expect(await shownMode(page)).toMatchObject({ textSize: "standard", contrast: "standard" });

      // the switches work on this page as in a visit
      await setAccessMode(page, { size: "特大", highContrast: true });
      expect(await shownMode(page)).toMatchObject({ textSize: "xlarge", contrast: "high" });
      await setAccessMode(page, { size: "標準", highContrast: false });
      expect(await shownMode(page)).toMatchObject({ textSize: "standard", contrast: "standard" });
      await setLanguage(page, "en");
      await page.getByRole("heading", { level: 1, name: english }).waitFor();
      expect(await untranslated(page), `${name} in English`).toEqual([]);
      await setLanguage(page, "ja");

      await axeInEveryMode(page, name, found);

      // nothing is kept: a reload is the standard page in Japanese again
      await setAccessMode(page, { size: "大", highContrast: true });
      await setLanguage(page, "en");
      await page.reload();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor({ timeout: 30_000 });
      expect(await shownMode(page)).toMatchObject({ textSize: "standard", contrast: "standard" });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("ja");

      expectNoProblems(kiosk);
      await context.close();
    };
    // a terminal staff have not opened (R23): 受付準備中, or 受付時間外 when the run is outside hours
    await withServer("closed", { TERMINAL_ID: "E2E-NOT-OPENED" }, async (server) => {
      await check(
        server.baseUrl,
        /受付準備中|受付時間外/,
        /not open yet|closed now/,
        "受付準備中・受付時間外",
      );
    });
    await withServer("no-reader", { CARD_DRIVER: "none" }, async (server) => {
      await check(
        server.baseUrl,
        /カードリーダーがありません/,
        /has no IC card reader/,
        "カードリーダーなし",
      );
    });
    expect(found).toEqual([]);
  }, 300_000);
});
