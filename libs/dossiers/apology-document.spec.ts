import { contentDisposition, signerPosition, slipFileName, slipNumber } from './apology-document';

describe('apology slip documents', () => {
  it('signs as the head of the kind of unit', () => {
    expect(signerPosition('Phòng Văn hóa - Xã hội')).toBe('Trưởng phòng');
    expect(signerPosition('Trung tâm Phục vụ hành chính công')).toBe('Giám đốc');
    expect(signerPosition('Công an phường')).toBe('Thủ trưởng đơn vị');
  });

  it('numbers and names the file without path separators', () => {
    const numberText = slipNumber(3, 'VHXH');
    expect(numberText).toBe('03/PXL-VHXH');
    expect(slipFileName({ numberText, draftedOn: '2026-03-02' }, 'H31/0001', 'pdf')).toBe(
      'Phiếu xin lỗi 03-PXL-VHXH hồ sơ H31-0001.pdf',
    );
    expect(slipFileName({ numberText: null, draftedOn: '2026-03-02' }, 'H31', 'docx')).toBe(
      'Dự thảo phiếu xin lỗi 02-03-2026 hồ sơ H31.docx',
    );
  });

  it('gives an ASCII fallback and the UTF-8 name in Content-Disposition', () => {
    expect(contentDisposition('Phiếu xin lỗi (1).pdf')).toBe(
      `attachment; filename="Phieu xin loi (1).pdf"; ` +
        `filename*=UTF-8''Phi%E1%BA%BFu%20xin%20l%E1%BB%97i%20%281%29.pdf`,
    );
    expect(contentDisposition('Đơn.docx')).toContain('filename="Don.docx"');
  });
});
