import {
  Actor,
  DOSSIER_EVENT_TYPES,
  DossierContext,
  DossierEvent,
  DossierEventType,
  IsoDate,
  ROLE_LABELS,
  Role,
} from '@cchc/domain';
import { isIsoDate } from './reform-task.rules';

/*
 * The rules of the TTHC dossier workflow, in one place. The machine's guards call these
 * functions, and the generic helpers (refusal, allowedEvents) call the same functions to say
 * why an event is refused, so a guard and its message can never disagree.
 *
 * Each function returns null when the event may go ahead, otherwise a Vietnamese sentence
 * saying why not.
 */

/** Roles of the handling unit's own staff. */
const UNIT_STAFF: readonly Role[] = ['officer', 'unit_head'];
const UNIT_HEAD: readonly Role[] = ['unit_head'];

/** Who may send a user event: roles of the handling unit, and/or the one-stop desk. */
interface SenderRule {
  unitRoles: readonly Role[];
  oneStop: boolean;
  /** Why anyone else may not. */
  refusal: string;
}

const STAFF_ONLY = 'Chỉ cán bộ, công chức hoặc thủ trưởng của đơn vị xử lý hồ sơ mới được';
const DESK_OR_STAFF =
  'Chỉ công chức Bộ phận một cửa hoặc cán bộ, công chức của đơn vị xử lý hồ sơ mới được';
const HEAD_ONLY = 'Chỉ thủ trưởng đơn vị xử lý hồ sơ mới được';
const DESK_ONLY = 'Chỉ công chức Bộ phận một cửa mới được';

const SENDERS: Record<Exclude<DossierEventType, 'APPOINTMENT_MISSED'>, SenderRule> = {
  START_PROCESSING: {
    unitRoles: UNIT_STAFF,
    oneStop: true,
    refusal: `${DESK_OR_STAFF} chuyển hồ sơ sang xử lý.`,
  },
  REQUEST_SUPPLEMENT: {
    unitRoles: UNIT_STAFF,
    oneStop: false,
    refusal: `${STAFF_ONLY} yêu cầu bổ sung hồ sơ.`,
  },
  SUPPLEMENT_RECEIVED: {
    unitRoles: UNIT_STAFF,
    oneStop: true,
    refusal: `${DESK_OR_STAFF} tiếp nhận hồ sơ bổ sung.`,
  },
  RECORD_RESULT: {
    unitRoles: UNIT_STAFF,
    oneStop: false,
    refusal: `${STAFF_ONLY} cập nhật kết quả giải quyết.`,
  },
  RETURN_RESULT: { unitRoles: [], oneStop: true, refusal: `${DESK_ONLY} trả kết quả.` },
  REPORT_DELAY: {
    unitRoles: UNIT_STAFF,
    oneStop: false,
    refusal: `${STAFF_ONLY} báo trước hồ sơ trễ hạn.`,
  },
  APPROVE_APOLOGY: {
    unitRoles: UNIT_HEAD,
    oneStop: false,
    refusal: `${HEAD_ONLY} ký phiếu xin lỗi và hẹn lại ngày trả kết quả.`,
  },
  REJECT: {
    unitRoles: UNIT_HEAD,
    oneStop: false,
    refusal: `${HEAD_ONLY} từ chối giải quyết hồ sơ.`,
  },
  WITHDRAW: {
    unitRoles: [],
    oneStop: true,
    refusal: `${DESK_ONLY} ghi nhận việc rút hồ sơ theo đề nghị của người nộp.`,
  },
};

