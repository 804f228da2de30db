import { planOrdinal } from './plan-ordinal';

describe("a task's STT in its plan", () => {
  it('reads as the Word table: the number under its section', () => {
    expect(planOrdinal({ areaCode: 'II', ordinal: '8' })).toBe('II.8');
    expect(planOrdinal({ areaCode: 'III', ordinal: '2.1' })).toBe('III.2.1');
    expect(planOrdinal({ areaCode: null, ordinal: '12' })).toBe('12');
  });

  it("gives a unit's task of a group row that row's number, and names a section once", () => {
    expect(planOrdinal({ areaCode: 'II', ordinal: '8:VHXH' })).toBe('II.8');
    expect(planOrdinal({ areaCode: 'I', ordinal: 'I.1' })).toBe('I.1');
  });

  it('is empty for a task not from a plan', () => {
    expect(planOrdinal({ areaCode: null, ordinal: null })).toBe('');
    expect(planOrdinal({ areaCode: 'II', ordinal: '' })).toBe('');
  });

  it("is empty for a row the plan left unnumbered (the importer's own #3)", () => {
    expect(planOrdinal({ areaCode: 'II', ordinal: '#3' })).toBe('');
  });
});
