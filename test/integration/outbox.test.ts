// R40: completion emails are queued with the business change and delivered exactly once, with
// retries, through a loopback server standing in for Resend.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { dispatchDueEmails, kickOutbox, retryDelayMs, stopOutboxTimer } from "@/app/_server/email/dispatcher";
import { enqueueEmail } from "@/app/_server/email/outbox";
import { registrationEmail } from "@/app/_server/email/templates";
import { resendTransport, transportFromConfig } from "@/app/_server/email/transport";
import { freshDatabase } from "@/test/support/db";
import { startResendStub, type ResendStub } from "@/test/fixtures/resend-stub";
import { createReceiptRow } from "@/test/fixtures/receipt-rows";

const T0 = new Date("2026-11-26T06:45:00.000Z");
const MINUTE = 60_000;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

let database: Awaited<ReturnType<typeof freshDatabase>>;
let stub: ResendStub;
let receiptId: string;
let sequence = 0;

function transport(timeoutMs?: number) {
  return resendTransport({ apiKey: "re_test_key", baseUrl: stub.baseUrl, timeoutMs });
}

async function queueOne(): Promise<{ id: string; key: string }> {
  const key = `receipt-20261126-123456-${++sequence}`;
  const content = registrationEmail({
    agencyName: "埼玉県",
    companyName: "株式会社さいたま建設 さいたま支店",
    contactName: "浦和 一郎",
    contactAddress: "埼玉県さいたま市浦和区高砂3-15-1",
  });
  const row = await database.prisma.$transaction((tx) =>
    enqueueEmail(tx, {
      to: "nyusatsu@saitama-kensetsu.example.jp",
      ...content,
      receiptId,
      idempotencyKey: key,
    }),
  );
  await database.prisma.outboxEmail.update({ where: { id: row.id }, data: { nextAttemptAt: T0 } });
  return { id: row.id, key };
}

const rowOf = (id: string) => database.prisma.outboxEmail.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  database = await freshDatabase();
  ({ receiptId } = await createReceiptRow(database.prisma));
});

afterAll(async () => {
  stopOutboxTimer();
  await database.close();
});

beforeEach(async () => {
  stub = await startResendStub();
  await database.prisma.outboxEmail.deleteMany();
});

afterEach(async () => {
  await stub.close();
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  delete process.env.EMAIL_MAX_ATTEMPTS;
  resetConfigForTests();
});

