// The console's pages rendered on real SQLite rows (server components to static HTML): 本日の受付,
// 登録の検索 with its field messages, a registration's page, 受付票の確認 with the reprint link, and
// the Japanese 404 for an unknown receipt or registration.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import TodayPage from "@/app/staff/page";
import RegistrationsPage from "@/app/staff/registrations/page";
import RegistrationPage from "@/app/staff/registrations/[id]/page";
import ReceiptPage from "@/app/staff/receipts/[number]/page";
import ReceiptNotFound from "@/app/staff/receipts/[number]/not-found";
import type { ReceiptData } from "@/app/_shared/contracts";
import { seedDemoData } from "@/prisma/seed";
import { receiptFixture } from "@/test/fixtures/receipt-data";
import { freshDatabase } from "@/test/support/db";

const auth = vi.hoisted(() => ({ pages: 0 }));
vi.mock("@/app/_server/staff/auth", () =>
  import("@/test/support/staff").then((m) => m.consolePageAuth(() => (auth.pages += 1))),
);

let env: Awaited<ReturnType<typeof freshDatabase>>;
let cardId = "";
const NUMBER = "20261126-654321";

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
  const p = env.prisma;
  const q = await p.qualification.findUniqueOrThrow({
    where: { userId_kind: { userId: "1000000001", kind: "construction" } },
  });
  const saitama = await p.agency.findUniqueOrThrow({ where: { code: "110000" } });
  const city = await p.agency.findUniqueOrThrow({ where: { code: "111007" } });
  const staff = await p.staffUser.findUniqueOrThrow({ where: { login: "staff01" } });
  await p.terminal.create({ data: { id: "KIOSK-07" } });
  const opening = await p.terminalOpening.create({ data: { terminalId: "KIOSK-07", openedById: staff.id } });
  const card = await p.cardRegistration.create({
    data: {
      qualificationId: q.id,
      kind: "construction",
      agencyId: saitama.id,
      issuer: receiptFixture.card.issuer,
      serialNumber: receiptFixture.card.serialHex,
      fingerprint: receiptFixture.card.fingerprint,
      subject: receiptFixture.card.subject,
      notBefore: new Date(receiptFixture.card.notBefore),
      notAfter: new Date(receiptFixture.card.notAfter),
      holderName: receiptFixture.card.holderName,
      holderAddress: receiptFixture.card.holderAddress,
      companyOnCard: receiptFixture.card.companyOnCard,
      certificatePem: "-----BEGIN CERTIFICATE-----\nfixture\n-----END CERTIFICATE-----\n",
      ...receiptFixture.department,
    },
  });
  cardId = card.id;
  await p.agencyRegistration.create({ data: { cardRegistrationId: card.id, agencyId: saitama.id } });
  await p.userRegistration.create({ data: { qualificationId: q.id, ...receiptFixture.representative } });
  const now = new Date();
  const data: ReceiptData = {
    ...receiptFixture,
    number: NUMBER,
    issuedAt: now.toISOString(),
    terminalId: "KIOSK-07",
  };
  const receipt = await p.receipt.create({
    data: {
      number: NUMBER,
      operation: "register",
      cardRegistrationId: card.id,
      agencyId: saitama.id,
      kind: "construction",
      terminalId: "KIOSK-07",
      terminalOpeningId: opening.id,
      data: data as unknown as object,
      createdAt: now,
    },
  });
  await p.propagationTask.create({
    data: {
      operation: "register",
      cardRegistrationId: card.id,
      receiptId: receipt.id,
      sourceAgencyId: saitama.id,
      targetAgencyId: city.id,
    },
  });
  await p.outboxEmail.create({
    data: {
      idempotencyKey: `receipt-${NUMBER}`,
      receiptId: receipt.id,
      to: receiptFixture.department.email,
      subject: "利用者登録のお知らせ",
      text: "t",
      html: "h",
      status: "failed",
      attempts: 8,
      lastError: "HTTP 500",
    },
  });
});
afterAll(() => env.close());

const html = async (element: Promise<ReactElement> | ReactElement) => renderToStaticMarkup(await element);

