import type { IsoDate, ParsedDeadline } from '@cchc/domain';
import type { ResolveLeader } from '../people/leader-resolver';
import type { PlanPreview, PlanProblem, PlanTaskPreview } from '../types';

/** One task as an import writes it: what the plan's row says, resolved to ids. */
export interface PlannedTask {
  /** Matches a task between two versions of a plan; see `taskKey`. */
  key: string;
  parentKey: string | null;
  sourceRow: number;
  area: string | null;
  ordinal: string;
  isGroup: boolean;
  title: string;
  content: string;
  requirement: string | null;
  product: string | null;
  leadUnitRaw: string | null;
  leadUnitId: string;
  coordinatingRaw: string | null;
  coordinatingUnitIds: string[];
  leaderRaw: string | null;
  leaderId: string | null;
  deadlineRaw: string | null;
  deadline: ParsedDeadline | null;
  dueDate: IsoDate | null;
}

export interface PlannedImport {
  tasks: PlannedTask[];
  warnings: PlanProblem[];
  /** What stops the import; nothing is written while there is one. */
  errors: PlanProblem[];
}

const TITLE_LENGTH = 300;

/**
 * Tasks are matched between versions of a plan by section and ordinal ("III/21"): the number a
 * row carries in the plan is how the ward itself refers to the task when the plan is amended.
 */
export function taskKey(area: string | null, ordinal: string): string {
  return `${area ?? ''}/${ordinal}`;
}

/** The first words of the content, short enough for lists. */
export function titleOf(content: string): string {
  const text = content.replace(/\s+/g, ' ').trim();
  if (text.length <= TITLE_LENGTH) return text;
  const cut = text.slice(0, TITLE_LENGTH - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), TITLE_LENGTH / 2))}…`;
}

/**
 * Decides what an import would write from a preview, and what stops it: the preview's errors,
 * rows without an ordinal or with a repeated one, and leaf tasks without exactly one known lead
 * unit (an unknown name or a group of units cannot lead). A group row without a lead unit
 * is followed through the lead unit of its first child that has one (said in a warning).
 */
export function planImport(preview: PlanPreview, resolveLeader: ResolveLeader): PlannedImport {
  const errors: PlanProblem[] = [...preview.errors];
  const warnings: PlanProblem[] = [];
  const seen = new Set<string>();
  const placed: PlanTaskPreview[] = [];
  for (const task of preview.tasks) {
    if (task.ordinal === null) {
      errors.push({
        row: task.sourceRow,
        field: 'ordinal',
        message: 'Dòng nhiệm vụ không có số thứ tự; cần ghi số thứ tự trước khi nhập.',
      });
      continue;
    }
    const key = taskKey(task.area, task.ordinal);
    if (seen.has(key)) {
      errors.push({
        row: task.sourceRow,
        field: 'ordinal',
        message: `Số thứ tự '${task.ordinal}' bị trùng trong mục ${task.area ?? '(không có mục)'}; cần sửa trước khi nhập.`,
      });
      continue;
    }
    seen.add(key);
    placed.push(task);
  }
  const leadOf = (task: PlanTaskPreview): string | null => task.leadUnit?.unitId ?? null;
  const firstChildLead = (task: PlanTaskPreview): string | null => {
    for (const child of placed.filter(
      (other) => other.area === task.area && other.parent === task.ordinal,
    )) {
      const lead = leadOf(child) ?? (child.isGroup ? firstChildLead(child) : null);
      if (lead) return lead;
    }
    return null;
  };

  const tasks = placed.flatMap((task): PlannedTask[] => {
    let leadUnitId = leadOf(task);
    if (!leadUnitId && task.isGroup && !task.leadUnit) {
      leadUnitId = firstChildLead(task);
      if (leadUnitId)
        warnings.push({
          row: task.sourceRow,
          field: 'leadUnit',
          message: `Nhiệm vụ ${task.ordinal} là nhóm, không ghi đơn vị chủ trì; dùng đơn vị chủ trì của nhiệm vụ con đầu tiên.`,
        });
    }
    if (!leadUnitId) {
      errors.push({ row: task.sourceRow, field: 'leadUnit', message: leadProblem(task) });
      return [];
    }
    const leader = task.leader ? resolveLeader(task.leader) : { userId: null };
    if (leader.note) warnings.push({ row: task.sourceRow, field: 'leader', message: leader.note });
    const ordinal = task.ordinal as string;
    const coordinating = task.coordinatingUnits;
    return [
      {
        key: taskKey(task.area, ordinal),
        parentKey: task.parent === null ? null : taskKey(task.area, task.parent),
        sourceRow: task.sourceRow,
        area: task.area,
        ordinal,
        isGroup: task.isGroup,
        title: titleOf(task.content) || `Nhiệm vụ ${ordinal}`,
        content: task.content,
        requirement: task.requirement,
        product: task.product,
        leadUnitRaw: task.leadUnit?.raw ?? null,
        leadUnitId,
        coordinatingRaw:
          coordinating.length > 0 ? coordinating.map((unit) => unit.raw).join('; ') : null,
        coordinatingUnitIds: [
          ...new Set(coordinating.flatMap((unit) => (unit.unitId ? [unit.unitId] : []))),
        ],
        leaderRaw: task.leader,
        leaderId: leader.userId,
        deadlineRaw: task.deadline?.raw ?? null,
        deadline: task.deadline,
        dueDate: task.deadline?.due ?? null,
      },
    ];
  });
  return { tasks, warnings, errors: errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
}

function leadProblem(task: PlanTaskPreview): string {
  const lead = task.leadUnit;
  if (!lead) return `Nhiệm vụ ${task.ordinal} chưa có đơn vị chủ trì.`;
  if (lead.groupCode)
    return `Đơn vị chủ trì '${lead.raw}' là một nhóm đơn vị; nhiệm vụ cần một đơn vị chủ trì (thêm bí danh trỏ tới một đơn vị).`;
  return `Không nhận ra đơn vị chủ trì '${lead.raw}'; cần thêm bí danh cho đơn vị này.`;
}
