"use client";
// The 登録 flow's screens, chosen from the registration actor's snapshot (§3.1).
import { useSelector } from "@xstate/react";
import type { ActorRefFrom } from "xstate";
import { REGISTRATION_STEPS, stepOf, type registrationMachine } from "@/machines";
import { resultOf } from "./flowResult";
import { msgid } from "./i18n/translate";
import { BusyStatus, contactFormProps, FlowRefused } from "./FlowStep";
import { PinStep } from "./PinStep";
import { StepIndicator } from "./StepIndicator";
import { useRegistrationEvents } from "./useFlowEvents";
import { ConfirmScreen } from "./screens/Confirm";
import { DoneScreen } from "./screens/Done";
import { FormScreen } from "./screens/Form";
import { HolderWarningDialog } from "./screens/HolderWarning";
import { SearchScreen } from "./screens/Search";
import { SearchLimitScreen } from "./screens/SearchLimit";

type Props = { actorRef: ActorRefFrom<typeof registrationMachine>; onLogout: () => void };

export function RegistrationFlow({ actorRef, onLogout }: Props) {
  const snapshot = useSelector(actorRef, (s) => s);
  const events = useRegistrationEvents(actorRef);
  const { context } = snapshot;
  const step = REGISTRATION_STEPS[stepOf(snapshot)] ?? REGISTRATION_STEPS[0];
  return (
    <>
      <StepIndicator steps={REGISTRATION_STEPS} current={step} />
      {renderStep()}
    </>
  );

  function renderStep() {
    if (snapshot.matches("pin")) return <RegistrationPin actorRef={actorRef} />;
    if (snapshot.matches("refused") && context.failure) {
      return <FlowRefused failure={context.failure} events={events} canRegister={false} />;
    }
    if (snapshot.matches("searchLimit") && context.searchFailure) {
      return <SearchLimitScreen failure={context.searchFailure} onEnd={events.endAfterSearchLimit} />;
    }
    if (snapshot.matches("search")) {
      return (
        <SearchScreen
          agencyName={context.agency.name}
          kind={context.kind}
          searching={snapshot.matches({ search: "searching" })}
          failure={context.searchFailure}
          initialUserId={context.search?.userId}
          onSubmit={events.submitSearch}
          onBack={events.searchBack}
        />
      );
    }
    const search = context.search;
    if ((snapshot.matches("form") || snapshot.matches("holderWarning")) && search) {
      return (
        <>
          <FormScreen
            search={search}
            card={context.card}
            holderAcknowledged={context.holderMismatchAcknowledged}
            onHolderCheck={events.checkHolder}
            {...contactFormProps(context, events)}
          />
          {snapshot.matches("holderWarning") && context.card ? (
            <HolderWarningDialog
              card={context.card}
              search={search}
              onAcknowledge={events.acknowledgeHolder}
              onBack={events.holderBack}
            />
          ) : null}
        </>
      );
    }
    if (
      (snapshot.matches("confirm") || snapshot.matches("registering")) &&
      search &&
      context.form &&
      context.card
    ) {
      return (
        <ConfirmScreen
          search={search}
          form={context.form}
          card={context.card}
          registering={snapshot.matches("registering")}
          onSubmit={events.submitConfirm}
          onBack={events.confirmBack}
        />
      );
    }
    const result = resultOf(snapshot, events.printReceipt, onLogout);
    if (result) return <DoneScreen {...result} />;
    return <BusyStatus />;
  }
}

function RegistrationPin({ actorRef }: Pick<Props, "actorRef">) {
  const pinRef = useSelector(actorRef, (s) => s.children.pin);
  return <PinStep pinRef={pinRef} title={msgid("PIN番号入力")} />;
}
