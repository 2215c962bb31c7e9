// 監査ログ viewer on real SQLite: latest first by seq, 50 a page with a validated cursor, filters by
// Tokyo day, action prefix, terminal, outcome and user ID; a bad filter is named at its field.
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listAudit, parseAuditFilters, type AuditFilters } from "@/app/_server/console/audit";
import AuditPage from "@/app/staff/audit/page";
import { freshDatabase } from "@/test/support/db";

vi.mock("@/app/_server/staff/auth", () => import("@/test/support/staff").then((m) => m.consolePageAuth()));

let env: Awaited<ReturnType<typeof freshDatabase>>;
const ACTIONS = ["search", "registration.create", "registration.change", "email.retry"];
const OUTCOMES = ["ok", "refused", "error"];

beforeAll(async () => {
  env = await freshDatabase();
  // 120 rows, one every 15 minutes from 2026-11-25 12:00 JST (03:00Z): seq 1–48 on the 25th
  // (JST), 49–120 on the 26th. Straight rows: the viewer reads, it does not check the chain.
  const start = Date.parse("2026-11-25T03:00:00Z");
  await env.prisma.auditLog.createMany({
    data: Array.from({ length: 120 }, (_, i) => ({
      seq: i + 1,
      prevHash: "",
      hash: `h${i + 1}`,
      createdAt: new Date(start + i * 15 * 60_000),
      terminalId: i % 2 === 0 ? "KIOSK-01" : "KIOSK-02",
      staffLogin: ACTIONS[i % 4] === "email.retry" ? "staff01" : null,
      action: ACTIONS[i % 4]!,
      outcome: OUTCOMES[i % 3]!,
      userId: i % 5 === 0 ? "1000000001" : null,
      detail: { n: i + 1 },
    })),
  });
});
afterAll(() => env.close());

function filters(input: Record<string, string>): AuditFilters {
  const parsed = parseAuditFilters(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.filters;
}

describe("listAudit", () => {
  it("pages latest first, 50 rows a page, by seq cursor to the last page", async () => {
    const first = await listAudit(filters({}));
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.seq).toBe(120);
    expect(first.rows[49]!.seq).toBe(71);
    expect(first.nextBefore).toBe(71);
    const second = await listAudit(filters({ before: "71" }));
    expect(second.rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 70 - i));
    const last = await listAudit(filters({ before: String(second.nextBefore) }));
    expect(last.rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(last.nextBefore).toBeNull();
    expect(first.rows[0]).toMatchObject({
      terminalId: "KIOSK-02",
      action: "email.retry",
      staffLogin: "staff01",
    });
    expect(first.rows[0]!.detail).toEqual({ n: 120 });
  });

  it("filters by Tokyo day: the 25th ends at 15:00Z", async () => {
    const day25 = await listAudit(filters({ date: "2026-11-25" }), 500);
    expect(day25.rows.map((r) => r.seq)).toEqual(Array.from({ length: 48 }, (_, i) => 48 - i));
    // seq 48 is 2026-11-25T14:45Z (23:45 JST), seq 49 is 15:00Z (00:00 JST on the 26th)
    const day26 = await listAudit(filters({ date: "2026-11-26" }), 500);
    expect(day26.rows.at(-1)!.seq).toBe(49);
    expect(day26.rows).toHaveLength(72);
    expect((await listAudit(filters({ date: "2026-11-27" }))).rows).toHaveLength(0);
  });

  it("filters by action prefix, terminal, outcome and user ID, together", async () => {
    const registration = await listAudit(filters({ action: "registration." }), 500);
    expect(registration.rows).toHaveLength(60);
    expect(new Set(registration.rows.map((r) => r.action))).toEqual(
      new Set(["registration.create", "registration.change"]),
    );
    expect((await listAudit(filters({ action: "email.retry" }), 500)).rows).toHaveLength(30);
    const k1 = await listAudit(filters({ terminal: "KIOSK-01" }), 500);
    expect(k1.rows.every((r) => r.terminalId === "KIOSK-01")).toBe(true);
    expect(k1.rows).toHaveLength(60);
    const refused = await listAudit(filters({ outcome: "refused" }), 500);
    expect(refused.rows.every((r) => r.outcome === "refused")).toBe(true);
    expect(refused.rows).toHaveLength(40);
    const user = await listAudit(filters({ userId: "1000000001" }), 500);
    expect(user.rows).toHaveLength(24);
    const all = await listAudit(
      filters({
        date: "2026-11-26",
        action: "search",
        terminal: "KIOSK-01",
        outcome: "ok",
        userId: "1000000001",
      }),
      500,
    );
    // i ≡ 0 (mod 4), (mod 3), (mod 5), i ≥ 48: i = 60
    expect(all.rows.map((r) => r.seq)).toEqual([61]);
  });

  it("names each bad filter at its field", () => {
    expect(parseAuditFilters({ date: "2026-02-30" })).toMatchObject({
      ok: false,
      fieldErrors: { date: expect.any(String) },
    });
    expect(parseAuditFilters({ date: "26/11/2026" })).toMatchObject({ ok: false });
    expect(parseAuditFilters({ action: "registration%" })).toMatchObject({
      fieldErrors: { action: expect.any(String) },
    });
    expect(parseAuditFilters({ terminal: "KIOSK 01" })).toMatchObject({
      fieldErrors: { terminal: expect.any(String) },
    });
    expect(parseAuditFilters({ outcome: "success" })).toMatchObject({
      fieldErrors: { outcome: expect.any(String) },
    });
    expect(parseAuditFilters({ userId: "１０００００００01" })).toMatchObject({
      fieldErrors: { userId: expect.any(String) },
    });
    expect(parseAuditFilters({ before: "-1" })).toMatchObject({
      fieldErrors: { before: expect.any(String) },
    });
    expect(parseAuditFilters({ before: "1e3" })).toMatchObject({
      fieldErrors: { before: expect.any(String) },
    });
    expect(parseAuditFilters({ date: " 2026-11-26 ", outcome: "refused", before: "10" })).toEqual({
      ok: true,
      filters: { date: "2026-11-26", outcome: "refused", before: 10 },
    });
  });
});

