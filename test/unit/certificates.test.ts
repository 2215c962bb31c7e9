import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import {
  checkCertificate,
  daysUntil,
  describeCertificate,
  loadTrustAnchors,
  normalizeSerialHex,
  type TrustAnchor,
} from "@/app/_server/certificates/check";
import { generateRsaKeys, x509 } from "@/kiosk/pki/x509";

const pkiDir = inject("pkiDir");
const anchors = loadTrustAnchors(inject("trustedCaFiles").split(","));

function der(file: string): Uint8Array {
  return new Uint8Array(new x509.X509Certificate(fs.readFileSync(path.join(pkiDir, file), "utf8")).rawData);
}
const card = (label: string) => der(`cards/${label}.cert.pem`);

describe("describeCertificate", () => {
  it("shows issuer and subject most specific first, comma-joined, with commas in values escaped", () => {
    const view = describeCertificate(card("DEMO-A"), new Date());
    expect(view.issuer).toBe("OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP");
    expect(view.subject).toBe(
      "CN=埼玉 太郎,O=株式会社さいたま建設,L=Saitama-shi\\, Urawa-ku\\, Takasago,ST=Saitama,C=JP",
    );
  });

  it("gives the serial as lowercase hex without leading zeros and as decimal", async () => {
    const keys = await generateRsaKeys();
    const certificate = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: "0A1B",
      name: [{ CN: ["serial test"] }],
      keys,
    });
    const view = describeCertificate(new Uint8Array(certificate.rawData), new Date());
    expect(view.serialHex).toBe("a1b");
    expect(view.serialDecimal).toBe("2587");
    expect(normalizeSerialHex("000")).toBe("0");
  });

  it("counts days left on the Tokyo calendar", () => {
    expect(daysUntil(new Date("2026-11-27T00:30:00+09:00"), new Date("2026-11-26T23:30:00+09:00"))).toBe(1);
    expect(daysUntil(new Date("2026-11-26T23:59:00+09:00"), new Date("2026-11-26T00:01:00+09:00"))).toBe(0);
    expect(daysUntil(new Date("2026-11-25T12:00:00+09:00"), new Date("2026-11-26T09:00:00+09:00"))).toBe(-1);
  });
});

describe("checkCertificate", () => {
  const now = new Date();

  it("accepts a card issued by a configured anchor", async () => {
    const check = await checkCertificate(card("DEMO-A"), anchors, now);
    expect(check.ok && path.basename(check.anchor.file)).toBe("lgpki-demo.pem");
    expect((await checkCertificate(card("DEMO-E"), anchors, now)).ok).toBe(true);
  });

  it("refuses a card from a CA that is not an anchor", async () => {
    expect(await checkCertificate(card("DEMO-X"), anchors, now)).toEqual({ ok: false, reason: "untrusted" });
  });

  it("refuses a CA that merely copies an anchor's name", async () => {
    const keys = await generateRsaKeys();
    const impostor = await x509.X509CertificateGenerator.createSelfSigned({
      name: [{ C: ["JP"] }, { O: ["LGPKI-DEMO"] }, { OU: ["Demo Organization CA U8"] }],
      keys,
      notBefore: new Date(now.getTime() - 86_400_000),
      notAfter: new Date(now.getTime() + 86_400_000),
    });
    const onlyImpostor: TrustAnchor[] = [
      { file: "impostor.pem", subject: anchors[0]!.subject, certificate: impostor },
    ];
    expect(await checkCertificate(card("DEMO-A"), onlyImpostor, now)).toEqual({
      ok: false,
      reason: "untrusted",
    });
  });

  it("refuses a CA certificate presented as a card (not for signing)", async () => {
    const caCertificate = der("ca/lgpki-demo.cert.pem");
    expect(await checkCertificate(caCertificate, anchors, now)).toEqual({ ok: false, reason: "keyUsage" });
  });

  it("refuses an expired card and one not valid yet", async () => {
    expect(await checkCertificate(card("DEMO-D"), anchors, now)).toEqual({ ok: false, reason: "expired" });
    const view = describeCertificate(card("DEMO-C"), now);
    const before = new Date(new Date(view.notBefore).getTime() - 60_000);
    expect(await checkCertificate(card("DEMO-C"), anchors, before)).toEqual({
      ok: false,
      reason: "notYetValid",
    });
  });
});

describe("loadTrustAnchors", () => {
  it("names the missing file and the setting", () => {
    expect(() => loadTrustAnchors(["/nonexistent/ca.pem"])).toThrow(
      /\/nonexistent\/ca\.pem \(TRUSTED_CA_FILES\)/,
    );
  });
});
