// How many connections one server process opens to a shared PostgreSQL (docs/deployment.md): pg's
// pool default of 10, or the URL's connection_limit — counted on a real server, since the pg
// adapter itself ignores that parameter.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { DEFAULT_POOL_MAX, postgresPool } from "@/prisma/url";
import { connectPostgres, startPostgres, type PostgresServer } from "../support/postgres";

let server: PostgresServer;
let tmp: string | undefined;
const name = `pool_${process.pid}_${Date.now()}`;

beforeAll(async () => {
  const given = process.env.TEST_DATABASE_URL;
  if (given) server = connectPostgres(given);
  else {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-pool-"));
    server = await startPostgres({ dir: path.join(tmp, "postgres") });
  }
  await server.createDatabase(name);
}, 30_000);

afterAll(async () => {
  await server?.dropDatabase(name);
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Connections a client holds on our database after `n` queries ran at once (idle ones stay pooled). */
async function connectionsAfter(query: string, n: number): Promise<number> {
  const prisma = createPrismaClient(server.adminUrl(name) + query);
  try {
    await Promise.all(Array.from({ length: n }, () => prisma.$queryRawUnsafe("SELECT pg_sleep(0.2)::text")));
    return Number(await server.psql(`SELECT count(*) FROM pg_stat_activity WHERE datname = '${name}'`));
  } finally {
    await prisma.$disconnect();
  }
}

describe("the connection pool of a server on PostgreSQL", () => {
  it("opens at most 10 connections by default, and at most connection_limit when the URL sets it", async () => {
    expect(await connectionsAfter("", 15)).toBe(DEFAULT_POOL_MAX);
    expect(await connectionsAfter("?connection_limit=3", 15)).toBe(3);
  }, 30_000);

  it("takes connection_limit out of the URL and refuses a bad one, naming DATABASE_URL", () => {
    expect(postgresPool("postgresql://k:pw@db:5432/kiosk?sslmode=verify-full&connection_limit=4")).toEqual({
      connectionString: "postgresql://k:pw@db:5432/kiosk?sslmode=verify-full",
      max: 4,
    });
    expect(() => postgresPool("postgresql://k:pw@db/kiosk?connection_limit=0")).toThrow(
      /DATABASE_URL: connection_limit must be a whole number/,
    );
  });
});
