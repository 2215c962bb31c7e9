// The set-up the staff console's service tests share (test/integration/console-*.test.ts): one
// seeded database for the file; before each case nobody signed in, no kiosk visit cookie, this
// terminal, and no registrations, receipts or emails left by the case before. The rows are written
// straight, as 登録 / 変更 / ICカード更新 and the nightly batch leave them, so each case sets its
// own times and terminals.
//
// The staff sign-in and the visit cookie are stand-ins for vi.mock factories, which load this
// module lazily, so the test and the mock share the same `consoleAuth` / `visitCookie` objects:
//
//   vi.mock("@/app/_server/staff/auth", () => import("@/test/support/console").then((m) => m.fakeConsoleStaffAuth()));
//   vi.mock("next/headers", () => import("@/test/support/console").then((m) => m.fakeVisitCookies()));
import { afterAll, beforeAll, beforeEach } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { db } from "@/app/_server/db";
import type { StaffIdentity } from "@/app/_server/staff/auth";
import type { ReceiptData } from "@/app/_shared/contracts";
import { UNAUTHORIZED } from "@/app/_shared/staff-contracts";
import type { PrismaClient } from "@/prisma/client";
import { seedDemoData } from "@/prisma/seed";
import { receiptFixture } from "@/test/fixtures/receipt-data";
import { freshDatabase } from "./db";

/** Who is signed in, and how often a service asked (a kiosk visit's own receipt must not ask). */
export const consoleAuth: { staff: StaffIdentity | null; asked: number } = { staff: null, asked: 0 };

/** app/_server/staff/auth answering for `consoleAuth.staff`; staffAction refuses nobody's role. */
export function fakeConsoleStaffAuth() {
  return {
    currentStaff: async () => {
      consoleAuth.asked += 1;
      return consoleAuth.staff;
    },
    requireStaffPage: async () => {
      if (!consoleAuth.staff) throw new Error("redirect to sign-in");
      return consoleAuth.staff;
    },
    staffAction: async (_role: string, run: (staff: StaffIdentity) => Promise<unknown>) =>
      consoleAuth.staff ? run(consoleAuth.staff) : UNAUTHORIZED,
  };
}

/** The kiosk visit whose session cookie the browser sends (undefined: none). */
export const visitCookie: { value: string | undefined } = { value: undefined };

/** next/headers with cookies() answering `visitCookie.value` as the kiosk session cookie. */
export function fakeVisitCookies() {
  return {
    cookies: async () => ({
      get: () => (visitCookie.value ? { name: "kiosk_session", value: visitCookie.value } : undefined),
    }),
  };
}

export type ConsoleSuite = { prisma: PrismaClient };

/** Registers the file's hooks; the returned object's `prisma` is set once they have run. */
export function consoleSuite(): ConsoleSuite {
  const suite = {} as ConsoleSuite;
  let close: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const database = await freshDatabase();
    suite.prisma = database.prisma;
    close = database.close;
    await seedDemoData(database.prisma);
  });
  afterAll(() => close());
  beforeEach(async () => {
    consoleAuth.staff = null;
    visitCookie.value = undefined;
    process.env.TERMINAL_ID = "CONSOLE-T";
    resetConfigForTests();
    const p = suite.prisma;
    await p.$transaction([
      p.outboxEmail.deleteMany(),
      p.propagationTask.deleteMany(),
      p.kioskSession.deleteMany(),
      p.receipt.deleteMany(),
      p.terminalOpening.deleteMany(),
      p.terminal.deleteMany(),
      p.agencyRegistration.deleteMany(),
      p.cardRegistration.updateMany({ data: { replacedById: null } }),
      p.cardRegistration.deleteMany(),
      p.userRegistration.deleteMany(),
    ]);
  });
  return suite;
}

// keeps fingerprints and receipt numbers unique within the file's database
let seq = 0;

export async function agencyId(code: string): Promise<string> {
  return (await db().agency.findUniqueOrThrow({ where: { code } })).id;
}

/** A card registration as 登録 writes it (the registering agency reflected at once). */
export async function makeCard(
  opts: {
    userId?: string;
    kind?: string;
    agency?: string;
    serial?: string;
    holder?: string;
    createdAt?: Date;
  } = {},
) {
  const q = await db().qualification.findUniqueOrThrow({
    where: { userId_kind: { userId: opts.userId ?? "1000000001", kind: opts.kind ?? "construction" } },
  });
  const agency = await agencyId(opts.agency ?? "110000");
  const card = await db().cardRegistration.create({
    data: {
      qualificationId: q.id,
      kind: q.kind,
      agencyId: agency,
      issuer: receiptFixture.card.issuer,
      serialNumber: opts.serial ?? "3233363534",
      fingerprint: `fp-${++seq}`,
      subject: receiptFixture.card.subject,
      notBefore: new Date(receiptFixture.card.notBefore),
      notAfter: new Date(receiptFixture.card.notAfter),
      holderName: opts.holder ?? "埼玉 太郎",
      holderAddress: receiptFixture.card.holderAddress,
      companyOnCard: q.officialName,
      certificatePem: "-----BEGIN CERTIFICATE-----\nfixture\n-----END CERTIFICATE-----\n",
      ...receiptFixture.department,
      createdAt: opts.createdAt,
    },
  });
  await db().agencyRegistration.create({
    data: { cardRegistrationId: card.id, agencyId: agency, reflectedAt: card.createdAt },
  });
  return card;
}

/** A receipt with its propagation tasks (targets by agency code), as the three operations write them. */
export async function makeReceipt(
  card: { id: string; agencyId: string },
  opts: {
    number?: string;
    operation?: "register" | "change" | "renewal";
    createdAt?: Date;
    terminalId?: string;
    targets?: string[];
    terminalOpeningId?: string;
    userId?: string;
  } = {},
) {
  const number = opts.number ?? `20261126-${String(++seq).padStart(6, "0")}`;
  const createdAt = opts.createdAt ?? new Date();
  const data: ReceiptData = {
    ...receiptFixture,
    number,
    operation: opts.operation ?? "register",
    issuedAt: createdAt.toISOString(),
    userId: opts.userId ?? "1000000001",
  };
  const receipt = await db().receipt.create({
    data: {
      number,
      operation: data.operation,
      cardRegistrationId: card.id,
      agencyId: card.agencyId,
      kind: "construction",
      terminalId: opts.terminalId ?? "KIOSK-01",
      terminalOpeningId: opts.terminalOpeningId,
      data: data as unknown as object,
      createdAt,
    },
  });
  for (const code of opts.targets ?? []) {
    await db().propagationTask.create({
      data: {
        operation: data.operation,
        cardRegistrationId: card.id,
        receiptId: receipt.id,
        sourceAgencyId: card.agencyId,
        targetAgencyId: await agencyId(code),
      },
    });
  }
  return receipt;
}

/** What the nightly batch does for one task: the agency row, the task applied. */
export async function applyTask(receiptId: string, code: string, at: Date) {
  const target = await agencyId(code);
  const task = await db().propagationTask.update({
    where: { receiptId_targetAgencyId: { receiptId, targetAgencyId: target } },
    data: { status: "applied", appliedAt: at },
  });
  await db().agencyRegistration.upsert({
    where: { cardRegistrationId_agencyId: { cardRegistrationId: task.cardRegistrationId, agencyId: target } },
    create: { cardRegistrationId: task.cardRegistrationId, agencyId: target, reflectedAt: at, receiptId },
    update: { reflectedAt: at, receiptId },
  });
}

export async function auditRows(action: string) {
  return db().auditLog.findMany({ where: { action }, orderBy: { seq: "asc" } });
}