async function render(searchParams: Record<string, string>): Promise<string> {
  return renderToStaticMarkup(await AuditPage({ searchParams: Promise.resolve(searchParams) }));
}

describe("監査ログ page", () => {
  it("shows seq, Tokyo time, terminal, staff, action, outcome, user ID and compact detail, with a next-page link", async () => {
    const html = await render({ terminal: "KIOSK-02" });
    expect(html).toContain("<h1>監査ログ</h1>");
    expect(html).toContain("改ざん検査");
    // seq 118 (i = 117): 2026-11-25T03:00Z + 117 × 15 min = 2026-11-26T08:15Z = 17:15 JST
    expect(html).toContain("2026/11/26 17:15:00");
    expect(html).toContain("{&quot;n&quot;:118}");
    expect(html).toContain(
      '<td class="audit-number">120</td><td>2026/11/26 17:45:00</td><td>KIOSK-02</td><td>staff01</td><td>email.retry</td>',
    );
    // 60 rows at KIOSK-02: the next page keeps the filter; the second page links back to the latest
    expect(html).toContain('href="/staff/audit?terminal=KIOSK-02&amp;before=22"');
    const second = await render({ terminal: "KIOSK-02", before: "22" });
    expect(second).toContain('href="/staff/audit?terminal=KIOSK-02"');
    expect(second).toContain('<td class="audit-number">20</td>');
    expect(second).not.toContain("次の50件");
  });

  it("names a bad filter at its field and lists nothing", async () => {
    const html = await render({ userId: "12345", date: "2026-13-01" });
    expect(html).toContain('id="field-userId-error"');
    expect(html).toContain('aria-describedby="field-userId-error"');
    expect(html).toContain("ユーザIDは半角数字10桁で入力してください。");
    expect(html).toContain('id="field-date-error"');
    expect(html).not.toContain("<table");
  });
});
