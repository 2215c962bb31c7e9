"use client";
// The one kiosk actor of the page: the pure machine provided with the server actions, the card
// proof and the printer. Bidder data lives in this actor's memory only — never in storage or URLs.
import { createActorContext } from "@xstate/react";
import * as actions from "@/app/actions";
import type { Failure } from "@/app/_shared/contracts";
import { createKioskImplementations, kioskMachine, type KioskDeps } from "@/machines";
import { printReceiptPdf } from "./printReceipt";

const NOT_HERE: Failure<"session"> & { code: "session" } = {
  ok: false,
  code: "session",
  message: "この機能は準備中です。窓口の担当者にお声がけください。",
};

export const kioskDeps: KioskDeps = {
  startSession: (input) => actions.startSession(input),
  // Only 登録 runs at this kiosk so far; the server action refuses anything else anyway.
  inspectCard: async ({ purpose }) => (purpose === "register" ? actions.inspectCard() : NOT_HERE),
  proveCard: async ({ pin, purpose }) =>
    purpose === "register" ? actions.proveCard({ pin, purpose }) : NOT_HERE,
  searchQualification: (input) => actions.searchQualification(input),
  register: (input) => actions.register(input),
  printReceipt: ({ receiptNumber }) => printReceiptPdf(receiptNumber),
  endSession: async () => {
    await actions.endSession();
  },
};

export const KioskContext = createActorContext(kioskMachine.provide(createKioskImplementations(kioskDeps)));
