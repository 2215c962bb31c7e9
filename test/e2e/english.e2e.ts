// The English UI in the browser (issue 11 item 7): on every screen of 登録, 変更 and ICカード更新,
// their refusals and messages, the visit's end and the next visit's start, the header's English
// switch turns every text English (the manual's terms kept in [brackets], recorded data marked
// lang="ja"), and 日本語 turns it back. The walk runs on a terminal of its own (fresh database and
// demo PKI), so its registrations never meet the other files'.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectEnglishHere } from "./english";
import {
  DEPT,
  REP,
  SAITAMA,
  fillForm,
  insertAtPin,
  logout,
  search,
  startChange,
  startRenewal,
  swapCards,
  toMenu,
  typePin,
} from "./flows";
import { prepareTerminal } from "./harness";
import { root, startKioskServer, type KioskServer } from "./servers";
import { expectNoProblems, insertCard, launch, openKiosk, removeCard } from "./support";

let browser: Browser;
let server: KioskServer;
beforeAll(async () => {
  const env = await prepareTerminal(path.join(root, "test-results/e2e-english"));
  server = await startKioskServer(env, path.join(root, "test-results/e2e-english/server.log"));
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

const heading = (page: Page, name: string) => page.getByRole("heading", { name, exact: true }).waitFor();

describe("English on every kiosk screen (issue 11 item 7)", () => {
  it("登録: select, top, menu, refusals, PIN with its message, search with its message, form with field errors, confirm, result, take-card, end", async () => {
    const kiosk = await openKiosk(browser, server.baseUrl);
    const { page } = kiosk;
    await page.getByRole("combobox", { name: "調達機関" }).waitFor();
    await expectEnglishHere(page, "select (screen 1)");
    await page.getByRole("combobox", { name: "調達機関" }).selectOption({ label: "埼玉県" });
    await page.getByRole("button", { name: "建設工事、設計・調査・測量、土木施設維持管理" }).click();
    await page.getByRole("button", { name: "利用者登録", exact: true }).waitFor();
    await expectEnglishHere(page, "entry");
    await page.getByRole("button", { name: "利用者登録", exact: true }).click();
    await page.getByRole("button", { name: "利用者登録処理" }).waitFor();
    await expectEnglishHere(page, "top (受注者トップ)");
    await page.getByRole("button", { name: "利用者登録処理" }).click();
    await heading(page, "利用者登録メニュー");
    await expectEnglishHere(page, "menu");

    // a refused card: the pre-flight's refusal screen, then the card out
    await insertAtPin(page, "DEMO-D");
    await page.getByText("ICカードの有効期限が切れています").first().waitFor();
    await expectEnglishHere(page, "refusal (expired card, R18)");
    await removeCard(page, "DEMO-D");
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 30_000 });

    await toMenu(page);
    await insertAtPin(page, "DEMO-A");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await expectEnglishHere(page, "PIN");
    await typePin(page, "9999");
    await page.getByText("PIN番号が正しくありません").first().waitFor();
    await expectEnglishHere(page, "PIN with the wrong-PIN message");
    await typePin(page, "1234");
    await search(page, { ...SAITAMA, password: "Wrong123" });
    await page.locator(".notice.error[role=alert]").first().waitFor();
    await expectEnglishHere(page, "search with a failed search's message (R11 checklist)");
    await search(page, SAITAMA);
    await heading(page, "利用者登録");
    await expectEnglishHere(page, "form");
    await page.getByRole("button", { name: "入力内容確認" }).click();
    await page.locator(".field-error").first().waitFor();
    await expectEnglishHere(page, "form with field errors");
    await fillForm(page, REP, DEPT);
    await heading(page, "登録内容確認");
    await expectEnglishHere(page, "confirm");
    await page.getByRole("button", { name: "登録", exact: true }).click();
    await heading(page, "利用者情報登録結果");
    await expectEnglishHere(page, "result");
    await logout(page);
    await heading(page, "ICカードをお取りください");
    await expectEnglishHere(page, "take your card (R32)");
    await removeCard(page, "DEMO-A");
    await heading(page, "終了画面");
    await expectEnglishHere(page, "end");
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("変更 and ICカード更新: PIN, form, confirm, result; notice, swap, new card, confirm, result", async () => {
    const kiosk = await openKiosk(browser, server.baseUrl);
    const { page } = kiosk;
    await toMenu(page);
    await startChange(page, "DEMO-A", "1234");
    await heading(page, "利用者変更");
    await expectEnglishHere(page, "change form");
    await page.locator('input[name="department.personName"]').fill("大宮 二郎");
    await page.getByRole("button", { name: "入力内容確認" }).click();
    await heading(page, "変更内容確認");
    await expectEnglishHere(page, "change confirm");
    await page.getByRole("button", { name: "変更", exact: true }).click();
    await heading(page, "利用者情報変更結果");
    await expectEnglishHere(page, "change result");
    await logout(page);
    await removeCard(page, "DEMO-A");
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 30_000 });

    await toMenu(page);
    await startRenewal(page);
    await expectEnglishHere(page, "renewal: insert the card in use");
    await insertCard(page, "DEMO-A");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await typePin(page, "1234");
    await page
      .getByText("現在使用しているICカードを取り出し、新しいICカードを差し込んでください")
      .first()
      .waitFor();
    await expectEnglishHere(page, "renewal: swap");
    await swapCards(page, "DEMO-A", "DEMO-C");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await expectEnglishHere(page, "renewal: the new card's PIN");
    await typePin(page, "1111");
    await heading(page, "電子証明書更新確認");
    await expectEnglishHere(page, "renewal confirm");
    await page.getByRole("button", { name: "更新", exact: true }).click();
    await heading(page, "電子証明書更新結果");
    await expectEnglishHere(page, "renewal result");
    await logout(page);
    await removeCard(page, "DEMO-C");
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 30_000 });

    // the replaced card is told what happened (a dead end no more), in English too
    await toMenu(page);
    await insertAtPin(page, "DEMO-A");
    await page.getByText("このICカードは更新により無効になりました").first().waitFor();
    await expectEnglishHere(page, "refusal (replaced card)");
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("a bidder who reads no Japanese: English from screen 1 to the menu by the English names, and the next visit starts in Japanese", async () => {
    const kiosk = await openKiosk(browser, server.baseUrl);
    const { page } = kiosk;
    await page.getByRole("button", { name: "English", exact: true }).click();
    await page
      .getByRole("combobox", { name: "Contracting agency [調達機関]" })
      .selectOption({ label: "埼玉県" });
    await page.getByRole("button", { name: /Construction, design/ }).click();
    await page.getByRole("button", { name: "User registration [利用者登録]", exact: true }).click();
    await page.getByRole("button", { name: "Start user registration [利用者登録処理]" }).click();
    await heading(page, "User registration menu");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.getByRole("button", { name: "Log out" }).first().click();
    await page.getByRole("dialog").getByRole("button", { name: "OK" }).click();
    await heading(page, "End");
    // the visit's language is the bidder's: the next one starts in Japanese (issue 11 item 7)
    await page.getByRole("combobox", { name: "調達機関" }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ja");
    await page.getByRole("button", { name: "English", exact: true }).waitFor();
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });
});
