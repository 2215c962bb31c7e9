// Issue 3 in the browser: the pre-flight card check says at once what is wrong with a card, before
// any PIN is asked (a refused card never costs a try), and the kiosk stops after two wrong PINs on
// one insertion so the card keeps its last tries.
import fs from "node:fs";
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAtPin, toMenu, typePin } from "./flows";
import { expectNoProblems, launch, openKiosk, queryAll, removeCard } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const keypad = (page: Page) => page.getByRole("group", { name: "PIN番号入力キー" });
const proofAttempts = () =>
  queryAll<{ n: number }>(`SELECT count(*) AS n FROM AuditLog WHERE action = 'card.proof'`)[0]!.n;

describe("pre-flight card check, before any PIN", () => {
  it.each([
    ["DEMO-X", "このICカードは使用できません", "認証局が発行したものではありません", "偽 太郎"],
    ["DEMO-D", "ICカードの有効期限が切れています", "有効期限が切れたICカードは使用できません", "埼玉 太郎"],
  ])("%s is refused on insertion: %s", async (card, title, message, holder) => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    const before = proofAttempts();
    await toMenu(page);
    await insertAtPin(page, card);
    await page.getByRole("heading", { name: title }).waitFor();
    await expect.poll(() => page.getByText(message).count()).toBeGreaterThan(0);
    // the refusal names the card it read
    await expect.poll(() => page.getByText(holder, { exact: true }).count()).toBeGreaterThan(0);
    expect(await keypad(page).count()).toBe(0);
    expect(proofAttempts(), "no PIN was tried on the card").toBe(before);
    await removeCard(page, card);
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });

  it("DEMO-H shows whose card it is and warns it expires within 30 days, then asks for the PIN (R18)", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenu(page);
    await insertAtPin(page, "DEMO-H");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    const facts = page.getByTestId("card-facts");
    for (const text of [
      "ICカード取得者氏名",
      "埼玉 太郎",
      "株式会社さいたま建設",
      "OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP",
      "証明書有効期限",
    ])
      await expect.poll(() => facts.getByText(text, { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId("card-notices").innerText()).toMatch(/有効期限は残り\d+日です/);
    expect(await keypad(page).count()).toBe(1);
    await removeCard(page, "DEMO-H");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    expectNoProblems(kiosk);
    await kiosk.context.close();
  });
});

describe("the kiosk's PIN cap", () => {
  it("stops after two wrong PINs with the PIN通知書等 message; the card is not locked", async () => {
    const kiosk = await openKiosk(browser);
    const { page } = kiosk;
    await toMenu(page);
    await insertAtPin(page, "DEMO-G");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    await typePin(page, "0000");
    await page.getByText("PIN番号が正しくありません").first().waitFor();
    await typePin(page, "0001");
    await page.getByRole("heading", { name: "PIN番号の入力を中止しました" }).waitFor();
    await expect.poll(() => page.getByText(/PIN通知書等/).count()).toBeGreaterThan(0);
    expect(await keypad(page).count()).toBe(0);
    // 戻る and 登録 again with the card still in: the stop stands for this insertion
    await page.getByRole("button", { name: "戻る", exact: true }).click();
    await page.getByRole("button", { name: "登録", exact: true }).click();
    await page.getByRole("heading", { name: "PIN番号の入力を中止しました" }).waitFor();
    expect(await keypad(page).count()).toBe(0);
    await removeCard(page, "DEMO-G");
    await page.getByRole("heading", { name: "終了画面" }).waitFor();
    expectNoProblems(kiosk);
    await kiosk.context.close();

    // A new insertion: the card still has its last try, says so before the PIN, and the right PIN works.
    const again = await openKiosk(browser);
    await toMenu(again.page);
    await insertAtPin(again.page, "DEMO-G");
    await again.page.getByText("PIN番号を入力してください").first().waitFor();
    await expect
      .poll(() => again.page.getByTestId("card-notices").innerText())
      .toContain("次にPIN番号を間違えるとロックされます");
    await typePin(again.page, "6666");
    await again.page.getByRole("heading", { name: "競争入札参加資格審査情報検索" }).waitFor();
    const locked = queryAll<{ n: number }>(
      `SELECT count(*) AS n FROM AuditLog WHERE action = 'card.proof' AND detail LIKE '%pinLocked%'`,
    )[0]!.n;
    expect(locked).toBe(0);
    await removeCard(again.page, "DEMO-G");
    expectNoProblems(again);
    await again.context.close();
  });

  it("R33: 20 wrong-PIN submissions sent at once (the OK's request replayed) reach the card at most twice; the card is not locked", async () => {
    const kiosk = await openKiosk(browser);
    const { page, context } = kiosk;
    const wrongPins = () =>
      queryAll<{ n: number }>(
        `SELECT count(*) AS n FROM AuditLog WHERE action = 'card.proof' AND detail LIKE '%pinIncorrect%'`,
      )[0]!.n;
    const before = wrongPins();
    await toMenu(page);
    await insertAtPin(page, "DEMO-G");
    await page.getByText("PIN番号を入力してください").first().waitFor();
    // the PIN step's server action as the browser sends it: replaying it is what a second tab, a
    // stuck key or a script on the page would do
    const sent = page.waitForRequest(
      (r: Request) =>
        r.method() === "POST" && !!r.headers()["next-action"] && !!r.postData()?.includes('"0000"'),
    );
    await typePin(page, "0000");
    const request = await sent;
    await page.getByText("PIN番号が正しくありません").first().waitFor();
    const headers = request.headers();
    const replays = await Promise.all(
      Array.from({ length: 20 }, () =>
        context.request.post(request.url(), {
          headers: {
            "next-action": headers["next-action"]!,
            "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
            accept: "text/x-component",
          },
          data: request.postData() ?? "",
        }),
      ),
    );
    expect(replays.every((r) => r.status() < 500)).toBe(true);
    // every replay was taken as a PIN attempt by the server: answered, and all but one capped
    const answers = await Promise.all(replays.map((r) => r.text()));
    expect(answers.filter((a) => a.includes('"pinCapped"')).length).toBeGreaterThanOrEqual(19);
    expect(wrongPins() - before, "wrong PINs that reached the card").toBeLessThanOrEqual(2);
    const state = JSON.parse(fs.readFileSync(process.env.KIOSK_SIMCARD_STATE!, "utf8")) as {
      cards: Record<string, { failures: number; locked: boolean }>;
    };
    expect(state.cards["DEMO-G"]!.locked).toBe(false);
    expect(state.cards["DEMO-G"]!.failures).toBeLessThanOrEqual(2);
    await removeCard(page, "DEMO-G");
    await page.getByRole("heading", { name: /^(終了画面|ICカードをお取りください)$/ }).waitFor();
    expectNoProblems(kiosk);
    await context.close();

    // the card keeps its last try: a new insertion with the right PIN goes on (and resets the count)
    const again = await openKiosk(browser);
    await toMenu(again.page);
    await insertAtPin(again.page, "DEMO-G");
    await again.page.getByText("PIN番号を入力してください").first().waitFor();
    await typePin(again.page, "6666");
    await again.page.getByRole("heading", { name: "競争入札参加資格審査情報検索" }).waitFor();
    await removeCard(again.page, "DEMO-G");
    expectNoProblems(again);
    await again.context.close();
  });
});
