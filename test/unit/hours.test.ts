// R23 operating hours on an injected clock. Every instant is written in UTC and the whole suite runs
// twice, with the process in UTC and in Asia/Tokyo: the answers must not depend on the server's TZ.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_CLOSED_DAYS,
  DEFAULT_OPERATING_HOURS,
  hoursSettings,
  hoursText,
  operatingState,
  parseClosedDays,
  parseOperatingHours,
  tokyoDateTimeText,
} from "@/app/_server/visit/hours";

const settings = hoursSettings({
  OPERATING_HOURS: DEFAULT_OPERATING_HOURS,
  CLOSED_DAYS: DEFAULT_CLOSED_DAYS,
});

/** Tokyo wall-clock time as a UTC instant (Tokyo is UTC+9 all year). */
function tokyo(isoLocal: string): Date {
  return new Date(`${isoLocal}+09:00`);
}

describe.each(["UTC", "Asia/Tokyo"])("operating hours with the server in TZ=%s", (tz) => {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = tz;
  });
  afterAll(() => {
    process.env.TZ = before;
  });

  it("a weekday opens at 8:30 and closes at 20:00", () => {
    // Thursday 26 November 2026
    expect(operatingState(new Date("2026-11-25T23:29:00Z"), settings).inHours).toBe(false); // 8:29
    expect(operatingState(new Date("2026-11-25T23:30:00Z"), settings).inHours).toBe(true); // 8:30
    expect(operatingState(new Date("2026-11-26T10:59:59Z"), settings).inHours).toBe(true); // 19:59:59
    expect(operatingState(new Date("2026-11-26T11:00:00Z"), settings).inHours).toBe(false); // 20:00
  });

  it("in hours: closes today at 20:00, the next opening is tomorrow 8:30", () => {
    const state = operatingState(tokyo("2026-11-26T12:00"), settings);
    expect(state).toEqual({
      inHours: true,
      operatingDay: true,
      closesAt: tokyo("2026-11-26T20:00"),
      nextOpening: tokyo("2026-11-27T08:30"),
    });
  });

  it("before opening on a weekday the next opening is this morning", () => {
    const state = operatingState(tokyo("2026-11-26T08:29"), settings);
    expect(state.nextOpening).toEqual(tokyo("2026-11-26T08:30"));
    expect(state.closesAt).toBeNull();
  });

  it("just after Tokyo midnight (still the previous day in UTC) is the new Tokyo day", () => {
    // 00:30 Tokyo on Friday 27 November = 15:30 UTC on Thursday
    const state = operatingState(new Date("2026-11-26T15:30:00Z"), settings);
    expect(state.inHours).toBe(false);
    expect(state.nextOpening).toEqual(tokyo("2026-11-27T08:30"));
  });

  it("Saturday and Sunday are closed", () => {
    expect(operatingState(tokyo("2026-11-28T12:00"), settings)).toMatchObject({
      inHours: false,
      operatingDay: false,
    });
    expect(operatingState(tokyo("2026-11-29T12:00"), settings).inHours).toBe(false);
  });

  it("national holidays are closed (勤労感謝の日 2026-11-23, 成人の日 2027-01-11)", () => {
    expect(operatingState(tokyo("2026-11-23T12:00"), settings)).toMatchObject({
      inHours: false,
      operatingDay: false,
    });
    expect(operatingState(tokyo("2027-01-11T12:00"), settings).inHours).toBe(false);
    // the day after is an ordinary Tuesday
    expect(operatingState(tokyo("2026-11-24T12:00"), settings).inHours).toBe(true);
  });

  it("12/29 – 1/3 are closed by the default CLOSED_DAYS", () => {
    for (const day of ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-04"]) {
      const open = day === "2027-01-04";
      expect(operatingState(tokyo(`${day}T12:00`), settings).inHours, day).toBe(open);
    }
    // Saturday 2 and Sunday 3 January are closed anyway; 28 December is a Monday, open
    expect(operatingState(tokyo("2026-12-28T12:00"), settings).inHours).toBe(true);
  });

  it("nextOpening skips a weekend followed by a holiday", () => {
    // Friday 20 November 20:00 → Sat, Sun, Mon 23 (勤労感謝の日) → Tuesday 24 November 8:30
    expect(operatingState(tokyo("2026-11-20T20:00"), settings).nextOpening).toEqual(
      tokyo("2026-11-24T08:30"),
    );
    // Friday 8 January 2027 → Sat, Sun, Mon 11 (成人の日) → Tuesday 12 January
    expect(operatingState(tokyo("2027-01-08T19:00"), settings).nextOpening).toEqual(
      tokyo("2027-01-12T08:30"),
    );
  });

  it("nextOpening skips the new-year block", () => {
    // Monday 28 December 2026 after closing → 29 … 3 closed → Monday 4 January 2027
    expect(operatingState(tokyo("2026-12-28T20:30"), settings).nextOpening).toEqual(
      tokyo("2027-01-04T08:30"),
    );
  });

  it("a once-only closed day (YYYY-MM-DD) closes that date only", () => {
    const once = hoursSettings({ OPERATING_HOURS: "09:00-17:00", CLOSED_DAYS: "2026-11-27" });
    expect(operatingState(tokyo("2026-11-27T10:00"), once).inHours).toBe(false);
    expect(operatingState(tokyo("2026-11-26T17:00"), once).nextOpening).toEqual(tokyo("2026-11-30T09:00"));
    expect(operatingState(tokyo("2027-11-26T10:00"), once).inHours).toBe(true);
  });

  it("formats the hours and the next opening for the closed screen", () => {
    expect(hoursText(settings)).toBe("平日 8:30〜20:00");
    expect(tokyoDateTimeText(tokyo("2026-11-27T08:30"))).toBe("11月27日(金) 8:30");
  });
});

describe("settings", () => {
  it("parses the defaults", () => {
    expect(parseOperatingHours("08:30-20:00")).toEqual({ opensAtMinute: 510, closesAtMinute: 1200 });
    expect(parseClosedDays(DEFAULT_CLOSED_DAYS)).toHaveLength(6);
    expect(parseClosedDays("")).toEqual([]);
    expect(parseClosedDays("02-29, 2027-05-06")).toEqual([
      { month: 2, day: 29 },
      { year: 2027, month: 5, day: 6 },
    ]);
  });

  it("rejects a bad CLOSED_DAYS entry by name", () => {
    expect(() => parseClosedDays("12-29,12-32,01-01")).toThrow(/"12-32"/);
    expect(() => parseClosedDays("12/29")).toThrow(/"12\/29"/);
    expect(() => parseClosedDays("2027-02-29")).toThrow(/"2027-02-29"/);
    expect(() => parseClosedDays("13-01")).toThrow(/"13-01"/);
  });

  it("rejects bad OPERATING_HOURS", () => {
    expect(() => parseOperatingHours("20:00-08:30")).toThrow(/20:00-08:30/);
    expect(() => parseOperatingHours("8時半-20時")).toThrow();
    expect(() => parseOperatingHours("08:30")).toThrow();
  });

  it("config() refuses a bad CLOSED_DAYS at boot, naming the variable and the entry", async () => {
    const { config, resetConfigForTests } = await import("@/app/_server/config");
    const before = process.env.CLOSED_DAYS;
    process.env.CLOSED_DAYS = "12-29,1-3";
    resetConfigForTests();
    try {
      expect(() => config()).toThrow(/CLOSED_DAYS: "1-3" is not a day/);
    } finally {
      if (before === undefined) delete process.env.CLOSED_DAYS;
      else process.env.CLOSED_DAYS = before;
      resetConfigForTests();
    }
  });
});
