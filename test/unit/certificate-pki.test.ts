import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { SimulatedCardReader } from "@/kiosk/card/simulated";
import { DEMO_CARDS } from "@/kiosk/pki/cards";
import { TEST_CARDS } from "@/kiosk/pki/validation-pki";
import { x509 } from "@/kiosk/pki/x509";

// The validation extras of the demo PKI stay out of the demo: the virtual reader's panel shows
// DEMO-DATA's cards only, and the TEST-* cards carry what their tests rely on.

const pkiDir = inject("pkiDir");
let stateDir: string | undefined;

afterEach(() => {
  if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
});

function testCertificate(label: string): x509.X509Certificate {
  return new x509.X509Certificate(
    fs.readFileSync(path.join(pkiDir, "test-cards", `${label}.cert.pem`), "utf8"),
  );
}

describe("demo PKI validation extras", () => {
  it("keeps the TEST-* cards out of the virtual reader's list", () => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-"));
    const reader = new SimulatedCardReader({ pkiDir, stateFile: path.join(stateDir, "state.json") });
    expect(reader.cards().map((c) => c.label)).toEqual(DEMO_CARDS.map((c) => c.label).sort());
    expect(TEST_CARDS.map((c) => c.label)).toEqual(["TEST-I", "TEST-R", "TEST-K"]);
  });

  it("issues TEST-I from the intermediate CA and TEST-K for key encipherment only", () => {
    expect(testCertificate("TEST-I").issuer).toBe("C=JP, O=LGPKI-DEMO, OU=Demo Organization Sub CA U8-1");
    const usage = testCertificate("TEST-K").getExtension(x509.KeyUsagesExtension)!.usages;
    expect(usage).toBe(x509.KeyUsageFlags.keyEncipherment);
  });

  it("lists TEST-R, and only TEST-R, in the LGPKI-like CA's CRL", () => {
    const crl = new x509.X509Crl(fs.readFileSync(inject("crlFile")));
    expect(crl.issuer).toBe("C=JP, O=LGPKI-DEMO, OU=Demo Organization CA U8");
    expect(crl.entries.map((e) => e.serialNumber.toLowerCase())).toEqual([
      testCertificate("TEST-R").serialNumber.toLowerCase(),
    ]);
  });
});
