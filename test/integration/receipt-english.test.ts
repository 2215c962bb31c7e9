// Issue 11 item 7 (R41): the English receipt — English labels with the manual's Japanese term in
// brackets, English dates, the data as stored — read back from the PDF with pdftotext, for each
// flow kind; and the route that picks it by ?lang=en, Japanese for anything else.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReceiptData } from "@/app/_shared/contracts";
import { renderReceiptPdf } from "@/app/_server/receipts/render";
import { GET } from "@/app/receipts/[number]/route";
import { freshDatabase } from "@/test/support/db";
import { createReceiptRow } from "@/test/fixtures/receipt-rows";
import { receiptFixture } from "@/test/fixtures/receipt-data";

// Who may open a receipt is receipts/access.ts's rule (console-receipt-reprint.test.ts); here the
// route is checked to ask it for the English receipt just as for the Japanese one.
const access = vi.hoisted(() => ({ allowed: true, asked: [] as string[] }));
vi.mock("@/app/_server/receipts/access", () => ({
  canViewReceipt: async (number: string) => {
    access.asked.push(number);
    return access.allowed;
  },
}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-receipt-en-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
function pdfText(pdf: Buffer): string {
  const file = path.join(dir, `receipt-${++files}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error("pdftotext is not installed: install poppler-utils (apt-get install poppler-utils)");
    }
    throw error;
  }
}

const changeFixture: ReceiptData = {
  ...receiptFixture,
  number: "20261126-0002",
  operation: "change",
  kind: "goods",
  department: { ...receiptFixture.department, contactName: "総務課", personName: "川口 花子" },
  propagatesTo: [],
};

const renewalFixture: ReceiptData = {
  ...receiptFixture,
  number: "20261126-0003",
  operation: "renewal",
  card: {
    ...receiptFixture.card,
    serialHex: "3233363536",
    serialDecimal: "215607555382",
    notAfter: "2030-03-31T14:59:59.000Z",
  },
  previousCard: receiptFixture.card,
};

/** Every string the snapshot holds: what may stay Japanese on the English receipt. */
function dataValues(data: ReceiptData): string[] {
  const values: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") values.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(data);
  return values;
}

const JAPANESE_RUN = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;

/**
 * The Japanese left once the bracketed terms are taken out and that is not part of the data: it
 * must be none. A bracket or a value wrapped over two lines still counts (brackets may span lines;
 * a wrapped value's pieces are each part of it).
 */
function japaneseOutsideBracketsAndData(text: string, data: ReceiptData): string[] {
  const values = dataValues(data);
  const unbracketed = text.replace(/\[[^[\]]*\]/g, "");
  return (unbracketed.match(JAPANESE_RUN) ?? []).filter((run) => !values.some((v) => v.includes(run)));
}

const COMMON_LABELS = [
  "Receipt number [受付番号]",
  "Issued [発行日時]",
  "Contracting agency [調達機関]",
  "Business category [業務区分]",
  "User ID [ユーザID]",
  "User information [利用者情報]",
  "Company name [業者名]",
  "Company postal code [企業郵便番号]",
  "Company address [企業住所]",
  "Representative's name [代表者等氏名]",
  "Representative's title [代表者等役職]",
  "Representative's phone [代表者等電話番号]",
  "Representative's fax [代表者等FAX番号]",
  "Department [部署名]",
  "Main contact [代表窓口情報]",
  "Contact name [連絡先名称(部署名等)]",
  "Contact postal code [連絡先郵便番号]",
  "Contact address [連絡先住所]",
  "Contact person [連絡先氏名]",
  "Contact phone [連絡先電話番号]",
  "Contact fax [連絡先FAX番号]",
  "Contact email [連絡先メールアドレス]",
  "Department using the IC card [ICカード利用部署情報]",
  "Company on the IC card [ICカード企業名称]",
  "IC card holder's name [ICカード取得者氏名]",
  "IC card holder's address [ICカード取得者住所]",
  "Certificate serial number [証明書シリアル番号]",
  "Certificate issuer [証明書発行者]",
  "Certificate expiry [証明書有効期限]",
  "Please do not forget your IC card.",
];

describe.each([
  {
    flow: "登録",
    data: receiptFixture,
    title: "User registration result [利用者情報登録結果]",
    labels: [
      "IC card [ICカード情報]",
      "Construction works, design, survey and civil facility maintenance [建設工事、設計・調査・測量、土木施設維持管理]",
    ],
    expiry: ["26 November 2028"],
    more: ["From the next day, this also applies at these contracting agencies: さいたま市, 川越市"],
  },
  {
    flow: "変更",
    data: changeFixture,
    title: "User information change result [利用者情報変更結果]",
    labels: ["IC card [ICカード情報]", "Goods and services [物品等]"],
    expiry: ["26 November 2028"],
    more: ["This does not apply at any other contracting agency.", "総務課", "川口 花子"],
  },
  {
    flow: "ICカード更新",
    data: renewalFixture,
    title: "Certificate renewal result [電子証明書更新結果]",
    labels: [
      "IC card after renewal [更新後のICカード情報]",
      "IC card before renewal, no longer usable [更新前のICカード情報]",
    ],
    expiry: ["31 March 2030", "26 November 2028"],
    more: ["215607555382 (hex: 3233363536)", "215607555380 (hex: 3233363534)"],
  },
])("issue 11 item 7: the English receipt of a $flow (R41)", ({ data, title, labels, expiry, more }) => {
  let text: string;

  beforeAll(async () => {
    text = pdfText(await renderReceiptPdf(data, "en"));
  });

  it("prints the English title and labels with the manual's Japanese term in brackets, in the manual's order", () => {
    expect(text).toContain(title);
    // A long value wraps in its column: read it as one line.
    const flat = text.replace(/\s+/g, " ");
    for (const label of [...COMMON_LABELS, ...labels]) expect(flat).toContain(label);
    let from = 0;
    for (const label of ["Receipt number", "User ID", "Company name", "Main contact", "Certificate expiry"]) {
      const at = text.indexOf(label, from);
      expect(at, `${label} after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + label.length;
    }
  });

  it("prints the data as stored and the dates in English (Tokyo time)", () => {
    for (const value of [
      data.number,
      data.userId,
      data.agency.name,
      data.company.companyName,
      data.company.address,
      data.card.holderName,
      data.card.issuer,
      data.representative.email,
      ...more,
    ]) {
      expect(text).toContain(value);
    }
    expect(text).toContain("26 November 2026, 15:45");
    for (const date of expiry) expect(text).toContain(date);
    expect(text).not.toMatch(/令和|年\d+月|\d+時/);
  });

  it("has no Japanese outside the brackets and the data", () => {
    expect(japaneseOutsideBracketsAndData(text, data)).toEqual([]);
  });
});

