import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '@cchc/domain';
import { WorkflowEngine } from '@cchc/engine';
import { reformTaskPersistence } from '@cchc/tasks';
import { runPool } from './bench-args';

/** The steps the transition benchmarks drive each task through, and who sends each. */
export const TASK_STEPS = [
  { type: 'START', role: 'officer' },
  { type: 'SUBMIT_REPORT', role: 'officer', report: 'Đã hoàn thành' },
  { type: 'APPROVE', role: 'leader' },
] as const;

/** Where benchmark tasks are created: a ward's unit, its leader (also the one who assigns). */
export interface BenchWard {
  wardId: string;
  unitId: string;
  leaderId: string;
  leader: Actor;
}

/** `count` new tasks of the unit, due far ahead (no timer fires) unless told, made through the engine. */
export async function createBenchTasks(
  engine: WorkflowEngine,
  ward: BenchWard,
  count: number,
  concurrency: number,
  title: string,
  dueDate = '2099-12-31',
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await runPool(count, concurrency, async (i) => {
    await engine.create(reformTaskPersistence, {
      id: ids[i],
      input: { leadUnitId: ward.unitId, leaderId: ward.leaderId, dueDate },
      actor: ward.leader,
      columns: {
        ward_id: ward.wardId,
        title: `${title} ${i}`,
        content: 'Đo hiệu năng',
        coordinating_unit_ids: '[]',
      },
    });
  });
  return ids;
}

/** Waits (up to five minutes) until the worker has done every job in the outbox. */
export async function outboxDone(db: DataSource, pollMs = 50): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const [{ pending }] = (await db.query(
      'SELECT COUNT(*) AS pending FROM outbox WHERE processed_at IS NULL AND dead_at IS NULL',
    )) as { pending: string }[];
    if (Number(pending) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error('the worker did not finish the outbox within five minutes');
}

/**
 * Deletes benchmark tasks with what they left behind (history, timers, notifications), so that a
 * scenario run again on the same database finds it as seeded: the task counts' and search terms'
 * triggers follow the deleted rows. Only for tasks a benchmark made.
 */
export async function removeBenchTasks(db: DataSource, ids: string[]): Promise<void> {
  const CHUNK = 1000;
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    await db.transaction(async (manager) => {
      await manager.query(
        "DELETE FROM timers WHERE subject_type = 'reform-task' AND subject_id IN (?)",
        [chunk],
      );
      await manager.query('DELETE FROM notifications WHERE subject_id IN (?)', [chunk]);
      await manager.query('DELETE FROM audit_events WHERE instance_id IN (?)', [chunk]);
      await manager.query('DELETE FROM audit_sequences WHERE instance_id IN (?)', [chunk]);
      await manager.query('DELETE FROM reform_tasks WHERE id IN (?)', [chunk]);
    });
  }
}
