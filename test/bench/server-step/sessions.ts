// Visits brought to the step being timed, before the clock starts. Each step checks that the visit
// proved the earlier ones (requireSession), so these go through the real earlier steps:
//  - for the search: started and card-proven over HTTP, as the kiosk page does it (startSession,
//    the 仮想カードリーダー's 挿入, proveCard with the card's PIN) — one demo card serves them all;
//  - for the register: started over HTTP, then the card proof through the server's own services in
//    this process (issueNonce → a bench card signs → verifyCardProof → recordProvenCard, bound to the
//    reader's current insertion), then matched by the search action over HTTP. Why not proveCard:
//    each registration needs a card of its own (R1) still in the reader at submit (R31), and one
//    terminal's reader holds one card — 20 concurrent terminals' cards cannot all be inserted.
import { issueNonce, nonceChallenge, verifyCardProof } from "@/app/_server/card/proof";
import { recordProvenCard } from "@/app/_server/card/purpose";
import { requireSession } from "@/app/_server/visit/session";
import { BENCH_BIDDER, benchUserId, type BenchCard } from "./bench-cards";
import type { KioskHttp } from "./kiosk-http";

export const DEMO_CARD = { label: "DEMO-A", pin: "1234" };

/**
 * Starts a visit with the reader empty. The bench's visits share one terminal and its one card, and
 * a visit started while a card proven by an open visit is in the reader is refused (R32, a card left
 * over): so every visit is started before the card goes in, and proven after.
 */
export async function startVisit(http: KioskHttp): Promise<string> {
  const started = await http.call("startSession", { agencyCode: "110000", kind: "construction" });
  if (!started.answer.ok || !started.sessionId)
    throw new Error(`startSession: ${JSON.stringify(started.answer)}`);
  return started.sessionId;
}

/** A visit whose card (the demo card in the reader) passed the PIN step over HTTP. */
export async function provenOverHttp(http: KioskHttp, sessionId: string): Promise<string> {
  const proof = await http.call("proveCard", { pin: DEMO_CARD.pin, purpose: "register" }, sessionId);
  if (!proof.answer.ok) throw new Error(`proveCard: ${JSON.stringify(proof.answer)}`);
  return sessionId;
}

export function searchInput(bidder: number) {
  return {
    officialName: BENCH_BIDDER.officialName,
    userId: benchUserId(bidder),
    password: BENCH_BIDDER.password,
  };
}

/** A visit at qualificationMatched with `card` proven and bench bidder `bidder` found. */
export async function matchedWithServices(
  http: KioskHttp,
  card: BenchCard,
  insertionId: string,
  bidder: number,
  sessionId: string,
): Promise<string> {
  const session = await requireSession(sessionId, "started");
  if (!session) throw new Error("the visit just started is not there");
  const nonce = await issueNonce(sessionId);
  const verified = await verifyCardProof({
    sessionId,
    nonce,
    certificateDer: card.certificateDer,
    signature: await card.sign(nonceChallenge(nonce)),
    algorithm: "RSASSA-PKCS1-v1_5-SHA256",
  });
  if (!verified.ok) throw new Error(`verifyCardProof: ${verified.code}`);
  const refusal = await recordProvenCard(session, "register", {
    ...verified.card,
    insertionId,
    certificatePem: card.certificatePem,
  });
  if (refusal) throw new Error(`recordProvenCard: ${refusal.code}`);
  const search = await http.call("searchQualification", searchInput(bidder), sessionId);
  if (!search.answer.ok) throw new Error(`searchQualification: ${JSON.stringify(search.answer)}`);
  return sessionId;
}

/** Runs `make(i)` for i in [0, count) with `width` at a time; results in order. */
export async function prepareMany<T>(
  count: number,
  width: number,
  make: (i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await make(i);
      }
    }),
  );
  return out;
}
