// Drives the real kiosk into each screen of 変更 and ICカード更新 (real change / renewal / pin
// machines, the app's deps faked at the edge), for the card-removal and secrets tests.
import { PIN, settle } from "./fixtures";
import { changeValues, notRegistered, oldCardExpired } from "./flow.fixtures";
import { flowOf, pinOf, toMenu } from "./kiosk.harness";
import type { HarnessOptions, Kiosk } from "./kiosk.harness";

export const CHANGE_STATES = [
  "pin",
  "refused",
  "loading",
  "form",
  "confirm",
  "submitting",
  "done",
  "print",
] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

export function changeOptionsFor(state: ChangeState): HarnessOptions {
  if (state === "refused") return { proveFor: { change: notRegistered } };
  if (state === "loading") return { loadChange: "hang" };
  if (state === "submitting") return { submitChange: "hang" };
  if (state === "print") return { print: "hang" };
  return {};
}

export async function toChangeState(actor: Kiosk, state: ChangeState): Promise<void> {
  await toMenu(actor);
  actor.send({ type: "menu.change" });
  await settle(); // the pin child's pre-flight check on the inserted card
  if (state === "pin") return;
  pinOf(actor).send({ type: "pin.submit", pin: PIN });
  await settle();
  if (state === "refused" || state === "loading" || state === "form") return;
  const change = flowOf(actor, "change");
  change.send({ type: "form.submit", values: changeValues });
  if (state === "confirm") return;
  change.send({ type: "confirm.submit" });
  await settle();
  if (state === "submitting" || state === "done") return;
  change.send({ type: "receipt.print" });
  await settle();
}

export const RENEWAL_STATES = [
  "notice",
  "oldCard",
  "refused",
  "swap",
  "newCard",
  "loading",
  "confirm",
  "submitting",
  "done",
  "print",
] as const;
export type RenewalState = (typeof RENEWAL_STATES)[number];

export function renewalOptionsFor(state: RenewalState): HarnessOptions {
  if (state === "refused") return { proveFor: { renewalOld: oldCardExpired } };
  if (state === "loading") return { loadRenewal: "hang" };
  if (state === "submitting") return { submitRenewal: "hang" };
  if (state === "print") return { print: "hang" };
  return {};
}

export async function toRenewalState(actor: Kiosk, state: RenewalState): Promise<void> {
  await toMenu(actor);
  actor.send({ type: "menu.renewal" });
  if (state === "notice") return;
  const renewal = flowOf(actor, "renewal");
  renewal.send({ type: "notice.ok" });
  await settle();
  if (state === "oldCard") return;
  pinOf(actor).send({ type: "pin.submit", pin: PIN });
  await settle();
  if (state === "refused" || state === "swap") return;
  // 「現在使用しているICカードを取り出し、新しいICカードを差し込んでください」
  actor.send({ type: "card.removed" });
  actor.send({ type: "card.inserted" });
  await settle();
  if (state === "newCard") return;
  pinOf(actor).send({ type: "pin.submit", pin: PIN });
  await settle();
  if (state === "loading" || state === "confirm") return;
  renewal.send({ type: "confirm.submit" });
  await settle();
  if (state === "submitting" || state === "done") return;
  renewal.send({ type: "receipt.print" });
  await settle();
}
