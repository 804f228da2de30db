import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { isIsoDate, LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR } from '@cchc/calendar';
import { vietnamInstant } from './vietnam-instant';

// Shared checks for everything that comes in over HTTP, so each rule is written once.

/** A TEXT column holds 65,535 bytes; 20,000 UTF-16 units are at most 60,000 bytes of UTF-8. */
export const TEXT_MAX_LENGTH = 20_000;

/** C0 controls (NUL first) and DEL; tab and line breaks are ordinary text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Whether `text` is well-formed Unicode: a lone UTF-16 surrogate ("\ud800" in JSON) has no
 * UTF-8 form, so the database would refuse it or store U+FFFD in its place.
 */
export function isWellFormed(text: string): boolean {
  // ES2024's String#isWellFormed (Node 20 has it; the ES2023 typings do not declare it).
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Why a string that is not well-formed Unicode is refused, for any field that holds one. */
export const notWellFormedMessage = (property: string) =>
  `${property} chứa ký tự Unicode hỏng (nửa cặp surrogate UTF-16 đứng lẻ); hãy gõ hoặc dán lại`;

/**
 * Text a person typed: a string of at most `maxLength` characters (at most its column), with no
 * NUL or other control characters and, unless `allowBlank`, not empty or only spaces.
 */
export function IsText(maxLength: number, options: { allowBlank?: boolean } = {}) {
  return applyDecorators(
    IsString({
      message: ({ value }) =>
        value === undefined || value === null ? '$property là bắt buộc' : '$property phải là chuỗi',
    }),
    MaxLength(maxLength, { message: `$property dài quá ${maxLength} ký tự` }),
    ValidateBy({
      name: 'isText',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' ||
          (isWellFormed(value) &&
            !CONTROL_CHARACTERS.test(value) &&
            (options.allowBlank || /\S/.test(value))),
        defaultMessage: (args) => {
          const value: unknown = args?.value;
          if (typeof value === 'string' && !isWellFormed(value)) {
            return notWellFormedMessage('$property');
          }
          return typeof value === 'string' && CONTROL_CHARACTERS.test(value)
            ? '$property chứa ký tự điều khiển (NUL…) không được phép'
            : '$property không được để trống hay chỉ có khoảng trắng';
        },
      },
    }),
  );
}

export interface DateRange {
  first: string;
  last: string;
}

/** Every date the working calendar can compute (the lunar calendar's years). */
export const CALENDAR_RANGE: DateRange = {
  first: `${LUNAR_FIRST_YEAR}-01-01`,
  last: `${LUNAR_LAST_YEAR}-12-31`,
};

/**
 * Due dates and appointments: the worker plans reminders up to 60 working days before them and
 * escalations up to 250 after (about a year), so a year of margin is kept on each side.
 */
export const PLANNABLE_RANGE: DateRange = {
  first: `${LUNAR_FIRST_YEAR + 2}-01-01`,
  last: `${LUNAR_LAST_YEAR - 2}-12-31`,
};

export function isDateWithin(value: unknown, range: DateRange): boolean {
  return isIsoDate(value) && value >= range.first && value <= range.last;
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30) within `range`. */
export function IsCalendarDate(range: DateRange = CALENDAR_RANGE, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isDateWithin(value, range),
        defaultMessage: () =>
          `$property phải là ngày có thật dạng YYYY-MM-DD, từ ${range.first} đến ${range.last}`,
      },
    },
    options,
  );
}

/**
 * The end of a period (`to`) on or after its start (`start`, another property): a reversed
 * period is a 400 naming both, not an empty answer. Checked only when both are dates.
 */
export function IsNotBefore(start: string) {
  return ValidateBy({
    name: 'isNotBefore',
    constraints: [start],
    validator: {
      validate: (value: unknown, args) => {
        const from: unknown = (args?.object as Record<string, unknown> | undefined)?.[start];
        return !isIsoDate(value) || !isIsoDate(from) || value >= from;
      },
      defaultMessage: (args) => {
        const from = (args?.object as Record<string, unknown> | undefined)?.[start];
        return `$property (${String(args?.value)}) không được trước ${start} (${String(from)})`;
      },
    },
  });
}

const BOOLEAN_WORDS = new Map<unknown, boolean>([
  ['true', true],
  ['1', true],
  ['false', false],
  ['0', false],
  [true, true],
  [false, false],
]);

/** A yes/no query parameter: `true`/`false` or `1`/`0`; anything else (yes, on, empty) is a 400. */
export function IsStrictBoolean() {
  return applyDecorators(
    Transform(({ value }) => BOOLEAN_WORDS.get(value) ?? value),
    IsBoolean({ message: '$property phải là true hoặc false (hoặc 1/0)' }),
  );
}

/** A DTO class, as class-transformer's `@Type` names it. */
type DtoClass = () => new (...args: never[]) => object;

const NOT_AN_OBJECT = '$property phải là một đối tượng';

/** ValidateNested takes a list for an object and checks its items (none when it is empty). */
const IsNotList = (options: ValidationOptions) =>
  ValidateBy(
    { name: 'isNotList', validator: { validate: (value) => !Array.isArray(value) } },
    options,
  );

/**
 * One nested object validated as `type`: a list, a number or a string is refused, in Vietnamese
 * (ValidateNested alone would take a list and say the rest in English). A missing value is not
 * checked here: pair it with IsDefined or IsOptional.
 */
export function IsNestedObject(type: DtoClass) {
  return applyDecorators(
    IsNotList({ message: NOT_AN_OBJECT }),
    ValidateNested({ message: NOT_AN_OBJECT }),
    Type(type),
  );
}

/**
 * A list of objects, each validated as `type`; an item that is not an object is refused by its
 * index (`steps.1`), one that is itself a list by the list's name (ValidateNested alone lets it
 * through unchecked, and the service would read fields of it). Say with IsArray what the list
 * must be.
 */
export function IsNestedList(type: DtoClass) {
  // True of the list whichever item, or the list itself, is wrong.
  const message = '$property phải là danh sách các đối tượng';
  return applyDecorators(
    IsNotList({ each: true, message }),
    ValidateNested({ each: true, message }),
    Type(type),
  );
}

/**
 * An instant as `vietnamInstant` reads it (ISO 8601 extended, Vietnam time without a zone): the
 * forms class-validator's IsISO8601 also takes (`2026-W07-4`, `20260212T093000Z`) are refused
 * here, not left for `new Date` to turn into an invalid date.
 */
export function IsVietnamInstant(options: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isVietnamInstant',
      validator: {
        validate: (value) => typeof value === 'string' && vietnamInstant(value) !== null,
      },
    },
    options,
  );
}
