import { NextResponse } from "next/server";
import { databaseReachable } from "@/app/_server/db";
import { logUnexpected } from "@/app/_server/log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Polled by the kiosk's ただいまご利用いただけません screen (and usable by monitoring): 200 when the
 * server reaches its database, 503 while it does not. Says nothing else about the server.
 */
export async function GET() {
  try {
    const reachable = await databaseReachable();
    return NextResponse.json(
      { database: reachable ? "ok" : "unreachable" },
      { status: reachable ? 200 : 503, headers: NO_STORE },
    );
  } catch (error) {
    logUnexpected("health", "database check", error, "error");
    return NextResponse.json({ database: "error" }, { status: 500, headers: NO_STORE });
  }
}
