"use server";
// The console's audit area: 「改ざん検査」 walks the audit chain (issue 5, item 4). Reading only;
// any staff member may run it.
import { describeVerification, verifyAuditChain, type ChainBreakReason } from "@/app/_server/audit/verify";
import { staffAction } from "@/app/_server/staff/auth";
import { BAD_INPUT, noArguments } from "@/app/_server/staff/form-input";
import type { StaffFailure } from "@/app/_shared/staff-contracts";

export type AuditVerifyView = {
  ok: true;
  /** the chain is intact */
  intact: boolean;
  rows: number;
  /** one line for the screen: "監査ログ 1234 行: 改ざんなし" or the first broken row */
  summary: string;
  firstBroken: { seq: number; id: string | null; reason: ChainBreakReason; message: string } | null;
  checkedAt: string;
};

export async function verifyAuditChainAction(...args: []): Promise<AuditVerifyView | StaffFailure> {
  return staffAction("staff", async () => {
    if (!noArguments(args)) return BAD_INPUT;
    const result = await verifyAuditChain();
    const b = result.firstBroken;
    return {
      ok: true as const,
      intact: result.ok,
      rows: result.rows,
      summary: describeVerification(result),
      firstBroken: b ? { seq: b.seq, id: b.id, reason: b.reason, message: b.message } : null,
      checkedAt: new Date().toISOString(),
    };
  });
}
