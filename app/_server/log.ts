import "server-only";
import { unstable_rethrow } from "next/navigation";
import { isDatabaseUnreachable } from "./db";

// The one way the server answers what it did not expect: the person gets a plain sentence, the
// log gets the error's name, code and stack frames — never its message, which can quote the input
// (Prisma's do: an address, a name). Used by the kiosk's server actions and the staff actions.

export type LogLevel = "error" | "warn";

export function logUnexpected(scope: string, where: string, error: unknown, level: LogLevel): void {
  const log = level === "error" ? console.error : console.warn;
  if (!(error instanceof Error)) {
    log(`[${scope}] ${where} failed: ${typeof error}`);
    return;
  }
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, 8)
    .join("\n");
  log(`[${scope}] ${where} failed: ${error.name}${typeof code === "string" ? ` ${code}` : ""}\n${frames}`);
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
 * Runs `run`; anything it throws is logged (logUnexpected) and answered with `answer` — or, when
 * the database could not be reached, with `unavailable` (by default the same answer). Next's own
 * control flow (redirect(), notFound()) is thrown on, not a failure.
 */
export async function answerUnexpected<T, A, U = A>(
  scope: string,
  where: string,
  level: LogLevel,
  answer: A,
  run: () => Promise<T>,
  unavailable?: U,
): Promise<T | A | U> {
  try {
    return await answerUnavailable(scope, where, unavailable ?? answer, run);
  } catch (error) {
    unstable_rethrow(error);
    logUnexpected(scope, where, error, level);
    return answer;
  }
}