describe("本日の受付 (/staff)", () => {
  it("lists today's operation under its terminal with the opener, and the outbox box", async () => {
    const before = auth.pages;
    const page = await html(TodayPage());
    expect(auth.pages).toBe(before + 1);
    expect(page).toContain("<h1>本日の受付</h1>");
    expect(page).toContain("端末 KIOSK-07");
    expect(page).toContain(`href="/staff/receipts/${NUMBER}"`);
    expect(page).toContain("<td>1000000001</td><td>工事</td><td>登録</td><td>埼玉県</td>");
    expect(page).toContain(`${await staffName()}（staff01）`);
    expect(page).toContain("送信待ち 0件・送信失敗 1件");
    expect(page).toContain('href="/staff/outbox?status=failed"');
    expect(page).toContain('href="/staff/terminal"');
  });
});

async function staffName(): Promise<string> {
  return (await env.prisma.staffUser.findUniqueOrThrow({ where: { login: "staff01" } })).displayName;
}

describe("登録の検索 (/staff/registrations)", () => {
  const render = (params: Record<string, string>) =>
    html(RegistrationsPage({ searchParams: Promise.resolve(params) }));

  it("asks for a key first, then lists the card with its status", async () => {
    expect(await render({})).toContain("いずれかを入力して検索してください");
    // the receipt prints 3233363534; staff may type it byte by byte, with leading zeros
    const page = await render({ serial: "00:32:33:36:35:34" });
    expect(page).toContain('<span class="status-badge status-active">有効</span>');
    expect(page).toContain(`href="/staff/registrations/${cardId}"`);
    expect(page).toContain("株式会社さいたま建設");
    expect(page).toContain("1件");
  });

  it("names bad input at its field and does not search", async () => {
    const page = await render({ userId: "１２３", serial: "zz" });
    expect(page).toContain('id="field-userId-error"');
    expect(page).toContain("ユーザIDは半角数字で入力してください。");
    expect(page).toContain('id="field-serial-error"');
    expect(page).toContain('aria-describedby="field-serial-hint field-serial-error"');
    expect(page).not.toContain("<table");
  });
});

describe("登録の詳細 (/staff/registrations/[id])", () => {
  it("shows the card, 代表窓口情報, history and per-agency status", async () => {
    const page = await html(RegistrationPage({ params: Promise.resolve({ id: cardId }) }));
    expect(page).toContain('<th scope="row">資格の状態</th><td>審査済</td>');
    expect(page).toContain("代表窓口情報");
    expect(page).toContain(receiptFixture.representative.email);
    expect(page).toContain(`href="/staff/receipts/${NUMBER}"`);
    expect(page).toMatch(/<td>埼玉県<\/td><td><span class="status-badge status-applied">反映済み<\/span>/);
    expect(page).toMatch(
      /<td>さいたま市<\/td><td><span class="status-badge status-pending">反映待ち<\/span>/,
    );
    expect(page).toMatch(/<td>川越市<\/td><td><span class="status-badge status-excluded">対象外<\/span>/);
  });

  it("is a 404 for an unknown id", async () => {
    await expect(RegistrationPage({ params: Promise.resolve({ id: "nope" }) })).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
  });
});

describe("受付票の確認 (/staff/receipts/[number])", () => {
  it("shows the stored receipt, who and where, the email and the agencies, and links the PDF for reprint", async () => {
    const page = await html(ReceiptPage({ params: Promise.resolve({ number: NUMBER }) }));
    expect(page).toContain(`href="/receipts/${NUMBER}"`);
    expect(page).toContain("受付票を再印刷");
    expect(page).toContain("KIOSK-07");
    expect(page).toContain(`${await staffName()}（staff01）`);
    expect(page).toContain("利用者情報登録結果");
    expect(page).toContain(receiptFixture.company.companyName);
    expect(page).toContain('<span class="status-badge status-failed">送信失敗</span>');
    expect(page).toContain("HTTP 500");
    expect(page).toMatch(
      /<td>埼玉県<\/td><td><span class="status-badge status-source">受付機関（即時反映）<\/span>/,
    );
    expect(page).toMatch(
      /<td>さいたま市<\/td><td><span class="status-badge status-pending">反映待ち<\/span>/,
    );
    expect(page).toMatch(/<td>川越市<\/td><td><span class="status-badge status-excluded">対象外<\/span>/);
  });

  it("answers an unknown number with the Japanese 404, not a 500", async () => {
    await expect(
      ReceiptPage({ params: Promise.resolve({ number: "20991231-000000" }) }),
    ).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
    expect(await html(ReceiptNotFound())).toContain("指定された受付番号の受付票は見つかりませんでした。");
  });
});
