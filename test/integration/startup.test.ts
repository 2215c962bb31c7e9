// A server refuses to start on a DATABASE_URL it cannot use (issue 10): the message names the
// variable and the host, never the password; on a database that answers, it starts.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { AUDIT_KEY_FILE, auditKeyStartProblem, loadAuditKeyring } from "@/app/_server/audit/key";
import { dataFilesStartProblem, databaseStartProblem } from "@/app/_server/start/checks";
import { secureSqliteFiles } from "@/prisma/data-files";
import type { PrismaClient } from "@/prisma/client";
import { freshDatabase } from "../support/db";

const holder = globalThis as { kioskPrisma?: PrismaClient };
const saved = process.env.DATABASE_URL;
const savedKey = process.env.AUDIT_KEY;
let opened: Awaited<ReturnType<typeof freshDatabase>> | undefined;

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function useUrl(url: string) {
  await holder.kioskPrisma?.$disconnect();
  delete holder.kioskPrisma;
  process.env.DATABASE_URL = url;
}

afterEach(async () => {
  await holder.kioskPrisma?.$disconnect();
  delete holder.kioskPrisma;
  process.env.DATABASE_URL = saved;
  if (savedKey === undefined) delete process.env.AUDIT_KEY;
  else process.env.AUDIT_KEY = savedKey;
});
afterAll(() => opened?.close());

describe("the database at start", () => {
  it("a URL of no known kind: names DATABASE_URL", async () => {
    await useUrl("mysql://kiosk:s3cretpw@db.example:3306/kiosk");
    const problem = await databaseStartProblem();
    expect(problem).toMatch(/^DATABASE_URL must be a SQLite file: URL or a postgresql:\/\/ URL/);
    expect(problem).not.toContain("s3cretpw");
  });

  it("a PostgreSQL server that does not answer: names DATABASE_URL and the host, not the password", async () => {
    const port = await closedPort();
    await useUrl(`postgresql://kiosk:s3cretpw@127.0.0.1:${port}/kiosk`);
    const problem = await databaseStartProblem();
    expect(problem).toBe(
      `DATABASE_URL: no database answers at 127.0.0.1:${port}/kiosk (is the server running and reachable from this terminal?)`,
    );
  });

  it("a database that answers: no problem, the server starts", async () => {
    opened = await freshDatabase();
    expect(await databaseStartProblem()).toBeNull();
  });
});

describe("files and keys at start (issue 12 items 4 and 6)", () => {
  const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);

  it("a database made by the demo's and the tests' helper is 0600 in a 0700 folder, and the server starts", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-perm-")), "data");
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, "kiosk.db");
    fs.writeFileSync(`${file}-wal`, "");
    fs.chmodSync(`${file}-wal`, 0o644);
    secureSqliteFiles(file);
    expect([mode(dir), mode(file), mode(`${file}-wal`)]).toEqual(["700", "600", "600"]);
    process.env.DATABASE_URL = `file:${file}`;
    delete process.env.AUDIT_KEY;
    expect(dataFilesStartProblem()).toBeNull();
    expect(auditKeyStartProblem()).toBeNull();
    // the audit key was made once, 0600, beside the database
    expect(mode(path.join(dir, AUDIT_KEY_FILE))).toBe("600");
  });

  it("refuses a group- or world-readable database, journal or folder, naming the path and the chmod", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-perm-")), "data");
    const file = path.join(dir, "kiosk.db");
    secureSqliteFiles(file);
    process.env.DATABASE_URL = `file:${file}`;
    fs.chmodSync(file, 0o644);
    expect(dataFilesStartProblem()).toBe(
      `the database file ${file} is open to other users (mode 0644): chmod 600 ${file}`,
    );
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(`${file}-journal`, "", { mode: 0o640 });
    fs.chmodSync(`${file}-journal`, 0o640);
    expect(dataFilesStartProblem()).toContain(`chmod 600 ${file}-journal`);
    fs.chmodSync(`${file}-journal`, 0o600);
    fs.chmodSync(dir, 0o755);
    expect(dataFilesStartProblem()).toBe(
      `the database folder ${dir} is open to other users (mode 0755): chmod 700 ${dir}`,
    );
    fs.chmodSync(dir, 0o700);
    expect(dataFilesStartProblem()).toBeNull();
  });

  it("on PostgreSQL the audit key is required (servers share it); a malformed AUDIT_KEY is refused", () => {
    process.env.DATABASE_URL = "postgresql://kiosk:s3cretpw@db.example:5432/kiosk";
    delete process.env.AUDIT_KEY;
    expect(auditKeyStartProblem()).toMatch(/^AUDIT_KEY: required with a PostgreSQL DATABASE_URL/);
    process.env.AUDIT_KEY = "too-short";
    expect(auditKeyStartProblem()).toMatch(/^AUDIT_KEY: a key of at least 32 bytes in hex/);
    process.env.AUDIT_KEY = "0f".repeat(32);
    expect(auditKeyStartProblem()).toBeNull();
  });

  it("the key id is the first 8 hex digits of SHA-256 of the key; retired keys come from AUDIT_KEYS_OLD", () => {
    const keyring = loadAuditKeyring({
      DATABASE_URL: "postgresql://k@h/db",
      AUDIT_KEY: "0f".repeat(32),
      AUDIT_KEYS_OLD: `${"aa".repeat(32)},${"bb".repeat(40)}`,
    });
    expect(keyring.current.id).toBe("9b68d49b");
    expect([...keyring.byId.keys()]).toHaveLength(3);
    expect(keyring.byId.get(keyring.current.id)).toBe(keyring.current);
  });
});
