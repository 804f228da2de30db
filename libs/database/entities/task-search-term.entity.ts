import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IsoDate } from '@cchc/domain';

/**
 * A term (lowercased syllable or number) of a task's title or content with the task list's sort
 * key, so that `?text=` reads a term's tasks in list order. Kept by triggers on `reform_tasks`
 * (migration 1763803500000-task-search-terms); never written by the application.
 */
@Entity('task_search_terms')
@Index('idx_task_search_terms_list', ['wardId', 'term', 'dueSort', 'createdAt', 'taskId'])
export class TaskSearchTermEntity {
  @PrimaryColumn('char', { name: 'task_id', length: 36 })
  taskId: string;

  /** In the server's `searchCollation` (set by the migration). */
  @PrimaryColumn('varchar', { length: 64 })
  term: string;

  @Column('char', { name: 'ward_id', length: 36 })
  wardId: string;

  @Column('date', { name: 'due_sort' })
  dueSort: IsoDate;

  @Column('datetime', { name: 'created_at', precision: 3 })
  createdAt: Date;
}
