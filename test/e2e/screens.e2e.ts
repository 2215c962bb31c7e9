// Screen changes a person and a screen reader can follow (issue 11 item 4), in Chromium: on each
// screen of 登録 the focus is on the new <h1> and the page is at its top; the PIN screen keeps OK and
// every key on the screen with a wrong-PIN message; a lapsed user ID (R15) names its successor and
// offers no way on with this ID. The walk registers DEMO-C to 1000000004 (工事): no other browser
// suite registers DEMO-C for 工事, and 1000000004 takes a second card (its 代表窓口情報 is asked only
// at the first, which fillForm follows), so the file order does not matter. DEMO-C is
// 株式会社さいたま建設's card, so the R17 mismatch shows on the form at once.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAccessMode } from "./axe";
import { DEPT, REP, chooseAgency, fillForm, search, typePin } from "./flows";
import { keypadInView, landsOn } from "./screen-checks";
import { expectNoProblems, insertCard, launch, openKiosk, removeCard } from "./support";

const SELECT = "「調達機関・建設工事、設計・調査・測量、土木施設維持管理／物品等」選択画面（受注者用）";
const CARD = "DEMO-C";
const PIN = "1111";
const LAPSED = { officialName: "熊谷工業株式会社", userId: "1000000003", password: "Kumagai3" };
const KUMAGAI = { officialName: "熊谷工業株式会社", userId: "1000000004", password: "Kumagai4" };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("screen changes in the browser (issue 11 item 4)", () => {
  it("登録 at 1920×1080: focus on each screen's h1 at the top; the PIN keypad stays in view with a message, also in 大 and 特大 at 1280×1024; R15 and R17 on the way", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole("heading", { level: 1, name: SELECT }).waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    await chooseAgency(page);
    await landsOn(page, "利用者登録／電子入札選択");
    await page.getByRole("button", { name: "利用者登録", exact: true }).click();
    await landsOn(page, "利用者登録（受注者）");
    await page
      .getByText(/\d{4}年\d{2}月\d{2}日 \d{2}時\d{2}分/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "利用者登録処理" }).click();
    await landsOn(page, "利用者登録メニュー");
    await page.getByRole("button", { name: "登録", exact: true }).click();
    await landsOn(page, "PIN番号入力");

    // a wrong PIN: the message, the tries left, and still OK and every key on the screen
    await insertCard(page, CARD);
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await typePin(page, "9999");
    await page.locator("#pin-error").waitFor();
    expect(await keypadInView(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 1024 });
    expect(await keypadInView(page)).toEqual([]);
    // the larger text sizes keep them on the screen too, at 1280×1024 and at 1920×1080
    for (const size of ["大", "特大"] as const) {
      await setAccessMode(page, { size, highContrast: false });
      expect(await keypadInView(page), `${size} at 1280×1024`).toEqual([]);
      await page.setViewportSize({ width: 1920, height: 1080 });
      expect(await keypadInView(page), `${size} at 1920×1080`).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 1024 });
    }
    await setAccessMode(page, { size: "標準", highContrast: false });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await typePin(page, PIN);
    await landsOn(page, "競争入札参加資格審査情報検索");

    // R15: a lapsed user ID names its successor; nothing offers to go on with the lapsed one
    await search(page, LAPSED);
    await page.getByText("このユーザIDの競争入札参加資格は失効しています。").first().waitFor();
    await page
      .getByText(/新しいユーザID: 1000000004/)
      .first()
      .waitFor();
    expect(await page.getByRole("button", { name: /登録へ進む/ }).count()).toBe(0);

    await search(page, KUMAGAI);
    await landsOn(page, "利用者登録");
    // R17: the mismatch is on the form from its arrival, before anything is typed
    const notice = page.getByRole("note", { name: /一致しません/ });
    await notice.waitFor();
    expect(await notice.innerText()).toContain("熊谷工業株式会社");
    await page.getByRole("checkbox", { name: "ICカードの名義に誤りがないことを確認しました" }).check();
    await fillForm(page, REP, DEPT);
    // 登録内容確認 opens at its top with its heading in view, though 入力内容確認 was at the bottom
    await landsOn(page, "登録内容確認");
    expect(await page.getByRole("dialog").count()).toBe(0);
    await page.getByRole("button", { name: "登録", exact: true }).click();
    await landsOn(page, "利用者情報登録結果");

    await page.getByRole("button", { name: "ログアウト" }).first().click();
    await page.getByRole("dialog").getByRole("button", { name: "OK" }).click();
    await landsOn(page, "ICカードをお取りください");
    await removeCard(page, CARD);
    await landsOn(page, "終了画面");
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
    await landsOn(page, SELECT);
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });
});
