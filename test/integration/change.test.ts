// 変更 on a real SQLite file: R2 (registered and active for this kind), R3 (代表窓口情報 shared by
// the user ID's cards), R22 (propagation chosen or not), R40 (outbox in the same transaction),
// double submit, and the receipt's printed text.
import { describe, expect, it } from "vitest";
import { inspectCard } from "@/app/_server/card/inspect";
import { loadChange, submitChange } from "@/app/_server/flows/change";
import { currentInsertionId } from "@/app/_server/card/reader-status";
import { flowSuite } from "../support/flow-suite";
import { changeForm, openSession, provenFor, receiptText, registerDemoCard } from "../support/kiosk";

const suite = flowSuite("CHG-01");

async function submit(sessionId: string, form: unknown = changeForm()) {
  return submitChange(sessionId, form, await currentInsertionId());
}

/** What 変更 may write; a refusal leaves every one of these as it was. */
async function written() {
  const p = suite.env.prisma;
  return {
    receipts: await p.receipt.count(),
    emails: await p.outboxEmail.count(),
    tasks: await p.propagationTask.count(),
    cards: JSON.stringify(await p.cardRegistration.findMany({ orderBy: { id: "asc" } })),
    users: JSON.stringify(await p.userRegistration.findMany({ orderBy: { id: "asc" } })),
  };
}

