import { fromPromise } from "xstate";

/**
 * A named effect the machine invokes but never implements: the app (or a test) provides the
 * real one with `machine.provide({ actors })`. Failing loudly beats a silent no-op when a
 * provider forgets one.
 */
export function placeholder<TOutput, TInput>(name: string) {
  return fromPromise<TOutput, TInput>(async () => {
    throw new Error(`actor "${name}" was not provided`);
  });
}
