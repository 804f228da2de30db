import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from '@cchc/auth';
import { KeysetPage, keysetPage, KeyValue } from '@cchc/common';
import { ReadDatabase, ReformTaskEntity } from '@cchc/database';
import { WorkflowEngine } from '@cchc/engine';
import { ListTasksQuery } from './dto/list-tasks.query';
import { TaskView, toTaskView } from './task-view';

/**
 * Overdue (for a query builder over alias `task`, parameter `:today`): also a task whose date has
 * passed before the worker marked it. By `dueSort` (an undated task's is 9999-12-31, never past),
 * which idx_tasks_ward_state holds: the index decides without reading rows.
 */
export const OVERDUE_TASK =
  "(task.state = 'overdue' OR (task.state IN ('assigned', 'inProgress') AND task.dueSort < :today))";

/** The task list's order (undated last), a unique key served by index idx_tasks_list. */
export const TASK_LIST_ORDER = ['task.dueSort', 'task.createdAt', 'task.id'];

export function taskListKey(task: ReformTaskEntity): KeyValue[] {
  return [task.dueDate ?? UNDATED, task.createdAt, task.id];
}

const UNDATED = '9999-12-31';
/** InnoDB's FULLTEXT index leaves out shorter words (innodb_ft_min_token_size). */
const FULLTEXT_MIN_WORD = 3;

/**
 * `?text=`: the phrase in the title or content. Its words of three letters or more are looked up
 * in the FULLTEXT index first (each word from its start), so only the rows that have them are
 * read for the phrase; a text of short words only ("hộ") reads the ward's tasks.
 */
function matchText(builder: SelectQueryBuilder<ReformTaskEntity>, text: string): void {
  const words = text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => [...word].length >= FULLTEXT_MIN_WORD);
  if (words.length > 0) {
    builder.andWhere('MATCH(task.title, task.content) AGAINST (:words IN BOOLEAN MODE)', {
      words: words.map((word) => `+${word}*`).join(' '),
    });
  }
  builder.andWhere('(task.title LIKE :text OR task.content LIKE :text)', {
    text: `%${escapeLike(text)}%`,
  });
}

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
    if (query.dueBefore)
      builder.andWhere('task.dueDate <= :dueBefore', { dueBefore: query.dueBefore });
    if (query.dueAfter) builder.andWhere('task.dueDate >= :dueAfter', { dueAfter: query.dueAfter });
    if (query.text) matchText(builder, query.text);
    if (query.overdue !== undefined) {
      builder.andWhere(query.overdue ? OVERDUE_TASK : `NOT ${OVERDUE_TASK}`, {
        today: this.engine.today(),
      });
    }
    const { rows, ...page } = await keysetPage(
      manager,
      builder,
      query,
      TASK_LIST_ORDER,
      taskListKey,
    );
    return { ...page, items: rows.map((task) => toTaskView(task)) };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
