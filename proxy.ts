// Next 16's proxy (formerly middleware): runs before every route. Kept tiny — it only composes
// the functions under app/_edge/ (issue 12).
import { NextResponse, type NextRequest } from "next/server";
import { guardRequest } from "./app/_edge/request-guard";

export async function proxy(request: NextRequest): Promise<Response> {
  return (await guardRequest(request)) ?? NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
