/** Catalog and selection API errors: the server's localized message, and field errors renamed onto form fields. */
import type { FormInstance } from 'antd';
import type { Translate } from '../../i18n/index.ts';
import { ApiError, isApiError } from '../../lib/api-client.ts';
import { applyFieldError, errorMessage } from '../../lib/form-errors.ts';

export function selectionErrorMessage(t: Translate, error: unknown): string {
  if (isApiError(error) && (error.status === 413 || error.code === 'document.too_large')) return t('registry.upload.tooLarge');
  return errorMessage(error, t('common.networkError'));
}

/**
 * Shows an API field error on the form when the field is one of `knownFields`, after renaming the API's path
 * segments (`priceFen` → `priceYuan`, `imageIds.2` → `imageIds`) to the form's. Returns true when shown there.
 */
export function applyRenamedFieldError(
  form: FormInstance,
  error: unknown,
  knownFields: readonly string[],
  rename: Readonly<Record<string, string>> = {},
  /** fields whose index suffix is dropped (the whole list is one control) */
  wholeLists: readonly string[] = [],
): boolean {
  if (!isApiError(error) || !error.field) return false;
  const parts = error.field.split(/[.[\]]+/).filter(Boolean);
  const head = parts[0];
  const path = head !== undefined && wholeLists.includes(head) ? [head] : parts;
  const field = path.map((p) => rename[p] ?? p).join('.');
  const renamed = new ApiError(error.status, error.code, error.message, field, error.details);
  return applyFieldError(form, renamed, knownFields);
}
