import { PlanImportError } from '../plan-import-error';
import { expandSpans, parseHtmlBlocks } from './html-blocks';
import { MAX_TABLE_COLUMNS } from './upload-limits';

describe('parseHtmlBlocks', () => {
  it('reads paragraphs and tables in document order, cell paragraphs as lines', () => {
    const html =
      '<h1>KẾ HOẠCH</h1><p>Số: 07/KH-UBND</p>' +
      '<table><thead><tr><th>TT</th><th colspan="2">Cơ quan</th></tr></thead>' +
      '<tbody><tr><td>1</td><td><p>Phòng VHXH</p><p>Công an</p></td><td>HĐND&amp;UBND</td></tr></tbody></table>' +
      '<ul><li>Nơi nhận</li></ul>';
    expect(parseHtmlBlocks(html)).toEqual([
      { kind: 'paragraph', text: 'KẾ HOẠCH' },
      { kind: 'paragraph', text: 'Số: 07/KH-UBND' },
      {
        kind: 'table',
        rows: [
          [
            { text: 'TT', colSpan: 1, rowSpan: 1 },
            { text: 'Cơ quan', colSpan: 2, rowSpan: 1 },
          ],
          [
            { text: '1', colSpan: 1, rowSpan: 1 },
            { text: 'Phòng VHXH\nCông an', colSpan: 1, rowSpan: 1 },
            { text: 'HĐND&UBND', colSpan: 1, rowSpan: 1 },
          ],
        ],
      },
      { kind: 'paragraph', text: 'Nơi nhận' },
    ]);
  });

  it('flattens a table nested in a cell into that cell', () => {
    const html = '<table><tr><td>a<table><tr><td>b</td></tr></table></td><td>c</td></tr></table>';
    const [table] = parseHtmlBlocks(html);
    expect(table).toEqual({
      kind: 'table',
      rows: [
        [
          { text: 'ab', colSpan: 1, rowSpan: 1 },
          { text: 'c', colSpan: 1, rowSpan: 1 },
        ],
      ],
    });
  });

  it('decodes an entity outside Unicode as U+FFFD instead of throwing', () => {
    expect(parseHtmlBlocks('<p>a&#99999999;b</p>')).toEqual([
      { kind: 'paragraph', text: 'a\uFFFDb' },
    ]);
  });

  it('caps a colspan at the widest table read', () => {
    const [table] = parseHtmlBlocks('<table><tr><td colspan="99999999999">x</td></tr></table>');
    expect(table).toMatchObject({ rows: [[{ colSpan: MAX_TABLE_COLUMNS, rowSpan: 1 }]] });
  });
});

describe('expandSpans', () => {
  const cell = (text: string, colSpan = 1, rowSpan = 1) => ({ text, colSpan, rowSpan });

  it('copies a merged cell into every position it covers', () => {
    const grid = expandSpans([
      [cell('TT', 1, 2), cell('Cơ quan thực hiện', 2), cell('Thời gian', 1, 2)],
      [cell('Chủ trì'), cell('Phối hợp')],
      [cell('I. Chỉ đạo điều hành', 4)],
    ]);
    expect(grid).toEqual([
      ['TT', 'Cơ quan thực hiện', 'Cơ quan thực hiện', 'Thời gian'],
      ['TT', 'Chủ trì', 'Phối hợp', 'Thời gian'],
      [
        'I. Chỉ đạo điều hành',
        'I. Chỉ đạo điều hành',
        'I. Chỉ đạo điều hành',
        'I. Chỉ đạo điều hành',
      ],
    ]);
  });

  it('pads short rows to the table width', () => {
    expect(expandSpans([[cell('a'), cell('b')], [cell('c')]])).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
  });

  it('refuses a grid wider than any plan table instead of building it', () => {
    const wide = [[cell('a', MAX_TABLE_COLUMNS), cell('b')]];
    expect(() => expandSpans(wide)).toThrow(PlanImportError);
    expect(() => expandSpans(wide)).toThrow(/rộng hơn 200 cột/);
  });
});
