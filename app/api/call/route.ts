import { NextResponse } from "next/server";
import { openCallOfTerminal } from "@/app/_server/assist/calls";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Polled by the kiosk while its 「係員をお呼びしました」 notice shows: is the call still open. */
export async function GET() {
  return NextResponse.json(await openCallOfTerminal(), { headers: { "Cache-Control": "no-store" } });
}
