// 職員アカウント and 調達機関 (issue 5): an admin creates, re-roles, disables and resets staff
// through the real actions (next-auth's getServerSession answers the signed-in admin's JWT); bad
// input answers by field and writes nothing; disabling or a reset ends that member's sessions at
// once; every change is audited with the admin's login; no password is ever stored.
import fs from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { currentStaff } from "@/app/_server/staff/auth";
import { listStaffAccounts } from "@/app/_server/staff/accounts";
import { hashPassword } from "@/app/_server/staff/passwords";
import { signInStaff } from "@/app/_server/staff/sessions";
import {
  changeStaffRoleAction,
  createStaffAccountAction,
  resetStaffPasswordAction,
  setStaffDisabledAction,
} from "@/app/staff/_actions/accounts";
import { setAgencyGoodsAction } from "@/app/staff/_actions/agencies";
import { FORBIDDEN } from "@/app/_shared/staff-contracts";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "@/test/support/db";
import { jwt } from "@/test/support/staff";

vi.mock("next-auth", async (importOriginal) =>
  (await import("@/test/support/staff")).nextAuthWithJwt(await importOriginal<typeof import("next-auth")>()),
);

let database: Awaited<ReturnType<typeof freshDatabase>>;
const PASSWORDS = [
  "kiosk-staff-01",
  "kiosk-admin-01",
  "new-member-pass-01",
  "reset-pass-000001",
  "kiosk-clerk-0001",
];

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

async function sessionOf(login: string, password: string): Promise<string> {
  const result = await signInStaff(login, password);
  if (!result.ok) throw new Error(`sign-in refused for ${login}`);
  return result.identity.sessionId;
}

async function counts() {
  return {
    users: await database.prisma.staffUser.count(),
    audit: await database.prisma.auditLog.count(),
  };
}

async function idOf(login: string): Promise<string> {
  return (await database.prisma.staffUser.findUniqueOrThrow({ where: { login } })).id;
}

beforeAll(async () => {
  database = await freshDatabase();
  resetConfigForTests();
  await seedDemoData(database.prisma);
  await database.prisma.staffUser.create({
    data: {
      login: "clerk01",
      displayName: "窓口 花子",
      role: "staff",
      passwordHash: await hashPassword("kiosk-clerk-0001"),
    },
  });
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  jwt.sid = await sessionOf("admin01", "kiosk-admin-01");
});

describe("the demo seed", () => {
  it("has staff01 (staff) and admin01 (admin) with argon2id hashes, and stays true when run again", async () => {
    await database.prisma.staffUser.update({
      where: { login: "staff01" },
      data: { passwordHash: await hashPassword("something-else-1"), disabledAt: new Date(), role: "admin" },
    });
    await seedDemoData(database.prisma);
    const staff = await database.prisma.staffUser.findUniqueOrThrow({ where: { login: "staff01" } });
    expect(staff).toMatchObject({ role: "staff", disabledAt: null });
    expect(staff.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await signInStaff("staff01", "kiosk-staff-01")).ok).toBe(true);
    expect((await database.prisma.staffUser.findUniqueOrThrow({ where: { login: "admin01" } })).role).toBe(
      "admin",
    );
  });
});

