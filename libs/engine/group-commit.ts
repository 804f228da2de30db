import { setTimeout } from 'node:timers/promises';
import type { PoolConnection } from 'mysql2/promise';
import { Coalescer } from './coalescer';
import { Slots } from './slots';
import { PrimaryPool, render, SqlStatement } from './sql-batch';
import { InsertRows, insertSql } from './statements';

/** One transition's writes: a guarded UPDATE, and rows written only if it matched. */
export interface GuardedWrite {
  /**
   * Sorts the group so concurrent groups lock the instances' rows in the same order. Rows the
   * writes lock besides (the counters triggers keep) are taken in the instances' order: without
   * `wardLock` two groups can deadlock on them, and the group is retried.
   */
  lockKey: string;
  /** The ward whose row is locked before any guard (PersistedWorkflow.lockWardFirst). */
  wardLock?: string;
  guard: SqlStatement;
  inserts: InsertRows[];
  /** Statements run after the inserts (PersistedWorkflow.writes), only if the guard matched. */
  statements: SqlStatement[];
}

/** Locks the wards' rows, in one order, before the counters their instances' triggers keep. */
export function lockWardsSql(wardIds: string[]): SqlStatement {
  const wards = [...new Set(wardIds)].sort();
  return {
    sql: `SELECT id FROM wards WHERE id IN (${wards.map(() => '?').join(', ')}) ORDER BY id FOR UPDATE`,
    params: wards,
  };
}

/** Whether a write was applied (its guard matched), or why it failed on its own. */
type Outcome = boolean | Error;

const DEADLOCK = 'ER_LOCK_DEADLOCK';
/** A deadlocked group is written again up to this many times in all. */
const DEADLOCK_ATTEMPTS = 8;
/**
 * Before writing a deadlocked group again, a random pause of up to this many ms, doubled at each
 * attempt: groups that deadlocked together, written again at once, meet again on the same rows
 * (16 clients on one ward's counters ran out of four immediate attempts: HTTP 500).
 */
const DEADLOCK_PAUSE_MS = 5;
/**
 * Groups committed at once, on separate connections, so the server's threads share the work:
 * per process, whatever their wards, so that commits never take the whole pool.
 */
const IN_FLIGHT = 4;

/**
 * Group commit: transitions that arrive while a commit is in flight are written together in the
 * next one, as ONE transaction: the guarded UPDATE of each row (`... WHERE version = ?`), then the
 * audit rows and the outbox rows as one multi-row INSERT each, each transition's own statements
 * (its notifications), and COMMIT, in one round trip when
 * every guard applies (`commit`). Each transition stays all-or-nothing, and a stale one is skipped
 * without failing its neighbours (`commitChecked`). A group the server refuses (a value too long,
 * a constraint) is written again one transition at a time, so the transition at fault fails alone
 * and its neighbours are applied.
 */
export class GroupCommit {
  private readonly slots = new Slots(IN_FLIGHT);
  private readonly unlocked = this.coalescer(IN_FLIGHT);
  /**
   * Writes that lock a ward's row go one group at a time per ward: groups in flight together
   * would only wait for each other on that row, holding connections, while one bigger group
   * gathers what arrives meanwhile.
   */
  private readonly byWard = new Map<string, Coalescer<GuardedWrite, Outcome>>();

  constructor(private readonly pool: () => PrimaryPool) {}