describe("GET /receipts/[number]?lang= (issue 11 item 7)", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let japanese: string;

  beforeAll(async () => {
    database = await freshDatabase();
    await createReceiptRow(database.prisma);
    japanese = pdfText(await renderReceiptPdf(receiptFixture));
  });

  afterAll(async () => database.close());

  beforeEach(() => {
    access.allowed = true;
    access.asked = [];
  });

  const get = (query: string) => {
    const number = receiptFixture.number;
    return GET(new Request(`http://kiosk.test/receipts/${number}${query}`), {
      params: Promise.resolve({ number }),
    });
  };

  it("answers ?lang=en with the English receipt of the stored snapshot", async () => {
    const response = await get("?lang=en");
    expect(access.asked).toEqual([receiptFixture.number]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain("User registration result [利用者情報登録結果]");
    expect(text).toContain("Receipt number [受付番号]");
    expect(text).toContain("株式会社さいたま建設 さいたま支店");
  });

  it.each(["", "?lang=ja", "?lang=fr", "?lang=EN", "?lang="])(
    "answers %j with the Japanese receipt as before, not an error",
    async (query) => {
      const response = await get(query);
      expect(response.status).toBe(200);
      const text = pdfText(Buffer.from(await response.arrayBuffer()));
      expect(text).toBe(japanese);
      expect(text).toContain("利用者情報登録結果");
    },
  );

  it("refuses the English receipt as it refuses the Japanese one, without rendering", async () => {
    access.allowed = false;
    const response = await get("?lang=en");
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("この受付票を表示する権限がありません。");
  });
});
