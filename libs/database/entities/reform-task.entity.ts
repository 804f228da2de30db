import { Column, Entity, Index } from 'typeorm';
import { ExtensionRequest, IsoDate, ParsedDeadline, TaskState } from '@cchc/domain';
import { WorkflowInstanceColumns } from './workflow-instance.columns';

/**
 * A reform task: its XState snapshot plus the columns mirrored from it (state, due date, ...)
 * so that lists, filters and the deadline index never have to open the snapshot.
 */
@Entity('reform_tasks')
@Index('idx_tasks_ward_state', ['wardId', 'state', 'dueSort', 'createdAt'])
@Index('idx_tasks_ward_unit_state', ['wardId', 'leadUnitId', 'state', 'dueSort', 'createdAt'])
@Index('idx_tasks_ward_leader_state', ['wardId', 'leaderId', 'state', 'dueSort', 'createdAt'])
@Index('idx_tasks_ward_extension', [
  'wardId',
  'extensionPending',
  'leaderId',
  'dueSort',
  'createdAt',
])
@Index('idx_tasks_ward_unit_reporting', [
  'wardId',
  'leadUnitId',
  'reporting',
  'dueSort',
  'createdAt',
])
@Index('idx_tasks_ward_awaiting', ['wardId', 'awaitsUnit', 'dueSort', 'createdAt', 'id', 'state'])
@Index('idx_tasks_due', ['state', 'dueDate'])
@Index('idx_tasks_lead_unit', ['leadUnitId'])
@Index('idx_tasks_leader', ['leaderId'])
@Index('idx_tasks_plan_area', ['planId', 'areaCode', 'ordinal'])
@Index('idx_tasks_list_unit', ['wardId', 'leadUnitId', 'dueSort', 'createdAt'])
@Index('idx_tasks_list_plan', ['wardId', 'planId', 'areaCode', 'dueSort', 'createdAt'])
@Index('idx_tasks_parent', ['parentId', 'state'])
@Index('idx_tasks_list', [
  'wardId',
  'dueSort',
  'createdAt',
  'id',
  'state',
  'leadUnitId',
  'leaderId',
  'planId',
  'areaCode',
  'dueDate',
])
export class ReformTaskEntity extends WorkflowInstanceColumns {
  @Column('char', { name: 'ward_id', length: 36 })
  wardId: string;

  @Column('varchar', { length: 500 })
  title: string;

  @Column('text')
  content: string;

  @Column('char', { name: 'lead_unit_id', length: 36 })
  leadUnitId: string;

  @Column('json', { name: 'coordinating_unit_ids' })
  coordinatingUnitIds: string[];

  @Column('char', { name: 'leader_id', length: 36, nullable: true })
  leaderId: string | null;

  @Column('text', { nullable: true })
  product: string | null;

  @Column('text', { nullable: true })
  requirement: string | null;

  @Column('date', { name: 'due_date', nullable: true })
  dueDate: IsoDate | null;

  /** The list's order: the due date, undated tasks last (stored, indexed; see the migration). */
  @Column({
    type: 'date',
    name: 'due_sort',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: "COALESCE(due_date, '9999-12-31')",
  })
  dueSort: IsoDate;

  /** The snapshot holds an extension request awaiting a decision (stored for the inbox). */
  @Column({
    type: 'boolean',
    name: 'extension_pending',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression:
      "COALESCE(JSON_TYPE(JSON_EXTRACT(snapshot, '$.context.extensionRequest')) = 'OBJECT', FALSE)",
  })
  extensionPending: boolean;

  /** The snapshot's extension request awaiting a decision (virtual: what a list row shows). */
  @Column({
    type: 'json',
    name: 'extension_request',
    nullable: true,
    insert: false,
    update: false,
    generatedType: 'VIRTUAL',
    asExpression: "JSON_EXTRACT(snapshot, '$.context.extensionRequest')",
  })
  extensionRequest: ExtensionRequest | null;

  @Column('varchar', { length: 32 })
  state: TaskState;

  /**
   * The reason of the RETURN that sent the task's report back ('' without one), until it is
   * reported again; kept by a trigger on the audit log (see the migration), never written here.
   */
  @Column({ type: 'text', name: 'return_reason', nullable: true, insert: false, update: false })
  returnReason: string | null;

  /** For a task in progress or overdue: 'returned' or 'due' (stored, indexed; see the migration). */
  @Column({
    type: 'varchar',
    length: 8,
    name: 'reporting',
    nullable: true,
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression:
      "CASE WHEN state IN ('inProgress', 'overdue') THEN IF(return_reason IS NULL, 'due', 'returned') END",
  })
  reporting: 'due' | 'returned' | null;

  /** Waits on its lead unit: assigned, in progress or overdue (stored, indexed; see the migration). */
  @Column({
    type: 'boolean',
    name: 'awaits_unit',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: "state IN ('assigned', 'inProgress', 'overdue')",
  })
  awaitsUnit: boolean;

  @Column('boolean')
  late: boolean;

  /** Set for tasks imported from a plan; the columns below keep what the plan's row said. */
  @Column('char', { name: 'plan_id', length: 36, nullable: true })
  planId: string | null;

  @Column('varchar', { name: 'area_code', length: 16, nullable: true })
  areaCode: string | null;

  @Column('varchar', { length: 32, nullable: true })
  ordinal: string | null;

  /** The group task this one belongs to; a group is accepted when its children are settled. */
  @Column('char', { name: 'parent_id', length: 36, nullable: true })
  parentId: string | null;

  @Column('boolean', { name: 'is_group', default: false })
  isGroup: boolean;

  @Column('int', { name: 'source_row', nullable: true })
  sourceRow: number | null;

  @Column('varchar', { name: 'lead_unit_raw', length: 500, nullable: true })
  leadUnitRaw: string | null;

  @Column('text', { name: 'coordinating_raw', nullable: true })
  coordinatingRaw: string | null;

  @Column('varchar', { name: 'leader_raw', length: 255, nullable: true })
  leaderRaw: string | null;

  @Column('text', { name: 'deadline_raw', nullable: true })
  deadlineRaw: string | null;

  @Column('json', { nullable: true })
  deadline: ParsedDeadline | null;
}
