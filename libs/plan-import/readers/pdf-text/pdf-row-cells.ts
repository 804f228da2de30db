import type { PlanField } from '../../types';
import {
  continuesCell,
  isDeadlineContinuation,
  leaderCellOpen,
  leaderContinuationLength,
  RECOGNISABLE,
  startsCell,
  unitCellOpen,
} from './cell-starts';

/** Where a second cell starts inside a line, and which column it is. */
interface CellBoundary {
  at: number;
  column: number;
}

/**
 * The cells of one table row rebuilt from PDF lines. Lines arrive in column order; each goes
 * on with the current cell unless it recognisably starts a later one. Only the beginnings of
 * leader, unit and deadline cells can be recognised, so free-text columns (content, product)
 * are whatever lies between them.
 */
export class PdfRowCells {
  private readonly pieces: string[][];
  private current = 0;

  constructor(private readonly fields: PlanField[]) {
    this.pieces = fields.map(() => []);
  }

  get isEmpty(): boolean {
    return this.pieces.every((cell) => cell.length === 0);
  }

  text(field: PlanField): string {
    const index = this.fields.indexOf(field);
    return index < 0 ? '' : this.pieces[index].join(' ');
  }

  /** One line of the row; `mayHoldSeveralCells` for the last line of a page, where a PDF
   *  extractor often puts the first line of every cell side by side. */
  add(line: string, mayHoldSeveralCells = false): { cellsInLine: number } {
    let rest = line.trim();
    let startedColumn: number | null = null;
    let cellsInLine = 0;
    while (rest !== '') {
      const boundary: CellBoundary | null = mayHoldSeveralCells
        ? this.firstCellBoundary(rest, startedColumn)
        : null;
      const piece = boundary ? rest.slice(0, boundary.at).trim() : rest;
      this.push(startedColumn ?? this.columnFor(piece), piece);
      cellsInLine += 1;
      startedColumn = boundary?.column ?? null;
      rest = boundary ? rest.slice(boundary.at).trim() : '';
    }
    return { cellsInLine };
  }

  /**
   * A line of the same row after a page break and its repeated header. It goes on with the
   * content first; but a line starting with the rest of a cut leader cell ("tịch UBND …")
   * carries the rest of the leader, unit and deadline cells side by side.
   */
  addAfterPageBreak(line: string, before: PdfRowCells): void {
    const leader = this.fields.indexOf('leader');
    const leaderRest =
      leader >= 0 && leaderCellOpen(before.text('leader')) ? leaderContinuationLength(line) : 0;
    if (leaderRest === 0) {
      this.add(line);
      return;
    }
    this.push(leader, line.slice(0, leaderRest));
    const rest = line.slice(leaderRest).trim();
    const deadlineAt = this.fields.includes('deadline')
      ? this.wordPositions(rest).find((at) => isDeadlineContinuation(rest.slice(at)))
      : undefined;
    const middle = rest.slice(0, deadlineAt ?? rest.length).trim();
    if (middle !== '') {
      const unit = this.fields.indexOf('leadUnit');
      const unitGoesOn = unit > leader && unitCellOpen(before.text('leadUnit'));
      this.push(unitGoesOn ? unit : (this.freeColumnAfter(leader) ?? leader), middle);
    }
    if (deadlineAt !== undefined) {
      this.push(this.fields.indexOf('deadline'), rest.slice(deadlineAt));
    }
  }

  private push(column: number, text: string): void {
    this.pieces[column].push(text);
    this.current = column;
  }

  private columnFor(text: string): number {
    if (this.isEmpty) return 0;
    const field = this.fields[this.current];
    const cell = this.pieces[this.current].join(' ');
    if (RECOGNISABLE.has(field) && continuesCell(field, cell, text)) return this.current;
    const started = this.startedColumn(this.current, text);
    if (started !== null) return started;
    return RECOGNISABLE.has(field)
      ? (this.freeColumnAfter(this.current) ?? this.current)
      : this.current;
  }

  /**
   * The later column `text` begins, if any. While still in the content only the next
   * recognisable column (or an unmistakable deadline) may begin: a capitalised word inside
   * a long content cell must not cut it.
   */
  private startedColumn(from: number, text: string): number | null {
    const contentBehind = this.fields[from] !== 'content';
    let firstRecognisable = true;
    for (let column = from + 1; column < this.fields.length; column += 1) {
      const field = this.fields[column];
      if (!RECOGNISABLE.has(field)) continue;
      const allowed = contentBehind || firstRecognisable || field === 'deadline';
      if (allowed && startsCell(field, text, contentBehind)) return column;
      firstRecognisable = false;
    }
    return null;
  }

  private freeColumnAfter(from: number): number | null {
    for (let column = from + 1; column < this.fields.length; column += 1) {
      if (!RECOGNISABLE.has(this.fields[column])) return column;
    }
    return null;
  }

  /** Where, in a line holding several cells, the second one starts, and its column. */
  private firstCellBoundary(text: string, column: number | null): CellBoundary | null {
    for (const at of this.wordPositions(text).slice(1)) {
      const next = this.startedColumn(
        column ?? this.columnFor(text.slice(0, at).trim()),
        text.slice(at),
      );
      if (next !== null) return { at, column: next };
    }
    return null;
  }

  private wordPositions(text: string): number[] {
    return [...text.matchAll(/\S+/g)].map((match) => match.index);
  }
}
