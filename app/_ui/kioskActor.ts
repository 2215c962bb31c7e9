"use client";
// The one kiosk actor of the page: the pure machine provided with the server actions, the card
// proof and the printer. Bidder data lives in this actor's memory only — never in storage or URLs.
// Loaded after the page hydrates (Kiosk.tsx, kioskPort.ts): nothing of screen 1 waits for it.
import { createActor } from "xstate";
import * as actions from "@/app/actions";
import {
  createKioskImplementations,
  KIOSK_SYSTEM_ID,
  kioskMachine,
  type KioskDeps,
  type KioskInput,
} from "@/machines";
import type { KioskActor } from "./kioskPort";
import { printReceiptPdf } from "./printReceipt";

export const kioskDeps: KioskDeps = {
  startSession: (input) => actions.startSession(input),
  inspectCard: ({ purpose }) => actions.inspectCard({ purpose }),
  proveCard: ({ pin, purpose }) => actions.proveCard({ pin, purpose }),
  searchQualification: (input) => actions.searchQualification(input),
  register: (input) => actions.register(input),
  lookupPostalCode: (postalCode) => actions.lookupPostalCode(postalCode),
  loadChange: () => actions.loadChange(),
  submitChange: (input) => actions.submitChange(input),
  loadRenewal: () => actions.loadRenewal(),
  submitRenewal: (input) => actions.submitRenewal(input),
  printReceipt: ({ receiptNumber }) => printReceiptPdf(receiptNumber),
  endSession: async () => {
    await actions.endSession();
  },
  reportCardLeft: async ({ seconds }) => {
    await actions.reportCardLeft({ seconds });
  },
  // a route, not an action: a cheap GET the unavailable screen repeats until the database is back
  checkHealth: async () => {
    const response = await fetch("/api/health", { cache: "no-store" });
    return response.ok;
  },
};

const providedMachine = kioskMachine.provide(createKioskImplementations(kioskDeps));

/** The page's kiosk actor, not started (the port starts it: kioskPort.ts attach). */
export function createKioskActor(input: KioskInput): KioskActor {
  return createActor(providedMachine, { input, systemId: KIOSK_SYSTEM_ID });
}
