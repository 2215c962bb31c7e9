// R32 on the server (issue 11): a visit that ends with a card in the reader records that insertion,
// the next visit refuses to start while the same insertion is still in (taken out and inserted again,
// it starts), and a card left in after the visit is a 係員呼び出し (ICカードの取り忘れ) staff mark
// 対応済み, one per insertion, with a `card.left` audit row.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { handleCall, openCalls } from "@/app/_server/assist/calls";
import { CARD_LEFT_REASON, CARD_LEFT_SCREEN, reportCardLeft } from "@/app/_server/assist/card-left";
import { SCREEN_HINTS } from "@/app/_shared/screen-hints";
import { endSession, startSession } from "@/app/_server/visit/session";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase, openTestTerminal } from "../support/db";
import { STAFF } from "../support/staff";

let env: Awaited<ReturnType<typeof freshDatabase>>;
let terminal = 0;

const CHOICE = { agencyCode: "110000", kind: "construction" as const };

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
});
afterAll(() => env.close());
beforeEach(async () => {
  // a terminal of its own per case: one case's last visit is not the next case's
  process.env.TERMINAL_ID = `CARD-LEFT-${++terminal}`;
  resetConfigForTests();
  await openTestTerminal(env.prisma);
});

async function visit(insertionId: string | null) {
  const started = await startSession(CHOICE, new Date(), insertionId);
  if (!started.ok) throw new Error(`the visit did not start: ${started.code}`);
  return started.id;
}

describe("R32: no visit starts with a card left from before", () => {
  it("a visit that ended with the card in refuses that insertion; a new insertion starts", async () => {
    const id = await visit("ins-1");
    await endSession(id, "logout", new Date(), "ins-1");
    const refused = await startSession(CHOICE, new Date(), "ins-1");
    expect(refused).toMatchObject({ ok: false, code: "cardLeftOver" });
    expect(refused.ok ? "" : refused.message).toContain("もう一度差し込んで");
    expect(await startSession(CHOICE, new Date(), "ins-2")).toMatchObject({ ok: true });
  });

  it("an empty reader, or a card inserted after the visit ended, starts", async () => {
    const id = await visit(null);
    await endSession(id, "logout", new Date(), null);
    expect(await startSession(CHOICE, new Date(), null)).toMatchObject({ ok: true });
    const next = await visit("ins-3");
    await endSession(next, "logout", new Date(), null);
    expect(await startSession(CHOICE, new Date(), "ins-4")).toMatchObject({ ok: true });
  });

  it("a visit never ended (a closed tab) refuses the card it proved", async () => {
    const id = await visit(null);
    await env.prisma.kioskSession.update({
      where: { id },
      data: { card: { insertionId: "ins-5" }, cardFingerprint: "f" },
    });
    expect(await startSession(CHOICE, new Date(), "ins-5")).toMatchObject({
      ok: false,
      code: "cardLeftOver",
    });
    expect(await startSession(CHOICE, new Date(), "ins-6")).toMatchObject({ ok: true });
  });

  it("the refusal is audited and writes no session", async () => {
    const id = await visit("ins-7");
    await endSession(id, "timeout", new Date(), "ins-7");
    const before = await env.prisma.kioskSession.count({ where: { terminalId: process.env.TERMINAL_ID } });
    await startSession(CHOICE, new Date(), "ins-7");
    expect(await env.prisma.kioskSession.count({ where: { terminalId: process.env.TERMINAL_ID } })).toBe(
      before,
    );
    const row = await env.prisma.auditLog.findFirst({
      where: { terminalId: process.env.TERMINAL_ID, action: "session.start", outcome: "refused" },
    });
    expect(row?.detail).toEqual({ reason: "cardLeftOver" });
  });
});