describe("outbox delivery", () => {
  it("sends a queued email once, with its Idempotency-Key, and marks it sent", async () => {
    const { id, key } = await queueOne();
    expect(await dispatchDueEmails({ now: T0, transport: transport() })).toMatchObject({ sent: 1 });
    expect(await dispatchDueEmails({ now: at(60), transport: transport() })).toMatchObject({ sent: 0 });

    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request?.idempotencyKey).toBe(key);
    expect(request?.authorization).toBe("Bearer re_test_key");
    expect(request?.body).toMatchObject({
      to: ["nyusatsu@saitama-kensetsu.example.jp"],
      subject: "利用者登録のお知らせ",
    });
    expect(String(request?.body.text)).toContain("企業名称 : 株式会社さいたま建設 さいたま支店");
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "sent", attempts: 1, providerMessageId: "stub-1", lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("queues nothing when the business transaction rolls back", async () => {
    await expect(
      database.prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, {
          to: "a@example.jp",
          subject: "s",
          text: "t",
          html: "h",
          receiptId,
          idempotencyKey: "rb",
        });
        throw new Error("registration failed");
      }),
    ).rejects.toThrow("registration failed");
    expect(await database.prisma.outboxEmail.count()).toBe(0);
  });

  it("retries a 500 after the backoff with the same Idempotency-Key, then marks it sent", async () => {
    const { id, key } = await queueOne();
    stub.script("error500");
    expect(await dispatchDueEmails({ now: T0, transport: transport() })).toMatchObject({ retried: 1 });
    let row = await rowOf(id);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.nextAttemptAt).toEqual(at(1));
    expect(row.lastError).toMatch(/HTTP 500/);

    expect(await dispatchDueEmails({ now: at(0.5), transport: transport() })).toMatchObject({
      sent: 0,
      retried: 0,
    });
    expect(await dispatchDueEmails({ now: at(1), transport: transport() })).toMatchObject({ sent: 1 });
    row = await rowOf(id);
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(stub.requests.map((r) => r.idempotencyKey)).toEqual([key, key]);
  });

  it("backs off 1, 2, 4, 8 minutes", async () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1, 2, 4, 8].map((m) => m * MINUTE));
    const { id } = await queueOne();
    stub.script("error500", "error500");
    await dispatchDueEmails({ now: T0, transport: transport() });
    await dispatchDueEmails({ now: at(1), transport: transport() });
    expect((await rowOf(id)).nextAttemptAt).toEqual(at(1 + 2));
  });

  it("treats a Resend that never answers as a failed attempt", async () => {
    const { id } = await queueOne();
    stub.script("hang");
    expect(await dispatchDueEmails({ now: T0, transport: transport(300) })).toMatchObject({ retried: 1 });
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toBeTruthy();
  });

  it("delivers once when several dispatchers run at the same time", async () => {
    const { id } = await queueOne();
    stub.delayMs = 100;
    // Whether the later ones still see the row as due (and lose the claim) or already see it
    // claimed depends on the engine's timing; either way exactly one sends it.
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => dispatchDueEmails({ now: T0, transport: transport() })),
    );
    expect(results.map((r) => r.sent).sort()).toEqual([0, 0, 0, 1]);
    expect(results.reduce((n, r) => n + r.retried + r.failed, 0)).toBe(0);
    expect(stub.requests).toHaveLength(1);
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("keeps messages pending when no transport is configured", async () => {
    const { id } = await queueOne();
    expect(transportFromConfig()).toBeNull();
    expect(await dispatchDueEmails({ now: T0 })).toEqual({ sent: 0, retried: 0, failed: 0, skipped: 0 });
    expect(await rowOf(id)).toMatchObject({ status: "pending", attempts: 0, lastError: null });
    expect(stub.requests).toHaveLength(0);
  });

  it("uses Resend from the configuration when RESEND_API_KEY is set", async () => {
    const { id } = await queueOne();
    process.env.RESEND_API_KEY = "re_config_key";
    process.env.RESEND_BASE_URL = stub.baseUrl;
    resetConfigForTests();
    expect(await dispatchDueEmails({ now: T0 })).toMatchObject({ sent: 1 });
    expect(stub.requests[0]?.authorization).toBe("Bearer re_config_key");
    expect(await rowOf(id)).toMatchObject({ status: "sent" });
  });

  it("gives up after EMAIL_MAX_ATTEMPTS attempts", async () => {
    process.env.EMAIL_MAX_ATTEMPTS = "3";
    resetConfigForTests();
    const { id } = await queueOne();
    stub.script("error500", "error500", "error500");
    const summaries = [];
    for (const minutes of [0, 1, 3, 60])
      summaries.push(await dispatchDueEmails({ now: at(minutes), transport: transport() }));
    expect(summaries.map((s) => [s.retried, s.failed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(stub.requests).toHaveLength(3);
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(row.lastError).toMatch(/HTTP 500/);
  });

  it("kickOutbox never rejects and logs no details of the failure", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const real = (globalThis as { kioskPrisma?: unknown }).kioskPrisma;
    const failure = Object.assign(new Error("cannot reach nyusatsu@saitama-kensetsu.example.jp"), {
      code: "P1001",
    });
    (globalThis as { kioskPrisma?: unknown }).kioskPrisma = {
      outboxEmail: { findMany: () => Promise.reject(failure) },
    };
    try {
      await expect(kickOutbox({ now: T0, transport: transport() })).resolves.toBeUndefined();
    } finally {
      (globalThis as { kioskPrisma?: unknown }).kioskPrisma = real;
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.join(" ")).toBe("[outbox] dispatch failed: Error (P1001)");
  });
});

describe("registration email template", () => {
  const input = {
    agencyName: "埼玉県",
    companyName: "株式会社<さいたま>&建設 \"本店\" 'A'",
    contactName: "埼玉 太郎",
    contactAddress: "埼玉県さいたま市浦和区高砂3-15-1",
  };

  it("carries each line of the manual's 利用者登録完了メール", () => {
    const { subject, text } = registrationEmail(input);
    expect(subject).toBe("利用者登録のお知らせ");
    const lines = text.split("\n");
    for (const line of [
      "利用者が以下のように登録されましたのでお知らせ致します。",
      "このメールは登録された連絡先メールアドレス宛に送信されています。",
      "調達機関 : 埼玉県",
      `企業名称 : ${input.companyName}`,
      "連絡先氏名 : 埼玉 太郎",
      "連絡先住所 : 埼玉県さいたま市浦和区高砂3-15-1",
      "※このメールはシステムが自動送信しています。",
      "このアドレスには返信しないでください。",
      "***** 埼玉県電子入札共同システム *****",
    ]) {
      expect(lines).toContain(line);
    }
  });

  it("escapes what the bidder typed in the HTML part", () => {
    const { html } = registrationEmail(input);
    expect(html).toContain("企業名称 : 株式会社&lt;さいたま&gt;&amp;建設 &quot;本店&quot; &#39;A&#39;");
    expect(html).not.toContain("<さいたま>");
    expect(html).toContain("<p>利用者が以下のように登録されましたのでお知らせ致します。<br>");
    expect(html).toContain("<p>***** 埼玉県電子入札共同システム *****</p>");
  });
});
