/**
 * Where a sign-in may send the browser afterwards: a path under /staff on this origin, never
 * another site (no open redirect) and never the sign-in page itself. Anything else is /staff.
 */
export function safeStaffPath(raw: unknown, baseUrl = "http://127.0.0.1"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return "/staff";
  if (raw.startsWith("//") || raw.includes("\\")) return "/staff";
  let url: URL;
  try {
    const base = new URL(baseUrl);
    url = new URL(raw, base);
    if (url.origin !== base.origin) return "/staff";
  } catch {
    return "/staff";
  }
  const path = url.pathname;
  if (path !== "/staff" && !path.startsWith("/staff/")) return "/staff";
  if (path === "/staff/signin" || path.startsWith("/staff/signin/")) return "/staff";
  return `${path}${url.search}`;
}
