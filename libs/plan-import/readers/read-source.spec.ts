import { PlanImportError } from '../plan-import-error';
import { csvOf, docxOf, PlanLayout, xlsxOf } from '../testing/plan-files';
import { UploadFormat } from './read-source';
import { readSource } from './read-source';

describe('readSource', () => {
  const composed = 'Số hóa hồ sơ hộ tịch';
  // Typed decomposed: each letter and its combining marks apart, as some keyboards send them.
  const layout: PlanLayout = {
    before: [`Kế hoạch ${composed}`.normalize('NFD')],
    table: [
      ['TT', 'Nội dung', 'Đơn vị chủ trì'].map((cell) => cell.normalize('NFD')),
      ['1', composed.normalize('NFD'), 'Văn phòng'.normalize('NFD')],
    ],
    after: [],
    width: 3,
  };
  const files: Record<Exclude<UploadFormat, 'text'>, () => Promise<Buffer>> = {
    csv: async () => Buffer.from(csvOf(layout)),
    xlsx: () => xlsxOf(layout),
    docx: () => docxOf(layout),
  };

  it.each(Object.keys(files) as (keyof typeof files)[])(
    'gives %s text composed (NFC), however it was typed',
    async (format) => {
      const document = await readSource(format, await files[format]());
      const cells = document.tables.flatMap((table) => table.rows.flatMap((row) => row.cells));
      expect(cells).toContain(composed.normalize('NFC'));
      const texts = [...cells, ...document.text.map((line) => line.text)];
      expect(texts.every((text) => text === text.normalize('NFC'))).toBe(true);
    },
  );

  it.each(['csv', 'text'] as const)(
    'refuses %s that is not UTF-8 rather than reading U+FFFD',
    async (format) => {
      const read = readSource(format, Buffer.from('TT,Nội dung\n1,Phòng Văn hóa\n', 'latin1'));
      await expect(read).rejects.toBeInstanceOf(PlanImportError);
      await expect(read).rejects.toThrow(/^Tệp không phải UTF-8: hãy lưu lại dưới dạng/);
    },
  );
});
