import {
  Actor,
  CAMPAIGN_EVENT_TYPES,
  CampaignEventType,
  InspectionCampaignContext,
  InspectionCampaignEvent,
  IsoDate,
} from '@cchc/domain';
import { isIsoDate } from './reform-task.rules';

/*
 * The rules of an inspection campaign, in one place: the machine's guards call these functions
 * and the engine calls the same ones to say why an event is refused. Each returns null when the
 * event may go ahead, otherwise a Vietnamese sentence saying why not.
 */

type Sender = 'team' | 'head' | 'chairman' | 'headOrChairman';

const SENDERS: Record<CampaignEventType, Sender> = {
  START: 'head',
  START_VISIT: 'team',
  RECORD_CHECKLIST: 'team',
  FINISH_VISIT: 'team',
  RECORD_FINDING: 'team',
  ASSIGN_TASK: 'head',
  ESCALATE_FINDING: 'head',
  CLOSE_FINDING: 'chairman',
  CONCLUDE: 'chairman',
  CLOSE: 'headOrChairman',
};

const REFUSALS: Record<Sender, string> = {
  team: 'Chỉ thành viên đoàn kiểm tra mới được thực hiện thao tác này.',
  head: 'Chỉ trưởng đoàn kiểm tra mới được thực hiện thao tác này.',
  chairman: 'Chỉ Chủ tịch UBND mới được thực hiện thao tác này.',
  headOrChairman: 'Chỉ trưởng đoàn kiểm tra hoặc Chủ tịch UBND mới được kết thúc đợt kiểm tra.',
};

