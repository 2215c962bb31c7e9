"use server";
// The kiosk's server actions: thin — read the session cookie, delegate to app/_server, answer a
// typed result. Unexpected errors are logged and answered as a plain message, never a 500 page; an
// unreachable database is answered with the code "unavailable".
import { refresh } from "next/cache";
import { cookies } from "next/headers";
import type {
  Failure,
  InspectCardResult,
  LoadChangeResult,
  LoadRenewalResult,
  PinPurpose,
  PinStepResult,
  RegisterResult,
  Result,
  SearchResult,
  SessionView,
  SubmitChangeResult,
  SubmitRenewalResult,
} from "@/app/_shared/contracts";
import { invalidAnswer, startSessionSchema } from "@/app/_shared/schemas";
import * as assist from "@/app/_server/assist/calls";
import type { StaffCallResult } from "@/app/_server/assist/calls";
import { reportScreen as reportScreenService } from "@/app/_server/assist/screens";
import { inspectCard as inspectCardService } from "@/app/_server/card/inspect";
import * as change from "@/app/_server/flows/change";
import { proveCard as proveCardService } from "@/app/_server/card/pin-step";
import { currentInsertionId } from "@/app/_server/card/reader-status";
import { answerUnexpected, withReference } from "@/app/_server/log";
import { lookupPostalCode as lookupPostal } from "@/app/_server/postal";
import { searchQualification as searchService } from "@/app/_server/qualifications/search";
import { registerCard } from "@/app/_server/flows/registration";
import * as renewal from "@/app/_server/flows/renewal";
import * as cardLeft from "@/app/_server/assist/card-left";
import * as sessions from "@/app/_server/visit/session";

const UNEXPECTED: Failure<"unexpected"> & { code: "unexpected" } = {
  ok: false,
  code: "unexpected",
  message: "システムで問題が発生しました。お手数ですが係員にお声がけください。",
};

// The database is down (issue 10): the kiosk machine leaves the visit for its unavailable screen
// on this code, whatever step asked; the message is for a screen that shows it as it is.
const UNAVAILABLE: Failure<"unavailable"> & { code: "unavailable" } = {
  ok: false,
  code: "unavailable",
  message: "ただいまご利用いただけません。しばらくしてから、もう一度お試しください。",
};

/**
 * A fault's answer carries the log line's 問い合わせ番号 (issue 12 item 3) inside the sentence, so
 * every screen that shows the message shows the number too; the English catalog has its pattern.
 */
function unexpected(reference: string): typeof UNEXPECTED {
  return { ...UNEXPECTED, message: withReference(UNEXPECTED.message, reference) };
}

/**
 * A kiosk action's body: a database that cannot be reached is answered as unavailable, anything
 * else it did not expect is logged and answered with a plain message and its 問い合わせ番号.
 */
function guarded<T>(
  name: string,
  run: () => Promise<T>,
): Promise<T | typeof UNEXPECTED | typeof UNAVAILABLE> {
  return answerUnexpected("kiosk", name, "error", unexpected, run, UNAVAILABLE);
}

/**
 * The card in the reader now, for R32's "no visit starts with a card left from before"; a reader
 * that cannot answer reads as empty (the card steps still check the card themselves).
 */
async function readerInsertion(): Promise<string | null> {
  return currentInsertionId().catch(() => null);
}

async function sessionId(): Promise<string | undefined> {
  return (await cookies()).get(sessions.SESSION_COOKIE)?.value;
}

export async function startSession(input: unknown): Promise<Result<SessionView>> {
  return guarded("startSession", async () => {
    const parsed = startSessionSchema.safeParse(input);
    if (!parsed.success) {
      // the select screen shows one line: the first field's message
      const invalid = invalidAnswer(parsed.error, "選択してください。");
      return { ...invalid, message: Object.values(invalid.fieldErrors)[0] ?? invalid.message };
    }
    const jar = await cookies();
    const insertionId = await readerInsertion();
    await sessions.endSession(jar.get(sessions.SESSION_COOKIE)?.value, "restart", new Date(), insertionId);
    const started = await sessions.startSession(parsed.data, new Date(), insertionId);
    // the terminal stopped accepting walk-ins (closed by staff, hours over): the page re-renders
    // as the closed screen, the select screen shows the message meanwhile
    if (!started.ok && started.code === "terminalClosed") refresh();
    if (!started.ok) return started;
    jar.set(sessions.SESSION_COOKIE, started.id, { httpOnly: true, sameSite: "strict", path: "/" });
    return { ok: true, agency: started.agency, kind: started.kind };
  });
}

