// Issue 5 item 4: the audit log is a hash chain; editing, deleting or cutting off rows shows, and
// `npm run audit:verify` names the first broken row. Issue 12 item 4: the chain is keyed (HMAC with
// a key outside the database), so rehashing after an edit without the key shows too.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { UNAUTHORIZED } from "@/app/_shared/staff-contracts";
import { anchorAuditHead, readAnchors } from "@/app/_server/audit/anchor";
import { audit } from "@/app/_server/audit/append";
import { auditHash, auditHmac, type ChainedFields } from "@/app/_server/audit/chain";
import { auditKeyring } from "@/app/_server/audit/key";
import { describeVerification, verifyAuditChain } from "@/app/_server/audit/verify";
import { freshDatabase } from "@/test/support/db";
import { STAFF, who } from "@/test/support/staff";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");

// the auth helper's staffAction stand-in, with the same refusals
vi.mock("@/app/_server/staff/auth", () => import("@/test/support/staff").then((m) => m.fakeStaffAuth()));

const { verifyAuditChainAction } = await import("@/app/staff/_actions/audit");

let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeEach(async () => {
  database = await freshDatabase();
});

afterEach(async () => {
  await database.close();
});

/** 12 rows: 5 one by one, 3 inside one business transaction, 4 appended concurrently. */
async function writeRows(): Promise<void> {
  for (let i = 1; i <= 5; i++) {
    await audit({
      action: "session.start",
      outcome: "ok",
      userId: `100000000${i}`,
      detail: { step: i, at: new Date() },
    });
  }
  await database.prisma.$transaction(async (tx) => {
    await audit({ action: "search", outcome: "refused", detail: { reason: "notFound" } }, tx);
    await audit(
      {
        action: "registration.create",
        outcome: "ok",
        staffLogin: "staff01",
        detail: { b: 1, a: [2, { d: 3, c: 4 }] },
      },
      tx,
    );
    await audit({ action: "email.queue", outcome: "ok" }, tx);
  });
  await Promise.all(
    [1, 2, 3, 4].map((n) => audit({ action: "card.proof", outcome: n % 2 ? "ok" : "error", detail: { n } })),
  );
}

/** Tampering goes around the services, straight to the tables, as an intruder would. */
const sql = (statement: string, ...params: unknown[]) => database.sql(statement, ...params);

const idOf = async (seq: number) => (await database.prisma.auditLog.findUniqueOrThrow({ where: { seq } })).id;

