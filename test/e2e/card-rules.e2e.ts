// Card and receipt, ATM rules (issue 11 item 1; R31, R32) in Chromium. Once 登録, 変更 or 更新 has
// committed, taking the card keeps the result screen: 印刷 and 受付番号を控える still work and the
// receipt reads back. A card left in at the end of a visit (logout or inactivity) keeps
// ICカードをお取りください up until it is removed, then 終了画面; a card left from before is refused
// by the next visit until it is taken out and inserted again.
//
// Independent of the other files (they run in file-name order on one database, this one first): it
// works for 物品 (2000000001) at さいたま市 with DEMO-H and DEMO-B, which no other file registers
// for 物品, and change-renewal.e2e.ts counts only 埼玉県's 物品 cards.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEPT,
  GOODS,
  REP,
  SAITAMA_GOODS,
  chooseAgency,
  fillForm,
  logout,
  receiptNumberOnScreen,
  search,
  swapCards,
  toMenuFor,
  typePin,
} from "./flows";
import {
  cardSeen,
  expectNoProblems,
  insertCard,
  kioskReady,
  launch,
  openKiosk,
  queryAll,
  receiptText,
  removeCard,
} from "./support";

const AGENCY = "さいたま市";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const toMenuAtSaitamaCity = (page: Page) => toMenuFor(page, GOODS, AGENCY);

async function pinFor(page: Page, card: string, pin: string) {
  await page.getByText("ICカードをカードリーダーに差し込んでください").first().waitFor();
  await insertCard(page, card);
  await page.getByText("PIN番号を入力してください").first().waitFor();
  await typePin(page, pin);
}

/**
 * On a result screen: the card comes out and nothing changes but a note (R31); 印刷 works, the
 * 受付番号 is shown large, the receipt PDF reads back; ログアウト → 終了画面 says it was completed.
 */
async function takeCardOnResult(kiosk: Awaited<ReturnType<typeof openKiosk>>, heading: string, card: string) {
  const { page, context } = kiosk;
  const number = await receiptNumberOnScreen(page);
  await removeCard(page, card);
  await page.getByText("ICカードが取り出されました。お手続きは完了しています。").first().waitFor();
  await page.getByRole("heading", { name: heading }).waitFor();
  expect(await page.getByRole("heading", { name: "終了画面" }).count()).toBe(0);

  // 受付番号を控える before 印刷: Chromium's print step can swallow a tap for a moment after it
  const dialog = page.getByRole("dialog", { name: "受付番号を控える" });
  await page.getByRole("button", { name: "受付番号を控える" }).click();
  await expect.poll(() => dialog.getByTestId("receipt-number-large").innerText()).toContain(number);
  await dialog.getByRole("button", { name: "閉じる" }).click();
  await dialog.waitFor({ state: "detached" });

  await page.getByRole("button", { name: "印刷", exact: true }).click();
  await page.getByText("印刷しました").first().waitFor();
  const text = await receiptText(context, number);
  expect(text).toContain(heading);
  expect(text).toContain(number);

  await logout(page);
  // the card is already out: straight to 終了画面, which says the operation was completed
  await page.getByRole("heading", { name: "終了画面" }).waitFor();
  await page.getByText("お手続きは完了しました。").first().waitFor();
  await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
  return number;
}

