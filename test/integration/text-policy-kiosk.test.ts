// Issue 12 item 2 at the kiosk: every typed text is refused at its field — a lone surrogate, NUL,
// U+202E, CR LF in a one-line field — with the field's Japanese message, and nothing is written
// (it once failed at save with 「システムで問題が発生しました」). Two emails once carried a
// header-looking 「Bcc:」 line in the body: CR/LF in a one-line field never reaches an email.
import { describe, expect, it, vi } from "vitest";
import { currentInsertionId } from "@/app/_server/card/reader-status";
import { submitChange } from "@/app/_server/flows/change";
import { registerCard } from "@/app/_server/flows/registration";
import { submitRenewal } from "@/app/_server/flows/renewal";
import { searchQualification } from "@/app/_server/qualifications/search";
import { flowSuite } from "../support/flow-suite";
import {
  changeForm,
  matchedSession,
  provenFor,
  provenSession,
  registerDemoCard,
  registrationForm,
  renewalSession,
  SAITAMA_LOGIN,
} from "../support/kiosk";

// the browser's cookie jar for the kiosk session, as app/actions.ts reads it
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
}));
vi.mock("next/cache", () => ({ refresh: () => undefined }));

const suite = flowSuite("TXT-01");

const BAD = [
  ["a lone surrogate", "埼玉\uD842", "に使用できない文字（不正な文字コード）が含まれています。"],
  ["NUL", "埼玉\u0000課", "に使用できない文字（制御文字）が含まれています。"],
  ["U+202E", "埼玉\u202E課", "に使用できない文字（文字の向きを変える制御文字）が含まれています。"],
  ["CR LF", "埼玉\r\nBcc: evil@example.com", "に改行やタブは入力できません。1行で入力してください。"],
] as const;

/** Everything a kiosk step may write; a refusal leaves it as it was. */
async function written() {
  const p = suite.env.prisma;
  return {
    cards: await p.cardRegistration.count(),
    users: JSON.stringify(await p.userRegistration.findMany({ orderBy: { id: "asc" } })),
    receipts: await p.receipt.count(),
    emails: await p.outboxEmail.count(),
    tasks: await p.propagationTask.count(),
    searchAttempts: await p.auditLog.count({ where: { action: "search" } }),
  };
}

describe("the text policy at the kiosk (issue 12 item 2)", () => {
  it.each(BAD)(
    "資格情報検索 refuses %s in 商号又は名称 and counts no attempt (R11)",
    async (_, bad, tail) => {
      const { sessionId, proof } = await provenSession("DEMO-A");
      expect(proof.ok).toBe(true);
      const before = await written();
      const result = await searchQualification(sessionId, { ...SAITAMA_LOGIN, officialName: bad });
      expect(result).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { officialName: `商号又は名称${tail}` },
      });
      expect(await written()).toEqual(before);
    },
  );

  it.each(BAD)(
    "登録 refuses %s in a contact field with its name and writes nothing",
    async (_, bad, tail) => {
      const { sessionId } = await matchedSession("DEMO-A");
      const before = await written();
      const form = registrationForm({ ack: true, department: { personName: bad } });
      const result = await registerCard(sessionId, form, await currentInsertionId());
      expect(result).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { "department.personName": `氏名${tail}` },
      });
      expect(await written()).toEqual(before);
    },
  );

  it.each(BAD)("変更 refuses %s in 連絡先名称 and writes nothing", async (_, bad, tail) => {
    await registerDemoCard("DEMO-A");
    const { sessionId, proof } = await provenFor("DEMO-A", "change", { insert: false });
    expect(proof.ok).toBe(true);
    const before = await written();
    const form = changeForm({ representative: { contactName: bad } });
    const result = await submitChange(sessionId, form, await currentInsertionId());
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { "representative.contactName": `連絡先名称(部署名等)${tail}` },
    });
    expect(await written()).toEqual(before);
  });

  it.each([
    ["a lone surrogate", "logout\uD842"],
    ["CR LF", "logout\r\nBcc: x"],
    ["NUL", "\u0000"],
  ])("a logout reason with %s ends the visit with its session.end row, as a plain logout", async (_, bad) => {
    const { endSession } = await import("@/app/actions");
    const { SESSION_COOKIE } = await import("@/app/_server/visit/session");
    const { sessionId } = await provenSession("DEMO-A");
    jar.set(SESSION_COOKIE, sessionId);
    expect(await endSession(bad)).toEqual({ ok: true });
    const ended = await suite.env.prisma.auditLog.findMany({
      where: { action: "session.end", kioskSessionId: sessionId },
    });
    expect(ended).toHaveLength(1);
    expect(ended[0]!.detail).toMatchObject({ reason: "logout" });
    expect(jar.has(SESSION_COOKIE)).toBe(false);
  });

  it("stores a contact field in NFC (a decomposed が is stored composed)", async () => {
    const { sessionId } = await matchedSession("DEMO-A");
    const form = registrationForm({ ack: true, department: { personName: "か\u3099く" } });
    expect((await registerCard(sessionId, form, await currentInsertionId())).ok).toBe(true);
    expect((await suite.env.prisma.cardRegistration.findFirstOrThrow()).personName).toBe("がく");
  });

  it("CR/LF in a one-line field never reaches an email body: refused at 登録, scrubbed from an older row at 更新", async () => {
    // the first email: 登録 with a header-looking line in 連絡先住所 is refused, so no email at all
    const { sessionId } = await matchedSession("DEMO-A");
    const dirty = registrationForm({ ack: true, department: { address: "浦和区\r\nBcc: evil@example.com" } });
    const refused = await registerCard(sessionId, dirty, await currentInsertionId());
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    expect(await suite.env.prisma.outboxEmail.count()).toBe(0);

    // the second: a row stored before the policy existed, mailed again by ICカード更新
    await registerDemoCard("DEMO-A");
    await suite.env.prisma.cardRegistration.updateMany({
      data: { personName: "埼玉 太郎\r\nBcc: evil@example.com", address: "浦和区\n\u202EBcc: x@example.com" },
    });
    suite.reader.remove();
    const renewal = await renewalSession("DEMO-A", "DEMO-C");
    expect(renewal.proof.ok).toBe(true);
    const result = await submitRenewal(renewal.sessionId, { propagate: false }, await currentInsertionId());
    expect(result.ok).toBe(true);
    const emails = await suite.env.prisma.outboxEmail.findMany({ orderBy: { createdAt: "asc" } });
    expect(emails.length).toBeGreaterThanOrEqual(2);
    for (const email of emails) {
      expect(email.text).not.toMatch(/^\s*Bcc:/im);
      expect(email.html).not.toMatch(/<br>\s*Bcc:/i);
      expect([...email.text].filter((c) => c === "\u0000" || c === "\u202E")).toEqual([]);
    }
    // each value stays on its own line, with nothing the policy refuses
    expect(emails.at(-1)!.text).toContain("連絡先氏名 : 埼玉 太郎 Bcc: evil@example.com\n");
    expect(emails.at(-1)!.text).toContain("連絡先住所 : 浦和区 Bcc: x@example.com\n");
  });
});
