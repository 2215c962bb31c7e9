import "server-only";
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "@/prisma/client";
import { db } from "../db";
import { applyPlans, ConcurrentImport, tableStamp } from "./apply";
import { checkAgainstDatabase } from "./checks";
import { parseQualificationCsv, sortErrors, type ImportError } from "./csv";
import { planRows } from "./plan";

export { listQualificationImports, type ImportHistoryRow } from "./history";

// Qualification import (issue 5 item 5): all-or-nothing. Every row is checked first (the file's
// own rules, then the database's); only a file without a single error is written, in one
// transaction with its QualificationImport row and its audit row. Rows are matched by user ID +
// kind; nothing missing from the file is ever deleted, and an unchanged row is not touched.

export type ImportSummary = {
  ok: true;
  importId: string;
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
};

export type ImportRefusal = { ok: false; errors: ImportError[] };

export type ImportInput = {
  bytes: Uint8Array;
  fileName: string;
  /** staff login, or "cli" */
  importedBy: string;
  now?: Date;
};

export async function importQualifications(
  input: ImportInput,
  client: PrismaClient = db(),
): Promise<ImportSummary | ImportRefusal> {
  const now = input.now ?? new Date();
  const fileName = cleanFileName(input.fileName);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");

  const parsed = parseQualificationCsv(input.bytes);
  const errors = [...parsed.errors];
  if (parsed.errors.some((e) => e.line === null || e.line === 1)) return { ok: false, errors };

  // ---- the database's rules ----
  const before = await tableStamp(client);
  const view = await checkAgainstDatabase(client, parsed.rows, errors);
  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };

  // ---- what changes (password hashing happens here, outside the transaction) ----
  const plans = await planRows(parsed.rows, view, now);
  const counts = {
    created: plans.filter((p) => p.type === "create").length,
    updated: plans.filter((p) => p.type === "update").length,
    unchanged: plans.filter((p) => p.type === "unchanged").length,
  };

  try {
    const importId = await applyPlans(
      client,
      plans,
      { fileName, sha256, importedBy: input.importedBy, now, counts },
      before,
    );
    return { ok: true, importId, fileName, rows: plans.length, ...counts };
  } catch (error) {
    // another import created one of these rows between our check and our write
    if (
      error instanceof ConcurrentImport ||
      (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    ) {
      return {
        ok: false,
        errors: [
          { line: null, field: null, message: "同時に別の取込が行われました。もう一度取り込んでください。" },
        ],
      };
    }
    throw error;
  }
}

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001F\u007F]/g, "").slice(0, 200);
  return clean || "(名前なし)";
}
