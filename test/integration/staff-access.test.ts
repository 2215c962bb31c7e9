// Every staff server action refuses before doing anything (issue 5). The list is read from
// app/staff/_actions/*.ts when the test runs, so an action added later is covered without editing
// this file. Each exported function is called with junk: without a session → unauthorized; with a
// disabled member's still-unexpired session → unauthorized; a staff-role member on an action whose
// body is staffAction("admin", …) → forbidden. No row of any table may change, and no call may
// throw (a throw would mean the export is not wrapped in staffAction).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { signInStaff } from "@/app/_server/staff/sessions";
import { FORBIDDEN, UNAUTHORIZED } from "@/app/_shared/staff-contracts";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "@/test/support/db";
import { jwt } from "@/test/support/staff";
import {
  ACTION_FILES,
  importActionModules,
  STAFF_ACTIONS,
  type ActionInfo,
} from "@/test/support/staff-actions";

vi.mock("next-auth", async (importOriginal) =>
  (await import("@/test/support/staff")).nextAuthWithJwt(await importOriginal<typeof import("next-auth")>()),
);

// Actions that got this far would read cookies or headers; none should get this far.
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

const FILES = ACTION_FILES;
const ACTIONS = STAFF_ACTIONS;

function junkForm(): FormData {
  const form = new FormData();
  for (const key of [
    "id",
    "staffUserId",
    "login",
    "password",
    "role",
    "disabled",
    "code",
    "goods",
    "reason",
    "emailId",
    "receiptNumber",
    "query",
  ]) {
    form.set(key, "junk'; DROP TABLE StaffUser; --");
  }
  form.set("file", new File(["userId,kind\n1,2\n"], "junk.csv", { type: "text/csv" }));
  return form;
}

/** Junk in the shapes an action may take: nothing, an object, a FormData, (previous state, FormData). */
const JUNK_CALLS: (() => unknown[])[] = [() => [], () => [{}], () => [junkForm()], () => [null, junkForm()]];

let database: Awaited<ReturnType<typeof freshDatabase>>;
let modules = new Map<string, Record<string, unknown>>();

const rowCounts = () => database.tableCounts();

async function callAll(info: ActionInfo): Promise<unknown[]> {
  const fn = modules.get(info.file)![info.name] as (...args: unknown[]) => Promise<unknown>;
  const answers: unknown[] = [];
  for (const junk of JUNK_CALLS) answers.push(await fn(...junk()));
  return answers;
}

async function sessionOf(login: string, password: string): Promise<string> {
  const result = await signInStaff(login, password);
  if (!result.ok) throw new Error(`sign-in refused for ${login}`);
  return result.identity.sessionId;
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

beforeEach(() => {
  jwt.sid = null;
});

describe("the staff actions found", () => {
  it("include this issue's areas, and every export is a function wrapped in staffAction", () => {
    expect(FILES).toEqual(expect.arrayContaining(["accounts.ts", "agencies.ts", "session.ts"]));
    expect(ACTIONS.length).toBeGreaterThanOrEqual(6);
    for (const info of ACTIONS) {
      expect(typeof modules.get(info.file)![info.name], `${info.file} ${info.name}`).toBe("function");
      expect(info.wrapped, `${info.file} ${info.name} must return staffAction(…)`).toBe(true);
    }
    // nothing exported at run time that the source scan missed
    for (const file of FILES) {
      const runtime = Object.keys(modules.get(file)!).filter(
        (k) => typeof modules.get(file)![k] === "function",
      );
      expect(runtime.sort(), file).toEqual(
        ACTIONS.filter((a) => a.file === file)
          .map((a) => a.name)
          .sort(),
      );
    }
  });
});

describe.each(ACTIONS.map((a) => [`${a.file} ${a.name}`, a] as const))("%s", (_label, info) => {
  it("without a session: unauthorized, nothing written", async () => {
    const before = await rowCounts();
    const answers = await callAll(info);
    for (const answer of answers) expect(answer).toEqual(UNAUTHORIZED);
    expect(await rowCounts()).toEqual(before);
  });

  it("with a disabled member's unexpired session: unauthorized, nothing written", async () => {
    await database.prisma.staffUser.update({ where: { login: "staff01" }, data: { disabledAt: null } });
    jwt.sid = await sessionOf("staff01", "kiosk-staff-01");
    await database.prisma.staffUser.update({ where: { login: "staff01" }, data: { disabledAt: new Date() } });
    const before = await rowCounts();
    const answers = await callAll(info);
    for (const answer of answers) expect(answer).toEqual(UNAUTHORIZED);
    expect(await rowCounts()).toEqual(before);
    await database.prisma.staffUser.update({ where: { login: "staff01" }, data: { disabledAt: null } });
  });

  it.runIf(info.admin)("as a staff-role member on an admin action: forbidden, nothing written", async () => {
    jwt.sid = await sessionOf("staff01", "kiosk-staff-01");
    const before = await rowCounts();
    const answers = await callAll(info);
    for (const answer of answers) expect(answer).toEqual(FORBIDDEN);
    expect(await rowCounts()).toEqual(before);
  });
});
