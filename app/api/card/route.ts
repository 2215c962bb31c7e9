import { NextResponse } from "next/server";
import { cardStatus } from "@/app/_server/card/reader-status";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Polled by the kiosk screen: is a card in the reader, and which insertion is it. */
export async function GET() {
  return NextResponse.json(await cardStatus(), { headers: { "Cache-Control": "no-store" } });
}
