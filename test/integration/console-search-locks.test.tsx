// 検索ロック (R11) in the staff console on a real SQLite file: the locked user IDs and the
// terminals' alarms on their pages, and the lift through the staff action (who and why audited).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { TERMINAL_ALARM_FAILURES } from "@/app/_server/console/search-alarm";
import SearchLocksPage from "@/app/staff/search-locks/page";
import TodayPage from "@/app/staff/page";
import { liftSearchLockAction } from "@/app/staff/_actions/search-locks";
import { UNAUTHORIZED } from "@/app/_shared/staff-contracts";
import { auditRows, consoleAuth as auth, consoleSuite } from "@/test/support/console";
import { STAFF } from "@/test/support/staff";

vi.mock("@/app/_server/staff/auth", () =>
  import("@/test/support/console").then((m) => m.fakeConsoleStaffAuth()),
);
// the lift form is a client component that refreshes the router; no app router runs here
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ refresh: () => undefined }),
}));

const env = consoleSuite();

async function failures(rows: { userId: string; terminalId: string }[]) {
  const now = Date.now();
  await env.prisma.searchAttempt.createMany({
    data: rows.map((row, i) => ({ ...row, succeeded: false, createdAt: new Date(now - 60_000 + i) })),
  });
}

describe("検索ロック (R11)", () => {
  it("R11: a terminal where failures pile up shows an alarm on 本日の受付 and 検索ロック, not a lock", async () => {
    await env.prisma.searchAttempt.deleteMany();
    await failures(
      Array.from({ length: TERMINAL_ALARM_FAILURES }, (_, i) => ({
        userId: `10000001${String(i).padStart(2, "0")}`,
        terminalId: "KIOSK-09",
      })),
    );
    auth.staff = STAFF;
    const today = renderToStaticMarkup(await TodayPage());
    expect(today).toContain("検索の失敗が続いている端末があります");
    expect(today).toContain(`端末 KIOSK-09：資格審査情報の検索の失敗 ${TERMINAL_ALARM_FAILURES}件`);
    const locks = renderToStaticMarkup(await SearchLocksPage());
    expect(locks).toContain("KIOSK-09");
    // ten user IDs with one failure each: none of them is locked
    expect(locks).toContain("検索ロック中のユーザIDはありません。");
  });

  it("R11: staff lift a user ID's lock through the console — refused without a session, audited with who and why", async () => {
    await env.prisma.searchAttempt.deleteMany();
    await failures(Array.from({ length: 5 }, () => ({ userId: "1000000001", terminalId: "KIOSK-01" })));
    auth.staff = STAFF;
    expect(renderToStaticMarkup(await SearchLocksPage())).toContain("<td>1000000001</td>");

    const form = new FormData();
    form.set("userId", "1000000001");
    form.set("reason", "窓口で本人確認済み");
    auth.staff = null;
    expect(await liftSearchLockAction(null, form)).toEqual(UNAUTHORIZED);
    expect(await auditRows("search.unlock")).toHaveLength(0);

    auth.staff = STAFF;
    const empty = new FormData();
    empty.set("userId", "1000000001");
    expect(await liftSearchLockAction(null, empty)).toMatchObject({
      ok: false,
      fieldErrors: { reason: "解除の理由を入力してください。" },
    });
    expect(await liftSearchLockAction(null, form)).toEqual({
      ok: true,
      message: "ユーザID 1000000001 の検索ロックを解除しました。",
    });
    const [entry] = await auditRows("search.unlock");
    expect(entry).toMatchObject({ outcome: "ok", staffLogin: STAFF.login, userId: "1000000001" });
    expect(entry!.detail).toEqual({ reason: "窓口で本人確認済み" });
    expect(renderToStaticMarkup(await SearchLocksPage())).toContain("検索ロック中のユーザIDはありません。");
  });
});
