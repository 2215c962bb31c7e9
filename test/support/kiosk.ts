// Drives the kiosk's server side the way the screens do: a session, a virtual card in the
// simulated reader, the PIN step, the search. Each test file gets its own card-state file so PIN
// counters of one file never lock a card for another.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { config } from "@/app/_server/config";
import { db } from "@/app/_server/db";
import { proveCard } from "@/app/_server/card/pin-step";
import { currentInsertionId } from "@/app/_server/card/reader-status";
import { searchQualification } from "@/app/_server/qualifications/search";
import { loadReceiptData, renderReceiptPdf } from "@/app/_server/receipts/render";
import { registerCard } from "@/app/_server/flows/registration";
import { startSession } from "@/app/_server/visit/session";
import type { PinPurpose } from "@/app/_shared/contracts";
import type { ContactInput } from "@/app/_shared/schemas";
import { getSimulatedCardReader, resetCardReaderForTests } from "@/kiosk/card";
import { DEMO_CARDS } from "@/kiosk/pki/cards";
import type { Kind } from "@/app/_shared/kinds";
import type { PrismaClient } from "@/prisma/client";
import { openTestTerminal } from "./db";

export async function freshCardReader() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-sim-"));
  process.env.KIOSK_SIMCARD_STATE = path.join(dir, "state.json");
  resetCardReaderForTests();
  return (await getSimulatedCardReader())!;
}

export function pinOf(label: string): string {
  return DEMO_CARDS.find((c) => c.label === label)!.pin;
}

export async function openSession(agencyCode = "110000", kind: Kind = "construction"): Promise<string> {
  // a visit starts only on an open terminal (R23 / staff opening)
  await openTestTerminal(db(), { terminalId: config().TERMINAL_ID });
  const started = await startSession({ agencyCode, kind });
  if (!started.ok) throw new Error(started.message);
  return started.id;
}

/** A session whose card (already inserted, or `label` inserted now) passed the PIN step. */
export async function provenSession(
  label: string,
  opts: { agencyCode?: string; kind?: Kind; insert?: boolean } = {},
) {
  const sessionId = await openSession(opts.agencyCode, opts.kind);
  if (opts.insert !== false) (await getSimulatedCardReader())!.insert(label);
  const proof = await proveCard(sessionId, { pin: pinOf(label), purpose: "register" });
  return { sessionId, proof };
}

export const SAITAMA_LOGIN = {
  officialName: "株式会社さいたま建設",
  userId: "1000000001",
  password: "Saitama1",
};

export async function matchedSession(
  label: string,
  login = SAITAMA_LOGIN,
  opts: { agencyCode?: string; kind?: Kind; insert?: boolean } = {},
) {
  const { sessionId, proof } = await provenSession(label, opts);
  if (!proof.ok) throw new Error(`card proof failed: ${proof.code}`);
  const search = await searchQualification(sessionId, login);
  if (!search.ok) throw new Error(`search failed: ${search.code}`);
  return { sessionId, search };
}

export function contact(overrides: Partial<ContactInput> = {}): ContactInput {
  const base = {
    contactName: "工事課",
    postalCode: "330-0063",
    address: "埼玉県さいたま市浦和区高砂3-15-1",
    personName: "埼玉 太郎",
    phone: "048-000-0000",
    fax: "048-000-0001",
    email: "koji@saitama-kensetsu.example.jp",
  };
  const merged = { ...base, ...overrides };
  return { emailConfirm: merged.email, ...merged };
}

export function registrationForm(
  opts: { representative?: boolean; ack?: boolean; department?: Partial<ContactInput> } = {},
) {
  return {
    representative:
      opts.representative === false
        ? null
        : contact({ contactName: "総務課", email: "soumu@saitama-kensetsu.example.jp" }),
    department: contact(opts.department),
    holderMismatchAcknowledged: opts.ack ?? false,
  };
}

// Issue 4: 変更 and ICカード更新 driven the way their screens do.

/** Registers `label` to the login's user ID through the real 登録 steps; the card stays inserted. */
export async function registerDemoCard(
  label: string,
  opts: { login?: typeof SAITAMA_LOGIN; ack?: boolean; department?: Partial<ContactInput> } = {},
) {
  const { sessionId } = await matchedSession(label, opts.login ?? SAITAMA_LOGIN);
  const result = await registerCard(
    sessionId,
    registrationForm({ ack: opts.ack ?? true, department: opts.department }),
    await currentInsertionId(),
  );
  if (!result.ok) throw new Error(`registration of ${label} failed: ${result.code}`);
  return result;
}

/** A new visit whose card (`label`, inserted now unless told otherwise) went through the PIN step for `purpose`. */
export async function provenFor(
  label: string,
  purpose: PinPurpose,
  opts: { agencyCode?: string; kind?: Kind; insert?: boolean; sessionId?: string } = {},
) {
  const sessionId = opts.sessionId ?? (await openSession(opts.agencyCode, opts.kind));
  if (opts.insert !== false) (await getSimulatedCardReader())!.insert(label);
  const proof = await proveCard(sessionId, { pin: pinOf(label), purpose });
  return { sessionId, proof };
}

/** ICカード更新 up to the confirm screen: old card proven, taken out, new card proven. */
export async function renewalSession(oldLabel: string, newLabel: string, opts: { agencyCode?: string } = {}) {
  const old = await provenFor(oldLabel, "renewalOld", opts);
  if (!old.proof.ok) return { sessionId: old.sessionId, proof: old.proof, stage: "old" as const };
  (await getSimulatedCardReader())!.remove();
  const next = await provenFor(newLabel, "renewalNew", { sessionId: old.sessionId });
  return { sessionId: old.sessionId, proof: next.proof, stage: "new" as const };
}

export function changeForm(
  opts: {
    representative?: Partial<ContactInput>;
    department?: Partial<ContactInput>;
    propagate?: boolean;
  } = {},
) {
  return {
    representative: contact({
      contactName: "総務課",
      email: "soumu@saitama-kensetsu.example.jp",
      ...opts.representative,
    }),
    department: contact(opts.department),
    propagate: opts.propagate ?? false,
  };
}

/** Each case starts from "no card is registered": everything the three operations write, removed. */
export async function clearRegistrations(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction([
    prisma.outboxEmail.deleteMany(),
    prisma.propagationTask.deleteMany(),
    prisma.kioskSession.updateMany({ data: { receiptId: null } }),
    prisma.receipt.deleteMany(),
    prisma.agencyRegistration.deleteMany(),
    // replacedById points inside the table (Restrict): unlink before deleting
    prisma.cardRegistration.updateMany({ data: { replacedById: null } }),
    prisma.cardRegistration.deleteMany(),
    prisma.userRegistration.deleteMany(),
    prisma.searchAttempt.deleteMany(),
  ]);
}

/** The receipt PDF of `number`, rendered from its stored snapshot, as pdftotext reads it. */
export async function receiptText(number: string): Promise<string> {
  const data = await loadReceiptData(number);
  if (!data) throw new Error(`no receipt ${number}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-receipt-"));
  try {
    const file = path.join(dir, "receipt.pdf");
    fs.writeFileSync(file, await renderReceiptPdf(data));
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
