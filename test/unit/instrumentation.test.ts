// instrumentation.ts starts the nightly schedule when a Next.js server starts: in the Node.js
// runtime only, never while `next build` runs, and through ensureBatchScheduler (whose
// once-per-process and BATCH_SCHEDULE=off rules are tested in batch-scheduler.test.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { register } from "@/instrumentation";

const scheduler = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@/app/_server/batch/scheduler", () => ({
  ensureBatchScheduler: () => {
    scheduler.calls += 1;
    return null;
  },
}));

beforeEach(() => {
  // a database of its own, never the project's .data (the start check reads its folder's mode)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-instr-"));
  vi.stubEnv("DATABASE_URL", `file:${path.join(dir, "kiosk.db")}`);
});

afterEach(() => {
  vi.unstubAllEnvs();
  scheduler.calls = 0;
});

describe("instrumentation register()", () => {
  it("starts the nightly schedule in the Node.js server", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NEXT_PHASE", "phase-production-server");
    await register();
    expect(scheduler.calls).toBe(1);
  });

  it("schedules nothing in the edge runtime or while building", async () => {
    vi.stubEnv("NEXT_RUNTIME", "edge");
    await register();
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    await register();
    expect(scheduler.calls).toBe(0);
  });
});
