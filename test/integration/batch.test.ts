// The nightly propagation batch (R21, R22) on a real SQLite file, driven through the real 登録 /
// 変更 / ICカード更新 services: rows at the other agencies, idempotence (full table dumps),
// R22 not chosen leaves the others alone, renewal ends the old card, latest receipt wins, one
// runner at a time, a crashed run taken over, the status queries and the staff action.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { agencyStatusForReceipt, batchOverview } from "@/app/_server/batch/status";
import { runNightlyBatch, type BatchResult } from "@/app/_server/batch/propagation";
import { submitChange } from "@/app/_server/flows/change";
import { resetConfigForTests } from "@/app/_server/config";
import { currentInsertionId } from "@/app/_server/card/reader-status";
import { submitRenewal } from "@/app/_server/flows/renewal";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "../support/db";
import {
  changeForm,
  clearRegistrations,
  freshCardReader,
  provenFor,
  registerDemoCard,
  renewalSession,
} from "../support/kiosk";
import { STAFF, who } from "../support/staff";

vi.mock("@/app/_server/staff/auth", () => import("@/test/support/staff").then((m) => m.fakeStaffAuth()));

let env: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
});
afterAll(() => env.close());
beforeEach(async () => {
  process.env.TERMINAL_ID = "BAT-01";
  delete process.env.BATCH_STALE_SECONDS;
  resetConfigForTests();
  await freshCardReader();
  await clearRegistrations(env.prisma);
  await env.prisma.batchRun.deleteMany();
});

async function agencyId(code: string) {
  return (await env.prisma.agency.findUniqueOrThrow({ where: { code } })).id;
}

async function receiptOf(number: string) {
  return env.prisma.receipt.findUniqueOrThrow({ where: { number } });
}

/** Every row the batch writes, in a fixed order, as text. */
async function dump() {
  const p = env.prisma;
  return JSON.stringify({
    agencyRegistrations: await p.agencyRegistration.findMany({
      orderBy: [{ cardRegistrationId: "asc" }, { agencyId: "asc" }],
    }),
    tasks: await p.propagationTask.findMany({ orderBy: { id: "asc" } }),
  });
}

function ok(result: BatchResult) {
  if (!result.ok) throw new Error(`batch did not run: ${result.code} ${result.message}`);
  return result;
}

async function changeDemoA(propagate: boolean, email: string) {
  const { sessionId, proof } = await provenFor("DEMO-A", "change", { insert: false });
  expect(proof.ok).toBe(true);
  const done = await submitChange(
    sessionId,
    changeForm({ propagate, department: { email } }),
    await currentInsertionId(),
  );
  if (!done.ok) throw new Error(`change failed: ${done.code}`);
  return done;
}

