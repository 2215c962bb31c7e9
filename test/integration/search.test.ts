// 競争入札参加資格審査情報検索 on a real SQLite file: R10, R11, R14, R15, R16 and server authority.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { terminalSearchAlarms } from "@/app/_server/console/search-alarm";
import { liftSearchLock } from "@/app/_server/qualifications/lock-lift";
import { NOT_FOUND_HINTS, NOT_FOUND_MESSAGE, searchQualification } from "@/app/_server/qualifications/search";
import { lockedUserIds } from "@/app/_server/qualifications/search-lock";
import { endSession } from "@/app/_server/visit/session";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "../support/db";
import { freshCardReader, openSession, provenSession, SAITAMA_LOGIN } from "../support/kiosk";

let env: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
});
afterAll(() => env.close());
beforeEach(async () => {
  process.env.TERMINAL_ID = `T-${Math.random().toString(36).slice(2, 8)}`;
  resetConfigForTests();
  await freshCardReader();
  await env.prisma.searchAttempt.deleteMany();
  await env.prisma.searchLockLift.deleteMany();
});

async function proven(label = "DEMO-A") {
  const { sessionId, proof } = await provenSession(label);
  expect(proof.ok).toBe(true);
  return sessionId;
}

describe("search (§3.1)", () => {
  it("matches the demo qualification and returns 企業情報 with no 代表窓口情報 yet", async () => {
    const result = await searchQualification(await proven(), SAITAMA_LOGIN);
    expect(result.ok && result.company.companyName).toBe("株式会社さいたま建設 さいたま支店");
    expect(result.ok && result.representative).toBeNull();
    expect(result.ok && result.holderCheck.matches).toBe(true);
  });

  it("R10: compares 商号又は名称 after normalization (full-width space, surrounding blanks)", async () => {
    const result = await searchQualification(await proven(), {
      ...SAITAMA_LOGIN,
      officialName: "  株式会社　さいたま建設 ",
    });
    expect(result.ok).toBe(true);
  });

  it("R10: full-width digits in ユーザID are an input error at the field and are not searched", async () => {
    const result = await searchQualification(await proven(), {
      ...SAITAMA_LOGIN,
      userId: "１０００００００01",
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe("invalid");
    expect(!result.ok && result.fieldErrors?.userId).toMatch(/半角/);
    expect(await env.prisma.searchAttempt.count()).toBe(0);
  });

  it("R11: wrong password, wrong name, unknown ID and wrong agency all get the same answer and checklist", async () => {
    const sessionId = await proven();
    const answers = await Promise.all(
      [
        { ...SAITAMA_LOGIN, password: "Saitama2" },
        { ...SAITAMA_LOGIN, officialName: "さいたま建設" },
        { ...SAITAMA_LOGIN, userId: "1999999999" },
      ].map((input) => searchQualification(sessionId, input)),
    );
    const other = await provenSession("DEMO-A", { agencyCode: "112020" }); // 熊谷市: not held
    answers.push(await searchQualification(other.sessionId, SAITAMA_LOGIN));
    for (const a of answers) {
      expect(a.ok).toBe(false);
      expect(!a.ok && a.code).toBe("notFound");
      expect(!a.ok && a.message).toBe(NOT_FOUND_MESSAGE);
      expect(!a.ok && a.hints?.join("")).toContain("パスワードを更新した当日");
    }
    const audits = await env.prisma.auditLog.count({ where: { action: "search", outcome: "refused" } });
    expect(audits).toBeGreaterThanOrEqual(4);
  });

  it("R11: after 5 failures for one user ID the 6th search is locked, even with the right password", async () => {
    // over two visits, so that no visit reaches its own limit (each ends after 5)
    const visits = [await proven(), await proven()];
    for (let i = 0; i < 5; i++) {
      const r = await searchQualification(visits[i < 3 ? 0 : 1]!, {
        ...SAITAMA_LOGIN,
        password: `Wrong00${i}`,
      });
      expect(!r.ok && r.code).toBe("notFound");
    }
    const sessionId = await proven();
    const sixth = await searchQualification(sessionId, SAITAMA_LOGIN);
    expect(!sixth.ok && sixth.code).toBe("locked");
    expect(!sixth.ok && sixth.message).toMatch(/しばらく検索できません/);
    // the lock lifts when the window has passed
    const later = await searchQualification(sessionId, SAITAMA_LOGIN, new Date(Date.now() + 16 * 60_000));
    expect(later.ok).toBe(true);
  });

  it("R11: failures are counted atomically — 10 wrong searches for one user ID at once get 5 tries between them", async () => {
    // as from several terminals at the same moment: each its own visit
    const sessions = [];
    for (let i = 0; i < 10; i++) sessions.push(await proven());
    await env.prisma.searchAttempt.deleteMany();
    const results = await Promise.all(
      sessions.map((id, i) => searchQualification(id, { ...SAITAMA_LOGIN, password: `Wrong0${i}x` })),
    );
    const codes = results.map((r) => (r.ok ? "ok" : r.code)).sort();
    expect(codes).toEqual([...Array(5).fill("locked"), ...Array(5).fill("notFound")]);
    expect(await env.prisma.searchAttempt.count()).toBe(5);
  });

  it("R11: a successful search does not count towards the lock", async () => {
    const sessionId = await proven();
    for (let i = 0; i < 4; i++)
      await searchQualification(sessionId, { ...SAITAMA_LOGIN, password: `Wrong00${i}` });
    expect((await searchQualification(await proven(), SAITAMA_LOGIN)).ok).toBe(true);
    const fifth = await searchQualification(await proven(), { ...SAITAMA_LOGIN, password: "Wrong009" });
    expect(!fifth.ok && fifth.code).toBe("notFound");
    expect(await env.prisma.searchAttempt.count({ where: { succeeded: false } })).toBe(5);
  });

  it("R11: 5 failed searches end the visit; another bidder at the same terminal then searches successfully", async () => {
    const sessionId = await proven();
    for (let i = 0; i < 4; i++) {
      const r = await searchQualification(sessionId, { ...SAITAMA_LOGIN, userId: `100000009${i}` });
      expect(!r.ok && r.code).toBe("notFound");
    }
    const fifth = await searchQualification(sessionId, { ...SAITAMA_LOGIN, userId: "1000000094" });
    expect(!fifth.ok && fifth.code).toBe("visitEnded");
    expect(!fifth.ok && fifth.message).toMatch(/受付を終了します/);
    expect(!fifth.ok && fifth.hints).toEqual(NOT_FOUND_HINTS);
    // the server ended the visit: nothing more is searched in it
    expect(await searchQualification(sessionId, SAITAMA_LOGIN)).toMatchObject({ ok: false, code: "session" });
    const ended = await env.prisma.kioskSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(ended.endedAt).not.toBeNull();
    // the terminal is not locked: the next bidder's visit searches as usual
    expect((await searchQualification(await proven(), SAITAMA_LOGIN)).ok).toBe(true);
  });

  it("R11: 10 failed searches sent at once in one visit check 5 of them and end the visit", async () => {
    const sessionId = await proven();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        searchQualification(sessionId, { ...SAITAMA_LOGIN, userId: `10000000${80 + i}` }),
      ),
    );
    const codes = results.map((r) => (r.ok ? "ok" : r.code));
    expect(
      codes.filter((c) => c === "notFound").length + codes.filter((c) => c === "visitEnded").length,
    ).toBe(10);
    expect(codes).toContain("visitEnded");
    expect(await env.prisma.searchAttempt.count({ where: { kioskSessionId: sessionId } })).toBe(5);
  });

  it("R11: staff lift a user ID's lock — audited with who and why; only failures after the lift count", async () => {
    for (let i = 0; i < 5; i++) {
      await searchQualification(await proven(), { ...SAITAMA_LOGIN, password: `Wrong00${i}` });
    }
    expect(await lockedUserIds()).toEqual([{ userId: "1000000001", retryAt: expect.any(Date) }]);
    const bidder = await proven();
    expect(await searchQualification(bidder, SAITAMA_LOGIN)).toMatchObject({ code: "locked" });

    expect(await liftSearchLock({ login: "staff01" }, { userId: "1000000001", reason: "" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: expect.stringMatching(/理由/) },
    });
    const lifted = await liftSearchLock(
      { login: "staff01" },
      { userId: "1000000001", reason: "本人確認のうえ解除（窓口）" },
    );
    expect(lifted).toEqual({ ok: true, userId: "1000000001" });
    const row = await env.prisma.auditLog.findFirstOrThrow({
      where: { action: "search.unlock" },
      orderBy: { seq: "desc" },
    });
    expect(row).toMatchObject({
      outcome: "ok",
      staffLogin: "staff01",
      userId: "1000000001",
      detail: { reason: "本人確認のうえ解除（窓口）" },
    });
    expect(await lockedUserIds()).toEqual([]);
    expect((await searchQualification(bidder, SAITAMA_LOGIN)).ok).toBe(true);
    // the failures before the lift are forgotten: 4 more do not lock, the 5th after the lift does
    for (let i = 0; i < 5; i++) {
      await searchQualification(await proven(), { ...SAITAMA_LOGIN, password: `Again00${i}` });
    }
    expect(await searchQualification(await proven(), SAITAMA_LOGIN)).toMatchObject({ code: "locked" });
  });

  it("R11: failures piling up at a terminal raise the staff console's alarm, never a lock", async () => {
    const terminalId = process.env.TERMINAL_ID!;
    for (let visit = 0; visit < 3; visit++) {
      const sessionId = await proven();
      for (let i = 0; i < 4; i++) {
        await searchQualification(sessionId, { ...SAITAMA_LOGIN, userId: `100000${visit}${i}00` });
      }
    }
    const alarms = await terminalSearchAlarms();
    expect(alarms.find((a) => a.terminalId === terminalId)).toMatchObject({ failures: 12 });
    expect((await searchQualification(await proven(), SAITAMA_LOGIN)).ok).toBe(true);
    // 15 minutes on, the alarm has gone by itself
    expect(await terminalSearchAlarms(new Date(Date.now() + 16 * 60_000))).toEqual([]);
  });

  it("R14: a password changed today cannot register today — the generic answer", async () => {
    const r = await searchQualification(await proven("DEMO-F"), {
      officialName: "川越土木株式会社",
      userId: "1000000002",
      password: "Kawagoe2",
    });
    expect(!r.ok && r.code).toBe("notFound");
    expect(!r.ok && r.hints?.some((h) => h.includes("当日は利用者登録を行えません"))).toBe(true);
  });

  it("R15: a lapsed qualification is refused and names the successor user ID", async () => {
    const r = await searchQualification(await proven("DEMO-G"), {
      officialName: "熊谷工業株式会社",
      userId: "1000000003",
      password: "Kumagai3",
    });
    expect(!r.ok && r.code).toBe("lapsed");
    expect(!r.ok && r.hints?.join("")).toContain("1000000004");
  });

  it("R16: under review, the previous company info is shown and registration may proceed", async () => {
    const r = await searchQualification(await proven(), {
      officialName: "川口設備株式会社",
      userId: "1000000005",
      password: "Kawagu05",
    });
    expect(r.ok).toBe(true);
    expect(r.ok && r.company.previousInfoShown).toBe(true);
    expect(r.ok && r.company.address).toBe("埼玉県川口市並木2-3-5");
  });

  it("server authority: no search before the card is proven, nor after the session ended", async () => {
    const unproven = await openSession();
    expect(await searchQualification(unproven, SAITAMA_LOGIN)).toMatchObject({ ok: false, code: "session" });
    const sessionId = await proven();
    await endSession(sessionId, "logout");
    expect(await searchQualification(sessionId, SAITAMA_LOGIN)).toMatchObject({ ok: false, code: "session" });
    expect(await searchQualification(undefined, SAITAMA_LOGIN)).toMatchObject({ ok: false, code: "session" });
  });
});
