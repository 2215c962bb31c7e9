// The English receipt in Chromium (issue 11 item 7, R41): the kiosk prints in the visit's language.
// A 登録 is done, then the header's "English" is pressed on the result screen and 印刷 fetches
// /receipts/<受付番号>?lang=en — what the print button got is read back with pdftotext; back in
// 日本語, 再印刷 prints the Japanese receipt as before. The language is switched on the result
// screen, not at screen 1, so the steps before it read the same whichever screens speak English.
//
// It registers DEMO-E for 物品 to 2000000001 at 埼玉県: no other file registers DEMO-E for 物品
// (change-renewal.e2e.ts only swaps it in and is refused), the files after this one use
// 2000000001 only on their own database (two-terminals.e2e.ts), and change-renewal.e2e.ts, which
// counts 埼玉県's 物品 cards, runs before it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page, Response } from "playwright-core";
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
  startRegistration,
  toMenuFor,
} from "./flows";
import { expectNoProblems, launch, openKiosk, removeCard } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Presses a print button and reads back the PDF at the URL the kiosk itself fetched for it (asked
 * again with the visit's cookies: Chromium does not hand out the body the page read as a blob).
 */
async function printed(page: Page, button: RegExp): Promise<{ url: string; text: string }> {
  // Right after a print, Chromium's print step (--kiosk-printing) can swallow a tap on the page for
  // a moment, as it would a person's (see flows.ts logout): like the person, tap again.
  let response: Response | undefined;
  for (let tap = 0; tap < 3 && !response; tap++) {
    [response] = await Promise.all([
      page
        .waitForResponse((r) => new URL(r.url()).pathname.startsWith("/receipts/"), { timeout: 10_000 })
        .catch(() => undefined),
      page.getByRole("button", { name: button }).click(),
    ]);
  }
  if (!response) throw new Error(`no receipt was fetched after three taps on ${button}`);
  expect(response.status()).toBe(200);
  const again = await page.context().request.get(response.url());
  expect(again.status()).toBe(200);
  expect(again.headers()["content-type"]).toBe("application/pdf");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-receipt-"));
  const file = path.join(dir, "receipt.pdf");
  fs.writeFileSync(file, await again.body());
  try {
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    // the printed notice: the print step is over before the next tap
    await page.locator('p.notice[role="status"]').first().waitFor();
    return { url: response.url(), text };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const shownLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** The header's language switch; tapped again if Chromium's print step swallowed the tap. */
async function switchTo(page: Page, button: string, lang: string) {
  for (let tap = 0; tap < 3 && (await shownLang(page)) !== lang; tap++) {
    await page.getByRole("button", { name: button, exact: true }).click();
    await expect
      .poll(() => shownLang(page), { timeout: 3_000 })
      .toBe(lang)
      .catch(() => undefined);
  }
  expect(await shownLang(page)).toBe(lang);
}

const outsideBrackets = (text: string) => text.replace(/\[[^[\]]*\]/g, "");

describe("the English receipt (issue 11 item 7)", () => {
  it("R41: an English visit prints the English receipt; back in 日本語 the reprint is Japanese", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenuFor(page, GOODS);
    await startRegistration(page, "DEMO-E", "3333");
    await search(page, SAITAMA_GOODS);
    await fillForm(page, REP, DEPT);
    await page.getByRole("heading", { name: "登録内容確認" }).waitFor();
    await page.getByRole("button", { name: "登録", exact: true }).click();
    await page.getByRole("heading", { name: "利用者情報登録結果" }).waitFor();
    const number = await receiptNumberOnScreen(page);

    await switchTo(page, "English", "en");
    // 印刷 in Japanese until the result screen is translated, Print… after
    const english = await printed(page, /^(印刷$|Print)/);
    expect(english.url).toMatch(new RegExp(`/receipts/${number}\\?lang=en$`));
    const flat = english.text.replace(/\s+/g, " ");
    for (const words of [
      "User registration result [利用者情報登録結果]",
      `Receipt number [受付番号] : ${number}`,
      "Contracting agency [調達機関] : 埼玉県",
      "Business category [業務区分] : Goods and services [物品等]",
      "User ID [ユーザID] : 2000000001",
      "Company name [業者名] : 株式会社さいたま建設 さいたま支店",
      "IC card holder's name [ICカード取得者氏名] : 埼玉 太郎",
      "Certificate issuer [証明書発行者] : OU=Demo Commercial CA G2,O=DEMO-CA,C=JP",
      "Please do not forget your IC card.",
    ]) {
      expect(flat).toContain(words);
    }
    expect(flat).toMatch(
      /Issued \[発行日時\] : \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d{2}:\d{2}/,
    );
    for (const japaneseLabel of ["受付番号", "発行日時", "業者名", "証明書有効期限", "利用者情報登録結果"]) {
      expect(outsideBrackets(english.text)).not.toContain(japaneseLabel);
    }

    await switchTo(page, "日本語", "ja");
    const japanese = await printed(page, /^再印刷$/);
    expect(japanese.url).toMatch(new RegExp(`/receipts/${number}$`));
    expect(japanese.text).toContain("利用者情報登録結果");
    expect(japanese.text).toMatch(new RegExp(`受付番号\\s+: ${number}`));
    expect(japanese.text).not.toContain("Receipt number");

    await logout(page);
    await page.getByRole("heading", { name: "ICカードをお取りください" }).waitFor();
    await removeCard(page, "DEMO-E");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });
});
