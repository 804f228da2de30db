import {
  duplicateColumns,
  fieldOfHeader,
  fieldsInHeaderText,
  isHeaderLabel,
  mapColumns,
} from './columns';

describe('fieldOfHeader', () => {
  it.each([
    ['TT', 'ordinal'],
    ['STT', 'ordinal'],
    ['Số TT', 'ordinal'],
    ['Nội dung công việc', 'content'],
    ['Nhiệm vụ', 'content'],
    ['Lĩnh vực, tiêu chí', 'content'],
    ['Cơ quan chủ trì', 'leadUnit'],
    ['Bộ phận thực hiện', 'leadUnit'],
    ['Đơn vị chủ trì', 'leadUnit'],
    ['Cơ quan thực hiện Chủ trì', 'leadUnit'],
    ['Cơ quan phối hợp', 'coordinatingUnits'],
    ['Cơ quan thực hiện Phối hợp', 'coordinatingUnits'],
    ['Lãnh đạo phụ trách', 'leader'],
    ['Sản phẩm', 'product'],
    ['Yêu cầu', 'requirement'],
    ['Thời gian thực hiện/ hoàn thành', 'deadline'],
    ['Thời gian hoàn thành', 'deadline'],
    ['Thời hạn', 'deadline'],
    ['THỜI GIAN THỰC HIỆN', 'deadline'],
    ['Ghi chú', null],
    // Only the end of the work is tracked: a start column is no field.
    ['Thời gian bắt đầu', null],
    ['Thời gian thực hiện Bắt đầu', null],
    ['Từ ngày', null],
    ['Đến ngày', 'deadline'],
    ['Hoàn thành', 'deadline'],
    ['Kết thúc', 'deadline'],
    ['Thời gian thực hiện Hoàn thành', 'deadline'],
    ['Thời gian bắt đầu - kết thúc', 'deadline'],
    ['Sản phẩm hoàn thành', 'product'],
  ])('%s → %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('does not take a long data cell for a header', () => {
    expect(
      fieldOfHeader(
        'Rà soát thời gian giải quyết hồ sơ của các phòng, đơn vị chuyên môn thuộc phường',
      ),
    ).toBeNull();
  });
});

describe('mapColumns', () => {
  it('keeps the first column of a field named twice', () => {
    expect(mapColumns(['TT', 'Nội dung', 'Nhiệm vụ', 'Chủ trì'])).toEqual([
      'ordinal',
      'content',
      null,
      'leadUnit',
    ]);
  });
});

describe('start-date columns', () => {
  it('are header labels (a sub-header row may be made of them) but map to no field', () => {
    expect(isHeaderLabel('Bắt đầu')).toBe(true);
    expect(isHeaderLabel('Tháng 01/2026')).toBe(false);
    expect(
      mapColumns(['TT', 'Nội dung', 'Chủ trì', 'Thời gian bắt đầu', 'Thời gian hoàn thành']),
    ).toEqual(['ordinal', 'content', 'leadUnit', null, 'deadline']);
  });
});

describe('duplicateColumns', () => {
  it('names every column left unread because an earlier one has its field', () => {
    expect(duplicateColumns(['TT', 'Nội dung', 'Thời gian thực hiện', 'Thời hạn'])).toEqual([
      { field: 'deadline', kept: 'Thời gian thực hiện', ignored: 'Thời hạn' },
    ]);
    expect(
      duplicateColumns(['TT', 'Nội dung', 'Thời gian bắt đầu', 'Thời gian hoàn thành']),
    ).toEqual([]);
  });
});

describe('fieldsInHeaderText', () => {
  it('finds the columns of a header flattened into text, in order', () => {
    const text =
      'TT Nội dung công việc Lãnh đạo phụ trách Bộ phận thực hiện Sản phẩm Thời gian thực hiện/hoàn thành';
    expect(fieldsInHeaderText(text)).toEqual([
      'ordinal',
      'content',
      'leader',
      'leadUnit',
      'product',
      'deadline',
    ]);
  });
});
