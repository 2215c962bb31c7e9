// Terminal openings (issue 5, R23) on a real SQLite file: walk-ins start only on an opened terminal,
// outside hours only with a recorded reason and for OVERRIDE_MINUTES, one open opening per terminal,
// every visit and receipt names the opening it ran under, every staff operation is audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { startSession } from "@/app/_server/visit/session";
import { closeTerminal, openTerminal, recentOpenings, terminalStatus } from "@/app/_server/visit/terminals";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "../support/db";
import { freshCardReader, registerDemoCard } from "../support/kiosk";

let env: Awaited<ReturnType<typeof freshDatabase>>;
let staff: { id: string; login: string };
let terminal = 0;

/** Tokyo wall-clock time as an instant (UTC+9 all year). */
const tokyo = (isoLocal: string) => new Date(`${isoLocal}+09:00`);
// Thursday 26 November 2026, an ordinary weekday
const IN_HOURS = tokyo("2026-11-26T10:00");
const EVENING = tokyo("2026-11-26T21:00");

const visit = (now: Date) => startSession({ agencyCode: "110000", kind: "construction" }, now);

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
  staff = await env.prisma.staffUser.upsert({
    where: { login: "terminal-staff" },
    create: { login: "terminal-staff", displayName: "端末 係員", passwordHash: "-", role: "staff" },
    update: {},
  });
});
afterAll(() => env.close());
beforeEach(() => {
  // a terminal of its own per case: no opening of one case is seen by the next
  process.env.TERMINAL_ID = `TERM-${++terminal}`;
  delete process.env.OVERRIDE_MINUTES;
  resetConfigForTests();
});

const openRows = () =>
  env.prisma.terminalOpening.findMany({
    where: { terminalId: process.env.TERMINAL_ID, openKey: { not: null } },
  });

