import { NextResponse } from "next/server";
import { terminalScreens } from "@/app/_server/assist/screens";
import { currentStaff } from "@/app/_server/staff/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Polled by the console's terminal page: each terminal's current kiosk screen (signed-in staff only). */
export async function GET() {
  if (!(await currentStaff())) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  return NextResponse.json(
    { terminals: await terminalScreens() },
    { headers: { "Cache-Control": "no-store" } },
  );
}
