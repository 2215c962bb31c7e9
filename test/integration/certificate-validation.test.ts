import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  checkCertificate,
  loadIntermediateCas,
  loadTrustAnchors,
  type CertificateCheckOptions,
} from "@/app/_server/certificates/check";
import { parseCrlSources } from "@/app/_server/settings/certificates";
import { clearCrlCache } from "@/app/_server/certificates/crl";
import { createCrl, loadDemoCaKeys, writeCrl, writeDemoCrl } from "@/kiosk/pki/crl";
import { x509 } from "@/kiosk/pki/x509";

// R18 against the demo PKI of this run: pkijs builds the path (through the intermediate CA when
// it is configured), CRLs come from files and from a loopback HTTP server, and every refusal
// keeps its own reason.

const pkiDir = inject("pkiDir");
const anchors = loadTrustAnchors(inject("trustedCaFiles").split(","));
const intermediates = loadIntermediateCas(inject("intermediateCaFiles").split(","));
const crlFile = inject("crlFile");
const now = new Date();

function der(relative: string): Uint8Array {
  const pem = fs.readFileSync(path.join(pkiDir, relative), "utf8");
  return new Uint8Array(new x509.X509Certificate(pem).rawData);
}
const demoCard = (label: string) => der(`cards/${label}.cert.pem`);
const testCard = (label: string) => der(`test-cards/${label}.cert.pem`);

function withCrls(...sources: string[]): CertificateCheckOptions {
  return { intermediates, crlSources: parseCrlSources(sources.join(",")) };
}

