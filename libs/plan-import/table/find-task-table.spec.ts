import { gridDocument } from '../testing/grid-document';
import { findTaskTable } from './find-task-table';

const HEADER = ['TT', 'Nội dung', 'Chủ trì', 'Thời hạn'];

describe('findTaskTable', () => {
  it('finds the header below titles and maps columns by meaning', () => {
    const [table] = gridDocument([
      ['DANH MỤC NHIỆM VỤ'],
      HEADER,
      ['1', 'Việc', 'VP', 'Quý I'],
    ]).tables;
    const found = findTaskTable([table]);
    expect(found).toMatchObject({
      headerRow: 2,
      columns: ['ordinal', 'content', 'leadUnit', 'deadline'],
    });
    expect(found?.body.map((row) => row.sourceRow)).toEqual([3]);
  });

  it.each([
    [
      'merged cells copied (XLSX, DOCX)',
      ['TT', 'Nội dung', 'Cơ quan thực hiện', 'Cơ quan thực hiện', 'Thời gian'],
      ['TT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời gian'],
    ],
    [
      'merged cells left blank (pasted text, CSV)',
      ['TT', 'Nội dung', 'Cơ quan thực hiện', '', 'Thời gian'],
      ['', '', 'Chủ trì', 'Phối hợp', ''],
    ],
  ])('combines a two-row header: %s', (_layout, groupRow, subRow) => {
    const [table] = gridDocument([groupRow, subRow, ['1', 'Việc', 'VP', 'CA', 'Quý I']]).tables;
    const found = findTaskTable([table]);
    expect(found?.columns).toEqual([
      'ordinal',
      'content',
      'leadUnit',
      'coordinatingUnits',
      'deadline',
    ]);
    expect(found?.body).toHaveLength(1);
  });

  it('picks the table with the task header and appends the tables that continue it', () => {
    const layout = [['Số: 07/KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']];
    const tables = gridDocument(
      layout,
      [],
      [HEADER, ['1', 'Việc', 'VP', 'Quý I']],
      [HEADER, ['2', 'Việc', 'CA', 'Quý II']],
      [['3', 'Việc', 'VP', 'Quý III']],
    ).tables;
    const found = findTaskTable(tables);
    expect(found?.body.map((row) => row.cells[0])).toEqual(['1', 'TT', '2', '3']);
  });

  it('stops at a following table of another shape', () => {
    const tables = gridDocument(
      [HEADER, ['1', 'Việc', 'VP', 'Quý I']],
      [],
      [['Nơi nhận', 'CHỦ TỊCH']],
    ).tables;
    expect(findTaskTable(tables)?.body).toHaveLength(1);
  });

  it('finds nothing without a header naming content and two other columns', () => {
    expect(
      findTaskTable(
        gridDocument([
          ['TT', 'Nội dung'],
          ['1', 'Việc'],
        ]).tables,
      ),
    ).toBeNull();
  });
});
