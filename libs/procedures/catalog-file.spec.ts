import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { docxOfParagraphs } from '../../test/support/zip-archive';
import { readSheetFile } from './catalog-file';

describe('readSheetFile', () => {
  it('reads an XLSX by its signature and a CSV by its name', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Danh mục').addRow(['Mã', 'Tên', 'Số ngày', 'Đơn vị']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readSheetFile({ fileName: 'danh-muc', data: xlsx })).toEqual([
      { sourceRow: 1, cells: ['Mã', 'Tên', 'Số ngày', 'Đơn vị'] },
    ]);
    const csv = Buffer.from('Mã;Tên;Số ngày;Đơn vị\n1.000894;Khai sinh;5;VHXH\n');
    expect(await readSheetFile({ fileName: 'danh-muc.csv', data: csv })).toHaveLength(2);
  });

  it('answers 413 for an archive that expands too far, 400 for an unreadable file', async () => {
    const bomb = readSheetFile({ fileName: 'danh-muc.xlsx', data: await docxOfParagraphs(300) });
    await expect(bomb).rejects.toBeInstanceOf(PayloadTooLargeException);
    await expect(bomb).rejects.toThrow(/^file: Tệp khi giải nén vượt quá 100 MB/);
    const quote = readSheetFile({ fileName: 'a.csv', data: Buffer.from('a,b,"c\n1,2,3\n') });
    await expect(quote).rejects.toBeInstanceOf(BadRequestException);
    await expect(quote).rejects.toThrow(/^file: .*ngoặc kép/);
    const pdf = readSheetFile({ fileName: 'a.pdf', data: Buffer.from('%PDF') });
    await expect(pdf).rejects.toThrow('file: a.pdf không phải tệp CSV hoặc Excel (.xlsx)');
  });
});
