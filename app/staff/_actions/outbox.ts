"use server";

import { kickOutbox } from "@/app/_server/email/dispatcher";
import { retryEmail } from "@/app/_server/email/retry";
import { staffAction } from "@/app/_server/staff/auth";
import { actionState, BAD_INPUT, formFields } from "@/app/_server/staff/form-input";
import type { StaffFailure } from "@/app/_shared/staff-contracts";

export type RetryEmailState = { ok: true; message: string } | StaffFailure | null;

/** 再送 of one outbox email (R40): due now, audited; the dispatcher is woken after the commit. */
export async function retryEmailAction(
  previous: RetryEmailState,
  formData: FormData,
): Promise<RetryEmailState> {
  return staffAction("staff", async (staff): Promise<RetryEmailState> => {
    const fields = actionState(previous) ? formFields(formData, ["emailId"]) : null;
    if (!fields) return BAD_INPUT;
    const emailId = fields.emailId;
    if (emailId === undefined) {
      return { ok: false, code: "invalid", message: "指定されたメールは見つかりません。" };
    }
    const result = await retryEmail(staff, emailId);
    if (!result.ok) return { ok: false, code: result.code, message: result.message };
    // never rejects; without RESEND_API_KEY the email simply stays pending in the outbox
    void kickOutbox();
    return { ok: true, message: "再送を受け付けました。まもなく送信されます。" };
  });
}
