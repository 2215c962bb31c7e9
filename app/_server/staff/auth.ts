import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import {
  ACTION_FAILED,
  FORBIDDEN,
  UNAUTHORIZED,
  type StaffFailure,
  type StaffRole,
} from "@/app/_shared/staff-contracts";
import { answerUnexpected, withReference } from "../log";
import { authOptions } from "./auth-options";
import { safeStaffPath } from "./callback-url";
import { hasRole, staffForSession, type StaffIdentity } from "./sessions";

export type { StaffIdentity } from "./sessions";

// There is no proxy.ts: every staff page, route handler and server action asks here, on the server.

/**
 * The signed-in staff member whatever the role, or null (no JWT, or its session row is dead).
 * Asked once per server request (the layout and the page both ask): React's cache().
 */
const signedInStaff = cache(async (): Promise<StaffIdentity | null> => {
  const session = (await getServerSession(authOptions())) as { sid?: unknown } | null;
  if (!session) return null;
  return staffForSession(session.sid);
});

/**
 * The signed-in staff member when the next-auth JWT is valid, its StaffSession row is live (not
 * revoked, not expired), the staff member is not disabled and has `role` (admin passes "staff").
 * Otherwise null. For route handlers and server actions.
 */
export async function currentStaff(role: StaffRole = "staff"): Promise<StaffIdentity | null> {
  const staff = await signedInStaff();
  return staff && hasRole(staff, role) ? staff : null;
}

/**
 * For pages and layouts: returns the staff member, or redirects to /staff/signin?callbackUrl=…
 * (no valid session) or answers 403 with app/staff/forbidden.tsx (role too low). `path` is the
 * page to come back to after signing in; without it the client-side navigation header is used,
 * else /staff.
 */
export async function requireStaffPage(role: StaffRole = "staff", path?: string): Promise<StaffIdentity> {
  const staff = await signedInStaff();
  if (!staff) {
    const back = safeStaffPath(path ?? (await navigationPath()));
    redirect(`/staff/signin?callbackUrl=${encodeURIComponent(back)}`);
  }
  if (!hasRole(staff, role)) forbidden();
  return staff;
}

async function navigationPath(): Promise<string | undefined> {
  // Next sends the current URL with client-side navigations; a full page load has none
  return (await headers()).get("next-url") ?? undefined;
}

/**
 * Wraps a staff server action body: refuses with UNAUTHORIZED / FORBIDDEN before `run` is called.
 * Every exported action in app/staff/_actions/ is written as
 *   export async function x(input) { return staffAction("staff", (staff) => …) }
 * An unexpected error becomes ACTION_FAILED (logged without the input), never a 500.
 */
export async function staffAction<T>(
  role: StaffRole,
  run: (staff: StaffIdentity) => Promise<T>,
): Promise<T | StaffFailure> {
  // a staff action that fails is the staff member's to retry (ACTION_FAILED): a warning, not an error
  const staff = await answerUnexpected("staff", "session check", "warn", actionFailed, signedInStaff);
  if (staff && "code" in staff) return staff;
  if (!staff) return UNAUTHORIZED;
  if (!hasRole(staff, role)) return FORBIDDEN;
  return answerUnexpected("staff", "action", "warn", actionFailed, () => run(staff));
}

/** ACTION_FAILED with the log line's 問い合わせ番号, so the one line can be found (issue 12 item 3). */
function actionFailed(reference: string): StaffFailure {
  return { ...ACTION_FAILED, message: withReference(ACTION_FAILED.message, reference) };
}
