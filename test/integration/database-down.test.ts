// Issue 10, "Database down", through the kiosk's server actions on a PostgreSQL cluster of this
// file's own (it is stopped and started again, so never the run's shared server): the errors a
// stopped server gives are told apart from failed queries; a visit whose database goes away
// mid-visit is answered "unavailable" with nothing written, the kiosk page and /api/health say so,
// and once the server is back the next visit registers.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as actions from "@/app/actions";
import { GET as health } from "@/app/api/health/route";
import { resetConfigForTests } from "@/app/_server/config";
import { databaseReachable, isDatabaseUnreachable } from "@/app/_server/db";
import KioskPage from "@/app/page";
import type { SimulatedCardReader } from "@/kiosk/card";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { migratePostgres } from "@/prisma/migrate";
import { seedDemoData } from "@/prisma/seed";
import { openTestTerminal } from "../support/db";
import { freshCardReader, pinOf, registrationForm, SAITAMA_LOGIN } from "../support/kiosk";
import { startPostgres, type PrivatePostgres } from "../support/postgres";

// the browser's cookie jar for the kiosk session, as the actions read and write it
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
}));
vi.mock("next/cache", () => ({ refresh: () => undefined }));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ refresh: () => undefined }),
}));
// the outbox dispatcher the kiosk page kicks is not this test's subject
vi.mock("@/app/_server/email/dispatcher", () => ({ kickOutbox: async () => undefined }));

let tmp: string;
let pg: PrivatePostgres;
let prisma: PrismaClient;
let reader: SimulatedCardReader;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-down-"));
  pg = await startPostgres({ dir: path.join(tmp, "postgres") });
  const url = await pg.createDatabase("kiosk_down");
  await migratePostgres(url);
  process.env.DATABASE_URL = url;
  process.env.TERMINAL_ID = "DOWN-01";
  // a PostgreSQL database keeps no audit key file beside it: its servers share AUDIT_KEY (issue 12)
  process.env.AUDIT_KEY ??= crypto.randomBytes(32).toString("hex");
  resetConfigForTests();
  prisma = createPrismaClient(url);
  (globalThis as { kioskPrisma?: PrismaClient }).kioskPrisma = prisma;
  await seedDemoData(prisma);
}, 60_000);

afterAll(async () => {
  await prisma?.$disconnect();
  delete (globalThis as { kioskPrisma?: PrismaClient }).kioskPrisma;
  await pg?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  await pg.start(); // a case that failed half-way leaves it stopped
  jar.clear();
  reader = await freshCardReader();
});

const page = async () => renderToStaticMarkup((await KioskPage()) as ReactElement);

async function counts() {
  const [registrations, receipts, emails, tasks] = await Promise.all([
    prisma.cardRegistration.count(),
    prisma.receipt.count(),
    prisma.outboxEmail.count(),
    prisma.propagationTask.count(),
  ]);
  return { registrations, receipts, emails, tasks };
}

/** The visit up to the 利用者登録 form: session, DEMO-A's PIN step, the qualification search. */
async function visitToForm() {
  await openTestTerminal(prisma, { terminalId: "DOWN-01" });
  expect(await actions.startSession({ agencyCode: "110000", kind: "construction" })).toMatchObject({
    ok: true,
  });
  reader.insert("DEMO-A");
  expect(await actions.proveCard({ pin: pinOf("DEMO-A"), purpose: "register" })).toMatchObject({ ok: true });
  expect(await actions.searchQualification(SAITAMA_LOGIN)).toMatchObject({ ok: true });
}

