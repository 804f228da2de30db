import type { IsoDate, ParsedDeadline } from '@cchc/domain';
import type { AssignedLeaderOf, LeaderRule } from '../people/leader-assignment';
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
  leaderRule: LeaderRule;
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

/** A unit of the ward as a group expands to it. */
export interface MemberUnit {
  id: string;
  code: string;
  name: string;
}

/** What the ward has decided that the plan does not say. */
export interface WardImportRules {
  resolveLeader: ResolveLeader;
  /** The ward's phân công lĩnh vực. */
  assignedLeader: AssignedLeaderOf;
  /** The units a group phrase means in this ward (empty: not defined). */
  groupMembers: (groupCode: string) => MemberUnit[];
  /** Takes a row that names no lead unit (the importer's unit); null: such a row is an error. */
  fallbackUnitId: string | null;
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

/** Where a row's task goes: one lead unit, or a group of units (one child task each). */
type Lead = { unitId: string; members: MemberUnit[] } | { problem: string };

/**
 * Decides what an import would write from a preview, and what stops it. A row without an
 * ordinal gets a provisional one ('#1', in order within its area); a repeated ordinal stops the
 * import (amendments match tasks by it). A lead written as a group phrase becomes a group task
 * with one child per unit the ward counts in the group; a group the ward has not defined, or an
 * unknown name, stops the import. A leaf naming no lead unit goes to the importer's unit, a
 * group row to its first child's. The leader comes from the plan's column when it names
 * someone, else from the ward's assignment of units and areas; a task without one is said in a
 * warning (the chairman approves it).
 */
export function planImport(preview: PlanPreview, rules: WardImportRules): PlannedImport {
  const errors: PlanProblem[] = [...preview.errors];
  const warnings: PlanProblem[] = [];
  const seen = new Set<string>();
  const unnumbered = new Map<string | null, number>();
  const placed: (PlanTaskPreview & { ordinal: string })[] = [];
  for (const task of preview.tasks) {
    let ordinal = task.ordinal;
    if (ordinal === null) {
      const count = (unnumbered.get(task.area) ?? 0) + 1;
      unnumbered.set(task.area, count);
      ordinal = `#${count}`;
      warnings.push({
        row: task.sourceRow,
        field: 'ordinal',
        message: `Dòng nhiệm vụ không có số thứ tự; đã ghi số tạm '${ordinal}' (cần giữ nguyên thứ tự dòng khi điều chỉnh kế hoạch).`,
      });
    }
    const key = taskKey(task.area, ordinal);
    if (seen.has(key)) {
      errors.push({
        row: task.sourceRow,
        field: 'ordinal',
        message: `Số thứ tự '${ordinal}' bị trùng trong mục ${task.area ?? '(không có mục)'}; cần sửa trước khi nhập.`,
      });
      continue;
    }
    seen.add(key);
    placed.push({ ...task, ordinal });
  }

  const said = new Set<string>();
  const warn = (row: number, field: PlanProblem['field'], message: string) => {
    // A group row's children repeat their parent's doubts: say each once.
    if (said.has(`${row}|${message}`)) return;
    said.add(`${row}|${message}`);
    warnings.push({ row, field, message });
  };

  const leadOf = (task: PlanTaskPreview): Lead => {
    const lead = task.leadUnit;
    if (lead?.unitId) return { unitId: lead.unitId, members: [] };
    if (lead?.groupCode) {
      const members = rules.groupMembers(lead.groupCode);
      if (members.length === 0)
        return {
          problem: `Đơn vị chủ trì '${lead.raw}' là một nhóm đơn vị mà phường chưa xác định gồm những đơn vị nào; cần khai báo nhóm (PUT /unit-groups) hoặc thêm bí danh trỏ tới một đơn vị.`,
        };
      return { unitId: members[0].id, members: task.isGroup ? [] : members };
    }
    if (lead)
      return {
        problem: `Không nhận ra đơn vị chủ trì '${lead.raw}'; cần thêm bí danh cho đơn vị này.`,
      };
    const fromChild = task.isGroup ? firstChildLead(task) : null;
    if (fromChild) {
      warn(
        task.sourceRow,
        'leadUnit',
        `Nhiệm vụ ${task.ordinal} là nhóm, không ghi đơn vị chủ trì; dùng đơn vị chủ trì của nhiệm vụ con đầu tiên.`,
      );
      return { unitId: fromChild, members: [] };
    }
    if (!task.isGroup && rules.fallbackUnitId) {
      warn(
        task.sourceRow,
        'leadUnit',
        'Dòng không ghi đơn vị chủ trì; tạm giao cho đơn vị của người nhập kế hoạch, cần giao lại cho đúng đơn vị.',
      );
      return { unitId: rules.fallbackUnitId, members: [] };
    }
    return { problem: `Nhiệm vụ ${task.ordinal ?? ''} chưa có đơn vị chủ trì.` };
  };
  const firstChildLead = (task: PlanTaskPreview): string | null => {
    for (const child of placed.filter(
      (other) => other.area === task.area && other.parent === task.ordinal,
    )) {
      const lead = child.leadUnit?.unitId ?? (child.isGroup ? firstChildLead(child) : null);
      if (lead) return lead;
    }
    return null;
  };

  const leaderOf = (task: PlanTaskPreview, unitId: string) => {
    const named = task.leader ? rules.resolveLeader(task.leader) : null;
    if (named?.userId) {
      // e.g. the cell names two people and one was taken
      if (named.note) warn(task.sourceRow, 'leader', named.note);
      return { leaderId: named.userId, leaderRule: 'plan' as const };
    }
    const assigned = rules.assignedLeader(unitId, task.area);
    // A leader the plan names is never replaced silently: the plan and the ward may disagree.
    if (named) {
      const unresolved = assigned
        ? `Kế hoạch ghi lãnh đạo phụ trách '${task.leader}' nhưng chưa xác định được là ai; tạm giao cho lãnh đạo được phân công ${assigned.rule === 'unit' ? 'theo đơn vị' : 'theo lĩnh vực'}, cần kiểm tra.`
        : (named.note ??
          `Chưa xác định được lãnh đạo phụ trách '${task.leader}'; cần chọn người sau khi nhập.`);
      warn(task.sourceRow, 'leader', unresolved);
    }
    if (assigned) return { leaderId: assigned.userId, leaderRule: assigned.rule };
    return { leaderId: null, leaderRule: 'none' as const };
  };
  const tasks = placed.flatMap((task): PlannedTask[] => {
    const lead = leadOf(task);
    if ('problem' in lead) {
      errors.push({ row: task.sourceRow, field: 'leadUnit', message: lead.problem });
      return [];
    }
    const key = taskKey(task.area, task.ordinal);
    const coordinating = task.coordinatingUnits;
    const coordinatingIds = [
      ...new Set(coordinating.flatMap((unit) => (unit.unitId ? [unit.unitId] : []))),
    ];
    const planned: PlannedTask = {
      key,
      parentKey: task.parent === null ? null : taskKey(task.area, task.parent),
      sourceRow: task.sourceRow,
      area: task.area,
      ordinal: task.ordinal,
      isGroup: task.isGroup || lead.members.length > 0,
      title: titleOf(task.content) || `Nhiệm vụ ${task.ordinal}`,
      content: task.content,
      requirement: task.requirement,
      product: task.product,
      leadUnitRaw: task.leadUnit?.raw ?? null,
      leadUnitId: lead.unitId,
      coordinatingRaw:
        coordinating.length > 0 ? coordinating.map((unit) => unit.raw).join('; ') : null,
      coordinatingUnitIds: coordinatingIds.filter((id) => id !== lead.unitId),
      leaderRaw: task.leader,
      ...leaderOf(task, lead.unitId),
      deadlineRaw: task.deadline?.raw ?? null,
      deadline: task.deadline,
      dueDate: task.deadline?.due ?? null,
    };
    const children = lead.members.map((member): PlannedTask => ({
      ...planned,
      key: taskKey(task.area, `${task.ordinal}:${member.code}`),
      parentKey: key,
      ordinal: `${task.ordinal}:${member.code}`,
      isGroup: false,
      title: titleOf(`${member.name}: ${planned.title}`),
      leadUnitId: member.id,
      coordinatingUnitIds: coordinatingIds.filter((id) => id !== member.id),
      ...leaderOf(task, member.id),
    }));
    if (children.length > 0)
      warn(
        task.sourceRow,
        'leadUnit',
        `Đơn vị chủ trì '${task.leadUnit?.raw}' là nhóm đơn vị: nhiệm vụ được giao cho từng đơn vị (${lead.members.map((member) => member.name).join(', ')}) và hoàn thành khi các đơn vị hoàn thành.`,
      );
    return [planned, ...children];
  });
  for (const task of tasks.filter((planned) => planned.leaderRule === 'none'))
    warn(
      task.sourceRow,
      'leader',
      `Nhiệm vụ ${task.ordinal} chưa có lãnh đạo phụ trách (kế hoạch không ghi, phường chưa phân công lĩnh vực); Chủ tịch UBND nghiệm thu.`,
    );
  return {
    tasks,
    warnings: warnings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
    errors: errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  };
}
