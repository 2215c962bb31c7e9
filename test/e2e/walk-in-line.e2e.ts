// The walk-in line's remaining "Why" items of issue 11 as a bidder and a staff member meet them, on
// a terminal of its own (fresh database and demo PKI): the end screen's words after a card pulled
// mid-flow, the manual's text on screen 1, the menu, the search and the 登録 result, a second
// submit of the same visit with other input (another tab) told that its input was dropped, a
// card replaced by 更新 told so with no 登録 offered, and 再送 only for an email that was tried.
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STAFF } from "@/prisma/demo-data";
import {
  DEPT,
  REP,
  SAITAMA,
  fillForm,
  insertAtPin,
  logout,
  search,
  startRegistration,
  startRenewal,
  swapCards,
  toMenu,
  typePin,
} from "./flows";
import { prepareTerminal } from "./harness";
import { root, startKioskServer, type KioskServer } from "./servers";
import { expectNoProblems, insertCard, launch, openKiosk, removeCard } from "./support";

const DIR = path.join(root, "test-results/e2e-walk-in-line");
let browser: Browser;
let server: KioskServer;
let dbFile: string;
beforeAll(async () => {
  const env = await prepareTerminal(DIR);
  dbFile = env.DATABASE_URL!.slice("file:".length);
  server = await startKioskServer(env, path.join(DIR, "server.log"));
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

function count(sql: string): number {
  const conn = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (conn.prepare(sql).get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

const shows = (page: Page, text: string) =>
  expect.poll(() => page.getByText(text, { exact: false }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
const backToScreen1 = (page: Page) =>
  page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 30_000 });

describe("the walk-in line (issue 11 Why)", () => {
  it("a card pulled mid-flow: 終了画面 says the procedure stopped and nothing was saved, not ご利用ありがとうございました", async () => {
    const kiosk = await openKiosk(browser, server.baseUrl);
    const { page } = kiosk;
    await toMenu(page);
    await insertAtPin(page, "DEMO-B");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await removeCard(page, "DEMO-B");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    await shows(page, "ICカードが取り出されたため、手続きを中止しました。");
    await shows(page, "お手続きは完了していません。");
    expect(await page.getByText("ご利用ありがとうございました").count()).toBe(0);
    await backToScreen1(page);
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("the manual's text: screen 1's note on agencies added at 更新申請, the menu's 項目説明, the search's 項目詳細 (入札審査課, A支店→B支店), the 登録 result's note; a second submit of the visit with other input is told its input was dropped", async () => {
    const kiosk = await openKiosk(browser, server.baseUrl);
    const { page, context } = kiosk;
    await backToScreen1(page);
    await shows(page, "更新申請で申請自治体を追加した場合は");
    await toMenu(page);
    await shows(page, "項目説明");
    await shows(page, "使用するICカードを「電子入札システム」に登録する機能です。");
    await startRegistration(page, "DEMO-A", "1234");
    await page.getByRole("heading", { name: "競争入札参加資格審査情報検索" }).waitFor();
    await shows(page, "項目詳細");
    await shows(page, "埼玉県入札審査課");
    await shows(page, "A支店の契約権限を新設されたB支店に移譲し、A支店を抹消する場合");
    await search(page, SAITAMA);
    await fillForm(page, REP, DEPT);
    await page.getByRole("heading", { name: "登録内容確認" }).waitFor();

    // the 登録 as this tab sends it; then the same visit's submit with other input, as a second
    // tab of the same visit would send it after this one completed
    const sent = page.waitForRequest(
      (r: Request) =>
        r.method() === "POST" && !!r.headers()["next-action"] && !!r.postData()?.includes(DEPT.email),
    );
    await page.getByRole("button", { name: "登録", exact: true }).click();
    const request = await sent;
    await page.getByRole("heading", { name: "利用者情報登録結果" }).waitFor();
    await shows(page, "すぐに「電子入札システム」をご利用される場合は");
    const registrations = count(`SELECT count(*) AS n FROM CardRegistration`);
    const other = (request.postData() ?? "").split(DEPT.email).join("other-tab@saitama-kensetsu.example.jp");
    const answer = await context.request.post(request.url(), {
      headers: {
        "next-action": request.headers()["next-action"]!,
        "content-type": request.headers()["content-type"] ?? "text/plain;charset=UTF-8",
        accept: "text/x-component",
      },
      data: other,
    });
    expect(answer.status()).toBe(200);
    const body = await answer.text();
    expect(body).toContain("alreadyDone");
    expect(body).toContain("この画面で入力した内容は登録されていません");
    expect(count(`SELECT count(*) AS n FROM CardRegistration`)).toBe(registrations);
    expect(
      count(`SELECT count(*) AS n FROM OutboxEmail WHERE "to" = 'other-tab@saitama-kensetsu.example.jp'`),
    ).toBe(0);
    await logout(page);
    await removeCard(page, "DEMO-A");
    await backToScreen1(page);
    expectNoProblems(kiosk);
    await context.close();
  });

  it("a card replaced by 更新 is told so and offered no 登録 (no dead end)", async () => {
    const kiosk = await openKiosk(browser, server.baseUrl);
    const { page } = kiosk;
    await toMenu(page);
    await startRenewal(page);
    await insertCard(page, "DEMO-A");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await typePin(page, "1234");
    await swapCards(page, "DEMO-A", "DEMO-C");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await typePin(page, "1111");
    await page.getByRole("heading", { name: "電子証明書更新確認" }).waitFor();
    await page.getByRole("button", { name: "更新", exact: true }).click();
    await page.getByRole("heading", { name: "電子証明書更新結果" }).waitFor();
    await logout(page);
    await removeCard(page, "DEMO-C");
    await backToScreen1(page);

    await toMenu(page);
    await insertAtPin(page, "DEMO-A");
    await shows(page, "このICカードは更新により無効になりました。新しいICカードをお使いください。");
    expect(await page.getByRole("button", { name: "登録へ進む" }).count()).toBe(0);
    expect(await page.getByRole("group", { name: "PIN番号入力キー" }).count()).toBe(0);
    await removeCard(page, "DEMO-A");
    await backToScreen1(page);
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("the staff outbox offers no 再送 for an email never tried (it goes out in turn)", async () => {
    const staff = DEMO_STAFF.find((s) => s.login === "staff01")!;
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/staff/signin?callbackUrl=${encodeURIComponent("/staff/outbox")}`);
    await page.getByLabel("ログイン名").fill(staff.login);
    await page.getByLabel("パスワード").fill(staff.password);
    await page.getByRole("button", { name: "サインイン" }).click();
    await page.waitForURL((url) => url.pathname === "/staff/outbox", { timeout: 20_000 });
    // this terminal has no Resend settings: the emails of the visits above were never tried
    expect(count(`SELECT count(*) AS n FROM OutboxEmail WHERE attempts = 0`)).toBeGreaterThan(0);
    await shows(page, "未送信（順次送信されます）");
    expect(await page.getByRole("button", { name: /^再送/ }).count()).toBe(0);
    await context.close();
  });
});
