// Next 16's proxy (formerly middleware): runs before every page, route handler and server action
// (not /_next/static: next.config.js gives those files their headers). It only composes the
// functions of app/_edge/: the request guard first (issue 12 item 3), then the headers (item 1),
// which a refusal carries too.
import { NextResponse, type NextRequest } from "next/server";
import { NONCE_HEADER, newNonce, securityHeaders } from "@/app/_edge/headers";
import { guardRequest } from "@/app/_edge/request-guard";

export async function proxy(request: NextRequest): Promise<Response> {
  const nonce = newNonce();
  const headers = securityHeaders(request.nextUrl.pathname, nonce, process.env.NODE_ENV === "development");
  const refused = await guardRequest(request);
  if (refused) {
    for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
    return refused;
  }
  // Next reads the nonce for its own scripts from the request's CSP when it renders the page
  const forwarded = new Headers(request.headers);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
