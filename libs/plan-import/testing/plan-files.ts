import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { Workbook } from 'exceljs';

/**
 * A pasted plan (narrative lines around tab-separated table lines) rebuilt as other formats,
 * the way a ward would have it: paragraphs and one table. Blank lines are dropped; a line
 * without tabs inside the table becomes a row merged across the table.
 */
export interface PlanLayout {
  before: string[];
  table: string[][];
  after: string[];
  width: number;
}

export function layoutOf(text: string): PlanLayout {
  const lines = text.split(/\r?\n/);
  const tabbed = lines.flatMap((line, index) => (line.includes('\t') ? [index] : []));
  const [first, last] = [tabbed[0], tabbed[tabbed.length - 1]];
  const nonBlank = (part: string[]) => part.filter((line) => line.trim() !== '');
  const table = nonBlank(lines.slice(first, last + 1)).map((line) => line.split('\t'));
  return {
    before: nonBlank(lines.slice(0, first)),
    table,
    after: nonBlank(lines.slice(last + 1)),
    width: Math.max(...table.map((cells) => cells.length)),
  };
}

export async function docxOf(layout: PlanLayout): Promise<Buffer> {
  const rows = layout.table.map(
    (cells) =>
      new TableRow({
        children:
          cells.length === 1
            ? [new TableCell({ children: [new Paragraph(cells[0])], columnSpan: layout.width })]
            : cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })),
      }),
  );
  const document = new Document({
    sections: [
      {
        children: [
          ...layout.before.map((line) => new Paragraph(line)),
          new Table({ rows }),
          ...layout.after.map((line) => new Paragraph(line)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export async function xlsxOf(layout: PlanLayout): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Kế hoạch');
  for (const line of layout.before) sheet.addRow([line]);
  for (const cells of layout.table) {
    const row = sheet.addRow(cells);
    if (cells.length === 1) sheet.mergeCells(row.number, 1, row.number, layout.width);
  }
  for (const line of layout.after) sheet.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvField = (value: string) =>
  /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

export function csvOf(layout: PlanLayout): string {
  const records = [
    ...layout.before.map((line) => [line]),
    ...layout.table,
    ...layout.after.map((line) => [line]),
  ];
  return `\uFEFF${records.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}
