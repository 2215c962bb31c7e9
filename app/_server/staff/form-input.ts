import "server-only";
import type { StaffFailure } from "@/app/_shared/staff-contracts";

// Every staff action reads its arguments here first (issue 12 leftover 1, done in issue 13). The
// console's own forms always send a FormData (or nothing); anything else is a forged or broken
// request, answered as an ordinary input error — not a thrown TypeError that staffAction would log
// as a fault.

/** A request the console's screens would never send: a plain refusal, nothing logged. */
export const BAD_INPUT: StaffFailure = {
  ok: false,
  code: "invalid",
  message: "送信された内容を読み取れませんでした。画面を読み込み直して、もう一度操作してください。",
};

/**
 * The named text fields of a console form, or null when `form` is not a FormData, or a named field
 * was sent twice or as a file. A field left out stays out, so the service's own check names it
 * (an unticked checkbox is left out too). Fields not named are ignored.
 */
export function formFields<K extends string>(
  form: unknown,
  names: readonly K[],
): Partial<Record<K, string>> | null {
  if (!(form instanceof FormData)) return null;
  const fields: Partial<Record<K, string>> = {};
  for (const name of names) {
    const values = form.getAll(name);
    if (values.length > 1) return null;
    const [value] = values;
    if (value === undefined) continue;
    if (typeof value !== "string") return null;
    fields[name] = value;
  }
  return fields;
}

/**
 * The one file a form uploads as `name`: the File, undefined when none was chosen, or null when
 * `form` is not a FormData or the field was sent twice or as text.
 */
export function formFile(form: unknown, name: string): File | undefined | null {
  if (!(form instanceof FormData)) return null;
  const values = form.getAll(name);
  if (values.length > 1) return null;
  const [value] = values;
  if (value === undefined) return undefined;
  return value instanceof File ? value : null;
}

/** True when an action that takes nothing was given nothing (trailing undefineds aside). */
export function noArguments(args: readonly unknown[]): boolean {
  return args.every((a) => a === undefined);
}

/**
 * The previous-state argument useActionState passes first: the action's own last answer or its
 * initial null. Only its shape is checked; the actions never read it.
 */
export function actionState(previous: unknown): boolean {
  return previous === null || (typeof previous === "object" && !Array.isArray(previous));
}
