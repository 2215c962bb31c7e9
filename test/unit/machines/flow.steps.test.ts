import { describe, expect, it } from "vitest";
import {
  CHANGE_STEPS,
  changeMachine,
  changeStepOf,
  RENEWAL_STEPS,
  renewalMachine,
  renewalStepOf,
} from "@/machines";
import { card } from "./fixtures";
import { newCard } from "./flow.fixtures";

const topStates = (machine: typeof changeMachine | typeof renewalMachine) => Object.keys(machine.root.states);

describe("step indicators of 変更 and ICカード更新", () => {
  it("places every change state on PIN入力 → 入力 → 確認 → 完了", () => {
    const steps = Object.fromEntries(
      topStates(changeMachine).map((state) => [state, CHANGE_STEPS[changeStepOf({ value: state })]]),
    );
    expect(steps).toEqual({
      pin: "PIN入力",
      loading: "入力",
      refused: "PIN入力",
      form: "入力",
      confirm: "確認",
      submitting: "確認",
      done: "完了",
      print: "完了",
      cancelled: "PIN入力",
      registerInstead: "PIN入力",
      cardRemoved: "PIN入力",
    });
    expect(changeStepOf({ value: { print: "printing" } })).toBe(3);
  });

  it("places every renewal state on 注意事項 → 旧ICカード → 新ICカード → 更新内容確認 → 完了", () => {
    const context = { oldCard: card, newCard };
    const indexes = Object.fromEntries(
      topStates(renewalMachine).map((state) => [state, renewalStepOf({ value: state, context })]),
    );
    expect(indexes).toEqual({
      notice: 0,
      oldCard: 1,
      swap: 2,
      newCard: 2,
      loading: 3,
      confirm: 3,
      submitting: 3,
      done: 4,
      print: 4,
      refused: 3,
      swapForRegister: 3,
      cancelled: 0,
      registerInstead: 3,
      cardRemoved: 3,
    });
    expect(RENEWAL_STEPS[renewalStepOf({ value: "notice", context })]).toBe("注意事項");
    expect(RENEWAL_STEPS[renewalStepOf({ value: "confirm", context })]).toBe("更新内容確認");
  });

  it("keeps a renewal refusal on the step of the card it is about", () => {
    expect(renewalStepOf({ value: "refused", context: { oldCard: null, newCard: null } })).toBe(1);
    expect(renewalStepOf({ value: "refused", context: { oldCard: card, newCard: null } })).toBe(2);
    expect(renewalStepOf({ value: "refused", context: { oldCard: card, newCard } })).toBe(3);
  });
});
