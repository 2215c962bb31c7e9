"use client";
// The ICカード更新 flow's screens, chosen from the renewal actor's snapshot (§3.3).
import { useSelector } from "@xstate/react";
import type { ActorRefFrom } from "xstate";
import { RENEWAL_STEPS, renewalStepOf, type renewalMachine } from "@/machines";
import { printStateOf } from "./flowPrint";
import { PinStep } from "./PinStep";
import { StepIndicator } from "./StepIndicator";
import type { KioskEvents } from "./useKioskEvents";
import { factsOf, RefusedScreen } from "./screens/Refused";
import { RenewalConfirmScreen } from "./screens/RenewalConfirm";
import { RenewalDoneScreen } from "./screens/RenewalDone";
import { RenewalNoticeScreen } from "./screens/RenewalNotice";
import { SwapScreen } from "./screens/Swap";

type Props = { actorRef: ActorRefFrom<typeof renewalMachine>; events: KioskEvents };

export function RenewalFlow({ actorRef, events }: Props) {
  const snapshot = useSelector(actorRef, (s) => s);
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
          events={events}
          title="古いICカードの確認"
          prompt="現在使用しているICカードをカードリーダーに差し込んでください"
        />
      );
    }
    if (snapshot.matches("swap")) return <SwapScreen oldCardIn={context.cardPresent} />;
    if (snapshot.matches("newCard")) {
      return (
        <PinStep
          pinRef={pinRef}
          events={events}
          title="新しいICカードの確認"
          prompt="新しく取得したICカードをカードリーダーに差し込んでください"
        />
      );
    }
    if (snapshot.matches("refused") && context.failure) {
      return (
        <RefusedScreen
          failure={context.failure}
          card={factsOf(context.failure)}
          onBack={events.refusalBack}
          // the machine decides which refusals lead to 登録 (R13: expired old card, another CA)
          onRegister={snapshot.can({ type: "refusal.register" }) ? events.refusalRegister : undefined}
        />
      );
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
    if ((snapshot.matches("done") || snapshot.matches("print")) && context.receiptNumber) {
      return (
        <RenewalDoneScreen
          agencyName={context.agency.name}
          receiptNumber={context.receiptNumber}
          emailTo={context.emailTo}
          propagatesTo={context.propagatesTo}
          print={printStateOf(snapshot.value)}
          printError={context.printError}
          onPrint={events.printReceipt}
          onLogout={events.logout}
        />
      );
    }
    return (
      <p className="busy" role="status">
        処理中です。しばらくお待ちください…
      </p>
    );
  }
}
