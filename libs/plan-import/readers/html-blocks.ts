import { decodeEntities } from '../text/clean-cell';

/** What the HTML mammoth writes boils down to: paragraphs and tables, in document order. */
export type HtmlBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: HtmlCell[][] };

export interface HtmlCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);
const TOKEN = /<(\/?)([a-zA-Z0-9]+)([^>]*?)\/?>|([^<]+)/g;

function spanAttribute(attributes: string, name: string): number {
  const match = new RegExp(`${name}="(\\d+)"`).exec(attributes);
  return match ? Math.max(1, Number(match[1])) : 1;
}

/**
 * Reads mammoth's output. That output is generated, well-formed and limited to a few tags,
 * so a tokenizer suffices (no HTML parser is installed). A table nested in a cell is
 * flattened into that cell's text.
 */
export function parseHtmlBlocks(html: string): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let tableDepth = 0;
  let rows: HtmlCell[][] = [];
  let cell: HtmlCell | null = null;
  let paragraph = '';
  for (const [, closing, rawTag, attributes, text] of html.matchAll(TOKEN)) {
    if (text !== undefined) {
      if (cell) cell.text += decodeEntities(text);
      else paragraph += decodeEntities(text);
      continue;
    }
    const tag = rawTag.toLowerCase();
    const opening = closing === '';
    if (tag === 'table') {
      tableDepth += opening ? 1 : -1;
      if (tableDepth === 0 && !opening) blocks.push({ kind: 'table', rows });
      if (tableDepth === 1 && opening) rows = [];
    } else if (tableDepth === 1 && tag === 'tr' && opening) {
      rows.push([]);
    } else if (tableDepth === 1 && (tag === 'td' || tag === 'th')) {
      if (opening) {
        cell = {
          text: '',
          colSpan: spanAttribute(attributes, 'colspan'),
          rowSpan: spanAttribute(attributes, 'rowspan'),
        };
        rows[rows.length - 1].push(cell);
      } else if (cell) {
        cell.text = cell.text.trim();
        cell = null;
      }
    } else if (cell && (tag === 'br' || (!opening && (PARAGRAPH_TAGS.has(tag) || tag === 'tr')))) {
      cell.text += '\n';
    } else if (tableDepth === 0 && tag === 'br') {
      paragraph += '\n';
    } else if (tableDepth === 0 && !opening && PARAGRAPH_TAGS.has(tag)) {
      blocks.push({ kind: 'paragraph', text: paragraph });
      paragraph = '';
    }
  }
  return blocks;
}

/**
 * Expands spans into a rectangular grid. A merged cell's text is copied into every position
 * it covers, the same choice as for XLSX: a group header reaches both sub-columns, and a unit
 * merged down several task rows belongs to each of them.
 */
export function expandSpans(rows: HtmlCell[][]): string[][] {
  const grid: string[][] = rows.map(() => []);
  rows.forEach((cells, rowIndex) => {
    let column = 0;
    for (const cell of cells) {
      while (grid[rowIndex][column] !== undefined) column += 1;
      for (let down = 0; down < cell.rowSpan && rowIndex + down < rows.length; down += 1) {
        for (let across = 0; across < cell.colSpan; across += 1) {
          grid[rowIndex + down][column + across] = cell.text;
        }
      }
      column += cell.colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? ''));
}
