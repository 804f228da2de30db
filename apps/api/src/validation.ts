import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** Validates every body and query; a 400 names each wrong field and why. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        error: 'ValidationFailed',
        message: `Dữ liệu không hợp lệ: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
        fields,
      });
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, 'trường $1 không được hỗ trợ'),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