describe("create", () => {
  it("answers every bad field in Japanese and writes nothing", async () => {
    const before = await counts();
    const result = await createStaffAccountAction(
      form({ login: "Bad Login!", displayName: "  ", role: "root", password: "short" }),
    );
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    const errors = (result as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(["displayName", "login", "password", "role"]);
    expect(errors.login).toContain("3〜32文字");
    expect(errors.password).toContain("12文字以上");
    expect(await createStaffAccountAction(form({}))).toMatchObject({ ok: false, code: "invalid" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a login that exists, at the field", async () => {
    const before = await counts();
    const result = await createStaffAccountAction(
      form({ login: "staff01", displayName: "重複", role: "staff", password: "long-enough-pass" }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { login: expect.stringContaining("既に") },
    });
    expect(await counts()).toEqual(before);
  });

  it("creates a member who can sign in, audited with the admin's login and without the password", async () => {
    const result = await createStaffAccountAction(
      form({ login: "member01", displayName: "新人 一郎", role: "staff", password: "new-member-pass-01" }),
    );
    expect(result).toMatchObject({ ok: true });
    const row = await database.prisma.auditLog.findFirstOrThrow({
      where: { action: "staff.account.create" },
    });
    expect(row).toMatchObject({
      staffLogin: "admin01",
      outcome: "ok",
      detail: { login: "member01", role: "staff" },
    });
    expect((await signInStaff("member01", "new-member-pass-01")).ok).toBe(true);
    const listed = (await listStaffAccounts()).find((a) => a.login === "member01");
    expect(listed).toMatchObject({ role: "staff", disabledAt: null, activeSessions: 1 });
    expect(listed?.lastSignInAt).toBeInstanceOf(Date);
  });
});

describe("role, disable, reset", () => {
  it("changes a member's role (audited); an admin cannot change or disable themself", async () => {
    const clerk = await idOf("clerk01");
    expect(await changeStaffRoleAction(form({ staffUserId: clerk, role: "admin" }))).toMatchObject({
      ok: true,
    });
    expect(
      await database.prisma.auditLog.findFirstOrThrow({ where: { action: "staff.account.role" } }),
    ).toMatchObject({
      staffLogin: "admin01",
      detail: { login: "clerk01", from: "staff", to: "admin" },
    });
    expect(await changeStaffRoleAction(form({ staffUserId: clerk, role: "staff" }))).toMatchObject({
      ok: true,
    });

    const me = await idOf("admin01");
    const before = await counts();
    expect(await changeStaffRoleAction(form({ staffUserId: me, role: "staff" }))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await setStaffDisabledAction(form({ staffUserId: me, disabled: "true" }))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await changeStaffRoleAction(form({ staffUserId: clerk, role: "boss" }))).toMatchObject({
      ok: false,
      fieldErrors: { role: expect.any(String) },
    });
    expect(await counts()).toEqual(before);
  });

  it("disabling ends the member's sessions at once (same transaction) and enabling does not revive them", async () => {
    const clerkSession = await sessionOf("clerk01", "kiosk-clerk-0001");
    const other = await sessionOf("clerk01", "kiosk-clerk-0001");
    const adminSession = jwt.sid!;

    jwt.sid = clerkSession;
    expect(await currentStaff()).toMatchObject({ login: "clerk01" });

    jwt.sid = adminSession;
    const clerk = await idOf("clerk01");
    expect(await setStaffDisabledAction(form({ staffUserId: clerk, disabled: "true" }))).toMatchObject({
      ok: true,
    });
    const sessions = await database.prisma.staffSession.findMany({
      where: { id: { in: [clerkSession, other] } },
    });
    expect(sessions.every((s) => s.revokedAt !== null)).toBe(true);
    const row = await database.prisma.auditLog.findFirstOrThrow({
      where: { action: "staff.account.disable" },
    });
    expect(row).toMatchObject({ staffLogin: "admin01", detail: { login: "clerk01" } });
    expect((row.detail as { revokedSessions: number }).revokedSessions).toBeGreaterThanOrEqual(2);

    jwt.sid = clerkSession;
    expect(await currentStaff()).toBeNull();
    expect((await signInStaff("clerk01", "kiosk-clerk-0001")).ok).toBe(false);

    jwt.sid = adminSession;
    expect(await setStaffDisabledAction(form({ staffUserId: clerk, disabled: "false" }))).toMatchObject({
      ok: true,
    });
    jwt.sid = clerkSession;
    expect(await currentStaff()).toBeNull();
    expect((await signInStaff("clerk01", "kiosk-clerk-0001")).ok).toBe(true);
  });

  it("a password reset ends the member's sessions; the new password works, the old one not", async () => {
    const clerkSession = await sessionOf("clerk01", "kiosk-clerk-0001");
    const clerk = await idOf("clerk01");
    const before = await counts();
    expect(await resetStaffPasswordAction(form({ staffUserId: clerk, password: "short" }))).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.stringContaining("12文字以上") },
    });
    expect(await counts()).toEqual(before);

    expect(
      await resetStaffPasswordAction(form({ staffUserId: clerk, password: "reset-pass-000001" })),
    ).toMatchObject({
      ok: true,
    });
    expect(
      (await database.prisma.staffSession.findUniqueOrThrow({ where: { id: clerkSession } })).revokedAt,
    ).not.toBeNull();
    expect((await signInStaff("clerk01", "kiosk-clerk-0001")).ok).toBe(false);
    expect((await signInStaff("clerk01", "reset-pass-000001")).ok).toBe(true);
    expect(
      await database.prisma.auditLog.findFirstOrThrow({ where: { action: "staff.account.password" } }),
    ).toMatchObject({ staffLogin: "admin01", detail: { login: "clerk01" } });
  });

  it("a staff-role member is refused every account action", async () => {
    jwt.sid = await sessionOf("staff01", "kiosk-staff-01");
    const before = await counts();
    expect(
      await createStaffAccountAction(
        form({ login: "sneaky", displayName: "x", role: "admin", password: "long-enough-pass" }),
      ),
    ).toEqual(FORBIDDEN);
    expect(
      await setStaffDisabledAction(form({ staffUserId: await idOf("admin01"), disabled: "true" })),
    ).toEqual(FORBIDDEN);
    expect(await counts()).toEqual(before);
  });
});

