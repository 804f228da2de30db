import {
  Actor,
  IsoDate,
  NOTIFY_RECIPIENTS,
  ReformTaskContext,
  ReformTaskEvent,
  ROLE_LABELS,
  Role,
  SYSTEM_TASK_EVENTS,
  TASK_EVENT_TYPES,
  TaskEventType,
} from '@cchc/domain';

/*
 * The rules of the reform-task workflow, in one place. The machine's guards call these
 * functions, and the generic helpers (refusal, allowedEvents) call the same functions to say
 * why an event is refused, so a guard and its message can never disagree.
 *
 * Each function returns null when the event may go ahead, otherwise a Vietnamese sentence
 * saying why not.
 */

/** Roles of the lead unit's own staff: they start, report and ask for an extension. */
const LEAD_UNIT_ROLES: readonly Role[] = ['officer', 'unit_head'];

/** Events the lead unit's staff send. */
const LEAD_UNIT_EVENTS: readonly TaskEventType[] = ['START', 'SUBMIT_REPORT', 'REQUEST_EXTENSION'];

/** Events the task's leader (or any chairman) sends. */
const LEADER_EVENTS: readonly TaskEventType[] = ['APPROVE', 'RETURN', 'DECIDE_EXTENSION'];

export function isTaskEventType(value: unknown): value is TaskEventType {
  return typeof value === 'string' && (TASK_EVENT_TYPES as readonly string[]).includes(value);
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** "2026-03-31" → "31/03/2026", as dates are written in Vietnamese documents. */
function vnDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Who may send which event type to a task with this context — the role rules, and only those.
 * `null` when allowed; otherwise why not (→ HTTP 403).
 */
export function authorizeReformTask(
  context: ReformTaskContext,
  eventType: string,
  actor: Actor | null | undefined,
): string | null {
  if (!isTaskEventType(eventType)) return `Loại sự kiện "${eventType}" không hợp lệ.`;
  if (!actor || (actor.kind !== 'user' && actor.kind !== 'system')) {
    return 'Không xác định được người gửi sự kiện.';
  }

  if (SYSTEM_TASK_EVENTS.includes(eventType)) {
    return actor.kind === 'system'
      ? null
      : 'Chỉ hệ thống mới được gửi sự kiện này (quá hạn, nhắc hạn, chuyển cấp trên xử lý, hoàn thành nhóm).';
  }
  if (actor.kind === 'system') {
    return 'Thao tác này phải do người dùng thực hiện, không phải hệ thống.';
  }

  const role = actor.role;
  if (role === 'inspector') {
    return `${ROLE_LABELS.inspector} chỉ có quyền xem, không được thao tác trên nhiệm vụ.`;
  }
  if (role === 'one_stop_officer') {
    return `${ROLE_LABELS.one_stop_officer} không xử lý nhiệm vụ cải cách hành chính.`;
  }

  if (LEAD_UNIT_EVENTS.includes(eventType)) {
    if (!LEAD_UNIT_ROLES.includes(role)) {
      return 'Chỉ cán bộ, công chức hoặc thủ trưởng của đơn vị chủ trì mới được thực hiện thao tác này.';
    }
    if (actor.unitId === null || actor.unitId !== context.leadUnitId) {
      return 'Chỉ cán bộ, công chức của đơn vị chủ trì nhiệm vụ mới được thực hiện thao tác này.';
    }
    return null;
  }

  if (LEADER_EVENTS.includes(eventType)) {
    if (role === 'chairman') return null;
    if (role === 'leader' && context.leaderId !== null && actor.userId === context.leaderId) {
      return null;
    }
    if (role === 'leader') {
      return context.leaderId === null
        ? 'Nhiệm vụ chưa có lãnh đạo phụ trách; chỉ Chủ tịch UBND được thực hiện thao tác này.'
        : 'Chỉ lãnh đạo phụ trách nhiệm vụ này hoặc Chủ tịch UBND mới được thực hiện thao tác này.';
    }
    return 'Chỉ lãnh đạo phụ trách nhiệm vụ hoặc Chủ tịch UBND mới được thực hiện thao tác này.';
  }

  if (eventType === 'REASSIGN') {
    return role === 'coordinator' || role === 'chairman'
      ? null
      : 'Chỉ công chức tham mưu CCHC hoặc Chủ tịch UBND mới được giao lại nhiệm vụ.';
  }

  if (eventType === 'AMEND') {
    return role === 'coordinator' || role === 'chairman'
      ? null
      : 'Chỉ công chức tham mưu CCHC hoặc Chủ tịch UBND mới được điều chỉnh nhiệm vụ theo kế hoạch.';
  }

  // CANCEL
  return role === 'chairman' ? null : 'Chỉ Chủ tịch UBND mới được hủy nhiệm vụ.';
}

/**
 * Preconditions that do not depend on the event's payload (nor on today's date): whether this
 * event type can be sent to a task with this context at all, whatever the form says.
 */
export function reformTaskUnavailable(
  context: ReformTaskContext,
  eventType: string,
): string | null {
  switch (eventType) {
    case 'DEADLINE_PASSED':
      return context.dueDate === null ? 'Nhiệm vụ không có thời hạn nên không thể quá hạn.' : null;
    case 'REMIND':
    case 'ESCALATE':
      return context.dueDate === null ? 'Nhiệm vụ không có thời hạn nên không có nhắc hạn.' : null;
    case 'REQUEST_EXTENSION':
      if (context.extensionRequest !== null) {
        return 'Đã có đề nghị gia hạn đang chờ quyết định; không gửi thêm đề nghị khác.';
      }
      return context.dueDate === null
        ? 'Nhiệm vụ chưa có thời hạn nên không thể đề nghị gia hạn.'
        : null;
    case 'DECIDE_EXTENSION':
      return context.extensionRequest === null ? 'Không có đề nghị gia hạn nào đang chờ.' : null;
    default:
      return null;
  }
}

/**
 * Every precondition of an event, its payload included (and `reformTaskUnavailable`).
 * Role rules are not checked here: see `authorizeReformTask`.
 */
export function reformTaskPrecondition(
  context: ReformTaskContext,
  event: ReformTaskEvent,
): string | null {
  const unavailable = reformTaskUnavailable(context, event.type);
  if (unavailable) return unavailable;
  if (!isIsoDate(event.today)) return 'Ngày hiện tại của sự kiện không hợp lệ.';
  const today = event.today;
  const due = context.dueDate;

  switch (event.type) {
    case 'SUBMIT_REPORT':
      return isBlank(event.report) ? 'Phải nhập nội dung báo cáo kết quả thực hiện.' : null;

    case 'RETURN':
      return isBlank(event.reason) ? 'Phải nêu lý do trả lại báo cáo.' : null;

    case 'CANCEL':
      return isBlank(event.reason) ? 'Phải nêu lý do hủy nhiệm vụ.' : null;

    case 'DEADLINE_PASSED':
      // The worker sends it at 23:59:59 of the due date itself, so the due date counts.
      return due !== null && today < due ? `Nhiệm vụ chưa đến hạn (${vnDate(due)}).` : null;

    case 'REQUEST_EXTENSION':
      if (isBlank(event.reason)) return 'Phải nêu lý do đề nghị gia hạn.';
      if (!isIsoDate(event.proposedDueDate)) return 'Ngày đề nghị gia hạn không hợp lệ.';
      if (event.proposedDueDate <= today) return 'Ngày đề nghị gia hạn phải sau ngày hôm nay.';
      if (due !== null && event.proposedDueDate <= due) {
        return `Ngày đề nghị gia hạn phải sau thời hạn hiện tại (${vnDate(due)}).`;
      }
      return null;

    case 'DECIDE_EXTENSION': {
      if (event.decision === 'reject') {
        return isBlank(event.reason) ? 'Phải nêu lý do từ chối gia hạn.' : null;
      }
      if (event.decision !== 'approve') return 'Quyết định gia hạn phải là đồng ý hoặc từ chối.';
      const newDue = approvedDueDate(context, event);
      if (!isIsoDate(newDue)) return 'Thời hạn mới không hợp lệ.';
      if (newDue < today) return 'Thời hạn mới không được trước ngày hôm nay.';
      if (due !== null && newDue <= due) {
        return `Thời hạn mới phải sau thời hạn hiện tại (${vnDate(due)}).`;
      }
      return null;
    }

    case 'REASSIGN': {
      const unitGiven = event.leadUnitId !== undefined;
      const leaderGiven = event.leaderId !== undefined;
      if (!unitGiven && !leaderGiven) {
        return 'Phải chỉ định đơn vị chủ trì hoặc lãnh đạo phụ trách mới.';
      }
      if (unitGiven && isBlank(event.leadUnitId)) return 'Đơn vị chủ trì mới không hợp lệ.';
      if (leaderGiven && event.leaderId !== null && isBlank(event.leaderId)) {
        return 'Lãnh đạo phụ trách mới không hợp lệ.';
      }
      const unitChanges = unitGiven && event.leadUnitId !== context.leadUnitId;
      const leaderChanges = leaderGiven && event.leaderId !== context.leaderId;
      return unitChanges || leaderChanges
        ? null
        : 'Đơn vị chủ trì và lãnh đạo phụ trách không thay đổi.';
    }

    case 'AMEND':
      return amendmentProblem(event.changes, event.reason);

    case 'REMIND':
    case 'ESCALATE': {
      if (event.dueDate !== due) {
        return `Nhắc hạn được lập cho thời hạn ${vnDate(event.dueDate)}, nhưng thời hạn hiện tại là ${due === null ? 'không có' : vnDate(due)}.`;
      }
      if (event.type === 'REMIND' && today > event.dueDate)
        return 'Đã qua thời hạn, không nhắc hạn nữa.';
      if (!Number.isInteger(event.level) || event.level < 0) return 'Cấp nhắc hạn không hợp lệ.';
      const known = Array.isArray(event.to) && event.to.length > 0;
      return known && event.to.every((to) => NOTIFY_RECIPIENTS.includes(to))
        ? null
        : 'Phải chỉ rõ người nhận thông báo nhắc hạn.';
    }

    case 'CHILDREN_COMPLETED':
      return typeof event.late === 'boolean'
        ? null
        : 'Thiếu thông tin hoàn thành đúng hạn hay không.';

    default:
      return null;
  }
}

function amendmentProblem(
  changes: Extract<ReformTaskEvent, { type: 'AMEND' }>['changes'] | undefined,
  reason: string,
): string | null {
  if (isBlank(reason)) return 'Phải nêu lý do điều chỉnh nhiệm vụ.';
  if (typeof changes !== 'object' || changes === null) return 'Thiếu nội dung điều chỉnh.';
  const { dueDate, leadUnitId, leaderId } = changes;
  if (dueDate !== undefined && dueDate !== null && !isIsoDate(dueDate)) {
    return 'Thời hạn mới không hợp lệ.';
  }
  if (leadUnitId !== undefined && isBlank(leadUnitId)) return 'Đơn vị chủ trì mới không hợp lệ.';
  if (leaderId !== undefined && leaderId !== null && isBlank(leaderId)) {
    return 'Lãnh đạo phụ trách mới không hợp lệ.';
  }
  return null;
}

/** The context after an amendment: only the fields it names change. */
export function amendedContext(
  context: ReformTaskContext,
  changes: Extract<ReformTaskEvent, { type: 'AMEND' }>['changes'],
): ReformTaskContext {
  return {
    ...context,
    dueDate: changes.dueDate === undefined ? context.dueDate : changes.dueDate,
    leadUnitId: changes.leadUnitId ?? context.leadUnitId,
    leaderId: changes.leaderId === undefined ? context.leaderId : changes.leaderId,
  };
}

/** The due date an approving DECIDE_EXTENSION sets: the one given, else the one proposed. */
export function approvedDueDate(
  context: ReformTaskContext,
  event: Extract<ReformTaskEvent, { type: 'DECIDE_EXTENSION' }>,
): IsoDate | undefined {
  return event.newDueDate ?? context.extensionRequest?.proposedDueDate;
}
