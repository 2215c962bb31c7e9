import { describe, expect, it } from "vitest";
import { cardSignals, NO_CARD } from "@/app/_ui/cardPresence";
import { formatKioskClock } from "@/app/_ui/clockFormat";

describe("cardSignals (GET /api/card → machine events)", () => {
  it("reports an insertion when a card appears", () => {
    expect(cardSignals(NO_CARD, { present: true, insertionId: "i1" })).toEqual([
      { type: "card.inserted", insertionId: "i1" },
    ]);
  });

  it("reports a removal when the card disappears", () => {
    expect(cardSignals({ present: true, insertionId: "i1" }, NO_CARD)).toEqual([{ type: "card.removed" }]);
  });

  it("reports a swap between two polls as removed then inserted (R31)", () => {
    expect(cardSignals({ present: true, insertionId: "i1" }, { present: true, insertionId: "i2" })).toEqual([
      { type: "card.removed" },
      { type: "card.inserted", insertionId: "i2" },
    ]);
  });

  it("reports nothing while the same card stays, or while the reader stays empty", () => {
    expect(cardSignals({ present: true, insertionId: "i1" }, { present: true, insertionId: "i1" })).toEqual(
      [],
    );
    expect(cardSignals(NO_CARD, NO_CARD)).toEqual([]);
  });
});

describe("formatKioskClock", () => {
  it("shows Japan time in the manual's format whatever the machine's zone", () => {
    expect(formatKioskClock(new Date("2026-11-26T06:45:00Z"))).toBe("2026年11月26日 15時45分");
  });

  it("pads month, day, hour and minute and rolls the date over at Japanese midnight", () => {
    expect(formatKioskClock(new Date("2026-01-04T15:05:00Z"))).toBe("2026年01月05日 00時05分");
  });
});
