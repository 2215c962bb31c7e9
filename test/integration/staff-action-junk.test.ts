// Issue 12 leftover 1 (its closing note, "Noticed / left alone"; done in issue 13): every staff
// server action reads its arguments before use, so junk — a string, a number, null, an object or
// an array where a FormData is expected, a FormData with a field sent twice or as a file,
// arguments to an action that takes none — is refused in plain Japanese. Before, these threw
// inside staffAction (TypeError) and answered ACTION_FAILED with a 問い合わせ番号 and a warning in
// the log. All calls are made as admin01, past every role check; the actions are read from
// app/staff/_actions when the test runs (test/support/staff-actions.ts), so a new one is covered
// without editing this file.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { signInStaff } from "@/app/_server/staff/sessions";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "@/test/support/db";
import { jwt } from "@/test/support/staff";
import { importActionModules, STAFF_ACTIONS, type ActionInfo } from "@/test/support/staff-actions";

vi.mock("next-auth", async (importOriginal) =>
  (await import("@/test/support/staff")).nextAuthWithJwt(await importOriginal<typeof import("next-auth")>()),
);

// an action that got past its input check might read cookies; none should
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    set: () => {},
    delete: () => {},
    has: () => false,
  }),
}));

/** Every field name any console form sends, so a junk form hits whichever the action reads. */
const FIELDS = [
  "staffUserId",
  "login",
  "displayName",
  "role",
  "password",
  "disabled",
  "reason",
  "code",
  "goods",
  "userId",
  "emailId",
  "source",
];

function twice(): FormData {
  const form = new FormData();
  for (const name of FIELDS) {
    form.append(name, "1");
    form.append(name, "2");
  }
  form.append("file", new File(["a"], "a.csv"));
  form.append("file", new File(["b"], "b.csv"));
  return form;
}

function filesForText(): FormData {
  const form = new FormData();
  for (const name of FIELDS) form.set(name, new File(["x"], `${name}.txt`));
  form.set("file", "userId,kind\n1,2\n");
  return form;
}

/** Argument lists no console screen sends to any action, whatever its signature. */
const ANY_ACTION: [string, () => unknown[]][] = [
  ["a string", () => ["junk"]],
  ["a number", () => [42]],
  ["null", () => [null]],
  ["an empty object", () => [{}]],
  ["an object with form fields", () => [{ staffUserId: "c1", reason: "x", userId: "1000000001" }]],
  ["an array", () => [["a", "b"]]],
  ["a FormData with every field twice", () => [twice()]],
  ["a FormData with files for text", () => [filesForText()]],
  ["(null, a string)", () => [null, "junk"]],
  ["(null, a number)", () => [null, 7]],
  ["(null, an object)", () => [null, { reason: "x" }]],
  ["(null, an array)", () => [null, [new FormData()]]],
  ["(a string, a FormData)", () => ["junk", new FormData()]],
  ["(an array, a FormData)", () => [[], new FormData()]],
];

/** For actions that read named fields: the state slot right, the form wrong. */
const FIELD_READERS: [string, () => unknown[]][] = [
  ["(null, a FormData with every field twice)", () => [null, twice()]],
  ["(null, a FormData with files for text)", () => [null, filesForText()]],
];

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

let database: Awaited<ReturnType<typeof freshDatabase>>;
let modules = new Map<string, Record<string, unknown>>();
let warn: ReturnType<typeof vi.spyOn>;
let error: ReturnType<typeof vi.spyOn>;

/** Every row of every table, so an update shows as well as an insert or delete. */
async function snapshot(): Promise<Record<string, string[]>> {
  const tables = Object.keys(await database.tableCounts());
  const all: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await database.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    all[table] = rows
      .map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)))
      .sort();
  }
  return all;
}

beforeAll(async () => {
  database = await freshDatabase();
  resetConfigForTests();
  await seedDemoData(database.prisma);
  modules = await importActionModules();
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  // a fresh session per test: staffForSession slides a session's expiry once it is a minute old
  const signedIn = await signInStaff("admin01", "kiosk-admin-01");
  if (!signedIn.ok) throw new Error("admin01 could not sign in");
  jwt.sid = signedIn.identity.sessionId;
  warn = vi.spyOn(console, "warn");
  error = vi.spyOn(console, "error");
});

afterEach(() => {
  warn.mockRestore();
  error.mockRestore();
});

function junkFor(info: ActionInfo): [string, () => unknown[]][] {
  return info.readsFields ? [...ANY_ACTION, ...FIELD_READERS] : ANY_ACTION;
}

describe("issue 12 leftover 1: the staff actions found", () => {
  it("are all of app/staff/_actions, and some read fields", () => {
    expect(STAFF_ACTIONS.length).toBeGreaterThanOrEqual(15);
    expect(STAFF_ACTIONS.filter((a) => a.readsFields).length).toBeGreaterThanOrEqual(8);
  });
});

describe.each(STAFF_ACTIONS.map((a) => [`${a.file} ${a.name}`, a] as const))(
  "issue 12 leftover 1: %s called by admin01 with junk",
  (_label, info) => {
    it("answers a plain Japanese refusal, logs no fault and writes nothing", async () => {
      const fn = modules.get(info.file)![info.name] as (...args: unknown[]) => Promise<unknown>;
      const before = await snapshot();
      for (const [kind, args] of junkFor(info)) {
        const answer = (await fn(...args())) as { ok?: unknown; code?: unknown; message?: unknown };
        expect(answer.ok, kind).toBe(false);
        expect(typeof answer.message === "string" && JAPANESE.test(answer.message), kind).toBe(true);
        // ACTION_FAILED (code "error", with a 問い合わせ番号) is the answer to a fault, not to input
        expect(answer.code, kind).not.toBe("error");
        expect(String(answer.message), kind).not.toContain("問い合わせ番号");
        expect(answer.code, kind).not.toBe("unauthorized");
        expect(answer.code, kind).not.toBe("forbidden");
      }
      expect(warn).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
      expect(await snapshot()).toEqual(before);
    });
  },
);
