// The staff console's read services and its two writes on a real SQLite file: 本日の受付 by terminal
// and its Tokyo day boundary, 登録の検索 by each key (bad input named per field), a card's history and
// per-agency status (R21, R22), a receipt's verification data, 再送 (R40) and the staff reprint (R41).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cardAgencyStatus, receiptAgencyStatus } from "@/app/_server/console/agency-status";
import { receiptView } from "@/app/_server/console/receipt";
import {
  parseRegistrationQuery,
  registrationDetail,
  searchRegistrations,
} from "@/app/_server/console/registrations";
import { todayOverview } from "@/app/_server/console/today";
import { resetConfigForTests } from "@/app/_server/config";
import { dispatchDueEmails } from "@/app/_server/email/deliver";
import { outboxSummary } from "@/app/_server/email/list";
import { retryEmail } from "@/app/_server/email/retry";
import { canViewReceipt } from "@/app/_server/receipts/access";
import { receiptPdfResponse } from "@/app/_server/receipts/http";
import { retryEmailAction } from "@/app/staff/_actions/outbox";
import { UNAUTHORIZED } from "@/app/_shared/staff-contracts";
import type { ReceiptData } from "@/app/_shared/contracts";
import { seedDemoData } from "@/prisma/seed";
import { receiptFixture } from "@/test/fixtures/receipt-data";
import { freshDatabase } from "@/test/support/db";

type Identity = {
  id: string;
  login: string;
  displayName: string;
  role: "staff" | "admin";
  sessionId: string;
};
const auth = vi.hoisted(() => ({ staff: null as Identity | null, asked: 0 }));
vi.mock("@/app/_server/staff/auth", () => ({
  currentStaff: async () => {
    auth.asked += 1;
    return auth.staff;
  },
  requireStaffPage: async () => {
    if (!auth.staff) throw new Error("redirect to sign-in");
    return auth.staff;
  },
  staffAction: async (_role: string, run: (staff: Identity) => Promise<unknown>) =>
    auth.staff ? run(auth.staff) : UNAUTHORIZED,
}));
const cookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: () => (cookie.value ? { name: "kiosk_session", value: cookie.value } : undefined),
  }),
}));

const STAFF: Identity = {
  id: "s1",
  login: "staff01",
  displayName: "職員 一郎",
  role: "staff",
  sessionId: "ss1",
};

