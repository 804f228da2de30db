import { readPdfText } from './read-pdf-text';

/** A small plan appendix as a PDF extractor writes it: one wrapped cell fragment per line. */
const APPENDIX = `Ủy ban nhân dân phường
DANH MỤC
TT Nội dung công việc
Lãnh đạo

phụ trách
Bộ phận
thực hiện
Sản phẩm
Thời gian thực
hiện/hoàn
thành
I Chỉ đạo, điều hành
1
Xây dựng và ban hành Kế
hoạch CCHC năm 2023
Chủ tịch
UBND
CC TP-HT, VP-TK,
TC-KT
Kế hoạch
CCHC
Tháng
01/2023
2
Tổ chức kiểm tra, theo
Thông tư số 01 ngày
21/01/2022 của Bộ
Phó Chủ
tịch UBND
CC TP-HT
Quý IV/2023
II Cải cách thể chế
1 Xây dựng văn bản Chủ tịch Cán bộ,   Tổ chức thực
5
TT Nội dung công việc
Lãnh đạo
phụ trách
Bộ phận
thực hiện
Sản phẩm
Thời gian thực
hiện/hoàn
thành
quy phạm pháp luật
UBND công chức hiện cả năm
2023
III Cải cách tổ chức bộ máy
 Tiếp tục sắp xếp,
kiện toàn bộ máy
Nơi nhận:
- Lưu: VT.`;

describe('readPdfText', () => {
  const document = readPdfText(APPENDIX);
  const rows = document.tables[0].rows;

  it('reads the column order from the wrapped header', () => {
    expect(rows[0]).toEqual({
      sourceRow: 3,
      cells: [
        'TT',
        'Nội dung công việc',
        'Lãnh đạo phụ trách',
        'Cơ quan chủ trì',
        'Sản phẩm',
        'Thời gian thực hiện',
      ],
    });
  });

  it('rebuilds section rows and wrapped cells in column order', () => {
    expect(rows[1]).toEqual({
      sourceRow: 13,
      cells: ['I', 'Chỉ đạo, điều hành', '', '', '', ''],
    });
    expect(rows[2]).toEqual({
      sourceRow: 14,
      cells: [
        '1',
        'Xây dựng và ban hành Kế hoạch CCHC năm 2023',
        'Chủ tịch UBND',
        'CC TP-HT, VP-TK, TC-KT',
        'Kế hoạch CCHC',
        'Tháng 01/2023',
      ],
    });
  });

  it('does not cut content at a capitalised word or a date, and leaves an absent product empty', () => {
    expect(rows[3].cells).toEqual([
      '2',
      'Tổ chức kiểm tra, theo Thông tư số 01 ngày 21/01/2022 của Bộ',
      'Phó Chủ tịch UBND',
      'CC TP-HT',
      '',
      'Quý IV/2023',
    ]);
  });

  it('splits the side-by-side last line of a page, skips the page number and repeated header, and merges what follows', () => {
    expect(rows[5]).toEqual({
      sourceRow: 34,
      cells: [
        '1',
        'Xây dựng văn bản quy phạm pháp luật',
        'Chủ tịch UBND',
        'Cán bộ, công chức',
        '',
        'Tổ chức thực hiện cả năm 2023',
      ],
    });
    expect(document.warnings.map((warning) => warning.row)).toEqual([3, 34]);
    expect(document.warnings[1].message).toMatch(
      /^Nhiệm vụ 1 bị ngắt trang: dòng cuối trang chứa nhiều ô .* Cần đối chiếu bản gốc\.$/,
    );
  });

  it('keeps a row without ordinal after a section and stops at the signature block', () => {
    expect(rows[6].cells[0]).toBe('III');
    expect(rows[7]).toEqual({
      sourceRow: 49,
      cells: ['', 'Tiếp tục sắp xếp, kiện toàn bộ máy', '', '', '', ''],
    });
    expect(rows).toHaveLength(8);
  });

  it('gives all lines as narrative for the plan metadata', () => {
    expect(document.text[0]).toEqual({ sourceRow: 1, text: 'Ủy ban nhân dân phường' });
  });

  it('returns no table when there is no header', () => {
    expect(readPdfText('Kế hoạch\nkhông có bảng').tables).toEqual([]);
  });
});

describe('readPdfText ordinals', () => {
  const body = (lines: string[]) =>
    readPdfText(
      ['TT Nội dung công việc', 'Bộ phận thực hiện', 'Thời gian', ...lines].join('\n'),
    ).tables[0].rows.slice(1);

  it('accepts hierarchical ordinals and running numbers, not years or durations', () => {
    const rows = body([
      '1',
      'Việc lớn',
      '1.1',
      'Việc con',
      'CC VP-TK',
      '6 tháng đầu năm',
      '2',
      'Việc khác đến',
      '2023',
      'CC TP-HT',
    ]);
    expect(rows.map((row) => row.cells)).toEqual([
      ['1', 'Việc lớn', '', ''],
      ['1.1', 'Việc con', 'CC VP-TK', '6 tháng đầu năm'],
      ['2', 'Việc khác đến 2023', 'CC TP-HT', ''],
    ]);
  });

  it('joins a section title wrapped over two lines', () => {
    const rows = body(['II Cải cách thủ tục hành chính và', 'cơ chế một cửa', '1', 'Việc']);
    expect(rows[0].cells[1]).toBe('Cải cách thủ tục hành chính và cơ chế một cửa');
  });
});
