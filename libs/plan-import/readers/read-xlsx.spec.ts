import { Workbook } from 'exceljs';
import { PlanImportError } from '../plan-import-error';
import { assertMergesWithinLimits, cellValueText, readXlsx } from './read-xlsx';

async function workbookBuffer(build: (workbook: Workbook) => void): Promise<Buffer> {
  const workbook = new Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('reads every sheet; merged cells carry the master value; empty rows are skipped', async () => {
    const data = await workbookBuffer((workbook) => {
      workbook.addWorksheet('Bìa').addRow(['KẾ HOẠCH cải cách hành chính năm 2026']);
      const sheet = workbook.addWorksheet('Phụ lục');
      sheet.addRow(['TT', 'Nội dung', 'Cơ quan thực hiện', null, 'Thời gian']);
      sheet.addRow([null, null, 'Chủ trì', 'Phối hợp', null]);
      sheet.mergeCells('A1:A2');
      sheet.mergeCells('B1:B2');
      sheet.mergeCells('C1:D1');
      sheet.mergeCells('E1:E2');
      sheet.addRow([]);
      sheet.addRow(['I. Chỉ đạo điều hành']);
      sheet.mergeCells('A4:E4');
      sheet.addRow([1, 'Ban hành kế hoạch', 'Phòng VHXH', 'VP', new Date(Date.UTC(2026, 0, 15))]);
    });
    const document = await readXlsx(data);
    expect(document.format).toBe('xlsx');
    expect(document.tables.map((table) => table.rows)).toEqual([
      [{ sourceRow: 1, cells: ['KẾ HOẠCH cải cách hành chính năm 2026'] }],
      [
        {
          sourceRow: 1,
          cells: ['TT', 'Nội dung', 'Cơ quan thực hiện', 'Cơ quan thực hiện', 'Thời gian'],
        },
        { sourceRow: 2, cells: ['TT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời gian'] },
        { sourceRow: 4, cells: Array(5).fill('I. Chỉ đạo điều hành') },
        { sourceRow: 5, cells: ['1', 'Ban hành kế hoạch', 'Phòng VHXH', 'VP', '15/01/2026'] },
      ],
    ]);
    expect(document.text.map((line) => line.text)).toEqual([
      'KẾ HOẠCH cải cách hành chính năm 2026',
      'I. Chỉ đạo điều hành',
    ]);
  });

  it('writes a date as the sheet shows it: a month stays a month, not its 1st', async () => {
    const data = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('KH');
      const formats = ['mm/yyyy', 'mmm-yy', 'dd/mm/yyyy', 'd-mmm', '"Tháng "mm"/"yyyy'];
      for (const numFmt of formats) {
        const row = sheet.addRow([numFmt, new Date(Date.UTC(2026, 10, 1))]);
        row.getCell(2).numFmt = numFmt;
      }
      const ordinal = sheet.addRow([1.1]);
      ordinal.getCell(1).numFmt = '0.00';
    });
    const [sheet] = (await readXlsx(data)).tables;
    expect(sheet.rows.map((row) => row.cells)).toEqual([
      ['mm/yyyy', '11/2026'],
      ['mmm-yy', '11/2026'],
      ['dd/mm/yyyy', '01/11/2026'],
      ['d-mmm', '01/11'],
      ['"Tháng "mm"/"yyyy', '11/2026'],
      ['1.10', ''],
    ]);
  });

  it('rejects a file that is not an XLSX', async () => {
    await expect(readXlsx(Buffer.from('not a zip'))).rejects.toBeInstanceOf(PlanImportError);
  });
});

describe('assertMergesWithinLimits', () => {
  const sheet = (...refs: string[]) =>
    `<worksheet><mergeCells>${refs.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells></worksheet>`;

  it('passes the merges of a plan table', () => {
    expect(() => assertMergesWithinLimits([sheet('A1:A2', 'C1:D1', 'A4:H4')])).not.toThrow();
  });

  it('refuses a merge over a whole sheet, or too many merged cells, before ExcelJS fills them', () => {
    expect(() => assertMergesWithinLimits([sheet('A1:XFD1048576')])).toThrow(PlanImportError);
    expect(() => assertMergesWithinLimits([sheet('A1:A1048576')])).toThrow(/A1:A1048576/);
    const many = Array.from(
      { length: 11 },
      (_, index) => `A${index * 10000 + 1}:J${index * 10000 + 1000}`,
    );
    expect(() => assertMergesWithinLimits([sheet(...many)])).toThrow(/vùng gộp ô quá lớn/);
  });
});

describe('cellValueText', () => {
  it('reads rich text, formulas, hyperlinks and plain values', () => {
    expect(
      cellValueText({ richText: [{ text: 'Phòng ' }, { text: 'VHXH', font: { bold: true } }] }),
    ).toBe('Phòng VHXH');
    expect(cellValueText({ formula: 'A1+1', result: 2 })).toBe('2');
    expect(cellValueText({ text: 'Cổng TTĐT', hyperlink: 'https://example.vn' })).toBe('Cổng TTĐT');
    expect(cellValueText(2.1)).toBe('2.1');
    expect(cellValueText(true)).toBe('true');
    expect(cellValueText(null)).toBe('');
    expect(cellValueText({ error: '#N/A' })).toBe('');
  });

  it('keeps the date parts and decimals the number format shows', () => {
    const november = new Date(Date.UTC(2026, 10, 1));
    expect(cellValueText(november)).toBe('01/11/2026');
    expect(cellValueText(november, 'mm/yyyy')).toBe('11/2026');
    expect(cellValueText(november, '[$-42A]mmmm yyyy')).toBe('11/2026');
    expect(cellValueText(november, 'General')).toBe('01/11/2026');
    expect(cellValueText(november, 'h:mm')).toBe('01/11/2026');
    expect(cellValueText({ formula: 'A1', result: november }, 'mm/yyyy')).toBe('11/2026');
    expect(cellValueText(2.1, '0.00')).toBe('2.10');
    expect(cellValueText(2.1, 'General')).toBe('2.1');
  });
});
