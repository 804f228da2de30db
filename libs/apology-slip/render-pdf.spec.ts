import { DRAFT_MARK, renderApologyPdf, type ApologySlipData } from '@cchc/apology-slip';
import { DRAFT_SLIP, ISSUED_SLIP, ISSUED_SLIP_FIELDS } from './apology-slip.fixture';
import { pdfPages } from '../../test/support/document-text';

async function pdfText(data: ApologySlipData): Promise<{ text: string; pages: number }> {
  return pdfPages(await renderApologyPdf(data));
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
