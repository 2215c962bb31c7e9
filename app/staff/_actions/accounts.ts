"use server";
// 職員アカウント (admin only). Each answer is { ok: true, message } or a StaffFailure with
// messages by field; the page refreshes itself after a success.
import {
  changeStaffRole,
  createStaffAccount,
  resetStaffPassword,
  setStaffDisabled,
  type AccountResult,
} from "@/app/_server/staff/accounts";
import { staffAction } from "@/app/_server/staff/auth";
import { BAD_INPUT, formFields } from "@/app/_server/staff/form-input";
import { unlockSignInSource, unlockStaffSignIn } from "@/app/_server/staff/signin-unlock";

export async function createStaffAccountAction(form: FormData): Promise<AccountResult> {
  return staffAction("admin", async (staff) => {
    const fields = formFields(form, ["login", "displayName", "role", "password"]);
    return fields ? createStaffAccount(staff, fields) : BAD_INPUT;
  });
}

export async function changeStaffRoleAction(form: FormData): Promise<AccountResult> {
  return staffAction("admin", async (staff) => {
    const fields = formFields(form, ["staffUserId", "role"]);
    return fields ? changeStaffRole(staff, fields) : BAD_INPUT;
  });
}

export async function setStaffDisabledAction(form: FormData): Promise<AccountResult> {
  return staffAction("admin", async (staff) => {
    const fields = formFields(form, ["staffUserId", "disabled"]);
    return fields ? setStaffDisabled(staff, fields) : BAD_INPUT;
  });
}

export async function resetStaffPasswordAction(form: FormData): Promise<AccountResult> {
  return staffAction("admin", async (staff) => {
    const fields = formFields(form, ["staffUserId", "password"]);
    return fields ? resetStaffPassword(staff, fields) : BAD_INPUT;
  });
}

/** ロック解除: a login locked by failed sign-ins may sign in again at once (issue 12 item 5). */
export async function unlockStaffSignInAction(form: FormData): Promise<AccountResult> {
  return staffAction("admin", async (staff) => {
    const fields = formFields(form, ["staffUserId", "reason"]);
    return fields ? unlockStaffSignIn(staff, fields) : BAD_INPUT;
  });
}

/** ロック解除 of a source address refused after twenty failed sign-ins (issue 12 leftover 3). */
export async function unlockSignInSourceAction(form: FormData): Promise<AccountResult> {
  return staffAction("admin", async (staff) => {
    const fields = formFields(form, ["source", "reason"]);
    return fields ? unlockSignInSource(staff, fields) : BAD_INPUT;
  });
}
