import type { components } from '../api/schema';
import type { Campaign, Finding, Visit } from './types';

type Schemas = components['schemas'];
export type CreateCampaignBody = Schemas['CreateCampaignDto'];
export type ChecklistResultBody = Schemas['ChecklistResultDto'];

/** The "Lập đợt kiểm tra" form, its dates already written as YYYY-MM-DD. */
export interface CampaignFormValues {
  title: string;
  decisionNumber: string;
  decisionDate: string;
  kind: CreateCampaignBody['kind'];
  year: number;
  headId: string;
  inspectorIds?: string[];
  visits: { unitId?: string; scheduledOn?: string }[];
}

/** The body of POST /inspections/campaigns: the head is not repeated among the members. */
export function campaignBody(values: CampaignFormValues): CreateCampaignBody {
  const members = (values.inspectorIds ?? []).filter((id) => id !== values.headId);
  return {
    title: values.title.trim(),
    decisionNumber: values.decisionNumber.trim(),
    decisionDate: values.decisionDate,
    kind: values.kind,
    year: values.year,
    headId: values.headId,
    ...(members.length > 0 ? { inspectorIds: members } : {}),
    visits: values.visits.map((visit) => ({
      unitId: visit.unitId ?? '',
      scheduledOn: visit.scheduledOn ?? '',
    })),
  };
}

/** A unit chosen twice in the plan (the API takes each unit once), or null. */
export function repeatedUnit(visits: { unitId?: string }[]): string | null {
  const seen = new Set<string>();
  for (const { unitId } of visits) {
    if (!unitId) continue;
    if (seen.has(unitId)) return unitId;
    seen.add(unitId);
  }
  return null;
}

export type ChecklistFormValues = Record<string, { result?: 'dat' | 'khong_dat'; note?: string }>;

/** The checklist form filled with what the visit has recorded so far. */
export function checklistValues(visit: Visit): ChecklistFormValues {
  return Object.fromEntries(
    visit.results.map((row) => [
      row.topicCode,
      { result: row.result as 'dat' | 'khong_dat', note: row.note ?? '' },
    ]),
  );
}

/** The results of PUT …/checklist: the topics given a result, in the checklist's order. */
export function checklistResults(
  checklist: Campaign['checklist'],
  values: ChecklistFormValues,
): ChecklistResultBody[] {
  return checklist.flatMap((topic) => {
    const entry = values[topic.code];
    if (!entry?.result) return [];
    const note = entry.note?.trim();
    return [{ topicCode: topic.code, result: entry.result, ...(note ? { note } : {}) }];
  });
}

export type VisitAction = 'START_VISIT' | 'RECORD_CHECKLIST' | 'FINISH_VISIT';
export type FindingAction = 'ASSIGN_TASK' | 'ESCALATE_FINDING' | 'CLOSE_FINDING';

const VISIT_ACTIONS: readonly string[] = ['START_VISIT', 'RECORD_CHECKLIST', 'FINISH_VISIT'];

/** The buttons of one visit: what the API says this user may send about it now. */
export function visitActions(visit: Visit): VisitAction[] {
  return visit.allowedEvents.filter((event): event is VisitAction => VISIT_ACTIONS.includes(event));
}

/** The buttons of one finding, from the API likewise. */
export function findingActions(finding: Finding): FindingAction[] {
  return finding.allowedEvents as FindingAction[];
}

/** The units where this user may record a finding now. */
export function findingUnits(campaign: Campaign): Visit[] {
  return campaign.visits.filter((visit) => visit.allowedEvents.includes('RECORD_FINDING'));
}
