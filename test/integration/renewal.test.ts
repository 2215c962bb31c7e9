// ICカード更新 on a real SQLite file: the registration moves to the new card in one transaction
// (R12), every R13 refusal writes nothing, R22 chosen / not chosen, concurrent renewals of one old
// card, double submit, and the receipt with both cards.
import { describe, expect, it } from "vitest";
import { inspectCard } from "@/app/_server/card/inspect";
import { loadChange } from "@/app/_server/flows/change";
import { currentInsertionId } from "@/app/_server/card/reader-status";
import { loadRenewal, submitRenewal } from "@/app/_server/flows/renewal";
import type { ProvenCard } from "@/app/_server/visit/session";
import { flowSuite } from "../support/flow-suite";
import { openSession, provenFor, receiptText, registerDemoCard, renewalSession } from "../support/kiosk";

const suite = flowSuite("RNW-01");

async function submit(sessionId: string, propagate = true) {
  return submitRenewal(sessionId, { propagate }, await currentInsertionId());
}

/** What 更新 may write; a refusal leaves every one of these as it was. */
async function written() {
  const p = suite.env.prisma;
  return {
    receipts: await p.receipt.count(),
    emails: await p.outboxEmail.count(),
    tasks: await p.propagationTask.count(),
    agencies: await p.agencyRegistration.count(),
    cards: JSON.stringify(await p.cardRegistration.findMany({ orderBy: { id: "asc" } })),
  };
}

