import { describe, expect, it } from 'vitest';
import {
  actualText,
  endOfDay,
  Target,
  TargetActual,
  targetBody,
  targetFormValues,
  targetText,
} from './target-view';

const target = (extra: Partial<Target>): Target => ({
  id: 't1',
  planId: 'p1',
  code: 'CT-01',
  name: 'Tỷ lệ hồ sơ đúng hạn',
  unit: 'percent',
  comparator: 'gte',
  value: 90,
  qualitative: null,
  source: 'computed',
  metric: 'dossiers_on_time',
  status: 'confirmed',
  sentence: null,
  sourceRow: null,
  values: [],
  ...extra,
});

const actual = (extra: Partial<TargetActual>): TargetActual => ({
  target: target({}),
  actual: null,
  basis: null,
  verdict: 'no_data',
  verdictLabel: 'Chưa có dữ liệu',
  note: null,
  ...extra,
});

describe('targetText', () => {
  it('writes the comparator, value and unit, or the qualitative wording', () => {
    expect(targetText(target({}))).toBe('≥ 90%');
    expect(targetText(target({ unit: 'count', comparator: 'lte', value: 0 }))).toBe('≤ 0');
    expect(
      targetText(target({ qualitative: 'Hạn chế tối đa', comparator: null, value: null })),
    ).toBe('Hạn chế tối đa');
  });
});

describe('actualText', () => {
  it('writes a rate in percent with Vietnamese decimals and its basis', () => {
    expect(actualText(actual({ actual: 0.925, basis: { numerator: 37, denominator: 40 } }))).toBe(
      '92,5% (37/40)',
    );
  });
  it('writes a count as a number, and a dash without data', () => {
    expect(actualText(actual({ target: target({ unit: 'count' }), actual: 1200 }))).toBe('1.200');
    expect(actualText(actual({}))).toBe('—');
  });
});

it('counts up to the end of the chosen day in Việt Nam', () => {
  expect(endOfDay('2026-03-14')).toBe('2026-03-14T23:59:59+07:00');
});

describe('targetBody', () => {
  it('sends a figure without wording, and a metric only when computed', () => {
    const values = targetFormValues(target({ source: 'entered', metric: null }));
    expect(targetBody({ ...values, code: ' CT-02 ', metric: 'tasks_completed' })).toEqual({
      code: 'CT-02',
      name: 'Tỷ lệ hồ sơ đúng hạn',
      unit: 'percent',
      comparator: 'gte',
      value: 90,
      qualitative: null,
      source: 'entered',
      metric: null,
    });
  });

  it('sends a qualitative target without unit, comparator or value', () => {
    const values = { ...targetFormValues(target({})), kind: 'qualitative' as const };
    expect(targetBody({ ...values, qualitative: ' Hạn chế tối đa hồ sơ quá hạn ' })).toMatchObject({
      unit: null,
      comparator: null,
      value: null,
      qualitative: 'Hạn chế tối đa hồ sơ quá hạn',
      source: 'computed',
      metric: 'dossiers_on_time',
    });
  });

  it('reads an existing target back into the form', () => {
    expect(targetFormValues(target({ qualitative: 'Hạn chế tối đa', value: null }))).toMatchObject({
      kind: 'qualitative',
      qualitative: 'Hạn chế tối đa',
      value: undefined,
    });
    expect(targetFormValues(null)).toMatchObject({ kind: 'figure', source: 'entered' });
  });
});
