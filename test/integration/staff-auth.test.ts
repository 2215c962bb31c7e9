// Staff sign-in (issue 5): next-auth's credentials authorize over argon2id hashes, the
// StaffSession table behind every JWT (sign-out and disabling take effect at once), roles, and
// the throttle. next-auth's getServerSession is replaced by the JWT's content (the session id), so
// the real currentStaff / requireStaffPage / staffAction and the table checks run.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { keyedDigest } from "@/app/_server/audit/key";
import { resetConfigForTests } from "@/app/_server/config";
import { authOptions, resetAuthOptionsForTests } from "@/app/_server/staff/auth-options";
import { currentStaff, requireStaffPage, staffAction } from "@/app/_server/staff/auth";
import { safeStaffPath } from "@/app/_server/staff/callback-url";
import { hashPassword } from "@/app/_server/staff/passwords";
import { revokeAllSessions, signInStaff, staffForSession } from "@/app/_server/staff/sessions";
import { setSignInPauseForTests } from "@/app/_server/staff/signin-throttle";
import { signOutAction } from "@/app/staff/_actions/session";
import { ACTION_FAILED, FORBIDDEN, UNAUTHORIZED } from "@/app/_shared/staff-contracts";
import { freshDatabase } from "@/test/support/db";
import { jwt } from "@/test/support/staff";

const cookieJar = vi.hoisted(() => new Map<string, string>());

vi.mock("next-auth", async (importOriginal) =>
  (await import("@/test/support/staff")).nextAuthWithJwt(await importOriginal<typeof import("next-auth")>()),
);

vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined),
    delete: (name: string) => cookieJar.delete(name),
  }),
}));

const MINUTE = 60_000;
let database: Awaited<ReturnType<typeof freshDatabase>>;

async function makeStaff(login: string, role: "staff" | "admin", password: string) {
  return database.prisma.staffUser.create({
    data: { login, displayName: `表示 ${login}`, role, passwordHash: await hashPassword(password) },
  });
}

type Authorize = (credentials: Record<string, string> | undefined, req: unknown) => Promise<unknown>;

function authorize(login: string, password: string): Promise<unknown> {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize({ login, password }, {});
}

async function signedIn(login: string, password: string): Promise<string> {
  const result = await signInStaff(login, password);
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return result.identity.sessionId;
}

beforeAll(async () => {
  database = await freshDatabase();
  resetConfigForTests();
  resetAuthOptionsForTests();
  // the progressive delay is asserted in staff-signin-throttle.test.ts; here it would only slow
  setSignInPauseForTests(async () => undefined);
  await makeStaff("staff01", "staff", "kiosk-staff-01");
  await makeStaff("admin01", "admin", "kiosk-admin-01");
  const gone = await makeStaff("gone01", "staff", "kiosk-gone-0001");
  await database.prisma.staffUser.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
});

afterAll(async () => {
  setSignInPauseForTests(undefined);
  await database.close();
});

beforeEach(() => {
  jwt.sid = null;
  cookieJar.clear();
});

