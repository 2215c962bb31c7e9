"use server";
// 係員呼び出し: staff mark a kiosk's call handled; the service audits it with the staff login.
import { handleCall } from "@/app/_server/assist/calls";
import { staffAction } from "@/app/_server/staff/auth";
import { BAD_INPUT } from "@/app/_server/staff/form-input";
import type { StaffFailure } from "@/app/_shared/staff-contracts";

export type HandleCallState = { ok: true } | StaffFailure | { ok: false; code: "notFound"; message: string };

export async function handleCallAction(callId: string): Promise<HandleCallState> {
  return staffAction("staff", async (staff) =>
    typeof callId === "string" ? handleCall(staff, callId) : BAD_INPUT,
  );
}
