"use server";
// 端末の開始・終了: staff open this terminal for walk-ins (a reason is required outside operating
// hours, R23) and close it. The services audit both with the staff login.
import { closeTerminal, openTerminal } from "@/app/_server/visit/terminals";
import { staffAction } from "@/app/_server/staff/auth";
import { actionState, BAD_INPUT, formFields } from "@/app/_server/staff/form-input";
import type { StaffFailure } from "@/app/_shared/staff-contracts";

export type TerminalActionState = { ok: true; message: string } | StaffFailure | null;

export async function openTerminalAction(
  previous: TerminalActionState,
  formData: FormData,
): Promise<TerminalActionState> {
  return staffAction("staff", async (staff): Promise<TerminalActionState> => {
    const fields = actionState(previous) ? formFields(formData, ["reason"]) : null;
    if (!fields) return BAD_INPUT;
    const result = await openTerminal(staff, { reason: fields.reason ?? null });
    if (!result.ok) return result;
    return {
      ok: true,
      message: result.override
        ? "受付を開始しました（受付時間外の開始として理由を記録しました）。"
        : "受付を開始しました。",
    };
  });
}

export async function closeTerminalAction(
  previous: TerminalActionState,
  formData: FormData,
): Promise<TerminalActionState> {
  return staffAction("staff", async (staff): Promise<TerminalActionState> => {
    if (!actionState(previous) || !(formData instanceof FormData)) return BAD_INPUT;
    const result = await closeTerminal(staff);
    if (!result.ok) return result;
    return {
      ok: true,
      message: "受付を終了しました。新しい受付はできません（操作中の方は最後まで続けられます）。",
    };
  });
}
