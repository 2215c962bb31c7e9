// 受付票の確認 on a real SQLite file: a receipt's stored snapshot, its terminal and opener, its
// emails and its per-agency reflection.
import { describe, expect, it } from "vitest";
import { receiptView } from "@/app/_server/console/receipt";
import { consoleSuite, makeCard, makeReceipt } from "@/test/support/console";

const env = consoleSuite();

describe("受付票の確認 (receiptView)", () => {
  it("shows the stored snapshot, the terminal and its opener, the emails and the agencies; unknown → null", async () => {
    const staff = await env.prisma.staffUser.findUniqueOrThrow({ where: { login: "staff01" } });
    await env.prisma.terminal.create({ data: { id: "KIOSK-01" } });
    const opening = await env.prisma.terminalOpening.create({
      data: { terminalId: "KIOSK-01", openedById: staff.id, overrideReason: "閉庁日の来訪者対応" },
    });
    const card = await makeCard();
    const receipt = await makeReceipt(card, {
      number: "20261126-123456",
      targets: ["111007", "112011"],
      terminalOpeningId: opening.id,
    });
    await env.prisma.outboxEmail.create({
      data: {
        idempotencyKey: "receipt-20261126-123456",
        receiptId: receipt.id,
        to: "nyusatsu@saitama-kensetsu.example.jp",
        subject: "利用者登録のお知らせ",
        text: "t",
        html: "h",
      },
    });
    const view = await receiptView("20261126-123456");
    expect(view).toMatchObject({
      number: "20261126-123456",
      operation: "register",
      terminalId: "KIOSK-01",
      userId: "1000000001",
      cardRegistrationId: card.id,
      opening: { openedBy: { login: "staff01" }, overrideReason: "閉庁日の来訪者対応" },
      emails: [{ to: "nyusatsu@saitama-kensetsu.example.jp", status: "pending", attempts: 0 }],
    });
    expect(view!.layout.title).toBe("利用者情報登録結果");
    expect(view!.layout.header).toContainEqual(["受付番号", "20261126-123456"]);
    expect(view!.agencies.map((a) => a.status)).toEqual(["source", "pending", "pending"]);
    expect(await receiptView("20261126-999999")).toBeNull();
    expect(await receiptView("x".repeat(65))).toBeNull();
  });
});
