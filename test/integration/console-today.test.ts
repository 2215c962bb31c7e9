// 本日の受付 on a real SQLite file: the Tokyo day's operations by terminal, who opened each terminal,
// refused attempts, and where the Tokyo day boundary falls.
import { describe, expect, it } from "vitest";
import { todayOverview } from "@/app/_server/console/today";
import { consoleSuite, makeCard, makeReceipt } from "@/test/support/console";

const env = consoleSuite();

describe("本日の受付 (todayOverview)", () => {
  it("groups the Tokyo day's operations by terminal with counts, opened-by staff and refused attempts", async () => {
    const staff = await env.prisma.staffUser.findUniqueOrThrow({ where: { login: "staff01" } });
    await env.prisma.terminal.create({ data: { id: "KIOSK-02" } });
    await env.prisma.terminal.create({ data: { id: "KIOSK-03" } });
    const opening = await env.prisma.terminalOpening.create({
      data: { terminalId: "KIOSK-02", openedById: staff.id, openedAt: new Date("2026-11-26T00:00:00Z") },
    });
    const card = await makeCard();
    // 2026-11-26 JST runs from 11-25T15:00Z to 11-26T15:00Z
    await makeReceipt(card, { number: "20261125-000001", createdAt: new Date("2026-11-25T14:59:59Z") });
    await makeReceipt(card, { number: "20261126-000001", createdAt: new Date("2026-11-25T15:00:00Z") });
    await makeReceipt(card, {
      number: "20261126-000002",
      operation: "change",
      createdAt: new Date("2026-11-26T02:00:00Z"),
      terminalId: "KIOSK-02",
      terminalOpeningId: opening.id,
    });
    await makeReceipt(card, {
      number: "20261126-000003",
      operation: "renewal",
      createdAt: new Date("2026-11-26T14:59:59Z"),
      terminalId: "KIOSK-02",
      terminalOpeningId: opening.id,
    });
    await makeReceipt(card, { number: "20261127-000001", createdAt: new Date("2026-11-26T15:00:00Z") });
    // refused / failed attempts: straight rows, so their times can sit on either side of midnight
    const base = (await env.prisma.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).seq + 1000;
    const attempt = (n: number, terminalId: string, outcome: string, at: string, action = "search") =>
      env.prisma.auditLog.create({
        data: {
          seq: base + n,
          prevHash: "",
          hash: `h${n}`,
          terminalId,
          action,
          outcome,
          createdAt: new Date(at),
        },
      });
    await attempt(1, "KIOSK-01", "refused", "2026-11-25T16:00:00Z");
    await attempt(2, "KIOSK-01", "refused", "2026-11-26T10:00:00Z");
    await attempt(3, "KIOSK-01", "error", "2026-11-26T11:00:00Z");
    await attempt(4, "KIOSK-01", "ok", "2026-11-26T11:00:00Z");
    await attempt(5, "KIOSK-02", "refused", "2026-11-25T14:00:00Z");
    // a staff sign-in refused on the same server is not a walk-in's attempt
    await attempt(6, "KIOSK-01", "refused", "2026-11-26T10:30:00Z", "staff.signin");
    await attempt(7, "KIOSK-01", "refused", "2026-11-26T10:40:00Z", "card.proof");

    const day = await todayOverview(new Date("2026-11-26T09:00:00Z"));
    expect(day.day).toBe("2026-11-26");
    expect(day.totals).toEqual({ register: 1, change: 1, renewal: 1 });
    expect(day.terminals.map((t) => t.terminalId)).toEqual(["KIOSK-01", "KIOSK-02", "KIOSK-03"]);
    const [k1, k2, k3] = day.terminals;
    expect(k1!.counts).toEqual({ register: 1, change: 0, renewal: 0 });
    expect(k1!.operations.map((o) => o.number)).toEqual(["20261126-000001"]);
    expect(k1!.operations[0]).toMatchObject({
      userId: "1000000001",
      kind: "construction",
      agencyName: "埼玉県",
      openedBy: null,
    });
    expect([k1!.refused, k1!.errors]).toEqual([3, 1]);
    expect(k2!.counts).toEqual({ register: 0, change: 1, renewal: 1 });
    expect(k2!.operations.map((o) => o.number)).toEqual(["20261126-000002", "20261126-000003"]);
    expect(k2!.operations[0]!.openedBy).toEqual({ login: "staff01", displayName: staff.displayName });
    expect(k2!.refused).toBe(0);
    // a known terminal with nothing today still shows
    expect(k3).toMatchObject({ counts: { register: 0, change: 0, renewal: 0 }, operations: [] });

    const next = await todayOverview(new Date("2026-11-26T15:00:00Z"));
    expect(next.day).toBe("2026-11-27");
    expect(next.terminals.flatMap((t) => t.operations.map((o) => o.number))).toEqual(["20261127-000001"]);
    const before = await todayOverview(new Date("2026-11-25T14:59:59Z"));
    expect(before.day).toBe("2026-11-25");
    expect(before.terminals.flatMap((t) => t.operations.map((o) => o.number))).toEqual(["20261125-000001"]);
    expect(before.terminals.find((t) => t.terminalId === "KIOSK-02")!.refused).toBe(1);
  });
});
