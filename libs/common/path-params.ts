import { BadRequestException, ParseUUIDPipe, PipeTransform } from '@nestjs/common';

// Path parameters a route cannot use are the client's mistake: a 400 naming the parameter,
// not a 404 (nothing was looked up) and not Nest's English "Validation failed".

/** A UUID path parameter; `of` says whose id it is ("của báo cáo"). */
export function uuidParam(name: string, of: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new BadRequestException(`${name} phải là UUID ${of}`),
  });
}

export interface YearRange {
  first: number;
  last: number;
}

/** A year path parameter within `range` (four digits at most, so 1e20 is not "a year"). */
export class YearParam implements PipeTransform<string, number> {
  constructor(
    private readonly range: YearRange,
    private readonly name = 'year',
  ) {}

  transform(value: string): number {
    const year = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
    if (year >= this.range.first && year <= this.range.last) return year;
    throw new BadRequestException(
      `${this.name} phải là năm từ ${this.range.first} đến ${this.range.last}`,
    );
  }
}
