import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { configuredCertificateOptions } from "@/app/_server/certificates/config";
import { isLoopbackUrl } from "@/app/_server/settings/certificates";
import { config, resetConfigForTests } from "@/app/_server/config";

// INTERMEDIATE_CA_FILES and CRL_SOURCES are checked when the configuration is first read: a
// missing file or a far-away CRL URL stops the server naming the variable.

const saved = {
  INTERMEDIATE_CA_FILES: process.env.INTERMEDIATE_CA_FILES,
  CRL_SOURCES: process.env.CRL_SOURCES,
};

function configure(values: { INTERMEDIATE_CA_FILES?: string; CRL_SOURCES?: string }): void {
  for (const [key, value] of Object.entries(values)) process.env[key] = value;
  resetConfigForTests();
}

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetConfigForTests();
});

describe("certificate settings at boot", () => {
  it("names INTERMEDIATE_CA_FILES and the file when an intermediate is missing", () => {
    configure({ INTERMEDIATE_CA_FILES: "/nonexistent/sub-ca.pem" });
    expect(() => config()).toThrow(
      /INTERMEDIATE_CA_FILES: \/nonexistent\/sub-ca\.pem cannot be read \(ENOENT\)/,
    );
  });

  it("names CRL_SOURCES for a missing CRL file and for a URL off this machine", () => {
    configure({ CRL_SOURCES: "/nonexistent/ca.crl" });
    expect(() => config()).toThrow(/CRL_SOURCES: \/nonexistent\/ca\.crl cannot be read/);
    configure({ CRL_SOURCES: "http://crl.example.jp/ca.crl" });
    expect(() => config()).toThrow(
      /CRL_SOURCES: http:\/\/crl\.example\.jp\/ca\.crl is not an http:\/\/ URL on this/,
    );
  });

  it("accepts readable files and loopback URLs, and hands them to the certificate check", () => {
    const crlFile = inject("crlFile");
    configure({
      INTERMEDIATE_CA_FILES: inject("intermediateCaFiles"),
      CRL_SOURCES: `${crlFile}, http://127.0.0.1:8080/ca.crl`,
    });
    const options = configuredCertificateOptions();
    expect(options.intermediates?.map((c) => c.subject)).toEqual([
      "OU=Demo Organization Sub CA U8-1,O=LGPKI-DEMO,C=JP",
    ]);
    expect(options.crlSources).toEqual([
      { kind: "file", location: crlFile },
      { kind: "url", location: "http://127.0.0.1:8080/ca.crl" },
    ]);
  });

  it("names INTERMEDIATE_CA_FILES when a listed file is not a certificate", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "intermediate-"));
    const file = path.join(dir, "not-a-ca.pem");
    fs.writeFileSync(file, "hello");
    try {
      configure({ INTERMEDIATE_CA_FILES: file });
      expect(() => configuredCertificateOptions()).toThrow(/\(INTERMEDIATE_CA_FILES\) cannot be read/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes only http URLs on this machine as CRL URLs", () => {
    expect(isLoopbackUrl("http://127.0.0.1:9/x.crl")).toBe(true);
    expect(isLoopbackUrl("http://localhost/x.crl")).toBe(true);
    expect(isLoopbackUrl("http://[::1]:8080/x.crl")).toBe(true);
    expect(isLoopbackUrl("https://127.0.0.1/x.crl")).toBe(false);
    expect(isLoopbackUrl("http://127.0.0.1.example.jp/x.crl")).toBe(false);
    expect(isLoopbackUrl("http://10.0.0.1/x.crl")).toBe(false);
  });
});
