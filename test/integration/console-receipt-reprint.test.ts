// 受付票の再印刷 (R41) on a real SQLite file: any signed-in staff member may reprint, audited; without
// staff, only the kiosk visit that made the receipt may print it, and only while the visit lasts.
import { describe, expect, it, vi } from "vitest";
import { canViewReceipt } from "@/app/_server/receipts/access";
import { receiptPdfResponse } from "@/app/_server/receipts/http";
import {
  agencyId,
  auditRows,
  consoleAuth as auth,
  consoleSuite,
  makeCard,
  makeReceipt,
  visitCookie as cookie,
} from "@/test/support/console";
import { STAFF } from "@/test/support/staff";

vi.mock("@/app/_server/staff/auth", () =>
  import("@/test/support/console").then((m) => m.fakeConsoleStaffAuth()),
);
vi.mock("next/headers", () => import("@/test/support/console").then((m) => m.fakeVisitCookies()));

const env = consoleSuite();
// keeps the visits' session ids unique within the file's database
let seq = 0;

describe("受付票の再印刷 (canViewReceipt)", () => {
  async function visit(receiptId: string | null, opts: { endedAt?: Date } = {}) {
    const agency = await agencyId("110000");
    const session = await env.prisma.kioskSession.create({
      data: {
        id: `visit-${++seq}`,
        terminalId: "KIOSK-01",
        agencyId: agency,
        kind: "construction",
        expiresAt: new Date(Date.now() + 10 * 60_000),
        receiptId,
        endedAt: opts.endedAt,
      },
    });
    return session.id;
  }

  it("lets a signed-in staff member reprint any receipt, audited as receipt.reprint", async () => {
    const card = await makeCard();
    await makeReceipt(card, { number: "20261126-200001" });
    auth.staff = STAFF;
    expect(await canViewReceipt("20261126-200001")).toBe(true);
    const [entry] = (await auditRows("receipt.reprint")).slice(-1);
    expect(entry).toMatchObject({ outcome: "ok", staffLogin: "staff01", userId: "1000000001" });
    expect(entry!.detail).toEqual({ receipt: "20261126-200001" });

    const pdf = await receiptPdfResponse("20261126-200001");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const unknown = await receiptPdfResponse("20261126-299999");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("指定された受付番号の受付票は見つかりません。");
  });

  it("refuses without a session of either kind, and keeps the kiosk visit rule as it was", async () => {
    const card = await makeCard();
    const mine = await makeReceipt(card, { number: "20261126-300001" });
    await makeReceipt(card, { number: "20261126-300002" });
    const reprints = (await auditRows("receipt.reprint")).length;

    expect(await canViewReceipt("20261126-300001")).toBe(false);
    expect((await receiptPdfResponse("20261126-300001")).status).toBe(403);

    // the visit that made the receipt may print it, without asking for staff
    cookie.value = await visit(mine.id);
    const asked = auth.asked;
    expect(await canViewReceipt("20261126-300001")).toBe(true);
    expect(auth.asked).toBe(asked);
    // not another receipt, and not once the visit has ended
    expect(await canViewReceipt("20261126-300002")).toBe(false);
    await env.prisma.kioskSession.update({ where: { id: cookie.value }, data: { endedAt: new Date() } });
    expect(await canViewReceipt("20261126-300001")).toBe(false);
    // a visit that made nothing
    cookie.value = await visit(null);
    expect(await canViewReceipt("20261126-300001")).toBe(false);
    expect(await auditRows("receipt.reprint")).toHaveLength(reprints);
  });
});
