// Stand-ins for the staff console's sign-in, shared by the integration tests of issue 5. Each is
// meant for a vi.mock factory, which loads this module lazily, so the test and the mock share the
// same `who` / `jwt` objects:
//
//   vi.mock("@/app/_server/staff/auth", () => import("@/test/support/staff").then((m) => m.fakeStaffAuth()));
//   import { who, STAFF } from "@/test/support/staff";
import { FORBIDDEN, UNAUTHORIZED } from "@/app/_shared/staff-contracts";
import type { StaffIdentity } from "@/app/_server/staff/auth";

export const STAFF: StaffIdentity = {
  id: "s1",
  login: "staff01",
  displayName: "職員",
  role: "staff",
  sessionId: "s",
};

export const ADMIN: StaffIdentity = {
  id: "a1",
  login: "admin01",
  displayName: "管理者",
  role: "admin",
  sessionId: "s",
};

/** Who fakeStaffAuth() says is signed in; a test sets `who.staff` (null: nobody). */
export const who: { staff: StaffIdentity | null } = { staff: null };

/** app/_server/staff/auth answering for `who.staff`, with staffAction's refusals (401, then 403). */
export function fakeStaffAuth() {
  return {
    currentStaff: async () => who.staff,
    requireStaffPage: async () => who.staff,
    staffAction: async (role: string, run: (s: StaffIdentity) => Promise<unknown>) => {
      if (!who.staff) return UNAUTHORIZED;
      if (role === "admin" && who.staff.role !== "admin") return FORBIDDEN;
      return run(who.staff);
    },
  };
}

/**
 * app/_server/staff/auth for tests that render console pages: every page lets STAFF in (reporting
 * the role it asked for to `onPage`), and no server action gets past staffAction.
 */
export function consolePageAuth(onPage: (role: string) => void = () => undefined) {
  return {
    requireStaffPage: async (role: string) => {
      onPage(role);
      return STAFF;
    },
    currentStaff: async () => null,
    staffAction: async () => UNAUTHORIZED,
  };
}

/** The JWT's content next-auth would decode: the server-side staff session's id, or null. */
export const jwt: { sid: string | null } = { sid: null };

/**
 * next-auth with getServerSession answering `jwt.sid`, so the real currentStaff /
 * requireStaffPage / staffAction and the StaffSession table checks run:
 *
 *   vi.mock("next-auth", async (original) =>
 *     (await import("@/test/support/staff")).nextAuthWithJwt(await original()));
 */
export function nextAuthWithJwt<T extends object>(actual: T) {
  return {
    ...actual,
    getServerSession: async () => (jwt.sid ? { sid: jwt.sid, expires: "2099-01-01T00:00:00.000Z" } : null),
  };
}
