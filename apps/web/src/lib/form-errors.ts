/** Map an ApiError with a `field` onto the antd form field; returns true when it was shown there. */
import type { FormInstance } from 'antd';
import { isApiError } from './api-client.ts';

export function applyFieldError(form: FormInstance, error: unknown, knownFields: readonly string[]): boolean {
  if (!isApiError(error) || !error.field) return false;
  const path = error.field.split(/[.[\]]+/).filter(Boolean);
  const head = path[0];
  if (head === undefined || !knownFields.includes(head)) return false;
  const name = path.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  form.setFields([{ name: name.length === 1 ? head : name, errors: [error.message] }]);
  return true;
}

export function errorMessage(error: unknown, fallback: string): string {
  if (isApiError(error)) return error.message || fallback;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}
