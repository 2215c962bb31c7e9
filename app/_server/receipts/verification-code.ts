// The 照合コード (issue 13 item 3): a MAC over what a receipt certifies, so the agency that
// receives a paper receipt can have it checked — a photocopy with an edited user ID no longer
// looks the same. Pure (node:crypto only): the keys come from ./verification.ts.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Operation } from "@/app/_shared/contracts";

/** What a receipt certifies: the fields the code covers, in their canonical spelling. */
export type CertifiedFields = {
  /** 受付番号, e.g. 20261126-0007 */
  number: string;
  /** ユーザID, 10 digits */
  userId: string;
  /** 登録 / 変更 / 更新 */
  operation: Operation;
  /** the certificate serial, lowercase hex without leading zeros (as CardView keeps it) */
  serialHex: string;
  /** the Tokyo day of issue, yyyymmdd */
  issuedOn: string;
};

// Crockford's base32: no I, L, O or U, so what is read aloud or typed from paper cannot be confused.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 16 characters = 80 bits of the HMAC: short enough to type, far too many to guess. */
export const CODE_LENGTH = 16;

/**
 * The receipt key from the audit key: a fixed label, so one secret (AUDIT_KEY, shared by every
 * server of a helpdesk) serves both and any terminal checks any terminal's receipt, while a
 * receipt code never reveals anything about the audit chain's own MACs.
 */
export function receiptKeyFrom(auditSecret: Buffer): Buffer {
  return createHmac("sha256", auditSecret).update("receipt-verification-v1", "utf8").digest();
}

function base32(bytes: Buffer, length: number): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === length) break;
  }
  return out;
}

/** The code, ungrouped: the fields joined with NUL (none of them can hold one), HMAC-SHA-256. */
export function receiptCode(receiptKey: Buffer, f: CertifiedFields): string {
  const message = ["SEB1", f.number, f.userId, f.operation, f.serialHex, f.issuedOn].join("\0");
  return base32(createHmac("sha256", receiptKey).update(message, "utf8").digest(), CODE_LENGTH);
}

/** As printed: ABCD-EFGH-JKMN-PQRS. */
export function groupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1-");
}

/**
 * A typed or scanned code in its canonical form, or null: case, hyphens and spaces do not matter,
 * full-width characters are read as half-width, and I/L and O are read as 1 and 0 (Crockford).
 */
export function normalizeCode(typed: string): string | null {
  const code = typed
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** Whether the code is the MAC of the fields under any of the keys (current first, then retired). */
export function codeMatches(receiptKeys: readonly Buffer[], f: CertifiedFields, code: string): Buffer | null {
  const given = Buffer.from(code, "ascii");
  for (const key of receiptKeys) {
    const expected = Buffer.from(receiptCode(key, f), "ascii");
    if (expected.length === given.length && timingSafeEqual(expected, given)) return key;
  }
  return null;
}
