import { BadRequestException } from '@nestjs/common';
import type { RowProblem } from '@cchc/procedures';

/** A sheet refused whole: 400 with every problem by row and column; nothing was written. */
export function importRefused(what: string, problems: RowProblem[]): BadRequestException {
  return new BadRequestException({
    error: 'ImportFailed',
    message: `Không nhập ${what}: ${problems.length} lỗi; chưa ghi dòng nào.`,
    problems,
  });
}
