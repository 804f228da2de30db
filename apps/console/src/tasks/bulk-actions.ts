import type { Dayjs } from 'dayjs';

export type BulkActionType = 'REASSIGN' | 'AMEND' | 'REMIND';

/** Button and dialog title of each bulk action (labels of issue #12, screen 10). */
export const BULK_ACTION_LABELS: Record<BulkActionType, string> = {
  REASSIGN: 'Giao lại',
  AMEND: 'Điều chỉnh thời hạn',
  REMIND: 'Nhắc việc',
};

export interface BulkValues {
  leadUnitId?: string;
  dueDate?: Dayjs;
  reason?: string;
}

/** The body of POST /tasks/bulk for the selected tasks; only the fields the action takes. */
export function bulkBody(type: BulkActionType, taskIds: string[], values: BulkValues) {
  switch (type) {
    case 'REASSIGN':
      return { type, taskIds, leadUnitId: values.leadUnitId };
    case 'AMEND':
      return {
        type,
        taskIds,
        dueDate: values.dueDate?.format('YYYY-MM-DD'),
        reason: values.reason?.trim(),
      };
    case 'REMIND':
      return { type, taskIds };
  }
}
