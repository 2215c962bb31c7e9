// The PostgreSQL the tests get (test/support/postgres.ts): a database is created, queried through
// psql and dropped. Under `npm test` that is the runner's server (TEST_DATABASE_URL: its private
// cluster or the one given). Run on its own (plain vitest, no TEST_DATABASE_URL) this file starts
// and stops a private cluster of its own in a temp folder, so it always talks to a real server:
// missing PostgreSQL binaries fail it with the install hint, they do not skip it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPostgres, startPostgres, type PostgresServer } from "../support/postgres";

let server: PostgresServer;
let tmp: string | undefined;

beforeAll(async () => {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    server = connectPostgres(given);
  } else {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-pg-"));
    server = await startPostgres({ dir: path.join(tmp, "postgres") });
  }
}, 30_000);

afterAll(async () => {
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("test PostgreSQL provisioning", () => {
  it("creates a database, queries it through psql and drops it", async () => {
    const name = `provision_${process.pid}_${Date.now()}`;
    const url = await server.createDatabase(name);
    try {
      expect(new URL(url).pathname).toBe(`/${name}`);
      expect(await server.psql("select 1", name)).toBe("1");
      expect(await server.psql("select current_database()", name)).toBe(name);
      expect(await server.psql("show server_version", name)).toMatch(/^\d+\.\d+/);
      // connected as the URL says (credentials, if any, reach psql)
      const user = decodeURIComponent(new URL(process.env.TEST_DATABASE_URL ?? server.url).username);
      expect(await server.psql("select current_user", name)).toBe(user || "postgres");
      // the private cluster's settings: UTF-8, byte-order text comparison (as SQLite's BINARY)
      if (!process.env.TEST_DATABASE_URL) {
        expect(await server.psql("show server_encoding", name)).toBe("UTF8");
        expect(
          await server.psql("select datcollate from pg_database where datname = current_database()", name),
        ).toBe("C");
      }
      await server.psql(["create table t (v text)", "insert into t values ('埼玉'), ('さいたま')"], name);
      expect(await server.psql("select count(*) from t", name)).toBe("2");
    } finally {
      await server.dropDatabase(name);
    }
    const left = await server.psql(`select count(*) from pg_database where datname = '${name}'`);
    expect(left).toBe("0");
  });

  it("replaces a leftover database of the same name and refuses names that need quoting", async () => {
    const name = `provision_again_${process.pid}`;
    await server.createDatabase(name);
    await server.psql("create table leftover (id int)", name);
    await server.createDatabase(name);
    expect(await server.psql("select count(*) from pg_tables where tablename = 'leftover'", name)).toBe("0");
    await server.dropDatabase(name);
    await server.dropDatabase(name); // already gone: no error
    await expect(server.createDatabase(`x"; drop database postgres; --`)).rejects.toThrow(
      /invalid database name/,
    );
  });
});
