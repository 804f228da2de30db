import type { DeadlineContext, ParsedDeadline } from '@cchc/domain';
import { extractMetadata } from '../metadata/plan-metadata';
import { FIELD_LABELS } from '../table/columns';
import { findTaskTable, REQUIRED_FIELDS } from '../table/find-task-table';
import { placeTasks } from '../table/hierarchy';
import { interpretRows } from '../table/interpret-rows';
import type { PlanPreview, PlanProblem, ResolveUnit, SourceDocument } from '../types';
import { qualityWarnings } from './quality-warnings';
import { toTaskPreview } from './task-preview';

export interface PlanPreviewOptions {
  /** The year chosen by the person importing; wins over the year read from the document. */
  year?: number;
  parseDeadline: (raw: string, context: DeadlineContext) => ParsedDeadline;
  resolveUnit: ResolveUnit;
}

function chooseYear(
  found: number | null,
  chosen: number | undefined,
  warnings: PlanProblem[],
): number | null {
  if (chosen === undefined) return found;
  if (found !== null && found !== chosen) {
    warnings.push({
      row: null,
      field: 'year',
      message: `Văn bản ghi năm ${found} nhưng năm được chọn là ${chosen}; đã dùng năm ${chosen}.`,
    });
  }
  return chosen;
}

const byRow = (a: PlanProblem, b: PlanProblem) => (a.row ?? 0) - (b.row ?? 0);

/**
 * The dry run of a plan import: finds the task table, maps its columns by meaning, reads
 * areas and tasks, resolves units and deadlines through the injected functions, and reports
 * what a person must check (warnings) or fix before importing (errors). Never throws on content.
 */
export function buildPlanPreview(source: SourceDocument, options: PlanPreviewOptions): PlanPreview {
  const warnings: PlanProblem[] = [...source.warnings];
  const errors: PlanProblem[] = [];
  const metadata = extractMetadata(source.text);
  warnings.push(...metadata.warnings);
  const year = chooseYear(metadata.plan.year, options.year, warnings);
  const plan = { ...metadata.plan, year };
  if (year === null) {
    errors.push({
      row: null,
      field: 'year',
      message: 'Không xác định được năm của kế hoạch; cần chọn năm.',
    });
  }
  const finish = (preview: Pick<PlanPreview, 'areas' | 'tasks'>): PlanPreview => ({
    plan,
    ...preview,
    warnings: warnings.sort(byRow),
    errors: errors.sort(byRow),
  });

  const table = findTaskTable(source.tables);
  if (!table) {
    errors.push({
      row: null,
      field: 'table',
      message:
        'Không tìm thấy bảng danh mục nhiệm vụ (dòng tiêu đề có các cột TT, Nội dung công việc, Cơ quan chủ trì).',
    });
    return finish({ areas: [], tasks: [] });
  }
  for (const field of REQUIRED_FIELDS.filter((required) => !table.columns.includes(required))) {
    errors.push({
      row: table.headerRow,
      field,
      message: `Bảng nhiệm vụ thiếu cột '${FIELD_LABELS[field]}'.`,
    });
  }
  if (errors.some((error) => error.row === table.headerRow))
    return finish({ areas: [], tasks: [] });
  if (!table.columns.includes('deadline')) {
    warnings.push({
      row: table.headerRow,
      field: 'deadline',
      message: 'Bảng không có cột thời gian thực hiện.',
    });
  }

  for (const { field, kept, ignored } of table.duplicates) {
    warnings.push({
      row: table.headerRow,
      field,
      message: `Hai cột cùng là '${FIELD_LABELS[field]}': đã đọc cột '${kept}', bỏ qua cột '${ignored}'; cần kiểm tra.`,
    });
  }

  const rows = interpretRows(table);
  warnings.push(...rows.warnings);
  if (rows.tasks.length === 0) {
    errors.push({
      row: table.headerRow,
      field: 'table',
      message: 'Bảng nhiệm vụ không có dòng nhiệm vụ nào.',
    });
  }
  const hierarchy = placeTasks(rows.tasks);
  warnings.push(...hierarchy.warnings);
  const deadlineContext: DeadlineContext | null =
    year === null ? null : { year, ...(plan.issueDate ? { issueDate: plan.issueDate } : {}) };
  const understanding = { ...options, deadlineContext };
  const tasks = rows.tasks.map((task, index) =>
    toTaskPreview(task, hierarchy.placements[index], understanding, warnings),
  );
  warnings.push(...qualityWarnings(plan, tasks));
  return finish({ areas: rows.areas, tasks });
}
