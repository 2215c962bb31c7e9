// Issue 3 on the server, with the simulated reader and a real SQLite file: the pre-flight check
// (inspectCard) before any PIN, and the kiosk's own cap of two wrong PINs per insertion (R33).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { inspectCard } from "@/app/_server/card/inspect";
import { resetConfigForTests } from "@/app/_server/config";
import { PIN_TRIES_PER_INSERTION } from "@/app/_server/card/pin-cap";
import { proveCard } from "@/app/_server/card/pin-step";
import { currentInsertionId } from "@/app/_server/card/reader-status";
import { registerCard } from "@/app/_server/flows/registration";
import type { SimulatedCardReader } from "@/kiosk/card";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "../support/db";
import { freshCardReader, matchedSession, openSession, pinOf, registrationForm } from "../support/kiosk";

let env: Awaited<ReturnType<typeof freshDatabase>>;
let reader: SimulatedCardReader;
const WRONG = "9876";

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
});
afterAll(() => env.close());
beforeEach(async () => {
  process.env.TERMINAL_ID = "CARD-01";
  resetConfigForTests();
  reader = await freshCardReader();
});

async function inserted(label: string) {
  const sessionId = await openSession();
  reader.insert(label);
  return sessionId;
}

describe("inspectCard: the card before the PIN", () => {
  it("describes a usable card: holder, company on card, issuer, expiry", async () => {
    const result = await inspectCard(await inserted("DEMO-A"));
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      pin: { countLow: false, finalTry: false },
      card: {
        holderName: "埼玉 太郎",
        companyOnCard: "株式会社さいたま建設",
        issuer: "OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP",
      },
    });
  });

  it("warns about a card expiring within 30 days (R18) but lets it through", async () => {
    const result = await inspectCard(await inserted("DEMO-H"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.card.daysLeft).toBeLessThan(30);
    expect(result.warnings.join()).toContain(`残り${result.card.daysLeft}日`);
  });

  it.each([
    ["DEMO-D", "expired", "有効期限が切れた"],
    ["DEMO-X", "untrusted", "認証局"],
    ["DEMO-L", "pinLocked", "ロック"],
  ] as const)("refuses %s as %s, naming the card, without touching its PIN", async (label, code, words) => {
    const sessionId = await inserted(label);
    const before = await reader.pinStatus();
    const result = await inspectCard(sessionId);
    expect(result).toMatchObject({ ok: false, code });
    if (result.ok) return;
    expect(result.message).toContain(words);
    expect(result.card?.holderName).toBeTruthy();
    expect(await reader.pinStatus()).toEqual(before);
  });

  it("says 既に登録されています for a card registered for this kind (R1)", async () => {
    const { sessionId } = await matchedSession("DEMO-A");
    expect(await registerCard(sessionId, registrationForm(), await currentInsertionId())).toMatchObject({
      ok: true,
    });
    const result = await inspectCard(await inserted("DEMO-A"));
    expect(result).toMatchObject({ ok: false, code: "alreadyRegistered", card: { holderName: "埼玉 太郎" } });
  });

  it("answers noCard with an empty reader and session without a kiosk session", async () => {
    const sessionId = await openSession();
    reader.remove();
    expect(await inspectCard(sessionId)).toMatchObject({ ok: false, code: "noCard" });
    expect(await inspectCard(undefined)).toMatchObject({ ok: false, code: "session" });
  });
});

