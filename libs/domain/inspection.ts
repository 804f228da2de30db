import { Actor, IsoDate } from './actor';

/*
 * Inspection campaigns (đợt kiểm tra công tác CCHC): a team of inspectors visits the units in
 * scope, checks a list of topics, records findings; each finding becomes a remediation task or is
 * escalated to the chairman. See ../shared/domain.md, "Reporting and inspection".
 */

export const INSPECTION_KINDS = ['dinh_ky', 'dot_xuat', 'khong_bao_truoc'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  dinh_ky: 'Định kỳ',
  dot_xuat: 'Đột xuất',
  khong_bao_truoc: 'Không báo trước',
};

export const CAMPAIGN_STATES = ['planned', 'inProgress', 'concluded', 'closed'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];
export const CAMPAIGN_STATE_LABELS: Record<CampaignState, string> = {
  planned: 'Kế hoạch',
  inProgress: 'Đang kiểm tra',
  concluded: 'Đã kết luận',
  closed: 'Đã kết thúc',
};

export const VISIT_STATES = ['scheduled', 'inProgress', 'done'] as const;
export type VisitState = (typeof VISIT_STATES)[number];
export const VISIT_STATE_LABELS: Record<VisitState, string> = {
  scheduled: 'Dự kiến',
  inProgress: 'Đang kiểm tra',
  done: 'Đã kiểm tra',
};

export const FINDING_STATUSES = ['open', 'task', 'escalated', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Chưa xử lý',
  task: 'Đã giao nhiệm vụ khắc phục',
  escalated: 'Báo cáo Chủ tịch',
  closed: 'Chủ tịch đã kết thúc',
};

export const FINDING_SEVERITIES = ['nhe', 'trung_binh', 'nghiem_trong'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const FINDING_SEVERITY_LABELS: Record<FindingSeverity, string> = {
  nhe: 'Nhẹ',
  trung_binh: 'Trung bình',
  nghiem_trong: 'Nghiêm trọng',
};

export const CHECKLIST_RESULTS = ['dat', 'khong_dat'] as const;
export type ChecklistResult = (typeof CHECKLIST_RESULTS)[number];
export const CHECKLIST_RESULT_LABELS: Record<ChecklistResult, string> = {
  dat: 'Đạt',
  khong_dat: 'Không đạt',
};

export const CAMPAIGN_EVENT_TYPES = [
  'START',
  'START_VISIT',
  'RECORD_CHECKLIST',
  'FINISH_VISIT',
  'RECORD_FINDING',
  'ASSIGN_TASK',
  'ESCALATE_FINDING',
  'CLOSE_FINDING',
  'CONCLUDE',
  'CLOSE',
] as const;
export type CampaignEventType = (typeof CAMPAIGN_EVENT_TYPES)[number];
export const CAMPAIGN_EVENT_LABELS: Record<CampaignEventType, string> = {
  START: 'Bắt đầu kiểm tra',
  START_VISIT: 'Bắt đầu kiểm tra tại đơn vị',
  RECORD_CHECKLIST: 'Ghi kết quả kiểm tra',
  FINISH_VISIT: 'Hoàn thành kiểm tra tại đơn vị',
  RECORD_FINDING: 'Ghi nhận tồn tại, hạn chế',
  ASSIGN_TASK: 'Giao nhiệm vụ khắc phục',
  ESCALATE_FINDING: 'Báo cáo Chủ tịch',
  CLOSE_FINDING: 'Kết thúc xử lý tồn tại',
  CONCLUDE: 'Ký thông báo kết luận',
  CLOSE: 'Kết thúc đợt kiểm tra',
};

export interface CampaignVisit {
  state: VisitState;
  scheduledOn: IsoDate;
  startedOn: IsoDate | null;
  /** When the checklist results were last recorded. */
  checkedOn: IsoDate | null;
  doneOn: IsoDate | null;
}

export interface CampaignFinding {
  unitId: string;
  status: FindingStatus;
}

export interface InspectionCampaignContext {
  kind: InspectionKind;
  /** Trưởng đoàn: leads the team (starts the campaign, turns findings into tasks). */
  headId: string;
  /** Every member of the team, the head included. */
  inspectorIds: string[];
  /** One visit per unit in scope, by unit id. */
  visits: Record<string, CampaignVisit>;
  /** Findings by id, with what became of them (the details live in their table). */
  findings: Record<string, CampaignFinding>;
  noticeNumber: string | null;
  concludedOn: IsoDate | null;
}

/**
 * Params of a campaign `notify` action: why, and whom to tell, by id — the team and the units
 * in scope are in the campaign's context, so the machine names them itself.
 */
export interface CampaignNotifyEffect {
  /** Short machine-readable reason, e.g. 'campaign.started'. */
  topic: string;
  /** Users told by name (the team). */
  userIds: string[];
  /** Units whose staff are told. */
  unitIds: string[];
}

export type InspectionCampaignInput = Pick<
  InspectionCampaignContext,
  'kind' | 'headId' | 'inspectorIds'
> & { visits: { unitId: string; scheduledOn: IsoDate }[] };

/** Facts every campaign event carries; `today` comes from the engine's clock. */
interface CampaignEventBase {
  actor: Actor;
  today: IsoDate;
}

export type InspectionCampaignEvent = CampaignEventBase &
  (
    | { type: 'START' }
    | { type: 'START_VISIT'; unitId: string }
    | { type: 'RECORD_CHECKLIST'; unitId: string }
    /** `uncheckedTopics`: topics of the checklist without a result, counted by the server. */
    | { type: 'FINISH_VISIT'; unitId: string; doneOn: IsoDate; uncheckedTopics: number }
    | { type: 'RECORD_FINDING'; unitId: string; findingId: string }
    | { type: 'ASSIGN_TASK'; findingId: string; taskId: string }
    | { type: 'ESCALATE_FINDING'; findingId: string; reason: string }
    | { type: 'CLOSE_FINDING'; findingId: string; reason: string }
    | { type: 'CONCLUDE'; noticeNumber: string }
    /** `unacceptedTasks`: findings whose remediation task is not accepted, counted by the server. */
    | { type: 'CLOSE'; unacceptedTasks: number }
  );
