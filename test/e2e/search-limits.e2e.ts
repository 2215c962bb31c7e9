// R11 in the browser (issue 11): the search limit protects a user ID without locking the line.
// One bidder's 5 failed searches end that visit (the checklist, then 終了画面) and the next bidder
// at the same terminal searches as usual; a user ID locked by 5 failures is lifted by staff from
// the console (audited with who and why) and the bidder beside them then searches.
// DEMO-F: no other browser suite uses it; a search needs no registration, so it stays unregistered.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STAFF } from "@/prisma/demo-data";
import { search, startRegistration, toMenu } from "./flows";
import { BASE_URL, expectNoProblems, launch, openKiosk, queryAll, removeCard } from "./support";

const CARD = "DEMO-F";
const PIN = "4444";
const SAITAMA = { officialName: "株式会社さいたま建設", userId: "1000000001", password: "Saitama1" };
// by reference, so a failure's code frame in the log never shows the password (the leak scan)
const STAFF01 = DEMO_STAFF.find((s) => s.login === "staff01")!;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const attempts = (userId: string) =>
  queryAll<{ n: number }>(`SELECT count(*) AS n FROM SearchAttempt WHERE userId = ?`, userId)[0]!.n;

/** A search that fails: waits until the server has recorded it. */
async function failedSearch(page: Page, login: typeof SAITAMA) {
  const before = attempts(login.userId);
  await search(page, login);
  await expect.poll(() => attempts(login.userId), { timeout: 15_000 }).toBe(before + 1);
}

/** The search screen's answer to the right credentials: the 利用者登録 form (or the R17 warning). */
async function searchSucceeds(page: Page) {
  await search(page, SAITAMA);
  await page.getByRole("heading", { name: "利用者登録", exact: true }).waitFor({ timeout: 20_000 });
}

describe("search limits (R11)", () => {
  it("R11: 5 failed searches end the visit; the next bidder at the same terminal searches successfully", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenu(page);
    await startRegistration(page, CARD, PIN);
    for (let i = 0; i < 4; i++) {
      await failedSearch(page, { ...SAITAMA, userId: `19999990${i}0` });
      await page.getByText("資格審査情報が登録されていません").first().waitFor();
    }
    await search(page, { ...SAITAMA, userId: "1999999050" });
    await page.getByRole("heading", { name: "受付を終了します" }).waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.getByText(/検索に5回失敗したため、受付を終了します/).count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId("search-limit-checklist").innerText())
      .toContain("パスワードを更新した当日");
    await page.getByRole("button", { name: "終了する" }).click();
    // the visit has ended: no search screen any more, whatever the end screen asks of the card
    await page.getByRole("heading", { name: "受付を終了します" }).waitFor({ state: "detached" });
    expect(await page.getByRole("heading", { name: "競争入札参加資格審査情報検索" }).count()).toBe(0);
    await removeCard(page, CARD);
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });

    // the next bidder at this terminal: not locked out by the one before
    await toMenu(page);
    await startRegistration(page, CARD, PIN);
    await searchSucceeds(page);
    await removeCard(page, CARD);
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("R11: staff lift a user ID's lock from the console; the bidder then searches", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    // 5 wrong passwords for one user ID: that visit ends and the user ID is locked
    await toMenu(page);
    await startRegistration(page, CARD, PIN);
    for (let i = 0; i < 4; i++) await failedSearch(page, { ...SAITAMA, password: `Wrong00${i}` });
    await search(page, { ...SAITAMA, password: "Wrong004" });
    await page.getByRole("heading", { name: "受付を終了します" }).waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "終了する" }).click();
    await removeCard(page, CARD);
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
    await toMenu(page);
    await startRegistration(page, CARD, PIN);
    await search(page, SAITAMA);
    await page
      .getByText(/しばらく検索できません/)
      .first()
      .waitFor({ timeout: 15_000 });

    // staff at the console: 検索ロック lists the user ID; the lift needs a reason
    const staff = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const console_ = await staff.newPage();
    await console_.goto(`${BASE_URL}/staff/signin?callbackUrl=${encodeURIComponent("/staff/search-locks")}`);
    await console_.getByLabel("ログイン名").fill(STAFF01.login);
    await console_.getByLabel("パスワード").fill(STAFF01.password);
    const submit = console_.getByRole("button", { name: "サインイン" });
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await submit.click();
    await console_.getByRole("heading", { name: "検索ロック", exact: true }).waitFor({ timeout: 20_000 });
    await console_.getByRole("cell", { name: SAITAMA.userId }).waitFor();
    await console_.getByRole("textbox", { name: "ユーザID（半角数字10桁）" }).fill(SAITAMA.userId);
    await console_.getByRole("textbox", { name: /解除の理由/ }).fill("窓口で本人確認のうえ解除");
    await console_.getByRole("button", { name: "検索ロックを解除" }).click();
    await console_.getByText(`ユーザID ${SAITAMA.userId} の検索ロックを解除しました。`).waitFor();
    await console_.getByText("検索ロック中のユーザIDはありません。").waitFor();
    const audited = queryAll<{ staffLogin: string; detail: string }>(
      `SELECT staffLogin, detail FROM AuditLog WHERE action = 'search.unlock' AND userId = ?`,
      SAITAMA.userId,
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]!.staffLogin).toBe("staff01");
    expect(JSON.parse(audited[0]!.detail)).toEqual({ reason: "窓口で本人確認のうえ解除" });
    await staff.close();

    // the bidder beside them searches again in the same visit
    await searchSucceeds(page);
    await removeCard(page, CARD);
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });
});