describe("what a stopped PostgreSQL throws", () => {
  it("is unreachable; a failed query on a running server is not", async () => {
    const duplicate = await prisma.agency
      .create({ data: { code: "110000", name: "重複", goods: false } })
      .catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ code: "P2002" });
    expect(isDatabaseUnreachable(duplicate)).toBe(false);
    const syntax = await prisma.$queryRawUnsafe("SELEC 1").catch((e: unknown) => e);
    expect(syntax).toBeInstanceOf(Error);
    expect(isDatabaseUnreachable(syntax)).toBe(false);
    expect(isDatabaseUnreachable(new Error("something else"))).toBe(false);
    expect(await databaseReachable()).toBe(true);

    await pg.stop();
    const count = await prisma.agency.count().catch((e: unknown) => e);
    expect(count).toMatchObject({ name: "PrismaClientKnownRequestError", code: "P1001" });
    expect(isDatabaseUnreachable(count)).toBe(true);
    const raw = await prisma.$queryRawUnsafe("SELECT 1").catch((e: unknown) => e);
    expect(raw).toMatchObject({ code: "P2010" }); // a raw query's code: the adapter's cause says why
    expect(isDatabaseUnreachable(raw)).toBe(true);
    const tx = await prisma.$transaction(async (t) => t.agency.count()).catch((e: unknown) => e);
    expect(isDatabaseUnreachable(tx)).toBe(true);
    expect(await databaseReachable()).toBe(false);
  });

  it("rolls back a transaction whose server stops under it, says unreachable, and leaks no connection", async () => {
    const own = createPrismaClient(process.env.DATABASE_URL);
    const inFlight = own
      .$transaction(async (t) => {
        await t.agency.create({ data: { code: "999999", name: "書きかけ", goods: false } });
        await t.$executeRawUnsafe("SELECT pg_sleep(5)");
      })
      .catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await pg.stop();
    const error = await inFlight;
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnreachable(error)).toBe(true);
    await pg.start();
    expect(await own.agency.count({ where: { code: "999999" } })).toBe(0);
    // pg's pool.end() waits for every checked-out connection: a leaked one would hang it
    // (prisma/pg-adapter.ts), and with it, after a few outages, every query of the server
    const closed = await Promise.race([
      own.$disconnect().then(() => "closed"),
      new Promise((resolve) => setTimeout(() => resolve("a connection is still checked out"), 5000)),
    ]);
    expect(closed).toBe("closed");
  });
});

describe("Database down: the kiosk through its server actions", () => {
  it("answers unavailable mid-visit with nothing written, and the next visit registers once it is back", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await visitToForm();
    const interrupted = jar.get("kiosk_session");
    const before = await counts();

    await pg.stop();
    const answer = await actions.register(registrationForm());
    expect(answer).toMatchObject({ ok: false, code: "unavailable" });
    expect(answer.ok ? "" : answer.message).toContain("ただいまご利用いただけません");
    // an outage, not a bug: one warning naming the step, no stack, no error
    expect(warn).toHaveBeenCalledWith("[kiosk] register: database unreachable (P1001)");
    expect(await actions.startSession({ agencyCode: "110000", kind: "construction" })).toMatchObject({
      code: "unavailable",
    });
    expect((await health()).status).toBe(503);
    const down = await page();
    expect(down).toContain("ただいまご利用いただけません");
    expect(down).toContain("しばらくしてから自動で再開します");

    await pg.start();
    expect((await health()).status).toBe(200);
    expect(await counts()).toEqual(before);
    expect(before.registrations).toBe(0);
    expect(await page()).not.toContain("ただいまご利用いただけません");

    // the kiosk starts over: a new visit (the old one is ended by startSession) goes through
    reader.remove();
    await visitToForm();
    const registered = await actions.register(registrationForm());
    expect(registered).toMatchObject({ ok: true });
    expect(await counts()).toMatchObject({ registrations: 1, receipts: 1, emails: 1 });
    // the interrupted visit was not continued: ended when the new one started, no receipt of its own
    expect(jar.get("kiosk_session")).not.toBe(interrupted);
    const old = await prisma.kioskSession.findUniqueOrThrow({ where: { id: interrupted } });
    expect(old).toMatchObject({ receiptId: null });
    expect(old.endedAt).not.toBeNull();
  });
});
