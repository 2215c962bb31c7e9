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

/** 登録's and 変更's contact forms ask for 住所 when a 郵便番号 field is left. */
function contactForm(send: Send<PostalLookupEvent>) {
  return {
    lookUpPostalCode: (block: ContactBlockName, postalCode: string) =>
      send({ type: "postal.lookup", block, postalCode }),
  };
}

export function useRegistrationEvents(actorRef: ActorRefFrom<typeof registrationMachine>) {
  return useMemo(() => {
    const send: Send<RegistrationEvent> = (event) => actorRef.send(event);
    return {
      ...everyFlow(send),
      ...contactForm(send),
      submitSearch: (input: SearchInput) => send({ type: "search.submit", ...input }),
      searchBack: () => send({ type: "search.back" }),
      submitForm: (values: RegisterInput) => send({ type: "form.submit", values }),
      formBack: () => send({ type: "form.back" }),
      acknowledgeHolder: () => send({ type: "holder.acknowledge" }),
      holderBack: () => send({ type: "holder.back" }),
    };
  }, [actorRef]);
}

export function useChangeEvents(actorRef: ActorRefFrom<typeof changeMachine>) {
  return useMemo(() => {
    const send: Send<ChangeEvent> = (event) => actorRef.send(event);
    return {
      ...changingRegistration(send),
      ...contactForm(send),
      submitForm: (values: ChangeFormValues) => send({ type: "form.submit", values }),
      formBack: () => send({ type: "form.back" }),
    };
  }, [actorRef]);
}

export function useRenewalEvents(actorRef: ActorRefFrom<typeof renewalMachine>) {
  return useMemo(() => {
    const send: Send<RenewalEvent> = (event) => actorRef.send(event);
    return {
      ...changingRegistration(send),
      noticeOk: () => send({ type: "notice.ok" }),
      noticeBack: () => send({ type: "notice.back" }),
    };
  }, [actorRef]);
}

/** The keypad talks to the PIN step's own actor, the flow's `pin` child. */
export function usePinEvents(pinRef: ActorRefFrom<typeof pinMachine>) {
  return useMemo(
    () => ({
      // The PIN is handed straight to the event; nothing on this side keeps it.
      submitPin: (pin: string) => pinRef.send({ type: "pin.submit", pin }),
      cancelPin: () => pinRef.send({ type: "pin.cancel" }),
    }),
    [pinRef],
  );
}
