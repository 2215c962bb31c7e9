// Issue 13 item 3: a real receipt carries its 照合コード as text and a QR code that decodes (from
// the printed page's pixels) back to the certified fields and that code; the staff page
// 受付証明の照合 finds it genuine, and finds any one altered field not genuine, naming the field.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyReceipt, type VerifyField } from "@/app/_server/console/receipt-verify";
import { renderReceiptPdf } from "@/app/_server/receipts/render";
import { parseQrText, receiptVerification } from "@/app/_server/receipts/verification";
import type { CertifiedFields } from "@/app/_server/receipts/verification-code";
import type { ReceiptData } from "@/app/_shared/contracts";
import type { Lang } from "@/machines";
import ReceiptVerifyPage from "@/app/staff/receipt-verify/page";
import { receiptFixture } from "@/test/fixtures/receipt-data";
import { createReceiptRow } from "@/test/fixtures/receipt-rows";
import { freshDatabase } from "@/test/support/db";

const auth = vi.hoisted(() => ({ pages: [] as string[] }));
vi.mock("@/app/_server/staff/auth", () =>
  import("@/test/support/staff").then((m) => m.consolePageAuth((role) => auth.pages.push(role))),
);

let env: Awaited<ReturnType<typeof freshDatabase>>;
let dir: string;

beforeAll(async () => {
  env = await freshDatabase();
  await createReceiptRow(env.prisma);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-receipt-qr-"));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await env.close();
});

