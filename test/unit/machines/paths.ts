// Helpers to check a machine against its own statechart: every state node, and every shortest
// path replayed on a real actor whose invoked effects answer what the path says they answered.
import { fromPromise } from "xstate";
import type { AnyActorLogic, AnyActorRef, AnyStateMachine, EventObject, StateValue } from "xstate";
import { getStateNodes } from "xstate/graph";
import type { StatePath } from "xstate/graph";
import { expect } from "vitest";
import { settle } from "./fixtures";

/** "a", "a.b", "a.b.c" for every state node of the machine (the root excluded). */
export function allStatePaths(machine: AnyStateMachine): Set<string> {
  return new Set(
    getStateNodes(machine.root)
      .filter((node) => node.path.length > 0)
      .map((node) => node.path.join(".")),
  );
}

/** The same dotted paths for the states a snapshot value is in, ancestors included. */
export function activePaths(value: StateValue, prefix = ""): string[] {
  if (typeof value === "string") return [prefix + value];
  return Object.entries(value).flatMap(([key, child]) => [
    prefix + key,
    ...(child === undefined ? [] : activePaths(child, `${prefix}${key}.`)),
  ]);
}

const DONE = "xstate.done.actor.";
const ERROR = "xstate.error.actor.";

/** What each invoked actor answered along the path, in order: output, or an Error when it failed. */
export function scriptsOf(steps: ReadonlyArray<{ event: EventObject }>): Map<string, unknown[]> {
  const scripts = new Map<string, unknown[]>();
  for (const { event } of steps) {
    const id = event.type.startsWith(DONE)
      ? event.type.slice(DONE.length)
      : event.type.startsWith(ERROR)
        ? event.type.slice(ERROR.length)
        : null;
    if (id === null) continue;
    const answer = event.type.startsWith(DONE)
      ? (event as unknown as { output: unknown }).output
      : new Error(`scripted failure of ${id}`);
    scripts.set(id, [...(scripts.get(id) ?? []), answer]);
  }
  return scripts;
}

/**
 * Replays a path on a real actor: user events are sent, actor results are awaited (the fakes
 * answer from the path's script), and after every step the actor must be where the path is.
 */
export async function replay(
  actor: AnyActorRef,
  path: StatePath<{ value: StateValue } & ReturnType<AnyActorRef["getSnapshot"]>, EventObject>,
): Promise<void> {
  for (const step of path.steps) {
    const type = step.event.type;
    if (type.startsWith(DONE) || type.startsWith(ERROR)) await settle();
    else if (type !== "xstate.init") actor.send(step.event);
    expect(actor.getSnapshot().value, `after ${type}`).toEqual(step.state.value);
  }
  expect(actor.getSnapshot().value).toEqual(path.state.value);
}

/**
 * Fakes that answer only when the replay reaches their step: in flows where one effect's answer
 * starts the next (PIN → loading), an eager fake would run ahead of the path being checked.
 */
export function gatedFakes(scripts: Map<string, unknown[]>) {
  const waiting = new Map<string, Array<{ signal: AbortSignal; answer: () => void }>>();
  const logicFor = (id: string): AnyActorLogic =>
    fromPromise<unknown, unknown>(
      ({ signal }) =>
        new Promise((resolve, reject) => {
          const answer = () => {
            const next = scripts.get(id)?.shift();
            if (next instanceof Error) reject(next);
            else resolve(next);
          };
          waiting.set(id, [...(waiting.get(id) ?? []), { signal, answer }]);
        }),
    );
  /** Answers the oldest call of `id` still running (a call whose state was left is skipped). */
  const release = (id: string) => {
    const queue = waiting.get(id) ?? [];
    let call = queue.shift();
    while (call?.signal.aborted) call = queue.shift();
    call?.answer();
  };
  return { logicFor, release };
}

/** replay(), answering each invoked effect at its own step through gatedFakes' release. */
export async function replayGated(
  actor: AnyActorRef,
  path: StatePath<{ value: StateValue } & ReturnType<AnyActorRef["getSnapshot"]>, EventObject>,
  release: (id: string) => void,
): Promise<void> {
  for (const step of path.steps) {
    const type = step.event.type;
    if (type.startsWith(DONE) || type.startsWith(ERROR)) {
      release(type.startsWith(DONE) ? type.slice(DONE.length) : type.slice(ERROR.length));
      await settle();
    } else if (type !== "xstate.init") actor.send(step.event);
    expect(actor.getSnapshot().value, `after ${type}`).toEqual(step.state.value);
  }
  expect(actor.getSnapshot().value).toEqual(path.state.value);
}
