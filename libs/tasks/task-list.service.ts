import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '@cchc/auth';
import { COUNT_CAP, KeysetPage, keysetPage, KeyValue } from '@cchc/common';
import { ReadDatabase, ReformTaskEntity, searchCollation } from '@cchc/database';
import { WorkflowEngine } from '@cchc/engine';
import { ListTasksQuery } from './dto/list-tasks.query';
import { matchText, TEXT_COUNT_CAP } from './task-search-text';
import { TaskView, toTaskView } from './task-view';

/**
 * Overdue (for a query builder over alias `task`, parameter `:today`): also a task whose date has
 * passed before the worker marked it. By `dueSort` (an undated task's is 9999-12-31, never past).
 * Every overdue task awaits its unit, and its due date is today at the latest (the deadline
 * fires at the end of the due day; a new due date brings the task back to work): so both the
 * page and its capped count read one range of `idx_tasks_ward_awaiting` (past-due first, in due
 * order) and nothing else. Before, a page passed 4,163 entries of the ward's list index and the
 * count fetched up to 1,001 rows from `idx_tasks_ward_state` (15 ms on the province database).
 */
export const OVERDUE_TASK =
  "(task.awaitsUnit = TRUE AND task.dueSort <= :today AND (task.state = 'overdue' OR task.dueSort < :today))";

/** The task list's order (undated last), a unique key served by index idx_tasks_list. */
export const TASK_LIST_ORDER = ['task.dueSort', 'task.createdAt', 'task.id'];

export function taskListKey(task: ReformTaskEntity): KeyValue[] {
  return [task.dueDate ?? UNDATED, task.createdAt, task.id];
}

const UNDATED = '9999-12-31';

/** The ward's task list: filters, text search and keyset pages, read on the read replica. */
@Injectable()
export class TaskListService {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly reads: ReadDatabase,
  ) {}

  /** A page of the list, from the read replica (it may be a moment behind). */
  list(user: AuthUser, query: ListTasksQuery): Promise<KeysetPage<TaskView>> {
    return this.reads.run((manager) => this.page(manager, user, query));
  }

  private async page(
    manager: EntityManager,
    user: AuthUser,
    query: ListTasksQuery,
  ): Promise<KeysetPage<TaskView>> {
    const builder = manager
      .getRepository(ReformTaskEntity)
      .createQueryBuilder('task')
      .where('task.wardId = :wardId', { wardId: user.wardId });
    if (query.state) builder.andWhere('task.state = :state', { state: query.state });
    if (query.leadUnitId)
      builder.andWhere('task.leadUnitId = :leadUnitId', { leadUnitId: query.leadUnitId });
    if (query.leaderId) builder.andWhere('task.leaderId = :leaderId', { leaderId: query.leaderId });
    if (query.planId) builder.andWhere('task.planId = :planId', { planId: query.planId });
    if (query.areaCode) builder.andWhere('task.areaCode = :areaCode', { areaCode: query.areaCode });
    const sort = query.text
      ? matchText(builder, user.wardId, query.text, TASK_LIST_ORDER, await searchCollation(manager))
      : TASK_LIST_ORDER;
    // A due range also bounds the walked index's first column (the due date, undated last), so
    // the walk starts and stops at the range instead of passing the ward's other tasks.
    const [dueSort] = sort;
    if (query.dueBefore)
      builder.andWhere(`task.dueDate <= :dueBefore AND ${dueSort} <= :dueBefore`, {
        dueBefore: query.dueBefore,
      });
    if (query.dueAfter)
      builder.andWhere(`task.dueDate >= :dueAfter AND ${dueSort} >= :dueAfter`, {
        dueAfter: query.dueAfter,
      });
    if (query.overdue !== undefined) {
      builder.andWhere(query.overdue ? OVERDUE_TASK : `NOT ${OVERDUE_TASK}`, {
        today: this.engine.today(),
      });
    }
    const { rows, ...page } = await keysetPage(manager, builder, query, sort, taskListKey, {
      countCap: query.text ? TEXT_COUNT_CAP : COUNT_CAP,
    });
    return { ...page, items: rows.map((task) => toTaskView(task)) };
  }
}
