// The project's import graph read from the sources as text (no bundler): which file imports which,
// by the "@/…" alias or a relative path, with whether the import is type-only. The architecture
// test checks it for circles and upward arrows.
import fs from "node:fs";
import path from "node:path";

/** `lazy`: an `import("x")` expression — a chunk fetched when the code runs, not with the module. */
export type ImportEdge = { from: string; to: string; typeOnly: boolean; lazy: boolean };

const ROOTS = ["app", "machines", "kiosk", "prisma", "instrumentation.ts"];
const SKIP = new Set(["node_modules", "generated", ".next"]);
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return /\.tsx?$/.test(dir) ? [dir] : [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(root, rel);
    return /\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [rel] : [];
  });
}

function resolve(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  if (fs.existsSync(path.join(root, base)) && fs.statSync(path.join(root, base)).isFile()) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(path.join(root, base + ext))) return base + ext;
  return null;
}

// import … from "x", export … from "x", import "x", import("x") — with `import type` / `export type`
const STATEMENT =
  /(?:^|\n)\s*(import|export)(\s+type)?\b([^;"']*?)\bfrom\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

export function importGraph(root: string): { files: string[]; edges: ImportEdge[] } {
  const files = ROOTS.flatMap((r) => sourceFiles(root, r));
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    for (const m of text.matchAll(STATEMENT)) {
      const spec = m[4] ?? m[5] ?? m[6];
      if (!spec) continue;
      const to = resolve(root, file, spec);
      if (!to) continue;
      // `import { type A, type B } from` is type-only too
      const names = m[3] ?? "";
      const allTypes =
        /^\s*\{[^}]*\}\s*$/.test(names) &&
        names
          .replace(/[{}\s]/g, "")
          .split(",")
          .filter(Boolean)
          .every((n) => n.startsWith("type"));
      edges.push({
        from: file,
        to,
        typeOnly: Boolean(m[2]) || (m[4] !== undefined && allTypes),
        lazy: m[6] !== undefined,
      });
    }
  }
  return { files, edges };
}

/** Strongly connected components with more than one member (or a file importing itself). */
export function circles(nodes: string[], edges: { from: string; to: string }[]): string[][] {
  const next = new Map<string, string[]>();
  for (const n of nodes) next.set(n, []);
  for (const e of edges) next.get(e.from)?.push(e.to);
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const n of nodes) if (!indexOf.has(n)) visit(n);
  return found;
}
