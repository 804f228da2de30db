import { ExtensionRequest, IsoDate, TASK_STATE_LABELS, TaskState } from '@cchc/domain';
import { ReformTaskEntity } from '@cchc/database';

/** A task as the API shows it. */
export interface TaskView {
  id: string;
  title: string;
  content: string;
  leadUnitId: string;
  coordinatingUnitIds: string[];
  leaderId: string | null;
  product: string | null;
  requirement: string | null;
  dueDate: IsoDate | null;
  state: TaskState;
  stateLabel: string;
  late: boolean;
  version: number;
  extensionRequest: ExtensionRequest | null;
  createdAt: Date;
  updatedAt: Date;
  /** The plan the task was imported from, if any. */
  planId: string | null;
  /** The plan's section (area) the task's row is under ("II"), if any. */
  areaCode: string | null;
  /**
   * The task's number (STT) in its plan, as its row says ("8", "2.1"); a group row's task for one
   * of its units adds the unit's code ("8:VHXH"). Null for a task not from a plan.
   */
  ordinal: string | null;
  /** Events the calling user may send now (only on GET /tasks/:id and after an event). */
  allowedEvents?: string[];
}

export function toTaskView(task: ReformTaskEntity, allowedEvents?: string[]): TaskView {
  return {
    id: task.id,
    title: task.title,
    content: task.content,
    leadUnitId: task.leadUnitId,
    coordinatingUnitIds: task.coordinatingUnitIds,
    leaderId: task.leaderId,
    product: task.product,
    requirement: task.requirement,
    dueDate: task.dueDate,
    state: task.state,
    stateLabel: TASK_STATE_LABELS[task.state],
    late: Boolean(task.late),
    version: task.version,
    extensionRequest: task.extensionRequest ?? null,
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
    // Columns of the row, as every list reads it (without the snapshot): no query more per task.
    planId: task.planId,
    areaCode: task.areaCode,
    ordinal: task.ordinal,
    ...(allowedEvents ? { allowedEvents } : {}),
  };
}
