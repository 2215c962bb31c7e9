// A staff member signed in to the console through next-auth's own endpoints (CSRF token, then the
// credentials callback) of a running kiosk server: the session cookie, for a plain fetch.

/** The Cookie header of admin01 signed in at `baseUrl` (the seed's demo account). */
export async function staffCookie(
  baseUrl: string,
  login = "admin01",
  password = "kiosk-admin-01",
): Promise<string> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(new URL(url, baseUrl), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return response;
  };
  const { csrfToken } = (await (await send("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await send("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(baseUrl).origin },
    body: new URLSearchParams({ csrfToken, login, password, callbackUrl: "/staff" }),
  });
  if (signedIn.status !== 302 || ![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(`staff sign-in as ${login} failed (${signedIn.status})`);
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}
