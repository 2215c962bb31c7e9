// /staff/batch rendered on real SQLite rows (server component to static HTML): the next run in
// Tokyo time, the per-agency counts, the last runs with their trigger, status and error, and the
// 今すぐ実行 button; a staff page like the others (requireStaffPage first).
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runNightlyBatch } from "@/app/_server/batch/propagation";
import { resetConfigForTests } from "@/app/_server/config";
import BatchPage from "@/app/staff/batch/page";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "@/test/support/db";
import { freshCardReader, registerDemoCard } from "@/test/support/kiosk";

const guard = vi.hoisted(() => ({ calls: [] as string[] }));

vi.mock("@/app/_server/staff/auth", () =>
  import("@/test/support/staff").then((m) => m.consolePageAuth((role) => guard.calls.push(role))),
);
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));
vi.mock("@/app/_server/email/dispatcher", () => ({ kickOutbox: async () => undefined }));

let env: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
  process.env.TERMINAL_ID = "BAT-PAGE";
  resetConfigForTests();
  await freshCardReader();
});
afterAll(() => env.close());

describe("/staff/batch", () => {
  it("shows the next 02:00 run, pending work per agency, the runs and 今すぐ実行", async () => {
    await registerDemoCard("DEMO-A");
    let page = renderToStaticMarkup(await BatchPage());
    expect(guard.calls).toEqual(["staff"]);
    expect(page).toContain("夜間反映");
    expect(page).toMatch(/次回の定時実行（日本時間）<\/dt><dd>\d{4}\/\d{2}\/\d{2} 02:00:00<\/dd>/);
    expect(page).toContain("まだ実行されていません。");
    expect(page).toMatch(
      /さいたま市（111007）<\/td><td class="batch-number">1件<\/td><td class="batch-number">0件/,
    );
    expect(page).toContain("今すぐ実行");

    const run = await runNightlyBatch({ trigger: "manual", staffLogin: "staff01" });
    expect(run.ok).toBe(true);
    await env.prisma.batchRun.create({
      data: {
        trigger: "schedule",
        status: "failed",
        error: "disk I/O error",
        startedAt: new Date(Date.now() - 86_400_000),
        finishedAt: new Date(Date.now() - 86_400_000),
      },
    });
    page = renderToStaticMarkup(await BatchPage());
    expect(page).toMatch(
      /さいたま市（111007）<\/td><td class="batch-number">0件<\/td><td class="batch-number">1件/,
    );
    expect(page).toContain("手動（今すぐ実行）");
    expect(page).toContain('<span class="status-badge status-done">完了</span>');
    expect(page).toContain('<span class="status-badge status-failed">失敗</span>');
    expect(page).toContain("disk I/O error");
    // latest first
    expect(page.indexOf("status-done")).toBeLessThan(page.indexOf("status-failed"));
  });

  it("issue 13 item 4: shows how many renewal reminders each run queued", async () => {
    await registerDemoCard("DEMO-H"); // expires in 20 days: the 30-day reminder
    const run = await runNightlyBatch({ trigger: "manual", staffLogin: "staff01" });
    expect(run.ok && run.reminders).toBe(1);
    const page = renderToStaticMarkup(await BatchPage());
    expect(page).toContain('<th scope="col">更新案内メール</th>');
    // the latest run: applied 2 (DEMO-H to さいたま市 and 川越市), 1 reminder
    expect(page).toMatch(/<td class="batch-number">2件<\/td><td class="batch-number">1件<\/td>/);
    expect(page).toContain('href="/staff/expiring"');
  });
});
