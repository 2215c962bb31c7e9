import "server-only";
import type { AgencyView } from "@/app/_shared/contracts";
import { db } from "./db";

export async function listAgencies(): Promise<AgencyView[]> {
  const rows = await db().agency.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  return rows.map((a) => ({ code: a.code, name: a.name, goods: a.goods }));
}
