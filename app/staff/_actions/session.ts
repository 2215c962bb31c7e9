"use server";
// サインアウト: the StaffSession row is revoked at once (the JWT stops counting on every server
// check), and next-auth's session cookie is dropped, as next-auth's own signout would.
import { cookies } from "next/headers";
import { staffAction } from "@/app/_server/staff/auth";
import { staffCookiesSecure, staffSessionCookie } from "@/app/_server/staff/cookies";
import { BAD_INPUT, noArguments } from "@/app/_server/staff/form-input";
import { revokeStaffSession } from "@/app/_server/staff/sessions";
import type { StaffFailure } from "@/app/_shared/staff-contracts";

export async function signOutAction(...args: []): Promise<{ ok: true } | StaffFailure> {
  return staffAction("staff", async (staff) => {
    if (!noArguments(args)) return BAD_INPUT;
    await revokeStaffSession(staff);
    const jar = await cookies();
    const secure = staffCookiesSecure();
    const name = staffSessionCookie(secure);
    if (jar.get(name)) {
      // a browser ignores the expiry of a __Host- cookie unless it is Secure with path /
      if (secure) jar.delete({ name, path: "/", secure: true, httpOnly: true, sameSite: "lax" });
      else jar.delete(name);
    }
    return { ok: true as const };
  });
}
