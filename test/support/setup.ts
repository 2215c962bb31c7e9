// Runs in every test file. A console.error during a test is a failure (house rule): it is how
// React, Prisma and our services report what went wrong without throwing.
import { afterEach, beforeEach, vi } from "vitest";
import { loadEnglish } from "@/app/_ui/i18n/translate";

// The kiosk fetches its English catalog when a visit first switches to English (issue 13 item 1);
// screens rendered alone here get it up front, as if a visit had switched before.
await loadEnglish();

let errors: unknown[][] = [];

beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0) {
    const first = errors[0]!.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ");
    throw new Error(`console.error was called ${errors.length} time(s) during the test: ${first}`);
  }
});
