import { BadRequestException } from '@nestjs/common';
import { readCriteriaFile } from './criteria-file';

const TREE = {
  issuer: 'UBND thành phố Hải Phòng',
  year: 2026,
  criteria: [
    { code: 'I', name: 'Công tác chỉ đạo, điều hành', maxPoints: 2, method: 'self' },
    { code: '1.1', name: 'Kế hoạch cải cách hành chính', maxPoints: 2, method: 'self' },
  ],
};
const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));

/** What `readCriteriaFile` refused the file with (its 400's message), or null when it read it. */
async function refusal(data: Buffer, fileName = 'tieu-chi.json'): Promise<unknown> {
  try {
    await readCriteriaFile({ fileName, data }, {});
    return null;
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return error.message;
  }
}

describe('readCriteriaFile (JSON)', () => {
  it('reads a UTF-8 JSON file, with or without a BOM', async () => {
    const upload = await readCriteriaFile({ fileName: 'tieu-chi.json', data: json(TREE) }, {});
    expect(upload.tree.criteria.map((c) => c.name)).toEqual([
      'Công tác chỉ đạo, điều hành',
      'Kế hoạch cải cách hành chính',
    ]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json(TREE)]);
    expect(await refusal(bom)).toBeNull();
  });

  it('refuses bytes that are not UTF-8, naming the file and the line, never storing U+FFFD', async () => {
    // Saved in cp1258 (or latin-1), "hành" has the single byte 0xE0 for "à".
    const cp1258 = Buffer.from(JSON.stringify(TREE, null, 2), 'latin1');
    expect(await refusal(cp1258)).toBe(
      'file: Dòng 2: Tệp không phải UTF-8: hãy lưu lại dưới dạng JSON UTF-8.',
    );
    // Told by its first byte, whatever its name.
    expect(await refusal(cp1258, 'tieu-chi.txt')).toMatch(/^file: Dòng 2: Tệp không phải UTF-8/);
    // A sequence cut short (0xC3 then "("), as a percent-encoded %C3%28 would be.
    const cut = Buffer.concat([json(TREE).subarray(0, 60), Buffer.from([0xc3, 0x28])]);
    expect(await refusal(cut)).toMatch(/^file: Dòng \d+: Tệp không phải UTF-8/);
  });

  it('names the rows that are no criterion at all, and refuses JSON nested deeper than a tree', async () => {
    const [area, criterion] = TREE.criteria;
    const data = json({
      ...TREE,
      criteria: [area, [{ ...criterion, name: '' }], 'x', { ...criterion, name: '' }],
    });
    const refused = await readCriteriaFile({ fileName: 'tieu-chi.json', data }, {}).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(BadRequestException);
    const { problems } = (refused as BadRequestException).getResponse() as {
      problems: { row: number; field: string }[];
    };
    expect(problems.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 2, field: 'criteria' },
      { row: 3, field: 'criteria' },
      { row: 4, field: 'name' },
    ]);
    // Built as text: JSON.stringify itself cannot go 3,000 levels deep.
    const deep = Buffer.from(`{"criteria":${'['.repeat(3000)}${']'.repeat(3000)}}`);
    expect(await refusal(deep)).toBe('file: JSON lồng quá 32 cấp');
  });

  it('still says when valid UTF-8 is not JSON', async () => {
    expect(await refusal(Buffer.from('{"issuer": '))).toMatch(/^file: JSON không đọc được/);
  });
});
