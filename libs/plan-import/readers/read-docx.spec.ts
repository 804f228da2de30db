import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { PlanImportError } from '../plan-import-error';
import { readDocx } from './read-docx';

const cell = (text: string | string[], span: { columnSpan?: number; rowSpan?: number } = {}) =>
  new TableCell({ children: [text].flat().map((line) => new Paragraph(line)), ...span });

async function wardPlanDocx(): Promise<Buffer> {
  const table = new Table({
    rows: [
      new TableRow({
        children: [
          cell('TT', { rowSpan: 2 }),
          cell('Nhiệm vụ', { rowSpan: 2 }),
          cell('Cơ quan thực hiện', { columnSpan: 2 }),
          cell('Thời hạn', { rowSpan: 2 }),
        ],
      }),
      new TableRow({ children: [cell('Chủ trì'), cell('Phối hợp')] }),
      new TableRow({ children: [cell('I. Chỉ đạo điều hành', { columnSpan: 5 })] }),
      new TableRow({
        children: [
          cell('1'),
          cell('Ban hành kế hoạch'),
          cell('Phòng VHXH', { rowSpan: 2 }),
          cell(['VP', 'Công an']),
          cell('Quý I/2026'),
        ],
      }),
      new TableRow({ children: [cell('2'), cell('Kiểm tra'), cell(''), cell('Cả năm 2026')] }),
    ],
  });
  const document = new Document({
    sections: [
      {
        children: [new Paragraph('KẾ HOẠCH'), new Paragraph('Cải cách hành chính năm 2026'), table],
      },
    ],
  });
  return Packer.toBuffer(document);
}

describe('readDocx', () => {
  it('reads paragraphs as narrative and the table as a grid with merged cells copied', async () => {
    const document = await readDocx(await wardPlanDocx());
    expect(document.format).toBe('docx');
    expect(document.text).toEqual([
      { sourceRow: 1, text: 'KẾ HOẠCH' },
      { sourceRow: 2, text: 'Cải cách hành chính năm 2026' },
    ]);
    expect(document.tables).toHaveLength(1);
    expect(document.tables[0].rows).toEqual([
      {
        sourceRow: 3,
        cells: ['TT', 'Nhiệm vụ', 'Cơ quan thực hiện', 'Cơ quan thực hiện', 'Thời hạn'],
      },
      { sourceRow: 4, cells: ['TT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn'] },
      { sourceRow: 5, cells: Array(5).fill('I. Chỉ đạo điều hành') },
      {
        sourceRow: 6,
        cells: ['1', 'Ban hành kế hoạch', 'Phòng VHXH', 'VP\nCông an', 'Quý I/2026'],
      },
      { sourceRow: 7, cells: ['2', 'Kiểm tra', 'Phòng VHXH', '', 'Cả năm 2026'] },
    ]);
  });

  it('rejects a file that is not a DOCX', async () => {
    await expect(readDocx(Buffer.from('not a zip'))).rejects.toBeInstanceOf(PlanImportError);
  });
});
