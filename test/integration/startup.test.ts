// A server refuses to start on a DATABASE_URL it cannot use (issue 10): the message names the
// variable and the host, never the password; on a database that answers, it starts.
import net from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { databaseStartProblem } from "@/app/_server/startup";
import type { PrismaClient } from "@/prisma/client";
import { freshDatabase } from "../support/db";

const holder = globalThis as { kioskPrisma?: PrismaClient };
const saved = process.env.DATABASE_URL;
let opened: Awaited<ReturnType<typeof freshDatabase>> | undefined;

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function useUrl(url: string) {
  await holder.kioskPrisma?.$disconnect();
  delete holder.kioskPrisma;
  process.env.DATABASE_URL = url;
}

afterEach(async () => {
  await holder.kioskPrisma?.$disconnect();
  delete holder.kioskPrisma;
  process.env.DATABASE_URL = saved;
});
afterAll(() => opened?.close());

describe("the database at start", () => {
  it("a URL of no known kind: names DATABASE_URL", async () => {
    await useUrl("mysql://kiosk:s3cretpw@db.example:3306/kiosk");
    const problem = await databaseStartProblem();
    expect(problem).toMatch(/^DATABASE_URL must be a SQLite file: URL or a postgresql:\/\/ URL/);
    expect(problem).not.toContain("s3cretpw");
  });

  it("a PostgreSQL server that does not answer: names DATABASE_URL and the host, not the password", async () => {
    const port = await closedPort();
    await useUrl(`postgresql://kiosk:s3cretpw@127.0.0.1:${port}/kiosk`);
    const problem = await databaseStartProblem();
    expect(problem).toBe(
      `DATABASE_URL: no database answers at 127.0.0.1:${port}/kiosk (is the server running and reachable from this terminal?)`,
    );
  });

  it("a database that answers: no problem, the server starts", async () => {
    opened = await freshDatabase();
    expect(await databaseStartProblem()).toBeNull();
  });
});