describe("walk-ins and the terminal's opening", () => {
  it("a terminal nobody opened refuses a new visit and writes no session", async () => {
    const status = await terminalStatus(IN_HOURS);
    expect(status).toMatchObject({ open: false, acceptsWalkIns: false, closedReason: "notOpened" });
    const refused = await visit(IN_HOURS);
    expect(refused).toMatchObject({ ok: false, code: "terminalClosed" });
    expect(refused.ok ? "" : refused.message).toContain("係員");
    expect(await env.prisma.kioskSession.count({ where: { terminalId: process.env.TERMINAL_ID } })).toBe(0);
  });

  it("opened in hours without a reason: the visit starts under that opening", async () => {
    const opened = await openTerminal(staff, {}, IN_HOURS);
    expect(opened).toMatchObject({ ok: true, override: false });
    if (!opened.ok) return;
    const status = await terminalStatus(IN_HOURS);
    expect(status).toMatchObject({
      open: true,
      acceptsWalkIns: true,
      closedReason: null,
      acceptsUntil: tokyo("2026-11-26T20:00"),
      opening: { id: opened.openingId, openedBy: { login: "terminal-staff" }, overrideReason: null },
    });
    const started = await visit(IN_HOURS);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const row = await env.prisma.kioskSession.findUniqueOrThrow({ where: { id: started.id } });
    expect(row.terminalOpeningId).toBe(opened.openingId);
  });

  it("the receipt of a registration carries the opening of its visit", async () => {
    await freshCardReader();
    const opened = await openTerminal(staff, { reason: "来庁者の登録" });
    if (!opened.ok) throw new Error(opened.message);
    const result = await registerDemoCard("DEMO-A");
    const receipt = await env.prisma.receipt.findUniqueOrThrow({ where: { number: result.receiptNumber } });
    expect(receipt.terminalOpeningId).toBe(opened.openingId);
    expect(receipt.terminalId).toBe(process.env.TERMINAL_ID);
  });

  it("outside hours: a reason is required, and with one walk-ins are let in (R23 override)", async () => {
    expect((await terminalStatus(EVENING)).closedReason).toBe("outsideHours");
    const refused = await openTerminal(staff, { reason: "   " }, EVENING);
    expect(refused).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { reason: expect.any(String) },
    });
    expect(await env.prisma.terminalOpening.count({ where: { terminalId: process.env.TERMINAL_ID } })).toBe(
      0,
    );
    const tooLong = await openTerminal(staff, { reason: "あ".repeat(201) }, EVENING);
    expect(tooLong).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { reason: expect.any(String) },
    });

    const opened = await openTerminal(staff, { reason: "閉庁間際に来庁された方の登録" }, EVENING);
    expect(opened).toMatchObject({ ok: true, override: true });
    const row = await env.prisma.terminalOpening.findFirstOrThrow({
      where: { terminalId: process.env.TERMINAL_ID },
    });
    expect(row.overrideReason).toBe("閉庁間際に来庁された方の登録");
    expect((await visit(EVENING)).ok).toBe(true);
  });

  it("a second opening while open is a conflict, not an error; one open row", async () => {
    expect((await openTerminal(staff, {}, IN_HOURS)).ok).toBe(true);
    expect(await openTerminal(staff, {}, IN_HOURS)).toMatchObject({ ok: false, code: "conflict" });
    expect(await openRows()).toHaveLength(1);
  });

  it("two concurrent openings: one wins, the other is told; one open row", async () => {
    const results = await Promise.all([openTerminal(staff, {}, IN_HOURS), openTerminal(staff, {}, IN_HOURS)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict")).toHaveLength(1);
    expect(await openRows()).toHaveLength(1);
  });

  it("closing refuses new visits again; closing twice is a conflict", async () => {
    const opened = await openTerminal(staff, {}, IN_HOURS);
    expect((await visit(IN_HOURS)).ok).toBe(true);
    const later = new Date(IN_HOURS.getTime() + 3_600_000);
    expect(await closeTerminal(staff, later)).toMatchObject({ ok: true });
    expect(await visit(later)).toMatchObject({ ok: false, code: "terminalClosed" });
    expect(await closeTerminal(staff, later)).toMatchObject({ ok: false, code: "conflict" });
    const row = await env.prisma.terminalOpening.findUniqueOrThrow({
      where: { id: opened.ok ? opened.openingId : "" },
    });
    expect(row).toMatchObject({ openKey: null, closedAt: later, closedById: staff.id });
    expect((await terminalStatus(later)).open).toBe(false);
  });

  it("yesterday's in-hours opening does not let anyone in today; today's opening replaces it", async () => {
    const yesterday = await openTerminal(staff, {}, tokyo("2026-11-25T09:00"));
    expect(yesterday.ok).toBe(true);
    expect((await visit(tokyo("2026-11-25T19:59"))).ok).toBe(true);
    expect((await terminalStatus(tokyo("2026-11-25T20:00"))).closedReason).toBe("outsideHours");
    const status = await terminalStatus(IN_HOURS);
    expect(status).toMatchObject({ open: true, acceptsWalkIns: false, closedReason: "notOpened" });
    expect(await visit(IN_HOURS)).toMatchObject({ ok: false, code: "terminalClosed" });

    const today = await openTerminal(staff, {}, IN_HOURS);
    expect(today.ok).toBe(true);
    expect(await openRows()).toHaveLength(1);
    const old = await env.prisma.terminalOpening.findUniqueOrThrow({
      where: { id: yesterday.ok ? yesterday.openingId : "" },
    });
    expect(old).toMatchObject({ openKey: null, closedAt: IN_HOURS });
    expect((await visit(IN_HOURS)).ok).toBe(true);
  });

  it("an override opening lasts OVERRIDE_MINUTES", async () => {
    process.env.OVERRIDE_MINUTES = "30";
    resetConfigForTests();
    expect((await openTerminal(staff, { reason: "来庁者対応" }, EVENING)).ok).toBe(true);
    expect((await visit(tokyo("2026-11-26T21:29"))).ok).toBe(true);
    const expired = tokyo("2026-11-26T21:30");
    expect(await terminalStatus(expired)).toMatchObject({
      acceptsWalkIns: false,
      closedReason: "outsideHours",
    });
    expect(await visit(expired)).toMatchObject({ ok: false, code: "terminalClosed" });
    // the expired opening does not block a new one
    expect((await openTerminal(staff, { reason: "もう一件" }, expired)).ok).toBe(true);
  });

  it("weekends, holidays and closed days are closedDay", async () => {
    expect((await terminalStatus(tokyo("2026-11-28T10:00"))).closedReason).toBe("closedDay");
    expect((await terminalStatus(tokyo("2026-11-23T10:00"))).closedReason).toBe("closedDay");
    const status = await terminalStatus(tokyo("2026-12-30T10:00"));
    expect(status).toMatchObject({
      closedReason: "closedDay",
      hours: { nextOpening: tokyo("2027-01-04T08:30") },
    });
  });

  it("every opening and closing is audited with the staff member, refusals too", async () => {
    const terminalId = process.env.TERMINAL_ID;
    await openTerminal(staff, { reason: "来庁者対応" }, EVENING);
    await openTerminal(staff, { reason: "二度目" }, EVENING);
    await closeTerminal(staff, EVENING);
    const rows = await env.prisma.auditLog.findMany({
      where: { terminalId, action: { startsWith: "terminal." } },
      orderBy: { seq: "asc" },
    });
    expect(rows.map((r) => [r.action, r.outcome, r.staffLogin])).toEqual([
      ["terminal.open", "ok", "terminal-staff"],
      ["terminal.open", "refused", "terminal-staff"],
      ["terminal.close", "ok", "terminal-staff"],
    ]);
    expect(rows[0]!.detail).toMatchObject({ terminal: terminalId, overrideReason: true, inHours: false });
    // the reason's text stays on the opening, not in the log
    expect(JSON.stringify(rows.map((r) => r.detail))).not.toContain("来庁者対応");
    const list = await recentOpenings();
    expect(list[0]).toMatchObject({ overrideReason: "来庁者対応", closedBy: { login: "terminal-staff" } });
  });
});
