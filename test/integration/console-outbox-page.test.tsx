// The staff's メール送信状況 (R40), moved from the open /outbox into the staff console: what is
// queued, sent or given up, why nothing leaves without RESEND_API_KEY, the status filter and 再送.
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import OutboxPage from "@/app/staff/outbox/page";
import OutboxMoved from "@/app/outbox/page";
import { freshDatabase } from "@/test/support/db";

const auth = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@/app/_server/staff/auth", () =>
  import("@/test/support/staff").then((m) => m.consolePageAuth(() => (auth.calls += 1))),
);
// The 再送 button is a client component that refreshes the router; no app router runs here.
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ refresh: () => undefined }),
}));

let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  database = await freshDatabase();
  await database.prisma.outboxEmail.createMany({
    data: [
      {
        idempotencyKey: "page-1",
        to: "nyusatsu@saitama-kensetsu.example.jp",
        subject: "利用者登録のお知らせ",
        text: "埼玉県電子入札共同システム\n本文の二行目",
        html: "h",
        // tried once, waiting for its retry
        attempts: 1,
        createdAt: new Date("2026-11-26T06:45:00.000Z"),
        nextAttemptAt: new Date("2026-11-26T06:47:00.000Z"),
      },
      {
        idempotencyKey: "page-2",
        to: "<b>x</b>@example.jp",
        subject: "利用者変更のお知らせ",
        text: "t",
        html: "h",
        status: "failed",
        attempts: 8,
        lastError: "internal_server_error (HTTP 500): stub failure",
        createdAt: new Date("2026-11-26T06:50:00.000Z"),
      },
      {
        idempotencyKey: "page-3",
        to: "sent@example.jp",
        subject: "ICカード更新のお知らせ",
        text: "t",
        html: "h",
        status: "sent",
        attempts: 1,
        sentAt: new Date("2026-11-26T06:30:05.000Z"),
        createdAt: new Date("2026-11-26T06:30:00.000Z"),
      },
      {
        // queued while no transport was configured: never tried
        idempotencyKey: "page-4",
        to: "queued@example.jp",
        subject: "未送信のお知らせ",
        text: "t",
        html: "h",
        createdAt: new Date("2026-11-26T06:00:00.000Z"),
        nextAttemptAt: new Date("2026-11-26T06:00:00.000Z"),
      },
    ],
  });
});

afterAll(async () => database.close());

afterEach(() => {
  delete process.env.RESEND_API_KEY;
  resetConfigForTests();
});

async function render(searchParams: Record<string, string> = {}): Promise<string> {
  return renderToStaticMarkup(await OutboxPage({ searchParams: Promise.resolve(searchParams) }));
}

describe("メール送信状況 (/staff/outbox)", () => {
  it("asks for a staff sign-in first", async () => {
    const before = auth.calls;
    await render();
    expect(auth.calls).toBe(before + 1);
  });

  it("lists each email newest first with its state, attempts, last error, next attempt and body", async () => {
    const html = await render();
    expect(html).toContain("<h1>メール送信状況</h1>");
    const failed = html.indexOf("送信失敗</span>");
    const pending = html.indexOf("送信待ち</span>");
    const sent = html.indexOf("送信済み</span>");
    expect(failed).toBeGreaterThan(0);
    expect(pending).toBeGreaterThan(failed);
    expect(sent).toBeGreaterThan(pending);
    expect(html).toContain("2026/11/26 15:45:00");
    // next attempt of the waiting email, in Tokyo time
    expect(html).toContain("2026/11/26 15:47:00");
    expect(html).toContain("internal_server_error (HTTP 500): stub failure");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;@example.jp");
    expect(html).toMatch(
      /<details><summary>利用者登録のお知らせ<\/summary><pre[^>]*>埼玉県電子入札共同システム\n本文の二行目<\/pre>/,
    );
    expect(html).toContain("送信待ち 2件・送信済み 1件・送信失敗 1件");
  });

  it("offers 再送 where a send was tried (failed, or waiting for its retry), never for a sent or never-tried one", async () => {
    const html = await render();
    expect(html).toContain('aria-label="再送: 利用者変更のお知らせ"');
    expect(html).toContain('aria-label="再送: 利用者登録のお知らせ"');
    expect(html).not.toContain('aria-label="再送: ICカード更新のお知らせ"');
    expect(html).not.toContain('aria-label="再送: 未送信のお知らせ"');
    expect(html).toContain("未送信（順次送信されます）");
  });

  it("filters by status; an unknown status is named at the field and lists nothing", async () => {
    const failedOnly = await render({ status: "failed" });
    expect(failedOnly).toContain("利用者変更のお知らせ");
    expect(failedOnly).not.toContain("利用者登録のお知らせ");
    const bad = await render({ status: "bogus" });
    expect(bad).toContain('id="field-status-error"');
    expect(bad).toContain("状態は 送信待ち・送信済み・送信失敗 から選んでください。");
    expect(bad).not.toContain("<table");
  });

  it("says that messages are kept here while RESEND_API_KEY is not set", async () => {
    expect(await render()).toContain("メールは送信されずにこの一覧に保管されています");
    process.env.RESEND_API_KEY = "re_test_key";
    resetConfigForTests();
    expect(await render()).not.toContain("保管されています");
  });
});

describe("/outbox", () => {
  it("is no longer an open page: it redirects to the staff console's outbox", () => {
    let thrown: unknown;
    try {
      OutboxMoved();
    } catch (error) {
      thrown = error;
    }
    expect(String((thrown as { digest?: string }).digest)).toContain("/staff/outbox");
  });
});
