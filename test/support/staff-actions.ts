// The staff server actions as the source declares them, read from app/staff/_actions/*.ts when a
// test runs, so an action added later is covered without editing the tests (issue 5, issue 13).
import fs from "node:fs";
import path from "node:path";

export const ACTIONS_DIR = path.resolve(__dirname, "../../app/staff/_actions");

export type ActionInfo = {
  file: string;
  name: string;
  /** its body is staffAction("admin", …) */
  admin: boolean;
  wrapped: boolean;
  /** it reads named form fields (formFields / formFile) */
  readsFields: boolean;
};

/** Exported functions of one "use server" file. */
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
      readsFields: /\bform(?:Fields|File)\(/.test(body),
    };
  });
}

export const ACTION_FILES = fs
  .readdirSync(ACTIONS_DIR)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .sort();

export const STAFF_ACTIONS: ActionInfo[] = ACTION_FILES.flatMap(exportedActions);

/** Each file's module, imported (after the test's vi.mock calls have taken effect). */
export async function importActionModules(): Promise<Map<string, Record<string, unknown>>> {
  const modules = new Map<string, Record<string, unknown>>();
  for (const file of ACTION_FILES) {
    modules.set(file, (await import(path.join(ACTIONS_DIR, file))) as Record<string, unknown>);
  }
  return modules;
}
