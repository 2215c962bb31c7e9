// Issue 13 item 5: the pkcs11 driver asks the module for slot events (C_WaitForSlotEvent with
// CKF_DONT_BLOCK, never blocking Node's thread) and, once the module has shown it reports them,
// rescans only when one came. A module without them — CKR_FUNCTION_NOT_SUPPORTED, or SoftHSM2's
// CKR_NO_EVENT for a card it never announces — is polled by rescanning, as before.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Pkcs11CardReader } from "@/kiosk/card/pkcs11/reader";
import type { CardEvent } from "@/kiosk/card/types";
import { FakePkcs11, fakeToken } from "../support/fake-pkcs11";

let fake: FakePkcs11;

beforeEach(() => {
  fake = new FakePkcs11();
});

function watched(rescan?: "reinitialize") {
  const reader = new Pkcs11CardReader({
    modulePath: "/fake.so",
    load: () => fake,
    pollMs: 5,
    eventPollMs: 5,
    rescan,
  });
  const events: CardEvent[] = [];
  const stop = reader.watch((event) => events.push(event));
  return { reader, events, stop };
}

const count = (name: string) => fake.log.filter((c) => c === name).length;

describe("slot events where the module has them (issue 13 item 5)", () => {
  it("once the module has announced a card, quiet looks cost no rescan; the next card is seen by its event", async () => {
    fake.slotEvents = [];
    const slot = fake.addSlot(null);
    const { reader, events, stop } = watched("reinitialize");
    await vi.waitFor(() => expect(count("C_WaitForSlotEvent")).toBeGreaterThanOrEqual(1));
    fake.setToken(slot, fakeToken());
    await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(["card.inserted"]));
    expect(reader.slotEvents).toBe(true);
    const scans = count("C_GetSlotList");
    const finalized = count("C_Finalize");
    const looks = count("C_WaitForSlotEvent");
    await vi.waitFor(() => expect(count("C_WaitForSlotEvent")).toBeGreaterThanOrEqual(looks + 20));
    // at most the once-a-second check scan in those 20 quiet looks, and no re-initialization
    expect(count("C_GetSlotList") - scans).toBeLessThanOrEqual(1);
    expect(count("C_Finalize")).toBe(finalized);

    fake.setToken(slot, null);
    await vi.waitFor(() => expect(events).toHaveLength(2));
    fake.setToken(slot, fakeToken({ serial: "0002" }));
    await vi.waitFor(() => expect(events).toHaveLength(3));
    stop();
    expect(events.map((e) => e.type)).toEqual(["card.inserted", "card.removed", "card.inserted"]);
    await reader.close();
  });

  it("a module that says 'no event' yet a card came (SoftHSM2) is polled from then on, re-initialized", async () => {
    fake.slotEvents = [];
    const slot = fake.addSlot(null);
    const { reader, events, stop } = watched("reinitialize");
    await vi.waitFor(() => expect(count("C_GetSlotList")).toBeGreaterThanOrEqual(3));
    expect(reader.slotEvents).toBe(null); // not trusted yet: every look still rescans
    slot.token = fakeToken(); // no event announces it
    await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(["card.inserted"]));
    await vi.waitFor(() => expect(reader.slotEvents).toBe(false));
    const looks = count("C_WaitForSlotEvent");
    const scans = count("C_GetSlotList");
    await vi.waitFor(() => expect(count("C_GetSlotList")).toBeGreaterThanOrEqual(scans + 5));
    expect(count("C_WaitForSlotEvent")).toBe(looks);
    expect(count("C_Finalize")).toBeGreaterThanOrEqual(5);
    slot.token = null;
    await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(["card.inserted", "card.removed"]));
    stop();
    await reader.close();
  });

  it("a module without slot events (CKR_FUNCTION_NOT_SUPPORTED) is asked once, then polled", async () => {
    const slot = fake.addSlot(fakeToken());
    const { reader, events, stop } = watched();
    await vi.waitFor(() => expect(count("C_GetSlotList")).toBeGreaterThanOrEqual(5));
    expect(reader.slotEvents).toBe(false);
    expect(count("C_WaitForSlotEvent")).toBe(1);
    slot.token = null;
    await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(["card.inserted", "card.removed"]));
    stop();
    await reader.close();
  });

  it("a failed look for events (not 'unsupported') rescans rather than missing a card", async () => {
    fake.slotEvents = [];
    const slot = fake.addSlot(null);
    const { reader, events, stop } = watched();
    fake.setToken(slot, fakeToken());
    await vi.waitFor(() => expect(reader.slotEvents).toBe(true));
    fake.failNext.set("C_WaitForSlotEvent", 0x30); // CKR_DEVICE_ERROR
    slot.token = null;
    await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(["card.inserted", "card.removed"]));
    stop();
    await reader.close();
  });
});
