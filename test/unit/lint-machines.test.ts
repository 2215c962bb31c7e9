// The machines-stay-pure lint rule, run through ESLint itself: a pattern that stops matching
// (a renamed folder, a changed rule option) would otherwise pass every lint run in silence.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root, overrideConfigFile: ".config/eslint.config.mjs" });

async function restrictedImports(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [probe];\n`, {
    filePath: path.join(root, "machines/x.ts"),
  });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => m.message);
}

describe("lint: machines stay pure", () => {
  it("refuses a value import from the server by relative path", async () => {
    expect(await restrictedImports(`import { db as probe } from "../app/_server/db";`)).toHaveLength(1);
  });

  it("allows a type-only import from app/_shared", async () => {
    const code = `import type { Failure } from "../app/_shared/contracts";\nconst probe: Failure | null = null;`;
    expect(await restrictedImports(code)).toEqual([]);
  });

  it("refuses a value import from app/_shared", async () => {
    expect(
      await restrictedImports(`import { fieldErrors as probe } from "../app/_shared/schemas";`),
    ).toHaveLength(1);
  });
});
