import "server-only";
import type { Operation, ReceiptData } from "@/app/_shared/contracts";
import { tokyoParts } from "@/app/_shared/tokyo-time";
import { auditKeyring } from "../audit/key";
import {
  codeMatches,
  groupCode,
  normalizeCode,
  receiptCode,
  receiptKeyFrom,
  type CertifiedFields,
} from "./verification-code";

// What the receipt prints to be checked (issue 13 item 3): the 照合コード and a QR code carrying
// the certified fields with it. The key is derived from the audit keyring, so rotating AUDIT_KEY
// (the old one moved to AUDIT_KEYS_OLD) keeps every receipt printed before it verifiable.

/** The QR text's first field: names the format so a later one can be told apart. */
export const QR_PREFIX = "SEB1";

// One letter each, so the QR stays in its compact alphanumeric mode (digits, A–Z, "-", "/").
const OPERATION_LETTERS: Record<Operation, string> = { register: "R", change: "C", renewal: "N" };

/** 受付番号 as number.ts makes it: the Tokyo day and the day's sequence. */
export const RECEIPT_NUMBER = /^\d{8}-\d{4,9}$/;

let derived: { source: object; keys: Buffer[] } | undefined;

/** The receipt keys: the current one first (it signs), then the retired ones (they still verify). */
export function receiptKeys(): Buffer[] {
  const keyring = auditKeyring();
  if (derived?.source !== keyring) {
    const rest = [...keyring.byId.values()].filter((k) => k !== keyring.current);
    derived = { source: keyring, keys: [keyring.current, ...rest].map((k) => receiptKeyFrom(k.secret)) };
  }
  return derived.keys;
}

export function certifiedFields(data: ReceiptData): CertifiedFields {
  const p = tokyoParts(new Date(data.issuedAt));
  return {
    number: data.number,
    userId: data.userId,
    operation: data.operation,
    serialHex: data.card.serialHex,
    issuedOn: `${p.year}${p.month}${p.day}`,
  };
}

export type ReceiptVerification = { code: string; qrText: string };

/** The printed code (grouped by 4) and the QR text: SEB1/受付番号/ユーザID/R|C|N/SERIAL/yyyymmdd/CODE. */
export function receiptVerification(data: ReceiptData): ReceiptVerification {
  const fields = certifiedFields(data);
  const code = receiptCode(receiptKeys()[0]!, fields);
  const qrText = [
    QR_PREFIX,
    fields.number,
    fields.userId,
    OPERATION_LETTERS[fields.operation],
    fields.serialHex.toUpperCase(),
    fields.issuedOn,
    code,
  ].join("/");
  return { code: groupCode(code), qrText };
}

/** Whether the code certifies the fields under the current or a retired key. */
export function verifyReceiptCode(fields: CertifiedFields, code: string): boolean {
  return codeMatches(receiptKeys(), fields, code) !== null;
}

export type ParsedQr = { ok: true; fields: CertifiedFields; code: string } | { ok: false };

const OPERATIONS = new Map(
  Object.entries(OPERATION_LETTERS).map(([op, letter]) => [letter, op as Operation]),
);

/** A scanned QR text back into its fields and code; { ok: false } when it is not one of ours. */
export function parseQrText(text: string): ParsedQr {
  const parts = text.normalize("NFKC").trim().toUpperCase().split("/");
  if (parts.length !== 7 || parts[0] !== QR_PREFIX) return { ok: false };
  const [, number, userId, letter, serial, issuedOn, typedCode] = parts as [string, ...string[]];
  const operation = OPERATIONS.get(letter!);
  const code = normalizeCode(typedCode!);
  if (
    !RECEIPT_NUMBER.test(number!) ||
    !/^\d{10}$/.test(userId!) ||
    !operation ||
    !/^[0-9A-F]{1,128}$/.test(serial!) ||
    !/^\d{8}$/.test(issuedOn!) ||
    !code
  ) {
    return { ok: false };
  }
  const serialHex = serial!.toLowerCase().replace(/^0+(?=.)/, "");
  return {
    ok: true,
    fields: { number: number!, userId: userId!, operation, serialHex, issuedOn: issuedOn! },
    code,
  };
}