describe("authorize (next-auth credentials provider)", () => {
  it("accepts the right password: a StaffSession row, its id in the JWT, the sign-in audited", async () => {
    const user = (await authorize("staff01", "kiosk-staff-01")) as { id: string; name: string };
    expect(user.name).toBe("表示 staff01");
    const session = await database.prisma.staffSession.findUniqueOrThrow({ where: { id: user.id } });
    expect(user.id).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(session.revokedAt).toBeNull();
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(60 * MINUTE);
    const row = await database.prisma.auditLog.findFirstOrThrow({
      where: { action: "staff.signin", outcome: "ok" },
      orderBy: { seq: "desc" },
    });
    expect(row.staffLogin).toBe("staff01");

    const callbacks = authOptions().callbacks!;
    const token = await callbacks.jwt!({ token: {}, user: user as never } as never);
    expect(token).toEqual({ sid: user.id });
  });

  it("refuses a wrong password, an unknown login and a disabled member alike, audited with the login only", async () => {
    const before = await database.prisma.staffSession.count();
    expect(await authorize("staff01", "wrong-password")).toBeNull();
    expect(await authorize("nobody", "kiosk-staff-01")).toBeNull();
    expect(await authorize("gone01", "kiosk-gone-0001")).toBeNull();
    expect(await database.prisma.staffSession.count()).toBe(before);
    const rows = await database.prisma.auditLog.findMany({
      where: { action: "staff.signin", outcome: "refused" },
      orderBy: { seq: "asc" },
    });
    expect(rows.map((r) => r.detail)).toEqual([
      { login: "staff01", reason: "password" },
      // an unknown name only as its keyed hash (issue 12 item 4)
      { login: keyedDigest("nobody"), reason: "unknown" },
      { login: "gone01", reason: "disabled" },
    ]);
    expect(keyedDigest("nobody")).toMatch(/^hmac:[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain("wrong-password");
    expect(JSON.stringify(rows)).not.toContain("kiosk-gone-0001");
  });

  it("throttles a login after 5 failures in 15 minutes, whatever the password, then forgets", async () => {
    await makeStaff("slow01", "staff", "kiosk-slow-0001");
    const t0 = new Date();
    for (let i = 0; i < 5; i += 1) {
      expect(await signInStaff("slow01", `wrong-${i}`, t0)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signInStaff("slow01", "kiosk-slow-0001", t0)).toEqual({ ok: false, reason: "throttled" });
    await expect(authorize("slow01", "kiosk-slow-0001")).rejects.toThrow("throttled");
    // another login is not affected
    expect((await signInStaff("staff01", "kiosk-staff-01", t0)).ok).toBe(true);
    // 16 minutes on, the lock has expired
    const later = new Date(Date.now() + 16 * MINUTE);
    expect((await signInStaff("slow01", "kiosk-slow-0001", later)).ok).toBe(true);
  });

  it("issue 12 item 4: a password typed as the login appears nowhere in the database afterwards", async () => {
    const typed = "kiosk-staff-01-Tr0ub4dor";
    for (let i = 0; i < 7; i += 1) await authorize(typed, "kiosk-staff-01").catch(() => undefined);
    // every row of every table, as text
    const everything: unknown[] = [];
    for (const table of Object.keys(await database.tableCounts())) {
      everything.push(await database.prisma.$queryRawUnsafe(`SELECT * FROM "${table}"`));
    }
    const text = JSON.stringify(everything, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(text).toContain(keyedDigest(typed));
    expect(text).not.toContain(typed);
    expect(text).not.toContain("Tr0ub4dor");
    // the keyed hash is still one name per text: the unknown name is throttled like any login
    const counter = await database.prisma.staffSignInCounter.findUnique({
      where: { key: `login:${keyedDigest(typed)}` },
    });
    expect(counter?.failures).toBe(5);
    expect(await signInStaff(typed, "x")).toEqual({ ok: false, reason: "throttled" });
  });

  it("R33 (staff sign-in): a burst of 31 wrong passwords at once checks at most 5 of them", async () => {
    await makeStaff("burst01", "staff", "kiosk-burst-001");
    const answers = await Promise.all(
      Array.from({ length: 31 }, (_, i) => signInStaff("burst01", `wrong-burst-${i}`)),
    );
    const rows = await database.prisma.auditLog.findMany({
      where: { action: "staff.signin", outcome: "refused" },
      select: { detail: true },
    });
    const reasons = rows
      .map((r) => r.detail as { login?: string; reason?: string })
      .filter((d) => d.login === "burst01")
      .map((d) => d.reason);
    // a "password" refusal is written only after the password was checked
    expect(reasons.filter((r) => r === "password")).toHaveLength(5);
    expect(reasons.filter((r) => r === "throttled")).toHaveLength(26);
    expect(answers.filter((a) => !a.ok && a.reason === "throttled")).toHaveLength(26);
    // the right password is refused too while the lock holds
    expect(await signInStaff("burst01", "kiosk-burst-001")).toEqual({ ok: false, reason: "throttled" });
  });
});

describe("currentStaff", () => {
  it("answers the member of a live session; admin passes staff, staff does not pass admin", async () => {
    jwt.sid = await signedIn("staff01", "kiosk-staff-01");
    expect(await currentStaff()).toMatchObject({ login: "staff01", role: "staff", sessionId: jwt.sid });
    expect(await currentStaff("admin")).toBeNull();

    jwt.sid = await signedIn("admin01", "kiosk-admin-01");
    expect(await currentStaff("staff")).toMatchObject({ login: "admin01", role: "admin" });
    expect(await currentStaff("admin")).toMatchObject({ login: "admin01" });
  });

  it("is null without a JWT, for an unknown, revoked or expired session, and for a disabled member", async () => {
    expect(await currentStaff()).toBeNull();
    jwt.sid = "not-a-session";
    expect(await currentStaff()).toBeNull();

    const revoked = await signedIn("staff01", "kiosk-staff-01");
    await database.prisma.staffSession.update({ where: { id: revoked }, data: { revokedAt: new Date() } });
    jwt.sid = revoked;
    expect(await currentStaff()).toBeNull();

    const expired = await signedIn("staff01", "kiosk-staff-01");
    await database.prisma.staffSession.update({
      where: { id: expired },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    jwt.sid = expired;
    expect(await currentStaff()).toBeNull();

    const member = await makeStaff("leaver01", "staff", "kiosk-leaver-01");
    jwt.sid = await signedIn("leaver01", "kiosk-leaver-01");
    expect(await currentStaff()).toMatchObject({ login: "leaver01" });
    await database.prisma.staffUser.update({ where: { id: member.id }, data: { disabledAt: new Date() } });
    expect(await currentStaff()).toBeNull();
  });

  it("slides the expiry, writing at most once a minute", async () => {
    const id = await signedIn("staff01", "kiosk-staff-01");
    const created = await database.prisma.staffSession.findUniqueOrThrow({ where: { id } });
    const t = created.createdAt.getTime();
    await staffForSession(id, new Date(t + 30_000));
    expect((await database.prisma.staffSession.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(
      created.expiresAt,
    );
    await staffForSession(id, new Date(t + 50 * MINUTE));
    const slid = await database.prisma.staffSession.findUniqueOrThrow({ where: { id } });
    expect(slid.expiresAt.getTime()).toBe(t + 110 * MINUTE);
    expect(await staffForSession(id, new Date(t + 105 * MINUTE))).not.toBeNull();
    expect(await staffForSession(id, new Date(t + 171 * MINUTE))).toBeNull();
  });

  it("revokeAllSessions ends every live session of one member", async () => {
    const a = await signedIn("staff01", "kiosk-staff-01");
    const b = await signedIn("staff01", "kiosk-staff-01");
    const user = await database.prisma.staffUser.findUniqueOrThrow({ where: { login: "staff01" } });
    await database.prisma.$transaction((tx) => revokeAllSessions(tx, user.id, new Date()));
    expect(await staffForSession(a)).toBeNull();
    expect(await staffForSession(b)).toBeNull();
  });
});

describe("sign-out", () => {
  it("revokes the session row at once and drops next-auth's cookie", async () => {
    jwt.sid = await signedIn("staff01", "kiosk-staff-01");
    cookieJar.set("next-auth.session-token", "the-jwt");
    expect(await signOutAction()).toEqual({ ok: true });
    const row = await database.prisma.staffSession.findUniqueOrThrow({ where: { id: jwt.sid } });
    expect(row.revokedAt).not.toBeNull();
    expect(cookieJar.has("next-auth.session-token")).toBe(false);
    // the same JWT no longer counts
    expect(await currentStaff()).toBeNull();
    expect(await signOutAction()).toEqual(UNAUTHORIZED);
    const audit = await database.prisma.auditLog.findFirstOrThrow({ where: { action: "staff.signout" } });
    expect(audit.staffLogin).toBe("staff01");
  });
});

describe("requireStaffPage", () => {
  it("redirects to sign-in with a safe callbackUrl without a session", async () => {
    await expect(requireStaffPage("staff", "/staff/outbox?page=2")).rejects.toMatchObject({
      digest: expect.stringContaining("/staff/signin?callbackUrl=%2Fstaff%2Foutbox%3Fpage%3D2"),
    });
    await expect(requireStaffPage("staff", "https://evil.example/staff")).rejects.toMatchObject({
      digest: expect.stringContaining("/staff/signin?callbackUrl=%2Fstaff;"),
    });
  });

  it("answers 403 (forbidden) for a staff member on an admin page, passes an admin", async () => {
    jwt.sid = await signedIn("staff01", "kiosk-staff-01");
    // outside `next build` the experimental flag is off: forbidden() throws its own error
    await expect(requireStaffPage("admin")).rejects.toThrow(/forbidden|403/);
    jwt.sid = await signedIn("admin01", "kiosk-admin-01");
    expect(await requireStaffPage("admin")).toMatchObject({ login: "admin01" });
  });
});

describe("staffAction", () => {
  it("refuses without running the body, runs it with the role, turns a crash into a plain answer", async () => {
    const body = vi.fn(async () => ({ ok: true as const }));
    expect(await staffAction("staff", body)).toEqual(UNAUTHORIZED);
    jwt.sid = await signedIn("staff01", "kiosk-staff-01");
    expect(await staffAction("admin", body)).toEqual(FORBIDDEN);
    expect(body).not.toHaveBeenCalled();
    expect(await staffAction("staff", body)).toEqual({ ok: true });

    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const answer = await staffAction("staff", async () => {
      throw new Error("secret input value 1234");
    });
    expect(answer).toMatchObject({ ok: false, code: ACTION_FAILED.code });
    // issue 12 item 3: the answer carries the 問い合わせ番号 of the one log line it was logged under
    const reference = /問い合わせ番号: ([0-9A-F]{8})/.exec((answer as { message: string }).message)?.[1];
    expect((answer as { message: string }).message.startsWith(ACTION_FAILED.message)).toBe(true);
    expect(warn.mock.calls.flat().join(" ")).toContain(`[ref ${reference}]`);
    expect(warn.mock.calls.flat().join(" ")).not.toContain("secret input value");
  });
});

describe("next-auth's secret", () => {
  it("is NEXTAUTH_SECRET, or one made once and kept beside the SQLite file or in .data/ (mode 0600)", () => {
    const secret = authOptions().secret!;
    if (process.env.NEXTAUTH_SECRET) {
      expect(secret).toBe(process.env.NEXTAUTH_SECRET);
      return;
    }
    // beside the SQLite file; on PostgreSQL in the server's own .data/
    const dir = database.url.startsWith("file:") ? path.dirname(database.file) : path.resolve(".data");
    const file = path.join(dir, "nextauth-secret");
    expect(fs.readFileSync(file, "utf8").trim()).toBe(secret);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("cookies work over http://127.0.0.1 and next-auth's warnings stay quiet", () => {
    expect(authOptions().useSecureCookies).toBe(false);
    expect(authOptions().session).toMatchObject({ strategy: "jwt", maxAge: 3600 });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    authOptions().logger!.warn!("NEXTAUTH_URL");
    authOptions().logger!.error!("CREDENTIALS_SIGNIN", {
      error: new Error("password=kiosk-staff-01"),
    } as never);
    expect(warn.mock.calls.flat().join(" ")).not.toContain("kiosk-staff-01");
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe("callback URLs", () => {
  it("only ever sends the browser to a /staff path of this site", () => {
    expect(safeStaffPath("/staff/accounts")).toBe("/staff/accounts");
    expect(safeStaffPath("/staff/outbox?status=failed")).toBe("/staff/outbox?status=failed");
    for (const bad of [
      "https://evil.example/staff",
      "//evil.example/staff",
      "/\\evil.example",
      "/outbox",
      "/staff/../outbox",
      "/staff/signin",
      "javascript:alert(1)",
      undefined,
    ]) {
      expect(safeStaffPath(bad)).toBe("/staff");
    }
    const redirect = authOptions().callbacks!.redirect!;
    expect(redirect({ url: "https://evil.example/", baseUrl: "http://localhost:3000" })).toBe("/staff");
    expect(redirect({ url: "http://localhost:3000/staff/batch", baseUrl: "http://localhost:3000" })).toBe(
      "/staff/batch",
    );
  });
});
