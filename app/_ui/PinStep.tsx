"use client";
// The PIN screen of any flow, read from and sent to the flow's `pin` child (docs/machines.md: the
// PIN screen's state lives in that child, and may be undefined outside the PIN states).
import { useSelector } from "@xstate/react";
import type { ActorRefFrom } from "xstate";
import type { pinMachine } from "@/machines";
import { useT } from "./i18n/useT";
import { PinScreen } from "./screens/Pin";
import { usePinEvents } from "./useFlowEvents";

type PinRef = ActorRefFrom<typeof pinMachine>;
/** the flow's words for this PIN step, in Japanese (msgid); translated here */
type Labels = { title: string; prompt?: string };

export function PinStep({ pinRef, ...labels }: { pinRef: PinRef | undefined } & Labels) {
  if (!pinRef) return null;
  return <PinFromActor pinRef={pinRef} {...labels} />;
}

function PinFromActor({ pinRef, title, prompt }: { pinRef: PinRef } & Labels) {
  const pin = useSelector(pinRef, (s) => s);
  const events = usePinEvents(pinRef);
  const t = useT();
  return (
    <PinScreen
      title={t(title)}
      prompt={prompt === undefined ? undefined : t(prompt)}
      waitingForCard={pin.matches("waitingForCard")}
      inspecting={pin.matches("inspecting")}
      verifying={pin.matches("verifying")}
      error={pin.context.error}
      facts={pin.context.facts}
      notices={pin.context.notices}
      onSubmit={events.submitPin}
      onCancel={events.cancelPin}
    />
  );
}
