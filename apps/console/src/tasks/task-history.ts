import { auditEventLabel, type NotifyRecipient } from '@cchc/domain';
import type { HistoryEntry } from '../api/types';

/** Whom a reminder or an escalation went to (the escalation policy's recipients). */
export const RECIPIENT_LABELS: Record<NotifyRecipient, string> = {
  leadUnit: 'Đơn vị chủ trì',
  leadUnitHead: 'Thủ trưởng đơn vị chủ trì',
  leader: 'Lãnh đạo phụ trách',
  chairman: 'Chủ tịch UBND',
  coordinator: 'Công chức tham mưu CCHC',
};

/** The timer events whose payload names their step of the policy (`level`) and recipients (`to`). */
const STEPPED = ['REMIND', 'ESCALATE'];

/**
 * The heading of a task's history entry: the event's name, and for a reminder or an escalation
 * which one (its level, as the inbox says "lần 2") and to whom — a task long overdue escalates to
 * each level of the policy at once, often to the same person, and the entries must not read alike.
 * "Chuyển cấp trên xử lý lần 2: Chủ tịch UBND".
 */
export function entryTitle(entry: Pick<HistoryEntry, 'event' | 'payload'>): string {
  const label = auditEventLabel('reform-task', entry.event);
  if (!STEPPED.includes(entry.event)) return label;
  const { level, to } = (entry.payload ?? {}) as { level?: unknown; to?: unknown };
  const step = typeof level === 'number' ? `${label} lần ${level}` : label;
  const recipients = Array.isArray(to)
    ? to.map((who: string) => RECIPIENT_LABELS[who as NotifyRecipient] ?? who)
    : [];
  return recipients.length > 0 ? `${step}: ${recipients.join(', ')}` : step;
}
