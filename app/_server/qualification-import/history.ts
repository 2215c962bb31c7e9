import "server-only";
import type { PrismaClient } from "@/prisma/client";
import { db } from "../db";

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
