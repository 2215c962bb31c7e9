// Drives a flow machine on its own (no kiosk around it) the way its screens do.
import { SimulatedClock } from "xstate";
import type { Actor } from "xstate";
import type { PinEvent, registrationMachine } from "@/machines";
import { PASSWORD, PIN, session, settle } from "./fixtures";

/** A flow started for the session's agency and kind, the card already in the reader. */
export function flowOptions() {
  return {
    input: { agency: session.agency, kind: session.kind, cardPresent: true },
    clock: new SimulatedClock(),
  };
}

/** The keypad's PIN, sent where the PIN screen sends it: the flow's pin child. */
export function submitPin(
  actor: { getSnapshot(): { children: { pin?: { send(event: PinEvent): void } } } },
  pin: string,
): void {
  const pinRef = actor.getSnapshot().children.pin;
  if (!pinRef) throw new Error("no PIN step running");
  pinRef.send({ type: "pin.submit", pin });
}

type Registration = Actor<typeof registrationMachine>;

/** 登録's search for the qualification of 株式会社さいたま建設 (user ID 1000000001). */
export function submitSearch(actor: Registration): void {
  actor.send({
    type: "search.submit",
    officialName: "株式会社さいたま建設",
    userId: "1000000001",
    password: PASSWORD,
  });
}

/** 登録 from its PIN screen (card inspected) to the 利用者登録 form, or back to search on a refusal. */
export async function toForm(actor: Registration): Promise<void> {
  submitPin(actor, PIN);
  await settle();
  submitSearch(actor);
  await settle();
}
