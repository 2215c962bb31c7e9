import "server-only";
import type { Prisma, PrismaClient } from "@/prisma/client";
import { CHUNK, chunks, key } from "./batches";
import { fieldName } from "./columns";
import type { ImportError } from "./errors";
import type { CsvRow } from "./row";

// The rules only the database can check (csv.ts has the file's own): every agency code is
// registered, a new qualification comes with a password, and a successor exists somewhere.

export type Existing = Prisma.QualificationGetPayload<{
  include: { agencies: { select: { agencyId: true } } };
}>;

export type DatabaseView = {
  /** agency code → agency id */
  agencyId: Map<string, string>;
  /** user ID + kind → the stored qualification */
  existing: Map<string, Existing>;
};

/** Appends every row's database errors to `errors`; returns what the plan needs from the reads. */
export async function checkAgainstDatabase(
  client: PrismaClient,
  rows: CsvRow[],
  errors: ImportError[],
): Promise<DatabaseView> {
  const agencies = await client.agency.findMany({ select: { id: true, code: true } });
  const agencyId = new Map(agencies.map((a) => [a.code, a.id]));
  const existing = await loadExisting(
    client,
    rows.map((r) => r.userId),
  );
  const inFile = new Set(rows.map((r) => key(r.userId, r.kind)));
  const successors = await loadExistingKeys(
    client,
    rows.flatMap((r) => (r.successorUserId ? [r.successorUserId] : [])),
  );

  for (const row of rows) {
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
  return { agencyId, existing };
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
