import { ancestorOrdinals, hierarchicalOrdinal, numericOrdinal, sectionHeading } from './ordinals';

describe('numericOrdinal', () => {
  it('accepts plain and hierarchical ordinals, dropping a trailing dot', () => {
    expect(['3', ' 3. ', '2.1', '2.1.1.'].map(numericOrdinal)).toEqual(['3', '3', '2.1', '2.1.1']);
    expect(['a)', '2023/KH', '', '1,5'].map(numericOrdinal)).toEqual([null, null, null, null]);
  });
});

describe('sectionHeading', () => {
  it('reads a numeral alone or followed by a title', () => {
    expect(sectionHeading('II')).toEqual({ code: 'II', rest: '' });
    expect(sectionHeading('III. Cải cách thủ tục hành chính')).toEqual({
      code: 'III',
      rest: 'Cải cách thủ tục hành chính',
    });
    expect(sectionHeading('IV    Cải cách tổ chức bộ máy')).toEqual({
      code: 'IV',
      rest: 'Cải cách tổ chức bộ máy',
    });
    expect(sectionHeading('V) Cải cách công vụ')).toEqual({ code: 'V', rest: 'Cải cách công vụ' });
  });

  it('does not read a task numbered under a section ("I.1") as the section again', () => {
    expect(['I.1', 'II.3', 'IV.2.1', 'I.1. Ban hành kế hoạch'].map(sectionHeading)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('does not read words starting with those letters', () => {
    expect(sectionHeading('In ấn tài liệu')).toBeNull();
    expect(sectionHeading('Việc khác')).toBeNull();
  });
});

describe('hierarchicalOrdinal', () => {
  it('accepts numeric ordinals and ordinals under a section numeral', () => {
    expect(['2.1.', 'I.1', 'II.3.2.', ' IV.10 '].map(hierarchicalOrdinal)).toEqual([
      '2.1',
      'I.1',
      'II.3.2',
      'IV.10',
    ]);
    expect(['I', 'I.', 'IIII.1', 'A.1', 'I.a'].map(hierarchicalOrdinal)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('ancestorOrdinals', () => {
  it('lists the possible parents, nearest first', () => {
    expect(ancestorOrdinals('2.1.3')).toEqual(['2.1', '2']);
    expect(ancestorOrdinals('4')).toEqual([]);
    expect(ancestorOrdinals('II.1.2')).toEqual(['II.1']);
    expect(ancestorOrdinals('II.1')).toEqual([]);
  });
});
