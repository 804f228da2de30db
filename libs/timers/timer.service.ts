import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DueTimer, TimerSpec } from './timer.types';

interface StoredTimer {
  id: string;
  kind: string;
  level: number;
  due_date: string | null;
  fire_at: Date;
}

/** Writes the pending timers of subjects; the worker's TimerFeeder and TimerProcessor fire them. */
@Injectable()
export class TimerService {
  /**
   * Makes `timers` the pending timers of one subject, inside the caller's transaction.
   * Unchanged timers keep their row (and so their queued job); the others are deleted or inserted.
   * An empty list stops every timer of the subject.
   */
  async replace(
    manager: EntityManager,
    subjectType: string,
    subjectId: string,
    timers: TimerSpec[],
  ): Promise<void> {
    if (timers.length === 0) {
      // Nothing kept: one statement, which locks what it deletes.
      await manager.query('DELETE FROM timers WHERE subject_type = ? AND subject_id = ?', [
        subjectType,
        subjectId,
      ]);
      return;
    }
    const stored = (await manager.query(
      'SELECT id, kind, level, due_date, fire_at FROM timers ' +
        'WHERE subject_type = ? AND subject_id = ? FOR UPDATE',
      [subjectType, subjectId],
    )) as StoredTimer[];
    assertOnePerDueDate(subjectType, subjectId, timers);
    const wanted = new Map(timers.map((timer) => [timerKey(timer), timer]));
    const obsolete: string[] = [];
    for (const row of stored) {
      const key = timerKey({
        kind: row.kind,
        level: row.level,
        dueDate: row.due_date,
        fireAt: row.fire_at,
      });
      if (wanted.has(key)) wanted.delete(key);
      else obsolete.push(row.id);
    }
    if (obsolete.length > 0) await manager.query('DELETE FROM timers WHERE id IN (?)', [obsolete]);
    if (wanted.size === 0) return;
    const added = [...wanted.values()];
    await manager.query(
      'INSERT INTO timers (subject_type, subject_id, kind, level, due_date, fire_at) VALUES ' +
        added.map(() => '(?, ?, ?, ?, ?, ?)').join(', '),
      added.flatMap((timer) => [
        subjectType,
        subjectId,
        timer.kind,
        timer.level,
        timer.dueDate,
        timer.fireAt,
      ]),
    );
  }

  /**
   * Removes and returns the subject's timers of `timer`'s kind and due date below its level whose
   * moment has come, lowest first: for a handler that fires them, in its transaction, before the
   * timer it was given. The caller holds the subject's row lock (taken before its timers).
   */
  async takeDueBelow(manager: EntityManager, timer: DueTimer, now: Date): Promise<DueTimer[]> {
    // The subject's own slots only: walked along idx_timers_fire_at, the lock would reach other
    // subjects' timers due at the same moment and deadlock with their firings.
    const rows = (await manager.query(
      'SELECT id, kind, level, due_date, fire_at FROM timers FORCE INDEX (uq_timers_slot) ' +
        'WHERE subject_type = ? AND subject_id = ? AND kind = ? AND level < ? AND due_date = ? ' +
        'AND fire_at <= ? ORDER BY level FOR UPDATE',
      [timer.subjectType, timer.subjectId, timer.kind, timer.level, timer.dueDate, now],
    )) as StoredTimer[];
    if (rows.length === 0) return [];
    await manager.query('DELETE FROM timers WHERE id IN (?)', [rows.map((row) => row.id)]);
    return rows.map((row) => ({
      id: String(row.id),
      subjectType: timer.subjectType,
      subjectId: timer.subjectId,
      kind: row.kind,
      level: Number(row.level),
      dueDate: row.due_date,
      fireAt: new Date(row.fire_at),
    }));
  }
}

/** The table keeps one timer per (subject, kind, level, due date). */
function assertOnePerDueDate(subjectType: string, subjectId: string, timers: TimerSpec[]): void {
  const seen = new Set<string>();
  for (const timer of timers) {
    const slot = `${timer.kind}|${timer.level}|${timer.dueDate ?? ''}`;
    if (seen.has(slot)) {
      throw new Error(
        `Two timers ${timer.kind} level ${timer.level} for ${subjectType} ${subjectId} and due date ${timer.dueDate}`,
      );
    }
    seen.add(slot);
  }
}

function timerKey(timer: TimerSpec): string {
  return `${timer.kind}|${timer.level}|${timer.dueDate ?? ''}|${new Date(timer.fireAt).getTime()}`;
}