describe("agencies (R20)", () => {
  it("an admin switches 物品 (audited); staff are refused; junk writes nothing", async () => {
    expect(await setAgencyGoodsAction(form({ code: "112011", goods: "true" }))).toMatchObject({ ok: true });
    expect((await database.prisma.agency.findUniqueOrThrow({ where: { code: "112011" } })).goods).toBe(true);
    expect(
      await database.prisma.auditLog.findFirstOrThrow({ where: { action: "agency.goods" } }),
    ).toMatchObject({
      staffLogin: "admin01",
      detail: { code: "112011", from: false, to: true },
    });
    const before = await counts();
    expect(await setAgencyGoodsAction(form({ code: "999999", goods: "false" }))).toMatchObject({ ok: false });
    expect(await setAgencyGoodsAction(form({ code: "112011", goods: "maybe" }))).toMatchObject({ ok: false });
    jwt.sid = await sessionOf("staff01", "kiosk-staff-01");
    const afterSignIn = await counts();
    expect(afterSignIn.audit).toBe(before.audit + 1); // the sign-in itself
    expect(await setAgencyGoodsAction(form({ code: "112011", goods: "false" }))).toEqual(FORBIDDEN);
    expect((await database.prisma.agency.findUniqueOrThrow({ where: { code: "112011" } })).goods).toBe(true);
    expect(await counts()).toEqual(afterSignIn);
  });
});

describe("passwords at rest", () => {
  it("no staff password appears anywhere in the database file", async () => {
    let bytes: Buffer;
    if (database.url.startsWith("file:")) {
      // the file's bytes, free pages and journals included
      await database.prisma.$disconnect();
      const files = [database.file, `${database.file}-wal`, `${database.file}-journal`].filter((f) =>
        fs.existsSync(f),
      );
      bytes = Buffer.concat(files.map((f) => fs.readFileSync(f)));
    } else {
      // PostgreSQL: every row of every table, as text
      const rows: string[] = [];
      for (const table of Object.keys(await database.tableCounts())) {
        const found = await database.prisma.$queryRawUnsafe<{ j: string }[]>(
          `SELECT row_to_json(t)::text AS j FROM "${table}" t`,
        );
        rows.push(...found.map((r) => r.j));
      }
      expect(rows.join("\n")).toContain("$argon2id$");
      bytes = Buffer.from(rows.join("\n"), "utf8");
    }
    for (const password of PASSWORDS) {
      expect(bytes.includes(Buffer.from(password, "utf8")), password).toBe(false);
    }
    const hashes = await database.prisma.staffUser.findMany({ select: { passwordHash: true } });
    expect(hashes.every((h) => h.passwordHash.startsWith("$argon2id$"))).toBe(true);
  });
});
