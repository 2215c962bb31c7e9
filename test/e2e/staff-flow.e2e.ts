// A helpdesk day in the browser (issue 5): staff sign in on the terminal, close and reopen it for
// walk-ins (R23: a reason when outside hours), leave it signed out; a walk-in registers; staff at
// the console find the operation, reprint its receipt, see its email in the outbox and, after the
// nightly batch runs on demand, its reflection to the other agency (R21). It registers DEMO-G,
// which pin-safety.e2e.ts needs unregistered: the suites run in file-name order, this one after it.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STAFF } from "@/prisma/demo-data";
import { DEPT, REP, fillForm, logout, search, startRegistration, toMenu } from "./flows";
import { BASE_URL, expectNoProblems, launch, openKiosk, queryAll, receiptText, removeCard } from "./support";

const KUMAGAI = { officialName: "熊谷工業株式会社", userId: "1000000004", password: "Kumagai4" };
// by reference, so a failure's code frame in the log never shows the password (the leak scan)
const STAFF01 = DEMO_STAFF.find((s) => s.login === "staff01")!;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  // the other browser suites need walk-ins let in: if this one stopped with the terminal closed,
  // open it again the way the harness did
  const open = queryAll<{ n: number }>(`SELECT count(*) AS n FROM TerminalOpening WHERE closedAt IS NULL`);
  if (open[0]!.n === 0) {
    const cli = path.resolve(__dirname, "../../app/_server/cli/terminal-open.ts");
    const tsx = path.resolve(__dirname, "../../node_modules/.bin/tsx");
    execFileSync(tsx, [cli, "--staff", "staff01", "--reason", "ブラウザテスト（npm test）"], {
      env: process.env,
    });
  }
});

async function signIn(page: Page, path: string): Promise<void> {
  await page.goto(`${BASE_URL}/staff/signin?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("ログイン名").fill(STAFF01.login);
  await page.getByLabel("パスワード").fill(STAFF01.password);
  const submit = page.getByRole("button", { name: "サインイン" });
  await expect.poll(() => submit.isEnabled()).toBe(true);
  await submit.click();
  await page.waitForURL((url) => url.pathname === path, { timeout: 20_000 });
}

describe("staff and a walk-in", () => {
  it("staff open the terminal, a walk-in registers, staff reprint it and see its email and reflection", async () => {
    // --- on the terminal: the 係員用 link, sign in, close, the kiosk is closed, open again
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await page.getByRole("link", { name: "係員用" }).click();
    await page.waitForURL(/\/staff\/signin/);
    await signIn(page, "/staff/terminal");
    await page.getByRole("heading", { name: "端末の開始・終了" }).waitFor();
    await page.getByRole("button", { name: "受付を終了" }).click();
    await page.getByRole("button", { name: "受付を開始" }).waitFor();

    await page.goto(BASE_URL);
    // in hours: not opened; outside them (the suite runs at any hour): the hours and next opening
    await page
      .getByText(/係員にお声がけください|ただいま受付時間外です/)
      .first()
      .waitFor();
    expect(await page.getByRole("combobox", { name: "調達機関" }).count()).toBe(0);

    await page.goto(`${BASE_URL}/staff/terminal`);
    const reason = page.getByLabel(/受付時間外に開始する理由/);
    if ((await reason.count()) > 0) {
      // outside 8:30–20:00 on a weekday (the suite runs at any hour): the override needs a reason
      // the browser holds the form back while the required reason is empty
      expect(await reason.evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
      await reason.fill("来庁者対応（自動テスト）");
    }
    await page.getByRole("button", { name: "受付を開始" }).click();
    await page.getByRole("button", { name: "キオスク画面へ（サインアウト）" }).click();
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
    // the kiosk keeps no staff session
    await page.goto(`${BASE_URL}/staff`);
    await page.waitForURL(/\/staff\/signin/);
    await page.goto(BASE_URL);

    const opening = queryAll<{ login: string; overrideReason: string | null }>(
      `SELECT s.login, o.overrideReason FROM TerminalOpening o JOIN StaffUser s ON s.id = o.openedById
       WHERE o.closedAt IS NULL`,
    );
    expect(opening).toHaveLength(1);
    expect(opening[0]!.login).toBe("staff01");

    // --- the walk-in: DEMO-G for 1000000004 at 埼玉県 (熊谷市 follows by the nightly batch)
    await toMenu(page);
    await startRegistration(page, "DEMO-G", "6666");
    await search(page, KUMAGAI);
    await fillForm(page, REP, DEPT);
    await page.getByRole("heading", { name: "登録内容確認" }).waitFor();
    await page.getByRole("button", { name: "登録", exact: true }).click();
    await page.getByRole("heading", { name: "利用者情報登録結果" }).waitFor();
    const number = /\d{8}-\d{4}/.exec(await page.locator("main").innerText())?.[0];
    expect(number, "the done screen shows the 受付番号").toBeDefined();
    await logout(page);
    await removeCard(page, "DEMO-G");
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
    expectNoProblems(kiosk);
    await kiosk.context.close();

    // --- the console (another browser: the helpdesk PC)
    const staff = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const console_ = await staff.newPage();
    const problems: string[] = [];
    console_.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    console_.on("console", (m) => {
      if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
    });
    await signIn(console_, "/staff");
    await console_.getByRole("link", { name: number! }).first().click();
    await console_.waitForURL(new RegExp(`/staff/receipts/${number}`));
    await expect.poll(() => console_.getByText("熊谷工業株式会社").count()).toBeGreaterThan(0);
    // who let the walk-in in
    await expect.poll(() => console_.getByText(/（staff01）/).count()).toBeGreaterThan(0);

    // reprint: the staff member's session opens the PDF; a browser without it is refused
    const reprint = console_.getByRole("link", { name: "受付票を再印刷" });
    expect(await reprint.getAttribute("href")).toBe(`/receipts/${number}`);
    const pdf = await receiptText(staff, number!);
    expect(pdf).toContain(number!);
    expect(pdf).toContain("1000000004");
    const stranger = await browser.newContext();
    expect((await stranger.request.get(`${BASE_URL}/receipts/${number}`)).status()).toBe(403);
    await stranger.close();
    const reprints = queryAll<{ n: number }>(
      `SELECT count(*) AS n FROM AuditLog WHERE action = 'receipt.reprint' AND staffLogin = 'staff01'`,
    );
    expect(reprints[0]!.n).toBeGreaterThan(0);

    // the email, in the outbox
    await console_.goto(`${BASE_URL}/staff/outbox`);
    await console_.getByRole("heading", { name: "メール送信状況" }).waitFor();
    const row = console_.getByRole("row").filter({ hasText: number! });
    await expect.poll(() => row.count()).toBeGreaterThan(0);
    expect(await row.first().innerText()).toContain(DEPT.email);
    expect(await row.first().innerText()).toContain("利用者登録のお知らせ");

    // R21: 熊谷市 waits for the nightly batch; run it now and the receipt page says so
    const agencies = () => console_.locator("section[aria-labelledby='receipt-agencies']").innerText();
    await console_.goto(`${BASE_URL}/staff/receipts/${number}`);
    expect(await agencies()).toMatch(/熊谷市\s+反映待ち/);
    await console_.goto(`${BASE_URL}/staff/batch`);
    await console_.getByRole("button", { name: "今すぐ実行" }).click();
    await expect
      .poll(() => console_.locator(".staff-notice").count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await console_.goto(`${BASE_URL}/staff/receipts/${number}`);
    expect(await agencies()).toMatch(/熊谷市\s+反映済み/);

    expect(problems).toEqual([]);
    await staff.close();
  });
});
