// A registration's page on a real SQLite file: per-agency status of a card and of a receipt
// (反映済み / 反映待ち / 対象外 / 終了, R21, R22), its receipts, the renewal links and 代表窓口情報.
import { describe, expect, it } from "vitest";
import { cardAgencyStatus, receiptAgencyStatus } from "@/app/_server/console/agency-status";
import { registrationDetail } from "@/app/_server/console/registrations";
import { receiptFixture } from "@/test/fixtures/receipt-data";
import { applyTask, consoleSuite, makeCard, makeReceipt } from "@/test/support/console";

const env = consoleSuite();

describe("a registration's history and per-agency status", () => {
  it("shows 反映済み / 反映待ち / 対象外 / 終了 per agency, receipts and the renewal links", async () => {
    // 1000000001 工事 holds 埼玉県, さいたま市, 川越市
    const old = await makeCard({ serial: "1111" });
    const registered = await makeReceipt(old, { number: "20261120-000001", targets: ["111007", "112011"] });
    expect((await cardAgencyStatus(old.id)).map((s) => [s.agency.name, s.status, s.registeredHere])).toEqual([
      ["埼玉県", "applied", true],
      ["さいたま市", "pending", false],
      ["川越市", "pending", false],
    ]);
    await applyTask(registered.id, "111007", new Date("2026-11-20T17:00:00Z"));
    await applyTask(registered.id, "112011", new Date("2026-11-20T17:00:00Z"));

    // ICカード更新 to a new card, R22 not chosen: only 埼玉県 has the new card
    const renewed = await makeCard({ serial: "2222" });
    await env.prisma.cardRegistration.update({
      where: { id: old.id },
      data: { status: "replaced", replacedById: renewed.id },
    });
    await env.prisma.agencyRegistration.update({
      where: { cardRegistrationId_agencyId: { cardRegistrationId: old.id, agencyId: old.agencyId } },
      data: { endedAt: new Date("2026-11-26T03:00:00Z") },
    });
    const renewal = await makeReceipt(renewed, { number: "20261126-000009", operation: "renewal" });

    const oldStatus = await cardAgencyStatus(old.id);
    expect(oldStatus.map((s) => [s.agency.name, s.status])).toEqual([
      ["埼玉県", "ended"],
      ["さいたま市", "applied"],
      ["川越市", "applied"],
    ]);
    expect(oldStatus[1]!.reflectedAt).toEqual(new Date("2026-11-20T17:00:00Z"));
    expect(oldStatus[0]!.endedAt).toEqual(new Date("2026-11-26T03:00:00Z"));
    expect((await cardAgencyStatus(renewed.id)).map((s) => [s.agency.name, s.status])).toEqual([
      ["埼玉県", "applied"],
      ["さいたま市", "excluded"],
      ["川越市", "excluded"],
    ]);

    const detail = await registrationDetail(old.id);
    expect(detail).toMatchObject({
      status: "replaced",
      qualification: { userId: "1000000001", officialName: "株式会社さいたま建設" },
      receipts: [{ number: "20261120-000001", operation: "register", agencyName: "埼玉県" }],
      replaces: null,
      replacedBy: { id: renewed.id, serialNumber: "2222" },
    });
    expect(detail!.representative).toBeNull();
    const newer = await registrationDetail(renewed.id);
    expect(newer).toMatchObject({
      status: "active",
      replaces: { id: old.id, status: "replaced" },
      replacedBy: null,
    });
    expect(newer!.receipts.map((r) => r.number)).toEqual(["20261126-000009"]);
    expect(await registrationDetail("no-such-id")).toBeNull();

    // the receipts' own view: where each operation went
    expect((await receiptAgencyStatus(registered.id)).map((s) => [s.agency.name, s.status])).toEqual([
      ["埼玉県", "source"],
      ["さいたま市", "applied"],
      ["川越市", "applied"],
    ]);
    expect((await receiptAgencyStatus(renewal.id)).map((s) => [s.agency.name, s.status])).toEqual([
      ["埼玉県", "source"],
      ["さいたま市", "excluded"],
      ["川越市", "excluded"],
    ]);
  });

  it("shows the user ID's 代表窓口情報 and a pending 変更 at an agency already reflected", async () => {
    const card = await makeCard();
    await env.prisma.userRegistration.create({
      data: {
        qualificationId: (await env.prisma.cardRegistration.findUniqueOrThrow({ where: { id: card.id } }))
          .qualificationId,
        ...receiptFixture.representative,
      },
    });
    const reg = await makeReceipt(card, { targets: ["111007"] });
    await applyTask(reg.id, "111007", new Date());
    await makeReceipt(card, { operation: "change", targets: ["111007"] });
    const status = await cardAgencyStatus(card.id);
    expect(status.find((s) => s.agency.name === "さいたま市")).toMatchObject({
      status: "pending",
      pendingOperations: ["change"],
    });
    expect(status.find((s) => s.agency.name === "川越市")!.status).toBe("excluded");
    expect((await registrationDetail(card.id))!.representative).toMatchObject({
      email: receiptFixture.representative.email,
    });
  });
});
