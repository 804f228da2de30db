import { ANY_EDIT, CONFUSIONS_ONLY, CONFUSION_COST } from './ocr-distance';
import {
  NUMERAL_COST,
  SEPARATOR_COST,
  SPACE_COST,
  readLookalikeDigits,
  repairKeywords,
  repairQuarterNumerals,
  separateRunOnDeadlines,
} from './ocr-repair';

// Inputs are in normalizeDeadlineText's form: folded, lowercase.
describe('repairKeywords', () => {
  it.each([
    ['thdong xuyen', 'thuong xuyen', CONFUSION_COST],
    ['thtiong xtiyen', 'thuong xtiyen', CONFUSION_COST], // the y of xuyên has no horn
    ['tru6c ngay 15/01/2026', 'truoc ngay 15/01/2026', CONFUSION_COST],
    ['truocngay 15/01/2026', 'truoc ngay 15/01/2026', SPACE_COST],
    ['th uong xuyen', 'thuong xuyen', SPACE_COST],
    ['thang3/2026', 'thang 3/2026', SPACE_COST],
    ['thang 3/2026thang 9/2026', 'thang 3/2026 thang 9/2026', SPACE_COST],
    ['quyiv/2025', 'quy iv/2025', SPACE_COST],
    ['hoanthanhtruocngay 1/2', 'hoan thanh truoc ngay 1/2', 3 * SPACE_COST],
  ])('%j → %j', (text, repaired, cost) => {
    const repair = repairKeywords(text, CONFUSIONS_ONLY);
    expect(repair.text).toBe(repaired);
    expect(repair.cost).toBeCloseTo(cost);
  });

  it('keeps words it does not know, numbers and punctuation exactly as written', () => {
    const text = 'giao ban quy iii: thang 9/2025; cua thanh pho 2o26 i11/2026';
    expect(repairKeywords(text, ANY_EDIT)).toEqual({ text, cost: 0 });
  });

  it('makes one plain edit only in long keywords, and only with ANY_EDIT', () => {
    expect(repairKeywords('thuong xuyem', CONFUSIONS_ONLY).text).toBe('thuong xuyem');
    expect(repairKeywords('thuong xuyem', ANY_EDIT)).toEqual({ text: 'thuong xuyen', cost: 1 });
    expect(repairKeywords('qyy i/2026', ANY_EDIT).text).toBe('qyy i/2026');
    expect(repairKeywords('thuong xyyem', ANY_EDIT).text).toBe('thuong xyyem');
  });

  it('does not choose between two keywords equally near', () => {
    expect(repairKeywords('thdng 3/2026', ANY_EDIT).text).toBe('thdng 3/2026'); // tháng? thông?
  });

  it('does not move a space and make a plain edit in the same word', () => {
    expect(repairKeywords('thang l1/2026', ANY_EDIT).text).toBe('thang l1/2026');
  });
});

describe('repairQuarterNumerals', () => {
  it.each([
    ['quy 1v/2025', 'quy iv/2025', 1],
    ['quy i11/2026', 'quy iii/2026', 1],
    ['quy il/2026', 'quy ii/2026', 1],
    ['quy l/2026', 'quy i/2026', 1],
    ['quy lii, 1v/2026', 'quy iii, iv/2026', 2],
    ['quy iii va lv/2026', 'quy iii va iv/2026', 1],
    ['quy 1/2026', 'quy 1/2026', 0],
    ['quy 11/2026', 'quy 11/2026', 0],
    ['ngay 1/1/2026', 'ngay 1/1/2026', 0],
  ])('%j → %j', (text, repaired, numerals) => {
    expect(repairQuarterNumerals(text)).toEqual({ text: repaired, cost: numerals * NUMERAL_COST });
  });
});

describe('separateRunOnDeadlines', () => {
  it.each([
    ['thang 3/2026 thang 9/2026', 'thang 3/2026; thang 9/2026', 1],
    ['quy iii/2026 quy iv/2026 nam 2027', 'quy iii/2026; quy iv/2026; nam 2027', 2],
    ['thang 01/2023 thuc hien ca nam 2023', 'thang 01/2023; thuc hien ca nam 2023', 1],
    ['ngay 15 thang 01 nam 2026', 'ngay 15 thang 01 nam 2026', 0],
    ['tu thang 01/2026 den thang 5/2026', 'tu thang 01/2026 den thang 5/2026', 0],
  ])('%j → %j', (text, separated, separators) => {
    expect(separateRunOnDeadlines(text)).toEqual({
      text: separated,
      cost: separators * SEPARATOR_COST,
    });
  });
});

describe('readLookalikeDigits', () => {
  it('reads "o" as 0 only inside a number', () => {
    expect(readLookalikeDigits('truoc ngay 15/o1/2o26')).toBe('truoc ngay 15/01/2026');
    expect(readLookalikeDigits('theo lo trinh 2026')).toBe('theo lo trinh 2026');
  });
});
