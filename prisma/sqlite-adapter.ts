import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Prisma 6.19's better-sqlite3 adapter runs every query of the process on one connection. Its
// transactions take turns with each other, but a query outside any transaction does not wait: it
// runs on the same connection while another request's transaction is open (BEGIN sent, awaiting
// its next step) and so becomes part of that transaction. A write made that way is undone when
// the transaction rolls back — a lost registration race (R1), a failed submit — and a read sees
// rows that may never be committed (test/integration/sqlite-isolation.test.ts showed both).
// Here every query outside a transaction waits for the open one to end, as it would on a
// database with a connection per transaction. A transaction is a few statements; the nightly
// batch's one long transaction runs when no bidder is at the kiosk.

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Tx = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** One holder at a time, in the order they asked. */
class Turns {
  #last: Promise<void> = Promise.resolve();

  /** Waits for every earlier holder; call the returned function to let the next one go. */
  async take(): Promise<() => void> {
    let release = () => undefined as void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.#last;
    this.#last = before.then(() => mine);
    await before;
    return release;
  }

  async with<T>(run: () => Promise<T>): Promise<T> {
    const release = await this.take();
    try {
      return await run();
    } finally {
      release();
    }
  }
}

function releasingAtEnd(tx: Tx, release: () => void): Tx {
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
  tx.commit = async () => {
    try {
      return await commit();
    } finally {
      release();
    }
  };
  tx.rollback = async () => {
    try {
      return await rollback();
    } finally {
      release();
    }
  };
  return tx;
}

/** PrismaBetterSQLite3 whose transactions are isolated from the process's other queries (see above). */
export class KioskPrismaBetterSQLite3 extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const turns = new Turns();
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    const executeScript = adapter.executeScript.bind(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.queryRaw = (query) => turns.with(() => queryRaw(query));
    adapter.executeRaw = (query) => turns.with(() => executeRaw(query));
    adapter.executeScript = (script) => turns.with(() => executeScript(script));
    adapter.startTransaction = async (isolationLevel) => {
      const release = await turns.take();
      try {
        return releasingAtEnd(await startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    };
    return adapter;
  }
}
