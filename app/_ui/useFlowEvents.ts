"use client";
// Named senders for each flow's screens, bound to the flow's own actor: the actor's event type
// decides what a screen can send, and no one in between has to know the event to pass it on.
import { useMemo } from "react";
import type { ActorRefFrom } from "xstate";
import type { RegisterInput } from "@/app/_shared/contracts";
import type { SearchInput } from "@/app/_shared/schemas";
import type {
  ChangeEvent,
  ChangeFormValues,
  ContactBlockName,
  changeMachine,
  PinEvent,
  pinMachine,
  PostalLookupEvent,
  RegistrationEvent,
  registrationMachine,
  RenewalEvent,
  renewalMachine,
} from "@/machines";

type Send<TEvent> = (event: TEvent) => void;

/** What every flow's screens offer: a refusal's 戻る, 確認's two buttons, the receipt's 印刷. */
type EveryFlowEvent =
  | { type: "refusal.back" }
  | { type: "confirm.submit" }
  | { type: "confirm.back" }
  | { type: "receipt.print" };

function everyFlow(send: Send<EveryFlowEvent>) {
  return {
    refusalBack: () => send({ type: "refusal.back" }),
    submitConfirm: () => send({ type: "confirm.submit" }),
    confirmBack: () => send({ type: "confirm.back" }),
    printReceipt: () => send({ type: "receipt.print" }),
  };
}

/** 変更 and 更新 also lead some refusals on to 登録, and ask the R22 question. */
function changingRegistration(
  send: Send<EveryFlowEvent | { type: "refusal.register" | "propagate.toggle" }>,
) {
  return {
    ...everyFlow(send),
    refusalRegister: () => send({ type: "refusal.register" }),
    togglePropagate: () => send({ type: "propagate.toggle" }),
  };
}

/** 登録's and 変更's contact forms: 入力内容確認, 戻る, and 住所 asked for when a 郵便番号 field is left. */
function contactForm<TValues>(
  send: Send<{ type: "form.submit"; values: TValues } | { type: "form.back" } | PostalLookupEvent>,
) {
  return {
    submitForm: (values: TValues) => send({ type: "form.submit", values }),
    formBack: () => send({ type: "form.back" }),
    lookUpPostalCode: (block: ContactBlockName, postalCode: string) =>
      send({ type: "postal.lookup", block, postalCode }),
  };
}

/** A flow's senders, made once per actor; `senders` is one of the module's builders below. */
function useSenders<TEvent, TSenders>(
  actorRef: { send: (event: TEvent) => void },
  senders: (send: Send<TEvent>) => TSenders,
): TSenders {
  return useMemo(() => senders((event) => actorRef.send(event)), [actorRef, senders]);
}

const registrationSenders = (send: Send<RegistrationEvent>) => ({
  ...everyFlow(send),
  ...contactForm<RegisterInput>(send),
  submitSearch: (input: SearchInput) => send({ type: "search.submit", ...input }),
  searchBack: () => send({ type: "search.back" }),
  endAfterSearchLimit: () => send({ type: "searchLimit.end" }),
  acknowledgeHolder: () => send({ type: "holder.acknowledge" }),
  checkHolder: (acknowledged: boolean) => send({ type: "holder.check", acknowledged }),
  holderBack: () => send({ type: "holder.back" }),
});

const changeSenders = (send: Send<ChangeEvent>) => ({
  ...changingRegistration(send),
  ...contactForm<ChangeFormValues>(send),
});

const renewalSenders = (send: Send<RenewalEvent>) => ({
  ...changingRegistration(send),
  noticeOk: () => send({ type: "notice.ok" }),
  noticeBack: () => send({ type: "notice.back" }),
  swapCancel: () => send({ type: "swap.cancel" }),
});

const pinSenders = (send: Send<PinEvent>) => ({
  // The PIN is handed straight to the event; nothing on this side keeps it.
  submitPin: (pin: string) => send({ type: "pin.submit", pin }),
  cancelPin: () => send({ type: "pin.cancel" }),
});

export const useRegistrationEvents = (actorRef: ActorRefFrom<typeof registrationMachine>) =>
  useSenders(actorRef, registrationSenders);

export const useChangeEvents = (actorRef: ActorRefFrom<typeof changeMachine>) =>
  useSenders(actorRef, changeSenders);

export const useRenewalEvents = (actorRef: ActorRefFrom<typeof renewalMachine>) =>
  useSenders(actorRef, renewalSenders);

/** The keypad talks to the PIN step's own actor, the flow's `pin` child. */
export const usePinEvents = (pinRef: ActorRefFrom<typeof pinMachine>) => useSenders(pinRef, pinSenders);
