// Staff sign-in throttle (issue 12 item 5): one counter row per login and per source address
// instead of a scan of failure rows, a per-source limit across logins, the progressive delay
// awaited before the answer (a recorded pause, not the wall clock), lock expiry, and an admin's
// audited ロック解除 from the accounts page's server action.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { listStaffAccounts } from "@/app/_server/staff/accounts";
import { authOptions, resetAuthOptionsForTests } from "@/app/_server/staff/auth-options";
import { hashPassword } from "@/app/_server/staff/passwords";
import { signInStaff } from "@/app/_server/staff/sessions";
import { loginKey, setSignInPauseForTests, sourceKey } from "@/app/_server/staff/signin-throttle";
import { unlockStaffSignInAction } from "@/app/staff/_actions/accounts";
import { FORBIDDEN } from "@/app/_shared/staff-contracts";
import { freshDatabase } from "@/test/support/db";
import { ADMIN, STAFF, who } from "@/test/support/staff";

vi.mock("@/app/_server/staff/auth", () => import("@/test/support/staff").then((m) => m.fakeStaffAuth()));

const MINUTE = 60_000;
let database: Awaited<ReturnType<typeof freshDatabase>>;
const pauses: number[] = [];

async function makeStaff(login: string, password: string) {
  return database.prisma.staffUser.create({
    data: { login, displayName: `表示 ${login}`, role: "staff", passwordHash: await hashPassword(password) },
  });
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

type Authorize = (credentials: Record<string, string> | undefined, req: unknown) => Promise<unknown>;

function authorize(login: string, password: string, headers: Record<string, string> = {}) {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize({ login, password }, { headers });
}

/** A member's counter key: by id, so every server sharing the database counts together. */
async function memberKey(login: string): Promise<string> {
  const user = await database.prisma.staffUser.findUniqueOrThrow({ where: { login } });
  return loginKey({ login, staffUserId: user.id });
}

async function refusedReasons(login: string): Promise<string[]> {
  const rows = await database.prisma.auditLog.findMany({
    where: { action: "staff.signin", outcome: "refused" },
    orderBy: { seq: "asc" },
    select: { detail: true },
  });
  return rows
    .map((r) => r.detail as { login?: string; reason?: string })
    .filter((d) => d.login === login)
    .map((d) => d.reason ?? "");
}

beforeAll(async () => {
  database = await freshDatabase();
  resetConfigForTests();
  resetAuthOptionsForTests();
});

afterAll(async () => {
  setSignInPauseForTests(undefined);
  delete process.env.TRUST_PROXY;
  resetConfigForTests();
  await database.close();
});

beforeEach(() => {
  pauses.length = 0;
  setSignInPauseForTests(async (ms) => {
    pauses.push(ms);
  });
  who.staff = ADMIN;
});

describe("counters, not scans", () => {
  it("keeps one row per login and per source: a member by id, other text as a keyed hash, never the text", async () => {
    await makeStaff("count01", "kiosk-count-001");
    const t0 = new Date();
    for (let i = 0; i < 3; i += 1) await signInStaff("count01", `wrong-${i}`, t0, "192.0.2.10");
    await signInStaff("my-secret-password-typed-here", "x", t0, "192.0.2.10");

    const rows = await database.prisma.staffSignInCounter.findMany({ orderBy: { key: "asc" } });
    const member = await memberKey("count01");
    expect(member).toMatch(/^user:/);
    expect(rows.find((r) => r.key === member)?.failures).toBe(3);
    const typed = loginKey({ login: "my-secret-password-typed-here", staffUserId: null });
    expect(typed).toMatch(/^login:hmac:[0-9a-f]{64}$/);
    expect(rows.find((r) => r.key === typed)?.failures).toBe(1);
    expect(rows.find((r) => r.key === sourceKey("192.0.2.10"))?.failures).toBe(4);
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toContain("count01");
    expect(JSON.stringify(rows)).not.toContain("my-secret-password");

    // a success resets the login's count and gives the source back its advance count
    expect((await signInStaff("count01", "kiosk-count-001", t0, "192.0.2.10")).ok).toBe(true);
    const login = await database.prisma.staffSignInCounter.findUniqueOrThrow({
      where: { key: await memberKey("count01") },
    });
    expect(login).toMatchObject({ failures: 0, lockedUntil: null });
    const source = await database.prisma.staffSignInCounter.findUniqueOrThrow({
      where: { key: sourceKey("192.0.2.10") },
    });
    expect(source.failures).toBe(4);
  });

  it("R33 (staff sign-in): a burst of 31 wrong passwords at once checks at most 5, and locks the login", async () => {
    await makeStaff("burst02", "kiosk-burst-002");
    const answers = await Promise.all(
      Array.from({ length: 31 }, (_, i) =>
        signInStaff("burst02", `wrong-burst-${i}`, new Date(), "192.0.2.31"),
      ),
    );
    const reasons = await refusedReasons("burst02");
    // a "password" refusal is written only after the password was checked
    expect(reasons.filter((r) => r === "password")).toHaveLength(5);
    expect(reasons.filter((r) => r === "throttled")).toHaveLength(26);
    expect(answers.filter((a) => !a.ok && a.reason === "throttled")).toHaveLength(26);
    const row = await database.prisma.staffSignInCounter.findUniqueOrThrow({
      where: { key: await memberKey("burst02") },
    });
    expect(row.failures).toBe(5);
    expect(row.lockedUntil).not.toBeNull();
  });

  it("per source: 20 failures from one address across logins refuse that address, not others", async () => {
    const t0 = new Date();
    await makeStaff("spray01", "kiosk-spray-001");
    const logins = Array.from({ length: 10 }, (_, i) => `spray-guess-${i}`);
    for (const login of logins) {
      for (let i = 0; i < 2; i += 1) {
        expect(await signInStaff(login, `wrong-${i}`, t0, "198.51.100.7")).toEqual({
          ok: false,
          reason: "invalid",
        });
      }
    }
    // the 21st from that address is refused before any password, even for a fresh login
    expect(await signInStaff("spray01", "kiosk-spray-001", t0, "198.51.100.7")).toEqual({
      ok: false,
      reason: "throttled",
    });
    // the login itself is not locked by it: from another address it signs in
    expect((await signInStaff("spray01", "kiosk-spray-001", t0, "198.51.100.8")).ok).toBe(true);
  });

  it("a burst from one source across many logins checks at most the source limit", async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signInStaff(`wide-${i}`, "wrong", new Date(), "198.51.100.40")),
    );
    expect(answers.filter((a) => !a.ok && a.reason === "invalid")).toHaveLength(20);
    expect(answers.filter((a) => !a.ok && a.reason === "throttled")).toHaveLength(20);
  });

  it("a lock expires after the window: the next attempt starts a fresh count", async () => {
    await makeStaff("expire01", "kiosk-expire-01");
    const t0 = new Date("2026-12-08T01:00:00Z");
    for (let i = 0; i < 5; i += 1) await signInStaff("expire01", `wrong-${i}`, t0);
    const at14 = new Date(t0.getTime() + 14 * MINUTE);
    expect(await signInStaff("expire01", "kiosk-expire-01", at14)).toEqual({
      ok: false,
      reason: "throttled",
    });
    const at15 = new Date(t0.getTime() + 15 * MINUTE);
    expect(await signInStaff("expire01", "wrong-after", at15)).toEqual({ ok: false, reason: "invalid" });
    const row = await database.prisma.staffSignInCounter.findUniqueOrThrow({
      where: { key: await memberKey("expire01") },
    });
    expect(row).toMatchObject({ failures: 1, lockedUntil: null });
  });
});

