import { describeWithSeed } from '../../test/support/seeds';
import { buildPlanPreview, readPlanFile, type PlanPreview } from '@cchc/plan-import';
import { csvOf, docxOf, layoutOf, xlsxOf } from './testing/plan-files';
import { resolverFor, unrecognizedDeadline, WARD_UNITS } from './testing/ward-units';

const options = { parseDeadline: unrecognizedDeadline, resolveUnit: resolverFor(WARD_UNITS) };

/** Row numbers differ by format (line, sheet row, record, block); everything else must not. */
function withoutRowNumbers(preview: PlanPreview) {
  return {
    ...preview,
    tasks: preview.tasks.map(({ sourceRow: _sourceRow, ...task }) => task),
    warnings: preview.warnings.map(({ row: _row, ...warning }) => warning),
    errors: preview.errors.map(({ row: _row, ...error }) => error),
  };
}

async function previewOfFile(fileName: string, data: Buffer) {
  return withoutRowNumbers(buildPlanPreview(await readPlanFile({ fileName, data }), options));
}

describeWithSeed('002', 'the rows of seed 002 as DOCX, XLSX and CSV', (seedText) => {
  let fromText: ReturnType<typeof withoutRowNumbers>;
  beforeAll(async () => {
    fromText = await previewOfFile('ke-hoach.txt', Buffer.from(seedText(), 'utf8'));
    expect(fromText.tasks).toHaveLength(45);
  });

  it('a Word document (paragraphs and a table, section rows merged across) gives the same preview', async () => {
    const data = await docxOf(layoutOf(seedText()));
    expect(await previewOfFile('ke-hoach.docx', data)).toEqual(fromText);
  });

  it('an Excel workbook (section rows as merged cells) gives the same preview', async () => {
    const data = await xlsxOf(layoutOf(seedText()));
    expect(await previewOfFile('ke-hoach.xlsx', data)).toEqual(fromText);
  });

  it('a CSV export (UTF-8 BOM, CRLF, quoted fields) gives the same preview', async () => {
    const data = Buffer.from(csvOf(layoutOf(seedText())), 'utf8');
    expect(await previewOfFile('ke-hoach.csv', data)).toEqual(fromText);
  });
});
