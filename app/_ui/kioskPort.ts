"use client";
// How the page's components reach the one kiosk actor. The actor — xstate, the machines and the
// server actions they call — is a chunk of its own, fetched as soon as the page has hydrated
// (issue 13 item 1): screen 1 is rendered by the server and made interactive without it, so a
// terminal's cold start parses ~23 KB of gzip less before the first tap can be taken. Until the
// actor runs, each hook answers what screen 1 shows at the machine's start (its caller says what
// that is), and events wait, in order, to be delivered the moment it starts.
import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import type { ActorRefFrom, AnyActorRef, SnapshotFrom } from "xstate";
import type { kioskMachine } from "@/machines/kiosk.machine";
import type { KioskEvent } from "@/machines/kiosk.types";

export type KioskActor = ActorRefFrom<typeof kioskMachine>;
export type KioskSnapshot = SnapshotFrom<typeof kioskMachine>;

export type KioskPort = {
  /** delivers `event` to the actor now, or as soon as it starts */
  send: (event: KioskEvent) => void;
  /** the actor's snapshot, or null while it is not running yet */
  snapshot: () => KioskSnapshot | null;
  subscribe: (onChange: () => void) => () => void;
  /** starts `actor` here and delivers what was sent before it */
  attach: (actor: KioskActor) => void;
  /** stops the actor (the page is left): the port is as before attach */
  detach: () => void;
};

export function createKioskPort(): KioskPort {
  let actor: KioskActor | null = null;
  let subscription: { unsubscribe: () => void } | null = null;
  let waiting: KioskEvent[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    send(event) {
      if (actor) actor.send(event);
      else waiting.push(event);
    },
    snapshot: () => actor?.getSnapshot() ?? null,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    attach(next) {
      actor = next;
      subscription = next.subscribe(notify);
      next.start();
      const sent = waiting;
      waiting = [];
      for (const event of sent) next.send(event);
      notify();
    },
    detach() {
      subscription?.unsubscribe();
      actor?.stop();
      actor = null;
      subscription = null;
      waiting = [];
      notify();
    },
  };
}

export const KioskPortContext = createContext<KioskPort | null>(null);

// outside a kiosk page (a screen rendered alone, the closed page): nothing ever starts
const NO_ACTOR = { subscribe: () => () => undefined, snapshot: () => null };

/**
 * `select` of the kiosk actor's snapshot, re-rendering when it changes; `beforeStart` until the
 * actor runs (and outside a kiosk page). `select` must return the same value for the same
 * snapshot (a field, a boolean, the snapshot itself), as useSyncExternalStore requires.
 */
export function useKioskSelector<T>(select: (snapshot: KioskSnapshot) => T, beforeStart: T): T {
  const port = useContext(KioskPortContext) ?? NO_ACTOR;
  const read = () => {
    const snapshot = port.snapshot();
    return snapshot ? select(snapshot) : beforeStart;
  };
  return useSyncExternalStore(port.subscribe, read, read);
}

/** Whether this component is inside a kiosk page (a port is provided). */
export function useInKiosk(): boolean {
  return useContext(KioskPortContext) !== null;
}

/** The kiosk page's `send` (events before the actor runs are kept for it). */
export function useKioskSend(): (event: KioskEvent) => void {
  const port = useContext(KioskPortContext);
  if (!port) throw new Error("useKioskSend: no kiosk page around this component (KioskPortContext)");
  return port.send;
}

/** What the page reads of a child actor's snapshot. */
export type ChildSnapshot = {
  value: unknown;
  context: unknown;
  children?: Record<string, AnyActorRef | undefined>;
};

/**
 * A child actor's snapshot (the running flow's, its PIN step's), re-rendering as it changes;
 * undefined without one. Not @xstate/react's useSelector: importing it brings xstate's core into
 * the first load (StaffCallButton, on screen 1, asks which screen is shown).
 */
export function useActorSnapshot(actor: AnyActorRef | undefined): ChildSnapshot | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!actor) return () => undefined;
      const subscription = actor.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    [actor],
  );
  const read = () => actor?.getSnapshot() as ChildSnapshot | undefined;
  return useSyncExternalStore(subscribe, read, read);
}