describe("progressive delay", () => {
  it("waits 0.5 s × 2^(n-1) after n earlier failures before the answer, 8 s when throttled", async () => {
    await makeStaff("delay01", "kiosk-delay-001");
    const t0 = new Date();
    for (let i = 0; i < 6; i += 1) await signInStaff("delay01", `wrong-${i}`, t0);
    expect(pauses).toEqual([500, 1000, 2000, 4000, 8000]);
    pauses.length = 0;
    // the login's count resets on success; the wait goes with it
    await database.prisma.staffSignInCounter.deleteMany({ where: { key: await memberKey("delay01") } });
    expect((await signInStaff("delay01", "kiosk-delay-001", t0)).ok).toBe(true);
    expect(await signInStaff("delay01", "wrong-again", t0)).toEqual({ ok: false, reason: "invalid" });
    expect(pauses).toEqual([]);
  });

  it("the authorize path does not answer until the wait is over", async () => {
    await makeStaff("delay02", "kiosk-delay-002");
    await authorize("delay02", "wrong-once");
    let release: () => void = () => undefined;
    setSignInPauseForTests((ms) => {
      pauses.push(ms);
      return new Promise((resolve) => {
        release = resolve;
      });
    });
    let answered = false;
    const answer = authorize("delay02", "kiosk-delay-002").then((value) => {
      answered = true;
      return value;
    });
    await vi.waitFor(() => expect(pauses).toEqual([500]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    release();
    expect(await answer).toMatchObject({ name: "表示 delay02" });
  });

  it("authorize counts x-forwarded-for's last entry as the source only with TRUST_PROXY=on", async () => {
    process.env.TRUST_PROXY = "on";
    resetConfigForTests();
    try {
      await authorize("proxy-guess", "wrong", { "x-forwarded-for": "10.9.9.9, 203.0.113.5" });
      expect(
        await database.prisma.staffSignInCounter.findUnique({ where: { key: sourceKey("203.0.113.5") } }),
      ).toMatchObject({ failures: 1 });
    } finally {
      delete process.env.TRUST_PROXY;
      resetConfigForTests();
    }
    await authorize("proxy-guess", "wrong", { "x-forwarded-for": "203.0.113.6" });
    expect(
      await database.prisma.staffSignInCounter.findUnique({ where: { key: sourceKey("203.0.113.6") } }),
    ).toBeNull();
  });
});

describe("ロック解除 (admin)", () => {
  it("the accounts list shows the lock and its end; an admin unlocks with a reason, audited with who", async () => {
    const user = await makeStaff("locked01", "kiosk-locked-01");
    const t0 = new Date();
    for (let i = 0; i < 5; i += 1) await signInStaff("locked01", `wrong-${i}`, t0);
    const listed = (await listStaffAccounts()).find((a) => a.login === "locked01");
    expect(listed?.signInLockedUntil?.getTime()).toBe(t0.getTime() + 15 * MINUTE);

    expect(await unlockStaffSignInAction(form({ staffUserId: user.id, reason: "  " }))).toMatchObject({
      ok: false,
      fieldErrors: { reason: "解除の理由を入力してください。" },
    });
    who.staff = STAFF;
    expect(await unlockStaffSignInAction(form({ staffUserId: user.id, reason: "本人確認済み" }))).toEqual(
      FORBIDDEN,
    );
    who.staff = ADMIN;
    expect(await unlockStaffSignInAction(form({ staffUserId: user.id, reason: "本人確認済み" }))).toEqual({
      ok: true,
      message: "「locked01」のサインインのロックを解除しました。",
    });
    const row = await database.prisma.auditLog.findFirstOrThrow({
      where: { action: "staff.signin.unlock" },
      orderBy: { seq: "desc" },
    });
    expect(row).toMatchObject({
      outcome: "ok",
      staffLogin: "admin01",
      detail: { login: "locked01", reason: "本人確認済み" },
    });
    expect((await listStaffAccounts()).find((a) => a.login === "locked01")?.signInLockedUntil).toBeNull();
    expect((await signInStaff("locked01", "kiosk-locked-01")).ok).toBe(true);

    // nothing to unlock: said so, and nothing audited
    expect(await unlockStaffSignInAction(form({ staffUserId: user.id, reason: "念のため" }))).toEqual({
      ok: true,
      message: "「locked01」はロックされていません。",
    });
    expect(await database.prisma.auditLog.count({ where: { action: "staff.signin.unlock" } })).toBe(1);
  });
});
