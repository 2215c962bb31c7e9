// The nightly schedule: next run at BATCH_TIME Asia/Tokyo from any instant, whatever the
// process's TZ; BATCH_TIME validated; BATCH_SCHEDULE=off; the scheduler starts once per process,
// runs, logs one line, never throws out and schedules the next night.
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import type { BatchResult } from "@/app/_server/batch/propagation";
import {
  ensureBatchScheduler,
  nextRunAt,
  nextScheduledRun,
  parseBatchTime,
  stopBatchSchedulerForTests,
} from "@/app/_server/batch/scheduler";

afterEach(() => {
  stopBatchSchedulerForTests();
  delete process.env.BATCH_TIME;
  delete process.env.BATCH_SCHEDULE;
  resetConfigForTests();
});

describe("nextRunAt (Asia/Tokyo, TZ-independent)", () => {
  const cases: [string, string, string][] = [
    // [now (UTC), BATCH_TIME, expected (UTC)]
    ["2026-11-26T03:00:00.000Z", "02:00", "2026-11-26T17:00:00.000Z"], // 12:00 JST → 02:00 tomorrow JST
    ["2026-11-26T16:59:59.999Z", "02:00", "2026-11-26T17:00:00.000Z"], // 01:59:59.999 JST → same night
    ["2026-11-26T17:00:00.000Z", "02:00", "2026-11-27T17:00:00.000Z"], // exactly 02:00 JST → next night
    ["2026-11-26T14:59:00.000Z", "02:00", "2026-11-26T17:00:00.000Z"], // 23:59 JST
    ["2026-11-26T15:00:00.000Z", "02:00", "2026-11-26T17:00:00.000Z"], // 00:00 JST
    ["2026-12-31T20:00:00.000Z", "02:00", "2027-01-01T17:00:00.000Z"], // 05:00 JST on New Year's Day
    ["2028-02-28T18:00:00.000Z", "02:00", "2028-02-29T17:00:00.000Z"], // leap day
    ["2026-11-26T03:00:00.000Z", "23:30", "2026-11-26T14:30:00.000Z"],
    ["2026-11-26T03:00:00.000Z", "00:00", "2026-11-26T15:00:00.000Z"],
  ];
  it.each(cases)("from %s at %s → %s", (now, time, expected) => {
    expect(nextRunAt(new Date(now), time).toISOString()).toBe(expected);
  });

  it("gives the same instant whatever the process's TZ says", () => {
    const saved = process.env.TZ;
    try {
      const results = ["UTC", "America/Los_Angeles", "Asia/Tokyo", "Pacific/Chatham"].map((tz) => {
        process.env.TZ = tz;
        return nextRunAt(new Date("2026-03-08T10:30:00Z"), "02:00").toISOString();
      });
      expect(new Set(results)).toEqual(new Set(["2026-03-08T17:00:00.000Z"]));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("accepts HH:MM only", () => {
    expect(parseBatchTime("02:00")).toBe(120);
    expect(parseBatchTime("23:59")).toBe(23 * 60 + 59);
    for (const bad of ["2:00", "24:00", "02:60", "0200", "", "02:00:00", " 02:00"]) {
      expect(() => parseBatchTime(bad)).toThrow(/HH:MM/);
    }
  });

  it("reads BATCH_TIME and BATCH_SCHEDULE from the configuration; a bad BATCH_TIME names the variable", () => {
    const now = new Date("2026-11-26T03:00:00Z");
    expect(nextScheduledRun(now)?.toISOString()).toBe("2026-11-26T17:00:00.000Z");
    process.env.BATCH_TIME = "03:15";
    resetConfigForTests();
    expect(nextScheduledRun(now)?.toISOString()).toBe("2026-11-26T18:15:00.000Z");
    process.env.BATCH_SCHEDULE = "off";
    resetConfigForTests();
    expect(nextScheduledRun(now)).toBeNull();
    process.env.BATCH_SCHEDULE = "on";
    process.env.BATCH_TIME = "25:00";
    resetConfigForTests();
    expect(() => nextScheduledRun(now)).toThrow(/BATCH_TIME/);
  });
});

describe("ensureBatchScheduler", () => {
  const done: BatchResult = {
    ok: true,
    runId: "r1",
    applied: 3,
    perAgency: [{ agencyId: "a", code: "111007", name: "さいたま市", applied: 3 }],
    reminders: 2,
    seconds: 0.5,
    tookOver: null,
  };

  function harness(results: (BatchResult | Error)[]) {
    let now = new Date("2026-11-26T03:00:00Z");
    const timers: { fn: () => void; ms: number }[] = [];
    const run = vi.fn(async () => {
      const next = results.shift()!;
      if (next instanceof Error) throw next;
      return next;
    });
    const deps = {
      clock: () => now,
      run,
      setTimer: (fn: () => void, ms: number) => {
        timers.push({ fn, ms });
        return setTimeout(() => undefined, 0);
      },
    };
    const fire = async () => {
      const timer = timers.at(-1)!;
      const before = timers.length;
      now = new Date(now.getTime() + timer.ms);
      timer.fn();
      await vi.waitFor(() => expect(timers.length).toBe(before + 1));
    };
    return { deps, timers, run, fire, now: () => now };
  }

  it("schedules 02:00 Tokyo once per process, runs, logs one line and schedules the next night", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const h = harness([
      done,
      new Error("disk full"),
      { ...done, ok: false, code: "alreadyRunning", message: "x", runId: null, since: null },
    ]);
    expect(ensureBatchScheduler(h.deps)?.toISOString()).toBe("2026-11-26T17:00:00.000Z");
    expect(ensureBatchScheduler(h.deps)?.toISOString()).toBe("2026-11-26T17:00:00.000Z"); // once
    expect(h.timers).toHaveLength(1);
    expect(h.timers[0]!.ms).toBe(14 * 60 * 60 * 1000);

    await h.fire();
    expect(h.run).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toMatch(/3 applied \(さいたま市 3\), 2 renewal reminders queued/);
    expect(h.timers[1]!.ms).toBe(24 * 60 * 60 * 1000);

    await h.fire(); // a thrown error is warned about, never thrown out; the next night is still set
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("disk full"));
    expect(h.timers).toHaveLength(3);

    await h.fire();
    expect(String(log.mock.calls.at(-1)![0])).toMatch(/already running/);
    expect(h.run).toHaveBeenCalledTimes(3);
  });

  it("BATCH_SCHEDULE=off schedules nothing", () => {
    process.env.BATCH_SCHEDULE = "off";
    resetConfigForTests();
    const h = harness([]);
    expect(ensureBatchScheduler(h.deps)).toBeNull();
    expect(h.timers).toHaveLength(0);
  });
});
