import { cleanCellText } from '../text/clean-cell';
import { stripDiacritics } from '../text/fold';
import type { PlanArea, PlanField, PlanProblem, SourceRow } from '../types';
import { isHeaderLabel } from './columns';
import { headerKey, type TaskTable } from './find-task-table';
import { hierarchicalOrdinal, ordinalSection, sectionHeading } from './ordinals';

/** A task row with its cells by meaning, before units and deadlines are understood. */
export interface RawTask {
  sourceRow: number;
  ordinal: string | null;
  area: string | null;
  values: Partial<Record<PlanField, string>>;
}

export interface InterpretedRows {
  areas: PlanArea[];
  tasks: RawTask[];
  warnings: PlanProblem[];
}

const quote = (text: string, max = 60) =>
  `'${text.length > max ? `${text.slice(0, max)}…` : text}'`;

/** "(1) (2) (3)…" or "1 2 3…" under a header: column numbers, not data. */
function isColumnIndexRow(cells: string[]): boolean {
  const numbers = cells
    .filter((cell) => cell !== '')
    .map((cell) => /^\(?(\d{1,2})\)?$/.exec(cell)?.[1]);
  return numbers.length >= 3 && numbers.every((number, index) => Number(number) === index + 1);
}

/** A cell without accents or case, for UNFINISHED_DEADLINE. */
const plainText = (text: string) => stripDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();

/** A deadline cut short: "Quý II/", "Tháng 01/2026 -", "Quý I,". */
const UNFINISHED_DEADLINE = /[/,;:\-–]$|\b(?:thang|quy|nam|ngay|den|va)$/;

/**
 * Whether a row without ordinal carries the rest of the open task's cells rather than a task
 * of its own: it names no other lead unit, and no deadline unless the task's was cut short.
 * A cell merged down repeats the task's text, which is no new content.
 */
function isFragmentOf(task: RawTask, values: RawTask['values']): boolean {
  const own = (field: PlanField) =>
    values[field] !== undefined && values[field] !== task.values[field];
  if (own('leadUnit')) return false;
  const cutDeadline = task.values.deadline
    ? UNFINISHED_DEADLINE.test(plainText(task.values.deadline))
    : false;
  return !own('deadline') || cutDeadline;
}

class RowInterpreter {
  readonly areas: PlanArea[] = [];
  readonly tasks: RawTask[] = [];
  readonly warnings: PlanProblem[] = [];
  private area: string | null = null;
  /** The task a row without ordinal continues; none right after a section heading. */
  private open: RawTask | null = null;
  /** The header was just repeated: the next row may carry the rest of a cut cell. */
  private afterPageBreak = false;
  private readonly ordinalColumn: number;

  constructor(private readonly table: TaskTable) {
    this.ordinalColumn = table.columns.indexOf('ordinal');
  }

  read(row: SourceRow): void {
    const cells = row.cells.map(cleanCellText);
    if (cells.every((cell) => cell === '')) return;
    if (this.table.headerKeys.includes(headerKey(row.cells))) {
      this.afterPageBreak = true;
      return;
    }
    if (isColumnIndexRow(cells)) return;
    if (this.looksLikeHeader(cells)) {
      this.warn(
        row.sourceRow,
        null,
        `Bỏ qua dòng giống dòng tiêu đề: ${quote(cells.filter((cell) => cell !== '').join(' | '))}; cần kiểm tra.`,
      );
      return;
    }
    const afterPageBreak = this.afterPageBreak;
    this.afterPageBreak = false;
    const values = this.valuesOf(cells);
    const lone = this.loneText(row, cells);
    const ordinalText = lone ?? values.ordinal ?? '';
    delete values.ordinal;
    const heading =
      sectionHeading(ordinalText) ?? (ordinalText === '' ? this.headingInContent(values) : null);
    if (heading) {
      this.startArea(row.sourceRow, heading.code, heading.rest || (values.content ?? ''));
    } else if (lone !== null) {
      this.warn(row.sourceRow, null, `Bỏ qua dòng không thuộc bảng nhiệm vụ: ${quote(lone)}.`);
    } else if (ordinalText === '' && this.open && afterPageBreak) {
      this.continueOpenTask(row.sourceRow, this.open, values, 'ô bị ngắt trang');
    } else if (ordinalText === '' && this.open && isFragmentOf(this.open, values)) {
      this.continueOpenTask(row.sourceRow, this.open, values, 'phần tiếp của ô phía trên');
    } else {
      this.startTask(row.sourceRow, ordinalText, values);
    }
  }

