"use client";
// The 変更 flow's screens, chosen from the change actor's snapshot (§3.2).
import { useSelector } from "@xstate/react";
import type { ActorRefFrom } from "xstate";
import { CHANGE_STEPS, changeStepOf, type changeMachine } from "@/machines";
import { resultOf } from "./flowResult";
import { msgid } from "./i18n/translate";
import { BusyStatus, contactFormProps, FlowRefused } from "./FlowStep";
import { PinStep } from "./PinStep";
import { StepIndicator } from "./StepIndicator";
import { useChangeEvents } from "./useFlowEvents";
import { ChangeConfirmScreen } from "./screens/ChangeConfirm";
import { ChangeDoneScreen } from "./screens/PropagatedDone";
import { ChangeFormScreen } from "./screens/ChangeForm";

type Props = { actorRef: ActorRefFrom<typeof changeMachine>; onLogout: () => void };

export function ChangeFlow({ actorRef, onLogout }: Props) {
  const snapshot = useSelector(actorRef, (s) => s);
  const events = useChangeEvents(actorRef);
  const pinRef = useSelector(actorRef, (s) => s.children.pin);
  const { context } = snapshot;
  return (
    <>
      <StepIndicator steps={CHANGE_STEPS} current={changeStepOf(snapshot)} />
      {renderStep()}
    </>
  );

  function renderStep() {
    if (snapshot.matches("pin")) return <PinStep pinRef={pinRef} title={msgid("PIN番号入力")} />;
    if (snapshot.matches("refused") && context.failure) {
      // the machine decides which refusals lead to 登録 (R2: a card not registered here)
      const canRegister = snapshot.can({ type: "refusal.register" });
      return <FlowRefused failure={context.failure} events={events} canRegister={canRegister} />;
    }
    const view = context.view;
    if (snapshot.matches("form") && view) {
      return <ChangeFormScreen view={view} {...contactFormProps(context, events)} />;
    }
    if ((snapshot.matches("confirm") || snapshot.matches("submitting")) && view && context.form) {
      return (
        <ChangeConfirmScreen
          view={view}
          form={context.form}
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
        <ChangeDoneScreen {...result} agencyName={context.agency.name} propagatesTo={context.propagatesTo} />
      );
    }
    return <BusyStatus />;
  }
}
