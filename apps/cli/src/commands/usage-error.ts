/** A wrong command line: printed as one line, exit code 2. */
export class UsageError extends Error {}

export function usageError(message: string): UsageError {
  return new UsageError(message);
}

export function parseWholeNumber(text: string, name: string): number {
  if (!/^-?\d+$/.test(text ?? ''))
    throw usageError(`${name} phải là số nguyên (nhận được "${text}")`);
  return Number(text);
}
