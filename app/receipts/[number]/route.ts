import { receiptPdfResponse } from "@/app/_server/receipts/http";

// react-pdf and the SQLite driver need Node APIs.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  context: { params: Promise<{ number: string }> },
): Promise<Response> {
  const { number } = await context.params;
  return receiptPdfResponse(number);
}