  /**
   * A row of header labels only, not the header as read: a header repeated with other words,
   * or a continuation whose fragments happen to be header words. Skipped, and said.
   */
  private looksLikeHeader(cells: string[]): boolean {
    const ordinal = cells[this.ordinalColumn] ?? '';
    if (hierarchicalOrdinal(ordinal) !== null || sectionHeading(ordinal) !== null) return false;
    const filled = cells.filter((cell) => cell !== '');
    return filled.length >= 2 && filled.every((cell) => isHeaderLabel(cell));
  }

  private valuesOf(cells: string[]): Partial<Record<PlanField, string>> {
    const values: Partial<Record<PlanField, string>> = {};
    this.table.columns.forEach((field, column) => {
      if (field && cells[column]) values[field] = cells[column];
    });
    return values;
  }

  /**
   * The one text of a row that says a single thing across the table: a pasted line without
   * tabs, a cell merged over the row (repeated in every column), or text in the ordinal
   * column only. Such a row is a section heading or lies outside the table.
   */
  private loneText(row: SourceRow, cells: string[]): string | null {
    const filledColumns = cells.flatMap((cell, column) => (cell === '' ? [] : [column]));
    const texts = new Set(filledColumns.map((column) => cells[column]));
    if (texts.size !== 1) return null;
    const spansRow = row.cells.length === 1 || filledColumns.length >= 2;
    return spansRow || filledColumns[0] === this.ordinalColumn ? cells[filledColumns[0]] : null;
  }

  /** Some tables leave TT empty and write "II. Cải cách thể chế" in the content column. */
  private headingInContent(values: Partial<Record<PlanField, string>>) {
    const onlyContent = Object.keys(values).every((field) => field === 'content');
    const heading = values.content ? sectionHeading(values.content) : null;
    return heading && heading.rest !== '' && onlyContent ? heading : null;
  }

  private startArea(sourceRow: number, code: string, title: string): void {
    if (this.areas.some((area) => area.code === code)) {
      this.warn(
        sourceRow,
        'ordinal',
        `Mục ${code} xuất hiện lại; các nhiệm vụ tiếp theo vẫn được xếp vào mục ${code}.`,
      );
    } else {
      this.areas.push({ code, title });
    }
    this.area = code;
    this.open = null;
  }

  private startTask(sourceRow: number, ordinalText: string, values: RawTask['values']): void {
    const ordinal = ordinalText === '' ? null : (hierarchicalOrdinal(ordinalText) ?? ordinalText);
    const section = ordinal === null ? null : ordinalSection(ordinal);
    if (ordinal === null) {
      this.warn(
        sourceRow,
        'ordinal',
        'Dòng không có số thứ tự; đã nhận là một nhiệm vụ, cần kiểm tra.',
      );
    } else if (hierarchicalOrdinal(ordinalText) === null) {
      this.warn(
        sourceRow,
        'ordinal',
        `Số thứ tự ${quote(ordinalText)} không phải dạng số (1, 2.1…); cần kiểm tra.`,
      );
    } else if (section !== null && section !== this.area) {
      this.warn(
        sourceRow,
        'ordinal',
        `Số thứ tự ${quote(ordinal)} thuộc mục ${section} nhưng nằm trong ${this.area ? `mục ${this.area}` : 'phần chưa có mục'}; cần kiểm tra.`,
      );
    }
    const task: RawTask = { sourceRow, ordinal, area: this.area, values };
    this.tasks.push(task);
    this.open = task;
  }

  /** A cell split over rows: its rest is appended cell by cell, with a space. */
  private continueOpenTask(
    sourceRow: number,
    task: RawTask,
    values: RawTask['values'],
    why: string,
  ): void {
    for (const [field, text] of Object.entries(values) as [PlanField, string][]) {
      const existing = task.values[field];
      // A cell merged down into the continuation row repeats the same text: not new content.
      if (existing === text) continue;
      task.values[field] = existing ? `${existing} ${text}` : text;
    }
    const label = task.ordinal ? `nhiệm vụ ${task.ordinal}` : 'nhiệm vụ phía trên';
    this.warn(sourceRow, null, `Dòng không có số thứ tự được ghép vào ${label} (${why}).`);
  }

  private warn(row: number, field: PlanProblem['field'], message: string): void {
    this.warnings.push({ row, field, message });
  }
}

/** Walks the body of the task table: sections become areas, numbered rows tasks. */
export function interpretRows(table: TaskTable): InterpretedRows {
  const interpreter = new RowInterpreter(table);
  for (const row of table.body) interpreter.read(row);
  return { areas: interpreter.areas, tasks: interpreter.tasks, warnings: interpreter.warnings };
}
