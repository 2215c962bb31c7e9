// `npm run import:qualifications FILE` as the operator runs it: a child process on the database
// named by DATABASE_URL. Exit 0 imported, 1 refused (every error by line), 2 usage.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AGENCIES } from "@/prisma/demo-data";
import { freshDatabase } from "@/test/support/db";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(ROOT, "test/fixtures/qualifications");
const exec = promisify(execFile);

let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  database = await freshDatabase();
  await database.prisma.agency.createMany({
    data: DEMO_AGENCIES.map((a, i) => ({ code: a.code, name: a.name, goods: a.goods, sortOrder: i })),
  });
});

afterAll(async () => {
  await database.close();
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: database.url };
  try {
    const { stdout, stderr } = await exec(
      "npx",
      ["tsx", "app/_server/cli/import-qualifications.ts", ...args],
      {
        cwd: ROOT,
        env,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("import:qualifications", () => {
  it("exits 2 without a file, and for a file that is not there", async () => {
    expect((await cli()).code).toBe(2);
    const missing = await cli(path.join(FIXTURES, "no-such-file.csv"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("使い方");
  });

  it("exits 1 printing every error by line and imports nothing", async () => {
    const result = await cli(path.join(FIXTURES, "errors-line-3-and-7.csv"));
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^line 3: ユーザID: /);
    expect(lines[1]).toMatch(/^line 7: 調達機関: .*999999/);
    expect(lines[2]).toContain("2 件の誤り");
    expect(result.stderr).not.toMatch(/Saitama9|Kawagoe9|Kumagai8|Kumagai9|Kawagu09/);
    expect(await database.prisma.qualification.count()).toBe(0);
  });

  it("exits 0 with the counts, and a second run finds everything unchanged", async () => {
    const first = await cli(path.join(FIXTURES, "valid.csv"));
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain("valid.csv: 6 行を取り込みました（新規 6、更新 0、変更なし 0）");
    const second = await cli(path.join(FIXTURES, "valid.csv"));
    expect(second.stdout).toContain("新規 0、更新 0、変更なし 6");
    const imports = await database.prisma.qualificationImport.findMany({ orderBy: { createdAt: "asc" } });
    expect(imports.map((i) => i.importedBy)).toEqual(["cli", "cli"]);
    const log = await database.prisma.auditLog.findMany({ where: { action: "qualification.import" } });
    expect(log.map((l) => l.staffLogin)).toEqual(["cli", "cli"]);
  });
});
