// What the driver does inside one open session: find the signing certificate, its private key
// (same CKA_ID) and sign with the mechanism the key type calls for.
import { createHash } from "node:crypto";
import { x509 } from "../../pki/x509";
import { CardError, type SignatureAlgorithm } from "../types";
import { ulongValue, type Handle, type Pkcs11Api } from "./api";
import * as K from "./constants";

export type TokenCertificate = { der: Uint8Array; id: string };
export type SigningKey = { handle: Handle; keyType: number };

/** digitalSignature in the key usage: the certificate meant for authentication and signing. */
function signsDigitally(der: Uint8Array): boolean {
  try {
    const certificate = new x509.X509Certificate(Uint8Array.from(der));
    const usage = certificate.getExtension(x509.KeyUsagesExtension);
    return usage !== null && (usage.usages & x509.KeyUsageFlags.digitalSignature) !== 0;
  } catch {
    // Not parseable as X.509: not a certificate this kiosk can use.
    return false;
  }
}

/** The X.509 certificates the session can see whose key usage includes digitalSignature. */
export function signingCertificates(api: Pkcs11Api, session: Handle): TokenCertificate[] {
  const objects = api.findObjects(session, [
    { type: K.CKA_CLASS, value: K.CKO_CERTIFICATE },
    { type: K.CKA_CERTIFICATE_TYPE, value: K.CKC_X_509 },
  ]);
  const found: TokenCertificate[] = [];
  for (const object of objects) {
    const [value, id] = api.C_GetAttributeValue(session, object, [K.CKA_VALUE, K.CKA_ID]);
    if (!value || !signsDigitally(value)) continue;
    found.push({ der: new Uint8Array(value), id: (id ?? Buffer.alloc(0)).toString("hex") });
  }
  return found;
}

export function privateKeyFor(api: Pkcs11Api, session: Handle, id: string): SigningKey | null {
  const [handle] = api.findObjects(session, [
    { type: K.CKA_CLASS, value: K.CKO_PRIVATE_KEY },
    { type: K.CKA_ID, value: Buffer.from(id, "hex") },
  ]);
  if (!handle) return null;
  const [keyType] = api.C_GetAttributeValue(session, handle, [K.CKA_KEY_TYPE]);
  return { handle, keyType: keyType ? ulongValue(keyType) : -1 };
}

/**
 * After login: the signing certificate with a private key beside it — the one already shown
 * (`preferredId`, whose certificate the server will verify against) first.
 */
export function signingPair(
  api: Pkcs11Api,
  session: Handle,
  preferredId?: string,
): { certificate: TokenCertificate; key: SigningKey } {
  const certificates = signingCertificates(api, session);
  const ordered = [
    ...certificates.filter((c) => c.id === preferredId),
    ...certificates.filter((c) => c.id !== preferredId),
  ];
  for (const certificate of ordered) {
    const key = privateKeyFor(api, session, certificate.id);
    if (key) return { certificate, key };
  }
  throw new CardError({ code: "unsupported" });
}

/**
 * RSA keys sign with CKM_SHA256_RSA_PKCS (the card hashes); EC keys sign a SHA-256 digest with
 * CKM_ECDSA, whose output (r‖s) is the form WebCrypto's ECDSA verify expects.
 */
export function signWithKey(
  api: Pkcs11Api,
  session: Handle,
  key: SigningKey,
  data: Uint8Array,
): { signature: Uint8Array; algorithm: SignatureAlgorithm } {
  if (key.keyType === K.CKK_RSA) {
    api.C_SignInit(session, K.CKM_SHA256_RSA_PKCS, key.handle);
    const signature = api.C_Sign(session, Buffer.from(data));
    return { signature: new Uint8Array(signature), algorithm: "RSASSA-PKCS1-v1_5-SHA256" };
  }
  if (key.keyType === K.CKK_EC) {
    const digest = createHash("sha256").update(data).digest();
    api.C_SignInit(session, K.CKM_ECDSA, key.handle);
    const signature = api.C_Sign(session, digest);
    return { signature: new Uint8Array(signature), algorithm: "ECDSA-SHA256" };
  }
  throw new CardError({ code: "unsupported" });
}
