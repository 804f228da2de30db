import { Coalescer } from './coalescer';
import { PrimaryPool, render, SqlStatement } from './sql-batch';
import { GuardedRows, InsertRows, insertIfSql } from './statements';

/** One transition's writes: a guarded UPDATE, and rows written only if it matched. */
export interface GuardedWrite {
  /** Sorts the group so concurrent groups lock rows in the same order (no deadlocks). */
  lockKey: string;
  guard: SqlStatement;
  inserts: InsertRows[];
}

/** Whether a write was applied (its guard matched), or why it failed on its own. */
type Outcome = boolean | Error;

const DEADLOCK = 'ER_LOCK_DEADLOCK';
/** Groups committed at once, on separate connections, so the server's threads share the work. */
const IN_FLIGHT = 4;

/**
 * Group commit: transitions that arrive while a commit is in flight are written together in the
 * next one, as ONE multi-statement transaction: a guarded UPDATE per row, then the group's audit
 * rows and its outbox rows as one multi-row INSERT each. Each transition stays all-or-nothing: its
 * audit and outbox rows are kept only if its own `UPDATE ... WHERE version = ?` matched (kept in a
 * session variable), so a stale transition is skipped without failing its neighbours. A group the
 * server refuses (a value too long, a constraint) is written again one transition at a time, so the
 * transition at fault fails alone and its neighbours are applied.
 */
export class GroupCommit {
  private readonly coalescer = new Coalescer<GuardedWrite, Outcome>(
    (writes) => this.commitIsolatingFailures(writes),
    64,
    IN_FLIGHT,
  );

  constructor(private readonly pool: () => PrimaryPool) {}

  /** Resolves true when the write was applied, false when its guard did not match. */
  async submit(write: GuardedWrite): Promise<boolean> {
    const outcome = await this.coalescer.submit(write);
    if (outcome instanceof Error) throw outcome;
    return outcome;
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
    try {
      return await this.commit(writes);
    } catch (error) {
      // The whole group was rolled back; trying once more is safe.
      if ((error as { code?: string }).code === DEADLOCK) return this.commit(writes);
      throw error;
    }
  }

  private async commit(writes: GuardedWrite[]): Promise<boolean[]> {
    // Stable sort: two transitions of one instance keep their arrival order.
    const order = writes
      .map((write, index) => ({ write, index }))
      .sort((a, b) => a.write.lockKey.localeCompare(b.write.lockKey));
    const flags = order.map(({ index }) => `@cchc_applied_${index}`);
    const guards = order.flatMap(({ write }, i) => [
      render(write.guard),
      `SET ${flags[i]} = ROW_COUNT()`,
    ]);
    // The group's rows of each table in one multi-row statement, each row kept only if its
    // transition's guard matched.
    const byTable = new Map<string, GuardedRows[]>();
    order.forEach(({ write }, i) => {
      for (const rows of write.inserts) {
        const key = `${rows.table}(${rows.columns.join(',')})`;
        byTable.set(key, [...(byTable.get(key) ?? []), { rows, flag: flags[i] }]);
      }
    });
    const statements = [
      ...guards,
      ...[...byTable.values()].map((parts) => render(insertIfSql(parts))),
    ];
    const packet = [
      'START TRANSACTION',
      ...statements,
      `SELECT ${flags.join(', ')}`,
      'COMMIT',
    ].join(';\n');
    const connection = await this.pool().getConnection();
    try {
      const [results] = (await connection.query(packet)) as unknown as [unknown[]];
      const [row] = results[results.length - 2] as Record<string, unknown>[];
      const applied = new Array<boolean>(writes.length);
      order.forEach(({ index }, i) => (applied[index] = Number(row[flags[i]]) === 1));
      return applied;
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  }
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