let tmp: string;
let server: http.Server;
let baseUrl: string;
/** what the loopback CRL server answers per path */
const served = new Map<string, { status: number; body?: Uint8Array; hang?: boolean }>();

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crl-"));
  server = http.createServer((request, response) => {
    const answer = served.get(request.url ?? "");
    if (answer?.hang) return; // never answers: the kiosk's timeout has to end the wait
    response.writeHead(answer?.status ?? 404, { "content-type": "application/pkix-crl" });
    response.end(answer?.body ? Buffer.from(answer.body) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  clearCrlCache();
  served.clear();
});

describe("certification path (pkijs)", () => {
  it("accepts DEMO-A, issued directly by the LGPKI-like anchor, with its CA's CRL configured", async () => {
    const check = await checkCertificate(demoCard("DEMO-A"), anchors, now, withCrls(crlFile));
    expect(check.ok && path.basename(check.anchor.file)).toBe("lgpki-demo.pem");
  });

  it("accepts TEST-I through the configured intermediate CA, and refuses it without one", async () => {
    const check = await checkCertificate(testCard("TEST-I"), anchors, now, withCrls(crlFile));
    expect(check.ok && path.basename(check.anchor.file)).toBe("lgpki-demo.pem");
    expect(await checkCertificate(testCard("TEST-I"), anchors, now)).toEqual({
      ok: false,
      reason: "untrusted",
    });
  });

  it("refuses DEMO-X, whose CA is no anchor, even with the intermediates configured", async () => {
    expect(await checkCertificate(demoCard("DEMO-X"), anchors, now, withCrls(crlFile))).toEqual({
      ok: false,
      reason: "untrusted",
    });
  });

  it("refuses the expired DEMO-D as expired, not as untrusted", async () => {
    expect(await checkCertificate(demoCard("DEMO-D"), anchors, now, withCrls(crlFile))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses TEST-K, whose key usage is keyEncipherment only", async () => {
    expect(await checkCertificate(testCard("TEST-K"), anchors, now, withCrls(crlFile))).toEqual({
      ok: false,
      reason: "keyUsage",
    });
  });

  it("refuses an intermediate CA certificate presented as a card", async () => {
    const intermediate = der("intermediate/lgpki-demo-sub.pem");
    expect(await checkCertificate(intermediate, anchors, now, withCrls())).toEqual({
      ok: false,
      reason: "keyUsage",
    });
  });
});

describe("CRL check (R18)", () => {
  it("refuses TEST-R, listed in its CA's CRL, and accepts it when no CRL is configured", async () => {
    expect(await checkCertificate(testCard("TEST-R"), anchors, now, withCrls(crlFile))).toEqual({
      ok: false,
      reason: "revoked",
    });
    expect((await checkCertificate(testCard("TEST-R"), anchors, now, withCrls())).ok).toBe(true);
  });

  it("refuses a card when its CA's CRL is past nextUpdate", async () => {
    const stale = await writeDemoCrl({
      pkiDir,
      caId: "lgpki-demo",
      file: path.join(tmp, "stale.crl"),
      stale: true,
    });
    expect(await checkCertificate(demoCard("DEMO-A"), anchors, now, withCrls(stale))).toEqual({
      ok: false,
      reason: "crlStale",
    });
  });

  it("refuses a CRL that carries the CA's name but not its signature", async () => {
    const lgpki = await loadDemoCaKeys(pkiDir, "lgpki-demo");
    const rogue = await loadDemoCaKeys(pkiDir, "rogue");
    const forged = await createCrl({
      issuer: lgpki.certificate,
      signingKey: rogue.key,
      thisUpdate: new Date(now.getTime() - 3_600_000),
      nextUpdate: new Date(now.getTime() + 86_400_000),
    });
    const file = writeCrl(path.join(tmp, "forged.crl"), forged);
    expect(await checkCertificate(demoCard("DEMO-A"), anchors, now, withCrls(file))).toEqual({
      ok: false,
      reason: "crlInvalid",
    });
  });

  it("leaves cards of a CA without a configured CRL alone", async () => {
    expect((await checkCertificate(demoCard("DEMO-E"), anchors, now, withCrls(crlFile))).ok).toBe(true);
  });

  it("checks the intermediate CA itself against the root's CRL", async () => {
    const subSerial = new x509.X509Certificate(
      fs.readFileSync(path.join(pkiDir, "intermediate/lgpki-demo-sub.pem"), "utf8"),
    ).serialNumber;
    const file = await writeDemoCrl({
      pkiDir,
      caId: "lgpki-demo",
      file: path.join(tmp, "sub-revoked.crl"),
      revokedSerials: [subSerial],
    });
    expect(await checkCertificate(testCard("TEST-I"), anchors, now, withCrls(file))).toEqual({
      ok: false,
      reason: "revoked",
    });
  });

  it("reads the CRL from a loopback HTTP server: TEST-R refused, DEMO-A accepted", async () => {
    served.set("/lgpki.crl", { status: 200, body: fs.readFileSync(crlFile) });
    const url = `${baseUrl}/lgpki.crl`;
    expect(await checkCertificate(testCard("TEST-R"), anchors, now, withCrls(url))).toEqual({
      ok: false,
      reason: "revoked",
    });
    expect((await checkCertificate(demoCard("DEMO-A"), anchors, now, withCrls(url))).ok).toBe(true);
  });

  it("fails closed when the CRL server is unreachable, errs or never answers", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/lgpki.crl`;
    await new Promise((resolve) => closed.close(resolve));
    served.set("/missing.crl", { status: 404 });
    served.set("/slow.crl", { hang: true, status: 200 });

    for (const url of [closedUrl, `${baseUrl}/missing.crl`, `${baseUrl}/slow.crl`]) {
      clearCrlCache();
      const started = Date.now();
      const check = await checkCertificate(demoCard("DEMO-A"), anchors, now, {
        ...withCrls(url),
        crlTimeoutMs: 300,
      });
      expect(check).toEqual({ ok: false, reason: "crlUnavailable" });
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  it("once a source's CA is known, its outage refuses only that CA's cards", async () => {
    const file = path.join(tmp, "known.crl");
    fs.copyFileSync(crlFile, file);
    expect((await checkCertificate(demoCard("DEMO-A"), anchors, now, withCrls(file))).ok).toBe(true);
    fs.rmSync(file);
    expect(await checkCertificate(demoCard("DEMO-A"), anchors, now, withCrls(file))).toEqual({
      ok: false,
      reason: "crlUnavailable",
    });
    expect((await checkCertificate(demoCard("DEMO-E"), anchors, now, withCrls(file))).ok).toBe(true);
  });

  it("refuses every card while a source that never loaded might be their CA's", async () => {
    const url = `${baseUrl}/never.crl`;
    expect(await checkCertificate(demoCard("DEMO-E"), anchors, now, withCrls(url))).toEqual({
      ok: false,
      reason: "crlUnavailable",
    });
  });

  it("refuses a CRL file that is not a CRL", async () => {
    const file = path.join(tmp, "garbage.crl");
    fs.writeFileSync(file, "not a certificate revocation list");
    expect(await checkCertificate(demoCard("DEMO-A"), anchors, now, withCrls(file))).toEqual({
      ok: false,
      reason: "crlInvalid",
    });
  });
});
