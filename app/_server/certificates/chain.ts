import "server-only";
import * as pkijs from "pkijs";

// The certification path from a card to a configured trust anchor, built and verified by pkijs
// (signatures, names, validity of every certificate at the check date, CA flags and policies).
// Revocation is not asked of pkijs here: it folds a stale list, a bad signature and a missing list
// into one answer, and the kiosk owes the bidder a different sentence for each (crl.ts does it).

export type ChainResult =
  { ok: true; path: pkijs.Certificate[]; anchorIndex: number } | { ok: false; detail: string };

const parsed = new WeakMap<Uint8Array | ArrayBuffer, pkijs.Certificate>();

/** pkijs's view of a DER certificate; the same bytes object parses once. */
export function toPkijs(der: Uint8Array | ArrayBuffer): pkijs.Certificate {
  let certificate = parsed.get(der);
  if (!certificate) {
    certificate = pkijs.Certificate.fromBER(der instanceof Uint8Array ? Uint8Array.from(der) : der);
    parsed.set(der, certificate);
  }
  return certificate;
}

function sameCertificate(a: pkijs.Certificate, b: pkijs.Certificate): boolean {
  const x = new Uint8Array(a.toSchema().toBER());
  const y = new Uint8Array(b.toSchema().toBER());
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}

/**
 * Verifies `leaf` up to one of `anchors` through any of `intermediates`, at `checkDate`.
 * `anchorIndex` says which anchor ended the path.
 */
export async function verifyChain(
  leaf: pkijs.Certificate,
  anchors: readonly pkijs.Certificate[],
  intermediates: readonly pkijs.Certificate[],
  checkDate: Date,
): Promise<ChainResult> {
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: [...anchors],
    // pkijs takes the last certificate of this list as the one to validate
    certs: [...intermediates, leaf],
    checkDate,
  });
  const result = await engine.verify();
  if (!result.result) return { ok: false, detail: result.resultMessage };
  // verify() leaves the path it found in engine.certs: leaf first, anchor last.
  const path = engine.certs;
  const first = path[0];
  const last = path[path.length - 1];
  // Duplicates are dropped before pkijs picks its leaf, so a copy of a CA could end up validated
  // instead of the card: only a path that starts with the card itself counts.
  if (!first || !last || !sameCertificate(first, leaf)) return { ok: false, detail: "path misses the card" };
  const anchorIndex = anchors.findIndex((anchor) => anchor === last || sameCertificate(anchor, last));
  if (anchorIndex < 0) return { ok: false, detail: "path ends outside the anchors" };
  const lengthProblem = pathLengthViolation(path);
  if (lengthProblem) return { ok: false, detail: lengthProblem };
  return { ok: true, path, anchorIndex };
}

/**
 * RFC 5280 §4.2.1.9, which pkijs 4 does not enforce: a CA with pathLenConstraint n may have at
 * most n intermediate CAs below it in the path.
 */
function pathLengthViolation(path: readonly pkijs.Certificate[]): string | null {
  for (let index = 2; index < path.length; index++) {
    const extension = path[index]!.extensions?.find((e) => e.extnID === "2.5.29.19");
    const constraint = extension?.parsedValue as pkijs.BasicConstraints | undefined;
    const limit = constraint?.pathLenConstraint;
    if (typeof limit === "number" && index - 1 > limit) {
      return `a CA allows ${limit} intermediate CA(s) below it, the path has ${index - 1}`;
    }
  }
  return null;
}
