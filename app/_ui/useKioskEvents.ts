"use client";

import { useMemo } from "react";
import type { Kind } from "@/app/_shared/kinds";
import type { RegisterInput } from "@/app/_shared/contracts";
import type { SearchInput } from "@/app/_shared/schemas";
import type { ChangeFormValues } from "./screens/changeView";
import { KioskContext } from "./kioskActor";

/**
 * Named senders, so screens never build event objects. Every event goes to the kiosk actor,
 * which forwards the flow's events to the running flow.
 */
export function useKioskEvents() {
  const actor = KioskContext.useActorRef();
  return useMemo(() => {
    const send = actor.send.bind(actor);
    return {
      selectSubmit: (agencyCode: string, kind: Kind) => send({ type: "select.submit", agencyCode, kind }),
      chooseUserRegistration: () => send({ type: "entry.userRegistration" }),
      proceedFromTop: () => send({ type: "top.proceed" }),
      menuRegister: () => send({ type: "menu.register" }),
      menuChange: () => send({ type: "menu.change" }),
      menuRenewal: () => send({ type: "menu.renewal" }),
      activity: () => send({ type: "user.activity" }),
      logout: () => send({ type: "session.logout" }),
      confirmLogout: () => send({ type: "logout.confirm" }),
      cancelLogout: () => send({ type: "logout.cancel" }),
      cardInserted: () => send({ type: "card.inserted" }),
      cardRemoved: () => send({ type: "card.removed" }),
      // The PIN is handed straight to the event; nothing on this side keeps it.
      submitPin: (pin: string) => send({ type: "pin.submit", pin }),
      cancelPin: () => send({ type: "pin.cancel" }),
      refusalBack: () => send({ type: "refusal.back" }),
      submitSearch: (input: SearchInput) => send({ type: "search.submit", ...input }),
      searchBack: () => send({ type: "search.back" }),
      submitForm: (values: RegisterInput) => send({ type: "form.submit", values }),
      formBack: () => send({ type: "form.back" }),
      acknowledgeHolder: () => send({ type: "holder.acknowledge" }),
      holderBack: () => send({ type: "holder.back" }),
      submitConfirm: () => send({ type: "confirm.submit" }),
      confirmBack: () => send({ type: "confirm.back" }),
      printReceipt: () => send({ type: "receipt.print" }),
      // 変更 and ICカード更新
      refusalRegister: () => send({ type: "refusal.register" }),
      submitChangeForm: (values: ChangeFormValues) => send({ type: "form.submit", values }),
      togglePropagate: () => send({ type: "propagate.toggle" }),
      noticeOk: () => send({ type: "notice.ok" }),
      noticeBack: () => send({ type: "notice.back" }),
    };
  }, [actor]);
}

export type KioskEvents = ReturnType<typeof useKioskEvents>;
