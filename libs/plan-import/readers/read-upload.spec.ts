import { docxOfParagraphs } from '../../../test/support/zip-archive';
import { PlanImportError } from '../plan-import-error';
import { readUpload } from './read-upload';
import { UploadTooLargeError } from './upload-limits';

/** These run the real reader threads (SWC-registered TypeScript), as the API does. */
describe('readUpload', () => {
  it('reads a file in a reader thread, again and again', async () => {
    const csv = Buffer.from('TT,Nội dung,Chủ trì\n1,Việc &#99999999;,VP\n');
    for (let round = 0; round < 3; round += 1) {
      const document = await readUpload('csv', csv);
      expect(document.tables[0].rows[1].cells).toEqual(['1', 'Việc &#99999999;', 'VP']);
    }
  });

  it('reads several files at once, more than there are threads', async () => {
    const texts = Array.from({ length: 5 }, (_, index) => `TT,Nội dung,Chủ trì\n${index},x,y\n`);
    const documents = await Promise.all(texts.map((text) => readUpload('csv', Buffer.from(text))));
    expect(documents.map((document) => document.tables[0].rows[1].cells[0])).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('refuses a zip bomb with 413 material, and a broken file as unreadable', async () => {
    const bomb = readUpload('docx', await docxOfParagraphs(300));
    await expect(bomb).rejects.toBeInstanceOf(UploadTooLargeError);
    await expect(bomb).rejects.toThrow(/giải nén vượt quá 100 MB/);
    const broken = readUpload('xlsx', Buffer.from('PK not really'));
    await expect(broken).rejects.toBeInstanceOf(PlanImportError);
    await expect(broken).rejects.not.toBeInstanceOf(UploadTooLargeError);
    await expect(broken).rejects.toThrow(/Không đọc được tệp Excel/);
  });

  it('stops a read that outlasts its time limit, and the next read gets a fresh thread', async () => {
    const slow = readUpload('docx', await docxOfParagraphs(0.1), 1);
    await expect(slow).rejects.toThrow(/Đọc tệp quá 0.001 giây nên đã dừng/);
    await expect(readUpload('csv', Buffer.from('a,b,c\n'))).resolves.toMatchObject({
      format: 'csv',
    });
  });

  it.each([
    ['csv', 'CSV UTF-8'],
    ['text', 'văn bản (.txt) UTF-8'],
  ] as const)(
    'refuses %s that is not UTF-8 (cp1258 from Excel) naming its first bad line',
    async (format, saveAs) => {
      const bytes = Buffer.concat([
        Buffer.from('TT,Nội dung,Đơn vị chủ trì\r\n1,Rà soát,Văn phòng\r\n'),
        Buffer.from('2,Số hóa,Phòng Văn hóa\r\n', 'latin1'),
      ]);
      const read = readUpload(format, bytes);
      await expect(read).rejects.toBeInstanceOf(PlanImportError);
      await expect(read).rejects.toMatchObject({
        message: `Dòng 3: Tệp không phải UTF-8: hãy lưu lại dưới dạng ${saveAs}.`,
        problems: [{ row: 3, field: 'table' }],
      });
    },
  );
});
