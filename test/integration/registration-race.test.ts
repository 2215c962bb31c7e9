// 登録 under contention, as many terminals on one PostgreSQL meet it (issue 10; the same file runs on
// SQLite too): the database's unique index settles R1 however many submits arrive at once, the
// day's receipt numbers never collide, and the audit chain does not fork.
import { hash } from "@node-rs/argon2";
import { beforeAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { verifyAuditChain } from "@/app/_server/audit/verify";
import { proveCard } from "@/app/_server/card/pin-step";
import { currentInsertionId } from "@/app/_server/card/reader-status";
import { registerCard } from "@/app/_server/flows/registration";
import { searchQualification } from "@/app/_server/qualifications/search";
import { flowSuite } from "../support/flow-suite";
import { matchedSession, openSession, pinOf, registrationForm, SAITAMA_LOGIN } from "../support/kiosk";

const suite = flowSuite("RACE-01");

const RACERS = 50;
const PASSWORD = "Race2026";
const userIdOf = (i: number) => String(2_000_000_001 + i);

// RACERS user IDs of their own, each held at the agency the visits start at (埼玉県)
beforeAll(async () => {
  const prisma = suite.env.prisma;
  const template = await prisma.qualification.findFirstOrThrow({
    where: { userId: SAITAMA_LOGIN.userId, kind: "construction" },
    include: { agencies: true },
  });
  const {
    id: _id,
    userId: _userId,
    createdAt: _c,
    updatedAt: _u,
    agencies,
    previousCompany,
    ...rest
  } = template;
  const passwordHash = await hash(PASSWORD);
  for (let i = 0; i < RACERS; i++) {
    await prisma.qualification.create({
      data: {
        ...rest,
        previousCompany: previousCompany ?? undefined,
        userId: userIdOf(i),
        passwordHash,
        agencies: { create: agencies.map((a) => ({ agencyId: a.agencyId })) },
      },
    });
  }
});

/** A visit per user ID up to the confirm screen with `label` proven: the real PIN step and search. */
async function matchedVisits(label: string, userIds: string[]): Promise<string[]> {
  const visits: string[] = [];
  for (const userId of userIds) {
    const sessionId = await openSession();
    const proof = await proveCard(sessionId, { pin: pinOf(label), purpose: "register" });
    if (!proof.ok) throw new Error(`card proof failed: ${proof.code}`);
    const login = { officialName: SAITAMA_LOGIN.officialName, userId, password: PASSWORD };
    const search = await searchQualification(sessionId, login);
    if (!search.ok) throw new Error(`search failed: ${search.code}`);
    visits.push(sessionId);
  }
  return visits;
}

async function chainVerifies() {
  expect(await verifyAuditChain(suite.env.prisma)).toMatchObject({ ok: true });
}

describe("登録 at many terminals at once", () => {
  it("R1: one card submitted for 50 user IDs at once → exactly one registration, the rest refused", async () => {
    suite.reader.insert("DEMO-A");
    const visits = await matchedVisits(
      "DEMO-A",
      Array.from({ length: RACERS }, (_, i) => userIdOf(i)),
    );
    const insertion = await currentInsertionId();
    const results = await Promise.all(
      visits.map((id) => registerCard(id, registrationForm({ ack: true }), insertion)),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refusals = results.filter((r) => !r.ok);
    expect(refusals).toHaveLength(RACERS - 1);
    for (const r of refusals)
      expect(r).toMatchObject({ code: "alreadyRegistered", message: "既に登録されています。" });
    expect(await suite.env.prisma.cardRegistration.count()).toBe(1);
    expect(await suite.env.prisma.receipt.count()).toBe(1);
    expect(await suite.env.prisma.outboxEmail.count()).toBe(1);
    expect(
      await suite.env.prisma.auditLog.count({ where: { action: "registration.create", outcome: "refused" } }),
    ).toBe(RACERS - 1);
    await chainVerifies();
  }, 120_000);

  it("different cards submitted at once each get their own receipt number, none lost", async () => {
    const labels = ["DEMO-A", "DEMO-B", "DEMO-F", "DEMO-G"];
    const submits: { sessionId: string; insertion: string | null }[] = [];
    for (const [i, label] of labels.entries()) {
      suite.reader.insert(label);
      const [sessionId] = await matchedVisits(label, [userIdOf(i)]);
      submits.push({ sessionId: sessionId!, insertion: await currentInsertionId() });
    }
    // each as its own terminal would send it: the card then in that terminal's reader
    const results = await Promise.all(
      submits.map((s) => registerCard(s.sessionId, registrationForm({ ack: true }), s.insertion)),
    );

    expect(results.map((r) => r.ok)).toEqual(labels.map(() => true));
    const numbers = results.map((r) => (r.ok ? r.receiptNumber : ""));
    expect(new Set(numbers).size).toBe(labels.length);
    expect(await suite.env.prisma.cardRegistration.count()).toBe(labels.length);
    await chainVerifies();
  }, 120_000);

  it("R4: the first two cards of one new user ID submitted at once both register; one 代表窓口情報 on file", async () => {
    const userId = userIdOf(RACERS - 1);
    const submits: { sessionId: string; insertion: string | null }[] = [];
    for (const label of ["DEMO-A", "DEMO-B"]) {
      suite.reader.insert(label);
      const [sessionId] = await matchedVisits(label, [userId]);
      submits.push({ sessionId: sessionId!, insertion: await currentInsertionId() });
    }
    const results = await Promise.all(
      submits.map((s) => registerCard(s.sessionId, registrationForm({ ack: true }), s.insertion)),
    );

    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const q = await suite.env.prisma.qualification.findFirstOrThrow({
      where: { userId },
      include: { userRegistration: true, cardRegistrations: true },
    });
    expect(q.userRegistration).not.toBeNull();
    expect(q.cardRegistrations).toHaveLength(2);
    await chainVerifies();
  }, 120_000);

  it("a visit started at one terminal is refused at another: its session id opens nothing there", async () => {
    const { sessionId } = await matchedSession("DEMO-A");
    const insertion = await currentInsertionId();
    process.env.TERMINAL_ID = "RACE-02";
    resetConfigForTests();
    const expired = { ok: false, code: "session" };
    expect(await proveCard(sessionId, { pin: pinOf("DEMO-A"), purpose: "register" })).toMatchObject(expired);
    expect(await searchQualification(sessionId, SAITAMA_LOGIN)).toMatchObject(expired);
    expect(await registerCard(sessionId, registrationForm({ ack: true }), insertion)).toMatchObject(expired);
    expect(await suite.env.prisma.cardRegistration.count()).toBe(0);

    // back at the terminal that started it, the same visit goes on
    process.env.TERMINAL_ID = "RACE-01";
    resetConfigForTests();
    expect((await registerCard(sessionId, registrationForm({ ack: true }), insertion)).ok).toBe(true);
  });
});