describe("R32: a card left in the reader is a staff call", () => {
  const callsHere = () =>
    env.prisma.staffCall.findMany({
      where: { terminalId: process.env.TERMINAL_ID },
      orderBy: { createdAt: "asc" },
    });
  const auditHere = () =>
    env.prisma.auditLog.findMany({ where: { terminalId: process.env.TERMINAL_ID, action: "card.left" } });

  it("calls staff from the take-card screen with the manual's hint and the reason, once per insertion", async () => {
    const id = await visit("ins-left-1");
    await endSession(id, "logout", new Date(), "ins-left-1");
    expect(await reportCardLeft({ seconds: 60 }, null)).toMatchObject({ ok: false, code: "noCard" });
    expect(await reportCardLeft({ seconds: "x" }, "ins-left-1")).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await callsHere()).toEqual([]);

    const first = await reportCardLeft({ seconds: 60 }, "ins-left-1");
    expect(first).toMatchObject({ ok: true, repeated: false });
    const [call, ...more] = await callsHere();
    expect(more).toEqual([]);
    expect(call).toMatchObject({
      kioskSessionId: id,
      screen: CARD_LEFT_SCREEN,
      screenLabel: SCREEN_HINTS[CARD_LEFT_SCREEN]!.label,
      hint: SCREEN_HINTS[CARD_LEFT_SCREEN]!.hint,
      reason: "ICカードの取り忘れ",
      lastError: null,
      handledAt: null,
    });
    expect(CARD_LEFT_REASON).toBe("ICカードの取り忘れ");
    expect((await openCalls()).filter((c) => c.terminalId === process.env.TERMINAL_ID)).toMatchObject([
      { screen: CARD_LEFT_SCREEN, reason: "ICカードの取り忘れ" },
    ]);
    // the audit row stays, as before
    expect((await auditHere()).map((r) => r.detail)).toEqual([
      { terminal: process.env.TERMINAL_ID, seconds: 60, callId: call!.id },
    ]);

    // a reload, a second report, and two at once: the same call, no second audit row
    const again = await Promise.all([1, 2, 3].map(() => reportCardLeft({ seconds: 60 }, "ins-left-1")));
    expect(again).toEqual(again.map(() => ({ ok: true, callId: call!.id, repeated: true })));
    expect(await callsHere()).toHaveLength(1);
    expect(await auditHere()).toHaveLength(1);
  });

  it("staff mark it 対応済み like any call; a later report of the same insertion adds no call", async () => {
    expect(await reportCardLeft({ seconds: 60 }, "ins-left-2")).toMatchObject({ ok: true, repeated: false });
    const [call] = await callsHere();
    expect(await handleCall(STAFF, call!.id)).toEqual({ ok: true });
    expect((await openCalls()).filter((c) => c.terminalId === process.env.TERMINAL_ID)).toEqual([]);
    expect(await reportCardLeft({ seconds: 60 }, "ins-left-2")).toMatchObject({ ok: true, repeated: true });
    expect(await callsHere()).toMatchObject([{ id: call!.id, openKey: null, handledBy: STAFF.login }]);
    // another card left later at the same terminal is a new call
    expect(await reportCardLeft({ seconds: 60 }, "ins-left-3")).toMatchObject({ ok: true, repeated: false });
    expect(await callsHere()).toHaveLength(2);
  });

  it("a call already waiting at the terminal becomes the card-left call (one open call per terminal)", async () => {
    await env.prisma.staffCall.create({
      data: {
        terminalId: process.env.TERMINAL_ID!,
        screen: "end",
        screenLabel: "終了画面",
        hint: "-",
        openKey: process.env.TERMINAL_ID!,
      },
    });
    // three reports of the card at once (a reload beside the first): one takes the call over
    const reports = await Promise.all([1, 2, 3].map(() => reportCardLeft({ seconds: 60 }, "ins-left-4")));
    expect(reports.filter((r) => r.ok && !r.repeated)).toHaveLength(1);
    expect(await auditHere()).toHaveLength(1);
    expect(await callsHere()).toMatchObject([
      {
        screen: CARD_LEFT_SCREEN,
        reason: "ICカードの取り忘れ",
        cardLeftInsertionId: "ins-left-4",
        handledAt: null,
      },
    ]);
  });
});