describe("audit chain", () => {
  it("numbers rows 1..n without gaps, also for nested and concurrent appends, and verifies", async () => {
    await writeRows();
    const rows = await database.prisma.auditLog.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows[0]!.prevHash).toBe("");
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    const head = await database.prisma.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    expect(head).toMatchObject({ seq: 12, hash: rows[11]!.hash });

    const result = await verifyAuditChain(database.prisma, { pageSize: 5 });
    expect(result).toEqual({ ok: true, rows: 12 });
    expect(describeVerification(result)).toBe("監査ログ 12 行: 改ざんなし");
  });

  it("an empty log verifies", async () => {
    expect(await verifyAuditChain(database.prisma)).toEqual({ ok: true, rows: 0 });
  });

  it("an edited detail names exactly that row (hash)", async () => {
    await writeRows();
    await sql(`UPDATE "AuditLog" SET "detail" = '{"step":99}' WHERE "seq" = 4`);
    const result = await verifyAuditChain(database.prisma, { pageSize: 3 });
    expect(result.ok).toBe(false);
    expect(result.rows).toBe(3);
    expect(result.firstBroken).toMatchObject({
      seq: 4,
      id: await idOf(4),
      reason: "hash",
      action: "session.start",
    });
  });

  it("an edited outcome names exactly that row (hash)", async () => {
    await writeRows();
    await sql(`UPDATE "AuditLog" SET "outcome" = 'ok' WHERE "seq" = 6`);
    const result = await verifyAuditChain(database.prisma);
    expect(result.firstBroken).toMatchObject({ seq: 6, id: await idOf(6), reason: "hash" });
    expect(describeVerification(result)).toMatch(
      /^監査ログ: seq 6 \(id \w+, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d search\): 内容が記録時と一致しません/,
    );
  });

  it("a row replaced with a hash recomputed with the key is named by the next row's link", async () => {
    await writeRows();
    const row = await database.prisma.auditLog.findUniqueOrThrow({ where: { seq: 8 } });
    const forged = { ...row, outcome: "refused", detail: null };
    await sql(
      `UPDATE "AuditLog" SET "outcome" = 'refused', "detail" = NULL, "hash" = ? WHERE "seq" = 8`,
      auditHmac(forged, auditKeyring().current),
    );
    const result = await verifyAuditChain(database.prisma);
    expect(result).toMatchObject({
      ok: false,
      rows: 8,
      firstBroken: { seq: 9, id: await idOf(9), reason: "link" },
    });
  });

  it("a deleted middle row is named as a gap at the row after it", async () => {
    await writeRows();
    await sql(`DELETE FROM "AuditLog" WHERE "seq" = 7`);
    const result = await verifyAuditChain(database.prisma, { pageSize: 4 });
    expect(result).toMatchObject({
      ok: false,
      rows: 6,
      firstBroken: { seq: 8, id: await idOf(8), reason: "gap" },
    });
  });

  it("a deleted last row is named by the head", async () => {
    await writeRows();
    const last11 = await idOf(11);
    await sql(`DELETE FROM "AuditLog" WHERE "seq" = 12`);
    const result = await verifyAuditChain(database.prisma);
    expect(result).toMatchObject({
      ok: false,
      rows: 11,
      firstBroken: { seq: 12, id: last11, reason: "head" },
    });
    expect(describeVerification(result)).toContain("seq 12");
  });

  it("a head moved back over an edited last row is named by the row after it", async () => {
    await writeRows();
    const row11 = await database.prisma.auditLog.findUniqueOrThrow({ where: { seq: 11 } });
    await sql(`UPDATE "AuditLog" SET "outcome" = 'ok' WHERE "seq" = 12`);
    await sql(`UPDATE "AuditChainHead" SET "seq" = 11, "hash" = ? WHERE "id" = 1`, row11.hash);
    const result = await verifyAuditChain(database.prisma);
    expect(result).toMatchObject({
      ok: false,
      rows: 11,
      firstBroken: { seq: 12, id: await idOf(12), reason: "head" },
    });
  });

  it("rows appended while the check runs are checked too, not reported", async () => {
    await writeRows();
    let appended = false;
    const client = new Proxy(database.prisma, {
      get(target, prop, receiver) {
        if (prop !== "auditLog") return Reflect.get(target, prop, receiver);
        const log = target.auditLog;
        return new Proxy(log, {
          get(t, p, r) {
            if (p !== "findMany") return Reflect.get(t, p, r);
            return async (args: Parameters<typeof log.findMany>[0]) => {
              const page = await log.findMany(args);
              if (!appended) {
                appended = true;
                await audit({ action: "session.start", outcome: "ok" });
                await audit({ action: "session.end", outcome: "ok" });
              }
              return page;
            };
          },
        });
      },
    });
    expect(await verifyAuditChain(client, { pageSize: 5 })).toEqual({ ok: true, rows: 14 });
  });

  it("audit:verify exits 0 on an intact chain and 1 naming the edited seq", async () => {
    await writeRows();
    const env = { ...process.env, DATABASE_URL: database.url };
    const cli = ["tsx", "app/_server/cli/audit-verify.ts"];
    const ok = await run("npx", cli, { cwd: ROOT, env });
    expect(ok.stdout).toContain("監査ログ 12 行: 改ざんなし");

    await sql(`UPDATE "AuditLog" SET "detail" = '{"n":5}' WHERE "seq" = 10`);
    const failed = await run("npx", cli, { cwd: ROOT, env }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("seq 10");
    expect(failed.stderr).toContain(await idOf(10));
    expect(failed.stderr).toContain("内容が記録時と一致しません");
  }, 60_000);
});

describe("verifyAuditChainAction", () => {
  it("any staff member can check the chain; without a session it is refused", async () => {
    who.staff = null;
    expect(await verifyAuditChainAction()).toEqual(UNAUTHORIZED);
    who.staff = STAFF;
    await writeRows();
    const answer = await verifyAuditChainAction();
    expect(answer).toMatchObject({
      ok: true,
      intact: true,
      rows: 12,
      firstBroken: null,
      summary: "監査ログ 12 行: 改ざんなし",
    });
    await sql(`DELETE FROM "AuditLog" WHERE "seq" = 3`);
    expect(await verifyAuditChainAction()).toMatchObject({
      ok: true,
      intact: false,
      firstBroken: { seq: 4, reason: "gap" },
    });
  });
});

