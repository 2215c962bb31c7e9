import "server-only";
import type { StaffFailure, StaffRole } from "@/app/_shared/staff-contracts";

// CONTRACT (issue 5). The staff-auth helper replaces these bodies; the signatures stay.

export type StaffIdentity = {
  id: string;
  login: string;
  displayName: string;
  role: StaffRole;
  /** the StaffSession row behind the JWT */
  sessionId: string;
};

/**
 * The signed-in staff member when the next-auth JWT is valid, its StaffSession row is live (not
 * revoked, not expired), the staff member is not disabled and has `role` (admin passes "staff").
 * Otherwise null. For route handlers and server actions.
 */
export async function currentStaff(_role: StaffRole = "staff"): Promise<StaffIdentity | null> {
  throw new Error("staff auth not implemented yet");
}

/**
 * For pages and layouts: returns the staff member, or redirects to /staff/signin?callbackUrl=…
 * (no valid session) or renders the 403 page (role too low).
 */
export async function requireStaffPage(_role: StaffRole = "staff"): Promise<StaffIdentity> {
  throw new Error("staff auth not implemented yet");
}

/**
 * Wraps a staff server action body: refuses with UNAUTHORIZED / FORBIDDEN before `run` is called.
 * Every exported action in app/staff/_actions/ is written as
 *   export async function x(input) { return staffAction("staff", (staff) => …) }
 */
export async function staffAction<T>(
  _role: StaffRole,
  _run: (staff: StaffIdentity) => Promise<T>,
): Promise<T | StaffFailure> {
  throw new Error("staff auth not implemented yet");
}
