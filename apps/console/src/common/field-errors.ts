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

/** class-validator's `$property` names the last segment of a nested field (`topics.2.code`). */
function withoutProperty(field: string, message: string): string {
  const [, first, rest] = /^(\S+)\s+(\S[\s\S]*)$/.exec(message) ?? [];
  return rest !== undefined && (first === field || first === field.split('.').at(-1))
    ? rest
    : message;
}