describe("R31: after the commit, taking the card keeps the result and the receipt", () => {
  it("登録: DEMO-H for 2000000001 at さいたま市", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenuAtSaitamaCity(page);
    await page.getByRole("button", { name: "登録", exact: true }).click();
    await pinFor(page, "DEMO-H", "7777");
    await search(page, SAITAMA_GOODS);
    await fillForm(page, REP, DEPT);
    await page.getByRole("heading", { name: "登録内容確認" }).waitFor();
    await page.getByRole("button", { name: "登録", exact: true }).click();
    await page.getByRole("heading", { name: "利用者情報登録結果" }).waitFor();
    await takeCardOnResult(kiosk, "利用者情報登録結果", "DEMO-H");
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("変更: DEMO-H", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenuAtSaitamaCity(page);
    await page.getByRole("button", { name: "変更", exact: true }).click();
    await pinFor(page, "DEMO-H", "7777");
    await page.getByRole("heading", { name: "利用者変更", exact: true }).waitFor();
    await page.locator('input[name="department.phone"]').fill("048-000-0077");
    await page.getByRole("button", { name: "入力内容確認" }).click();
    await page.getByRole("heading", { name: "変更内容確認" }).waitFor();
    await page.getByRole("button", { name: "変更", exact: true }).click();
    await page.getByRole("heading", { name: "利用者情報変更結果" }).waitFor();
    await takeCardOnResult(kiosk, "利用者情報変更結果", "DEMO-H");
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("更新: DEMO-H → DEMO-B", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenuAtSaitamaCity(page);
    await page.getByRole("button", { name: "ICカード更新", exact: true }).click();
    await page.getByRole("heading", { name: "ICカード更新", exact: true }).waitFor();
    await page.getByRole("button", { name: "OK", exact: true }).click();
    await page.getByText("現在使用しているICカードをカードリーダーに差し込んでください").first().waitFor();
    await insertCard(page, "DEMO-H");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await typePin(page, "7777");
    await swapCards(page, "DEMO-H", "DEMO-B");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await typePin(page, "5678");
    await page.getByRole("heading", { name: "電子証明書更新確認" }).waitFor();
    await page.getByRole("button", { name: "更新", exact: true }).click();
    await page.getByRole("heading", { name: "電子証明書更新結果" }).waitFor();
    await takeCardOnResult(kiosk, "電子証明書更新結果", "DEMO-B");
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });
});

describe("R32: a card left in the reader", () => {
  it("after ログアウト: ICカードをお取りください until it is removed, then 終了画面", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenuAtSaitamaCity(page);
    await page.getByRole("button", { name: "登録", exact: true }).click();
    await page.getByText("ICカードをカードリーダーに差し込んでください").first().waitFor();
    await insertCard(page, "DEMO-F");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await logout(page);
    await page.getByRole("heading", { name: "ICカードをお取りください" }).waitFor();
    // it stays: longer than 終了画面 would (8 s)
    await page.waitForTimeout(10_000);
    expect(await page.getByRole("heading", { name: "ICカードをお取りください" }).count()).toBe(1);
    expect(await page.getByRole("combobox", { name: "調達機関" }).count()).toBe(0);
    await removeCard(page, "DEMO-F");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    await page.getByText("お手続きは完了していません").first().waitFor();
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("after inactivity: ICカードをお取りください until it is removed, then 終了画面", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenuAtSaitamaCity(page);
    await insertCard(page, "DEMO-F");
    // KIOSK_IDLE_SECONDS=30 + 5 s countdown in the e2e terminal (harness.ts)
    await page.getByRole("dialog").getByText(/秒/).first().waitFor({ timeout: 45_000 });
    await page.getByRole("heading", { name: "ICカードをお取りください" }).waitFor({ timeout: 15_000 });
    await removeCard(page, "DEMO-F");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    await page.getByText("一定時間操作がなかったため、手続きを中止しました。").first().waitFor();
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("the next visit refuses a card left from before until it is taken out and inserted again", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenuAtSaitamaCity(page);
    // wait until the kiosk knows of the card, or the logout can come first and find the reader empty
    await insertCard(page, "DEMO-F");
    await cardSeen(page, true);
    await logout(page);
    await page.getByRole("heading", { name: "ICカードをお取りください" }).waitFor();
    // the visit has ended on the server with the card's insertion recorded
    await expect
      .poll(
        () =>
          queryAll<{ left: string | null }>(
            `SELECT cardLeftInsertionId AS "left" FROM KioskSession ORDER BY createdAt DESC LIMIT 1`,
          )[0]?.left ?? null,
      )
      .not.toBeNull();
    // the next bidder reloads the page instead of taking the card: the server still refuses it
    await page.reload();
    await kioskReady(page);
    await chooseAgency(page, AGENCY, GOODS);
    await page.getByText("前のご利用のICカードが差し込まれたままです。").first().waitFor();
    expect(await page.getByRole("button", { name: "利用者登録", exact: true }).count()).toBe(0);
    await removeCard(page, "DEMO-F");
    await insertCard(page, "DEMO-F");
    await chooseAgency(page, AGENCY, GOODS);
    await page.getByRole("button", { name: "利用者登録", exact: true }).waitFor();
    await removeCard(page, "DEMO-F");
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });
});
