import { PlanImportError } from '../plan-import-error';
import { readPlanFile, readPlanText } from './read-plan-file';

const TABBED = 'TT\tNội dung\tChủ trì\n1\tViệc một\tVP\n2\tViệc hai\tCA\n';

describe('readPlanText', () => {
  it('reads tab-separated text as a pasted table, other text as PDF text', () => {
    expect(readPlanText(TABBED).format).toBe('tsv');
    expect(readPlanText('TT Nội dung công việc\nBộ phận thực hiện\n1\nViệc').format).toBe(
      'pdf-text',
    );
  });
});

describe('readPlanFile', () => {
  it('chooses the reader by extension, whatever its case', async () => {
    expect((await readPlanFile({ fileName: 'KH.TSV', data: Buffer.from(TABBED) })).format).toBe(
      'tsv',
    );
    expect(
      (await readPlanFile({ fileName: 'ke-hoach.csv', data: Buffer.from('a,b,c\n') })).format,
    ).toBe('csv');
  });

  it('rejects formats it cannot read, saying which it can', async () => {
    const reading = readPlanFile({ fileName: 'ke-hoach.pdf', data: Buffer.from('%PDF-1.7') });
    await expect(reading).rejects.toBeInstanceOf(PlanImportError);
    await expect(reading).rejects.toThrow(/Chưa hỗ trợ tệp '\.pdf'.*\.docx, \.xlsx, \.csv/);
  });
});
