// 変更 and ICカード更新 end to end in Debian Chromium (§3.2, §3.3), for 物品 at 埼玉県 (user ID
// 2000000001, agencies 埼玉県 and さいたま市): the tests build on each other in this order —
// 登録 DEMO-A, 変更 DEMO-A, 更新 DEMO-A → DEMO-C, then the refusals.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEPT,
  GOODS,
  REP,
  SAITAMA_GOODS,
  fillForm,
  logout,
  receiptNumberOnScreen,
  search,
  startChange,
  startRegistration,
  startRenewal,
  swapCards,
  toMenuFor,
  typePin,
} from "./flows";
import {
  expectNoProblems,
  insertCard,
  launch,
  openKiosk,
  queryAll,
  receiptText,
  removeCard,
} from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Email = { to: string; subject: string; text: string };
const lastEmail = () =>
  queryAll<Email>(`SELECT "to", subject, text FROM OutboxEmail ORDER BY createdAt DESC LIMIT 1`)[0];
const goodsCards = () =>
  queryAll<{ holderName: string; status: string; replacedById: string | null; notBefore: number }>(
    // 埼玉県 only: card-rules.e2e.ts (run before this file) registers 物品 cards at さいたま市
    `SELECT holderName, status, replacedById, notBefore FROM CardRegistration WHERE kind = 'goods'
       AND agencyId = (SELECT id FROM Agency WHERE code = '110000') ORDER BY createdAt`,
  );

async function shows(page: Page, text: string | RegExp) {
  await expect.poll(() => page.getByText(text).count()).toBeGreaterThan(0);
}

describe("変更 in the browser", () => {
  it("DEMO-A registered for 物品, then 変更: prefilled form, 変更内容確認, result, receipt, email", async () => {
    const kiosk = await openKiosk(browser);
    const { page, context } = kiosk;
    await toMenuFor(page, GOODS);
    await startRegistration(page, "DEMO-A", "1234");
    await search(page, SAITAMA_GOODS);
    await fillForm(page, REP, DEPT);
    await page.getByRole("heading", { name: "登録内容確認" }).waitFor();
    await page.getByRole("button", { name: "登録", exact: true }).click();
    await page.getByRole("heading", { name: "利用者情報登録結果" }).waitFor();
    await logout(page);
    await removeCard(page, "DEMO-A");
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });

    await toMenuFor(page, GOODS);
    await startChange(page, "DEMO-A", "1234");
    await page.getByRole("heading", { name: "利用者変更", exact: true }).waitFor();
    const field = (name: string) => page.locator(`input[name="${name}"]`);
    // both contact blocks come prefilled from the registration
    expect(await field("representative.email").inputValue()).toBe(REP.email);
    expect(await field("department.email").inputValue()).toBe(DEPT.email);
    expect(await field("department.personName").inputValue()).toBe(DEPT.personName);
    const newEmail = "keiyaku@saitama-kensetsu.example.jp";
    await field("department.personName").fill("大宮 二郎");
    await field("department.email").fill(newEmail);
    await field("department.emailConfirm").fill(newEmail);
    await field("representative.phone").fill("048-000-0009");
    await page.getByRole("button", { name: "入力内容確認" }).click();

    await page.getByRole("heading", { name: "変更内容確認" }).waitFor();
    await shows(page, "大宮 二郎");
    await shows(page, "048-000-0009");
    await shows(page, "OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP");
    await shows(page, /（10進）／ [0-9a-f]+（16進）/);
    const propagate = page.getByRole("checkbox", { name: "他の調達機関にも変更を自動反映する" });
    expect(await propagate.isChecked()).toBe(false);
    await propagate.check();
    await page.getByRole("button", { name: "変更", exact: true }).click();

    await page.getByRole("heading", { name: "利用者情報変更結果" }).waitFor();
    const number = await receiptNumberOnScreen(page);
    const propagation = page.getByTestId("propagation");
    await expect.poll(() => propagation.innerText()).toMatch(/埼玉県：反映済み/);
    await expect.poll(() => propagation.innerText()).toMatch(/さいたま市：本日の夜間処理で自動反映/);

    const text = await receiptText(context, number);
    expect(text).toContain("利用者情報変更結果");
    expect(text).toContain(number);
    expect(text).toContain("2000000001");
    expect(text).toContain("大宮 二郎");
    expect(lastEmail()).toMatchObject({ to: newEmail, subject: "利用者変更のお知らせ" });
    expect(lastEmail()!.text).toContain("大宮 二郎");

    await page.getByRole("button", { name: "印刷", exact: true }).click();
    await page.getByText("印刷しました").first().waitFor();
    await logout(page);
    await removeCard(page, "DEMO-A");
    expectNoProblems(kiosk);
    await context.close();
  });
});