describe("proveCard: the kiosk's cap of two wrong PINs per insertion", () => {
  it("stops at the second wrong PIN, refuses a third without touching the card, and leaves it unlocked", async () => {
    const sessionId = await inserted("DEMO-F");
    const first = await proveCard(sessionId, { pin: WRONG, purpose: "register" });
    expect(first).toMatchObject({ ok: false, code: "pinIncorrect" });
    const second = await proveCard(sessionId, { pin: WRONG, purpose: "register" });
    expect(second).toMatchObject({ ok: false, code: "pinCapped" });
    if (second.ok) return;
    expect(second.message).toContain("PIN通知書等");
    const triesAfterCap = await reader.pinStatus();
    expect(triesAfterCap.locked).toBe(false);

    // Even the right PIN is not tried on this insertion: the card is not touched at all.
    const third = await proveCard(sessionId, { pin: pinOf("DEMO-F"), purpose: "register" });
    expect(third).toMatchObject({ ok: false, code: "pinCapped" });
    expect(await reader.pinStatus()).toEqual(triesAfterCap);
    expect(PIN_TRIES_PER_INSERTION).toBe(2);
  });

  it("keeps the stop for the same insertion: back at the PIN step, and in a new kiosk session", async () => {
    const sessionId = await inserted("DEMO-F");
    await proveCard(sessionId, { pin: WRONG, purpose: "register" });
    await proveCard(sessionId, { pin: WRONG, purpose: "register" });
    expect(await inspectCard(sessionId)).toMatchObject({ ok: false, code: "pinCapped" });
    // logged out and started again without taking the card out: still the same insertion
    const next = await openSession();
    expect(await inspectCard(next)).toMatchObject({ ok: false, code: "pinCapped" });
    expect(await proveCard(next, { pin: WRONG, purpose: "register" })).toMatchObject({ code: "pinCapped" });
    expect((await reader.pinStatus()).locked).toBe(false);
    reader.remove();
    reader.insert("DEMO-F");
    expect(await inspectCard(next)).toMatchObject({ ok: true });
  });

  it("keeps the stop however many refused tries follow: the wrong PINs never leave the count (R33)", async () => {
    const sessionId = await inserted("DEMO-F");
    await proveCard(sessionId, { pin: WRONG, purpose: "register" });
    await proveCard(sessionId, { pin: WRONG, purpose: "register" });
    const triesAfterCap = await reader.pinStatus();
    // more refusals than one page of audit rows: a client that keeps submitting
    for (let i = 0; i < 60; i++) {
      expect(await proveCard(sessionId, { pin: WRONG, purpose: "register" })).toMatchObject({
        code: "pinCapped",
      });
    }
    expect(await proveCard(sessionId, { pin: WRONG, purpose: "register" })).toMatchObject({
      code: "pinCapped",
    });
    expect(await reader.pinStatus()).toEqual(triesAfterCap);
  });

  it("R33: 20 PIN requests at once with a wrong PIN — at most 2 reach the card and it is not locked", async () => {
    const sessionId = await inserted("DEMO-F");
    const before = await reader.pinStatus();
    const sign = vi.spyOn(reader, "sign");
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => proveCard(sessionId, { pin: WRONG, purpose: "register" })),
      );
      expect(sign.mock.calls.length).toBeLessThanOrEqual(PIN_TRIES_PER_INSERTION);
      const codes = answers.map((a) => (a.ok ? "ok" : a.code));
      expect(codes.filter((c) => c === "pinCapped")).toHaveLength(20 - sign.mock.calls.length + 1);
      expect(codes.filter((c) => c !== "pinCapped" && c !== "pinIncorrect")).toEqual([]);
    } finally {
      sign.mockRestore();
    }
    const after = await reader.pinStatus();
    expect(after.locked).toBe(false);
    expect(after.retriesLeft).toBe(before.retriesLeft! - PIN_TRIES_PER_INSERTION);
  });

  it("counts again from zero on a new insertion", async () => {
    const sessionId = await inserted("DEMO-G");
    await proveCard(sessionId, { pin: WRONG, purpose: "register" });
    reader.remove();
    reader.insert("DEMO-G");
    expect(await proveCard(sessionId, { pin: WRONG, purpose: "register" })).toMatchObject({
      code: "pinIncorrect",
    });
    expect(await proveCard(sessionId, { pin: pinOf("DEMO-G"), purpose: "register" })).toMatchObject({
      ok: true,
    });
  });

  it("never writes the typed PIN into the audit trail (R30)", async () => {
    const sessionId = await inserted("DEMO-E");
    await proveCard(sessionId, { pin: WRONG, purpose: "register" });
    await proveCard(sessionId, { pin: WRONG, purpose: "register" });
    await proveCard(sessionId, { pin: WRONG, purpose: "register" });
    // standing alone, as test/leaks/scan.ts looks for it: ids and serials may hold the digits by chance
    const typed = new RegExp(`(?<![A-Za-z0-9+/=:.-])${WRONG}(?![A-Za-z0-9+/=:.-])`);
    expect(JSON.stringify(await env.prisma.auditLog.findMany())).not.toMatch(typed);
  });
});
