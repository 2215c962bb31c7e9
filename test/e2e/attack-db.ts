// The attack suite's look at the server's SQLite file (issue 12 item 7): a digest of every table
// (row count and a hash of its rows) to tell whether an attack changed anything, and the checks
// that what is there is whole (integrity_check, foreign_key_check, audit:verify).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { root } from "./servers";

export type TableDigest = Record<string, { rows: number; hash: string }>;

function open(databaseUrl: string): Database.Database {
  return new Database(databaseUrl.slice("file:".length), { readonly: true, fileMustExist: true });
}

export function tableDigest(databaseUrl: string): TableDigest {
  const sqlite = open(databaseUrl);
  try {
    const tables = sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as { name: string }[];
    const digest: TableDigest = {};
    for (const { name } of tables) {
      const hash = createHash("sha256");
      let rows = 0;
      for (const row of sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate()) {
        hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)));
        rows += 1;
      }
      digest[name] = { rows, hash: hash.digest("hex") };
    }
    return digest;
  } finally {
    sqlite.close();
  }
}

/** Tables whose rows differ between two digests, with their counts before → after. */
export function changedTables(before: TableDigest, after: TableDigest): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((n) => before[n]?.hash !== after[n]?.hash)
    .map((n) => `${n} ${before[n]?.rows ?? "-"} → ${after[n]?.rows ?? "-"}`);
}

/** PRAGMA integrity_check and foreign_key_check: the problems found (none: []). */
export function invalidRows(databaseUrl: string): string[] {
  const sqlite = open(databaseUrl);
  try {
    const integrity = (sqlite.pragma("integrity_check") as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== "ok");
    const foreign = (
      sqlite.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[]
    ).map((r) => `foreign key: ${r.table} row ${r.rowid} → ${r.parent}`);
    return [...integrity, ...foreign];
  } finally {
    sqlite.close();
  }
}

/** `npm run audit:verify` on the database (the CLI an operator runs): its exit code and output. */
export function auditVerify(env: Record<string, string>): { ok: boolean; output: string } {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const run = spawnSync(tsx, [path.join(root, "app/_server/cli/audit-verify.ts")], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

export function queryAll<T>(databaseUrl: string, sql: string, ...params: unknown[]): T[] {
  const sqlite = open(databaseUrl);
  try {
    return sqlite.prepare(sql).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}
