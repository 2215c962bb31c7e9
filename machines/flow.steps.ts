// The step indicators of 変更 (PIN入力 → 入力 → 確認 → 完了) and ICカード更新 (注意事項 → 旧ICカード →
// 新ICカード → 更新内容確認 → 完了), read from a flow snapshot as stepOf does for 登録.
import type { StateValue } from "xstate";
import { CHANGE_STEPS } from "./change.types";
import type { RenewalContext } from "./renewal.types";
import { RENEWAL_STEPS } from "./renewal.types";

export { CHANGE_STEPS, RENEWAL_STEPS };
export type { ChangeStep } from "./change.types";
export type { RenewalStep } from "./renewal.types";

function topState(value: StateValue): string | undefined {
  return typeof value === "string" ? value : Object.keys(value)[0];
}

const CHANGE_STEP_OF_STATE: Record<string, 0 | 1 | 2 | 3> = {
  pin: 0,
  refused: 0,
  cancelled: 0,
  registerInstead: 0,
  loading: 1,
  form: 1,
  confirm: 2,
  submitting: 2,
  done: 3,
  print: 3,
};

/** Index into CHANGE_STEPS for a change snapshot (anything with its `value`). */
export function changeStepOf(snapshot: { value: StateValue }): 0 | 1 | 2 | 3 {
  const top = topState(snapshot.value);
  return (top !== undefined ? CHANGE_STEP_OF_STATE[top] : undefined) ?? 0;
}

const RENEWAL_STEP_OF_STATE: Record<string, 0 | 1 | 2 | 3 | 4> = {
  notice: 0,
  cancelled: 0,
  oldCard: 1,
  swap: 2,
  newCard: 2,
  loading: 3,
  confirm: 3,
  submitting: 3,
  done: 4,
  print: 4,
};

/**
 * Index into RENEWAL_STEPS for a renewal snapshot. A refusal stays on the step of the card it
 * is about: the old card until it is proven, then the new one, then the confirmation.
 */
export function renewalStepOf(snapshot: {
  value: StateValue;
  context: Pick<RenewalContext, "oldCard" | "newCard">;
}): 0 | 1 | 2 | 3 | 4 {
  const top = topState(snapshot.value);
  if (top === "refused" || top === "swapForRegister" || top === "registerInstead" || top === "cardRemoved") {
    if (snapshot.context.oldCard === null) return 1;
    return snapshot.context.newCard === null ? 2 : 3;
  }
  return (top !== undefined ? RENEWAL_STEP_OF_STATE[top] : undefined) ?? 0;
}