/** The receipt as printed: its text (pdftotext) and its QR code read back from a 150 dpi page image. */
async function printAndScan(
  lang: Lang,
  data: ReceiptData = receiptFixture,
  name: string = lang,
): Promise<{ text: string; qr: string; bytes: number; pages: string }> {
  const pdf = await renderReceiptPdf(data, lang);
  const file = path.join(dir, `receipt-${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  const pages = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "150",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    file,
    path.join(dir, lang),
  ]);
  const png = PNG.sync.read(fs.readFileSync(path.join(dir, `${lang}.png`)));
  const found = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  if (!found) throw new Error("no QR code found on the printed page");
  return { text, qr: found.data, bytes: pdf.length, pages };
}

const page = async (q: string) =>
  renderToStaticMarkup(await ReceiptVerifyPage({ searchParams: Promise.resolve({ q }) }));

describe("verifiable receipt (issue 13 item 3)", () => {
  let printed: Awaited<ReturnType<typeof printAndScan>>;
  let qrFields: CertifiedFields;
  let code: string;

  beforeAll(async () => {
    printed = await printAndScan("ja");
    const parsed = parseQrText(printed.qr);
    if (!parsed.ok) throw new Error(`not a receipt QR: ${printed.qr}`);
    qrFields = parsed.fields;
    code = parsed.code;
  });

  it("prints the old text plus the 照合コード and its note, on one page under 60 KB", () => {
    expect(printed.text).toContain("利用者情報登録結果");
    expect(printed.text).toContain("株式会社さいたま建設 さいたま支店");
    expect(printed.text).toContain("ICカードの取り忘れにご注意ください");
    expect(printed.text).toContain(`照合コード ${receiptVerification(receiptFixture).code}`);
    expect(printed.text).toContain("県の窓口で受付証明の真正性を確認できます");
    expect(printed.pages).toMatch(/^Pages:\s+1$/m);
    expect(printed.bytes).toBeLessThan(60 * 1024);
  });

  it("draws a QR code that decodes to the certified fields and the printed code", () => {
    expect(printed.qr).toBe(receiptVerification(receiptFixture).qrText);
    expect(qrFields).toEqual({
      number: "20261126-123456",
      userId: "1000000001",
      operation: "register",
      serialHex: "3233363534",
      issuedOn: "20261126",
    });
    expect(code).toBe(receiptVerification(receiptFixture).code.replace(/-/g, ""));
  });

  it("the English receipt carries the same code and a QR code that decodes", async () => {
    const english = await printAndScan("en");
    expect(english.text).toContain("User registration result");
    expect(english.text).toContain(`Verification code ${receiptVerification(receiptFixture).code}`);
    expect(english.text).toContain("[照合コード] Checkable at the prefecture's help desk");
    expect(english.qr).toBe(printed.qr);
  });

  it("a renewal receipt with a 20-byte serial stays on one page and its QR still decodes", async () => {
    const card = { ...receiptFixture.card, serialHex: "7f3a9c0e5b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a" };
    const renewal: ReceiptData = {
      ...receiptFixture,
      operation: "renewal",
      card,
      previousCard: receiptFixture.card,
    };
    const printedRenewal = await printAndScan("ja", renewal, "renewal");
    expect(printedRenewal.pages).toMatch(/^Pages:\s+1$/m);
    expect(printedRenewal.text).toContain("更新前のICカード情報");
    expect(printedRenewal.qr).toBe(receiptVerification(renewal).qrText);
    expect(printedRenewal.qr).toContain("/N/7F3A9C0E5B2D4F6A8C1E3B5D7F9A0C2E4B6D8F1A/");
  });

  it("the scanned QR verifies as genuine, held by the registry, with the company from the qualification", async () => {
    const result = await verifyReceipt({ kind: "qr", fields: qrFields, code });
    expect(result).toEqual({
      verdict: "genuine",
      certified: { ...qrFields, companyName: "株式会社さいたま建設" },
      registry: "same",
    });
  });

  const ALTERED: Record<VerifyField, [string, string]> = {
    number: ["20261126-123457", "受付番号"],
    userId: ["1000000002", "ユーザID"],
    operation: ["renewal", "受付の種類"],
    serialHex: ["3233363535", "証明書シリアル番号"],
    issuedOn: ["20261125", "発行日"],
  };

  it.each(Object.entries(ALTERED))(
    "a QR with %s altered is not genuine and names it",
    async (field, [value, label]) => {
      const result = await verifyReceipt({ kind: "qr", fields: { ...qrFields, [field]: value }, code });
      expect(result.verdict).toBe("notGenuine");
      if (result.verdict !== "notGenuine") return;
      // an altered receipt number points at no stored receipt: nothing to compare the rest with
      if (field === "number") {
        expect(result.message).toContain(
          "照合コードが一致しません。受付証明の内容が改ざんされているおそれがあります。",
        );
      } else {
        expect(result.differs).toEqual([field]);
        expect(result.message).toBe(
          `照合コードが一致しません。受付票の${label}が台帳の記録と異なります。受付証明の内容が改ざんされているおそれがあります。`,
        );
      }
    },
  );

  it("a typed receipt number and code verify against the registry's snapshot", async () => {
    expect(await verifyReceipt({ kind: "typed", number: "20261126-123456", code })).toMatchObject({
      verdict: "genuine",
      registry: "same",
    });
    const wrong = `${code.slice(0, 15)}${code.endsWith("0") ? "1" : "0"}`;
    expect(await verifyReceipt({ kind: "typed", number: "20261126-123456", code: wrong })).toMatchObject({
      verdict: "notGenuine",
    });
    expect(await verifyReceipt({ kind: "typed", number: "20261126-999999", code })).toMatchObject({
      verdict: "unknownReceipt",
    });
  });
});

describe("受付証明の照合 page (/staff/receipt-verify, issue 13 item 3)", () => {
  let qr: string;
  beforeAll(() => {
    qr = receiptVerification(receiptFixture).qrText;
  });

  it("asks any signed-in staff for the QR text or the number and code", async () => {
    auth.pages.length = 0;
    const html = await page("");
    expect(auth.pages).toEqual(["staff"]);
    expect(html).toContain("<h1>受付証明の照合</h1>");
    expect(html).toMatch(/<input[^>]*id="field-q"[^>]*name="q"/);
    expect(html).not.toContain("照合コードが一致しません");
  });

  it("shows a genuine receipt and what it certified", async () => {
    const html = await page(qr);
    expect(html).toContain("真正な受付証明です");
    expect(html).toContain('href="/staff/receipts/20261126-123456"');
    expect(html).toContain("<td>1000000001</td>");
    expect(html).toContain("<td>株式会社さいたま建設</td>");
    expect(html).toContain("<td>登録</td>");
    expect(html).toContain("<td>3233363534</td>");
    expect(html).toContain("<td>2026/11/26</td>");
    expect(html).toContain("台帳にこの受付票があり、内容も一致します。");
  });

  it("typed by hand, lower case with spaces, it finds the same receipt", async () => {
    const typed = `20261126-123456 ${receiptVerification(receiptFixture).code.toLowerCase().replace(/-/g, " ")}`;
    expect(await page(typed)).toContain("真正な受付証明です");
  });

  it("an altered user ID in the QR text is refused with the field named", async () => {
    const html = await page(qr.replace("/1000000001/", "/1000000009/"));
    expect(html).toContain("照合コードが一致しません。受付票のユーザIDが台帳の記録と異なります。");
    expect(html).not.toContain("真正な受付証明です");
  });

  it("a malformed entry gets its message at the field", async () => {
    const html = await page("20261126-123456");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('class="field-error"');
    expect(html).toContain("受付番号（例: 20261126-0007）と照合コードを、間に空白を入れて入力してください。");
  });
});
