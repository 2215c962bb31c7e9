// Access modes in the browser (issue 11 item 7): 文字サイズ 標準・大・特大 and 高コントラスト from the
// header of every screen, kept through the visit and reset for the next bidder; axe (WCAG 2.2 AA)
// finds nothing on any screen of the 登録 flow in any mode. The flow registers DEMO-E to 1000000005
// (工事), which no other browser suite uses, so the suites after this one start as before.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeInEveryMode, axeViolations, setAccessMode, shownMode } from "./axe";
import { DEPT, REP, fillForm, insertAtPin, logout, search, toMenu, typePin } from "./flows";
import { expectNoProblems, launch, openKiosk, removeCard } from "./support";

const KAWAGUCHI = { officialName: "川口設備株式会社", userId: "1000000005", password: "Kawagu05" };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const STANDARD = { textSize: "standard", contrast: "standard", fontSize: "20px" };

describe("access modes in the browser (issue 11 item 7)", () => {
  it("switches 文字サイズ and 高コントラスト on any screen, keeps them through the visit, resets them for the next", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await page.getByRole("combobox", { name: "調達機関" }).waitFor();
    expect(await shownMode(page)).toEqual(STANDARD);

    await setAccessMode(page, { size: "特大", highContrast: true });
    expect(await shownMode(page)).toEqual({ textSize: "xlarge", contrast: "high", fontSize: "30px" });
    await toMenu(page);
    expect(await shownMode(page), "kept from screen 1 to the menu").toEqual({
      textSize: "xlarge",
      contrast: "high",
      fontSize: "30px",
    });
    await setAccessMode(page, { size: "大", highContrast: true });
    await page.getByRole("button", { name: "登録", exact: true }).click();
    await page.getByText("ICカードをカードリーダーに差し込んでください").first().waitFor();
    expect(await shownMode(page), "kept into the flow").toEqual({
      textSize: "large",
      contrast: "high",
      fontSize: "25px",
    });
    await expect
      .poll(() => page.getByRole("button", { name: "大", exact: true }).getAttribute("aria-pressed"))
      .toBe("true");

    await logout(page);
    expect(await shownMode(page), "the bidder still reads 終了画面 in their size").toMatchObject({
      textSize: "large",
    });
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });
    expect(await shownMode(page), "the next bidder starts standard").toEqual(STANDARD);
    expect(await page.getByRole("button", { name: "標準", exact: true }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(await page.getByRole("button", { name: "高コントラスト" }).getAttribute("aria-pressed")).toBe(
      "false",
    );
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("axe (WCAG 2.2 AA) finds 0 violations on every screen of 登録, its refusals and dialogs, in every mode", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    const found: string[] = [];
    const check = (screen: string) => axeInEveryMode(page, screen, found);

    await page.getByRole("combobox", { name: "調達機関" }).waitFor();
    await check("調達機関・業務選択");
    await page.getByRole("combobox", { name: "調達機関" }).selectOption({ label: "埼玉県" });
    await page.getByRole("button", { name: "建設工事、設計・調査・測量、土木施設維持管理" }).click();
    await page.getByRole("button", { name: "利用者登録", exact: true }).waitFor();
    await check("利用者登録／電子入札選択");
    await page.getByRole("button", { name: "利用者登録", exact: true }).click();
    await page.getByRole("button", { name: "利用者登録処理" }).waitFor();
    await check("受注者トップ");
    await page.getByRole("button", { name: "利用者登録処理" }).click();
    await page.getByRole("heading", { name: "利用者登録メニュー" }).waitFor();
    await check("利用者登録メニュー");

    await insertAtPin(page, "DEMO-E");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await check("PIN番号入力");
    await typePin(page, "9999");
    await page
      .getByText(/残り|残りの回数/)
      .first()
      .waitFor();
    await check("PIN番号入力（誤り）");
    await typePin(page, "3333");

    await page.getByRole("heading", { name: "競争入札参加資格審査情報検索" }).waitFor();
    await check("資格審査情報検索");
    await search(page, { ...KAWAGUCHI, password: "Kawagu99" });
    await page.getByText("資格審査情報が登録されていません").first().waitFor();
    await check("資格審査情報検索（該当なし, R11）");
    await search(page, KAWAGUCHI);

    await page.getByRole("heading", { name: "利用者登録", exact: true }).waitFor();
    await check("利用者登録（入力）");
    await page.getByRole("button", { name: "入力内容確認" }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await check("利用者登録（入力誤り）");
    await fillForm(page, REP, DEPT);
    // R17: the card is 株式会社さいたま建設's, the qualification 川口設備株式会社's
    await page.getByRole("dialog", { name: "ICカードの名義を確認してください" }).waitFor();
    await check("ICカードの名義（R17）");
    await page.getByRole("button", { name: "確認しました" }).click();

    await page.getByRole("heading", { name: "登録内容確認" }).waitFor();
    await check("登録内容確認");
    await page.getByRole("button", { name: "登録", exact: true }).click();
    await page.getByRole("heading", { name: "利用者情報登録結果" }).waitFor();
    await check("利用者情報登録結果");

    await page.getByRole("button", { name: "ログアウト" }).first().click();
    await page.getByRole("dialog").filter({ hasText: "ログアウトしますか" }).waitFor();
    await check("ログアウトの確認");
    await page.getByRole("dialog").getByRole("button", { name: "OK" }).click();
    // the card still in the reader: ICカードをお取りください until it is out (R32), then 終了画面
    await page.getByRole("heading", { name: "ICカードをお取りください" }).waitFor();
    await check("ICカードをお取りください");
    await removeCard(page, "DEMO-E");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    await check("終了画面");
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 20_000 });

    // R1: the same card again is refused on insertion, before any PIN
    await toMenu(page);
    await insertAtPin(page, "DEMO-E");
    await page.getByText("既に登録されています").first().waitFor();
    await check("既に登録されています（R1）");
    await removeCard(page, "DEMO-E");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    await check("終了画面（ICカード取り出し）");

    expect(found).toEqual([]);
    // the check is live: a line the kiosk never draws (light grey on white) is found at once
    await page.evaluate(() => {
      const line = document.createElement("p");
      line.textContent = "確認用の薄い文字";
      line.style.cssText = "color: #c8c8c8; background: #fff";
      document.body.append(line);
    });
    expect((await axeViolations(page)).some((v) => v.startsWith("color-contrast"))).toBe(true);
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });
});
