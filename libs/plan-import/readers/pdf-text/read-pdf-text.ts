import { FIELD_LABELS } from '../../table/columns';
import { sectionHeading } from '../../table/ordinals';
import { foldKey } from '../../text/fold';
import type { PlanField, PlanProblem, SourceDocument, SourceLine, SourceRow } from '../../types';
import { numberedLines } from '../read-delimited-text';
import { findPdfHeader, type PdfHeader } from './pdf-header';
import { PdfRowCells } from './pdf-row-cells';

/** Lines after which the table is over: the recipients and signature blocks. */
const END_OF_TABLE = /^(?:Nơi nhận|TM\.\s)/u;
/** "1", "2.1", or "1 Cử CBCC …" when the row's first line shares the ordinal's line. */
const ORDINAL_LINE = /^(\d{1,3}(?:\.\d{1,3})*)\.?(?:\s+(.*))?$/u;
/** A number followed by these words is a duration ("6 tháng đầu năm"), not an ordinal. */
const NOT_AN_ORDINAL = /^(?:tháng|năm|ngày|quý)(?![\p{L}])/iu;

interface OpenRow {
  sourceRow: number;
  ordinal: string;
  cells: PdfRowCells;
  /** What came after a page break, kept apart until the row ends. */
  afterBreak: PdfRowCells | null;
  splitLine: boolean;
}

class PdfTableBuilder {
  readonly rows: SourceRow[] = [];
  readonly warnings: PlanProblem[] = [];
  private readonly bodyFields: PlanField[];
  private row: OpenRow | null = null;
  private lastSection: string[] | null = null;
  private lastInArea = 0;
  private lastTop = 0;

  constructor(
    private readonly header: PdfHeader,
    private readonly lines: SourceLine[],
  ) {
    this.bodyFields = header.fields.filter((field) => field !== 'ordinal');
    this.rows.push({
      sourceRow: header.sourceRow,
      cells: header.fields.map((field) => FIELD_LABELS[field]),
    });
  }

  build(): void {
    let index = this.header.end;
    while (index < this.lines.length) {
      const { text, sourceRow } = this.lines[index];
      if (END_OF_TABLE.test(text)) break;
      if (this.startsHeader(index)) {
        index = this.skipHeader(index);
        if (this.row) this.row.afterBreak ??= new PdfRowCells(this.bodyFields);
        continue;
      }
      index += 1;
      if (this.isPageNumber(index - 1)) continue;
      const heading = sectionHeading(text);
      if (heading && /^\p{Lu}/u.test(heading.rest)) {
        this.closeRow();
        this.lastSection = this.sectionCells(heading.code, heading.rest);
        this.rows.push({ sourceRow, cells: this.lastSection });
        this.lastInArea = 0;
        continue;
      }
      const ordinalLine = ORDINAL_LINE.exec(text);
      if (ordinalLine && this.acceptsOrdinal(ordinalLine[1], ordinalLine[2] ?? '')) {
        this.closeRow();
        this.openRow(sourceRow, ordinalLine[1]);
        if (ordinalLine[2]) this.addLine(ordinalLine[2], index);
        continue;
      }
      if (!this.row && this.lastSection && /^\p{Ll}/u.test(text)) {
        // A section title wrapped over two lines.
        this.lastSection[this.bodyTitleColumn()] += ` ${text}`;
        continue;
      }
      if (!this.row) this.openRow(sourceRow, '');
      this.addLine(text, index);
    }
    this.closeRow();
  }

  private startsHeader(index: number): boolean {
    return index < this.lines.length && foldKey(this.lines[index].text) === this.header.lineKeys[0];
  }

  /** A bare number just before the repeated header. */
  private isPageNumber(index: number): boolean {
    return /^\d{1,3}$/.test(this.lines[index]?.text ?? '') && this.startsHeader(index + 1);
  }

  private skipHeader(index: number): number {
    let next = index;
    while (
      next < this.lines.length &&
      next - index < this.header.lineKeys.length &&
      this.header.lineKeys.includes(foldKey(this.lines[next].text))
    ) {
      next += 1;
    }
    return next;
  }

