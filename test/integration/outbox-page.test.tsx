// The staff's 送信待ちメール一覧 (R40): what is queued, sent or given up, and why nothing leaves
// without RESEND_API_KEY.
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import OutboxPage from "@/app/outbox/page";
import { freshDatabase } from "@/test/support/db";

let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  database = await freshDatabase();
  await database.prisma.outboxEmail.createMany({
    data: [
      {
        idempotencyKey: "page-1",
        to: "nyusatsu@saitama-kensetsu.example.jp",
        subject: "利用者登録のお知らせ",
        text: "t",
        html: "h",
        createdAt: new Date("2026-11-26T06:45:00.000Z"),
      },
      {
        idempotencyKey: "page-2",
        to: "<b>x</b>@example.jp",
        subject: "利用者登録のお知らせ",
        text: "t",
        html: "h",
        status: "failed",
        attempts: 8,
        lastError: "internal_server_error (HTTP 500): stub failure",
        createdAt: new Date("2026-11-26T06:50:00.000Z"),
      },
    ],
  });
});

afterAll(async () => database.close());

afterEach(() => {
  delete process.env.RESEND_API_KEY;
  resetConfigForTests();
});

async function render(): Promise<string> {
  return renderToStaticMarkup(await OutboxPage());
}

describe("送信待ちメール一覧", () => {
  it("lists each email newest first with its state, attempts and last error", async () => {
    const html = await render();
    expect(html).toContain("<h1>送信待ちメール一覧</h1>");
    const failed = html.indexOf("送信失敗");
    const pending = html.indexOf("送信待ち</td>");
    expect(failed).toBeGreaterThan(0);
    expect(pending).toBeGreaterThan(failed);
    expect(html).toContain("2026/11/26 15:45:00");
    expect(html).toContain("internal_server_error (HTTP 500): stub failure");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;@example.jp");
  });

  it("says that messages are kept here while RESEND_API_KEY is not set", async () => {
    expect(await render()).toContain("メールは送信されずにこの一覧に保管されています");
    process.env.RESEND_API_KEY = "re_test_key";
    resetConfigForTests();
    expect(await render()).not.toContain("保管されています");
  });
});