export function isDossierEventType(value: unknown): value is DossierEventType {
  return typeof value === 'string' && (DOSSIER_EVENT_TYPES as readonly string[]).includes(value);
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** "2026-03-31" → "31/03/2026", as dates are written in Vietnamese documents. */
function vnDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

const DAY_MS = 86_400_000;

/** Calendar days from `from` to `to` (negative when `to` is earlier). Pure date arithmetic. */
function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `date` + `days` calendar days. */
function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Who may send which event type to a dossier with this context — the role rules, and only
 * those. `null` when allowed; otherwise why not (→ HTTP 403).
 *
 * The one-stop desk is not tied to a unit here: which wards a user sees is the service's
 * business, as for the chairman of a reform task.
 */
export function authorizeTthcDossier(
  context: DossierContext,
  eventType: string,
  actor: Actor | null | undefined,
): string | null {
  if (!isDossierEventType(eventType)) return `Loại sự kiện "${eventType}" không hợp lệ.`;
  if (!actor || (actor.kind !== 'user' && actor.kind !== 'system')) {
    return 'Không xác định được người gửi sự kiện.';
  }

  if (eventType === 'APPOINTMENT_MISSED') {
    return actor.kind === 'system'
      ? null
      : 'Chỉ hệ thống mới được ghi nhận hồ sơ quá hạn hẹn trả kết quả.';
  }
  if (actor.kind === 'system') {
    return 'Hệ thống chỉ được ghi nhận quá hạn hẹn trả; thao tác này phải do người dùng thực hiện.';
  }

  const role = actor.role;
  if (role === 'inspector') {
    return `${ROLE_LABELS.inspector} chỉ có quyền xem, không được thao tác trên hồ sơ.`;
  }
  const rule = SENDERS[eventType];
  if (role === 'one_stop_officer' && rule.oneStop) return null;
  if (rule.unitRoles.includes(role)) {
    if (actor.unitId !== null && actor.unitId === context.handlingUnitId) return null;
    return `Hồ sơ do đơn vị khác xử lý. ${rule.refusal}`;
  }
  return rule.refusal;
}

/**
 * Preconditions that depend neither on the event's payload nor on today's date: whether this
 * event type can be sent to a dossier with this context at all, whatever the form says.
 */
export function tthcDossierUnavailable(context: DossierContext, eventType: string): string | null {
  switch (eventType) {
    case 'REPORT_DELAY':
      if (context.overdue) {
        return 'Hồ sơ đã quá hạn hẹn trả; phiếu xin lỗi được lập theo diện quá hạn, không báo trước được nữa.';
      }
      if (context.delayReported) return 'Đã báo trễ hạn cho ngày hẹn trả này.';
      return context.apologyPending !== null
        ? 'Đang có phiếu xin lỗi chờ thủ trưởng đơn vị ký.'
        : null;
    case 'APPOINTMENT_MISSED':
      return context.overdue ? 'Đã ghi nhận hồ sơ quá hạn cho ngày hẹn trả này.' : null;
    case 'APPROVE_APOLOGY':
      return context.apologyPending === null ? 'Không có phiếu xin lỗi nào đang chờ ký.' : null;
    default:
      return null;
  }
}

/**
 * Every precondition of an event, its payload included (and `tthcDossierUnavailable`).
 * Role rules are not checked here: see `authorizeTthcDossier`.
 */
export function tthcDossierPrecondition(
  context: DossierContext,
  event: DossierEvent,
): string | null {
  const unavailable = tthcDossierUnavailable(context, event.type);
  if (unavailable) return unavailable;
  if (!isIsoDate(event.today)) return 'Ngày hiện tại của sự kiện không hợp lệ.';
  const today = event.today;
  const appointment = context.appointmentDate;

  switch (event.type) {
    case 'REQUEST_SUPPLEMENT': {
      if (isBlank(event.reason)) return 'Phải nêu nội dung cần bổ sung.';
      const days = event.remainingWorkingDays;
      if (typeof days !== 'number' || !Number.isInteger(days)) {
        return 'Số ngày làm việc còn lại phải là số nguyên.';
      }
      // Past the appointment the figure is the overrun (≤ 0); it is never given back.
      if (today > appointment) {
        return days > 0
          ? `Ngày hẹn trả (${vnDate(appointment)}) đã qua; số ngày làm việc còn lại không thể dương.`
          : null;
      }
      if (days < 0) return 'Chưa đến ngày hẹn trả; số ngày làm việc còn lại không thể âm.';
      // n working days after today span at least n calendar days.
      if (days > calendarDaysBetween(today, appointment)) {
        return `Số ngày làm việc còn lại (${days}) vượt quá thời gian đến ngày hẹn trả (${vnDate(appointment)}).`;
      }
      return null;
    }

    case 'SUPPLEMENT_RECEIVED': {
      const date = event.newAppointmentDate;
      if (!isIsoDate(date)) return 'Ngày hẹn trả mới không hợp lệ.';
      // Missed before the pause: the supplement moves nothing; the apology slip sets the date.
      if (context.overdue) {
        return date === appointment
          ? null
          : `Hồ sơ đã quá hạn hẹn trả (${vnDate(appointment)}); ngày hẹn mới do phiếu xin lỗi ấn định.`;
      }
      if (date < today) return 'Ngày hẹn trả mới không được trước ngày hôm nay.';
      const days = context.remainingWorkingDays ?? 0;
      if (date < addCalendarDays(today, days)) {
        return `Ngày hẹn trả mới phải cách hôm nay ít nhất ${days} ngày làm việc còn lại.`;
      }
      return null;
    }

    case 'REJECT':
      return isBlank(event.reason) ? 'Phải nêu lý do từ chối giải quyết hồ sơ.' : null;

    case 'WITHDRAW':
      return isBlank(event.reason) ? 'Phải nêu lý do rút hồ sơ.' : null;

    case 'REPORT_DELAY':
      if (today > appointment) {
        return `Ngày hẹn trả (${vnDate(appointment)}) đã qua; không báo trước trễ hạn được nữa.`;
      }
      if (isBlank(event.reason)) return 'Phải nêu lý do trễ hạn.';
      if (!isIsoDate(event.proposedDate)) return 'Ngày hẹn trả đề xuất không hợp lệ.';
      if (event.proposedDate <= appointment) {
        return `Ngày hẹn trả đề xuất phải sau ngày hẹn hiện tại (${vnDate(appointment)}).`;
      }
      return null;

    case 'APPOINTMENT_MISSED':
      // The worker sends it at the end of the appointment date itself, so that day counts.
      return today < appointment ? `Chưa đến ngày hẹn trả (${vnDate(appointment)}).` : null;

    case 'APPROVE_APOLOGY': {
      const date = event.newAppointmentDate;
      if (!isIsoDate(date)) return 'Ngày hẹn trả mới không hợp lệ.';
      if (date <= today) return 'Ngày hẹn trả mới phải sau ngày hôm nay.';
      if (date <= appointment) {
        return `Ngày hẹn trả mới phải sau ngày hẹn hiện tại (${vnDate(appointment)}).`;
      }
      if (event.reason !== undefined && isBlank(event.reason)) {
        return 'Lý do trên phiếu xin lỗi không được để trống.';
      }
      return apologyReason(context, event) === null
        ? 'Phải nêu lý do trễ hạn để ghi trên phiếu xin lỗi.'
        : null;
    }

    default:
      return null;
  }
}

/**
 * The reason an APPROVE_APOLOGY prints on the slip: the one the head wrote, else the reason
 * the unit gave when it reported the delay; null when there is none (an overdue slip needs one).
 */
export function apologyReason(
  context: DossierContext,
  event: Extract<DossierEvent, { type: 'APPROVE_APOLOGY' }>,
): string | null {
  if (typeof event.reason === 'string' && event.reason.trim() !== '') return event.reason.trim();
  return context.apologyPending?.delayReason ?? null;
}
