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
import { formFields } from "@/app/_server/staff/form-input";
import { unlockStaffSignIn } from "@/app/_server/staff/signin-unlock";

export async function createStaffAccountAction(form: FormData): Promise<AccountResult> {
  return staffAction("admin", (staff) => createStaffAccount(staff, formFields(form)));
}

export async function changeStaffRoleAction(form: FormData): Promise<AccountResult> {
  return staffAction("admin", (staff) => changeStaffRole(staff, formFields(form)));
}

export async function setStaffDisabledAction(form: FormData): Promise<AccountResult> {
  return staffAction("admin", (staff) => setStaffDisabled(staff, formFields(form)));
}

export async function resetStaffPasswordAction(form: FormData): Promise<AccountResult> {
  return staffAction("admin", (staff) => resetStaffPassword(staff, formFields(form)));
}

/** ロック解除: a login locked by failed sign-ins may sign in again at once (issue 12 item 5). */
export async function unlockStaffSignInAction(form: FormData): Promise<AccountResult> {
  return staffAction("admin", (staff) => unlockStaffSignIn(staff, formFields(form)));
}