describe("ICカード更新 in the browser", () => {
  it("DEMO-A → DEMO-C: notice, old PIN, swap, new PIN, both cards side by side, result; DEMO-A can no longer 変更 (R12)", async () => {
    const kiosk = await openKiosk(browser);
    const { page, context } = kiosk;
    await toMenuFor(page, GOODS);
    await startRenewal(page);
    await insertCard(page, "DEMO-A");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await typePin(page, "1234");
    await swapCards(page, "DEMO-A", "DEMO-C");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await typePin(page, "1111");

    await page.getByRole("heading", { name: "電子証明書更新確認" }).waitFor();
    for (const side of ["renewal-old", "renewal-new"]) {
      const card = page.getByTestId(side);
      await expect.poll(() => card.innerText()).toContain("株式会社さいたま建設 さいたま支店");
      await expect.poll(() => card.innerText()).toMatch(/\d+ \(10進\) \/ [0-9a-f]+ \(16進\)/);
      await expect.poll(() => card.innerText()).toContain("OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP");
    }
    const oldSerial = /(\d+) \(10進\)/.exec(await page.getByTestId("renewal-old").innerText())?.[1];
    const newSerial = /(\d+) \(10進\)/.exec(await page.getByTestId("renewal-new").innerText())?.[1];
    expect(oldSerial).not.toBe(newSerial);
    await page.getByRole("button", { name: "更新", exact: true }).click();

    await page.getByRole("heading", { name: "電子証明書更新結果" }).waitFor();
    await shows(page, /旧カード）は、使用できなくなりました/);
    await expect
      .poll(() => page.getByTestId("propagation").innerText())
      .toContain("他の調達機関には反映しません");
    const number = await receiptNumberOnScreen(page);
    const text = await receiptText(context, number);
    expect(text).toContain("電子証明書更新結果");
    expect(text).toContain(newSerial!);
    expect(lastEmail()).toMatchObject({ subject: "ICカード更新のお知らせ" });
    const cards = goodsCards();
    expect(cards.map((c) => c.status)).toEqual(["replaced", "active"]);
    expect(cards[0]!.replacedById).not.toBeNull();
    await logout(page);
    await removeCard(page, "DEMO-C");
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });

    // R12: the old card is refused for 変更, before any PIN
    await toMenuFor(page, GOODS);
    await page.getByRole("button", { name: "変更", exact: true }).click();
    await insertCard(page, "DEMO-A");
    await page.getByRole("heading", { name: "このICカードは更新により無効になりました" }).waitFor();
    await shows(page, "このICカードは更新により無効になりました。新しいICカードをお使いください。");
    expect(await page.getByRole("button", { name: "登録へ進む" }).count(), "R1: no 登録 with it").toBe(0);
    expect(await page.getByRole("group", { name: "PIN番号入力キー" }).count()).toBe(0);
    await removeCard(page, "DEMO-A");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    expectNoProblems(kiosk);
    await context.close();
  });

  it("DEMO-D (expired) as the card in use lands on the 登録 guidance; 登録へ進む asks for the new card (R13)", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    const before = goodsCards().length;
    await toMenuFor(page, GOODS);
    await startRenewal(page);
    await insertCard(page, "DEMO-D");
    await page.getByRole("heading", { name: "現在使用しているICカードの有効期限が切れています" }).waitFor();
    await shows(page, /「登録」ボタンで登録してください/);
    expect(await page.getByRole("group", { name: "PIN番号入力キー" }).count()).toBe(0);
    await page.getByRole("button", { name: "登録へ進む" }).click();
    // not 登録 with the expired card (it would be refused again): out with it, in with the new one
    await page.getByRole("heading", { name: "新しいICカードを「登録」します" }).waitFor();
    await removeCard(page, "DEMO-D");
    // a card no suite registers (DEMO-C is the new card of the 更新 above, registered for 物品 by now)
    await insertCard(page, "DEMO-F");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await shows(page, "資格情報検索");
    expect(goodsCards().length, "nothing is written on a refusal").toBe(before);
    await removeCard(page, "DEMO-F");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("DEMO-E (another CA) as the new card lands on the 登録 guidance; 登録へ進む asks for its PIN", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    const before = goodsCards();
    await toMenuFor(page, GOODS);
    await startRenewal(page);
    await insertCard(page, "DEMO-C");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await typePin(page, "1111");
    await swapCards(page, "DEMO-C", "DEMO-E");
    await page.getByRole("heading", { name: "認証局が異なるため、ICカード更新はできません" }).waitFor();
    await shows(page, /認証局が異なる場合は「?登録」?ボタンで登録してください/);
    await page.getByRole("button", { name: "登録へ進む" }).click();
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await shows(page, "資格情報検索");
    expect(goodsCards(), "nothing is written on a refusal").toEqual(before);
    await removeCard(page, "DEMO-E");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });
});
