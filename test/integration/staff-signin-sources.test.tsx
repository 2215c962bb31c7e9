// Issue 12 leftover 3 (done in issue 13): 職員アカウント shows the source addresses refused after
// twenty failed sign-ins and how many made-up logins are locked (their text is never stored), and
// an admin ends a source's lock with a reason, audited with who and why.
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { hashPassword } from "@/app/_server/staff/passwords";
import { claimSignInAttempt, lockedSources } from "@/app/_server/staff/signin-throttle";
import AccountsPage from "@/app/staff/accounts/page";
import { unlockSignInSourceAction } from "@/app/staff/_actions/accounts";
import { FORBIDDEN } from "@/app/_shared/staff-contracts";
import { freshDatabase } from "@/test/support/db";
import { ADMIN, STAFF, who } from "@/test/support/staff";

vi.mock("@/app/_server/staff/auth", () => import("@/test/support/staff").then((m) => m.fakeStaffAuth()));
// the rows' forms are client components that refresh the router; no app router runs here
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ refresh: () => undefined }),
}));

let database: Awaited<ReturnType<typeof freshDatabase>>;

const made = (login: string) => ({ login, staffUserId: null });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

/** The page's text, without React's separators between text and expressions. */
async function accountsPage(): Promise<string> {
  return renderToStaticMarkup(await AccountsPage()).replace(/<!-- -->/g, "");
}

async function unlockAudits() {
  return database.prisma.auditLog.findMany({
    where: { action: "staff.signin.unlockSource" },
    orderBy: { seq: "asc" },
  });
}

beforeAll(async () => {
  database = await freshDatabase();
  resetConfigForTests();
  await database.prisma.staffUser.create({
    data: {
      login: "admin01",
      displayName: "管理者",
      role: "admin",
      passwordHash: await hashPassword("kiosk-admin-01"),
    },
  });
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  await database.prisma.staffSignInCounter.deleteMany();
  who.staff = ADMIN;
});

/** 192.0.2.10: twenty made-up logins, locked. 192.0.2.11: five tries of one made-up login, which locks that login only. */
async function lockSome(now: Date) {
  for (let i = 0; i < 20; i++) await claimSignInAttempt(made(`guess-${i}`), "192.0.2.10", now);
  for (let i = 0; i < 5; i++) await claimSignInAttempt(made("nobody"), "192.0.2.11", now);
}

describe("issue 12 leftover 3: locked sign-in sources on 職員アカウント", () => {
  it("shows the locked source address with ロック解除 and counts the locked made-up logins", async () => {
    const quiet = await accountsPage();
    expect(quiet).toContain("ロック中の接続元はありません。");
    expect(quiet).not.toContain("職員にないログイン名のロック");

    await lockSome(new Date());
    const page = await accountsPage();
    expect(page).toContain("ロック中の接続元（1件）");
    expect(page).toContain('<th scope="row">192.0.2.10</th>');
    expect(page).toContain('aria-label="接続元 192.0.2.10 のロック解除"');
    expect(page).toContain('name="source" value="192.0.2.10"');
    // five failures do not lock an address
    expect(page).not.toContain("192.0.2.11");
    expect(page).toContain("職員にないログイン名のロック: 1件");
    expect(page).not.toContain("nobody");
  });

  it("an admin unlocks a source with a reason, audited; a staff member cannot; bad input changes nothing", async () => {
    await lockSome(new Date());
    expect(await claimSignInAttempt(made("someone"), "192.0.2.10", new Date())).toMatchObject({
      throttled: true,
    });

    who.staff = STAFF;
    expect(await unlockSignInSourceAction(form({ source: "192.0.2.10", reason: "確認済み" }))).toEqual(
      FORBIDDEN,
    );
    who.staff = ADMIN;
    expect(await unlockSignInSourceAction(form({ source: "192.0.2.10", reason: " " }))).toMatchObject({
      ok: false,
      fieldErrors: { reason: "解除の理由を入力してください。" },
    });
    expect(
      await unlockSignInSourceAction(form({ source: "not-an-address", reason: "確認済み" })),
    ).toMatchObject({ ok: false, fieldErrors: { source: "対象の接続元が見つかりません。" } });
    expect((await lockedSources(new Date())).map((s) => s.source)).toEqual(["192.0.2.10"]);
    expect(await unlockAudits()).toEqual([]);

    expect(
      await unlockSignInSourceAction(form({ source: "192.0.2.10", reason: "事務所の共用回線と確認" })),
    ).toEqual({ ok: true, message: "接続元 192.0.2.10 のサインインのロックを解除しました。" });
    expect(await lockedSources(new Date())).toEqual([]);
    expect(await claimSignInAttempt(made("someone"), "192.0.2.10", new Date())).toMatchObject({
      throttled: false,
    });
    const audits = await unlockAudits();
    expect(audits.map((a) => ({ staffLogin: a.staffLogin, outcome: a.outcome, detail: a.detail }))).toEqual([
      {
        staffLogin: "admin01",
        outcome: "ok",
        detail: { source: "192.0.2.10", reason: "事務所の共用回線と確認" },
      },
    ]);

    // not locked any more: said so, and nothing audited
    expect(await unlockSignInSourceAction(form({ source: "192.0.2.10", reason: "念のため" }))).toEqual({
      ok: true,
      message: "接続元 192.0.2.10 はロックされていません。",
    });
    expect(await unlockAudits()).toHaveLength(1);
    expect(await accountsPage()).toContain("ロック中の接続元はありません。");
  });
});
