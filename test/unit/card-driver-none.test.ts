// CARD_DRIVER=none (issue 10): a desk PC without a reader runs the staff console as a server. The
// variable is validated with the others, and the card layer loads no driver for it — neither the
// simulated one nor pkcs11js (a native addon that may not even be installed there). The driver
// modules below are wrapped to record when they are first loaded; the other drivers are the
// control that the recording works.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SOFTHSM_MODULE } from "@/kiosk/pki/softhsm";

const loaded = vi.hoisted(() => new Set<string>());

vi.mock("pkcs11js", async (original) => {
  loaded.add("pkcs11js");
  return original();
});
vi.mock("@/kiosk/card/simulated", async (original) => {
  loaded.add("simulated");
  return original();
});
vi.mock("@/kiosk/card/pkcs11/reader", async (original) => {
  loaded.add("pkcs11 reader");
  return original();
});

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));
// the outbox dispatcher the kiosk page kicks is not this test's subject
vi.mock("@/app/_server/email/dispatcher", () => ({ kickOutbox: async () => undefined }));

afterEach(async () => {
  (await import("@/kiosk/card")).resetCardReaderForTests();
  vi.unstubAllEnvs();
});

describe("CARD_DRIVER=none", () => {
  it("is a driver kioskConfig accepts; an unknown one is refused naming the variable", async () => {
    const { kioskConfig } = await import("@/kiosk/config");
    expect(kioskConfig({ CARD_DRIVER: "none" }).cardDriver).toBe("none");
    expect(kioskConfig({}).cardDriver).toBe("simulated");
    expect(() => kioskConfig({ CARD_DRIVER: "pcsc" })).toThrow(
      /CARD_DRIVER: "pcsc" is not a card driver this kiosk has; use one of: simulated, pkcs11, none/,
    );
  });

  it("loads no card driver: the reader says no card, and any card operation is noReader", async () => {
    vi.stubEnv("CARD_DRIVER", "none");
    const card = await import("@/kiosk/card");
    const reader = await card.getCardReader();
    expect(reader.driver).toBe("none");
    expect(await reader.status()).toEqual({ present: false, readerId: "none" });
    expect(await reader.listReaders()).toEqual([]);
    await expect(reader.readCertificate()).rejects.toMatchObject({ failure: { code: "noReader" } });
    await expect(reader.sign("1234", new Uint8Array(1))).rejects.toMatchObject({
      failure: { code: "noReader" },
    });
    expect(await card.getSimulatedCardReader()).toBeNull();
    expect([...loaded]).toEqual([]);
  });

  it("makes the kiosk page say the terminal has no reader, without a card driver or the database", async () => {
    vi.stubEnv("CARD_DRIVER", "none");
    // nowhere to connect: a page that read the database would fail, not render
    vi.stubEnv("DATABASE_URL", "postgresql://kiosk@127.0.0.1:1/none");
    const { default: KioskPage } = await import("@/app/page");
    const html = renderToStaticMarkup((await KioskPage()) as ReactElement);
    expect(html).toContain("この端末にはICカードリーダーがありません");
    expect(html).toContain("カードリーダーのある端末で行ってください");
    expect(html).toContain('href="/staff"');
    expect(html).not.toContain("調達機関");
    expect([...loaded]).toEqual([]);
  });

  it("(control) the simulated driver is loaded when chosen, without pkcs11js", async () => {
    vi.stubEnv("CARD_DRIVER", "simulated");
    const card = await import("@/kiosk/card");
    expect((await card.getCardReader()).driver).toBe("simulated");
    expect([...loaded].sort()).toEqual(["simulated"]);
  });

  it("(control) the pkcs11 driver loads pkcs11js when chosen", async () => {
    vi.stubEnv("CARD_DRIVER", "pkcs11");
    vi.stubEnv("PKCS11_MODULE", SOFTHSM_MODULE);
    const card = await import("@/kiosk/card");
    expect((await card.getCardReader()).driver).toBe("pkcs11");
    expect(loaded).toContain("pkcs11 reader");
    expect(loaded).toContain("pkcs11js");
  });
});