describe("変更 (§3.2)", () => {
  it("prefills both contact blocks, then writes them, the receipt, the R22 tasks and the email in one go", async () => {
    await registerDemoCard("DEMO-A");
    const { sessionId, proof } = await provenFor("DEMO-A", "change", { insert: false });
    expect(proof.ok).toBe(true);

    const loaded = await loadChange(sessionId);
    expect(loaded).toMatchObject({
      ok: true,
      userId: "1000000001",
      company: { companyName: expect.any(String) },
      representative: { contactName: "総務課", email: "soumu@saitama-kensetsu.example.jp" },
      department: { contactName: "工事課", email: "koji@saitama-kensetsu.example.jp" },
      card: { holderName: "埼玉 太郎" },
    });
    if (!loaded.ok) return;
    expect(loaded.agencies).toEqual([
      { name: "埼玉県", current: true },
      { name: "さいたま市", current: false },
      { name: "川越市", current: false },
    ]);

    const form = changeForm({
      representative: { contactName: "営業部", personName: "浦和 一郎" },
      department: { contactName: "工事二課", email: "koji2@saitama-kensetsu.example.jp" },
      propagate: true,
    });
    const result = await submit(sessionId, form);
    expect(result).toMatchObject({ ok: true, emailTo: "koji2@saitama-kensetsu.example.jp" });
    if (!result.ok) return;
    expect(result.propagatesTo.sort()).toEqual(["さいたま市", "川越市"].sort());

    expect(await suite.env.prisma.userRegistration.findFirstOrThrow()).toMatchObject({
      contactName: "営業部",
      personName: "浦和 一郎",
    });
    expect(await suite.env.prisma.cardRegistration.findFirstOrThrow()).toMatchObject({
      contactName: "工事二課",
      email: "koji2@saitama-kensetsu.example.jp",
      status: "active",
    });
    const receipt = await suite.env.prisma.receipt.findUniqueOrThrow({
      where: { number: result.receiptNumber },
    });
    expect(receipt.operation).toBe("change");
    const tasks = await suite.env.prisma.propagationTask.findMany({
      where: { receiptId: receipt.id },
      include: { targetAgency: true },
    });
    expect(tasks.map((t) => [t.operation, t.status, t.targetAgency.name]).sort()).toEqual(
      [
        ["change", "pending", "さいたま市"],
        ["change", "pending", "川越市"],
      ].sort(),
    );
    const emails = await suite.env.prisma.outboxEmail.findMany({ where: { receiptId: receipt.id } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      to: "koji2@saitama-kensetsu.example.jp",
      subject: "利用者変更のお知らせ",
      status: "pending",
    });
    expect(emails[0]!.text).toContain("利用者情報が以下のように変更されましたのでお知らせ致します。");
    expect(emails[0]!.text).toContain("調達機関 : 埼玉県");
    expect(
      await suite.env.prisma.auditLog.count({ where: { action: "registration.change", outcome: "ok" } }),
    ).toBe(1);
  });

  it("R22: not chosen — this agency only, no task for the nightly batch", async () => {
    await registerDemoCard("DEMO-A");
    const { sessionId } = await provenFor("DEMO-A", "change", { insert: false });
    const before = await suite.env.prisma.propagationTask.count();
    const result = await submit(sessionId, changeForm({ propagate: false }));
    expect(result).toMatchObject({ ok: true, propagatesTo: [] });
    expect(await suite.env.prisma.propagationTask.count()).toBe(before);
  });

  it("R3: 代表窓口情報 changed with one card is what a spare card's 変更 shows; 部署 stays per card", async () => {
    await registerDemoCard("DEMO-A");
    await registerDemoCard("DEMO-B", { department: { contactName: "予備課" } });
    suite.reader.remove();
    const a = await provenFor("DEMO-A", "change");
    const changed = changeForm({
      representative: { contactName: "新しい窓口" },
      department: { contactName: "A課" },
    });
    expect((await submit(a.sessionId, changed)).ok).toBe(true);

    suite.reader.remove();
    const b = await provenFor("DEMO-B", "change");
    const spare = await loadChange(b.sessionId);
    expect(spare).toMatchObject({
      ok: true,
      representative: { contactName: "新しい窓口" },
      department: { contactName: "予備課" },
      card: { holderName: "埼玉 花子" },
    });
  });

  it("R2: a card not registered is refused before the PIN and at the PIN step, and nothing is written", async () => {
    await registerDemoCard("DEMO-A");
    suite.reader.remove();
    const before = await written();
    const sessionId = await openSession();
    suite.reader.insert("DEMO-C");
    const inspected = await inspectCard(sessionId, { purpose: "change" });
    expect(inspected).toMatchObject({
      ok: false,
      code: "notRegistered",
      message: "このICカードは、この業務区分で利用者登録されていません。",
      card: { holderName: "埼玉 太郎" },
    });
    const { proof } = await provenFor("DEMO-C", "change", { sessionId, insert: false });
    expect(proof).toMatchObject({ ok: false, code: "notRegistered" });
    expect(!proof.ok && proof.hints?.join()).toContain("登録");
    expect(await loadChange(sessionId)).toMatchObject({ ok: false, code: "session" });
    expect(await submit(sessionId)).toMatchObject({ ok: false, code: "session" });
    expect(await written()).toEqual(before);
    expect(
      await suite.env.prisma.auditLog.count({
        where: { action: "card.proof", outcome: "refused", kioskSessionId: sessionId },
      }),
    ).toBe(1);
  });

  it("R2: registered for 工事 only — 変更 for 物品 is refused", async () => {
    await registerDemoCard("DEMO-A");
    const { proof } = await provenFor("DEMO-A", "change", { kind: "goods", insert: false });
    expect(proof).toMatchObject({ ok: false, code: "notRegistered" });
  });

  it("R2: at an agency where the user ID holds no qualification (熊谷市) the card is not registered there", async () => {
    await registerDemoCard("DEMO-A");
    const { proof } = await provenFor("DEMO-A", "change", { agencyCode: "112020", insert: false });
    expect(proof).toMatchObject({ ok: false, code: "notRegistered" });
  });

  it("a 登録 visit cannot jump to 変更: its card is proven for 登録, not as a registered card", async () => {
    const { sessionId } = await provenFor("DEMO-A", "register");
    expect(await loadChange(sessionId)).toMatchObject({ ok: false, code: "session" });
  });

  it("double submit of one visit gives one change, one receipt and one email", async () => {
    await registerDemoCard("DEMO-A");
    const { sessionId } = await provenFor("DEMO-A", "change", { insert: false });
    const before = await written();
    const [x, y] = await Promise.all([submit(sessionId), submit(sessionId)]);
    const z = await submit(sessionId);
    expect(x.ok && y.ok && z.ok).toBe(true);
    if (!x.ok || !y.ok || !z.ok) return;
    expect(new Set([x.receiptNumber, y.receiptNumber, z.receiptNumber]).size).toBe(1);
    const after = await written();
    expect(after.receipts).toBe(before.receipts + 1);
    expect(after.emails).toBe(before.emails + 1);
  });

  it("R5: an invalid form is answered at the field and nothing is written", async () => {
    await registerDemoCard("DEMO-A");
    const { sessionId } = await provenFor("DEMO-A", "change", { insert: false });
    const before = await written();
    const form = changeForm();
    form.representative.emailConfirm = "other@example.jp";
    const result = await submit(sessionId, form);
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(!result.ok && result.fieldErrors?.["representative.emailConfirm"]).toMatch(/一致しません/);
    expect(await written()).toEqual(before);
  });

  it("a card taken out (or swapped) before 変更 is pressed writes nothing", async () => {
    await registerDemoCard("DEMO-A");
    const { sessionId } = await provenFor("DEMO-A", "change", { insert: false });
    const before = await written();
    suite.reader.remove();
    expect(await submit(sessionId)).toMatchObject({ ok: false, code: "cardRemoved" });
    suite.reader.insert("DEMO-A");
    expect(await submit(sessionId)).toMatchObject({ ok: false, code: "cardRemoved" });
    expect(await written()).toEqual(before);
  });

  it("R41: the receipt prints 利用者情報変更結果 with the changed contacts", async () => {
    await registerDemoCard("DEMO-A");
    const { sessionId } = await provenFor("DEMO-A", "change", { insert: false });
    const result = await submit(
      sessionId,
      changeForm({ department: { contactName: "工事三課" }, propagate: true }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = await receiptText(result.receiptNumber);
    expect(text).toContain("利用者情報変更結果");
    expect(text).not.toContain("利用者情報登録結果");
    expect(text).toContain(result.receiptNumber);
    expect(text).toContain("工事三課");
    expect(text).toMatch(/さいたま市/);
  });
});
