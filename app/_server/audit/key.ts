import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseFromEnv, type Database } from "@/prisma/url";
import { keyIdOf, type AuditKey } from "./chain";

// The audit chain's key lives outside the database (issue 12 item 4): whoever can write the
// tables cannot recompute a row's hash without it. AUDIT_KEY (hex, ≥ 32 bytes: `openssl rand -hex
// 32`) or, on a SQLite terminal without it, a random key made once in `audit-key` beside the
// database file (mode 0600), like nextauth-secret. Servers sharing a PostgreSQL database must
// share the key, so there AUDIT_KEY is required (start/server.ts refuses to start without it).
// AUDIT_KEYS_OLD lists retired keys (comma-separated hex) that still verify their own rows.

export type AuditKeyring = {
  /** the key new rows are written with */
  current: AuditKey;
  /** current and retired keys by key id */
  byId: Map<string, AuditKey>;
};

export const AUDIT_KEY_FILE = "audit-key";
const MIN_BYTES = 32;

function parseHexKey(name: string, text: string): Buffer {
  const hex = text.trim();
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex) || hex.length < MIN_BYTES * 2) {
    throw new Error(`${name}: a key of at least ${MIN_BYTES} bytes in hex (openssl rand -hex 32)`);
  }
  return Buffer.from(hex, "hex");
}

const asKey = (secret: Buffer): AuditKey => ({ id: keyIdOf(secret), secret });

/** The folder a SQLite terminal keeps its audit key and anchors in: the database file's. */
export function sqliteDataDir(database: Database): string | null {
  return database.engine === "sqlite" ? path.dirname(database.url.slice("file:".length)) : null;
}

/** Reads (or, once, makes) the key file; "wx" so two processes starting together agree. */
function fileKey(dir: string): Buffer {
  const file = path.join(dir, AUDIT_KEY_FILE);
  try {
    return parseHexKey(file, fs.readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(MIN_BYTES).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return parseHexKey(file, fs.readFileSync(file, "utf8"));
}

/** The keyring for this environment; throws a message naming the variable when it cannot be had. */
export function loadAuditKeyring(
  env: Record<string, string | undefined> = process.env,
  database: Database = databaseFromEnv(env),
): AuditKeyring {
  let current: AuditKey;
  if (env.AUDIT_KEY?.trim()) current = asKey(parseHexKey("AUDIT_KEY", env.AUDIT_KEY));
  else {
    const dir = sqliteDataDir(database);
    if (!dir) {
      throw new Error(
        "AUDIT_KEY: required with a PostgreSQL DATABASE_URL — every server on the database must sign the audit log with the same key (openssl rand -hex 32)",
      );
    }
    current = asKey(fileKey(dir));
  }
  const byId = new Map([[current.id, current]]);
  for (const old of (env.AUDIT_KEYS_OLD ?? "").split(",").filter((s) => s.trim())) {
    const key = asKey(parseHexKey("AUDIT_KEYS_OLD", old));
    if (!byId.has(key.id)) byId.set(key.id, key);
  }
  return { current, byId };
}

/** Why the server cannot start for want of its audit key (AUDIT_KEY malformed, or missing on PostgreSQL), or null. */
export function auditKeyStartProblem(): string | null {
  try {
    auditKeyring();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

let cached: { source: string; keyring: AuditKeyring } | undefined;

/** loadAuditKeyring for process.env, kept while the settings it comes from stay the same. */
export function auditKeyring(): AuditKeyring {
  const source = [process.env.DATABASE_URL, process.env.AUDIT_KEY, process.env.AUDIT_KEYS_OLD].join("\n");
  if (cached?.source !== source) cached = { source, keyring: loadAuditKeyring() };
  return cached.keyring;
}

/**
 * Text that must not be kept as typed (an unknown sign-in name may be a password typed into
 * ログイン名), as "hmac:" + its keyed hash: the same text always gives the same value, so
 * attempts can still be counted, but without the key it cannot be guessed back.
 */
export function keyedDigest(text: string): string {
  const { current } = auditKeyring();
  return `hmac:${crypto.createHmac("sha256", current.secret).update(`login\0${text}`, "utf8").digest("hex")}`;
}
