import "server-only";
import type { PrismaClient } from "@/prisma/client";
import { audit } from "../audit/append";
import { CHUNK, chunks, key } from "./batches";
import type { Plan } from "./plan";

// The write: every planned change, the QualificationImport row and its audit row in one
// transaction, so a file is either wholly imported or not at all.

export type ImportRecord = {
  fileName: string;
  sha256: string;
  importedBy: string;
  now: Date;
  counts: { created: number; updated: number; unchanged: number };
};

/** Changes whenever a qualification is created or updated (nothing deletes them). */
export async function tableStamp(client: Pick<PrismaClient, "qualification">): Promise<string> {
  const { _count, _max } = await client.qualification.aggregate({ _count: true, _max: { updatedAt: true } });
  return `${_count}:${_max.updatedAt?.getTime() ?? 0}`;
}

export class ConcurrentImport extends Error {}

/**
 * Applies the plans and returns the new import's id. Throws ConcurrentImport when the table
 * changed since `before` (the stamp the plans were made from).
 */
export async function applyPlans(
  client: PrismaClient,
  plans: Plan[],
  { fileName, sha256, importedBy, now, counts }: ImportRecord,
  before: string,
): Promise<string> {
  return client.$transaction(
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
          importedBy,
          createdAt: now,
        },
      });
      await audit(
        {
          action: "qualification.import",
          outcome: "ok",
          staffLogin: importedBy,
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
}
