import "server-only";
import type { CookiesOptions } from "next-auth";

/**
 * Whether the console is served over https: then next-auth's cookies are Secure and `__Host-`
 * (this host only, path /, no Domain — a sibling host or a plain-http page cannot set or shadow
 * them). On the terminal's own http://127.0.0.1 a Secure cookie would never come back, so they stay
 * as next-auth names them (issue 12 item 1).
 */
export function staffCookiesSecure(nextAuthUrl = process.env.NEXTAUTH_URL): boolean {
  return nextAuthUrl?.startsWith("https://") ?? false;
}

const COOKIES = ["sessionToken", "callbackUrl", "csrfToken", "pkceCodeVerifier", "state", "nonce"] as const;
const NAMES: Record<(typeof COOKIES)[number], string> = {
  sessionToken: "next-auth.session-token",
  callbackUrl: "next-auth.callback-url",
  csrfToken: "next-auth.csrf-token",
  pkceCodeVerifier: "next-auth.pkce.code_verifier",
  state: "next-auth.state",
  nonce: "next-auth.nonce",
};

/** The `cookies` of next-auth's options over https; undefined keeps next-auth's own over http. */
export function staffCookieOptions(secure: boolean): Partial<CookiesOptions> | undefined {
  if (!secure) return undefined;
  return Object.fromEntries(
    COOKIES.map((c) => [
      c,
      { name: `__Host-${NAMES[c]}`, options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } },
    ]),
  );
}

/** The session cookie's name, for サインアウト to drop it. */
export function staffSessionCookie(secure: boolean): string {
  return secure ? `__Host-${NAMES.sessionToken}` : NAMES.sessionToken;
}
