// The set-up the kiosk flow test files (登録, 変更, ICカード更新) share: one seeded database for the
// file, and before each case this terminal, a fresh simulated card reader and no registrations.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import type { SimulatedCardReader } from "@/kiosk/card";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "./db";
import { clearRegistrations, freshCardReader } from "./kiosk";

export type FlowSuite = {
  env: Awaited<ReturnType<typeof freshDatabase>>;
  reader: SimulatedCardReader;
};

/** Registers the file's hooks; the returned object's fields are set once they have run. */
export function flowSuite(terminalId: string): FlowSuite {
  const suite = {} as FlowSuite;
  beforeAll(async () => {
    suite.env = await freshDatabase();
    await seedDemoData(suite.env.prisma);
  });
  afterAll(() => suite.env.close());
  beforeEach(async () => {
    process.env.TERMINAL_ID = terminalId;
    resetConfigForTests();
    suite.reader = await freshCardReader();
    // each case starts from "no card is registered"
    await clearRegistrations(suite.env.prisma);
  });
  return suite;
}
