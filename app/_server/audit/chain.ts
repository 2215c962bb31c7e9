// The audit log's hash chain (pure: no database). Each row's hash is an HMAC-SHA-256, with a key
// kept outside the database (./key.ts), over the previous row's hash and this row's fields in a
// canonical JSON form, so editing, inserting or deleting any row breaks the chain at that row, and
// recomputing the hashes after an edit needs the key (issue 12 item 4). Rows written before the
// key (keyId null) keep their plain SHA-256. Shared by the writer (append.ts) and audit:verify.
import { createHash, createHmac } from "node:crypto";

/** A chain key: its id (recorded on every row it signs) and the secret bytes. */
export type AuditKey = { id: string; secret: Buffer };

/** A key's id: the first 8 hex digits of SHA-256 of the key — names it, reveals nothing usable. */
export function keyIdOf(secret: Buffer): string {
  return createHash("sha256").update(secret).digest("hex").slice(0, 8);
}

export type ChainedFields = {
  seq: number;
  prevHash: string;
  createdAt: Date;
  terminalId: string;
  kioskSessionId: string | null;
  staffLogin: string | null;
  action: string;
  outcome: string;
  userId: string | null;
  detail: unknown;
};

/** JSON with object keys sorted at every depth: the database may hand JSON back reordered. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function chainedBody(row: ChainedFields, keyId?: string): string {
  return canonicalJson({
    // keyed rows sign their key id too; legacy rows keep the body they were hashed with
    ...(keyId ? { keyId } : {}),
    seq: row.seq,
    prevHash: row.prevHash,
    createdAt: row.createdAt.toISOString(),
    terminalId: row.terminalId,
    kioskSessionId: row.kioskSessionId,
    staffLogin: row.staffLogin,
    action: row.action,
    outcome: row.outcome,
    userId: row.userId,
    // as stored: a JSON round trip drops undefined and turns dates into strings
    detail: row.detail === undefined || row.detail === null ? null : JSON.parse(JSON.stringify(row.detail)),
  });
}

/** The legacy hash: plain SHA-256, for rows written before the chain had a key (keyId null). */
export function auditHash(row: ChainedFields): string {
  return createHash("sha256").update(chainedBody(row)).digest("hex");
}

/** A keyed row's hash: HMAC-SHA-256 with the key whose id the row records. */
export function auditHmac(row: ChainedFields, key: AuditKey): string {
  return createHmac("sha256", key.secret).update(chainedBody(row, key.id)).digest("hex");
}
