// The kiosk page and /staff/terminal rendered on real SQLite rows (server components to static
// HTML): the closed screen until staff open the terminal, the kiosk after; the staff page's state,
// buttons and recent openings.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { closeTerminal, openTerminal } from "@/app/_server/visit/terminals";
import KioskPage from "@/app/page";
import TerminalPage from "@/app/staff/terminal/page";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "@/test/support/db";

vi.mock("@/app/_server/staff/auth", () => import("@/test/support/staff").then((m) => m.consolePageAuth()));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));
// the outbox dispatcher the kiosk page kicks is not this test's subject
vi.mock("@/app/_server/email/dispatcher", () => ({ kickOutbox: async () => undefined }));

let env: Awaited<ReturnType<typeof freshDatabase>>;
let staff: { id: string; login: string };
let terminal = 0;

const html = async (page: () => Promise<ReactElement>) => renderToStaticMarkup(await page());

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
  staff = await env.prisma.staffUser.upsert({
    where: { login: "page-staff" },
    create: { login: "page-staff", displayName: "画面 係員", passwordHash: "-", role: "staff" },
    update: {},
  });
});
afterAll(() => env.close());
beforeEach(() => {
  process.env.TERMINAL_ID = `PAGE-${++terminal}`;
  resetConfigForTests();
});

describe("the kiosk page", () => {
  it("shows the closed screen with the hours and the 係員用 link until the terminal is opened", async () => {
    const page = await html(KioskPage);
    expect(page).toMatch(/ただいま受付時間外です|受付準備中です。<br\/>係員にお声がけください。/);
    expect(page).toContain("平日 8:30〜20:00（土日祝日・年末年始を除く）");
    expect(page).toContain('href="/staff/terminal"');
    expect(page).not.toContain("調達機関");
  });

  it("shows the kiosk once staff opened the terminal, and the closed screen again after closing", async () => {
    // with a reason: accepted whatever the hour this test runs at
    expect((await openTerminal(staff, { reason: "画面テスト" })).ok).toBe(true);
    const open = await html(KioskPage);
    expect(open).not.toContain("受付時間外");
    expect(open).not.toContain("受付準備中");
    expect((await closeTerminal(staff)).ok).toBe(true);
    expect(await html(KioskPage)).toMatch(/ただいま受付時間外です|受付準備中です/);
  });
});

describe("/staff/terminal", () => {
  it("offers 受付を開始 for a terminal nobody opened", async () => {
    const page = await html(TerminalPage);
    expect(page).toContain(process.env.TERMINAL_ID);
    expect(page).toContain("受付停止中");
    expect(page).toContain("受付を開始");
    expect(page).not.toContain(">受付を終了<");
    expect(page).toContain("この端末はまだ開始されていません。");
  });

  it("shows who opened it and why, 受付を終了, the way back to the kiosk and the openings", async () => {
    expect((await openTerminal(staff, { reason: "閉庁後の来庁者" })).ok).toBe(true);
    const page = await html(TerminalPage);
    expect(page).toContain("受付中");
    expect(page).toContain("画面 係員（page-staff）");
    expect(page).toContain("閉庁後の来庁者");
    expect(page).toContain(">受付を終了<");
    expect(page).toContain("キオスク画面へ（サインアウト）");
    expect(page).toContain("（開始中）");
  });
});
