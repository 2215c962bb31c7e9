// R41: the receipt PDF carries the manual's fields, in Japanese, with the font embedded.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadReceiptData, renderReceiptPdf } from "@/app/_server/receipts/render";
import { GET } from "@/app/receipts/[number]/route";
import { freshDatabase } from "@/test/support/db";
import { createReceiptRow } from "@/test/fixtures/receipt-rows";
import { splitForLineBreaking } from "@/app/_server/receipts/font";
import { formatIssuedAt } from "@/app/_server/receipts/format";
import { receiptFixture } from "@/test/fixtures/receipt-data";

// The access rule (kiosk session or staff) belongs to receipts/access.ts and its own tests
// (console-receipt-reprint.test.ts); here the route's answers are checked for either decision.
const access = vi.hoisted(() => ({ allowed: true, asked: [] as string[] }));
vi.mock("@/app/_server/receipts/access", () => ({
  canViewReceipt: async (number: string) => {
    access.asked.push(number);
    return access.allowed;
  },
}));

function poppler(tool: "pdftotext" | "pdffonts", args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${tool} is not installed: install poppler-utils (apt-get install poppler-utils)`);
    }
    throw error;
  }
}

describe("receipt PDF", () => {
  let dir: string;
  let file: string;
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-receipt-"));
    file = path.join(dir, "receipt.pdf");
    pdf = await renderReceiptPdf(receiptFixture);
    fs.writeFileSync(file, pdf);
    text = poppler("pdftotext", ["-layout", file, "-"]);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints the title, receipt number, user ID and company name", () => {
    expect(text).toContain("利用者情報登録結果");
    expect(text).toContain("20261126-123456");
    expect(text).toContain("1000000001");
    expect(text).toContain("株式会社さいたま建設 さいたま支店");
  });

  it("prints the issue time in 西暦 and 和暦 in Tokyo time", () => {
    expect(text).toContain("2026年11月26日 (令和8年11月26日) 15時45分");
  });

  it("prints the card's issuer, serial (decimal and hex) and expiry", () => {
    expect(text).toContain("OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP");
    expect(text).toContain("215607555380");
    expect(text).toContain("3233363534");
    expect(text).toContain("2028/11/26");
  });

  it("prints the manual's rows in the manual's order", () => {
    const labels = [
      "業者名",
      "企業郵便番号",
      "企業住所",
      "代表者等氏名",
      "代表者等役職",
      "代表者等電話番号",
      "代表者等FAX番号",
      "部署名",
      "代表窓口情報",
      "連絡先名称(部署名等)",
      "連絡先メールアドレス",
      "ICカード利用部署情報",
      "ICカード企業名称",
      "ICカード取得者氏名",
      "ICカード取得者住所",
      "ICカード情報",
      "証明書シリアル番号",
      "証明書発行者",
      "証明書有効期限",
    ];
    let from = 0;
    for (const label of labels) {
      const at = text.indexOf(label, from);
      expect(at, `${label} after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + label.length;
    }
  });

  it("names the agencies reached tonight and reminds the bidder to take the card", () => {
    expect(text).toMatch(/翌日、他の調達機関にも反映されます: さいたま市、川越市/);
    expect(text).toContain("ICカードの取り忘れにご注意ください");
  });

  it("draws no hyphen where a long value wraps", async () => {
    const longAddress =
      "埼玉県さいたま市浦和区高砂三丁目十五番一号さいたま建設ビル四階入札担当部署内特別窓口気付".repeat(3);
    const wrapped = await renderReceiptPdf({
      ...receiptFixture,
      department: { ...receiptFixture.department, address: longAddress },
    });
    const wrappedFile = path.join(dir, "wrapped.pdf");
    fs.writeFileSync(wrappedFile, wrapped);
    const lines = poppler("pdftotext", ["-layout", wrappedFile, "-"]).split("\n");
    const addressLines = lines.filter((line) => /高砂三丁目|気付|窓口/.test(line));
    expect(addressLines.length).toBeGreaterThan(1);
    for (const line of addressLines) expect(line.trimEnd()).not.toMatch(/-$/);
  });

  it("embeds a Noto Sans JP subset and stays under 60 KB", () => {
    const fonts = poppler("pdffonts", [file]);
    const noto = fonts.split("\n").find((line) => /^[A-Z]{6}\+NotoSansJP/.test(line));
    expect(noto, fonts).toBeDefined();
    expect(noto).toMatch(/\byes\s+yes\s+(yes|no)\b/);
    expect(pdf.length).toBeLessThan(60 * 1024);
  });
});

describe("receipt helpers", () => {
  it("writes the first year of an era as 元年", () => {
    expect(formatIssuedAt("2019-06-01T01:05:00.000Z")).toBe("2019年6月1日 (令和元年6月1日) 10時05分");
  });

  it("keeps closing punctuation and small kana with the previous character", () => {
    expect(splitForLineBreaking("キャッシュ。")).toEqual(["キャッ", "", "シュ。"]);
    expect(splitForLineBreaking("受付")).toEqual(["受", "", "付"]);
    expect(splitForLineBreaking("nyusatsu@saitama-kensetsu.example.jp")).toEqual([
      "nyusatsu@saitama-kensetsu.example.jp",
    ]);
  });
});

describe("GET /receipts/[number]", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    database = await freshDatabase();
    await createReceiptRow(database.prisma);
  });

  afterAll(async () => database.close());

  beforeEach(() => {
    access.allowed = true;
    access.asked = [];
  });

  const get = (number: string) =>
    GET(new Request(`http://kiosk.test/receipts/${number}`), { params: Promise.resolve({ number }) });

  it("answers the stored receipt as an inline, uncached PDF", async () => {
    const response = await get("20261126-123456");
    expect(access.asked).toEqual(["20261126-123456"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('inline; filename="20261126-123456.pdf"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("answers 404 with a plain Japanese text for an unknown number", async () => {
    const response = await get("20261126-999999");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("指定された受付番号の受付票は見つかりません。");
  });

  it("answers 403 without rendering when the caller may not see the receipt", async () => {
    access.allowed = false;
    const response = await get("20261126-123456");
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("この受付票を表示する権限がありません。");
  });

  it("reads the snapshot back by number", async () => {
    expect(await loadReceiptData("20261126-123456")).toEqual(receiptFixture);
    expect(await loadReceiptData("nope")).toBeNull();
  });
});
