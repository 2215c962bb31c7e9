"use server";
// サインアウト: the StaffSession row is revoked at once (the JWT stops counting on every server
// check), and next-auth's session cookie is dropped, as next-auth's own signout would.
import { cookies } from "next/headers";
import { staffAction } from "@/app/_server/staff/auth";
import { revokeStaffSession } from "@/app/_server/staff/sessions";
import type { StaffFailure } from "@/app/_shared/staff-contracts";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export async function signOutAction(): Promise<{ ok: true } | StaffFailure> {
  return staffAction("staff", async (staff) => {
    await revokeStaffSession(staff);
    const jar = await cookies();
    for (const name of SESSION_COOKIES) {
      if (jar.get(name)) jar.delete(name);
    }
    return { ok: true as const };
  });
}
