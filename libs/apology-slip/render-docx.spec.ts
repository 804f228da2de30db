import mammoth from 'mammoth';
import { DRAFT_MARK, renderApologyDocx, type ApologySlipData } from '@cchc/apology-slip';
import { DRAFT_SLIP, ISSUED_SLIP, ISSUED_SLIP_FIELDS } from './apology-slip.fixture';
import { docxText as extractDocx } from '../../test/support/document-text';

async function docxText(data: ApologySlipData): Promise<string> {
  return extractDocx(await renderApologyDocx(data));
}

describe('renderApologyDocx', () => {
  it('writes every field of an issued slip', async () => {
    const text = await docxText(ISSUED_SLIP);
    for (const field of ISSUED_SLIP_FIELDS) expect(text).toContain(field);
    expect(text).not.toContain(DRAFT_MARK);
  });

  it('bolds the title, the unit, the motto and the signer', async () => {
    const { value: html } = await mammoth.convertToHtml({
      buffer: await renderApologyDocx(ISSUED_SLIP),
    });
    for (const bold of [
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'PHÒNG VĂN HÓA - XÃ HỘI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'TRƯỞNG PHÒNG',
      'Trần Văn Đức',
    ]) {
      expect(html).toContain(`<strong>${bold}</strong>`);
    }
  });

  it('marks a draft and prints no number', async () => {
    const text = await docxText(DRAFT_SLIP);
    expect(text).toContain(DRAFT_MARK);
    expect(text).toContain('Số: .../PXL-...');
    expect(text).not.toContain('12/PXL-VHXH');
  });
});
