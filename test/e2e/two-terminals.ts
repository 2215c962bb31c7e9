// The helpdesk of two-terminals.e2e.ts (issue 10, R34): one PostgreSQL database of its own on the
// run's server (TEST_DATABASE_URL), migrated and seeded once; KIOSK-01 and KIOSK-02, each its own
// `next start`, simulated reader (the same demo cards, PIN counters of its own) and port, both
// opened for walk-ins; a third server for the staff console; every server delivering email to one
// local Resend stub. Its files live in test-results/two-terminals/, apart from the shared terminal.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { generateDemoPki } from "@/kiosk/pki/demo-pki";
import { createPrismaClient } from "@/prisma/client";
import { migratePostgres } from "@/prisma/migrate";
import { seedDemoData } from "@/prisma/seed";
import { startResendStub, type ResendStub } from "../fixtures/resend-stub";
import { connectPostgres } from "../support/postgres";
import { openTerminalFor, root, simulatedReaderEnv, startKioskServer, type KioskServer } from "./servers";

export const TERMINALS = ["KIOSK-01", "KIOSK-02"] as const;
export type TerminalId = (typeof TERMINALS)[number];

const DATABASE = "kiosk_e2e_two_terminals";
const DIR = path.join(root, "test-results/two-terminals");

export type Server = KioskServer & { env: Record<string, string> };

export type Helpdesk = {
  /** the two terminals' servers, with the settings they run with (their CLIs run with them too) */
  terminals: Record<TerminalId, Server>;
  console: Server;
  stub: ResendStub;
  /** one query on the shared database */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** a connection of the test's own (e.g. to hold a lock), closed by stop() */
  connect(): Promise<Client>;
  stop(): Promise<void>;
};

export async function startHelpdesk(): Promise<Helpdesk> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) {
    throw new Error(
      "two-terminals.e2e.ts needs a PostgreSQL server in TEST_DATABASE_URL (a maintenance-database " +
        "URL); npm test and `tsx test/run-all.ts e2e` start one and set it",
    );
  }
  const cleanups: (() => unknown)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    fs.rmSync(DIR, { recursive: true, force: true });
    fs.mkdirSync(DIR, { recursive: true });
    const pki = await generateDemoPki({ dir: path.join(DIR, "pki") });
    const server = connectPostgres(admin);
    const url = await server.createDatabase(DATABASE);
    cleanups.push(() => server.dropDatabase(DATABASE));
    await migratePostgres(url);
    const prisma = createPrismaClient(url);
    await seedDemoData(prisma);
    await prisma.$disconnect();

    const stub = await startResendStub();
    cleanups.push(() => stub.close());
    const shared = {
      DATABASE_URL: url,
      RESEND_API_KEY: "re_two_terminals_stub",
      RESEND_BASE_URL: stub.baseUrl,
      // one key for the console's sign-ins, instead of one written into the project's .data/
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      // servers on one PostgreSQL database share the audit chain's key (required there)
      AUDIT_KEY: randomBytes(32).toString("hex"),
      // no 02:00 run in the middle of the batch test: the test triggers it
      BATCH_SCHEDULE: "off",
      // a visit waits at the confirm screen while the other terminal's browser catches up
      KIOSK_IDLE_SECONDS: "600",
      KIOSK_IDLE_WARNING_SECONDS: "30",
    };
    const envOf = (terminalId: string) => ({
      ...shared,
      ...simulatedReaderEnv(pki, path.join(DIR, `${terminalId}-simcard-state.json`)),
      TERMINAL_ID: terminalId,
    });
    for (const id of TERMINALS) openTerminalFor(envOf(id));

    // the staff console's server is a desk PC: no card reader, no card layer loaded
    const names = [...TERMINALS, "CONSOLE-01"];
    const serverEnv = (id: string) =>
      id === "CONSOLE-01" ? { ...shared, TERMINAL_ID: id, CARD_DRIVER: "none" } : envOf(id);
    const started = await Promise.allSettled(
      names.map((id) => startKioskServer(serverEnv(id), path.join(DIR, `${id}-server.log`))),
    );
    for (const s of started) if (s.status === "fulfilled") cleanups.push(() => s.value.stop());
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
    const [one, two, console_] = started.map((s, i) => ({
      ...(s as PromiseFulfilledResult<KioskServer>).value,
      env: serverEnv(names[i]!),
    }));

    const clients: Client[] = [];
    cleanups.push(() => Promise.all(clients.map((c) => c.end().catch(() => undefined))));
    const connect = async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      clients.push(client);
      return client;
    };
    const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    };
    return {
      terminals: { "KIOSK-01": one!, "KIOSK-02": two! },
      console: console_!,
      stub,
      query,
      connect,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
