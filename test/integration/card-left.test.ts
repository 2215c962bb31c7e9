// R32 on the server (issue 11): a visit that ends with a card in the reader records that insertion,
// the next visit refuses to start while the same insertion is still in (taken out and inserted again,
// it starts), and a card left in after the visit is a `card.left` audit row staff see as a notice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { openCardLeftNotices, reportCardLeft } from "@/app/_server/visit/card-left";
import { endSession, startSession } from "@/app/_server/visit/session";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase, openTestTerminal } from "../support/db";

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

describe("R32: a card left in the reader is a notice for staff", () => {
  it("records card.left (terminal, seconds) only while a card is in; open until the next visit starts", async () => {
    const since = new Date(Date.now() - 60_000);
    expect(await reportCardLeft({ seconds: 60 }, false)).toMatchObject({ ok: false, code: "noCard" });
    expect(await reportCardLeft({ seconds: "x" }, true)).toMatchObject({ ok: false, code: "invalid" });
    expect(await reportCardLeft({ seconds: 60 }, true)).toEqual({ ok: true });
    const rows = await env.prisma.auditLog.findMany({
      where: { terminalId: process.env.TERMINAL_ID, action: "card.left" },
    });
    expect(rows.map((r) => r.detail)).toEqual([{ terminal: process.env.TERMINAL_ID, seconds: 60 }]);
    const mine = async () =>
      (await openCardLeftNotices(since)).filter((n) => n.terminalId === process.env.TERMINAL_ID);
    expect(await mine()).toMatchObject([{ seconds: 60 }]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await visit(null);
    expect(await mine()).toEqual([]);
  });
});
