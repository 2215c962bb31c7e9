// Issue 12 item 1: next-auth's cookies are __Host- and Secure when the console is served over
// https, and keep next-auth's names over the terminal's plain http on the loopback.
import { describe, expect, it, vi } from "vitest";
import { staffCookieOptions, staffCookiesSecure, staffSessionCookie } from "@/app/_server/staff/cookies";

vi.mock("server-only", () => ({}));

describe("staff cookies", () => {
  it("are Secure only when NEXTAUTH_URL is https", () => {
    expect(staffCookiesSecure("https://kiosk.helpdesk.example")).toBe(true);
    expect(staffCookiesSecure("http://127.0.0.1:3000")).toBe(false);
    expect(staffCookiesSecure(undefined)).toBe(false);
  });

  it("over https: every next-auth cookie is __Host-, Secure, path /, no Domain, httpOnly", () => {
    const cookies = staffCookieOptions(true)!;
    expect(Object.keys(cookies).sort()).toEqual(
      ["callbackUrl", "csrfToken", "nonce", "pkceCodeVerifier", "sessionToken", "state"].sort(),
    );
    for (const cookie of Object.values(cookies)) {
      expect(cookie.name).toMatch(/^__Host-next-auth\./);
      expect(cookie.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
    }
    expect(cookies.sessionToken!.name).toBe(staffSessionCookie(true));
  });

  it("over http: next-auth's own cookies", () => {
    expect(staffCookieOptions(false)).toBeUndefined();
    expect(staffSessionCookie(false)).toBe("next-auth.session-token");
  });
});
