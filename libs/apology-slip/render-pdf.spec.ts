import { execFile } from 'node:child_process';
import { DRAFT_MARK, renderApologyPdf, type ApologySlipData } from '@cchc/apology-slip';
import { DRAFT_SLIP, flatten, ISSUED_SLIP, ISSUED_SLIP_FIELDS } from './apology-slip.fixture';

// pdf-parse's PDF.js loads its worker with a dynamic import(), which Jest's module sandbox
// refuses; a plain Node process reads the PDF from stdin and answers with JSON.
const EXTRACT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk)).on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  const { text, total } = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text, pages: total }));
});`;

async function pdfText(data: ApologySlipData): Promise<{ text: string; pages: number }> {
  const pdf = await renderApologyPdf(data);
  const json = await new Promise<string>((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', EXTRACT], { cwd: __dirname }, (error, out) =>
      error ? reject(error) : resolve(out),
    );
    child.stdin?.end(pdf);
  });
  const { text, pages } = JSON.parse(json) as { text: string; pages: number };
  return { text: flatten(text), pages };
}

describe('renderApologyPdf', () => {
  it('writes every field of an issued slip, Vietnamese intact, on one page', async () => {
    const { text, pages } = await pdfText(ISSUED_SLIP);
    for (const field of ISSUED_SLIP_FIELDS) expect(text).toContain(field);
    expect(text).not.toContain(DRAFT_MARK);
    expect(pages).toBe(1);
  });

  it('marks a draft and prints no number', async () => {
    const { text } = await pdfText(DRAFT_SLIP);
    expect(text).toContain(DRAFT_MARK);
    expect(text).toContain('Số: .../PXL-...');
    expect(text).not.toContain('12/PXL-VHXH');
  });

  it('runs a long reason onto a second page and keeps the signature whole', async () => {
    const reason = Array.from({ length: 40 }, (_, i) => `Bước xác minh số ${i + 1} tại tổ dân phố`);
    const { text, pages } = await pdfText({ ...ISSUED_SLIP, reason: reason.join('; ') });
    expect(pages).toBe(2);
    expect(text).toContain(`Lý do: ${reason.join('; ')}.`);
    expect(text).toMatch(/TRƯỞNG PHÒNG Trần Văn Đức/);
  });

  it('embeds its font and renders the same slip to the same bytes', async () => {
    const first = await renderApologyPdf(ISSUED_SLIP);
    expect(first.toString('latin1')).toContain('/FontFile2');
    expect((await renderApologyPdf(ISSUED_SLIP)).equals(first)).toBe(true);
  });
});
