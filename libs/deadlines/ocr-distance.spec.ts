import { ANY_EDIT, CONFUSIONS_ONLY, CONFUSION_COST, keyword, ocrDistance } from './ocr-distance';

describe('ocrDistance', () => {
  it.each([
    ['trước', 'truoc'],
    ['thường', 'thuong'],
    ['đầu', 'dau'],
    ['quý', 'quy'],
  ])('a missing accent costs nothing: %s ~ %s', (word, seen) => {
    expect(ocrDistance(keyword(word), seen, ANY_EDIT)).toBe(0);
  });

  it.each([
    ['thường', 'thdong', 1],
    ['thường', 'thtiong', 1],
    ['trước', 'trdoc', 1],
    ['trước', 'truec', 1],
    ['trước', 'tru6c', 1],
    ['hướng', 'htieng', 2],
    ['từ', 'td', 1],
  ])('the expected misreadings of ư and ơ are cheap: %s ~ %s', (word, seen, confusions) => {
    expect(ocrDistance(keyword(word), seen, CONFUSIONS_ONLY)).toBeCloseTo(
      confusions * CONFUSION_COST,
    );
  });

  it.each([
    ['tháng', 'thdng'], // no horn on the a of tháng
    ['quý', 'qdy'], // nor on the u of quý
    ['có', 'ce'], // ó is not ơ
    ['trước', 'tiuoc'], // "ti" stands for ư, not for r
  ])('the same misreading elsewhere is a plain edit: %s ~ %s', (word, seen) => {
    expect(ocrDistance(keyword(word), seen, CONFUSIONS_ONLY)).toBe(Infinity);
    expect(ocrDistance(keyword(word), seen, ANY_EDIT)).toBeGreaterThanOrEqual(1);
  });

  it('counts an insertion, a deletion, a substitution and a swap of neighbours as one edit each', () => {
    expect(ocrDistance(keyword('xuyên'), 'xuyenn', ANY_EDIT)).toBe(1);
    expect(ocrDistance(keyword('xuyên'), 'xyen', ANY_EDIT)).toBe(1);
    expect(ocrDistance(keyword('xuyên'), 'xuyem', ANY_EDIT)).toBe(1);
    expect(ocrDistance(keyword('xuyên'), 'xuyne', ANY_EDIT)).toBe(1);
    expect(ocrDistance(keyword('xuyên'), 'xyuen', ANY_EDIT)).toBe(1);
    expect(ocrDistance(keyword('xuyên'), 'xuyne', CONFUSIONS_ONLY)).toBe(Infinity);
  });
});
