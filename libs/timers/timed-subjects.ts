import { EntityManager } from 'typeorm';
import { TimerPlanScope } from './timer.types';

/**
 * The rows of `table` in a state with timers (`states`), in scope: one ward's, or every ward's
 * due in a range of days (a `TimerPlanner`'s `timed`). The table has `id`, `version`, `ward_id`,
 * `state` and `due_date`, as the engine's workflow tables do.
 */
export async function subjectsWithTimers(
  manager: EntityManager,
  table: string,
  states: readonly string[],
  scope: TimerPlanScope,
): Promise<{ id: string; version: number }[]> {
  const [where, params] =
    'wardId' in scope
      ? ['ward_id = ?', [scope.wardId]]
      : ['due_date BETWEEN ? AND ?', [scope.dueFrom, scope.dueTo]];
  return (await manager.query(`SELECT id, version FROM ${table} WHERE ${where} AND state IN (?)`, [
    ...params,
    states,
  ])) as { id: string; version: number }[];
}
