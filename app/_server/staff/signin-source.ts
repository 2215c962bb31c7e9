import "server-only";
import net from "node:net";

// Where a staff sign-in comes from, as next-auth's authorize sees it: only request headers. Next
// fills x-forwarded-for with the socket address only when the client sent none (`??=`), so
// without a proxy of our own in front the header may be the client's own invention and the
// socket address is out of reach: the source is then UNKNOWN_SOURCE, and only the per-login
// limit applies. Behind the TLS reverse proxy (TRUST_PROXY=on) the last x-forwarded-for entry is
// the address the proxy itself saw; the entries before it are the client's to write.

export const UNKNOWN_SOURCE = "unknown";

export function signInSource(headers: unknown, trustProxy: boolean): string {
  if (!trustProxy || typeof headers !== "object" || headers === null) return UNKNOWN_SOURCE;
  const raw = (headers as Record<string, unknown>)["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  if (typeof value !== "string") return UNKNOWN_SOURCE;
  const last = value.split(",").at(-1)?.trim() ?? "";
  const address = last.startsWith("::ffff:") && net.isIPv4(last.slice(7)) ? last.slice(7) : last;
  return net.isIP(address) ? address.toLowerCase() : UNKNOWN_SOURCE;
}
