import { plainToInstance } from 'class-transformer';
import { IsArray, IsInt, IsOptional, validateSync } from 'class-validator';
import {
  IsCalendarDate,
  IsNestedList,
  IsNestedObject,
  IsNotBefore,
  IsStrictBoolean,
  IsText,
  PLANNABLE_RANGE,
  TEXT_MAX_LENGTH,
} from './validators';

class Sample {
  @IsText(10)
  title: string;

  @IsOptional()
  @IsText(TEXT_MAX_LENGTH, { allowBlank: true })
  comment?: string;

  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @IsOptional()
  @IsCalendarDate(PLANNABLE_RANGE)
  dueDate?: string;

  @IsOptional()
  @IsStrictBoolean()
  dryRun?: boolean;

  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from')
  to?: string;
}

function problems(value: Record<string, unknown>): string[] {
  const sample = plainToInstance(Sample, { title: 'Nhiệm vụ', ...value });
  return validateSync(sample).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('IsText', () => {
  it('accepts Vietnamese text with line breaks', () => {
    expect(problems({ title: 'Rà\nTTHC', comment: '' })).toEqual([]);
  });

  it.each([
    [{ title: '   ' }, 'title không được để trống hay chỉ có khoảng trắng'],
    [{ title: '' }, 'title không được để trống hay chỉ có khoảng trắng'],
    [{ title: 'a\u0000b' }, 'title chứa ký tự điều khiển (NUL…) không được phép'],
    [{ title: 'x'.repeat(11) }, 'title dài quá 10 ký tự'],
    [{ title: 5 }, 'title phải là chuỗi'],
    [{ title: undefined }, 'title là bắt buộc'],
    [{ comment: '\u001b[31m' }, 'comment chứa ký tự điều khiển (NUL…) không được phép'],
  ])('refuses %j', (value, message) => {
    expect(problems(value)).toContain(message);
  });

  it.each(['\ud800', 'x\ud83d', 'A\udc00', '\udc00\ud800'])(
    'refuses %j: a lone UTF-16 surrogate has no UTF-8 form',
    (title) => {
      expect(problems({ title })).toEqual([
        'title chứa ký tự Unicode hỏng (nửa cặp surrogate UTF-16 đứng lẻ); hãy gõ hoặc dán lại',
      ]);
      expect(problems({ comment: title })).toHaveLength(1);
    },
  );

  it('accepts characters outside the BMP (a surrogate pair)', () => {
    expect(problems({ title: 'Xong 😀', comment: '𠀀' })).toEqual([]);
  });
});

describe('IsNotBefore', () => {
  it('accepts a period in order, a single day, or either end alone', () => {
    expect(problems({ from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
    expect(problems({ from: '2026-03-01', to: '2026-03-01' })).toEqual([]);
    expect(problems({ to: '2026-01-01' })).toEqual([]);
    expect(problems({ from: '2026-12-31' })).toEqual([]);
  });

  it('refuses a reversed period naming both fields', () => {
    expect(problems({ from: '2026-12-31', to: '2026-01-01' })).toEqual([
      'to (2026-01-01) không được trước from (2026-12-31)',
    ]);
  });

  it('leaves an impossible date to the date rule alone', () => {
    expect(problems({ from: '2026-12-31', to: '2026-02-30' })).toEqual([
      'to phải là ngày có thật dạng YYYY-MM-DD, từ 1900-01-01 đến 2199-12-31',
    ]);
  });
});

describe('IsCalendarDate', () => {
  it('accepts real dates within the range', () => {
    expect(problems({ date: '1900-01-01', dueDate: '2026-02-28' })).toEqual([]);
    expect(problems({ date: '2199-12-31', dueDate: '2197-12-31' })).toEqual([]);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '26-01-01', '2026-1-1', '1899-12-31', 2026])(
    'refuses %j naming the supported range',
    (date) => {
      expect(problems({ date })).toEqual([
        'date phải là ngày có thật dạng YYYY-MM-DD, từ 1900-01-01 đến 2199-12-31',
      ]);
    },
  );

  it('keeps due dates a year clear of the ends of the calendar', () => {
    expect(problems({ dueDate: '2199-01-01' })).toEqual([
      'dueDate phải là ngày có thật dạng YYYY-MM-DD, từ 1902-01-01 đến 2197-12-31',
    ]);
  });
});

describe('IsStrictBoolean', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads %j as %j', (text, value) => {
    expect(plainToInstance(Sample, { dryRun: text }).dryRun).toBe(value);
    expect(problems({ dryRun: text })).toEqual([]);
  });

  it.each(['yes', 'TRUE', 'on', 'maybe', '', ['true', 'false']])('refuses %j', (text) => {
    expect(problems({ dryRun: text })).toEqual(['dryRun phải là true hoặc false (hoặc 1/0)']);
  });
});

describe('IsNestedObject and IsNestedList', () => {
  class Step {
    @IsInt({ message: 'days phải là số nguyên' })
    days: number;
  }

  class Policy {
    @IsOptional()
    @IsNestedObject(() => Step)
    first?: Step;

    @IsArray({ message: 'steps phải là danh sách' })
    @IsNestedList(() => Step)
    steps: Step[];
  }

  /** Each problem as `property: message`, nested ones by their path. */
  const policyProblems = (value: object): string[] => {
    const walk = (errors: ReturnType<typeof validateSync>, path: string): string[] =>
      errors.flatMap((error) => [
        ...Object.values(error.constraints ?? {}).map(
          (message) => `${path}${error.property}: ${message}`,
        ),
        ...walk(error.children ?? [], `${path}${error.property}.`),
      ]);
    return walk(validateSync(plainToInstance(Policy, value)), '');
  };

  it('validates each object of the list and the nested object', () => {
    expect(policyProblems({ first: { days: 1 }, steps: [{ days: 3 }, { days: 0 }] })).toEqual([]);
    expect(policyProblems({ steps: [{ days: 3 }, { days: 'ba' }] })).toEqual([
      'steps.1.days: days phải là số nguyên',
    ]);
  });

  it.each([[[[]]], [[{ days: 1 }, []]]])('refuses a list item that is a list: %j', (steps) => {
    expect(policyProblems({ steps })).toEqual(['steps: steps phải là danh sách các đối tượng']);
  });

  it.each([[[5]], [['ba']], [[null]]])('refuses a list item that is not an object: %j', (steps) => {
    expect(policyProblems({ steps })).toEqual(['steps.0: steps phải là danh sách các đối tượng']);
  });

  it.each([[[]], [[{ days: 1 }]], [7], ['một']])(
    'refuses a nested object that is not one: %j',
    (first) => {
      expect(policyProblems({ first, steps: [] })).toEqual(['first: first phải là một đối tượng']);
    },
  );
});