describe("ICカード更新 (§3.3)", () => {
  it("moves DEMO-A's registration to DEMO-C: old replaced (R12), 部署 carried over, receipt, tasks, email", async () => {
    await registerDemoCard("DEMO-A");
    const { sessionId, proof } = await renewalSession("DEMO-A", "DEMO-C");
    expect(proof.ok).toBe(true);
    const loaded = await loadRenewal(sessionId);
    expect(loaded).toMatchObject({
      ok: true,
      userId: "1000000001",
      old: { holderName: "埼玉 太郎" },
      new: { holderName: "埼玉 太郎" },
    });
    if (!loaded.ok) return;
    expect(loaded.old.serialHex).not.toBe(loaded.new.serialHex);
    expect(loaded.agencies.find((a) => a.current)?.name).toBe("埼玉県");

    const result = await submit(sessionId, true);
    expect(result).toMatchObject({ ok: true, emailTo: "koji@saitama-kensetsu.example.jp" });
    if (!result.ok) return;
    expect(result.propagatesTo.sort()).toEqual(["さいたま市", "川越市"].sort());

    const rows = await suite.env.prisma.cardRegistration.findMany();
    const old = rows.find((r) => r.serialNumber === loaded.old.serialHex)!;
    const fresh = rows.find((r) => r.serialNumber === loaded.new.serialHex)!;
    expect(old).toMatchObject({ status: "replaced", replacedById: fresh.id });
    expect(fresh).toMatchObject({
      status: "active",
      qualificationId: old.qualificationId,
      contactName: old.contactName,
      email: old.email,
    });
    const receipt = await suite.env.prisma.receipt.findUniqueOrThrow({
      where: { number: result.receiptNumber },
    });
    expect(receipt).toMatchObject({ operation: "renewal", cardRegistrationId: fresh.id });
    expect(receipt.data).toMatchObject({
      card: { serialHex: loaded.new.serialHex },
      previousCard: { serialHex: loaded.old.serialHex },
    });
    const tasks = await suite.env.prisma.propagationTask.findMany({ where: { receiptId: receipt.id } });
    expect(tasks.map((t) => [t.operation, t.status, t.cardRegistrationId])).toEqual([
      ["renewal", "pending", fresh.id],
      ["renewal", "pending", fresh.id],
    ]);
    const emails = await suite.env.prisma.outboxEmail.findMany({ where: { receiptId: receipt.id } });
    expect(emails.map((e) => [e.to, e.subject])).toEqual([
      ["koji@saitama-kensetsu.example.jp", "ICカード更新のお知らせ"],
    ]);
    expect(emails[0]!.text).toContain(loaded.new.serialDecimal);
    expect(
      await suite.env.prisma.auditLog.count({ where: { action: "registration.renewal", outcome: "ok" } }),
    ).toBe(1);
  });

  it("R12: afterwards the old card can neither 変更 nor 更新 nor 登録, and is told why; the new one can 変更", async () => {
    await registerDemoCard("DEMO-A");
    const { sessionId } = await renewalSession("DEMO-A", "DEMO-C");
    expect((await submit(sessionId)).ok).toBe(true);
    suite.reader.remove();

    for (const purpose of ["change", "renewalOld"] as const) {
      const refused = await provenFor("DEMO-A", purpose);
      expect(refused.proof).toMatchObject({
        ok: false,
        code: "replacedCard",
        message: "このICカードは更新により無効になりました。新しいICカードをお使いください。",
      });
      expect(await inspectCard(refused.sessionId, { purpose })).toMatchObject({ code: "replacedCard" });
      suite.reader.remove();
    }
    // 登録 refuses it too (R1), with the same words instead of 既に登録されています
    const { sessionId: registerVisit, proof: registerProof } = await provenFor("DEMO-A", "register");
    expect(registerProof).toMatchObject({ ok: false, code: "replacedCard" });
    expect(await inspectCard(registerVisit, { purpose: "register" })).toMatchObject({
      code: "replacedCard",
      message: "このICカードは更新により無効になりました。新しいICカードをお使いください。",
    });
    suite.reader.remove();
    const next = await provenFor("DEMO-C", "change");
    expect(next.proof.ok).toBe(true);
    expect(await loadChange(next.sessionId)).toMatchObject({
      ok: true,
      department: { contactName: "工事課" },
    });
  });

  it("R22: not chosen — no task for the nightly batch, this agency only", async () => {
    await registerDemoCard("DEMO-A");
    const { sessionId } = await renewalSession("DEMO-A", "DEMO-C");
    const result = await submit(sessionId, false);
    expect(result).toMatchObject({ ok: true, propagatesTo: [] });
    expect(await suite.env.prisma.propagationTask.count({ where: { operation: "renewal" } })).toBe(0);
  });

  it.each([
    ["old card expired (DEMO-D): use 登録", "DEMO-D", "DEMO-C", "old", "oldCardExpired", "「登録」"],
    ["old card not registered (DEMO-C)", "DEMO-C", "DEMO-B", "old", "notRegistered", "登録"],
    ["new card from another CA (DEMO-E): use 登録", "DEMO-A", "DEMO-E", "new", "issuerDiffers", "「登録」"],
    ["company on the new card differs (DEMO-F)", "DEMO-A", "DEMO-F", "new", "companyDiffers", "企業名称"],
    ["the same card inserted twice", "DEMO-A", "DEMO-A", "new", "sameCard", "新しく取得したICカード"],
  ] as const)(
    "R13: %s — refused before and after the PIN, nothing written",
    async (_, oldLabel, newLabel, stage, code, words) => {
      await registerDemoCard("DEMO-A");
      suite.reader.remove();
      const before = await written();

      // the pre-flight says it before any PIN is typed
      const sessionId = await openSession();
      if (stage === "new") {
        expect((await provenFor(oldLabel, "renewalOld", { sessionId })).proof.ok).toBe(true);
        suite.reader.remove();
      }
      suite.reader.insert(stage === "old" ? oldLabel : newLabel);
      const purpose = stage === "old" ? "renewalOld" : "renewalNew";
      const inspected = await inspectCard(sessionId, { purpose });
      expect(inspected).toMatchObject({ ok: false, code, card: { holderName: expect.any(String) } });

      // and the PIN step refuses the proven card the same way
      const { proof } = await provenFor(stage === "old" ? oldLabel : newLabel, purpose, {
        sessionId,
        insert: false,
      });
      expect(proof).toMatchObject({ ok: false, code });
      expect(!proof.ok && [proof.message, ...(proof.hints ?? [])].join()).toContain(words);
      expect(await loadRenewal(sessionId)).toMatchObject({ ok: false, code: "session" });
      expect(await submit(sessionId)).toMatchObject({ ok: false, code: "session" });
      expect(await written()).toEqual(before);
    },
  );

  it("R13: a new card already registered (the spare DEMO-B) is refused and nothing is written", async () => {
    await registerDemoCard("DEMO-A");
    await registerDemoCard("DEMO-B");
    suite.reader.remove();
    const before = await written();
    const { sessionId, proof } = await renewalSession("DEMO-A", "DEMO-B");
    expect(proof).toMatchObject({ ok: false, code: "alreadyRegistered", message: "既に登録されています。" });
    expect(await inspectCard(sessionId, { purpose: "renewalNew" })).toMatchObject({
      ok: false,
      code: "alreadyRegistered",
    });
    expect(await submit(sessionId)).toMatchObject({ ok: false, code: "session" });
    expect(await written()).toEqual(before);
  });

  it("the new card's PIN step needs the old card proven first in this visit", async () => {
    const sessionId = await openSession();
    suite.reader.insert("DEMO-C");
    expect(await inspectCard(sessionId, { purpose: "renewalNew" })).toMatchObject({ code: "session" });
    const { proof } = await provenFor("DEMO-C", "renewalNew", { sessionId, insert: false });
    expect(proof).toMatchObject({ ok: false, code: "session" });
  });

  it.each([
    ["two different new cards", "DEMO-C", "DEMO-H"],
    ["the same new card", "DEMO-C", "DEMO-C"],
  ])("concurrent renewals of one old card (%s): exactly one succeeds", async (_, first, second) => {
    await registerDemoCard("DEMO-A");
    suite.reader.remove();
    const a = await renewalSession("DEMO-A", first);
    suite.reader.remove();
    const b = await renewalSession("DEMO-A", second);
    expect(a.proof.ok && b.proof.ok).toBe(true);
    const insertion = async (id: string) =>
      ((await suite.env.prisma.kioskSession.findUniqueOrThrow({ where: { id } })).newCard as ProvenCard)
        .insertionId;
    const results = await Promise.all([
      submitRenewal(a.sessionId, { propagate: true }, await insertion(a.sessionId)),
      submitRenewal(b.sessionId, { propagate: true }, await insertion(b.sessionId)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false });
    expect(await suite.env.prisma.cardRegistration.count({ where: { status: "active" } })).toBe(1);
    expect(await suite.env.prisma.cardRegistration.count({ where: { status: "replaced" } })).toBe(1);
    expect(await suite.env.prisma.receipt.count({ where: { operation: "renewal" } })).toBe(1);
    expect(await suite.env.prisma.outboxEmail.count({ where: { subject: "ICカード更新のお知らせ" } })).toBe(
      1,
    );
  });

  it("double submit of one visit gives one renewal and the same receipt", async () => {
    await registerDemoCard("DEMO-A");
    const { sessionId } = await renewalSession("DEMO-A", "DEMO-C");
    const [x, y] = await Promise.all([submit(sessionId), submit(sessionId)]);
    const z = await submit(sessionId);
    expect(x.ok && y.ok && z.ok).toBe(true);
    if (!x.ok || !y.ok || !z.ok) return;
    expect(new Set([x.receiptNumber, y.receiptNumber, z.receiptNumber]).size).toBe(1);
    expect(await suite.env.prisma.receipt.count({ where: { operation: "renewal" } })).toBe(1);
    expect(await suite.env.prisma.outboxEmail.count({ where: { subject: "ICカード更新のお知らせ" } })).toBe(
      1,
    );
  });

  it("the new card taken out before 更新 is pressed writes nothing", async () => {
    await registerDemoCard("DEMO-A");
    const { sessionId } = await renewalSession("DEMO-A", "DEMO-C");
    const before = await written();
    suite.reader.remove();
    expect(await submit(sessionId)).toMatchObject({ ok: false, code: "cardRemoved" });
    suite.reader.insert("DEMO-A");
    expect(await submit(sessionId)).toMatchObject({ ok: false, code: "cardRemoved" });
    expect(await written()).toEqual(before);
  });

  it("R41: the receipt prints 電子証明書更新結果 with the old and the new card", async () => {
    await registerDemoCard("DEMO-A");
    const { sessionId } = await renewalSession("DEMO-A", "DEMO-C");
    const loaded = await loadRenewal(sessionId);
    const result = await submit(sessionId);
    expect(loaded.ok && result.ok).toBe(true);
    if (!loaded.ok || !result.ok) return;
    const text = await receiptText(result.receiptNumber);
    expect(text).toContain("電子証明書更新結果");
    expect(text).toContain("更新後のICカード情報");
    expect(text).toContain("更新前のICカード情報");
    expect(text).toContain(loaded.new.serialDecimal);
    expect(text).toContain(loaded.old.serialDecimal);
    expect(text).toContain(result.receiptNumber);
  });
});

describe("R15: a card whose user ID has lapsed", () => {
  it("is refused for 更新 and 変更 with the successor ID and that it needs a card not yet registered (R1), writing nothing", async () => {
    await registerDemoCard("DEMO-A");
    suite.reader.remove();
    const q = await suite.env.prisma.qualification.findFirstOrThrow({ where: { userId: "1000000001" } });
    await suite.env.prisma.qualification.update({
      where: { id: q.id },
      data: { status: "lapsed", successorUserId: "1000000009" },
    });
    try {
      const before = await written();
      for (const purpose of ["renewalOld", "change"] as const) {
        const { sessionId, proof } = await provenFor("DEMO-A", purpose);
        expect(proof).toMatchObject({ ok: false, code: "lapsedUserId" });
        expect(!proof.ok && proof.message).toContain("失効");
        expect(!proof.ok && proof.hints?.join()).toContain("1000000009");
        expect(!proof.ok && proof.hints?.join()).toContain("まだ利用者登録していないICカード");
        expect(await inspectCard(sessionId, { purpose })).toMatchObject({ code: "lapsedUserId" });
        suite.reader.remove();
      }
      expect(await written()).toEqual(before);
    } finally {
      await suite.env.prisma.qualification.update({
        where: { id: q.id },
        data: { status: q.status, successorUserId: q.successorUserId },
      });
    }
  });
});
