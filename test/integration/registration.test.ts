// 登録 on a real SQLite file: R1, R4, R17, R21, R40 (outbox in the same transaction), double
// submit, and the server's step checks.
import { describe, expect, it } from "vitest";
import { proveCard } from "@/app/_server/card/pin-step";
import { currentInsertionId } from "@/app/_server/card/reader-status";
import { searchQualification } from "@/app/_server/qualifications/search";
import { registerCard } from "@/app/_server/flows/registration";
import { flowSuite } from "../support/flow-suite";
import { matchedSession, pinOf, provenSession, registrationForm, SAITAMA_LOGIN } from "../support/kiosk";

const suite = flowSuite("REG-01");

async function register(sessionId: string, form = registrationForm()) {
  return registerCard(sessionId, form, await currentInsertionId());
}

describe("登録 (§3.1)", () => {
  it("writes registration, receipt, propagation tasks (R21), audit row and the email in one go", async () => {
    const { sessionId } = await matchedSession("DEMO-A");
    const result = await register(sessionId);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.receiptNumber).toMatch(/^\d{8}-\d{4}$/);
    const reg = await suite.env.prisma.cardRegistration.findFirstOrThrow({
      include: { qualification: true },
    });
    expect(reg).toMatchObject({ kind: "construction", status: "active", holderName: "埼玉 太郎" });
    expect(reg.qualification.userId).toBe("1000000001");
    const receipt = await suite.env.prisma.receipt.findUniqueOrThrow({
      where: { number: result.receiptNumber },
    });
    expect((receipt.data as { userId: string }).userId).toBe("1000000001");
    const tasks = await suite.env.prisma.propagationTask.findMany({ include: { targetAgency: true } });
    expect(tasks.map((t) => t.targetAgency.name).sort()).toEqual(["さいたま市", "川越市"].sort());
    const emails = await suite.env.prisma.outboxEmail.findMany();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      to: "koji@saitama-kensetsu.example.jp",
      subject: "利用者登録のお知らせ",
      receiptId: receipt.id,
    });
    expect(
      await suite.env.prisma.auditLog.count({ where: { action: "registration.create", outcome: "ok" } }),
    ).toBe(1);
  });

  it("R1: a registered card is refused at the PIN step for the same kind, for any user ID", async () => {
    const { sessionId } = await matchedSession("DEMO-A");
    expect((await register(sessionId)).ok).toBe(true);
    const again = await provenSession("DEMO-A");
    expect(again.proof).toMatchObject({
      ok: false,
      code: "alreadyRegistered",
      message: "既に登録されています。",
    });
  });

  it("R1: the same card may be registered once for 物品 as well (another user ID)", async () => {
    const first = await matchedSession("DEMO-A");
    expect((await register(first.sessionId)).ok).toBe(true);
    const goods = await matchedSession(
      "DEMO-A",
      { officialName: "株式会社さいたま建設", userId: "2000000001", password: "Buppin01" },
      { kind: "goods", insert: false },
    );
    expect((await register(goods.sessionId)).ok).toBe(true);
    expect(await suite.env.prisma.cardRegistration.count()).toBe(2);
  });

  it("R1: two visits registering one card to two user IDs at once — exactly one wins", async () => {
    const a = await matchedSession("DEMO-A");
    const b = await matchedSession(
      "DEMO-A",
      { officialName: "熊谷工業株式会社", userId: "1000000004", password: "Kumagai4" },
      { insert: false },
    );
    const results = await Promise.all([
      register(a.sessionId),
      register(b.sessionId, registrationForm({ ack: true })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "alreadyRegistered" });
    expect(await suite.env.prisma.cardRegistration.count()).toBe(1);
    // the loser's transaction left nothing behind: one receipt, one email
    expect(await suite.env.prisma.receipt.count()).toBe(1);
    expect(await suite.env.prisma.outboxEmail.count()).toBe(1);
  });

  it("double submit of one visit gives one registration and the same receipt", async () => {
    const { sessionId } = await matchedSession("DEMO-A");
    const [x, y] = await Promise.all([register(sessionId), register(sessionId)]);
    const z = await register(sessionId);
    expect(x.ok && y.ok && z.ok).toBe(true);
    if (!x.ok || !y.ok || !z.ok) return;
    expect(new Set([x.receiptNumber, y.receiptNumber, z.receiptNumber]).size).toBe(1);
    expect(await suite.env.prisma.cardRegistration.count()).toBe(1);
    expect(await suite.env.prisma.outboxEmail.count()).toBe(1);
  });

  it("two tabs of one visit: the tab whose input was not registered is told so, not 完了 with the other's address", async () => {
    const { sessionId } = await matchedSession("DEMO-A");
    const mine = registrationForm();
    const other = registrationForm({ department: { email: "other-tab@saitama-kensetsu.example.jp" } });
    const [x, y] = await Promise.all([register(sessionId, mine), register(sessionId, other)]);
    const done = [x, y].find((r) => r.ok);
    const dropped = [x, y].find((r) => !r.ok);
    expect(done?.ok && dropped && !dropped.ok).toBe(true);
    if (!done?.ok || !dropped || dropped.ok) return;
    expect(dropped).toEqual({
      ok: false,
      code: "alreadyDone",
      message: `この手続きは別の画面で既に完了しています（受付番号 ${done.receiptNumber}）。この画面で入力した内容は登録されていません。`,
    });
    // the same input again (a second tap, a reload) still answers the receipt
    const again = await register(sessionId, done.emailTo === mine.department.email ? mine : other);
    expect(again).toMatchObject({ ok: true, receiptNumber: done.receiptNumber });
    expect(await suite.env.prisma.cardRegistration.count()).toBe(1);
  });

  it("R4: 代表窓口情報 is entered at the first registration only; a spare card shows it read-only", async () => {
    const first = await matchedSession("DEMO-A");
    expect((await register(first.sessionId, registrationForm({ representative: false }))).ok).toBe(false);
    expect((await register(first.sessionId)).ok).toBe(true);

    const spare = await matchedSession("DEMO-B");
    expect(spare.search.ok && spare.search.representative?.contactName).toBe("総務課");
    const changed = registrationForm({ ack: true });
    changed.representative!.contactName = "別の課";
    expect((await register(spare.sessionId, changed)).ok).toBe(true);
    const rep = await suite.env.prisma.userRegistration.findFirstOrThrow();
    expect(rep.contactName).toBe("総務課");
    expect(await suite.env.prisma.cardRegistration.count()).toBe(2);
  });

  it("R5: mismatching confirmation email is refused at the field and nothing is written", async () => {
    const { sessionId } = await matchedSession("DEMO-A");
    const form = registrationForm();
    form.department.emailConfirm = "other@example.jp";
    const result = await register(sessionId, form);
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(!result.ok && result.fieldErrors?.["department.emailConfirm"]).toMatch(/一致しません/);
    expect(await suite.env.prisma.cardRegistration.count()).toBe(0);
    expect(await suite.env.prisma.outboxEmail.count()).toBe(0);
  });

  it("R17: a card whose holder is not the representative needs the warning acknowledged", async () => {
    const { sessionId, search } = await matchedSession("DEMO-B"); // 埼玉 花子
    expect(search.ok && search.holderCheck.matches).toBe(false);
    expect(await register(sessionId)).toMatchObject({ ok: false, code: "holderMismatch" });
    expect(await suite.env.prisma.cardRegistration.count()).toBe(0);
    expect((await register(sessionId, registrationForm({ ack: true }))).ok).toBe(true);
  });

  it("server authority: no registration without the search, or after the card was swapped", async () => {
    const { sessionId } = await provenSession("DEMO-A");
    expect(await register(sessionId)).toMatchObject({ ok: false, code: "session" });
    const matched = await matchedSession("DEMO-A");
    suite.reader.insert("DEMO-B");
    expect(await register(matched.sessionId)).toMatchObject({ ok: false, code: "cardRemoved" });
    suite.reader.remove();
    expect(await register(matched.sessionId)).toMatchObject({ ok: false, code: "cardRemoved" });
    expect(await suite.env.prisma.cardRegistration.count()).toBe(0);
  });

  it("R30: a wrong PIN is answered with the tries left and never stored", async () => {
    const sessionId = (await provenSession("DEMO-A", { insert: true })).sessionId;
    const wrong = await proveCard(sessionId, { pin: "9876", purpose: "register" });
    expect(wrong).toMatchObject({ ok: false, code: "pinIncorrect", retriesLeft: 2 });
    const right = await proveCard(sessionId, { pin: pinOf("DEMO-A"), purpose: "register" });
    expect(right.ok).toBe(true);
    const dump =
      JSON.stringify(await suite.env.prisma.auditLog.findMany()) +
      JSON.stringify(await suite.env.prisma.kioskSession.findMany());
    // the PIN standing alone: certificate serials and hashes may contain the same digits by chance
    expect(dump).not.toMatch(/(?<![0-9A-Za-z+/])9876(?![0-9A-Za-z+/])/);
    expect(await searchQualification(sessionId, SAITAMA_LOGIN)).toMatchObject({ ok: true });
  });
});
