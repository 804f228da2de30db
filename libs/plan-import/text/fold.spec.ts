import { foldKey, stripDiacritics } from './fold';

describe('stripDiacritics', () => {
  it('removes tone and vowel marks and turns đ into d, keeping case', () => {
    expect(stripDiacritics('Phòng Văn hóa – Xã hội, HĐND&UBND')).toBe(
      'Phong Van hoa – Xa hoi, HDND&UBND',
    );
  });

  it('handles text written with combining marks (NFD)', () => {
    expect(stripDiacritics('Thời gian'.normalize('NFD'))).toBe('Thoi gian');
  });
});

describe('foldKey', () => {
  it('lower-cases and turns punctuation into single spaces', () => {
    expect(foldKey('  Thời gian thực hiện/ hoàn thành ')).toBe('thoi gian thuc hien hoan thanh');
    expect(foldKey('(1)')).toBe('1');
  });
});
