// A transaction is isolated from the process's other queries, on SQLite as on PostgreSQL. Prisma
// 6.19's better-sqlite3 adapter runs every query on one connection: a write from another request
// made while a transaction was open became part of it and was undone by its rollback (a lost
// registration race, a failed submit), and a read saw rows never committed. prisma/sqlite-adapter.ts
// makes such queries wait for the open transaction; PostgreSQL gives each its own connection.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/support/db";

let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  database = await freshDatabase();
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  await database.prisma.staffSignInCounter.deleteMany();
});

const counter = (key: string) => ({ key, windowStartedAt: new Date() });

async function keys(): Promise<string[]> {
  const rows = await database.prisma.staffSignInCounter.findMany({ select: { key: true } });
  return rows.map((r) => r.key).sort();
}

/**
 * A transaction that writes `key`, then waits for `meanwhile` (another request's work, started
 * while it is open) and for a moment more before it ends — rolled back when `fail`.
 */
async function openTransaction(
  key: string,
  fail: boolean,
  meanwhile: () => Promise<unknown>,
): Promise<{ outcome: string; other: unknown }> {
  const prisma = database.prisma;
  let other: Promise<unknown> = Promise.resolve();
  const outcome = await prisma
    .$transaction(async (tx) => {
      await tx.staffSignInCounter.create({ data: counter(key) });
      // the other request starts now, while this transaction is open (a Prisma query runs only
      // once something awaits it: adopting it into a promise does) …
      other = Promise.resolve().then(meanwhile);
      // … and this one goes on with its own steps before it ends
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (fail) throw new Error("refused");
    })
    .then(
      () => "committed",
      (error: Error) => error.message,
    );
  return { outcome, other: await other };
}

describe("a transaction is isolated from the other requests' queries", () => {
  it("a write made outside while a transaction is open survives that transaction's rollback", async () => {
    const { outcome } = await openTransaction("rolled-back", true, () =>
      database.prisma.staffSignInCounter.create({ data: counter("other-request") }),
    );
    expect(outcome).toBe("refused");
    expect(await keys()).toEqual(["other-request"]);
  });

  it("a read made outside while a transaction is open never sees its rows before they are committed", async () => {
    const { outcome, other } = await openTransaction("not-yet", true, () => keys());
    expect(outcome).toBe("refused");
    expect(other).toEqual([]);
    expect(await keys()).toEqual([]);
  });

  it("both commit: each request's write is there once", async () => {
    const { outcome } = await openTransaction("first", false, () =>
      database.prisma.staffSignInCounter.create({ data: counter("second") }),
    );
    expect(outcome).toBe("committed");
    expect(await keys()).toEqual(["first", "second"]);
  });
});
