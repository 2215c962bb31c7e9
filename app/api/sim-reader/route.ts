import { NextResponse, type NextRequest } from "next/server";
import { simulatedReaderAction, simulatedReaderState } from "@/app/_server/card/reader-status";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET() {
  const state = await simulatedReaderState();
  if (!state) return new NextResponse("見つかりません", { status: 404 });
  return NextResponse.json(state, { headers: NO_STORE });
}

/** An Origin that is no URL (`null` from a sandboxed frame or a file:) names no host: refused, not thrown. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

export async function POST(request: NextRequest) {
  // Route handlers get no CSRF protection from Next: only the kiosk page itself may press buttons.
  // (nextUrl's origin is the server's own idea of its host, so compare with the Host header).
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if ((site && site !== "same-origin") || (origin !== null && (hostOf(origin) ?? "") !== host)) {
    return new NextResponse("許可されていない操作です", { status: 403 });
  }
  const body: unknown = await request.json().catch(() => null);
  const result = await simulatedReaderAction(body);
  if (result === null) return new NextResponse("見つかりません", { status: 404 });
  if (!result.ok) return NextResponse.json(result, { status: 400, headers: NO_STORE });
  return NextResponse.json(result.state, { headers: NO_STORE });
}
