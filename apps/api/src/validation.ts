import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { isWellFormed, notWellFormedMessage } from '@cchc/common';

/** Validates every body and query; a 400 names each wrong field and why. */
export function validationPipe(): ValidationPipe {
  return new TextCheckingValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => refused(flatten(errors)),
  });
}

type FieldProblem = { field: string; message: string };

/** The 400 of a request with wrong fields: each named, with why (the console shows them). */
export function refused(fields: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    error: 'ValidationFailed',
    message: `Dữ liệu không hợp lệ: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
    fields,
  });
}

/**
 * After the DTO's own rules (IsText says it for text fields), every string of a body, query or
 * path must be well-formed Unicode, whatever validator its field has (passwords, codes, keys):
 * a lone surrogate cannot be written as UTF-8, so it would fail in the database or turn into
 * U+FFFD.
 */
class TextCheckingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result: unknown = await super.transform(value, metadata);
    if (metadata.type !== 'custom') {
      const found = notWellFormedPath(value, metadata.data ?? '');
      if (found !== null) {
        const field = found || metadata.type;
        throw refused([{ field, message: notWellFormedMessage(field) }]);
      }
    }
    return result;
  }
}

/** The path (a.b.0.c) of the first string in `value` that is not well-formed; null for none. */
function notWellFormedPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isWellFormed(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    if (!isWellFormed(key)) return itemPath;
    const found = notWellFormedPath(item, itemPath);
    if (found !== null) return found;
  }
  return null;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, 'trường $1 không được hỗ trợ'),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
