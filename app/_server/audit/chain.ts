// The audit log's hash chain (pure: no database). Each row's hash is SHA-256 over the previous
// row's hash and this row's fields in a canonical JSON form, so editing, inserting or deleting any
// row breaks the chain at that row. Shared by the writer (append.ts) and `npm run audit:verify`.
import { createHash } from "node:crypto";

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

export function auditHash(row: ChainedFields): string {
  const body = canonicalJson({
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
  return createHash("sha256").update(body).digest("hex");
}
