// The one classification of "the database could not be reached" (app/_server/db.ts) for shapes a
// test cannot easily make a real server produce; test/integration/database-down.test.ts proves it
// on the errors of a PostgreSQL that is really stopped.
import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "@/app/_server/db";

const prismaError = (code: string, meta: Record<string, unknown> = {}) =>
  Object.assign(new Error("…"), { name: "PrismaClientKnownRequestError", code, meta });

const adapterError = (cause: Record<string, unknown>) =>
  Object.assign(new Error("…"), { name: "DriverAdapterError", cause });

describe("isDatabaseUnreachable", () => {
  it.each([
    ["P1001 can't reach", prismaError("P1001")],
    ["P1002 timed out", prismaError("P1002")],
    ["P1017 server closed the connection", prismaError("P1017")],
    ["P2024 no pooled connection in time", prismaError("P2024")],
    [
      "an initialization error's errorCode",
      Object.assign(new Error("…"), { name: "PrismaClientInitializationError", errorCode: "P1001" }),
    ],
    ["the adapter's ConnectionClosed", adapterError({ kind: "ConnectionClosed" })],
    [
      "a raw query's P2010 with a socket timeout",
      prismaError("P2010", { driverAdapterError: adapterError({ kind: "SocketTimeout" }) }),
    ],
    ["PostgreSQL starting up (57P03)", adapterError({ kind: "postgres", originalCode: "57P03" })],
    ["a connection exception (08006)", adapterError({ kind: "postgres", code: "08006" })],
    [
      "ECONNREFUSED from the socket",
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    ],
    ["pg's Connection terminated unexpectedly", new Error("Connection terminated unexpectedly")],
    [
      "the same as the cause of another error",
      new Error("wrapped", { cause: new Error("Connection terminated") }),
    ],
  ])("says yes to %s", (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ["a unique violation (P2002)", prismaError("P2002")],
    ["a record not found (P2025)", prismaError("P2025")],
    ["a syntax error", adapterError({ kind: "postgres", originalCode: "42601" })],
    ["a serialization failure", adapterError({ kind: "TransactionWriteConflict" })],
    ["SQLite's busy", Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["not an error", "P1001"],
    ["nothing", null],
  ])("says no to %s", (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});
