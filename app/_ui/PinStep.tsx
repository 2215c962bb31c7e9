"use client";
// The PIN screen of any flow, read from the flow's `pin` child (docs/machines.md: the PIN screen's
// state lives in that child, and may be undefined outside the PIN states).
import { useSelector } from "@xstate/react";
import type { ActorRefFrom } from "xstate";
import type { pinMachine } from "@/machines";
import { PinScreen } from "./screens/Pin";
import type { KioskEvents } from "./useKioskEvents";

type PinRef = ActorRefFrom<typeof pinMachine>;
type Labels = { title: string; prompt?: string };

export function PinStep({
  pinRef,
  events,
  ...labels
}: { pinRef: PinRef | undefined; events: KioskEvents } & Labels) {
  if (!pinRef) return null;
  return <PinFromActor pinRef={pinRef} events={events} {...labels} />;
}

function PinFromActor({ pinRef, events, title, prompt }: { pinRef: PinRef; events: KioskEvents } & Labels) {
  const pin = useSelector(pinRef, (s) => s);
  return (
    <PinScreen
      title={title}
      prompt={prompt}
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
