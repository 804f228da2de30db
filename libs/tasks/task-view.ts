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
  /** Events the calling user may send now (only on GET /tasks/:id and after an event). */
  allowedEvents?: string[];
}

export function toTaskView(task: ReformTaskEntity, allowedEvents?: string[]): TaskView {
  const snapshot = (
    typeof task.snapshot === 'string' ? JSON.parse(task.snapshot) : task.snapshot
  ) as {
    context?: { extensionRequest?: ExtensionRequest | null };
  };
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
    extensionRequest: snapshot?.context?.extensionRequest ?? null,
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
    ...(allowedEvents ? { allowedEvents } : {}),
  };
}
