// Issue 13 item 4: the nightly batch's renewal reminders on a real database, cards registered
// through the real 登録 / ICカード更新 services and "today" moved with the batch's `now`: 60/30/7
// days each queued once across reruns, a card first seen at 20 days gets one email (30) with 60
// recorded as passed, never for replaced, expired or lapsed cards, two runs at once queue one, the
// email's text, the batch status count and the staff list of expiring cards.
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { runNightlyBatch, type BatchResult } from "@/app/_server/batch/propagation";
import { queueRenewalReminders } from "@/app/_server/batch/reminders";
import { batchOverview } from "@/app/_server/batch/status";
import { currentInsertionId } from "@/app/_server/card/reader-status";
import { resetConfigForTests } from "@/app/_server/config";
import { expiringCards } from "@/app/_server/console/expiring";
import { submitRenewal } from "@/app/_server/flows/renewal";
import { tokyoDaysBetween } from "@/app/_server/time";
import ExpiringPage from "@/app/staff/expiring/page";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "../support/db";
import { clearRegistrations, freshCardReader, registerDemoCard, renewalSession } from "../support/kiosk";

const guard = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock("@/app/_server/staff/auth", () =>
  import("@/test/support/staff").then((m) => m.consolePageAuth((role) => guard.calls.push(role))),
);

const DAY = 86_400_000;
const REPRESENTATIVE = "soumu@saitama-kensetsu.example.jp"; // 代表窓口 in registrationForm()
const SUBJECT = "ICカード有効期限のお知らせ";

let env: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
});
afterAll(() => env.close());
beforeEach(async () => {
  process.env.TERMINAL_ID = "REM-01";
  resetConfigForTests();
  await freshCardReader();
  await clearRegistrations(env.prisma);
  await env.prisma.batchRun.deleteMany();
});

function ok(result: BatchResult) {
  if (!result.ok) throw new Error(`batch did not run: ${result.code} ${result.message}`);
  return result;
}

async function run(now: Date) {
  return ok(await runNightlyBatch({ trigger: "cli", now })).reminders;
}

async function reminderEmails() {
  return env.prisma.outboxEmail.findMany({ where: { subject: SUBJECT }, orderBy: { createdAt: "asc" } });
}

async function remindersOf(cardRegistrationId: string) {
  const rows = await env.prisma.renewalReminder.findMany({
    where: { cardRegistrationId },
    orderBy: { threshold: "desc" },
  });
  return rows.map((r) => [r.threshold, r.outboxEmailId ? "emailed" : "passed"]);
}

/** Registers `label` to 1000000001 and returns its row. */
async function registered(label: string) {
  const done = await registerDemoCard(label, { ack: true });
  const receipt = await env.prisma.receipt.findUniqueOrThrow({ where: { number: done.receiptNumber } });
  return env.prisma.cardRegistration.findUniqueOrThrow({ where: { id: receipt.cardRegistrationId } });
}

/** The instant `days` Tokyo days before `expiry`, at the same hour (the batch's 02:00-ish run). */
function daysBefore(expiry: Date, days: number) {
  return new Date(expiry.getTime() - days * DAY);
}