  /** Resolves true when the write was applied, false when its guard did not match. */
  async submit(write: GuardedWrite): Promise<boolean> {
    const outcome = await this.coalescerOf(write).submit(write);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  private coalescerOf({ wardLock }: GuardedWrite): Coalescer<GuardedWrite, Outcome> {
    if (!wardLock) return this.unlocked;
    let coalescer = this.byWard.get(wardLock);
    if (!coalescer) {
      coalescer = this.coalescer(1);
      this.byWard.set(wardLock, coalescer);
    }
    return coalescer;
  }

  private coalescer(inFlight: number): Coalescer<GuardedWrite, Outcome> {
    return new Coalescer(
      (writes) => this.slots.run(() => this.commitIsolatingFailures(writes)),
      64,
      inFlight,
    );
  }

  private async commitIsolatingFailures(writes: GuardedWrite[]): Promise<Outcome[]> {
    try {
      return await this.commitWithRetry(writes);
    } catch (error) {
      // Only a statement the server refused is worth isolating; a lost connection fails them all.
      if (writes.length === 1 || !isStatementError(error)) throw error;
      const outcomes: Outcome[] = [];
      for (const write of writes) {
        outcomes.push(
          await this.commitWithRetry([write]).then(
            ([applied]) => applied,
            (alone: Error) => alone,
          ),
        );
      }
      return outcomes;
    }
  }

  private async commitWithRetry(writes: GuardedWrite[]): Promise<boolean[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.commit(writes);
      } catch (error) {
        // The whole group was rolled back; trying again is safe.
        if ((error as { code?: string }).code !== DEADLOCK || attempt === DEADLOCK_ATTEMPTS)
          throw error;
        await setTimeout(Math.random() * DEADLOCK_PAUSE_MS * 2 ** attempt);
      }
    }
  }

  /**
   * One round trip, so the ward's row is held for the server's work alone, never while this
   * process is busy between two round trips: the inserts count on every guard applying. The first
   * column of each inserted row (NOT NULL in the engine's tables) is NULL unless all guards
   * applied, so a stale transition fails the INSERT (1048 in strict mode, the servers' default;
   * without it its audit row's (instance, seq) is taken, 1062) and rolls back the group; that group,
   * and one the server refused for its data, is then written in two round trips, which tell each
   * transition's outcome.
   */
  private async commit(writes: GuardedWrite[]): Promise<boolean[]> {
    const order = lockOrder(writes);
    const guards = order.flatMap(({ write }, i) => [
      render(write.guard),
      `SET ${ALL_APPLIED} = ${i === 0 ? '' : `${ALL_APPLIED} AND `}ROW_COUNT() = 1`,
    ]);
    const inserts = mergedByTable(order.flatMap(({ write }) => write.inserts));
    // After the inserts, which fail unless every guard applied.
    const statements = order.flatMap(({ write }) => write.statements.map(render));
    try {
      await this.inTransaction(order, async (connection, head) => {
        await connection.query(
          [...head, ...guards, ...inserts.map(ifAllApplied), ...statements, 'COMMIT'].join(';\n'),
        );
      });
      return writes.map(() => true);
    } catch (error) {
      if (!isStatementError(error)) throw error;
      return this.commitChecked(order, writes.length);
    }
  }

  /** The guarded UPDATEs, then the applied transitions' rows, and COMMIT: two round trips. */
  private commitChecked(order: Ordered[], count: number): Promise<boolean[]> {
    return this.inTransaction(order, async (connection, head) => {
      const [results] = (await connection.query(
        [...head, ...order.map(({ write }) => render(write.guard))].join(';\n'),
      )) as unknown as [{ affectedRows: number }[]];
      const matched = results.slice(head.length).map((result) => result.affectedRows === 1);
      const applied = order.filter((_, i) => matched[i]).map(({ write }) => write);
      const inserts = mergedByTable(applied.flatMap((write) => write.inserts));
      await connection.query(
        [
          ...inserts.map((rows) => render(insertSql(rows))),
          ...applied.flatMap((write) => write.statements.map(render)),
          'COMMIT',
        ].join(';\n'),
      );
      const outcomes = new Array<boolean>(count);
      order.forEach(({ index }, i) => (outcomes[index] = matched[i]));
      return outcomes;
    });
  }

  /**
   * Runs `work` on a connection of its own, given the statements that open the transaction and
   * lock the wards' rows; rolls back if it fails.
   */
  private async inTransaction<T>(
    order: Ordered[],
    work: (connection: PoolConnection, head: string[]) => Promise<T>,
  ): Promise<T> {
    const wards = order.flatMap(({ write }) => write.wardLock ?? []);
    const head = ['START TRANSACTION'];
    if (wards.length > 0) head.push(render(lockWardsSql(wards)));
    const connection = await this.pool().getConnection();
    let reusable = true;
    try {
      return await work(connection, head);
    } catch (error) {
      // A connection whose transaction may still be open is closed, never handed on.
      reusable = await connection.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      throw error;
    } finally {
      if (reusable) connection.release();
      else connection.destroy();
    }
  }
}

interface Ordered {
  write: GuardedWrite;
  index: number;
}

/** Stable sort by lock key: two transitions of one instance keep their arrival order. */
function lockOrder(writes: GuardedWrite[]): Ordered[] {
  return writes
    .map((write, index) => ({ write, index }))
    .sort((a, b) => a.write.lockKey.localeCompare(b.write.lockKey));
}

/** Whether every guard of the group so far applied (a session variable of the connection). */
const ALL_APPLIED = '@cchc_all_applied';

/** A multi-row INSERT whose rows' first column is NULL unless every guard applied. */
function ifAllApplied(rows: InsertRows): string {
  return render(insertSql(rows, `IF(${ALL_APPLIED}, ?, NULL)`));
}

/** Rows for the same table and columns, as one multi-row INSERT each. */
function mergedByTable(parts: InsertRows[]): InsertRows[] {
  const byTable = new Map<string, InsertRows>();
  for (const part of parts) {
    const key = `${part.table}(${part.columns.join(',')})`;
    const merged = byTable.get(key);
    if (merged) merged.rows.push(...part.rows);
    else byTable.set(key, { ...part, rows: [...part.rows] });
  }
  return [...byTable.values()];
}

/**
 * Errors one transition's own data can cause (too long, out of range, a duplicate, a missing
 * reference, a failed check): only these single out a write. Lock waits, deadlocks and lost
 * connections say nothing about a write and are not retried one by one.
 */
const DATA_ERRORS = new Set([1048, 1062, 1264, 1265, 1366, 1406, 1451, 1452, 3819, 4025]);

function isStatementError(error: unknown): boolean {
  return DATA_ERRORS.has((error as { errno?: number })?.errno ?? -1);
}
