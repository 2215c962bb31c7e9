// Issue 13 item 3: the 照合コード — stable for the same fields and key, changed by any one field,
// readable as typed from paper, and still verified after the audit key is rotated.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  CODE_LENGTH,
  codeMatches,
  groupCode,
  normalizeCode,
  receiptCode,
  receiptKeyFrom,
  type CertifiedFields,
} from "@/app/_server/receipts/verification-code";
import { parseQrText, receiptVerification, verifyReceiptCode } from "@/app/_server/receipts/verification";
import { parseVerifyInput } from "@/app/_server/console/receipt-verify";
import { focusForScan } from "@/app/staff/receipt-verify/ScannerReady";
import { receiptFixture } from "@/test/fixtures/receipt-data";

const AUDIT_SECRET = Buffer.from("11".repeat(32), "hex");
const KEY = receiptKeyFrom(AUDIT_SECRET);
const FIELDS: CertifiedFields = {
  number: "20261126-0007",
  userId: "1000000001",
  operation: "register",
  serialHex: "3233363534",
  issuedOn: "20261126",
};

const ALTERED: Record<keyof CertifiedFields, string> = {
  number: "20261126-0008",
  userId: "1000000002",
  operation: "renewal",
  serialHex: "3233363535",
  issuedOn: "20261127",
};

describe("receipt verification code (issue 13 item 3)", () => {
  it("is stable: the same fields and key give the same 16 Crockford characters", () => {
    const code = receiptCode(KEY, FIELDS);
    expect(code).toHaveLength(CODE_LENGTH);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(receiptCode(receiptKeyFrom(Buffer.from(AUDIT_SECRET)), { ...FIELDS })).toBe(code);
  });

  it("is not the audit key's own MAC: the receipt key is derived with its own label", () => {
    expect(KEY.equals(AUDIT_SECRET)).toBe(false);
    expect(receiptCode(AUDIT_SECRET, FIELDS)).not.toBe(receiptCode(KEY, FIELDS));
  });

  it.each(Object.keys(ALTERED) as (keyof CertifiedFields)[])("fails when %s alone is altered", (field) => {
    const code = receiptCode(KEY, FIELDS);
    expect(codeMatches([KEY], FIELDS, code)).toBe(KEY);
    const altered = { ...FIELDS, [field]: ALTERED[field] } as CertifiedFields;
    expect(receiptCode(KEY, altered)).not.toBe(code);
    expect(codeMatches([KEY], altered, code)).toBeNull();
  });

  it("fails under another key, and passes when that key is among the retired ones", () => {
    const other = receiptKeyFrom(randomBytes(32));
    const code = receiptCode(KEY, FIELDS);
    expect(codeMatches([other], FIELDS, code)).toBeNull();
    expect(codeMatches([other, KEY], FIELDS, code)).toBe(KEY);
  });

  it("reads the code as typed: case, hyphens, spaces, full width, I/L/O", () => {
    const code = receiptCode(KEY, FIELDS);
    const grouped = groupCode(code);
    expect(grouped).toMatch(/^(.{4}-){3}.{4}$/);
    expect(normalizeCode(grouped.toLowerCase())).toBe(code);
    expect(normalizeCode(grouped.replace(/-/g, " "))).toBe(code);
    expect(normalizeCode("ＡＢＣＤ－0123 4567 89AB")).toBe("ABCD0123456789AB");
    expect(normalizeCode("oIL0-0000-0000-0000")).toBe("0110000000000000");
    expect(normalizeCode("ABCD-EFGH-JKMN-PQR")).toBeNull();
    expect(normalizeCode("ABCD-EFGH-JKMN-PQRU")).toBeNull();
  });
});

