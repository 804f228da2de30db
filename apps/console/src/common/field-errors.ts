import type { FormInstance } from 'antd';
import { ApiError } from '../api/http';

/** A form field's name as antd writes it: `topics.2.code` is ['topics', 2, 'code']. */
export type FieldPath = (string | number)[];

/**
 * The fields a 400 names (`fields: [{field, message}]`, as the API's validation writes them),
 * as antd's `form.setFields` takes them, so each message shows beside its field; empty when
 * the refusal names no field (then the form shows its message on top). A message beside its
 * field drops the property name it starts with ("score phải là số…" → "phải là số…"): the
 * field's Vietnamese label already names it.
 */
export function apiFieldErrors(error: unknown): { name: FieldPath; errors: string[] }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.body.fields)) return [];
  const byField = new Map<string, string[]>();
  for (const { field, message } of error.body.fields as { field: string; message: string }[]) {
    byField.set(field, [...(byField.get(field) ?? []), withoutProperty(field, message)]);
  }
  return [...byField].map(([field, errors]) => ({
    name: field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    errors,
  }));
}

/** Shows the fields a refusal names beside them in `form`; whether it named any. */
export function showFieldErrors<T>(form: FormInstance<T>, error: unknown): boolean {
  const fields = apiFieldErrors(error);
  // The API names fields by the body's paths, which are the form's names.
  form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  return fields.length > 0;
}

/** One problem of a refused file import, where it is: its row (null: the file or the request). */
export interface RowProblem {
  row: number | null;
  field: string | null;
  message: string;
}

const isProblem = (value: unknown): value is { message: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { message?: unknown }).message === 'string';

/**
 * Every problem a 400 lists with where it is: the file imports' rows (`problems` — targets,
 * PAR-Index criteria —, or the plan import's `errors`), then the request's own fields the
 * validation names (`fields`, without a row); empty for any other refusal. `labels`, when given,
 * are the fields' Vietnamese names: a message then drops the property name it starts with, as
 * beside a form's field.
 */
export function apiRowProblems(
  error: unknown,
  labels?: Readonly<Record<string, string>>,
): RowProblem[] {
  if (!(error instanceof ApiError)) return [];
  const listed = (key: string) => {
    const value = error.body[key];
    return Array.isArray(value) ? value.filter(isProblem) : [];
  };
  return [...listed('problems'), ...listed('errors'), ...listed('fields')].map((problem) => {
    const { row, field } = problem as { row?: unknown; field?: unknown };
    const named = typeof field === 'string' && field !== '' ? field : null;
    return {
      row: typeof row === 'number' ? row : null,
      field: named,
      message:
        labels && named && labelOf(named, labels)
          ? withoutProperty(named, problem.message)
          : problem.message,
    };
  });
}

/** A field's Vietnamese name (`topics.2.code` is named as `code`), if `labels` has one. */
export function labelOf(
  field: string,
  labels: Readonly<Record<string, string>>,
): string | undefined {
  return labels[field] ?? labels[field.split('.').at(-1) ?? field];
}

/** class-validator's `$property` names the last segment of a nested field (`topics.2.code`). */
function withoutProperty(field: string, message: string): string {
  const [, first, rest] = /^(\S+)\s+(\S[\s\S]*)$/.exec(message) ?? [];
  return rest !== undefined && (first === field || first === field.split('.').at(-1))
    ? rest
    : message;
}