  /** Ordinals run on (1, 2, 3 …) within a section or across the plan; "2023" is not one. */
  private acceptsOrdinal(ordinal: string, rest: string): boolean {
    if (NOT_AN_ORDINAL.test(rest)) return false;
    const top = Number(ordinal.split('.')[0]);
    if (ordinal.includes('.'))
      return top >= 1 && top <= Math.max(this.lastTop, this.lastInArea) + 1;
    return top === 1 || top === this.lastInArea + 1 || top === this.lastTop + 1;
  }

  private openRow(sourceRow: number, ordinal: string): void {
    this.row = {
      sourceRow,
      ordinal,
      cells: new PdfRowCells(this.bodyFields),
      afterBreak: null,
      splitLine: false,
    };
    if (ordinal === '') return;
    const top = Number(ordinal.split('.')[0]);
    this.lastInArea = top;
    this.lastTop = Math.max(this.lastTop, top);
  }

  /** The last line before a page break may hold the first line of several cells. */
  private addLine(text: string, nextIndex: number): void {
    const row = this.row as OpenRow;
    if (row.afterBreak) return row.afterBreak.addAfterPageBreak(text, row.cells);
    const pageEnds = this.startsHeader(nextIndex) || this.isPageNumber(nextIndex);
    if (row.cells.add(text, pageEnds).cellsInLine > 1) row.splitLine = true;
  }

  private closeRow(): void {
    const row = this.row;
    if (!row) return;
    this.row = null;
    const tail = row.afterBreak && !row.afterBreak.isEmpty ? row.afterBreak : null;
    const cells = this.header.fields.map((field) => {
      if (field === 'ordinal') return row.ordinal;
      return [row.cells.text(field), tail?.text(field) ?? '']
        .filter((part) => part !== '')
        .join(' ');
    });
    this.rows.push({ sourceRow: row.sourceRow, cells });
    this.reportDoubts(row, tail);
  }

  private reportDoubts(row: OpenRow, tail: PdfRowCells | null): void {
    const doubts: string[] = [];
    if (row.splitLine) {
      doubts.push('dòng cuối trang chứa nhiều ô liền nhau đã được tách theo phỏng đoán');
    }
    if (tail) {
      const carried = this.bodyFields
        .map((field) => tail.text(field))
        .filter((part) => part !== '')
        .join(' | ');
      doubts.push(`phần ở trang sau ('${carried}') đã được ghép vào các cột theo phỏng đoán`);
    }
    if (doubts.length === 0) return;
    const label = row.ordinal ? `Nhiệm vụ ${row.ordinal}` : 'Dòng này';
    this.warnings.push({
      row: row.sourceRow,
      field: null,
      message: `${label} bị ngắt trang: ${doubts.join('; ')}. Cần đối chiếu bản gốc.`,
    });
  }

  private sectionCells(code: string, title: string): string[] {
    return this.header.fields.map((field, column) =>
      field === 'ordinal' ? code : column === this.bodyTitleColumn() ? title : '',
    );
  }

  private bodyTitleColumn(): number {
    return this.header.fields.indexOf(this.bodyFields[0]);
  }
}

/**
 * Text extracted from a PDF: no delimiters, every cell wrapped over several lines, the
 * header repeated (with a page number) at each page break. The table is rebuilt row by row
 * with the column order read from the header; rows cut by a page break are reported, since
 * what follows the break can only be assigned to columns by guessing.
 */
export function readPdfText(text: string): SourceDocument {
  const lines = numberedLines(text)
    .map((line) => ({ sourceRow: line.sourceRow, text: line.text.trim() }))
    .filter((line) => line.text !== '');
  const header = findPdfHeader(lines);
  if (!header) return { format: 'pdf-text', tables: [], text: lines, warnings: [] };
  const builder = new PdfTableBuilder(header, lines);
  builder.build();
  const rebuilt: PlanProblem = {
    row: header.sourceRow,
    field: 'table',
    message:
      'Bảng được dựng lại từ văn bản trích từ PDF (không có ranh giới ô); cần kiểm tra lại từng dòng.',
  };
  return {
    format: 'pdf-text',
    tables: [{ rows: builder.rows }],
    text: lines,
    warnings: [rebuilt, ...builder.warnings],
  };
}
