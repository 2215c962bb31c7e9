// 再送 (R40) from the console on a real SQLite file: a given-up or waiting email made due now and
// audited, one that may be mid-send or already sent refused, and the server action's sign-in check.
import { describe, expect, it, vi } from "vitest";
import { dispatchDueEmails } from "@/app/_server/email/deliver";
import { outboxSummary } from "@/app/_server/email/list";
import { retryEmail } from "@/app/_server/email/retry";
import { retryEmailAction } from "@/app/staff/_actions/outbox";
import { UNAUTHORIZED } from "@/app/_shared/staff-contracts";
import { auditRows, consoleAuth as auth, consoleSuite } from "@/test/support/console";
import { STAFF } from "@/test/support/staff";

vi.mock("@/app/_server/staff/auth", () =>
  import("@/test/support/console").then((m) => m.fakeConsoleStaffAuth()),
);

const env = consoleSuite();

describe("再送 (retryEmail, retryEmailAction)", () => {
  const NOW = new Date("2026-11-26T06:00:00Z");
  async function email(key: string, data: Record<string, unknown>) {
    return env.prisma.outboxEmail.create({
      data: {
        idempotencyKey: key,
        to: "a@example.jp",
        subject: "利用者登録のお知らせ",
        text: "t",
        html: "h",
        ...data,
      },
    });
  }

  it("makes a given-up email due now, keeps its attempts, audits it; the dispatcher then tries once more", async () => {
    const failed = await email("r-failed", { status: "failed", attempts: 8, lastError: "HTTP 500" });
    const result = await retryEmail(STAFF, failed.id, NOW);
    expect(result).toEqual({ ok: true, id: failed.id });
    const row = await env.prisma.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 8, nextAttemptAt: NOW, lastError: "HTTP 500" });
    const [entry] = await auditRows("email.retry");
    expect(entry).toMatchObject({ outcome: "ok", staffLogin: "staff01" });
    expect(entry!.detail).toMatchObject({ email: failed.id, status: "failed", attempts: 8 });

    // exactly one more try per 再送: still failing, it is given up again at once
    const sends: string[] = [];
    const summary = await dispatchDueEmails({
      now: NOW,
      transport: {
        send: async (m) => {
          sends.push(m.idempotencyKey);
          return { ok: false, error: "HTTP 500 again" };
        },
      },
    });
    expect(sends).toEqual(["r-failed"]);
    expect(summary.failed).toBe(1);
    expect(await env.prisma.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "failed",
      attempts: 9,
      lastError: "HTTP 500 again",
    });
  });

  it("hurries a waiting email, refuses one that may be mid-send, and never re-sends a sent one", async () => {
    const long = new Date(NOW.getTime() - 60 * 60_000);
    const waiting = await email("r-wait", {
      attempts: 3,
      nextAttemptAt: new Date(NOW.getTime() + 4 * 60_000),
      updatedAt: long,
    });
    const claimed = await email("r-claim", {
      attempts: 1,
      nextAttemptAt: new Date(NOW.getTime() + 5 * 60_000),
    });
    await env.prisma.outboxEmail.updateMany({
      where: { id: claimed.id },
      data: { updatedAt: new Date(NOW.getTime() - 1000) },
    });
    const sent = await email("r-sent", { status: "sent", attempts: 1, sentAt: long });

    expect(await retryEmail(STAFF, waiting.id, NOW)).toEqual({ ok: true, id: waiting.id });
    expect(await env.prisma.outboxEmail.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      status: "pending",
      attempts: 3,
      nextAttemptAt: NOW,
    });

    const inFlight = await retryEmail(STAFF, claimed.id, NOW);
    expect(inFlight).toMatchObject({ ok: false, code: "conflict" });
    const sentAgain = await retryEmail(STAFF, sent.id, NOW);
    expect(sentAgain).toEqual({
      ok: false,
      code: "conflict",
      message: "送信済みのメールは再送できません。再送すると同じメールが二度届きます。",
    });
    expect(await env.prisma.outboxEmail.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      status: "sent",
      attempts: 1,
    });
    expect((await auditRows("email.retry")).slice(-3).map((r) => [r.outcome, r.staffLogin])).toEqual([
      ["ok", "staff01"],
      ["refused", "staff01"],
      ["refused", "staff01"],
    ]);
    expect(await retryEmail(STAFF, "no-such-email", NOW)).toMatchObject({ ok: false, code: "invalid" });
  });

  it("refuses 再送 of an email never tried: the dispatcher sends it in turn", async () => {
    const queued = await email("r-queued", { attempts: 0, nextAttemptAt: NOW });
    expect(await retryEmail(STAFF, queued.id, NOW)).toEqual({
      ok: false,
      code: "conflict",
      message: "まだ送信していないメールです。順次送信されます。",
    });
    expect(await env.prisma.outboxEmail.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: "pending",
      attempts: 0,
    });
  });

  it("the server action refuses without a staff session and changes nothing", async () => {
    const failed = await email("r-action", { status: "failed", attempts: 8 });
    const form = new FormData();
    form.set("emailId", failed.id);
    const audited = (await auditRows("email.retry")).length;

    expect(await retryEmailAction(null, form)).toEqual(UNAUTHORIZED);
    expect((await env.prisma.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe(
      "failed",
    );
    expect(await auditRows("email.retry")).toHaveLength(audited);

    auth.staff = STAFF;
    expect(await retryEmailAction(null, form)).toMatchObject({ ok: true });
    expect((await env.prisma.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe(
      "pending",
    );
    expect(await outboxSummary()).toMatchObject({ pending: 1, failed: 0 });
  });
});
