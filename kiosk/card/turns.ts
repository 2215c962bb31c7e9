// R33: one PIN attempt at a time per card insertion, from the kiosk's cap check to the card's
// answer being recorded. The drivers' own queues serialize module calls only; with the cap checked
// outside them, twenty PIN requests arriving at once all passed the check before the first wrong
// PIN was counted, and all reached the card. The card sits in this one server process, so an
// in-process queue is the whole lock; it lives on globalThis because Next bundles the server into
// several chunks and the reader (and its card) is one per process.

const globalForTurns = globalThis as unknown as { kioskCardTurns?: Map<string, Promise<void>> };

/** Runs `work` after every earlier turn on `insertionId` has settled, however those ended. */
export function inCardTurn<T>(insertionId: string, work: () => Promise<T>): Promise<T> {
  const turns = (globalForTurns.kioskCardTurns ??= new Map());
  const before = turns.get(insertionId) ?? Promise.resolve();
  const run = before.then(work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  turns.set(insertionId, settled);
  // forget an insertion once its queue is empty, or every insertion of the day would stay
  void settled.then(() => {
    if (turns.get(insertionId) === settled) turns.delete(insertionId);
  });
  return run;
}
