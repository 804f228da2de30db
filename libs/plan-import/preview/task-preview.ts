import { unrecognizedDeadline, type DeadlineContext, type ParsedDeadline } from '@cchc/domain';
import type { TaskPlacement } from '../table/hierarchy';
import type { RawTask } from '../table/interpret-rows';
import type { PlanProblem, PlanTaskPreview, ResolveUnit, UnitRef } from '../types';
import { splitUnitCell } from '../units/split-unit-cell';

export interface TaskUnderstanding {
  resolveUnit: ResolveUnit;
  parseDeadline: (raw: string, context: DeadlineContext) => ParsedDeadline;
  /** Null when the plan's year is unknown: deadlines are then left for a person. */
  deadlineContext: DeadlineContext | null;
}

type Warn = (field: PlanProblem['field'], message: string) => void;

/** Cell text quoted in a message; the whole text stays in the task. */
const MAX_QUOTED = 300;
const quoted = (text: string) =>
  text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;

/** Every name in a units cell, resolved; unknown names and interpreted typos are reported. */
function unitsOf(
  cell: string | undefined,
  field: 'leadUnit' | 'coordinatingUnits',
  resolveUnit: ResolveUnit,
  warn: Warn,
): UnitRef[] {
  if (!cell) return [];
  return splitUnitCell(cell, resolveUnit).map(({ raw, match }) => {
    const known = Boolean(match.unitId || match.groupCode);
    if (!known) {
      warn(
        field,
        match.note ?? `Không nhận ra đơn vị '${quoted(raw)}'; cần chọn đơn vị hoặc thêm bí danh.`,
      );
    } else if (match.note) {
      warn(field, match.note);
    }
    return {
      raw,
      unitId: match.unitId,
      groupCode: match.groupCode ?? null,
      ...(match.alias ? { alias: match.alias } : {}),
    };
  });
}

function deadlineOf(raw: string, understanding: TaskUnderstanding, warn: Warn): ParsedDeadline {
  if (!understanding.deadlineContext) return unrecognizedDeadline(raw);
  const deadline = understanding.parseDeadline(raw, understanding.deadlineContext);
  if (deadline.kind === 'unrecognized') {
    warn('deadline', `Chưa hiểu thời gian thực hiện '${quoted(raw)}'; cần nhập hạn cụ thể.`);
  }
  return deadline;
}

/**
 * Turns a raw row into a preview task: units resolved, deadline understood, doubts reported.
 * Content, lead unit and deadline are expected of leaf tasks only; group rows are headings.
 */
export function toTaskPreview(
  task: RawTask,
  placement: TaskPlacement,
  understanding: TaskUnderstanding,
  warnings: PlanProblem[],
): PlanTaskPreview {
  const { values } = task;
  const warn: Warn = (field, message) => warnings.push({ row: task.sourceRow, field, message });
  const isLeaf = !placement.isGroup;

  if (!values.content && isLeaf) warn('content', 'Thiếu nội dung công việc.');
  const leads = unitsOf(values.leadUnit, 'leadUnit', understanding.resolveUnit, warn);
  if (leads.length === 0 && isLeaf) warn('leadUnit', 'Chưa có đơn vị chủ trì.');
  if (leads.length > 1) {
    const others = leads.slice(1).map((ref) => `'${ref.raw}'`);
    warn(
      'leadUnit',
      `Ô đơn vị chủ trì ghi nhiều đơn vị; đã lấy '${leads[0].raw}' làm chủ trì, ${others.join(', ')} làm phối hợp.`,
    );
  }
  const coordinating = unitsOf(
    values.coordinatingUnits,
    'coordinatingUnits',
    understanding.resolveUnit,
    warn,
  );
  if (!values.deadline && isLeaf) warn('deadline', 'Chưa có thời gian thực hiện.');

  return {
    sourceRow: task.sourceRow,
    ordinal: task.ordinal,
    area: task.area,
    parent: placement.parent,
    isGroup: placement.isGroup,
    content: values.content ?? '',
    requirement: values.requirement ?? null,
    product: values.product ?? null,
    leader: values.leader ?? null,
    leadUnit: leads[0] ?? null,
    coordinatingUnits: [...leads.slice(1), ...coordinating],
    deadline: values.deadline ? deadlineOf(values.deadline, understanding, warn) : null,
  };
}