/**
 * The attack of issue 12: edit row `from`, then recompute that row's and every later row's hash
 * with `hash` the way someone with only the database can, and move the head along.
 */
async function rehashFrom(from: number, hash: (row: ChainedFields) => string, keyId?: null): Promise<void> {
  const rows = await database.prisma.auditLog.findMany({
    where: { seq: { gte: from } },
    orderBy: { seq: "asc" },
  });
  let prevHash = (await database.prisma.auditLog.findUnique({ where: { seq: from - 1 } }))?.hash ?? "";
  for (const row of rows) {
    const next = hash({ ...row, prevHash });
    const setKey = keyId === null ? `, "keyId" = NULL` : "";
    await sql(
      `UPDATE "AuditLog" SET "prevHash" = ?, "hash" = ?${setKey} WHERE "seq" = ?`,
      prevHash,
      next,
      row.seq,
    );
    prevHash = next;
  }
  await sql(`UPDATE "AuditChainHead" SET "hash" = ? WHERE "id" = 1`, prevHash);
}

describe("keyed audit chain (issue 12 item 4)", () => {
  const saved = { key: process.env.AUDIT_KEY, old: process.env.AUDIT_KEYS_OLD };
  afterEach(() => {
    for (const [name, value] of [
      ["AUDIT_KEY", saved.key],
      ["AUDIT_KEYS_OLD", saved.old],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("every row records the key id and its hash is an HMAC with that key, not plain SHA-256", async () => {
    await writeRows();
    const key = auditKeyring().current;
    expect(key.id).toMatch(/^[0-9a-f]{8}$/);
    for (const row of await database.prisma.auditLog.findMany()) {
      expect(row.keyId).toBe(key.id);
      expect(row.hash).toBe(auditHmac(row, key));
      expect(row.hash).not.toBe(auditHash(row));
    }
  });

  it("an edit with every later hash recomputed with plain SHA-256 is named at the edited row", async () => {
    await writeRows();
    await sql(`UPDATE "AuditLog" SET "detail" = '{"step":99}' WHERE "seq" = 4`);
    await rehashFrom(4, auditHash);
    const result = await verifyAuditChain(database.prisma);
    expect(result).toMatchObject({
      ok: false,
      rows: 3,
      firstBroken: { seq: 4, id: await idOf(4), reason: "hash" },
    });
  });

  it("the same attack passing the rehashed rows off as legacy rows (key id cleared) is named at the edited row", async () => {
    await writeRows();
    await sql(`UPDATE "AuditLog" SET "outcome" = 'ok' WHERE "seq" = 6`);
    await rehashFrom(6, auditHash, null);
    const result = await verifyAuditChain(database.prisma);
    expect(result).toMatchObject({ ok: false, rows: 5, firstBroken: { seq: 6, reason: "legacy" } });
    expect(describeVerification(result)).toContain("鍵なしの行が鍵付きの行より後にあります");
  });

  it("legacy rows (plain SHA-256, from before the key) still verify when they come before the keyed rows", async () => {
    // three rows as the chain wrote them before issue 12: keyId null, plain SHA-256
    let prevHash = "";
    for (let seq = 1; seq <= 3; seq++) {
      const row = {
        seq,
        prevHash,
        createdAt: new Date(Date.UTC(2026, 10, 1, 0, seq)),
        terminalId: "KIOSK-01",
        kioskSessionId: null,
        staffLogin: null,
        action: "session.start",
        outcome: "ok",
        userId: null,
        detail: { seq },
      };
      const hash = auditHash(row);
      await database.prisma.auditLog.create({ data: { ...row, hash } });
      prevHash = hash;
    }
    await database.prisma.auditChainHead.upsert({
      where: { id: 1 },
      update: { seq: 3, hash: prevHash },
      create: { id: 1, seq: 3, hash: prevHash },
    });
    await audit({ action: "session.end", outcome: "ok" });
    expect(await verifyAuditChain(database.prisma)).toEqual({ ok: true, rows: 4 });
    const rows = await database.prisma.auditLog.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.keyId)).toEqual([null, null, null, auditKeyring().current.id]);
  });

  it("after a key rotation old rows verify with AUDIT_KEYS_OLD; without it they are named (unknown key id)", async () => {
    await writeRows();
    const old = auditKeyring().current;
    process.env.AUDIT_KEY = "ab".repeat(32);
    expect(auditKeyring().current.id).not.toBe(old.id);
    await audit({ action: "session.start", outcome: "ok" });
    const unknown = await verifyAuditChain(database.prisma);
    expect(unknown).toMatchObject({ ok: false, rows: 0, firstBroken: { seq: 1, reason: "key" } });

    process.env.AUDIT_KEYS_OLD = old.secret.toString("hex");
    expect(await verifyAuditChain(database.prisma)).toEqual({ ok: true, rows: 13 });
    const last = await database.prisma.auditLog.findUniqueOrThrow({ where: { seq: 13 } });
    expect(last.keyId).toBe(auditKeyring().current.id);
  });
});

describe("the audit chain's daily anchor (issue 12 item 4)", () => {
  const anchorsIn = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-anchor-")), "audit-anchors");

  it("writes the head once a Tokyo day, appending to a 0600 file; verify holds the chain to it", async () => {
    await writeRows();
    const file = anchorsIn();
    const day1 = new Date("2026-12-08T00:30:00+09:00");
    const head = await database.prisma.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    expect(await anchorAuditHead(database.prisma, day1, file)).toMatchObject({ seq: 12, hash: head.hash });
    expect(await anchorAuditHead(database.prisma, new Date("2026-12-08T23:59:00+09:00"), file)).toBeNull();
    await audit({ action: "session.start", outcome: "ok" });
    expect(await anchorAuditHead(database.prisma, new Date("2026-12-09T00:01:00+09:00"), file)).toMatchObject(
      {
        seq: 13,
      },
    );
    expect(readAnchors(file).map((a) => a.seq)).toEqual([12, 13]);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe("600");
    expect(await verifyAuditChain(database.prisma, { anchors: readAnchors(file) })).toEqual({
      ok: true,
      rows: 13,
    });
  });

  it("an edit rehashed with plain SHA-256 is named at the edited row; rehashed with a stolen key, at the anchor", async () => {
    await writeRows();
    const file = anchorsIn();
    await anchorAuditHead(database.prisma, new Date(), file);
    const anchors = readAnchors(file);

    await sql(`UPDATE "AuditLog" SET "detail" = '{"step":99}' WHERE "seq" = 4`);
    await rehashFrom(4, auditHash);
    expect((await verifyAuditChain(database.prisma, { anchors })).firstBroken).toMatchObject({
      seq: 4,
      reason: "hash",
    });

    const key = auditKeyring().current;
    await rehashFrom(4, (row) => auditHmac(row, key));
    // with the key alone the rewrite passes; the anchor outside the database does not
    expect(await verifyAuditChain(database.prisma, { anchors: [] })).toEqual({ ok: true, rows: 12 });
    const result = await verifyAuditChain(database.prisma, { anchors });
    expect(result).toMatchObject({ ok: false, rows: 11, firstBroken: { seq: 12, reason: "anchor" } });
  });

  it("the whole chain rebuilt as legacy rows (every key id cleared) fails against the anchor", async () => {
    await writeRows();
    const file = anchorsIn();
    await anchorAuditHead(database.prisma, new Date(), file);
    await sql(`UPDATE "AuditLog" SET "userId" = NULL WHERE "seq" = 2`);
    await rehashFrom(1, auditHash, null);
    expect(
      (await verifyAuditChain(database.prisma, { anchors: readAnchors(file) })).firstBroken,
    ).toMatchObject({
      seq: 12,
      reason: "anchor",
    });
  });

  it("audit:verify reads AUDIT_ANCHOR_FILE and names the anchored row of a chain rebuilt with the key", async () => {
    await writeRows();
    const file = anchorsIn();
    await anchorAuditHead(database.prisma, new Date(), file);
    await sql(`UPDATE "AuditLog" SET "outcome" = 'ok' WHERE "seq" = 6`);
    const key = auditKeyring().current;
    await rehashFrom(6, (row) => auditHmac(row, key));
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      AUDIT_ANCHOR_FILE: file,
      AUDIT_KEY: key.secret.toString("hex"),
    };
    const failed = await run("npx", ["tsx", "app/_server/cli/audit-verify.ts"], { cwd: ROOT, env }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("seq 12");
    expect(failed.stderr).toContain("外部に記録したアンカーと一致しません");
  }, 60_000);
});
