import "server-only";
import { randomBytes } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { isDatabaseUnreachable } from "./db";

// The one way the server answers what it did not expect: the person gets a plain sentence, the
// log gets the error's name, code and stack frames — never its message, which can quote the input
// (Prisma's do: an address, a name). Used by the kiosk's server actions and the staff actions.

export type LogLevel = "error" | "warn";

/**
 * A fault's 問い合わせ番号 (issue 12 item 3): eight hex digits, on the bidder's screen and in the
 * log line, so staff find the one line the bidder reports. Random, so it says nothing of the fault.
 */
export function newReference(): string {
  return randomBytes(4).toString("hex").toUpperCase();
}

/** A fault's sentence with its 問い合わせ番号, as the screen shows it (the English catalog has its pattern). */
export function withReference(message: string, reference: string): string {
  return `${message}（問い合わせ番号: ${reference}）`;
}

/** Logs `error` under a new 問い合わせ番号 and returns that number. */
export function logUnexpected(scope: string, where: string, error: unknown, level: LogLevel): string {
  const log = level === "error" ? console.error : console.warn;
  const reference = newReference();
  if (!(error instanceof Error)) {
    log(`[${scope}] ${where} failed [ref ${reference}]: ${typeof error}`);
    return reference;
  }
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, 8)
    .join("\n");
  log(
    `[${scope}] ${where} failed [ref ${reference}]: ${error.name}${typeof code === "string" ? ` ${code}` : ""}\n${frames}`,
  );
  return reference;
}

/**
 * Runs `run`; a database that cannot be reached (isDatabaseUnreachable) is answered with
 * `unavailable` and logged as one warning — an outage the operator fixes, not a bug, and the
 * screen recovers by itself. Anything else is thrown on.
 */
export async function answerUnavailable<T, U>(
  scope: string,
  where: string,
  unavailable: U,
  run: () => Promise<T>,
): Promise<T | U> {
  try {
    return await run();
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    const code = (error as { code?: unknown }).code;
    console.warn(`[${scope}] ${where}: database unreachable${typeof code === "string" ? ` (${code})` : ""}`);
    return unavailable;
  }
}

/**
 * Runs `run`; anything it throws is logged (logUnexpected) and answered with `answer` — given as a
 * function, it receives the log line's 問い合わせ番号 to show — or, when the database could not be
 * reached, with `unavailable` (by default the same answer). Next's own control flow (redirect(),
 * notFound()) is thrown on, not a failure.
 */
export async function answerUnexpected<T, A, U = A>(
  scope: string,
  where: string,
  level: LogLevel,
  answer: A | ((reference: string) => A),
  run: () => Promise<T>,
  unavailable?: U,
): Promise<T | A | U> {
  const answerFor = (reference: string): A =>
    typeof answer === "function" ? (answer as (reference: string) => A)(reference) : answer;
  try {
    return await answerUnavailable(scope, where, unavailable ?? answerFor(newReference()), run);
  } catch (error) {
    unstable_rethrow(error);
    return answerFor(logUnexpected(scope, where, error, level));
  }
}