describe("nightly propagation (R21, R22)", () => {
  it("登録 at 埼玉県 reaches さいたま市 and 川越市 overnight; a second run changes nothing", async () => {
    const registered = await registerDemoCard("DEMO-A");
    const receipt = await receiptOf(registered.receiptNumber);
    const tasks = await env.prisma.propagationTask.findMany({ include: { targetAgency: true } });
    expect(tasks.map((t) => t.targetAgency.name).sort()).toEqual(["さいたま市", "川越市"].sort());
    expect(tasks.every((t) => t.status === "pending" && t.operation === "register")).toBe(true);
    // the registering agency at once, with the receipt
    expect(await env.prisma.agencyRegistration.findMany()).toEqual([
      expect.objectContaining({ agencyId: await agencyId("110000"), receiptId: receipt.id, endedAt: null }),
    ]);
    const before = await agencyStatusForReceipt(receipt.id);
    expect(before.map((s) => [s.agency.name, s.status])).toEqual([
      ["さいたま市", "pending"],
      ["川越市", "pending"],
    ]);

    const first = ok(await runNightlyBatch({ trigger: "cli" }));
    expect(first.applied).toBe(2);
    expect(first.perAgency.map((a) => [a.code, a.applied])).toEqual([
      ["111007", 1],
      ["112011", 1],
    ]);
    const rows = await env.prisma.agencyRegistration.findMany({ include: { agency: true } });
    expect(rows.map((r) => r.agency.code).sort()).toEqual(["110000", "111007", "112011"]);
    for (const row of rows) {
      expect(row).toMatchObject({
        cardRegistrationId: receipt.cardRegistrationId,
        receiptId: receipt.id,
        endedAt: null,
      });
    }
    const applied = await env.prisma.propagationTask.findMany();
    expect(applied.every((t) => t.status === "applied" && t.batchRunId === first.runId && t.appliedAt)).toBe(
      true,
    );
    expect(await env.prisma.batchRun.findUniqueOrThrow({ where: { id: first.runId } })).toMatchObject({
      status: "done",
      runKey: null,
      applied: 2,
      trigger: "cli",
    });
    const after = await agencyStatusForReceipt(receipt.id);
    expect(after.every((s) => s.status === "applied" && s.appliedAt instanceof Date)).toBe(true);

    const dumped = await dump();
    const second = ok(await runNightlyBatch({ trigger: "cli" }));
    expect(second.applied).toBe(0);
    expect(second.perAgency).toEqual([]);
    expect(await dump()).toBe(dumped);

    const audits = await env.prisma.auditLog.findMany({
      where: { action: "batch.run" },
      orderBy: { seq: "asc" },
    });
    expect(audits.slice(-2).map((a) => a.detail)).toEqual([
      {
        runId: first.runId,
        trigger: "cli",
        applied: 2,
        agencies: { "111007": 1, "112011": 1 },
        reminders: 0,
        signInCountersPruned: 0,
      },
      {
        runId: second.runId,
        trigger: "cli",
        applied: 0,
        agencies: {},
        reminders: 0,
        signInCountersPruned: 0,
      },
    ]);
  });

  it("変更 without 他の調達機関にも反映 leaves the other agencies alone; with it, they follow", async () => {
    const registered = await registerDemoCard("DEMO-A");
    ok(await runNightlyBatch({ trigger: "cli" }));
    const first = await receiptOf(registered.receiptNumber);
    const saitamaCity = await agencyId("111007");
    const kawagoe = await agencyId("112011");
    const prefecture = await agencyId("110000");

    const notChosen = await changeDemoA(false, "not-chosen@example.jp");
    const second = await receiptOf(notChosen.receiptNumber);
    expect(await env.prisma.propagationTask.count({ where: { receiptId: second.id } })).toBe(0);
    const beforeRun = await dump();
    expect(ok(await runNightlyBatch({ trigger: "cli" })).applied).toBe(0);
    expect(await dump()).toBe(beforeRun);
    const rows = async () =>
      Object.fromEntries(
        (await env.prisma.agencyRegistration.findMany()).map((r) => [r.agencyId, r.receiptId]),
      );
    expect(await rows()).toEqual({ [prefecture]: second.id, [saitamaCity]: first.id, [kawagoe]: first.id });

    const chosen = await changeDemoA(true, "chosen@example.jp");
    const third = await receiptOf(chosen.receiptNumber);
    expect(chosen.propagatesTo.sort()).toEqual(["さいたま市", "川越市"].sort());
    expect(ok(await runNightlyBatch({ trigger: "cli" })).applied).toBe(2);
    expect(await rows()).toEqual({ [prefecture]: third.id, [saitamaCity]: third.id, [kawagoe]: third.id });
  });

  it("the latest receipt wins: tasks of one card in one chunk, and an older task arriving later", async () => {
    const registered = await registerDemoCard("DEMO-A");
    const changed = await changeDemoA(true, "latest@example.jp");
    const latest = await receiptOf(changed.receiptNumber);
    // both operations pending for both agencies: one chunk holds all four
    expect(ok(await runNightlyBatch({ trigger: "cli" })).applied).toBe(4);
    const targets = await env.prisma.agencyRegistration.findMany({
      where: { agencyId: { in: [await agencyId("111007"), await agencyId("112011")] } },
    });
    expect(targets.map((r) => r.receiptId)).toEqual([latest.id, latest.id]);

    // the 登録's tasks come back (a late copy): the rows do not go back to the older receipt
    const older = await receiptOf(registered.receiptNumber);
    await env.prisma.propagationTask.updateMany({
      where: { receiptId: older.id },
      data: { status: "pending", appliedAt: null, batchRunId: null },
    });
    const rowsBefore = JSON.stringify(
      await env.prisma.agencyRegistration.findMany({ orderBy: { agencyId: "asc" } }),
    );
    expect(ok(await runNightlyBatch({ trigger: "cli" })).applied).toBe(2);
    expect(
      JSON.stringify(await env.prisma.agencyRegistration.findMany({ orderBy: { agencyId: "asc" } })),
    ).toBe(rowsBefore);

    // chunk size 1: one task per transaction, same outcome
    await env.prisma.propagationTask.updateMany({
      data: { status: "pending", appliedAt: null, batchRunId: null },
    });
    const single = ok(await runNightlyBatch({ trigger: "cli", chunkSize: 1 }));
    expect(single.applied).toBe(4);
    expect(
      JSON.stringify(await env.prisma.agencyRegistration.findMany({ orderBy: { agencyId: "asc" } })),
    ).toBe(rowsBefore);
  });

  it("ICカード更新 ends the old card's rows at the targets (kept as history) and puts the new card in force", async () => {
    await registerDemoCard("DEMO-A");
    ok(await runNightlyBatch({ trigger: "cli" }));
    const { sessionId, proof } = await renewalSession("DEMO-A", "DEMO-C");
    expect(proof.ok).toBe(true);
    const renewed = await submitRenewal(sessionId, { propagate: true }, await currentInsertionId());
    if (!renewed.ok) throw new Error(`renewal failed: ${renewed.code}`);
    const receipt = await receiptOf(renewed.receiptNumber);
    const fresh = await env.prisma.cardRegistration.findUniqueOrThrow({
      where: { id: receipt.cardRegistrationId },
      include: { replaces: true },
    });
    const oldId = fresh.replaces!.id;

    // at the renewing agency at once
    const prefecture = await agencyId("110000");
    const rowAt = (card: string, agency: string) =>
      env.prisma.agencyRegistration.findUniqueOrThrow({
        where: { cardRegistrationId_agencyId: { cardRegistrationId: card, agencyId: agency } },
      });
    expect((await rowAt(oldId, prefecture)).endedAt).toBeInstanceOf(Date);
    expect(await rowAt(fresh.id, prefecture)).toMatchObject({ endedAt: null, receiptId: receipt.id });

    const run = ok(await runNightlyBatch({ trigger: "cli" }));
    expect(run.applied).toBe(2);
    for (const code of ["111007", "112011"]) {
      const agency = await agencyId(code);
      expect((await rowAt(oldId, agency)).endedAt).toBeInstanceOf(Date);
      expect(await rowAt(fresh.id, agency)).toMatchObject({ endedAt: null, receiptId: receipt.id });
    }
    // history: the old card still has its three rows, all ended
    const oldRows = await env.prisma.agencyRegistration.findMany({ where: { cardRegistrationId: oldId } });
    expect(oldRows).toHaveLength(3);
    expect(oldRows.every((r) => r.endedAt)).toBe(true);

    const dumped = await dump();
    expect(ok(await runNightlyBatch({ trigger: "cli" })).applied).toBe(0);
    expect(await dump()).toBe(dumped);
  });

  it("two runners at once: one runs, the other answers already running", async () => {
    await registerDemoCard("DEMO-A");
    const results = await Promise.all([
      runNightlyBatch({ trigger: "cli" }),
      runNightlyBatch({ trigger: "schedule" }),
    ]);
    const ran = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(ran).toHaveLength(1);
    expect(refused).toEqual([expect.objectContaining({ ok: false, code: "alreadyRunning" })]);
    expect(ok(ran[0]!).applied).toBe(2);
    expect(await env.prisma.batchRun.count()).toBe(1);
  });

  it("the schedule runs once a night across servers: a timer firing after another server's run finished does nothing", async () => {
    await registerDemoCard("DEMO-A");
    const first = ok(await runNightlyBatch({ trigger: "schedule" }));
    await registerDemoCard("DEMO-B");
    const late = await runNightlyBatch({ trigger: "schedule" });
    expect(late).toMatchObject({ ok: false, code: "doneTonight", runId: first.runId });
    expect(await env.prisma.batchRun.count()).toBe(1);
    expect(await env.prisma.propagationTask.count({ where: { status: "pending" } })).toBe(2);
    // staff (or the CLI) can still run it by hand; tomorrow night's timer runs as usual
    expect(ok(await runNightlyBatch({ trigger: "manual" })).applied).toBe(2);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    expect((await runNightlyBatch({ trigger: "schedule", now: tomorrow })).ok).toBe(true);
  });

  it("a live runner's lock is respected; a crashed one (stale heartbeat) is taken over and marked abandoned", async () => {
    await registerDemoCard("DEMO-A");
    const now = new Date();
    const live = await env.prisma.batchRun.create({
      data: { trigger: "schedule", runKey: "nightly", startedAt: now, heartbeatAt: now },
    });
    const refused = await runNightlyBatch({ trigger: "cli" });
    expect(refused).toMatchObject({ ok: false, code: "alreadyRunning", runId: live.id });
    expect(await env.prisma.propagationTask.count({ where: { status: "pending" } })).toBe(2);

    const old = new Date(now.getTime() - 601_000);
    await env.prisma.batchRun.update({ where: { id: live.id }, data: { heartbeatAt: old } });
    const run = ok(await runNightlyBatch({ trigger: "cli" }));
    expect(run).toMatchObject({ applied: 2, tookOver: live.id });
    expect(await env.prisma.batchRun.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({
      status: "abandoned",
      runKey: null,
    });

    // BATCH_STALE_SECONDS decides what counts as stale
    process.env.BATCH_STALE_SECONDS = "5";
    resetConfigForTests();
    const recent = await env.prisma.batchRun.create({
      data: { trigger: "cli", runKey: "nightly", heartbeatAt: new Date(Date.now() - 6000) },
    });
    expect(ok(await runNightlyBatch({ trigger: "cli" })).tookOver).toBe(recent.id);
  });

  it("batchOverview: last runs, per-agency pending / applied today, the next 02:00 Tokyo", async () => {
    await registerDemoCard("DEMO-A");
    let overview = await batchOverview(new Date("2026-11-26T03:00:00Z"));
    expect(overview.pendingTotal).toBe(2);
    expect(overview.nextRun?.toISOString()).toBe("2026-11-26T17:00:00.000Z");
    const row = (code: string) => overview.agencies.find((a) => a.code === code)!;
    expect(row("111007")).toMatchObject({ pending: 1, appliedToday: 0 });

    const run = ok(await runNightlyBatch({ trigger: "manual", staffLogin: "staff01" }));
    overview = await batchOverview();
    expect(overview.pendingTotal).toBe(0);
    expect(row("111007")).toMatchObject({ name: "さいたま市", pending: 0, appliedToday: 1, appliedTotal: 1 });
    expect(row("110000")).toMatchObject({ pending: 0, appliedToday: 0 });
    expect(overview.runs[0]).toMatchObject({ id: run.runId, trigger: "manual", status: "done", applied: 2 });
    const audit = await env.prisma.auditLog.findFirstOrThrow({
      where: { action: "batch.run" },
      orderBy: { seq: "desc" },
    });
    expect(audit).toMatchObject({ staffLogin: "staff01", outcome: "ok" });

    process.env.BATCH_SCHEDULE = "off";
    resetConfigForTests();
    try {
      expect((await batchOverview()).nextRun).toBeNull();
    } finally {
      delete process.env.BATCH_SCHEDULE;
      resetConfigForTests();
    }
  });

  it("今すぐ実行 (staff action): runs as the signed-in staff member; refused without a session", async () => {
    const { runBatchNowAction } = await import("@/app/staff/_actions/batch");
    await registerDemoCard("DEMO-A");
    who.staff = null;
    expect(await runBatchNowAction(null, new FormData())).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await env.prisma.batchRun.count()).toBe(0);

    who.staff = STAFF;
    const done = await runBatchNowAction(null, new FormData());
    expect(done).toMatchObject({ ok: true, applied: 2 });
    if (done?.ok) expect(done.message).toContain("さいたま市 1件");
    const audit = await env.prisma.auditLog.findFirstOrThrow({
      where: { action: "batch.run" },
      orderBy: { seq: "desc" },
    });
    expect(audit).toMatchObject({ staffLogin: "staff01" });

    await env.prisma.batchRun.create({ data: { trigger: "schedule", runKey: "nightly" } });
    expect(await runBatchNowAction(null, new FormData())).toMatchObject({ ok: false, code: "conflict" });
  });
});
