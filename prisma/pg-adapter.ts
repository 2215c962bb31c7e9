import { PrismaPg } from "@prisma/adapter-pg";

// Prisma 6.19's client ends a transaction by sending COMMIT or ROLLBACK through the transaction's
// executeRaw and only then calls commit()/rollback(), which give the connection back to pg's pool.
// When the server went away mid-transaction (stopped, failed over) that statement throws, and the
// connection stays checked out for good: after `max` such transactions every query waits forever,
// so a terminal would not recover when the database returns (test/integration/database-down.test.ts).
// Here a failed COMMIT or ROLLBACK gives the connection back itself; the pool drops a dead one.

type Tx = Awaited<ReturnType<Awaited<ReturnType<PrismaPg["connect"]>>["startTransaction"]>>;

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;

function releasingOnFailedEnd(tx: Tx): Tx {
  const executeRaw = tx.executeRaw.bind(tx);
  tx.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      // a failed COMMIT has rolled back too; rollback() only releases the connection
      if (ENDS_TRANSACTION.test(query.sql)) await tx.rollback().catch(() => undefined);
      throw error;
    }
  };
  return tx;
}

/** PrismaPg whose transactions cannot leak a pooled connection (see above). */
export class KioskPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) =>
      releasingOnFailedEnd(await startTransaction(isolationLevel));
    return adapter;
  }
}
