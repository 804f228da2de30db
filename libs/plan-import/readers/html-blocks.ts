import { Parser } from 'htmlparser2';
import { MAX_TABLE_COLUMNS, tableTooWide } from './upload-limits';

/** What the HTML mammoth writes boils down to: paragraphs and tables, in document order. */
export type HtmlBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: HtmlCell[][] };

export interface HtmlCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

/**
 * A span as written, at least 1. Columns are capped at the widest table read at all; rows
 * need no cap here, since expandSpans stops a span at the table's last row.
 */
function spanAttribute(value: string | undefined, max: number): number {
  const span = /^\s*\d+/.test(value ?? '') ? parseInt(value as string, 10) : 1;
  return Math.min(Math.max(1, span), max);
}

/**
 * Reads mammoth's output with htmlparser2 (which also decodes entities). A table nested in a
 * cell is flattened into that cell's text.
 */
export function parseHtmlBlocks(html: string): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let tableDepth = 0;
  let rows: HtmlCell[][] = [];
  let cell: HtmlCell | null = null;
  let paragraph = '';
  const parser = new Parser({
    onopentag(tag, attributes) {
      if (tag === 'table') {
        tableDepth += 1;
        if (tableDepth === 1) rows = [];
      } else if (tableDepth === 1 && tag === 'tr') {
        rows.push([]);
      } else if (tableDepth === 1 && (tag === 'td' || tag === 'th') && rows.length > 0) {
        cell = {
          text: '',
          colSpan: spanAttribute(attributes.colspan, MAX_TABLE_COLUMNS),
          rowSpan: spanAttribute(attributes.rowspan, Number.MAX_SAFE_INTEGER),
        };
        rows[rows.length - 1].push(cell);
      } else if (tag === 'br') {
        if (cell) cell.text += '\n';
        else if (tableDepth === 0) paragraph += '\n';
      }
    },
    ontext(text) {
      if (cell) cell.text += text;
      else if (tableDepth === 0) paragraph += text;
    },
    onclosetag(tag) {
      if (tag === 'table') {
        tableDepth = Math.max(0, tableDepth - 1);
        if (tableDepth === 0) blocks.push({ kind: 'table', rows });
      } else if (tableDepth === 1 && (tag === 'td' || tag === 'th') && cell) {
        cell.text = cell.text.trim();
        cell = null;
      } else if (cell && (PARAGRAPH_TAGS.has(tag) || tag === 'tr')) {
        cell.text += '\n';
      } else if (tableDepth === 0 && PARAGRAPH_TAGS.has(tag)) {
        blocks.push({ kind: 'paragraph', text: paragraph });
        paragraph = '';
      }
    },
  });
  parser.end(html);
  return blocks;
}

/**
 * Expands spans into a rectangular grid. A merged cell's text is copied into every position
 * it covers, the same choice as for XLSX: a group header reaches both sub-columns, and a unit
 * merged down several task rows belongs to each of them. A grid wider than any plan table
 * (a crafted file) is refused before it is built.
 */
export function expandSpans(rows: HtmlCell[][]): string[][] {
  const grid: string[][] = rows.map(() => []);
  rows.forEach((cells, rowIndex) => {
    let column = 0;
    for (const cell of cells) {
      while (grid[rowIndex][column] !== undefined) column += 1;
      if (column + cell.colSpan > MAX_TABLE_COLUMNS) throw tableTooWide();
      for (let down = 0; down < cell.rowSpan && rowIndex + down < rows.length; down += 1) {
        for (let across = 0; across < cell.colSpan; across += 1) {
          grid[rowIndex + down][column + across] = cell.text;
        }
      }
      column += cell.colSpan;
    }
  });
  const width = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  return grid.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? ''));
}
