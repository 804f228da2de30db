import {
  Actor,
  CONTRIBUTION_EVENT_TYPES,
  ContributionContext,
  ContributionEvent,
  REPORT_EVENT_TYPES,
  ReportContext,
  ReportEvent,
  ROLE_LABELS,
  Role,
  SYSTEM_CONTRIBUTION_EVENTS,
} from '@cchc/domain';

/*
 * The rules of the periodic report and of the units' contributions to it, in one place: the
 * machines' guards call these, and the engine calls the same functions to explain a refusal.
 * Each returns null when the event may go ahead, otherwise a Vietnamese sentence saying why not.
 */

/** Who sends each report event; RETURN is sent by whoever the report waits for. */
const REPORT_ROLES: Readonly<Record<string, Role>> = {
  START_COMPILING: 'coordinator',
  COMPILE: 'coordinator',
  SUBMIT_FOR_APPROVAL: 'coordinator',
  APPROVE: 'leader',
  SIGN: 'chairman',
  SEND: 'coordinator',
  // The one who compiles a report issues its correction (báo cáo đính chính) once it is sent.
  CORRECT: 'coordinator',
};

/**
 * Who returns the report, by whom it waits for: the leader what was submitted for approval, the
 * chairman what was approved, and what he signed and the coordinator has not yet sent (only the
 * signer withdraws his signature). RETURN is taken in no other state.
 */
const RETURNED_BY: Readonly<Partial<Record<Role, Role>>> = {
  leader: 'leader',
  chairman: 'chairman',
  coordinator: 'chairman',
};

/** Whom the report waits for in each state (the machine keeps it in `awaiting`). */
export const REPORT_AWAITING: Readonly<Record<string, Role | null>> = {
  open: 'coordinator',
  compiling: 'coordinator',
  submittedForApproval: 'leader',
  approved: 'chairman',
  signed: 'coordinator',
  sent: null,
};

const MAX_TEXT = 20_000;

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function userOf(actor: Actor | null | undefined): Extract<Actor, { kind: 'user' }> | null {
  return actor && actor.kind === 'user' ? actor : null;
}

/**
 * Role rules of the report: RETURN belongs to whoever the report waits for (the leader returns
 * what was submitted for approval, the chairman what was approved), and a signed report not yet
 * sent to its signer; the chairman may act for a leader. A sent report is not returned: the
 * coordinator corrects it (CORRECT), and the correction goes through approval and signing again.
 */
export function authorizeReport(
  context: ReportContext,
  eventType: string,
  actor: Actor | null | undefined,
): string | null {
  const user = userOf(actor);
  if (!user) return 'Chỉ người dùng mới được thao tác trên báo cáo định kỳ.';
  const role =
    eventType === 'RETURN'
      ? context.awaiting && RETURNED_BY[context.awaiting]
      : REPORT_ROLES[eventType];
  if (!role) return null;
  if (user.role === role) return null;
  if (role === 'leader' && user.role === 'chairman') return null;
  return `Chỉ ${ROLE_LABELS[role]} được thực hiện thao tác này với báo cáo.`;
}

export function reportPrecondition(context: ReportContext, event: ReportEvent): string | null {
  switch (event.type) {
    case 'COMPILE':
      if (!Number.isInteger(event.revision) || event.revision !== context.revision + 1)
        return `Lần tổng hợp tiếp theo phải là lần ${context.revision + 1}.`;
      if (!/^[0-9a-f]{64}$/.test(event.contentHash ?? ''))
        return 'Thiếu mã băm (sha-256) của số liệu tổng hợp.';
      return null;
    case 'SUBMIT_FOR_APPROVAL':
      if (context.revision === 0) return 'Cần tổng hợp số liệu trước khi trình duyệt.';
      // The sent revision keeps its number and figures: a correction is always a new revision.
      return context.corrects && context.revision <= context.corrects.revision
        ? 'Cần tổng hợp lại số liệu trước khi trình duyệt báo cáo đính chính.'
        : null;
    case 'SIGN':
      return isBlank(event.number) ? 'Cần số văn bản khi ký báo cáo.' : null;
    case 'RETURN':
      if (isBlank(event.reason)) return 'Cần nêu lý do trả lại báo cáo.';
      return event.reason.length > MAX_TEXT ? 'Lý do trả lại quá dài.' : null;
    case 'CORRECT':
      if (isBlank(event.reason)) return 'Cần nêu lý do đính chính báo cáo.';
      return event.reason.length > MAX_TEXT ? 'Lý do đính chính quá dài.' : null;
    default:
      return null;
  }
}

export function isReportEventType(value: unknown): boolean {
  return typeof value === 'string' && (REPORT_EVENT_TYPES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- contributions

/**
 * The unit's own staff (officer, unit head) submit its contribution; the coordinator accepts or
 * returns it; reminders, the deadline and escalations come from the system only.
 */
export function authorizeContribution(
  context: ContributionContext,
  eventType: string,
  actor: Actor | null | undefined,
): string | null {
  const system = (SYSTEM_CONTRIBUTION_EVENTS as readonly string[]).includes(eventType);
  if (system) return actor?.kind === 'system' ? null : 'Chỉ hệ thống gửi thao tác này.';
  const user = userOf(actor);
  if (!user) return 'Chỉ người dùng mới được thao tác trên báo cáo đóng góp.';
  if (eventType === 'SUBMIT') {
    if (user.role !== 'officer' && user.role !== 'unit_head')
      return 'Chỉ cán bộ, thủ trưởng của đơn vị được gửi báo cáo đóng góp.';
    return user.unitId === context.unitId
      ? null
      : 'Chỉ đơn vị được đề nghị mới gửi báo cáo đóng góp này.';
  }
  if (eventType === 'ACCEPT' || eventType === 'RETURN')
    return user.role === 'coordinator'
      ? null
      : `Chỉ ${ROLE_LABELS.coordinator} được tiếp nhận hoặc trả lại báo cáo đóng góp.`;
  return null;
}

export function contributionPrecondition(
  context: ContributionContext,
  event: ContributionEvent,
): string | null {
  switch (event.type) {
    case 'SUBMIT': {
      if (isBlank(event.results)) return 'results: cần nêu kết quả thực hiện.';
      for (const field of ['results', 'problems', 'proposals'] as const) {
        const text = event[field];
        if (text !== undefined && typeof text !== 'string') return `${field}: phải là văn bản.`;
        if ((text ?? '').length > MAX_TEXT) return `${field}: quá ${MAX_TEXT} ký tự.`;
      }
      return null;
    }
    case 'RETURN':
      return isBlank(event.reason) ? 'Cần nêu lý do trả lại báo cáo đóng góp.' : null;
    case 'DEADLINE_PASSED':
      // Like a reminder level, the deadline fires once: a timer delivered again is refused.
      if (context.overdue) return 'Đã đánh dấu quá hạn.';
      return event.today > context.dueDate ? null : 'Chưa đến hạn gửi báo cáo đóng góp.';
    case 'REMIND':
      return context.reminded.includes(event.level) ? `Đã nhắc lần ${event.level}.` : null;
    case 'ESCALATE':
      return context.escalated.includes(event.level)
        ? `Đã chuyển cấp trên xử lý lần ${event.level}.`
        : null;
    default:
      return null;
  }
}

export function isContributionEventType(value: unknown): boolean {
  return (
    typeof value === 'string' && (CONTRIBUTION_EVENT_TYPES as readonly string[]).includes(value)
  );
}
