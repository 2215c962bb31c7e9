import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect, unstable_rethrow } from "next/navigation";
import {
  ACTION_FAILED,
  FORBIDDEN,
  UNAUTHORIZED,
  type StaffFailure,
  type StaffRole,
} from "@/app/_shared/staff-contracts";
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
  let staff: StaffIdentity | null;
  try {
    staff = await signedInStaff();
  } catch (error) {
    unstable_rethrow(error);
    logFailure("session check", error);
    return ACTION_FAILED;
  }
  if (!staff) return UNAUTHORIZED;
  if (!hasRole(staff, role)) return FORBIDDEN;
  try {
    return await run(staff);
  } catch (error) {
    // redirect() / notFound() inside an action are Next's control flow, not failures
    unstable_rethrow(error);
    logFailure("action", error);
    return ACTION_FAILED;
  }
}

/** Name, code and stack frames only: an error's message can quote the input (Prisma does). */
function logFailure(where: string, error: unknown): void {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const frames = (error.stack ?? "")
      .split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 8)
      .join("\n");
    console.warn(
      `[staff] ${where} failed: ${error.name}${typeof code === "string" ? ` ${code}` : ""}\n${frames}`,
    );
  } else {
    console.warn(`[staff] ${where} failed: ${typeof error}`);
  }
}
