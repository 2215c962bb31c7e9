// Every staff server action refuses before doing anything (issue 5). The list is read from
// app/staff/_actions/*.ts when the test runs, so an action added later is covered without editing
// this file. Each exported function is called with junk: without a session → unauthorized; with a
// disabled member's still-unexpired session → unauthorized; a staff-role member on an action whose
// body is staffAction("admin", …) → forbidden. No row of any table may change, and no call may
// throw (a throw would mean the export is not wrapped in staffAction).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { signInStaff } from "@/app/_server/staff/sessions";
import { FORBIDDEN, UNAUTHORIZED } from "@/app/_shared/staff-contracts";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "@/test/support/db";
import { jwt } from "@/test/support/staff";

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

const ACTIONS_DIR = path.resolve(__dirname, "../../app/staff/_actions");

type ActionInfo = { file: string; name: string; admin: boolean; wrapped: boolean };

/** Exported functions of one "use server" file, with whether their body asks for admin. */
function exportedActions(file: string): ActionInfo[] {
  const source = fs.readFileSync(path.join(ACTIONS_DIR, file), "utf8");
  const starts = [
    ...source.matchAll(
      /^export\s+(?:async\s+function\s*\*?\s*(\w+)|function\s+(\w+)|(?:const|let)\s+(\w+)\s*=)/gm,
    ),
  ];
  return starts.map((match, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : source.length;
    const body = source.slice(match.index, end);
    return {
      file,
      name: (match[1] ?? match[2] ?? match[3])!,
      admin: /staffAction\(\s*["']admin["']/.test(body),
      wrapped: /staffAction\(/.test(body),
    };
  });
}

const FILES = fs
  .readdirSync(ACTIONS_DIR)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .sort();
const ACTIONS = FILES.flatMap(exportedActions);

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
const modules = new Map<string, Record<string, unknown>>();

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
  for (const file of FILES) {
    modules.set(file, (await import(path.join(ACTIONS_DIR, file))) as Record<string, unknown>);
  }
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
