import { NextResponse } from "next/server";
import { openCalls } from "@/app/_server/assist/calls";
import { currentStaff } from "@/app/_server/staff/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Polled every second by the console: the open 係員を呼ぶ calls of every terminal (signed-in staff only). */
export async function GET() {
  if (!(await currentStaff())) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  return NextResponse.json({ calls: await openCalls() }, { headers: { "Cache-Control": "no-store" } });
}