export function isCampaignEventType(value: unknown): value is CampaignEventType {
  return typeof value === 'string' && (CAMPAIGN_EVENT_TYPES as readonly string[]).includes(value);
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function vnDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Who may send which event type to a campaign: the role rules, and only those (→ 403). */
export function authorizeInspectionCampaign(
  context: InspectionCampaignContext,
  eventType: string,
  actor: Actor | null | undefined,
): string | null {
  if (!isCampaignEventType(eventType)) return `Loại sự kiện "${eventType}" không hợp lệ.`;
  if (!actor || actor.kind !== 'user') return 'Thao tác này phải do người dùng thực hiện.';
  const isHead = actor.role === 'inspector' && actor.userId === context.headId;
  const inTeam = actor.role === 'inspector' && context.inspectorIds.includes(actor.userId);
  const isChairman = actor.role === 'chairman';
  const sender = SENDERS[eventType];
  const allowed =
    (sender === 'team' && inTeam) ||
    (sender === 'head' && isHead) ||
    (sender === 'chairman' && isChairman) ||
    (sender === 'headOrChairman' && (isHead || isChairman));
  return allowed ? null : REFUSALS[sender];
}

function visitOf(context: InspectionCampaignContext, unitId: unknown) {
  return typeof unitId === 'string' ? context.visits[unitId] : undefined;
}

/** Preconditions that depend neither on the payload nor on the date. */
export function inspectionCampaignUnavailable(
  context: InspectionCampaignContext,
  eventType: string,
): string | null {
  const visits = Object.values(context.visits);
  const findings = Object.values(context.findings);
  switch (eventType) {
    case 'CONCLUDE': {
      const left = visits.filter((visit) => visit.state !== 'done').length;
      return left > 0 ? `Còn ${left} đơn vị chưa hoàn thành kiểm tra.` : null;
    }
    case 'CLOSE': {
      const left = findings.filter((f) => f.status === 'open' || f.status === 'escalated').length;
      return left > 0 ? `Còn ${left} tồn tại, hạn chế chưa được khắc phục hoặc kết thúc.` : null;
    }
    case 'ASSIGN_TASK':
    case 'ESCALATE_FINDING':
      return findings.some((f) => f.status === 'open')
        ? null
        : 'Không có tồn tại, hạn chế nào chờ xử lý.';
    case 'CLOSE_FINDING':
      return findings.some((f) => f.status !== 'closed')
        ? null
        : 'Không có tồn tại, hạn chế nào chờ kết thúc.';
    default:
      return null;
  }
}

/** The events sent about one visit (with its `unitId`). */
const VISIT_EVENT_TYPES = [
  'START_VISIT',
  'RECORD_CHECKLIST',
  'FINISH_VISIT',
  'RECORD_FINDING',
] as const satisfies readonly CampaignEventType[];

/** The events sent about one finding (with its `findingId`). */
const FINDING_EVENT_TYPES = [
  'ASSIGN_TASK',
  'ESCALATE_FINDING',
  'CLOSE_FINDING',
] as const satisfies readonly CampaignEventType[];

/** What stops an event about this visit, whatever its payload and date (null: nothing). */
export function visitUnavailable(
  context: InspectionCampaignContext,
  eventType: string,
  unitId: unknown,
): string | null {
  const visit = visitOf(context, unitId);
  if (!visit) return 'Đơn vị không thuộc phạm vi đợt kiểm tra.';
  switch (eventType) {
    case 'START_VISIT':
      return visit.state === 'scheduled' ? null : 'Đã bắt đầu kiểm tra tại đơn vị này.';
    case 'RECORD_CHECKLIST':
      return visit.state === 'inProgress' ? null : 'Chỉ ghi kết quả khi đang kiểm tra tại đơn vị.';
    case 'FINISH_VISIT':
      return visit.state === 'inProgress' ? null : 'Đơn vị này không đang được kiểm tra.';
    case 'RECORD_FINDING':
      return visit.state === 'scheduled' ? 'Chưa bắt đầu kiểm tra tại đơn vị này.' : null;
    default:
      return null;
  }
}

/** What stops an event about this finding, whatever its payload and date (null: nothing). */
export function findingUnavailable(
  context: InspectionCampaignContext,
  eventType: string,
  findingId: unknown,
): string | null {
  const finding = typeof findingId === 'string' ? context.findings[findingId] : undefined;
  if (!finding) return 'Không có tồn tại, hạn chế này trong đợt kiểm tra.';
  if (eventType === 'CLOSE_FINDING') {
    return finding.status === 'closed' ? 'Tồn tại, hạn chế này đã kết thúc.' : null;
  }
  return finding.status === 'open' ? null : 'Tồn tại, hạn chế này đã được xử lý.';
}

/**
 * Of the events the campaign allows this actor now (`allowedEvents`), those about this visit
 * that its state lets through; payload and date checks are left to the event itself.
 */
export function visitAllowedEvents(
  context: InspectionCampaignContext,
  campaignAllowed: readonly string[],
  unitId: string,
): CampaignEventType[] {
  return VISIT_EVENT_TYPES.filter(
    (type) => campaignAllowed.includes(type) && visitUnavailable(context, type, unitId) === null,
  );
}

/** The same for one finding. */
export function findingAllowedEvents(
  context: InspectionCampaignContext,
  campaignAllowed: readonly string[],
  findingId: string,
): CampaignEventType[] {
  return FINDING_EVENT_TYPES.filter(
    (type) =>
      campaignAllowed.includes(type) && findingUnavailable(context, type, findingId) === null,
  );
}

/** Every precondition of an event, its payload included (role rules excluded). */
export function inspectionCampaignPrecondition(
  context: InspectionCampaignContext,
  event: InspectionCampaignEvent,
): string | null {
  const unavailable = inspectionCampaignUnavailable(context, event.type);
  if (unavailable) return unavailable;
  if (!isIsoDate(event.today)) return 'Ngày hiện tại của sự kiện không hợp lệ.';

  switch (event.type) {
    case 'START_VISIT':
    case 'RECORD_CHECKLIST':
      return visitUnavailable(context, event.type, event.unitId);
    case 'FINISH_VISIT': {
      const unavailable = visitUnavailable(context, event.type, event.unitId);
      if (unavailable) return unavailable;
      const visit = context.visits[event.unitId];
      if (!isIsoDate(event.doneOn)) return 'Ngày kiểm tra không hợp lệ.';
      if (event.doneOn > event.today) return 'Ngày kiểm tra không được sau ngày hôm nay.';
      if (visit.startedOn !== null && event.doneOn < visit.startedOn) {
        return `Ngày kiểm tra không được trước ngày bắt đầu (${vnDate(visit.startedOn)}).`;
      }
      if (event.uncheckedTopics !== 0) {
        return `Còn ${event.uncheckedTopics} nội dung kiểm tra chưa có kết quả.`;
      }
      return null;
    }
    case 'RECORD_FINDING': {
      const unavailable = visitUnavailable(context, event.type, event.unitId);
      if (unavailable) return unavailable;
      if (isBlank(event.findingId) || context.findings[event.findingId]) {
        return 'Mã tồn tại, hạn chế không hợp lệ hoặc đã có.';
      }
      return null;
    }
    case 'ASSIGN_TASK':
    case 'ESCALATE_FINDING': {
      const unavailable = findingUnavailable(context, event.type, event.findingId);
      if (unavailable) return unavailable;
      if (event.type === 'ASSIGN_TASK') {
        return isBlank(event.taskId) ? 'Thiếu nhiệm vụ khắc phục.' : null;
      }
      return isBlank(event.reason) ? 'Phải nêu lý do báo cáo Chủ tịch.' : null;
    }
    case 'CLOSE_FINDING':
      return (
        findingUnavailable(context, event.type, event.findingId) ??
        (isBlank(event.reason) ? 'Phải nêu lý do kết thúc.' : null)
      );
    case 'CONCLUDE':
      return isBlank(event.noticeNumber) ? 'Phải ghi số thông báo kết luận.' : null;
    case 'CLOSE':
      return event.unacceptedTasks === 0
        ? null
        : `Còn ${event.unacceptedTasks} nhiệm vụ khắc phục chưa được nghiệm thu.`;
    default:
      return null;
  }
}
