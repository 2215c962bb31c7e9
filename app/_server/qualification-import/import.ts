import "server-only";
import { createHash } from "node:crypto";
import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import { Prisma, type PrismaClient } from "@/prisma/client";
import { audit } from "../audit";
import { canonicalJson } from "../audit-chain";
import { db } from "../db";
import {
  fieldName,
  parseQualificationCsv,
  sortErrors,
  type CompanyInfo,
  type CsvRow,
  type ImportError,
} from "./csv";

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

const CHUNK = 500;
/** argon2 runs on libuv's pool; a few at a time keeps the server responsive during a big import */
const HASH_CONCURRENCY = 4;

type Existing = Prisma.QualificationGetPayload<{ include: { agencies: { select: { agencyId: true } } } }>;

type Plan =
  | {
      type: "create";
      row: CsvRow;
      data: Omit<Prisma.QualificationUncheckedCreateInput, "agencies">;
      agencyIds: string[];
    }
  | {
      type: "update";
      row: CsvRow;
      id: string;
      data: Prisma.QualificationUncheckedUpdateInput;
      agencyIds: string[] | null;
    }
  | { type: "unchanged"; row: CsvRow };

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
  const agencies = await client.agency.findMany({ select: { id: true, code: true } });
  const agencyId = new Map(agencies.map((a) => [a.code, a.id]));
  const existing = await loadExisting(
    client,
    parsed.rows.map((r) => r.userId),
  );
  const inFile = new Set(parsed.rows.map((r) => key(r.userId, r.kind)));
  const successors = await loadExistingKeys(
    client,
    parsed.rows.flatMap((r) => (r.successorUserId ? [r.successorUserId] : [])),
  );

  for (const row of parsed.rows) {
    const unknown = row.agencyCodes.filter((c) => !agencyId.has(c));
    if (unknown.length > 0) {
      errors.push({
        line: row.line,
        field: fieldName("agencies"),
        message: `登録されていない調達機関コードです: ${unknown.join("、")}。先に調達機関を登録してください。`,
      });
    }
    const current = existing.get(key(row.userId, row.kind));
    if (!current && !row.password) {
      errors.push({
        line: row.line,
        field: fieldName("passwordHash"),
        message: "新しい資格です。パスワードハッシュか初期パスワードのどちらかを記入してください。",
      });
    }
    if (row.successorUserId) {
      const successorKey = key(row.successorUserId, row.kind);
      if (!inFile.has(successorKey) && !successors.has(successorKey)) {
        errors.push({
          line: row.line,
          field: fieldName("successorUserId"),
          message: "後継ユーザIDの資格（同じ業務区分）が、このファイルにもデータベースにもありません。",
        });
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };

  // ---- what changes (password hashing happens here, outside the transaction) ----
  const plans = await mapLimit(parsed.rows, HASH_CONCURRENCY, (row) =>
    plan(row, existing.get(key(row.userId, row.kind)), agencyId, now),
  );
  const counts = {
    created: plans.filter((p) => p.type === "create").length,
    updated: plans.filter((p) => p.type === "update").length,
    unchanged: plans.filter((p) => p.type === "unchanged").length,
  };

  try {
    const importId = await client.$transaction(
      async (tx) => {
        // the plan was made outside the transaction: another import in between makes it stale
        if ((await tableStamp(tx)) !== before) throw new ConcurrentImport();
        // new rows in batches: one statement per few hundred rows instead of two per row
        const creates = plans.filter((p) => p.type === "create");
        for (const batch of chunks(creates, CHUNK)) {
          const created = await tx.qualification.createManyAndReturn({
            data: batch.map((p) => p.data),
            select: { id: true, userId: true, kind: true },
          });
          const idOf = new Map(created.map((q) => [key(q.userId, q.kind), q.id]));
          await tx.qualificationAgency.createMany({
            data: batch.flatMap((p) =>
              p.agencyIds.map((agency) => ({
                qualificationId: idOf.get(key(p.row.userId, p.row.kind))!,
                agencyId: agency,
              })),
            ),
          });
        }
        for (const p of plans) {
          if (p.type === "update") {
            if (Object.keys(p.data).length > 0)
              await tx.qualification.update({ where: { id: p.id }, data: p.data });
            if (p.agencyIds) {
              // the file's set replaces the old one
              await tx.qualificationAgency.deleteMany({ where: { qualificationId: p.id } });
              await tx.qualificationAgency.createMany({
                data: p.agencyIds.map((id) => ({ qualificationId: p.id, agencyId: id })),
              });
            }
          }
        }
        const record = await tx.qualificationImport.create({
          data: {
            fileName,
            sha256,
            rows: plans.length,
            ...counts,
            importedBy: input.importedBy,
            createdAt: now,
          },
        });
        await audit(
          {
            action: "qualification.import",
            outcome: "ok",
            staffLogin: input.importedBy,
            detail: { importId: record.id, fileName, sha256, rows: plans.length, ...counts },
          },
          tx,
        );
        return record.id;
      },
      // a large file is many statements (about 1 ms a new row, 2 ms a changed row through Prisma
      // on SQLite: 25,000 new rows ≈ 30 s); the default 5 s would cut it off
      { timeout: 30 * 60_000, maxWait: 60_000 },
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

export type ImportHistoryRow = {
  id: string;
  fileName: string;
  sha256: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  importedBy: string;
  createdAt: Date;
};

/** The console's import history, latest first. */
export async function listQualificationImports(
  limit = 50,
  client: PrismaClient = db(),
): Promise<ImportHistoryRow[]> {
  return client.qualificationImport.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

// ---- helpers ----

class ConcurrentImport extends Error {}

/** Changes whenever a qualification is created or updated (nothing deletes them). */
async function tableStamp(client: Pick<PrismaClient, "qualification">): Promise<string> {
  const { _count, _max } = await client.qualification.aggregate({ _count: true, _max: { updatedAt: true } });
  return `${_count}:${_max.updatedAt?.getTime() ?? 0}`;
}

const key = (userId: string, kind: string) => `${userId}:${kind}`;

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001F\u007F]/g, "").slice(0, 200);
  return clean || "(名前なし)";
}

async function loadExisting(client: PrismaClient, userIds: string[]): Promise<Map<string, Existing>> {
  const map = new Map<string, Existing>();
  for (const chunk of chunks([...new Set(userIds)], CHUNK)) {
    const rows = await client.qualification.findMany({
      where: { userId: { in: chunk } },
      include: { agencies: { select: { agencyId: true } } },
    });
    for (const q of rows) map.set(key(q.userId, q.kind), q);
  }
  return map;
}

async function loadExistingKeys(client: PrismaClient, userIds: string[]): Promise<Set<string>> {
  const set = new Set<string>();
  for (const chunk of chunks([...new Set(userIds)], CHUNK)) {
    const rows = await client.qualification.findMany({
      where: { userId: { in: chunk } },
      select: { userId: true, kind: true },
    });
    for (const q of rows) set.add(key(q.userId, q.kind));
  }
  return set;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function sameCompany(stored: unknown, next: CompanyInfo | null): boolean {
  if (stored === null || stored === undefined) return next === null;
  return next !== null && canonicalJson(stored) === canonicalJson(next);
}

async function plan(
  row: CsvRow,
  current: Existing | undefined,
  agencyId: Map<string, string>,
  now: Date,
): Promise<Plan> {
  const agencyIds = row.agencyCodes.map((c) => agencyId.get(c)!);
  const fields = {
    officialName: row.officialName,
    status: row.status,
    successorUserId: row.successorUserId,
    delegated: row.delegated,
    ...row.company,
  };

  if (!current) {
    // checked above: a new row always has a password
    const passwordHash =
      row.password!.type === "hash" ? row.password!.hash : await argon2Hash(row.password!.plain);
    return {
      type: "create",
      row,
      agencyIds,
      data: {
        userId: row.userId,
        kind: row.kind,
        ...fields,
        passwordHash,
        passwordChangedAt: row.passwordChangedAt ?? now,
        previousCompany: row.previousCompany ?? Prisma.DbNull,
      },
    };
  }

  const data: Prisma.QualificationUncheckedUpdateInput = {};
  for (const [name, value] of Object.entries(fields) as [keyof typeof fields, string | boolean | null][]) {
    if (current[name] !== value) (data as Record<string, unknown>)[name] = value;
  }
  if (!sameCompany(current.previousCompany, row.previousCompany)) {
    data.previousCompany = row.previousCompany ?? Prisma.DbNull;
  }

  // the same initial password again is not a change: check it against the stored hash first
  let passwordChanged = false;
  if (row.password?.type === "hash" && row.password.hash !== current.passwordHash) {
    data.passwordHash = row.password.hash;
    passwordChanged = true;
  } else if (
    row.password?.type === "plain" &&
    !(await safeVerify(current.passwordHash, row.password.plain))
  ) {
    data.passwordHash = await argon2Hash(row.password.plain);
    passwordChanged = true;
  }
  const changedAt = row.passwordChangedAt ?? (passwordChanged ? now : null);
  if (changedAt && changedAt.getTime() !== current.passwordChangedAt.getTime())
    data.passwordChangedAt = changedAt;

  const currentAgencies = new Set(current.agencies.map((a) => a.agencyId));
  const agenciesChanged =
    currentAgencies.size !== agencyIds.length || agencyIds.some((id) => !currentAgencies.has(id));

  if (Object.keys(data).length === 0 && !agenciesChanged) return { type: "unchanged", row };
  return { type: "update", row, id: current.id, data, agencyIds: agenciesChanged ? agencyIds : null };
}

async function safeVerify(storedHash: string, plain: string): Promise<boolean> {
  try {
    return await argon2Verify(storedHash, plain);
  } catch {
    // a stored hash argon2 cannot read: the import's password replaces it
    return false;
  }
}
