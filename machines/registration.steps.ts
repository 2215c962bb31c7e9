// The step indicator (PIN入力 → 資格情報検索 → 入力 → 確認 → 完了) read from a registration
// snapshot, so every screen shows the same position without knowing the statechart.
import type { StateValue } from "xstate";
import { REGISTRATION_STEPS } from "./registration.types";

export { REGISTRATION_STEPS };
export type { RegistrationStep } from "./registration.types";

export type StepIndex = 0 | 1 | 2 | 3 | 4;

const STEP_OF_STATE: Record<string, StepIndex> = {
  pin: 0,
  refused: 0,
  cancelled: 0,
  search: 1,
  searchLimit: 1,
  visitEnded: 1,
  form: 2,
  holderWarning: 2,
  confirm: 3,
  registering: 3,
  done: 4,
  print: 4,
};

/** Index into REGISTRATION_STEPS for a registration snapshot (anything with its `value`). */
export function stepOf(snapshot: { value: StateValue }): StepIndex {
  const top = typeof snapshot.value === "string" ? snapshot.value : Object.keys(snapshot.value)[0];
  return (top !== undefined ? STEP_OF_STATE[top] : undefined) ?? 0;
}