const PURPOSES: readonly PinPurpose[] = ["register", "change", "renewalOld", "renewalNew"];

/** Anything but a known purpose reads as 登録, the strictest about the card itself (R1). */
function purposeOf(input: unknown): PinPurpose {
  const purpose = (input as { purpose?: unknown } | null | undefined)?.purpose;
  return PURPOSES.find((p) => p === purpose) ?? "register";
}

/** The pre-flight on insertion: whose card, and whether it can be used for `purpose`, before any PIN. */
export async function inspectCard(input?: { purpose: PinPurpose }): Promise<InspectCardResult> {
  return guarded("inspectCard", async () =>
    inspectCardService(await sessionId(), { purpose: purposeOf(input) }),
  );
}

export async function proveCard(input: { pin: string; purpose: PinPurpose }): Promise<PinStepResult> {
  return guarded("proveCard", async () =>
    proveCardService(await sessionId(), {
      pin: String(input?.pin ?? ""),
      purpose: purposeOf(input),
    }),
  );
}

export async function searchQualification(input: unknown): Promise<SearchResult> {
  return guarded("searchQualification", async () => searchService(await sessionId(), input));
}

export async function register(input: unknown): Promise<RegisterResult> {
  return guarded("register", async () => registerCard(await sessionId(), input, await currentInsertionId()));
}

/** 変更: the proven card's registration, prefilled for the form (docs/flows-change-renewal.md). */
export async function loadChange(): Promise<LoadChangeResult> {
  return guarded("loadChange", async () => change.loadChange(await sessionId()));
}

export async function submitChange(input: unknown): Promise<SubmitChangeResult> {
  return guarded("submitChange", async () =>
    change.submitChange(await sessionId(), input, await currentInsertionId()),
  );
}

/** ICカード更新: both proven cards side by side for 電子証明書更新確認. */
export async function loadRenewal(): Promise<LoadRenewalResult> {
  return guarded("loadRenewal", async () => renewal.loadRenewal(await sessionId()));
}

export async function submitRenewal(input: unknown): Promise<SubmitRenewalResult> {
  return guarded("submitRenewal", async () =>
    renewal.submitRenewal(await sessionId(), input, await currentInsertionId()),
  );
}

/**
 * The reason is a word the kiosk's own code picks; anything else a crafted request sends reads as
 * "logout" (issue 12 item 2: a lone surrogate there once ended a visit without its audit row).
 */
const END_REASON = /^[A-Za-z]{1,20}$/;

export async function endSession(reason: unknown = "logout"): Promise<{ ok: true }> {
  const jar = await cookies();
  await guarded("endSession", async () =>
    sessions.endSession(
      jar.get(sessions.SESSION_COOKIE)?.value,
      typeof reason === "string" && END_REASON.test(reason) ? reason : "logout",
      new Date(),
      await readerInsertion(),
    ),
  );
  jar.delete(sessions.SESSION_COOKIE);
  return { ok: true };
}

/** R32: a card has stayed in the reader after its visit ended; a staff call (ICカードの取り忘れ). */
export async function reportCardLeft(input: unknown): Promise<{ ok: true } | Failure> {
  return guarded("reportCardLeft", async () => {
    const result = await cardLeft.reportCardLeft(input, await readerInsertion());
    return result.ok ? { ok: true as const } : result;
  });
}

export async function lookupPostalCode(postalCode: string) {
  return guarded("lookupPostalCode", () => lookupPostal(postalCode));
}

/** 「係員を呼ぶ」: the screen's key and the last error the kiosk showed — nothing the bidder typed. */
export async function callStaff(
  input: unknown,
): Promise<StaffCallResult | Failure<"unexpected" | "unavailable">> {
  return guarded("callStaff", async () => assist.callStaff(await sessionId(), input));
}

/** The kiosk's current screen for the console's terminal page; answers nothing the screen needs. */
export async function reportScreen(screen: string): Promise<void> {
  await guarded("reportScreen", async () => reportScreenService(screen));
}
