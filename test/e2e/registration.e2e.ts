// 利用者登録 end to end in Debian Chromium against `next build && next start` (§3.1).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARD_DRIVER } from "./cards";
import {
  logout,
  DEPT,
  REP,
  SAITAMA,
  fillForm,
  insertAtPin,
  search,
  startRegistration,
  toMenu,
  typePin,
} from "./flows";
import { expectNoProblems, launch, openKiosk, queryAll, receiptText, removeCard } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("登録 in the browser", () => {
  it("registers DEMO-A to 1000000001: every screen, receipt, email, logout, end screen", async () => {
    const kiosk = await openKiosk(browser);
    const { page, context } = kiosk;
    await toMenu(page);
    await startRegistration(page, "DEMO-A", "1234");
    await search(page, SAITAMA);
    await fillForm(page, REP, DEPT);

    await page.getByRole("heading", { name: "登録内容確認" }).waitFor();
    await expect.poll(() => page.getByText("株式会社さいたま建設 さいたま支店").count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText("OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP").count())
      .toBeGreaterThan(0);
    await page.getByRole("button", { name: "登録", exact: true }).click();

    await page.getByRole("heading", { name: "利用者情報登録結果" }).waitFor();
    const body = await page.locator("main").innerText();
    const number = /\d{8}-\d{4}/.exec(body)?.[0];
    expect(number, "the done screen shows the 受付番号").toBeDefined();

    const text = await receiptText(context, number!);
    expect(text).toContain("株式会社さいたま建設 さいたま支店");
    expect(text).toContain("1000000001");
    expect(text).toContain(number!);

    const emails = queryAll<{ to: string; subject: string; text: string }>(
      `SELECT "to", subject, text FROM OutboxEmail ORDER BY createdAt DESC LIMIT 1`,
    );
    expect(emails[0]).toMatchObject({ to: DEPT.email, subject: "利用者登録のお知らせ" });
    expect(emails[0]!.text).toContain("浦和 一郎");

    await page.getByRole("button", { name: "印刷", exact: true }).click();
    await page.getByText("印刷しました").first().waitFor();
    // the logout dialog (OK) and the end screen; see logout() for the tap right after printing
    await logout(page);
    await expect.poll(() => page.getByText("ICカードの取り忘れにご注意ください").count()).toBeGreaterThan(0);
    await removeCard(page, "DEMO-A");
    // back to screen 1 by itself
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
    expectNoProblems(kiosk);
    await context.close();
  });

  it("DEMO-A again → 既に登録されています (R1) on insertion, before any PIN", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenu(page);
    await insertAtPin(page, "DEMO-A");
    await page.getByText("既に登録されています").first().waitFor();
    expect(await page.getByRole("group", { name: "PIN番号入力キー" }).count()).toBe(0);
    await expect
      .poll(() => page.getByText("挿入されているICカードの利用者は既に登録されています").count())
      .toBeGreaterThan(0);
    await removeCard(page, "DEMO-A");
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("a wrong PIN shows the remaining tries (R30)", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenu(page);
    await startRegistration(page, "DEMO-B", "9999");
    // the simulated card counts its tries; SoftHSM2 only says "count low" (CKF_USER_PIN_COUNT_LOW)
    const remaining = CARD_DRIVER === "simulated" ? /残り\s*2\s*回/ : /残りの回数が少なく/;
    await page.getByText(remaining).first().waitFor();
    await typePin(page, "5678");
    await page.getByRole("heading", { name: "競争入札参加資格審査情報検索" }).waitFor();
    await removeCard(page, "DEMO-B");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("full-width digits in ユーザID are an input error before searching (R10)", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenu(page);
    await startRegistration(page, "DEMO-H", "7777");
    const before = queryAll<{ n: number }>(`SELECT count(*) AS n FROM SearchAttempt`)[0]!.n;
    await search(page, { ...SAITAMA, userId: "１０００００００01" });
    await page.getByText(/半角/).first().waitFor();
    await expect.poll(() => page.getByLabel("ユーザID").getAttribute("aria-invalid")).toBe("true");
    expect(queryAll<{ n: number }>(`SELECT count(*) AS n FROM SearchAttempt`)[0]!.n).toBe(before);
    await removeCard(page, "DEMO-H");
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("inactivity returns to the start with no bidder data in the page or in storage (R32)", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenu(page);
    await startRegistration(page, "DEMO-H", "7777");
    await search(page, SAITAMA);
    await page.getByRole("heading", { name: "利用者登録", exact: true }).waitFor();
    // KIOSK_IDLE_SECONDS=30 + 5 s countdown in the e2e terminal (harness.ts)
    await page.getByRole("dialog").getByText(/秒/).first().waitFor({ timeout: 45_000 });
    // the card is still in: ICカードをお取りください stays until it is out, then 終了画面 → screen 1
    await page.getByRole("heading", { name: "ICカードをお取りください" }).waitFor({ timeout: 15_000 });
    const html = await page.content();
    for (const secret of ["株式会社さいたま建設 さいたま支店", "1000000001", "Saitama1", "330-0063"]) {
      expect(html).not.toContain(secret);
    }
    const storage = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(storage).toBe("{}{}");
    await removeCard(page, "DEMO-H");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    await page.getByText("一定時間操作がなかったため、手続きを中止しました。").first().waitFor();
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });
});
