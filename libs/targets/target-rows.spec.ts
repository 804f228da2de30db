import { readTargetRows } from './target-rows';

const sheet = (...rows: string[][]) =>
  rows.map((cells, index) => ({ sourceRow: index + 1, cells }));
const HEADER = [
  'Mã chỉ tiêu',
  'Tên chỉ tiêu',
  'Đơn vị tính',
  'So sánh',
  'Giá trị',
  'Định tính',
  'Nguồn',
  'Chỉ số',
];

describe('readTargetRows', () => {
  it('reads Vietnamese headers, signs and words into targets', () => {
    const { targets, problems } = readTargetRows(
      sheet(
        HEADER,
        ['CT-01', 'Hồ sơ đúng hạn', '%', '≥', '90%', '', 'tính toán', 'dossiers_on_time'],
        ['CT-02', 'Thanh toán trực tuyến', 'phần trăm', '>=', '80', '', 'nhập', ''],
        ['CT-03', 'Hồ sơ quá hạn', '', '', '', 'Hạn chế tối đa', 'nhập', ''],
      ),
    );
    expect(problems).toEqual([]);
    expect(
      targets.map((t) => [t.code, t.unit, t.comparator, t.value, t.source, t.metric ?? null]),
    ).toEqual([
      ['CT-01', 'percent', 'gte', 90, 'computed', 'dossiers_on_time'],
      ['CT-02', 'percent', 'gte', 80, 'entered', null],
      ['CT-03', null, null, null, 'entered', null],
    ]);
    expect(targets[2].qualitative).toBe('Hạn chế tối đa');
  });

  it('names the row and field of every problem, and a missing column in the header', () => {
    const { targets, problems } = readTargetRows(
      sheet(
        HEADER,
        ['CT-01', 'A', '%', 'nhiều hơn', 'chín mươi', '', 'tính toán', 'khác'],
        ['CT-01', '', '%', '≥', '90', '', 'nhập', ''],
      ),
    );
    expect(targets).toEqual([]);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'comparator'],
      [2, 'value'],
      [2, 'metric'],
      [3, 'name'],
      [3, 'code'],
    ]);
    expect(readTargetRows(sheet(['Tên', 'Giá trị'])).problems.map((p) => [p.row, p.field])).toEqual(
      [
        [1, 'code'],
        [1, 'source'],
      ],
    );
  });
});
