import { extractMetadata } from './plan-metadata';

const lines = (...texts: string[]) => texts.map((text, index) => ({ sourceRow: index + 1, text }));

describe('extractMetadata', () => {
  it('reads number, title, place-and-date and year of an issued plan', () => {
    const { plan, warnings } = extractMetadata(
      lines(
        'ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH',
        'Số: 21/KH-UBND',
        'Hòa Bình, ngày 09 tháng 01 năm 2024',
        'Căn cứ Kế hoạch số 02/KH-UBND ngày 03/01/2024 của UBND quận;',
        'KẾ HOẠCH',
        'Cải cách hành chính nhà nước năm 2024',
      ),
    );
    expect(plan).toEqual({
      number: '21/KH-UBND',
      title: 'Kế hoạch Cải cách hành chính nhà nước năm 2024',
      year: 2024,
      issueDate: '2024-01-09',
    });
    expect(warnings).toEqual([]);
  });

  it('reports the blank number of a draft and reads markdown-wrapped headings', () => {
    const { plan, warnings } = extractMetadata(
      lines(
        'Số: /QĐ-UBND',
        'Hải Dương, ngày 12 tháng 01 năm 2026',
        'KẾ HOẠCH**Cải cách hành chính phường năm 2026**',
      ),
    );
    expect(plan).toEqual({
      number: null,
      title: 'Kế hoạch Cải cách hành chính phường năm 2026',
      year: 2026,
      issueDate: '2026-01-12',
    });
    expect(warnings).toEqual([
      {
        row: null,
        field: 'number',
        message:
          "Số văn bản còn để trống ('/QĐ-UBND'), có thể là bản dự thảo; cần nhập số khi ban hành.",
      },
    ]);
  });

  it('falls back to the appendix: its heading and the plan it is attached to', () => {
    const { plan } = extractMetadata(
      lines(
        'Thực hiện Kế hoạch số 02/KH-UBND ngày 03/01/2024 của quận',
        'DANH MỤC',
        'NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
        'NĂM 2024',
        '(Kèm theo Kế hoạch số 21/KH-UBND ngày 09/01/2024 của UBND phường)',
      ),
    );
    expect(plan).toEqual({
      number: '21/KH-UBND',
      title: 'Danh mục nhiệm vụ cải cách hành chính năm 2024',
      year: 2024,
      issueDate: '2024-01-09',
    });
  });

  it('takes the year from the issue date when the title has none, and ignores impossible dates', () => {
    expect(
      extractMetadata(lines('Hà Nội, ngày 05 tháng 02 năm 2025', 'KẾ HOẠCH cải cách')).plan.year,
    ).toBe(2025);
    expect(extractMetadata(lines('Hà Nội, ngày 31 tháng 02 năm 2025')).plan).toEqual({
      number: null,
      title: null,
      year: null,
      issueDate: null,
    });
  });
});
