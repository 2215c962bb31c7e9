import "server-only";
import { Resend } from "resend";
import { config } from "@/app/_server/config";

export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  idempotencyKey: string;
};

export type SendOutcome = { ok: true; messageId: string } | { ok: false; error: string };

export type EmailTransport = { send(email: OutgoingEmail): Promise<SendOutcome> };

export type ResendTransportOptions = {
  apiKey: string;
  baseUrl?: string;
  /** A hung connection must end well before the dispatcher's claim lease does. */
  timeoutMs?: number;
};

/** Delivers through Resend; the SDK reports HTTP and network failures in `error`, never by throwing. */
export function resendTransport({
  apiKey,
  baseUrl,
  timeoutMs = 15_000,
}: ResendTransportOptions): EmailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    async send(email) {
      try {
        const { data, error } = await resend.emails.send(
          { from: email.from, to: [email.to], subject: email.subject, text: email.text, html: email.html },
          { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
        );
        if (error) {
          const status = "statusCode" in error && error.statusCode ? ` (HTTP ${error.statusCode})` : "";
          return { ok: false, error: `${error.name}${status}: ${error.message}` };
        }
        if (!data?.id) return { ok: false, error: "Resend answered without a message id" };
        return { ok: true, messageId: data.id };
      } catch (error) {
        // Aborts surface as thrown errors on some paths; a timeout is just another retryable failure.
        return {
          ok: false,
          error: error instanceof Error ? `${error.name}: ${error.message}` : "send failed",
        };
      }
    },
  };
}

/** The configured transport, or null: without RESEND_API_KEY messages stay in the outbox. */
export function transportFromConfig(): EmailTransport | null {
  const { RESEND_API_KEY, RESEND_BASE_URL } = config();
  if (!RESEND_API_KEY) return null;
  return resendTransport({ apiKey: RESEND_API_KEY, baseUrl: RESEND_BASE_URL });
}
