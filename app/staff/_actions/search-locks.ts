"use server";
// 検索ロックの解除 (R11): staff lift a user ID's search lock with a reason; the service records
// the lift and audits who and why in one transaction.
import { liftSearchLock } from "@/app/_server/qualifications/lock-lift";
import { staffAction } from "@/app/_server/staff/auth";
import { actionState, BAD_INPUT, formFields } from "@/app/_server/staff/form-input";
import type { StaffFailure } from "@/app/_shared/staff-contracts";

export type LiftActionState = { ok: true; message: string } | StaffFailure | null;

export async function liftSearchLockAction(
  previous: LiftActionState,
  formData: FormData,
): Promise<LiftActionState> {
  return staffAction("staff", async (staff): Promise<LiftActionState> => {
    const fields = actionState(previous) ? formFields(formData, ["userId", "reason"]) : null;
    if (!fields) return BAD_INPUT;
    const result = await liftSearchLock(staff, { userId: fields.userId, reason: fields.reason });
    if (!result.ok) return result;
    return { ok: true, message: `ユーザID ${result.userId} の検索ロックを解除しました。` };
  });
}