let env: Awaited<ReturnType<typeof freshDatabase>>;
let seq = 0;

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
});
afterAll(() => env.close());
beforeEach(async () => {
  auth.staff = null;
  cookie.value = undefined;
  process.env.TERMINAL_ID = "CONSOLE-T";
  resetConfigForTests();
  const p = env.prisma;
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

async function agencyId(code: string): Promise<string> {
  return (await env.prisma.agency.findUniqueOrThrow({ where: { code } })).id;
}

/** A card registration as 登録 writes it (the registering agency reflected at once). */
async function makeCard(
  opts: {
    userId?: string;
    kind?: string;
    agency?: string;
    serial?: string;
    holder?: string;
    createdAt?: Date;
  } = {},
) {
  const q = await env.prisma.qualification.findUniqueOrThrow({
    where: { userId_kind: { userId: opts.userId ?? "1000000001", kind: opts.kind ?? "construction" } },
  });
  const agency = await agencyId(opts.agency ?? "110000");
  const card = await env.prisma.cardRegistration.create({
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
  await env.prisma.agencyRegistration.create({
    data: { cardRegistrationId: card.id, agencyId: agency, reflectedAt: card.createdAt },
  });
  return card;
}

/** A receipt with its propagation tasks (targets by agency code), as the three operations write them. */
async function makeReceipt(
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
  const receipt = await env.prisma.receipt.create({
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
    await env.prisma.propagationTask.create({
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
async function applyTask(receiptId: string, code: string, at: Date) {
  const target = await agencyId(code);
  const task = await env.prisma.propagationTask.update({
    where: { receiptId_targetAgencyId: { receiptId, targetAgencyId: target } },
    data: { status: "applied", appliedAt: at },
  });
  await env.prisma.agencyRegistration.upsert({
    where: { cardRegistrationId_agencyId: { cardRegistrationId: task.cardRegistrationId, agencyId: target } },
    create: { cardRegistrationId: task.cardRegistrationId, agencyId: target, reflectedAt: at, receiptId },
    update: { reflectedAt: at, receiptId },
  });
}

async function auditRows(action: string) {
  return env.prisma.auditLog.findMany({ where: { action }, orderBy: { seq: "asc" } });
}

describe("本日の受付 (todayOverview)", () => {
  it("groups the Tokyo day's operations by terminal with counts, opened-by staff and refused attempts", async () => {
    const staff = await env.prisma.staffUser.findUniqueOrThrow({ where: { login: "staff01" } });
    await env.prisma.terminal.create({ data: { id: "KIOSK-02" } });
    await env.prisma.terminal.create({ data: { id: "KIOSK-03" } });
    const opening = await env.prisma.terminalOpening.create({
      data: { terminalId: "KIOSK-02", openedById: staff.id, openedAt: new Date("2026-11-26T00:00:00Z") },
    });
    const card = await makeCard();
    // 2026-11-26 JST runs from 11-25T15:00Z to 11-26T15:00Z
    await makeReceipt(card, { number: "20261125-000001", createdAt: new Date("2026-11-25T14:59:59Z") });
    await makeReceipt(card, { number: "20261126-000001", createdAt: new Date("2026-11-25T15:00:00Z") });
    await makeReceipt(card, {
      number: "20261126-000002",
      operation: "change",
      createdAt: new Date("2026-11-26T02:00:00Z"),
      terminalId: "KIOSK-02",
      terminalOpeningId: opening.id,
    });
    await makeReceipt(card, {
      number: "20261126-000003",
      operation: "renewal",
      createdAt: new Date("2026-11-26T14:59:59Z"),
      terminalId: "KIOSK-02",
      terminalOpeningId: opening.id,
    });
    await makeReceipt(card, { number: "20261127-000001", createdAt: new Date("2026-11-26T15:00:00Z") });
    // refused / failed attempts: straight rows, so their times can sit on either side of midnight
    const base = (await env.prisma.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).seq + 1000;
    const attempt = (n: number, terminalId: string, outcome: string, at: string, action = "search") =>
      env.prisma.auditLog.create({
        data: {
          seq: base + n,
          prevHash: "",
          hash: `h${n}`,
          terminalId,
          action,
          outcome,
          createdAt: new Date(at),
        },
      });
    await attempt(1, "KIOSK-01", "refused", "2026-11-25T16:00:00Z");
    await attempt(2, "KIOSK-01", "refused", "2026-11-26T10:00:00Z");
    await attempt(3, "KIOSK-01", "error", "2026-11-26T11:00:00Z");
    await attempt(4, "KIOSK-01", "ok", "2026-11-26T11:00:00Z");
    await attempt(5, "KIOSK-02", "refused", "2026-11-25T14:00:00Z");
    // a staff sign-in refused on the same server is not a walk-in's attempt
    await attempt(6, "KIOSK-01", "refused", "2026-11-26T10:30:00Z", "staff.signin");
    await attempt(7, "KIOSK-01", "refused", "2026-11-26T10:40:00Z", "card.proof");

    const day = await todayOverview(new Date("2026-11-26T09:00:00Z"));
    expect(day.day).toBe("2026-11-26");
    expect(day.totals).toEqual({ register: 1, change: 1, renewal: 1 });
    expect(day.terminals.map((t) => t.terminalId)).toEqual(["KIOSK-01", "KIOSK-02", "KIOSK-03"]);
    const [k1, k2, k3] = day.terminals;
    expect(k1!.counts).toEqual({ register: 1, change: 0, renewal: 0 });
    expect(k1!.operations.map((o) => o.number)).toEqual(["20261126-000001"]);
    expect(k1!.operations[0]).toMatchObject({
      userId: "1000000001",
      kind: "construction",
      agencyName: "埼玉県",
      openedBy: null,
    });
    expect([k1!.refused, k1!.errors]).toEqual([3, 1]);
    expect(k2!.counts).toEqual({ register: 0, change: 1, renewal: 1 });
    expect(k2!.operations.map((o) => o.number)).toEqual(["20261126-000002", "20261126-000003"]);
    expect(k2!.operations[0]!.openedBy).toEqual({ login: "staff01", displayName: staff.displayName });
    expect(k2!.refused).toBe(0);
    // a known terminal with nothing today still shows
    expect(k3).toMatchObject({ counts: { register: 0, change: 0, renewal: 0 }, operations: [] });

    const next = await todayOverview(new Date("2026-11-26T15:00:00Z"));
    expect(next.day).toBe("2026-11-27");
    expect(next.terminals.flatMap((t) => t.operations.map((o) => o.number))).toEqual(["20261127-000001"]);
    const before = await todayOverview(new Date("2026-11-25T14:59:59Z"));
    expect(before.day).toBe("2026-11-25");
    expect(before.terminals.flatMap((t) => t.operations.map((o) => o.number))).toEqual(["20261125-000001"]);
    expect(before.terminals.find((t) => t.terminalId === "KIOSK-02")!.refused).toBe(1);
  });
});

describe("登録の検索", () => {
  it("checks each key on its own and names a bad one at its field", () => {
    expect(parseRegistrationQuery({})).toEqual({ ok: true, query: {}, empty: true });
    expect(parseRegistrationQuery({ userId: "１０００００００01" })).toEqual({
      ok: false,
      fieldErrors: { userId: "ユーザIDは半角数字で入力してください。" },
    });
    expect(parseRegistrationQuery({ userId: "123456789", serial: "xyz", company: "a".repeat(101) })).toEqual({
      ok: false,
      fieldErrors: {
        userId: "ユーザIDは半角数字10桁で入力してください。",
        serial: "シリアル番号は16進数（0〜9、A〜F）で入力してください。",
        company: "企業名は100文字以内で入力してください。",
      },
    });
    expect(parseRegistrationQuery({ serial: " 00:32:33:36:35:34 " })).toEqual({
      ok: true,
      query: { serial: "3233363534" },
      empty: false,
    });
    expect(parseRegistrationQuery({ serial: "0000" })).toMatchObject({ query: { serial: "0" } });
  });

  it("finds cards by ユーザID (exact), company (contains) and serial (hex, any case, leading zeros)", async () => {
    const a = await makeCard({ serial: "3233363534", createdAt: new Date("2026-11-20T00:00:00Z") });
    const b = await makeCard({
      serial: "abc123",
      holder: "埼玉 花子",
      createdAt: new Date("2026-11-21T00:00:00Z"),
    });
    const f = await makeCard({ userId: "1000000002", serial: "f00d", holder: "川越 次郎" });
    const search = async (input: Record<string, string>) => {
      const parsed = parseRegistrationQuery(input);
      if (!parsed.ok) throw new Error("bad query");
      return (await searchRegistrations(parsed.query)).map((h) => h.id);
    };
    expect(await search({ userId: "1000000001" })).toEqual([b.id, a.id]);
    expect(await search({ userId: "1000000000" })).toEqual([]);
    expect(await search({ company: "さいたま建設" })).toEqual([b.id, a.id]);
    expect(await search({ company: "川越土木" })).toEqual([f.id]);
    expect(await search({ serial: "00ABC123" })).toEqual([b.id]);
    expect(await search({ serial: "F00D" })).toEqual([f.id]);
    expect(await search({ company: "さいたま", serial: "f00d" })).toEqual([]);
    const [hit] = await searchRegistrations({ serial: "abc123" });
    expect(hit).toMatchObject({
      status: "active",
      userId: "1000000001",
      kind: "construction",
      officialName: "株式会社さいたま建設",
      holderName: "埼玉 花子",
      agencyName: "埼玉県",
    });
  });
});

describe("a registration's history and per-agency status", () => {
  it("shows 反映済み / 反映待ち / 対象外 / 終了 per agency, receipts and the renewal links", async () => {
    // 1000000001 工事 holds 埼玉県, さいたま市, 川越市
    const old = await makeCard({ serial: "1111" });
    const registered = await makeReceipt(old, { number: "20261120-000001", targets: ["111007", "112011"] });
    expect((await cardAgencyStatus(old.id)).map((s) => [s.agency.name, s.status, s.registeredHere])).toEqual([
      ["埼玉県", "applied", true],
      ["さいたま市", "pending", false],
      ["川越市", "pending", false],
    ]);
    await applyTask(registered.id, "111007", new Date("2026-11-20T17:00:00Z"));
    await applyTask(registered.id, "112011", new Date("2026-11-20T17:00:00Z"));

    // ICカード更新 to a new card, R22 not chosen: only 埼玉県 has the new card
    const renewed = await makeCard({ serial: "2222" });
    await env.prisma.cardRegistration.update({
      where: { id: old.id },
      data: { status: "replaced", replacedById: renewed.id },
    });
    await env.prisma.agencyRegistration.update({
      where: { cardRegistrationId_agencyId: { cardRegistrationId: old.id, agencyId: old.agencyId } },
      data: { endedAt: new Date("2026-11-26T03:00:00Z") },
    });
    const renewal = await makeReceipt(renewed, { number: "20261126-000009", operation: "renewal" });

    const oldStatus = await cardAgencyStatus(old.id);
    expect(oldStatus.map((s) => [s.agency.name, s.status])).toEqual([
      ["埼玉県", "ended"],
      ["さいたま市", "applied"],
      ["川越市", "applied"],
    ]);
    expect(oldStatus[1]!.reflectedAt).toEqual(new Date("2026-11-20T17:00:00Z"));
    expect(oldStatus[0]!.endedAt).toEqual(new Date("2026-11-26T03:00:00Z"));
    expect((await cardAgencyStatus(renewed.id)).map((s) => [s.agency.name, s.status])).toEqual([
      ["埼玉県", "applied"],
      ["さいたま市", "excluded"],
      ["川越市", "excluded"],
    ]);

    const detail = await registrationDetail(old.id);
    expect(detail).toMatchObject({
      status: "replaced",
      qualification: { userId: "1000000001", officialName: "株式会社さいたま建設" },
      receipts: [{ number: "20261120-000001", operation: "register", agencyName: "埼玉県" }],
      replaces: null,
      replacedBy: { id: renewed.id, serialNumber: "2222" },
    });
    expect(detail!.representative).toBeNull();
    const newer = await registrationDetail(renewed.id);
    expect(newer).toMatchObject({
      status: "active",
      replaces: { id: old.id, status: "replaced" },
      replacedBy: null,
    });
    expect(newer!.receipts.map((r) => r.number)).toEqual(["20261126-000009"]);
    expect(await registrationDetail("no-such-id")).toBeNull();

    // the receipts' own view: where each operation went
    expect((await receiptAgencyStatus(registered.id)).map((s) => [s.agency.name, s.status])).toEqual([
      ["埼玉県", "source"],
      ["さいたま市", "applied"],
      ["川越市", "applied"],
    ]);
    expect((await receiptAgencyStatus(renewal.id)).map((s) => [s.agency.name, s.status])).toEqual([
      ["埼玉県", "source"],
      ["さいたま市", "excluded"],
      ["川越市", "excluded"],
    ]);
  });

  it("shows the user ID's 代表窓口情報 and a pending 変更 at an agency already reflected", async () => {
    const card = await makeCard();
    await env.prisma.userRegistration.create({
      data: {
        qualificationId: (await env.prisma.cardRegistration.findUniqueOrThrow({ where: { id: card.id } }))
          .qualificationId,
        ...receiptFixture.representative,
      },
    });
    const reg = await makeReceipt(card, { targets: ["111007"] });
    await applyTask(reg.id, "111007", new Date());
    await makeReceipt(card, { operation: "change", targets: ["111007"] });
    const status = await cardAgencyStatus(card.id);
    expect(status.find((s) => s.agency.name === "さいたま市")).toMatchObject({
      status: "pending",
      pendingOperations: ["change"],
    });
    expect(status.find((s) => s.agency.name === "川越市")!.status).toBe("excluded");
    expect((await registrationDetail(card.id))!.representative).toMatchObject({
      email: receiptFixture.representative.email,
    });
  });
});

describe("受付票の確認 (receiptView)", () => {
  it("shows the stored snapshot, the terminal and its opener, the emails and the agencies; unknown → null", async () => {
    const staff = await env.prisma.staffUser.findUniqueOrThrow({ where: { login: "staff01" } });
    await env.prisma.terminal.create({ data: { id: "KIOSK-01" } });
    const opening = await env.prisma.terminalOpening.create({
      data: { terminalId: "KIOSK-01", openedById: staff.id, overrideReason: "閉庁日の来訪者対応" },
    });
    const card = await makeCard();
    const receipt = await makeReceipt(card, {
      number: "20261126-123456",
      targets: ["111007", "112011"],
      terminalOpeningId: opening.id,
    });
    await env.prisma.outboxEmail.create({
      data: {
        idempotencyKey: "receipt-20261126-123456",
        receiptId: receipt.id,
        to: "nyusatsu@saitama-kensetsu.example.jp",
        subject: "利用者登録のお知らせ",
        text: "t",
        html: "h",
      },
    });
    const view = await receiptView("20261126-123456");
    expect(view).toMatchObject({
      number: "20261126-123456",
      operation: "register",
      terminalId: "KIOSK-01",
      userId: "1000000001",
      cardRegistrationId: card.id,
      opening: { openedBy: { login: "staff01" }, overrideReason: "閉庁日の来訪者対応" },
      emails: [{ to: "nyusatsu@saitama-kensetsu.example.jp", status: "pending", attempts: 0 }],
    });
    expect(view!.layout.title).toBe("利用者情報登録結果");
    expect(view!.layout.header).toContainEqual(["受付番号", "20261126-123456"]);
    expect(view!.agencies.map((a) => a.status)).toEqual(["source", "pending", "pending"]);
    expect(await receiptView("20261126-999999")).toBeNull();
    expect(await receiptView("x".repeat(65))).toBeNull();
  });
});

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

describe("受付票の再印刷 (canViewReceipt)", () => {
  async function visit(receiptId: string | null, opts: { endedAt?: Date } = {}) {
    const agency = await agencyId("110000");
    const session = await env.prisma.kioskSession.create({
      data: {
        id: `visit-${++seq}`,
        terminalId: "KIOSK-01",
        agencyId: agency,
        kind: "construction",
        expiresAt: new Date(Date.now() + 10 * 60_000),
        receiptId,
        endedAt: opts.endedAt,
      },
    });
    return session.id;
  }

  it("lets a signed-in staff member reprint any receipt, audited as receipt.reprint", async () => {
    const card = await makeCard();
    await makeReceipt(card, { number: "20261126-200001" });
    auth.staff = STAFF;
    expect(await canViewReceipt("20261126-200001")).toBe(true);
    const [entry] = (await auditRows("receipt.reprint")).slice(-1);
    expect(entry).toMatchObject({ outcome: "ok", staffLogin: "staff01", userId: "1000000001" });
    expect(entry!.detail).toEqual({ receipt: "20261126-200001" });

    const pdf = await receiptPdfResponse("20261126-200001");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const unknown = await receiptPdfResponse("20261126-299999");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("指定された受付番号の受付票は見つかりません。");
  });

  it("refuses without a session of either kind, and keeps the kiosk visit rule as it was", async () => {
    const card = await makeCard();
    const mine = await makeReceipt(card, { number: "20261126-300001" });
    await makeReceipt(card, { number: "20261126-300002" });
    const reprints = (await auditRows("receipt.reprint")).length;

    expect(await canViewReceipt("20261126-300001")).toBe(false);
    expect((await receiptPdfResponse("20261126-300001")).status).toBe(403);

    // the visit that made the receipt may print it, without asking for staff
    cookie.value = await visit(mine.id);
    const asked = auth.asked;
    expect(await canViewReceipt("20261126-300001")).toBe(true);
    expect(auth.asked).toBe(asked);
    // not another receipt, and not once the visit has ended
    expect(await canViewReceipt("20261126-300002")).toBe(false);
    await env.prisma.kioskSession.update({ where: { id: cookie.value }, data: { endedAt: new Date() } });
    expect(await canViewReceipt("20261126-300001")).toBe(false);
    // a visit that made nothing
    cookie.value = await visit(null);
    expect(await canViewReceipt("20261126-300001")).toBe(false);
    expect(await auditRows("receipt.reprint")).toHaveLength(reprints);
  });
});