describe("receipt QR text and the keyring (issue 13 item 3)", () => {
  const saved = { key: process.env.AUDIT_KEY, old: process.env.AUDIT_KEYS_OLD };
  afterEach(() => {
    process.env.AUDIT_KEY = saved.key;
    process.env.AUDIT_KEYS_OLD = saved.old;
    if (saved.key === undefined) delete process.env.AUDIT_KEY;
    if (saved.old === undefined) delete process.env.AUDIT_KEYS_OLD;
  });

  it("carries the certified fields and the code, which verify; rotation keeps old receipts verifiable", () => {
    const first = "aa".repeat(32);
    process.env.AUDIT_KEY = first;
    delete process.env.AUDIT_KEYS_OLD;
    const { code, qrText } = receiptVerification(receiptFixture);
    expect(qrText).toBe(`SEB1/20261126-123456/1000000001/R/3233363534/20261126/${code.replace(/-/g, "")}`);
    const parsed = parseQrText(qrText);
    if (!parsed.ok) throw new Error("QR text did not parse");
    expect(verifyReceiptCode(parsed.fields, parsed.code)).toBe(true);

    process.env.AUDIT_KEY = "bb".repeat(32);
    expect(verifyReceiptCode(parsed.fields, parsed.code)).toBe(false);
    process.env.AUDIT_KEYS_OLD = first;
    expect(verifyReceiptCode(parsed.fields, parsed.code)).toBe(true);
    expect(receiptVerification(receiptFixture).code).not.toBe(code);
  });

  it("refuses QR texts that are not a receipt's", () => {
    expect(parseQrText("SEB1/20261126-0007/1000000001/X/32/20261126/ABCDEFGHJKMNPQRS").ok).toBe(false);
    expect(parseQrText("SEB1/20261126-0007/100000001/R/32/20261126/ABCDEFGHJKMNPQRS").ok).toBe(false);
    expect(parseQrText("SEB2/20261126-0007/1000000001/R/32/20261126/ABCDEFGHJKMNPQRS").ok).toBe(false);
    expect(parseQrText("SEB1/20261126-0007/1000000001/R/0032/20261126/abcdefghjkmnpqrs")).toMatchObject({
      ok: true,
      fields: { serialHex: "32", operation: "register" },
      code: "ABCDEFGHJKMNPQRS",
    });
  });
});

describe("受付証明の照合 field (issue 13 item 3)", () => {
  it("takes a scanned QR text or a typed receipt number and code", () => {
    expect(parseVerifyInput("")).toEqual({ ok: true, query: null });
    expect(parseVerifyInput("seb1/20261126-0007/1000000001/C/1a/20261126/ABCDEFGHJKMNPQRS")).toMatchObject({
      ok: true,
      query: { kind: "qr", fields: { operation: "change", serialHex: "1a" } },
    });
    expect(parseVerifyInput(" 20261126-0007  abcd-efgh-jkmn-pqrs ")).toEqual({
      ok: true,
      query: { kind: "typed", number: "20261126-0007", code: "ABCDEFGHJKMNPQRS" },
    });
  });

  it("names what is wrong at the field", () => {
    const message = (raw: string) => {
      const parsed = parseVerifyInput(raw);
      return parsed.ok ? null : parsed.message;
    };
    expect(message("SEB1/20261126-0007/1000000001")).toContain("QRコードの内容を読み取れませんでした");
    expect(message("ABCD-EFGH-JKMN-PQRS")).toContain("受付番号（例: 20261126-0007）と照合コード");
    expect(message("20261126-0007 ABCD")).toContain("照合コードは英数字16文字です");
    expect(message("20261126-0007\u202e ABCD-EFGH-JKMN-PQRS")).toMatch(/照合する内容/);
  });
});

describe("受付証明の照合: ready for the next scan (issue 13 item 3)", () => {
  it("focuses the field and selects its last text, so a scan replaces it", () => {
    const calls: string[] = [];
    const input = { focus: () => calls.push("focus"), select: () => calls.push("select") };
    const asked: string[] = [];
    focusForScan(
      {
        getElementById: (id: string) => {
          asked.push(id);
          return input as unknown as HTMLElement;
        },
      },
      "field-q",
    );
    expect(asked).toEqual(["field-q"]);
    expect(calls).toEqual(["focus", "select"]);
  });
});
