import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "../config";
import { staffCookieOptions, staffCookiesSecure } from "./cookies";
import { safeStaffPath } from "./callback-url";
import { nextAuthSecret } from "./secret";
import { signInStaff } from "./sessions";
import { signInSource } from "./signin-source";

/** The `error` query value the sign-in page turns into the throttle message. */
export const THROTTLED = "throttled";

let cached: NextAuthOptions | undefined;

/**
 * next-auth 4: credentials (login + password) and a short JWT. The JWT only carries the
 * StaffSession id (`sid`); whether that session still counts is decided by the table on every
 * request (app/_server/staff/auth.ts), so sign-out and disabling take effect at once.
 */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const maxAge = config().STAFF_SESSION_MINUTES * 60;
  cached = {
    secret: nextAuthSecret(),
    // the JWT is re-issued (sliding) whenever /api/auth/session is read: the console's keep-alive
    session: { strategy: "jwt", maxAge, updateAge: 60 },
    jwt: { maxAge },
    // the terminal serves http://127.0.0.1: Secure cookies would never come back; over https
    // they are Secure and __Host- (cookies.ts)
    useSecureCookies: staffCookiesSecure(),
    cookies: staffCookieOptions(staffCookiesSecure()),
    pages: { signIn: "/staff/signin", error: "/staff/signin", signOut: "/staff/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "職員",
        credentials: {
          login: { label: "ログイン名", type: "text" },
          password: { label: "パスワード", type: "password" },
        },
        async authorize(credentials, req) {
          const source = signInSource(req?.headers, config().TRUST_PROXY === "on");
          const result = await signInStaff(credentials?.login, credentials?.password, new Date(), source);
          if (result.ok) {
            const { identity } = result;
            return { id: identity.sessionId, name: identity.displayName };
          }
          // next-auth puts a thrown message into ?error=…; null becomes CredentialsSignin
          if (result.reason === "throttled") throw new Error(THROTTLED);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // `user` is only present right after authorize: its id is the StaffSession id
        if (user) return { sid: user.id };
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, sid: typeof token.sid === "string" ? token.sid : null };
      },
      // a path, not baseUrl + path: without NEXTAUTH_URL next-auth's baseUrl is
      // http://localhost:3000, while the terminal is http://127.0.0.1:3000
      redirect({ url, baseUrl }) {
        return safeStaffPath(url, baseUrl);
      },
    },
    logger: {
      // next-auth warns about NEXTAUTH_URL and debug settings; neither helps the helpdesk
      warn() {},
      debug() {},
      // code and error name only: metadata can carry the request, and with it the credentials
      error(code, metadata) {
        const error =
          metadata instanceof Error
            ? metadata
            : (metadata as { error?: unknown } | undefined)?.error instanceof Error
              ? (metadata as { error: Error }).error
              : undefined;
        console.warn(`[staff-auth] ${code}${error ? ` (${error.name})` : ""}`);
      },
    },
  };
  return cached;
}

/** Tests change STAFF_SESSION_MINUTES between cases. */
export function resetAuthOptionsForTests(): void {
  cached = undefined;
}
