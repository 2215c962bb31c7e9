import "server-only";
import { hash, verify } from "@node-rs/argon2";
import type { SearchResult } from "@/app/_shared/contracts";
import { invalidAnswer, normalizeName, searchSchema } from "@/app/_shared/schemas";
import { audit } from "../audit/append";
import { config } from "../config";
import { db } from "../db";
import { companyView, contactOf, findQualification, holderCheck } from "./records";
import { claimSearchAttempt, markSearchSucceeded } from "./search-lock";
import { endSession, requireSession, sessionFailure } from "../visit/session";
import { isSameTokyoDay } from "../time";

// The manual's checklist for 「資格審査情報が登録されていません」. One generic answer for every
// mismatch (R11): it never says which field was wrong.
export const NOT_FOUND_MESSAGE = "資格審査情報が登録されていません。";
export const NOT_FOUND_HINTS = [
  "正しい調達機関を選択しているか、工事・物品の選択が間違っていないかご確認ください。",
  "商号又は名称は正式な本社の名称を全角で入力してください（株式会社を（株）と省略せず、支店名等は入れません）。",
  "「商号又は名称」以外は、すべて半角英数字です。全角文字を入れると進めません。",
  "パスワードの大文字・小文字、数字の 0（ゼロ）と大文字の O（オー）、数字の 1（イチ）と小文字の l（エル）と大文字の I（アイ）を間違えていませんか。",
  "パスワードの更新を行っていませんか。パスワードを更新した当日は利用者登録を行えません。",
];

/** R11 per visit: the last failed search of the visit, before the checklist. */
export function visitEndedMessage(maxFailures: number): string {
  return `${NOT_FOUND_MESSAGE}検索に${maxFailures}回失敗したため、受付を終了します。次の点をご確認のうえ、改めてお手続きください。`;
}

/** R11 per user ID: the timed lock, with the minutes until the next try. */
export function lockedMessage(minutes: number): string {
  return `検索の失敗が続いたため、しばらく検索できません。約${minutes}分後にもう一度お試しいただくか、係員にお声がけください。`;
}

/** R15: the lapsed qualification's successor, the user ID to register with instead. */
export function successorHint(successorUserId: string): string {
  return `新しいユーザID: ${successorUserId}（入札参加資格の再申請で交付されたもの）`;
}

let dummyHash: Promise<string> | undefined;
/** Unknown user IDs still pay for one password check, so timing does not reveal which IDs exist. */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash("not-a-real-password-0");
  return dummyHash;
}

/**
 * R11 per visit: after SEARCH_MAX_FAILURES failed searches the visit ends (the checklist shown,
 * then the end screen). Only this visit: the next bidder at this terminal searches as usual.
 */
async function endVisit(sessionId: string, now: Date): Promise<SearchResult> {
  await endSession(sessionId, "searchLimit", now);
  return {
    ok: false,
    code: "visitEnded",
    message: visitEndedMessage(config().SEARCH_MAX_FAILURES),
    hints: NOT_FOUND_HINTS,
  };
}

export async function searchQualification(
  sessionId: string | undefined,
  input: unknown,
  now: Date = new Date(),
): Promise<SearchResult> {
  const session = await requireSession(sessionId, "cardProven", now);
  if (!session) return sessionFailure();
  const parsed = searchSchema.safeParse(input);
  if (!parsed.success) return invalidAnswer(parsed.error, "入力内容をご確認ください。");
  const { officialName, userId, password } = parsed.data;
  const terminalId = config().TERMINAL_ID;
  // every refused attempt is in the audit log with why (R11); the bidder hears only the answer
  const refused = (reason: string) =>
    audit({ action: "search", outcome: "refused", kioskSessionId: session.id, userId, detail: { reason } });

  const lock = await claimSearchAttempt(userId, terminalId, session.id, now);
  if ("visitSpent" in lock) {
    // a request that raced the visit's last failure: the visit is over all the same
    await refused("visitLimit");
    return await endVisit(session.id, now);
  }
  if (lock.locked) {
    await refused("locked");
    const minutes = Math.max(1, Math.ceil((lock.retryAt.getTime() - now.getTime()) / 60_000));
    return {
      ok: false,
      code: "locked",
      message: lockedMessage(minutes),
    };
  }

  const q = await findQualification(userId, session.kind);
  const passwordOk = await verify(q?.passwordHash ?? (await dummyPasswordHash()), password);
  const credentialsMatch =
    !!q &&
    passwordOk &&
    normalizeName(officialName) === normalizeName(q.officialName) &&
    q.agencies.some((a) => a.agencyId === session.agency.id);
  if (credentialsMatch) await markSearchSucceeded(lock.attemptId);

  if (!q || !credentialsMatch) {
    await refused("mismatch");
    if (lock.lastInVisit) return await endVisit(session.id, now);
    return { ok: false, code: "notFound", message: NOT_FOUND_MESSAGE, hints: NOT_FOUND_HINTS };
  }
  if (q.status === "lapsed") {
    // R15: the bidder proved the credentials, so naming the successor reveals nothing new
    await refused("lapsed");
    return {
      ok: false,
      code: "lapsed",
      message: "このユーザIDの競争入札参加資格は失効しています。新しいユーザIDで登録してください。",
      hints: q.successorUserId
        ? [successorHint(q.successorUserId)]
        : ["入札参加資格を改めて申請し、交付された新しいユーザIDで登録してください。"],
    };
  }
  if (isSameTokyoDay(q.passwordChangedAt, now)) {
    // R14: the manual's rule; the generic answer's checklist names it
    await refused("passwordChangedToday");
    return { ok: false, code: "notFound", message: NOT_FOUND_MESSAGE, hints: NOT_FOUND_HINTS };
  }

  await db().kioskSession.update({
    where: { id: session.id },
    data: { qualificationId: q.id, qualificationMatchedAt: now },
  });
  await audit({ action: "search", outcome: "ok", kioskSessionId: session.id, userId });
  return {
    ok: true,
    userId: q.userId,
    company: companyView(q),
    representative: q.userRegistration ? contactOf(q.userRegistration) : null,
    holderCheck: holderCheck(session.card, q),
  };
}
