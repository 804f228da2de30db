import type { Pool } from 'mysql2/promise';
import { Coalescer } from './coalescer';
import { render, SqlStatement } from './sql-batch';
import { InsertRows, insertIfSql } from './statements';

/** One transition's writes: a guarded UPDATE, and rows written only if it matched. */
export interface GuardedWrite {
  /** Sorts the group so concurrent groups lock rows in the same order (no deadlocks). */
  lockKey: string;
  guard: SqlStatement;
  inserts: InsertRows[];
}

const DEADLOCK = 'ER_LOCK_DEADLOCK';
/** Groups committed at once, on separate connections, so the server's threads share the work. */
const IN_FLIGHT = 4;

/**
 * Group commit: transitions that arrive while a commit is in flight are written together in the
 * next one, as ONE multi-statement transaction. Each transition stays all-or-nothing: its audit and
 * outbox rows are inserted only if its own `UPDATE ... WHERE version = ?` matched (kept in a
 * session variable), so a stale transition is skipped without failing its neighbours.
 */
export class GroupCommit {
  private readonly coalescer = new Coalescer<GuardedWrite, boolean>(
    (writes) => this.commitWithRetry(writes),
    64,
    IN_FLIGHT,
  );

  constructor(private readonly pool: () => Pool) {}

  /** Resolves true when the write was applied, false when its guard did not match. */
  submit(write: GuardedWrite): Promise<boolean> {
    return this.coalescer.submit(write);
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
    const statements = order.flatMap(({ write }, i) => [
      render(write.guard),
      `SET ${flags[i]} = ROW_COUNT()`,
      ...write.inserts.flatMap((rows) => insertIfSql(rows, flags[i]).map(render)),
    ]);
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
