"use client";
// The ICカード更新 flow's screens, chosen from the renewal actor's snapshot (§3.3).
import { useSelector } from "@xstate/react";
import type { ActorRefFrom } from "xstate";
import { RENEWAL_STEPS, renewalStepOf, type renewalMachine } from "@/machines";
import { resultOf } from "./flowResult";
import { msgid } from "./i18n/translate";
import { BusyStatus, FlowRefused } from "./FlowStep";
import { PinStep } from "./PinStep";
import { StepIndicator } from "./StepIndicator";
import { useRenewalEvents } from "./useFlowEvents";
import { RenewalConfirmScreen } from "./screens/RenewalConfirm";
import { RenewalDoneScreen } from "./screens/PropagatedDone";
import { RenewalNoticeScreen } from "./screens/RenewalNotice";
import { SwapScreen } from "./screens/Swap";

type Props = { actorRef: ActorRefFrom<typeof renewalMachine>; onLogout: () => void };

export function RenewalFlow({ actorRef, onLogout }: Props) {
  const snapshot = useSelector(actorRef, (s) => s);
  const events = useRenewalEvents(actorRef);
  const pinRef = useSelector(actorRef, (s) => s.children.pin);
  const { context } = snapshot;
  return (
    <>
      <StepIndicator steps={RENEWAL_STEPS} current={renewalStepOf(snapshot)} />
      {renderStep()}
    </>
  );

  function renderStep() {
    if (snapshot.matches("notice")) {
      return <RenewalNoticeScreen onOk={events.noticeOk} onBack={events.noticeBack} />;
    }
    if (snapshot.matches("oldCard")) {
      return (
        <PinStep
          pinRef={pinRef}
          title={msgid("古いICカードの確認")}
          prompt={msgid("現在使用しているICカードをカードリーダーに差し込んでください")}
        />
      );
    }
    if (snapshot.matches("swap")) {
      return <SwapScreen oldCardIn={context.cardPresent} onCancel={events.swapCancel} />;
    }
    if (snapshot.matches("swapForRegister")) {
      return <SwapScreen oldCardIn={context.cardPresent} purpose="register" onCancel={events.swapCancel} />;
    }
    if (snapshot.matches("newCard")) {
      return (
        <PinStep
          pinRef={pinRef}
          title={msgid("新しいICカードの確認")}
          prompt={msgid("新しく取得したICカードをカードリーダーに差し込んでください")}
        />
      );
    }
    if (snapshot.matches("refused") && context.failure) {
      // the machine decides which refusals lead to 登録 (R13: expired old card, another CA)
      const canRegister = snapshot.can({ type: "refusal.register" });
      return <FlowRefused failure={context.failure} events={events} canRegister={canRegister} />;
    }
    const view = context.view;
    if ((snapshot.matches("confirm") || snapshot.matches("submitting")) && view) {
      return (
        <RenewalConfirmScreen
          view={view}
          propagate={context.propagate}
          submitting={snapshot.matches("submitting")}
          onTogglePropagate={events.togglePropagate}
          onSubmit={events.submitConfirm}
          onBack={events.confirmBack}
        />
      );
    }
    const result = resultOf(snapshot, events.printReceipt, onLogout);
    if (result) {
      return (
        <RenewalDoneScreen {...result} agencyName={context.agency.name} propagatesTo={context.propagatesTo} />
      );
    }
    return <BusyStatus />;
  }
}