describe("renewal reminders in the nightly batch (issue 13 item 4)", () => {
  it("DEMO-H (20 days left) gets one email, the 30-day one; 60 is recorded as passed; a rerun queues nothing; the 7-day one follows", async () => {
    const card = await registered("DEMO-H");
    const now = new Date();
    expect(tokyoDaysBetween(now, card.notAfter)).toBe(20);

    expect(await run(now)).toBe(1);
    expect(await remindersOf(card.id)).toEqual([
      [60, "passed"],
      [30, "emailed"],
    ]);
    const [email] = await reminderEmails();
    expect(email).toMatchObject({ to: REPRESENTATIVE, status: "pending", receiptId: null });
    expect(email!.idempotencyKey).toBe(`renewal-reminder:${card.id}:30`);
    expect((await batchOverview()).runs[0]).toMatchObject({ status: "done", reminders: 1 });

    expect(await run(new Date(now.getTime() + 60_000))).toBe(0);
    expect(await run(daysBefore(card.notAfter, 8))).toBe(0);
    expect(await reminderEmails()).toHaveLength(1);

    expect(await run(daysBefore(card.notAfter, 7))).toBe(1);
    expect(await run(daysBefore(card.notAfter, 6))).toBe(0);
    expect(await remindersOf(card.id)).toEqual([
      [60, "passed"],
      [30, "emailed"],
      [7, "emailed"],
    ]);
    expect((await reminderEmails()).map((e) => e.idempotencyKey)).toEqual([
      `renewal-reminder:${card.id}:30`,
      `renewal-reminder:${card.id}:7`,
    ]);
  });

  it("a card seen from 65 days on gets the 60, 30 and 7-day emails once each across two runs per day", async () => {
    const card = await registered("DEMO-A");
    const expiry = new Date(Date.now() + 65 * DAY);
    await env.prisma.cardRegistration.update({ where: { id: card.id }, data: { notAfter: expiry } });
    const plan: [number, number][] = [
      [65, 0],
      [61, 0],
      [60, 1],
      [59, 0],
      [31, 0],
      [30, 1],
      [8, 0],
      [7, 1],
      [1, 0],
    ];
    for (const [daysLeft, queued] of plan) {
      const at = daysBefore(expiry, daysLeft);
      expect(tokyoDaysBetween(at, expiry)).toBe(daysLeft);
      expect([await run(at), await run(new Date(at.getTime() + 1000))], `${daysLeft} days left`).toEqual([
        queued,
        0,
      ]);
    }
    expect(await remindersOf(card.id)).toEqual([
      [60, "emailed"],
      [30, "emailed"],
      [7, "emailed"],
    ]);
    const emails = await reminderEmails();
    expect(emails.map((e) => [e.to, e.idempotencyKey])).toEqual(
      [60, 30, 7].map((t) => [REPRESENTATIVE, `renewal-reminder:${card.id}:${t}`]),
    );
    expect(emails.map((e) => /（あと(\d+)日）/.exec(e.text)?.[1])).toEqual(["60", "30", "7"]);
  });

  it("never for a replaced (更新済) card, an expired one or a lapsed (失効) user ID", async () => {
    // replaced: DEMO-A renewed to DEMO-C; the old row then expires in 20 days
    const old = await registered("DEMO-A");
    const { sessionId, proof } = await renewalSession("DEMO-A", "DEMO-C");
    expect(proof.ok).toBe(true);
    const renewed = await submitRenewal(sessionId, { propagate: false }, await currentInsertionId());
    if (!renewed.ok) throw new Error(`renewal failed: ${renewed.code}`);
    await env.prisma.cardRegistration.update({
      where: { id: old.id },
      data: { notAfter: new Date(Date.now() + 20 * DAY) },
    });
    expect((await env.prisma.cardRegistration.findUniqueOrThrow({ where: { id: old.id } })).status).toBe(
      "replaced",
    );
    // expired: DEMO-H seen the day after its expiry
    const expiring = await registered("DEMO-H");
    expect(await run(new Date(expiring.notAfter.getTime() + DAY))).toBe(0);
    expect(await env.prisma.renewalReminder.count()).toBe(0);
    // lapsed: DEMO-H's user ID lapses before the batch sees it at 20 days
    await env.prisma.qualification.update({
      where: { id: expiring.qualificationId },
      data: { status: "lapsed" },
    });
    expect(await run(new Date())).toBe(0);
    expect(await env.prisma.renewalReminder.count()).toBe(0);
    expect(await reminderEmails()).toEqual([]);
    // staff still see the lapsed one (marked), never the replaced one
    expect((await expiringCards()).map((c) => [c.cardRegistrationId, c.lapsed])).toEqual([
      [expiring.id, true],
    ]);
    await env.prisma.qualification.update({
      where: { id: expiring.qualificationId },
      data: { status: "approved" },
    });
    // the control: the same cards with the user ID in force — only DEMO-H, never the replaced one
    expect(await run(new Date())).toBe(1);
    expect((await reminderEmails()).map((e) => e.idempotencyKey)).toEqual([
      `renewal-reminder:${expiring.id}:30`,
    ]);
  });

  it("two batch runs at once, and two reminder steps at once past the lock, queue one email", async () => {
    const card = await registered("DEMO-H");
    const [a, b] = await Promise.all([
      runNightlyBatch({ trigger: "cli" }),
      runNightlyBatch({ trigger: "manual" }),
    ]);
    const done = [a, b].filter((r) => r.ok);
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(done.reduce((sum, r) => sum + (r.ok ? r.reminders : 0), 0)).toBe(1);
    expect(await reminderEmails()).toHaveLength(1);

    // the database holds it even without the batch lock (a run taken over mid-step)
    const at = daysBefore(card.notAfter, 7);
    const counts = await Promise.all([1, 2, 3].map(() => queueRenewalReminders({ now: at })));
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    expect((await reminderEmails()).map((e) => e.idempotencyKey)).toEqual([
      `renewal-reminder:${card.id}:30`,
      `renewal-reminder:${card.id}:7`,
    ]);
  });

  it("the email: the card, ICカード更新 before the expiry date, what to bring, the helpdesk hours", async () => {
    const card = await registered("DEMO-H");
    await run(new Date());
    const [email] = await reminderEmails();
    const serial = BigInt(`0x${card.serialNumber}`).toString(10);
    const p = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "long" }).format(
      card.notAfter,
    );
    expect(email!.text).toBe(
      [
        "利用者登録されているICカードの有効期限が近づいておりますのでお知らせ致します。",
        "このメールは登録された代表窓口のメールアドレス宛に送信されています。",
        "",
        "ユーザID : 1000000001",
        "業務区分 : 工事",
        "企業名称 : 株式会社さいたま建設 さいたま支店",
        "ICカード取得者氏名 : 埼玉 太郎",
        `証明書シリアル番号 : ${serial}`,
        `証明書有効期限 : ${p}（あと20日）`,
        "",
        "有効期限までに、新しいICカードをご用意のうえ、ヘルプデスクで「ICカード更新」の手続きを行ってください。",
        "有効期限を過ぎるとICカード更新はできなくなり、新しいICカードを改めて「登録」していただくことになります。",
        "",
        "【お持ちいただくもの】",
        "・現在お使いのICカードとそのPIN番号",
        "・新しいICカードとそのPIN番号（現在のICカードと同じ認証局が発行し、ICカード企業名称が同じもの）",
        "",
        "【ヘルプデスク受付時間】 平日 8:30〜20:00（土日祝日・年末年始を除く）",
        "",
        "※「工事」「物品」両方の資格をお持ちの場合は、それぞれ更新作業を行ってください。",
        "",
        "※このメールはシステムが自動送信しています。",
        "このアドレスには返信しないでください。",
        "",
        "***** 埼玉県電子入札共同システム *****",
        "",
      ].join("\n"),
    );
    expect(email!.html).toContain("<title>ICカード有効期限のお知らせ</title>");
    expect(email!.html).toContain("・現在お使いのICカードとそのPIN番号<br>");
    expect(email!.text).not.toMatch(/7777|Saitama1/); // never a PIN or password
  });

  it("the staff list: cards expiring within 60 days, days left and the reminders sent", async () => {
    expect(renderToStaticMarkup(await ExpiringPage())).toContain(
      "有効期限が60日以内のICカードはありません。",
    );
    const far = await registered("DEMO-A"); // two years: not listed
    const card = await registered("DEMO-H");
    await run(new Date());
    const list = await expiringCards();
    expect(list.map((c) => c.cardRegistrationId)).toEqual([card.id]);
    expect(list.map((c) => c.cardRegistrationId)).not.toContain(far.id);
    expect(list[0]).toMatchObject({
      userId: "1000000001",
      kind: "construction",
      companyName: "株式会社さいたま建設 さいたま支店",
      holderName: "埼玉 太郎",
      serialDecimal: BigInt(`0x${card.serialNumber}`).toString(10),
      daysLeft: 20,
      lapsed: false,
    });
    expect(list[0]!.reminders.map((r) => [r.threshold, r.state])).toEqual([
      [60, "passed"],
      [30, "emailed"],
    ]);

    guard.calls.length = 0;
    const page = renderToStaticMarkup(await ExpiringPage());
    expect(guard.calls).toEqual(["staff"]);
    expect(page).toContain("<h1>有効期限が近いICカード</h1>");
    expect(page).toContain("1000000001（工事）");
    expect(page).toContain(`<td>${list[0]!.serialDecimal}</td>`);
    expect(page).toContain('<td class="expiring-number">20日</td>');
    expect(page).toMatch(/30日前: 送信（\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}）/);
    expect(page).toContain("60日前: 送信なし（より近い案内を送信）");
    expect(await run(daysBefore(card.notAfter, 5))).toBe(1);
    expect((await expiringCards(daysBefore(card.notAfter, 5)))[0]!.daysLeft).toBe(5);
  });
});
