import { receiptLang, receiptPdfResponse } from "@/app/_server/receipts/http";

// react-pdf and the SQLite driver need Node APIs.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ number: string }> },
): Promise<Response> {
  const { number } = await context.params;
  return receiptPdfResponse(number, receiptLang(new URL(request.url).searchParams.get("lang")));
}
