import "server-only";
import crypto from "node:crypto";
import type { StaffRole } from "@/app/_shared/staff-contracts";
import { audit } from "../audit/append";
import { keyedDigest } from "../audit/key";
import { config } from "../config";
import { db, type Tx } from "../db";
import { verifyPassword } from "./passwords";
import { UNKNOWN_SOURCE } from "./signin-source";
import { claimSignInAttempt, markSignInSucceeded, pauseBeforeAnswer, signInDelayMs } from "./signin-throttle";

export type StaffIdentity = {
  id: string;
  login: string;
  displayName: string;
  role: StaffRole;
  /** the StaffSession row behind the JWT */
  sessionId: string;
};

export type SignInResult =
  { ok: true; identity: StaffIdentity } | { ok: false; reason: "invalid" | "throttled" };

const MINUTE = 60_000;
/** Longest login / password looked at; anything longer is refused without hashing megabytes. */
const MAX_LOGIN = 64;
const MAX_PASSWORD = 256;

export function isStaffRole(value: unknown): value is StaffRole {
  return value === "staff" || value === "admin";
}

/** admin ⊇ staff */
export function hasRole(staff: { role: StaffRole }, role: StaffRole): boolean {
  return role === "staff" || staff.role === "admin";
}

function sessionLifetimeMs(): number {
  return config().STAFF_SESSION_MINUTES * MINUTE;
}

/**
 * Checks a login and password. On success a StaffSession row is made (random 256-bit id) and the
 * sign-in audited; every refusal is audited too (login only, never the password). After
 * STAFF_SIGNIN_MAX_FAILURES failures for one login, or STAFF_SIGNIN_SOURCE_MAX_FAILURES from one
 * source address, within the window, the attempt is refused before its password is looked at
 * (./signin-throttle.ts: counted atomically); each earlier failure adds a wait before the answer.
 */
export async function signInStaff(
  rawLogin: unknown,
  rawPassword: unknown,
  now: Date = new Date(),
  source: string = UNKNOWN_SOURCE,
): Promise<SignInResult> {
  const login = typeof rawLogin === "string" ? rawLogin.trim().slice(0, MAX_LOGIN) : "";
  const password = typeof rawPassword === "string" ? rawPassword : "";

  // read before the claim: a member's count is keyed by their id, the same on every server
  const user = login ? await db().staffUser.findUnique({ where: { login } }) : null;
  // an unknown name may be a password typed into ログイン名: the audit log keeps it only as its
  // keyed hash (issue 12 item 4), and so does its counter (loginKey)
  const recorded = user || !login ? login : keyedDigest(login);
  const claim = await claimSignInAttempt({ login, staffUserId: user?.id ?? null }, source, now);
  await pauseBeforeAnswer(signInDelayMs(claim.priorFailures));
  if (claim.throttled) {
    await audit({
      action: "staff.signin",
      outcome: "refused",
      detail: { login: recorded, reason: "throttled" },
    });
    return { ok: false, reason: "throttled" };
  }

  const usable = password.length > 0 && password.length <= MAX_PASSWORD;
  // verify even for unknown logins (dummy hash) so the answer's timing does not tell them apart
  const matches = await verifyPassword(user?.passwordHash ?? null, usable ? password : "");
  if (!user || !usable || !matches || user.disabledAt || !isStaffRole(user.role)) {
    const reason = !user ? "unknown" : !usable || !matches ? "password" : "disabled";
    await audit({ action: "staff.signin", outcome: "refused", detail: { login: recorded, reason } });
    return { ok: false, reason: "invalid" };
  }

  await markSignInSucceeded(claim, now);
  const sessionId = crypto.randomBytes(32).toString("base64url");
  const role = user.role;
  await db().$transaction(async (tx) => {
    await tx.staffSession.create({
      data: {
        id: sessionId,
        staffUserId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + sessionLifetimeMs()),
      },
    });
    await audit(
      { action: "staff.signin", outcome: "ok", staffLogin: user.login, detail: { login: user.login } },
      tx,
    );
  });
  return {
    ok: true,
    identity: { id: user.id, login: user.login, displayName: user.displayName, role, sessionId },
  };
}

/**
 * The staff member behind a StaffSession id, whatever the role: the row is live (not revoked, not
 * expired) and the staff member not disabled. Slides the expiry (written at most once a minute).
 */
export async function staffForSession(
  sessionId: unknown,
  now: Date = new Date(),
): Promise<StaffIdentity | null> {
  if (typeof sessionId !== "string" || sessionId.length === 0 || sessionId.length > 100) return null;
  const session = await db().staffSession.findUnique({
    where: { id: sessionId },
    include: { staffUser: true },
  });
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  const user = session.staffUser;
  if (user.disabledAt || !isStaffRole(user.role)) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= MINUTE) {
    // only a live, unrevoked row slides: a sign-out in between must win
    await db().staffSession.updateMany({
      where: { id: session.id, revokedAt: null },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionLifetimeMs()) },
    });
  }
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    sessionId: session.id,
  };
}

/** Sign-out: the row is revoked at once, so the JWT is worthless even before it expires. */
export async function revokeStaffSession(staff: StaffIdentity, now: Date = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.staffSession.updateMany({
      where: { id: staff.sessionId, revokedAt: null },
      data: { revokedAt: now },
    });
    await audit({ action: "staff.signout", outcome: "ok", staffLogin: staff.login }, tx);
  });
}

/** Every live session of one staff member (disable, password reset), inside the caller's transaction. */
export async function revokeAllSessions(tx: Tx, staffUserId: string, now: Date): Promise<number> {
  const { count } = await tx.staffSession.updateMany({
    where: { staffUserId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}
