import type { components } from '../api/schema';

/** The body of POST /tasks/{id}/events. */
export type TaskEventBody = components['schemas']['TaskEventDto'];

/**
 * What each task event asks of the user before it is sent, mirroring the API's rules
 * (libs/tasks/dto/task-event.dto.ts) so a form is complete before it leaves the browser.
 */
export type EventField =
  | { name: 'report'; label: 'Nội dung báo cáo'; kind: 'textarea'; required: true }
  | { name: 'product'; label: 'Sản phẩm'; kind: 'text'; required: false }
  | { name: 'comment'; label: 'Ý kiến'; kind: 'textarea'; required: false }
  | { name: 'reason'; label: 'Lý do'; kind: 'textarea'; required: boolean }
  | { name: 'proposedDueDate'; label: 'Thời hạn đề nghị'; kind: 'date'; required: true }
  | { name: 'newDueDate'; label: 'Thời hạn mới'; kind: 'date'; required: boolean }
  | { name: 'leadUnitId'; label: 'Cơ quan chủ trì mới'; kind: 'unit'; required: true };

const REASON = (required: boolean): EventField => ({
  name: 'reason',
  label: 'Lý do',
  kind: 'textarea',
  required,
});

export const EVENT_FIELDS: Record<string, EventField[]> = {
  START: [],
  SUBMIT_REPORT: [
    { name: 'report', label: 'Nội dung báo cáo', kind: 'textarea', required: true },
    { name: 'product', label: 'Sản phẩm', kind: 'text', required: false },
  ],
  APPROVE: [{ name: 'comment', label: 'Ý kiến', kind: 'textarea', required: false }],
  RETURN: [REASON(true)],
  REQUEST_EXTENSION: [
    { name: 'proposedDueDate', label: 'Thời hạn đề nghị', kind: 'date', required: true },
    REASON(true),
  ],
  DECIDE_EXTENSION: [
    { name: 'newDueDate', label: 'Thời hạn mới', kind: 'date', required: false },
    REASON(false),
  ],
  REASSIGN: [
    { name: 'leadUnitId', label: 'Cơ quan chủ trì mới', kind: 'unit', required: true },
    REASON(false),
  ],
  AMEND: [
    { name: 'newDueDate', label: 'Thời hạn mới', kind: 'date', required: true },
    REASON(true),
  ],
  CANCEL: [REASON(true)],
};

export type EventValues = Partial<Record<EventField['name'], string>>;

/** The body of POST /tasks/:id/events for a filled form. */
export function eventBody(
  type: string,
  version: number,
  values: EventValues,
  decision?: 'approve' | 'reject',
): TaskEventBody {
  const clean = Object.fromEntries(
    Object.entries(values).filter(
      ([, value]) => value !== undefined && String(value).trim() !== '',
    ),
  ) as EventValues;
  // `type` is one of the task's allowedEvents, as the API named them.
  const event = type as TaskEventBody['type'];
  if (event === 'AMEND') {
    return { type: event, version, reason: clean.reason, changes: { dueDate: clean.newDueDate } };
  }
  if (event === 'DECIDE_EXTENSION') {
    return { type: event, version, decision, ...clean };
  }
  return { type: event, version, ...clean };
}

/** A required field left empty, or null when the form may be sent. */
export function missingField(type: string, values: EventValues): EventField | null {
  return (
    (EVENT_FIELDS[type] ?? []).find(
      (field) => field.required && !(values[field.name] ?? '').trim(),
    ) ?? null
  );
}
