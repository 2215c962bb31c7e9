import { cardEventStream } from "@/app/_server/card/reader-events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The kiosk screen's live view of the reader (issue 13 item 5): server-sent events, the current
 * status first and then every change. GET /api/card stays for the page's fallback polling.
 */
export function GET(request: Request) {
  return new Response(cardEventStream(request.signal), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: Next's gzip would otherwise hold the events back until its buffer fills
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
