import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/prisma/client";
import { databaseFromEnv, describeUrl } from "@/prisma/url";
import { tokyoDay } from "../time";
import { sqliteDataDir } from "./key";

// The chain's head written outside the database once a Tokyo day (issue 12 item 4): one JSON line
// per anchor, appended (O_APPEND, 0600) to AUDIT_ANCHOR_FILE, by default `audit-anchors` beside the
// SQLite file (with PostgreSQL, this server's .data/). Verify checks every anchored (seq, hash)
// against the chain: a chain rebuilt after the anchor — even with a stolen key — fails there.
// Each line names its database, so one file can serve a server that is moved between databases.

export type AuditAnchor = { seq: number; hash: string; at: string; database: string };

const DAY_CHECK_MS = 60 * 60_000;

export function anchorFile(env: Record<string, string | undefined> = process.env): string {
  if (env.AUDIT_ANCHOR_FILE?.trim()) return path.resolve(env.AUDIT_ANCHOR_FILE.trim());
  const dir =
    sqliteDataDir(databaseFromEnv(env)) ?? path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data");
  return path.join(dir, "audit-anchors");
}

/** How the anchors name this database: the SQLite file, or host:port/db (never a password). */
function databaseName(): string {
  const database = databaseFromEnv();
  return database.engine === "sqlite" ? database.url.slice("file:".length) : describeUrl(database.url);
}

// The anchor file is the operator's (AUDIT_ANCHOR_FILE or beside the data), never a project file:
// turbopackIgnore keeps the build from tracing the whole project into its output for it.

/** This database's anchors in the file, oldest first; no file = none. Unreadable lines are skipped. */
export function readAnchors(file: string = anchorFile()): AuditAnchor[] {
  let text: string;
  try {
    text = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8");
  } catch {
    return [];
  }
  const name = databaseName();
  return text.split("\n").flatMap((line) => {
    try {
      const a = JSON.parse(line) as AuditAnchor;
      return typeof a.seq === "number" && typeof a.hash === "string" && a.database === name ? [a] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Appends the chain's head to the anchor file unless this database already has an anchor of the
 * same Tokyo day. Returns the anchor written, or null.
 */
export async function anchorAuditHead(
  client: Pick<PrismaClient, "auditChainHead">,
  now: Date = new Date(),
  file: string = anchorFile(),
): Promise<AuditAnchor | null> {
  const last = readAnchors(file).at(-1);
  if (last && tokyoDay(new Date(last.at)) === tokyoDay(now)) return null;
  const head = await client.auditChainHead.findUnique({ where: { id: 1 } });
  const anchor: AuditAnchor = {
    seq: head?.seq ?? 0,
    hash: head?.hash ?? "",
    at: now.toISOString(),
    database: databaseName(),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(/*turbopackIgnore: true*/ file, "a", 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(anchor)}\n`);
  } finally {
    fs.closeSync(fd);
  }
  return anchor;
}

/** At start and then hourly: the day's anchor is written by whichever check first sees a new day. */
export function ensureDailyAnchor(client: Pick<PrismaClient, "auditChainHead">): void {
  const run = () =>
    anchorAuditHead(client).catch((error: unknown) => {
      // a full disk or an unreachable database must not stop the server; the next hour tries again
      console.warn(`[audit] could not anchor the audit log: ${(error as Error).name}`);
    });
  void run();
  setInterval(run, DAY_CHECK_MS).unref();
}
